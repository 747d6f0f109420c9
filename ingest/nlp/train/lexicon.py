"""Name lexicon feature for the NER model: which tokens lie inside a known name, and of what kind.

The lexicon is `konec-train-lexicon.tsv` (24,153 entity forms with KoNEC labels, counted
in the 21,008 sentences of the KLUE-NER *train* split; our 3,000 sentences come from the
dev split, so no sentence is shared). Each form keeps its most frequent label, reduced to
the KoNEC top class (PS, LC, OG, DT, TI, QT, CV, AF, EV, …: the first two letters); forms
of one character are dropped (too ambiguous). `tags()` marks the tokens of the longest
lexicon match starting at each token, left to right, as B-XX / I-XX (else O); the embed
layer of `layers.py` hashes that tag as one more token feature.

`--exclude-split heldout` drops every form that is an entity (KLUE or KoNEC span) in a
held-out sentence: a conservative lexicon for an honest held-out figure.

Run: python -m ingest.nlp.train.lexicon buildner/lexicon.tsv [--exclude-split heldout]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest.nlp.train.prepare import DATA_DIR, bio_spans, load_sentences, read_tsv

LEXICON_FILE = "konec-train-lexicon.tsv"
MAX_CHARS = 30  # no name in the lexicon is longer that matters; bounds the search


def read_lexicon(path: Path) -> dict[str, str]:
    """form → top class of its most frequent label (forms of 2+ characters)."""
    best: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        form, label, freq = line.split("\t")
        if len(form.strip()) < 2:
            continue
        n = int(freq)
        if form not in best or n > best[form][0]:
            best[form] = (n, label[:2])
    return {form: lab for form, (_n, lab) in best.items()}


def heldout_names(split: str = "heldout", data_dir: Path = DATA_DIR) -> set[str]:
    """Every entity surface (KLUE or KoNEC span) in the sentences of `split`."""
    sents = load_sentences(data_dir)
    wanted = {s.sid for s in sents if s.split == split}
    names = {s.text[a:b] for s in sents if s.sid in wanted for a, b, _ in s.spans}
    for sid, _raw, chars in read_tsv(data_dir / "konec-train-3000.tsv"):
        if sid in wanted:
            text = "".join(c for c, _ in chars)
            names |= {text[a:b] for a, b, _ in bio_spans([t for _, t in chars])}
    return names


_PREFIXES: dict[int, tuple[dict[str, str], set[str]]] = {}


def _prefixes(lexicon: dict[str, str]) -> set[str]:
    """Every prefix of every form (cached per lexicon): the match stops as soon as the
    text read so far starts no form, so tagging costs about one look-up per token."""
    hit = _PREFIXES.get(id(lexicon))
    if hit is None or hit[0] is not lexicon:
        hit = (lexicon, {f[:n] for f in lexicon for n in range(1, len(f) + 1)})
        _PREFIXES[id(lexicon)] = hit
    return hit[1]


def tags(text: str, starts: list[int], ends: list[int], lexicon: dict[str, str]) -> list[str]:
    """B-XX / I-XX / O per token (token i spans text[starts[i]:ends[i]]), longest match first."""
    prefixes = _prefixes(lexicon)
    out = ["O"] * len(starts)
    i = 0
    while i < len(starts):
        hit = 0
        for j in range(i, len(starts)):
            piece = text[starts[i]:ends[j]]
            if ends[j] - starts[i] > MAX_CHARS or piece not in prefixes:
                break
            if piece in lexicon:
                hit = j + 1
        if hit:
            lab = lexicon[text[starts[i]:ends[hit - 1]]]
            out[i] = "B-" + lab
            for k in range(i + 1, hit):
                out[k] = "I-" + lab
            i = hit
        else:
            i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--exclude-split", choices=("heldout", "tune"), help="drop the entity names of this split")
    a = ap.parse_args(argv)
    lex = read_lexicon(a.data / LEXICON_FILE)
    n = len(lex)
    if a.exclude_split:
        drop = heldout_names(a.exclude_split, a.data)
        lex = {f: lab for f, lab in lex.items() if f not in drop}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("".join(f"{f}\t{lab}\n" for f, lab in sorted(lex.items())), encoding="utf-8")
    print(f"{len(lex)} forms ({n - len(lex)} dropped as names of the {a.exclude_split} split)" if a.exclude_split
          else f"{len(lex)} forms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
