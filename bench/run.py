"""The benchmark suite: `make bench` (this script) prints one table and writes JSON.

    python bench/run.py                          # 1,000 documents (and 100 for the scaling ratio), full NLP
    python bench/run.py --size 10000             # the full run the issue quotes (NLP is the slow stage)
    python bench/run.py --size 100000 --skip-nlp # store/index/search at scale, NLP replaced by cached extractions
    python bench/run.py --sizes 10000,100000 --skip-nlp --json out.json
    python bench/run.py --measure /tmp/kg-bench/data-10000-<pid> --web-n 10   # re-measure a kept data directory
    python bench/run.py --size 10000 --e2e      # also time `kg ingest` itself (worker processes), per size

For each size, a synthetic corpus is generated from the real texts in ../shared/data and
corpus/ (bench/corpus.py, into --work-dir, never into the repo) and ingested in a fresh
worker process (so peak memory is per size) that times each ingest stage with the
functions kg/write/pipeline.py uses (bench/stages.py), then measures search (whoosh and
tantivy side by side on identical input), SPARQL and web-page latency (bench/measure.py)
and the size on disk. Two sizes give a scaling ratio per stage: (time ratio) / (size
ratio), 1.0 = linear; above 1.3 is flagged. Targets from the issue are printed next to
the figures. The default size is 1,000 so `make bench` finishes in a few minutes on
two cores; the quoted figures come from --size 10000 (NLP) and --size 100000 --skip-nlp.
"""
# Over 400 lines, kept whole: one benchmark driver: its stages share the per-size worker process and the one table it prints.
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

