"""Output-equality check for speed work: dump the default pipeline's output over a fixed
corpus, then check that changed code reproduces it exactly.

    python bench/same_output.py --save /tmp/base.json      # before the change
    python bench/same_output.py --check /tmp/base.json     # after: exit 1 on any difference

Corpus: the first 300 Korean Wikinews bodies (as bench/extract_speed.py), the written dev
half and any --more JSONL files with "text" (and "date"). The dump holds every entity
(span, type, canonical name, IRI, value, sentence, attrs), relation, sentence and index
term, so a faster rule that changes any of them shows.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIKINEWS = Path(os.environ.get("KOWIKINEWS", "/work/shared/data/ko-wikinews/ko_wikinews.jsonl"))


def corpus(more: list[str]) -> list[tuple[str, str | None]]:
    rows = [json.loads(line) for line in WIKINEWS.open(encoding="utf-8")][:300]
    items = [(r["body"], r.get("date")) for r in rows]
    for path in [str(ROOT / "ingest/nlp/gold/dev.jsonl"), *more]:
        for line in Path(path).open(encoding="utf-8"):
            if line.strip():
                o = json.loads(line)
                items.append((o["text"], o.get("date")))
    return items


def dump(items: list[tuple[str, str | None]]) -> list[dict]:
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415

    return [{"ents": [[e.start, e.end, e.text, e.type, e.canonical, e.iri, repr(e.value), e.sentence,
                       sorted((k, repr(v)) for k, v in e.attrs.items())] for e in ex.entities],
             "rels": [[r.type, r.head, r.tail, r.sentence] for r in ex.relations],
             "sents": [list(s) for s in ex.sentences], "tokens": ex.tokens}
            for ex in extract_many(items)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", help="write the dump here")
    mode.add_argument("--check", help="compare with the dump saved here")
    ap.add_argument("--more", nargs="*", default=[], help="more JSONL files of {text, date}")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    items = corpus(args.more)
    t = time.process_time()
    out = dump(items)
    print(f"{len(items)} documents, {sum(len(x) for x, _d in items):,} chars, {time.process_time() - t:.2f} s CPU")
    if args.save:
        Path(args.save).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        return 0
    base = json.loads(Path(args.check).read_text(encoding="utf-8"))
    out = json.loads(json.dumps(out, ensure_ascii=False))  # tuples as the saved lists
    diff = [i for i, (a, b) in enumerate(zip(base, out)) if a != b] + list(range(min(len(base), len(out)), max(len(base), len(out))))
    print("same output" if not diff else f"DIFFERENT in {len(diff)} documents: {diff[:20]}")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
