"""What saved alerts cost at each publish: 1,000 alerts against a batch of new documents.

    python bench/alerts.py                                   # corpus/ + 500 generated documents
    python bench/alerts.py --size 2000 --alerts 1000 --batch 20
    python bench/alerts.py --data-dir /tmp/kg-bench/data-100000-…   # a store bench/run.py --keep left

Builds (or reuses) a data directory, makes --alerts saved views over its most mentioned
entities (pattern alerts: new participants, new announcements, new documents about them;
one saved search in 20), ingests --batch new documents, and prints:

- the time of the evaluation that ran at the batch's publish (all alerts), and of one
  with a single alert: incremental evaluation costs what the changed documents cost;
- the time a naive re-evaluation would take: every pattern alert as a query over the
  whole graph (timed on 50 alerts, extrapolated).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.write import alerts  # noqa: E402
from kg.write.changes import ChangeLog  # noqa: E402
from kg.read.graph import KnowledgeGraph  # noqa: E402
from kg.write.pipeline import ingest_paths  # noqa: E402
from kg.write.saved import PATTERNS, SavedViews  # noqa: E402
from kg.settings import Settings  # noqa: E402


def build(data_dir: Path, size: int, work: Path) -> tuple[Settings, Path]:
    """Ingest corpus/ and `size` generated documents, keeping `batch` more for later."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import generate  # noqa: PLC0415

    generate(work / "gen", size + 200)
    lines = [line for f in sorted((work / "gen" / "docs").rglob("*.jsonl")) for line in f.read_text("utf-8").splitlines()]
    (work / "base").mkdir(exist_ok=True)
    (work / "base" / "docs.jsonl").write_text("\n".join(lines[:size]) + "\n", encoding="utf-8")
    (work / "later.jsonl").write_text("\n".join(lines[size:]) + "\n", encoding="utf-8")
    settings = Settings.from_env(data_dir=data_dir)
    if not (data_dir / "graph").exists():
        with KnowledgeGraph(settings) as kg:
            ingest_paths(kg, [ROOT / "corpus", work / "base"], workers=settings.ingest_workers)
    return settings, work / "later.jsonl"


def top_entities(kg: KnowledgeGraph, n: int) -> list[tuple[str, str]]:
    rows = kg.store.select("""PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#>
        SELECT ?e ?t (COUNT(?d) AS ?n) WHERE { GRAPH ?d { ?d kgo:mentions ?e } ?e kgo:entityType ?t }
        GROUP BY ?e ?t ORDER BY DESC(?n) LIMIT """ + str(n))
    return [(str(r["e"]), str(r["t"])) for r in rows]


def make_alerts(kg: KnowledgeGraph, count: int) -> int:
    made = 0
    with SavedViews(kg.settings.data_dir) as sv, ChangeLog(kg.settings.data_dir) as log:
        cursor = log.last()
        for i, (iri, etype) in enumerate(top_entities(kg, count)):
            if made >= count:
                break
            if i % 20 == 19:
                view = sv.add(f"search-{i}", "search", {"q": iri.rsplit("/", 1)[-1].replace("_", " ")}, cursor=cursor)
            else:
                fits = [k for k, v in PATTERNS.items() if k != "deadline" and (not v[3] or etype in v[3])]
                view = sv.add(f"alert-{i}", "pattern", {"pattern": fits[i % len(fits)], "entity": iri}, cursor=cursor)
            alerts.seed(kg, sv, view)
            made += 1
    return made


def naive(kg: KnowledgeGraph, sample: int = 50) -> float:
    """Seconds per pattern alert re-run over the whole graph (what we avoid)."""
    with SavedViews(kg.settings.data_dir) as sv:
        views = [v for v in sv.views() if v.kind == "pattern"][:sample]
    t0 = time.perf_counter()
    for v in views:
        _label, prop, side, _t = PATTERNS[v.spec["pattern"]]
        e = v.spec["entity"]
        where = f"<{e}> kgo:{prop} ?x" if side == "subject" else f"?x kgo:{prop} <{e}>"
        if prop == "mentions":
            where = f"GRAPH ?x {{ ?x kgo:mentions <{e}> }}"
        kg.store.select(f"PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#> SELECT ?x WHERE {{ {where} }}")
    return (time.perf_counter() - t0) / max(1, len(views))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=int, default=500, help="generated documents in the store")
    ap.add_argument("--alerts", type=int, default=1000)
    ap.add_argument("--batch", type=int, default=20, help="new documents ingested after the alerts are made")
    ap.add_argument("--data-dir", type=Path, help="an existing data directory (its documents stay)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-alerts-"))
    if a.data_dir:  # a store bench/run.py built from the same generator: the batch comes after its documents
        with KnowledgeGraph(Settings.from_env(data_dir=a.data_dir), read_only=True) as kg:
            a.size = kg.index.doc_count()
    settings, later = build(a.data_dir or work / "data", a.size, work)
    lines = later.read_text("utf-8").splitlines()[: a.batch]
    (work / "batch").mkdir()
    (work / "batch" / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with KnowledgeGraph(settings) as kg:
        documents = kg.index.doc_count()
        t0 = time.perf_counter()
        made = make_alerts(kg, a.alerts)
        t_make = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = ingest_paths(kg, [work / "batch"], workers=1)
        t_ingest = time.perf_counter() - t0
        with ChangeLog(settings.data_dir) as log:
            last = log.last()
        with SavedViews(settings.data_dir) as sv:
            hits = sum(sv.counts().values())
        # the same batch evaluated again from the cursor before it: all alerts, then one
        with SavedViews(settings.data_dir) as sv:
            sv.db.execute("UPDATE views SET cursor = ?", (last - report.ingested,))
            sv.db.execute("DELETE FROM hits")
        t0 = time.perf_counter()
        alerts.evaluate(kg)
        t_all = time.perf_counter() - t0
        with SavedViews(settings.data_dir) as sv:
            keep = sv.views()[0].id
            sv.db.execute("UPDATE views SET cursor = ? WHERE id = ?", (last - report.ingested, keep))
            sv.db.execute("UPDATE views SET cursor = ? WHERE id != ?", (last, keep))
        t0 = time.perf_counter()
        alerts.evaluate(kg)
        t_one = time.perf_counter() - t0
        per_naive = naive(kg)
    out = {"documents": documents, "alerts": made, "batch": report.ingested, "hits": hits,
           "seconds_make_alerts": round(t_make, 2), "seconds_ingest_batch_with_alerts": round(t_ingest, 2),
           "seconds_evaluate_all_alerts": round(t_all, 3), "seconds_evaluate_one_alert": round(t_one, 3),
           "seconds_naive_rerun_all": round(per_naive * made, 2), "ms_naive_per_alert": round(per_naive * 1000, 2)}
    if a.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for k, v in out.items():
            print(f"{k:>36}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