TARGETS = {"ingest_100k_minutes": 30.0, "ingest_peak_gb": 4.0, "search_p95_ms": 100.0, "sparql_p95_ms": 500.0}
FLAG_RATIO = 1.3


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- worker: one size, one fresh process -----------------------------------------------
def worker(a: argparse.Namespace) -> int:
    import corpus as gen  # noqa: PLC0415
    import measure  # noqa: PLC0415
    import stages  # noqa: PLC0415

    os.environ["KG_SEARCH_BACKEND"] = a.backend  # the web app reads the settings from the environment
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415
    from kg.search import BACKENDS, open_index  # noqa: PLC0415
    from kg.settings import Settings  # noqa: PLC0415

    t_setup = time.perf_counter()
    measure.TOP.update(gen.head(a.seed))
    ner = Settings.from_env().ner_model  # KG_NER_MODEL, as the product reads it
    pre = None
    if a.skip_nlp:
        pool = gen.build_pool(a.seed)
        exs = gen.pool_extractions(pool, a.work_dir, ner)
        pre = (stages.Recipes(a.corpus), pool.units, exs)
        from ingest.nlp.kiwi import analyze  # noqa: PLC0415

        analyze("산업통상자원부는 발표했다.")  # Kiwi loads once (titles are analysed by the index)
    else:
        from ingest.nlp.pipeline import extract  # noqa: PLC0415

        extract("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.", "2024-03-07", ner_model=ner)  # load spaCy + Kiwi
    setup = time.perf_counter() - t_setup
    rss_setup = maxrss_mb()

    if a.data.exists():
        shutil.rmtree(a.data)
    # kg.snapshots deletes a superseded snapshot GRACE_SECONDS after its successor (the
    # product's 60 s by default, so the disk figures are the product's); --snapshot-keep-s
    # sets another grace time.
    from kg.store import snapshots  # noqa: PLC0415

    if a.snapshot_keep_s is not None:
        snapshots.GRACE_SECONDS = a.snapshot_keep_s
    settings = Settings.from_env(data_dir=str(a.data), search_backend=a.backend)
    other = next(b for b in BACKENDS if b != a.backend)
    result: dict[str, Any] = {"size": a.size, "mode": "skip-nlp" if a.skip_nlp else "nlp", "backend": a.backend,
                              "batch_size": a.batch_size, "reuse_terms": not a.no_reuse_terms, "ner_model": ner,
                              "setup_s": round(setup, 2), "rss_setup_mb": round(rss_setup),
                              "load_avg_start": os.getloadavg()[0]}
    timer, also_timer = stages.Timer(), stages.Timer()
    with KnowledgeGraph(settings) as kg:
        also = open_index(a.data / f"index-{other}", other) if a.compare else None
        st = stages.ingest(kg, stages.timed_documents(a.corpus / "docs", timer), timer, batch_size=a.batch_size,
                           pre=pre, reuse_terms=not a.no_reuse_terms, also=also, also_timer=also_timer)
        ingest_wall = st.wall - also_timer.seconds.get("index", 0.0)  # the second index is not part of ingest
        result["ingest"] = {"docs": st.docs, "chars": st.chars, "triples": st.triples, "entities": st.entities,
                            "relations": st.relations, "terms": st.terms, "wall_s": round(ingest_wall, 2),
                            "docs_per_s": round(st.docs / ingest_wall, 1), "chars_per_s": round(st.chars / ingest_wall),
                            "stages_s": {k: round(v, 3) for k, v in st.stages.items()},
                            "stages_cpu_s": {k: round(v, 3) for k, v in st.stages_cpu.items()},
                            "cpu_s": round(sum(st.stages_cpu.values()), 2),
                            "rss_peak_mb": round(maxrss_mb()), "failed": len(st.failed),
                            "failures": st.failed[:20]}
        also_s = also_timer.seconds.get("index", 0.0)
        kg.index.close()
        kg._index = None  # reopen for searching as the web server does: no writer held  # noqa: SLF001
        if also is not None:
            also.close()
            also = open_index(a.data / f"index-{other}", other, create=False)
        search = {a.backend: measure.search_latency(kg.index, repeat=a.repeat)}
        backends = {a.backend: {"index_write_s": round(st.stages.get("index", 0.0), 2),
                                "disk_mb": round(measure.disk_usage(settings.index_dir) / 2**20, 1),
                                "search": search[a.backend]}}
        if also is not None:
            backends[other] = {"index_write_s": round(also_s, 2),
                               "disk_mb": round(measure.disk_usage(a.data / f"index-{other}") / 2**20, 1),
                               "search": measure.search_latency(also, repeat=a.repeat)}
            also.close()
        result["backends"] = backends
    # SPARQL as the web server runs it: on the published snapshot, in a worker process,
    # stopped at KG_QUERY_TIMEOUT
    from kg.read.sparql_exec import QueryRunner  # noqa: PLC0415

    runner = QueryRunner(a.data, workers=1)
    try:
        with KnowledgeGraph(settings.with_(query_timeout=a.sparql_timeout), read_only=True, runner=runner) as kg:
            result["sparql"] = measure.sparql_latency(kg, repeat=a.repeat)
    finally:
        runner.close()
    if a.web_n:
        result["web"] = measure.web_latency(a.data, n=a.web_n)
    seen: set = set()
    result["disk_mb"] = {name: round(measure.disk_usage(a.data / name, seen) / 2**20, 1)
                         for name in ("graph", "snapshots", "index", f"index-{other}")}
    result["rss_final_mb"] = round(maxrss_mb())
    result["load_avg_end"] = os.getloadavg()[0]
    a.result.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not a.keep:
        shutil.rmtree(a.data, ignore_errors=True)
    return 0


def measure_only(a: argparse.Namespace) -> int:
    """--measure DIR: search, SPARQL and web-page latency on a data directory an earlier
    run kept (--keep), without ingesting again (to compare code changes on the same data)."""
    import corpus as gen  # noqa: PLC0415
    import measure  # noqa: PLC0415

    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415
    from kg.settings import Settings  # noqa: PLC0415
    from kg.read.sparql_exec import QueryRunner  # noqa: PLC0415

    measure.TOP.update(gen.head(a.seed))
    settings = Settings.from_env(data_dir=str(a.measure), search_backend="auto")  # the kept index's own
    out: dict[str, Any] = {"data_dir": str(a.measure)}
    runner = QueryRunner(a.measure, workers=1)
    try:
        with KnowledgeGraph(settings.with_(query_timeout=a.sparql_timeout), read_only=True, runner=runner) as kg:
            out["documents"] = kg.stats()["documents"]
            out["search"] = measure.search_latency(kg.index, repeat=a.repeat)
            out["sparql"] = measure.sparql_latency(kg, repeat=a.repeat)
    finally:
        runner.close()
    if a.web_n:
        out["web"] = measure.web_latency(a.measure, n=a.web_n)
    L = [f"{a.measure}: {out['documents']:,} documents (ms, p50/p95)"]
    L += [fmt_row(f"search: {v}", [f"{out['search'][v]['p50_ms']:.1f}/{out['search'][v]['p95_ms']:.1f}"])
          for v in ("plain", "facet filters", "browse (empty query)")]
    L += [fmt_row(f"sparql: {q}", [f"{r['p50_ms']:.1f}/{r['p95_ms']:.1f}"], "TIMEOUT" if r.get("timeout") else "")
          for q, r in out["sparql"].items()]
    L += [fmt_row(f"web: {p}", [f"{r['p50_ms']:.1f}/{r['p95_ms']:.1f}"], f"HTTP {r['status']}")
          for p, r in out.get("web", {}).items() if p != "all"]
    print("\n".join(L))
    if a.json:
        a.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


