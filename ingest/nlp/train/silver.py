"""Self-training data: Wikinews sentences labelled by a trained NER model (silver labels).

Sentences of `../shared/data/ko-wikinews` (CC BY 2.5, unlabelled) are cut at sentence
ends, kept when 20–200 characters long, ordered by SHA-1 (a fixed, topic-mixed sample)
and labelled by the teacher model; the first `--n` go to a DocBin that joins the gold
training sentences. The teacher must not have seen the split it is scored on.

Run: python -m ingest.nlp.train.silver TEACHER_DIR OUT.spacy [--n 2200]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

WIKINEWS = Path("/work/shared/data/ko-wikinews/ko_wikinews.jsonl")
_END = re.compile(r"(?<=[다요]\.)\s+")


def sentences(path: Path = WIKINEWS) -> list[str]:
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        body = json.loads(line)["body"]
        for para in body.split("\n"):
            out.update(s.strip() for s in _END.split(para) if 20 <= len(s.strip()) <= 200)
    return sorted(out, key=lambda s: hashlib.sha1(s.encode("utf-8")).hexdigest())


def main(argv: list[str] | None = None) -> int:
    from spacy.tokens import DocBin

    from ingest.nlp.train import load_model

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("teacher", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=2200)
    a = ap.parse_args(argv)
    nlp = load_model(a.teacher)
    db = DocBin(store_user_data=False)
    for doc in nlp.pipe(sentences()[: a.n], batch_size=64):
        db.add(doc)
    db.to_disk(a.out)
    print(f"{len(db)} silver sentences → {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
