"""Speed of the NLP extraction pipeline: start-up seconds and characters per second.

    python bench/extract_speed.py                 # all cores
    python bench/extract_speed.py --cores 1       # pinned to one core (the per-core figure)
    python bench/extract_speed.py --profile       # seconds per pipeline stage

Input: the first N bodies of the Korean Wikinews sample (/work/shared/data/ko-wikinews or
$KOWIKINEWS). Target from the issue: start-up < 5 s, >= 60,000 chars/s per core.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KOWIKINEWS", "/work/shared/data/ko-wikinews/ko_wikinews.jsonl"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--cores", type=int, default=0, help="pin the process to this many cores (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported")
    ap.add_argument("--profile", action="store_true", help="also time each pipeline stage")
    args = ap.parse_args()
    if args.cores:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: args.cores]))
    cores = len(os.sched_getaffinity(0))
    sys.path.insert(0, str(ROOT))

    from ingest.nlp.pipeline import extract, extract_many, get_pipeline  # noqa: PLC0415
    from kg.settings import Settings  # noqa: PLC0415

    ner = Settings.from_env().ner_model  # KG_NER_MODEL=on adds the statistical NER
    nlp = get_pipeline(ner)
    extract("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.", "2024-03-07", ner_model=ner)  # Kiwi builds lazily
    startup = time.perf_counter() - T0

    rows = [json.loads(line) for line in DATA.open(encoding="utf-8")][: args.articles]
    items = [(r["body"], r.get("date")) for r in rows]
    chars = sum(len(t) for t, _d in items)
    best, best_cpu, n_ents = float("inf"), float("inf"), 0
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        n_ents = sum(len(ex.entities) for ex in extract_many(items, ner_model=ner))
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    print(f"pipeline: {' → '.join(nlp.pipe_names)}")
    print(f"start-up: {startup:.2f} s (import, build, first extract)")
    print(f"extract_many: {len(items)} articles, {chars:,} chars, {n_ents:,} entities in {best:.2f} s wall, "
          f"{best_cpu:.2f} s CPU (best of {args.repeat}) on {cores} core(s), load average {os.getloadavg()[0]:.1f}")
    print(f"throughput: {chars / best:,.0f} chars/s wall = {chars / best / cores:,.0f} chars/s per core; "
          f"{chars / best_cpu:,.0f} chars per CPU-second (per-core figure that ignores other load)")
    if args.profile:
        _profile(items)
    return 0


def _profile(items: list[tuple[str, str | None]]) -> None:
    """CPU seconds per stage, documents run one by one (no Kiwi batching)."""
    from ingest.nlp.kiwi import analyze  # noqa: PLC0415
    from ingest.nlp.pipeline import get_pipeline, to_extraction  # noqa: PLC0415
    from kg.settings import Settings  # noqa: PLC0415

    nlp = get_pipeline(Settings.from_env().ner_model)
    times: dict[str, float] = {"kiwi": 0.0, "spacy Doc": 0.0, **{n: 0.0 for n in nlp.pipe_names}, "to_extraction": 0.0}
    for text, date in items:
        t = time.process_time()
        morphs = analyze(text)
        times["kiwi"] += time.process_time() - t
        t = time.process_time()
        doc = nlp.tokenizer.from_morphs(text, morphs)
        doc._.doc_date = date
        times["spacy Doc"] += time.process_time() - t
        for name, proc in nlp.pipeline:
            t = time.process_time()
            doc = proc(doc)
            times[name] += time.process_time() - t
        t = time.process_time()
        to_extraction(doc)
        times["to_extraction"] += time.process_time() - t
    total = sum(times.values())
    chars = sum(len(t) for t, _d in items)
    for name, sec in times.items():
        print(f"  {name:16s} {sec:6.3f} s  {100 * sec / total:5.1f} %")
    print(f"  {'total':16s} {total:6.3f} s  -> {chars / total:,.0f} chars per CPU-second, sequential")
    print(f"  Kiwi alone: {chars / times['kiwi']:,.0f} chars per CPU-second; the pipeline runs at "
          f"{100 * times['kiwi'] / total:.0f} % of that (the rest is spaCy and our rules)")


if __name__ == "__main__":
    raise SystemExit(main())