# -- parent: corpora, workers, table ---------------------------------------------------------
def run_size(a: argparse.Namespace, size: int) -> dict[str, Any]:
    import corpus as gen  # noqa: PLC0415

    cdir = a.work_dir / f"corpus-{size}-s{a.seed}"
    t = time.perf_counter()
    manifest = gen.generate(cdir, size, a.seed, _pool(a))
    gen_s = time.perf_counter() - t
    if a.skip_nlp:
        t = time.perf_counter()
        gen.pool_extractions(_pool(a), a.work_dir)
        print(f"  pool extractions ready ({time.perf_counter() - t:.0f}s)", file=sys.stderr)
    res_file = a.work_dir / f"result-{size}-{os.getpid()}.json"
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "--size", str(size), "--corpus", str(cdir),
           "--data", str(a.work_dir / f"data-{size}-{os.getpid()}"), "--result", str(res_file),
           "--backend", a.backend, "--batch-size", str(a.batch_size), "--repeat", str(a.repeat),
           "--web-n", str(a.web_n), "--sparql-timeout", str(a.sparql_timeout),
           "--work-dir", str(a.work_dir), "--seed", str(a.seed)]
    if a.snapshot_keep_s is not None:
        cmd += ["--snapshot-keep-s", str(a.snapshot_keep_s)]
    cmd += [f for f, on in (("--skip-nlp", a.skip_nlp), ("--no-compare", not a.compare),
                            ("--no-reuse-terms", a.no_reuse_terms), ("--keep", a.keep)) if on]
    print(f"size {size:,}: corpus {manifest['chars']:,} chars ({gen_s:.0f}s); ingesting in a worker…", file=sys.stderr)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT)
    res = json.loads(res_file.read_text(encoding="utf-8"))
    res_file.unlink()
    res["corpus"] = manifest
    print(f"size {size:,}: done in {time.perf_counter() - t:.0f}s", file=sys.stderr)
    if a.e2e:
        res["e2e"] = end_to_end(a, cdir, size, manifest["chars"])
    return res


def end_to_end(a: argparse.Namespace, cdir: Path, size: int, chars: int) -> dict[str, Any]:
    """The product's own path: `kg ingest DOCS` in a fresh data directory, with its
    default NLP worker processes (one per core), timed from outside. Peak memory is
    the largest single process (the main one or a worker), as getrusage reports it."""
    data = a.work_dir / f"e2e-{size}-{os.getpid()}"
    shutil.rmtree(data, ignore_errors=True)
    env = {**os.environ, "KG_SEARCH_BACKEND": a.backend}
    cmd = [str(Path(sys.executable).with_name("kg")), "ingest", str(cdir / "docs"), "--data-dir", str(data)]
    print(f"size {size:,}: end to end, {' '.join(cmd[1:])}…", file=sys.stderr)
    # a fresh parent, so that the peak is this run's (getrusage keeps the largest child ever)
    probe = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
             "print('maxrss', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
             "sys.exit(r.returncode)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"kg ingest failed ({proc.returncode}): {proc.stderr[-2000:]}")
    lines = proc.stderr.splitlines()
    peak = next((int(ln.split()[1]) // 1024 for ln in reversed(lines) if ln.startswith("maxrss ")), 0)
    summary = next((ln for ln in reversed(lines) if "triples" in ln), "")
    if not a.keep:
        shutil.rmtree(data, ignore_errors=True)
    return {"wall_s": round(wall, 1), "docs_per_s": round(size / wall, 1), "chars_per_s": round(chars / wall),
            "peak_rss_mb": peak, "workers": os.cpu_count(), "summary": summary,
            "projected_100k_min": round(100_000 / (size / wall) / 60, 1)}


_POOL: Any = None


def _pool(a: argparse.Namespace):
    global _POOL
    if _POOL is None:
        import corpus as gen  # noqa: PLC0415

        _POOL = gen.build_pool(a.seed)
    return _POOL


def scaling(results: list[dict[str, Any]]) -> dict[str, Any]:
    """(time ratio) / (size ratio) of each stage and latency between the two largest sizes.
    Stages have a wall and a CPU ratio; CPU seconds count every thread of the process,
    so they include background work (RocksDB compaction, tantivy merges) that happens
    to run during a stage: a stage grows faster than linearly when both ratios say so."""
    if len(results) < 2:
        return {}
    small, big = results[-2], results[-1]
    k = big["ingest"]["docs"] / max(1, small["ingest"]["docs"])
    out: dict[str, Any] = {"sizes": [small["size"], big["size"]], "size_ratio": round(k, 2), "stages": {}, "stages_cpu": {},
                           "latency": {}}
    for stage, sec in big["ingest"]["stages_s"].items():
        base = small["ingest"]["stages_s"].get(stage, 0.0)
        cpu, cpu_base = big["ingest"]["stages_cpu_s"].get(stage, 0.0), small["ingest"]["stages_cpu_s"].get(stage, 0.0)
        if base > 0.2 and cpu_base > 0.2:  # too short to compare otherwise
            out["stages"][stage] = round(sec / base / k, 2)
            out["stages_cpu"][stage] = round(cpu / cpu_base / k, 2)
    for name in big["backends"]:
        for variant in ("plain", "facet filters", "browse (empty query)"):
            s, b = small["backends"][name]["search"][variant]["p95_ms"], big["backends"][name]["search"][variant]["p95_ms"]
            out["latency"][f"search p95 {name} {variant}"] = round(b / s, 2) if s else None
    s, b = small["sparql"]["all"]["p95_ms"], big["sparql"]["all"]["p95_ms"]
    out["latency"]["sparql p95"] = round(b / s, 2) if s else None
    return out


def fmt_row(label: str, values: list[str], note: str = "") -> str:
    return f"  {label:<34}" + "".join(f"{v:>22}" for v in values) + (f"   {note}" if note else "")


def table(results: list[dict[str, Any]], scale: dict[str, Any], a: argparse.Namespace) -> str:
    L: list[str] = []
    mode = results[0]["mode"]
    sizes = [f"{r['ingest']['docs']:,} docs" for r in results]
    L.append(f"Ingest ({mode}; index: {a.backend}; batch {a.batch_size}; NLP terms reused by the index: "
             f"{'yes' if not a.no_reuse_terms else 'no'})")
    L.append(fmt_row("", sizes, f"x{scale['size_ratio']} linear ratio" if scale else ""))
    L.append(fmt_row("documents/s", [f"{r['ingest']['docs_per_s']:,.1f}" for r in results]))
    L.append(fmt_row("characters/s", [f"{r['ingest']['chars_per_s']:,}" for r in results]))
    L.append(fmt_row("wall seconds (CPU seconds)", [f"{r['ingest']['wall_s']:,.1f} ({r['ingest']['cpu_s']:,.1f})"
                                                    for r in results], "stages: wall s (CPU s) docs/s"))
    big = results[-1]
    per_doc = big["ingest"]["wall_s"] / big["ingest"]["docs"]
    proj = per_doc * 100_000 / 60
    for stage in ("load", "check", "nlp", "map", "graph", "index", "publish"):
        vals = []
        for r in results:
            sec = r["ingest"]["stages_s"].get(stage, 0.0)
            cpu = r["ingest"]["stages_cpu_s"].get(stage, 0.0)
            vals.append(f"{sec:,.1f}s ({cpu:,.1f}) {r['ingest']['docs'] / sec:,.0f}/s" if sec else "-")
        ratio = scale.get("stages", {}).get(stage) if scale else None
        cpu_ratio = scale.get("stages_cpu", {}).get(stage) if scale else None
        note = (f"ratio wall {ratio} CPU {cpu_ratio}"
                + (" ← grows faster than linearly" if ratio > FLAG_RATIO and cpu_ratio > FLAG_RATIO else "")) \
            if ratio and cpu_ratio else ""
        L.append(fmt_row(f"  {stage}" + (" (pre-extracted)" if stage == "nlp" and mode == "skip-nlp" else ""), vals, note))
    L.append(fmt_row("peak memory (maxrss) MB", [f"{r['ingest']['rss_peak_mb']:,}" for r in results],
                     f"target < {TARGETS['ingest_peak_gb'] * 1024:,.0f} MB at 100k"))
    L.append(fmt_row("triples", [f"{r['ingest']['triples']:,}" for r in results]))
    if any(r["ingest"].get("failed") for r in results):
        L.append(fmt_row("failed documents (NLP errors)", [f"{r['ingest'].get('failed', 0):,}" for r in results],
                         next((f[1][:70] for r in results for f in r["ingest"].get("failures", [])), "")))
    for part in ("graph", "snapshots", "index"):
        L.append(fmt_row(f"disk MB: {part}", [f"{r['disk_mb'].get(part, 0):,.1f}" for r in results]))
    L.append(f"  projected 100k documents at the largest size's rate: {proj:,.1f} min "
             f"(target < {TARGETS['ingest_100k_minutes']:.0f} min{'; over' if proj > TARGETS['ingest_100k_minutes'] else ''})")
    if any("e2e" in r for r in results):
        L.append(fmt_row("kg ingest end to end: docs/s", [f"{r['e2e']['docs_per_s']:,}" if "e2e" in r else "-"
                                                         for r in results], "full NLP, one worker per core"))
        L.append(fmt_row("  wall s (peak MB, one process)", [f"{r['e2e']['wall_s']:,} ({r['e2e']['peak_rss_mb']:,})"
                                                             if "e2e" in r else "-" for r in results]))
        e2e = next(r["e2e"] for r in reversed(results) if "e2e" in r)
        L.append(f"  projected 100k documents end to end: {e2e['projected_100k_min']:,.1f} min "
                 f"(target < {TARGETS['ingest_100k_minutes']:.0f} min)")
    L.append("")
    L.append("Search latency ms, p50 / p95 / p99 (12 Korean queries × repeats; page of 20 with snippets)")
    for name in big["backends"]:
        for variant in ("plain", "facet filters", "no facet counts", "browse (empty query)"):
            vals = []
            for r in results:
                s = r["backends"][name]["search"][variant]
                vals.append(f"{s['p50_ms']:.1f}/{s['p95_ms']:.1f}/{s['p99_ms']:.0f}")
            ratio = scale.get("latency", {}).get(f"search p95 {name} {variant}") if scale else None
            note = f"p95 x{ratio}" if ratio else ""
            if variant == "plain":
                note += f"  target p95 < {TARGETS['search_p95_ms']:.0f} at 100k"
            L.append(fmt_row(f"{name}: {variant}", vals, note.strip()))
    if len(big["backends"]) == 2:
        L.append("")
        L.append("Backends side by side (same documents, same batches)")
        w, t = big["backends"].get("whoosh"), big["backends"].get("tantivy")
        for r in results:
            w, t = r["backends"]["whoosh"], r["backends"]["tantivy"]
            wp, tp = w["search"]["plain"], t["search"]["plain"]
            L.append(f"  {r['ingest']['docs']:>9,} docs  index write s whoosh {w['index_write_s']:,.1f} / tantivy "
                     f"{t['index_write_s']:,.1f} (x{w['index_write_s'] / max(t['index_write_s'], 1e-9):.1f})"
                     f"  search p50 {wp['p50_ms']:.1f}/{tp['p50_ms']:.1f} (x{wp['p50_ms'] / max(tp['p50_ms'], 1e-9):.1f})"
                     f"  p95 {wp['p95_ms']:.1f}/{tp['p95_ms']:.1f} (x{wp['p95_ms'] / max(tp['p95_ms'], 1e-9):.1f})"
                     f"  disk MB {w['disk_mb']:,.1f}/{t['disk_mb']:,.1f}")
    L.append("")
    L.append("SPARQL latency ms, p50 / p95 (KnowledgeGraph.sparql, in-process)")
    for q in big["sparql"]:
        vals = [f"{r['sparql'][q]['p50_ms']:.1f}/{r['sparql'][q]['p95_ms']:.1f}" for r in results]
        note = f"target p95 < {TARGETS['sparql_p95_ms']:.0f} at 100k" if q == "all" else \
            ("TIMEOUT (stopped at the limit)" if big["sparql"][q].get("timeout") else f"rows {big['sparql'][q].get('rows')}")
        if q == "all" and scale and scale["latency"].get("sparql p95"):
            note = f"p95 x{scale['latency']['sparql p95']}  " + note
        L.append(fmt_row(q, vals, note))
    if "web" in big:
        L.append("")
        L.append("Web pages ms, p50 / p95 (Flask test client, the app `kg serve` runs)")
        for page in big["web"]:
            if page == "all" or not all(page in r.get("web", {}) for r in results):
                continue
            vals = [f"{r['web'][page]['p50_ms']:.1f}/{r['web'][page]['p95_ms']:.1f}" for r in results]
            L.append(fmt_row(page, vals, f"HTTP {big['web'][page]['status']}"))
    return "\n".join(L)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1000,
                    help="documents (default 1000, CI-friendly; the scaling ratio also runs size/10)")
    ap.add_argument("--sizes", help="comma-separated sizes instead (e.g. 10000,100000)")
    ap.add_argument("--skip-nlp", action="store_true", help="feed pre-extracted documents (NLP cached per unit)")
    ap.add_argument("--backend", default="whoosh", choices=("whoosh", "tantivy"), help="the index kg uses")
    ap.add_argument("--no-compare", dest="compare", action="store_false", help="do not also build the other backend")
    ap.add_argument("--no-reuse-terms", action="store_true", help="let the index analyse bodies again (old path)")
    ap.add_argument("--batch-size", type=int, default=16, help="documents per batch (kg.pipeline's default)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    ap.add_argument("--sparql-timeout", type=float, default=10.0, help="SPARQL time limit in seconds (KG_QUERY_TIMEOUT)")
    ap.add_argument("--snapshot-keep-s", type=float, default=None,
                    help="delete a superseded snapshot this long after its successor (default: the product's 60 s)")
    ap.add_argument("--web-n", type=int, default=5, help="timed requests per web page (0: skip the web pages)")
    ap.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "kg-bench")
    ap.add_argument("--json", type=Path, help="results file (default bench/results/<time>-<mode>-<size>.json)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the data directories")
    ap.add_argument("--e2e", action="store_true",
                    help="also time the product's own `kg ingest` of each corpus (full NLP, worker processes)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--table", type=Path, help="print the table of an earlier results file and exit")
    ap.add_argument("--measure", type=Path, metavar="DATA_DIR",
                    help="only measure search, SPARQL and web pages on a data directory kept by --keep")
    a = ap.parse_args(argv)
    a.work_dir = a.work_dir.resolve()
    if a.table:
        saved = json.loads(a.table.read_text(encoding="utf-8"))
        first = saved["results"][0]
        a.backend, a.batch_size, a.no_reuse_terms = first["backend"], first["batch_size"], not first["reuse_terms"]
        print(table(saved["results"], scaling(saved["results"]), a))
        print(f"\n{saved['command']} · {saved['when']} · {saved['seconds']}s")
        return 0
    if a.worker:
        a.corpus = a.corpus.resolve()
        return worker(a)
    if a.measure:
        return measure_only(a)
    a.work_dir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in a.sizes.split(",")] if a.sizes else sorted({max(100, a.size // 10), a.size})
    t0 = time.perf_counter()
    results = [run_size(a, n) for n in sizes]
    scale = scaling(results)
    out = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "command": "python bench/run.py " + " ".join(sys.argv[1:]),
           "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                       "load_avg_at_end": os.getloadavg()},
           "targets": TARGETS, "results": results, "scaling": scale, "seconds": round(time.perf_counter() - t0)}
    path = a.json or HERE / "results" / f"{time.strftime('%Y%m%d-%H%M%S')}-{results[0]['mode']}-{sizes[-1]}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    print(table(results, scale, a))
    loads = ", ".join(f"{r['load_avg_start']:.1f}→{r['load_avg_end']:.1f}" for r in results)
    print(f"\n{out['command']} · {out['seconds']}s · load average per size {loads} on {os.cpu_count()} CPUs"
          f" · JSON: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
