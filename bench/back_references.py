"""How back references are named: a gold set's INITIATIVE mentions that refer back to an
initiative named otherwise ('이번 회의' → '제2차 전체회의', '행사' → '… 발대식'), and whether
the pipeline gives the mention at that span the same name; and the predicted relations
whose only fault is the initiative's name (a false positive that, renamed, is a gold relation).

Aggregate counts only, so it may be run on a held-out half without reading its errors.

Run: .venv/bin/python bench/back_references.py /work/wt/diag/dev54.jsonl
"""
from __future__ import annotations

import sys
from collections import Counter

from ingest.nlp.evaluate import _name, _named_rels, load_gold, predict


def tally(path: str) -> Counter:
    """Counts: references (gold name differs from the words) named right / wrong / not
    found at that span; all matched initiative mentions named right / wrong; relations
    wrong only by the initiative's name."""
    gold = load_gold(path)
    c: Counter = Counter()
    for g, p in zip(gold, predict(gold)):
        spans = {(e.start, e.end, e.type): e for e in p.entities}
        for e in g.entities:
            if e.type != "INITIATIVE":
                continue
            ref = bool(e.canonical) and _name(e).replace(" ", "") != e.text.replace(" ", "")
            pe = spans.get((e.start, e.end, e.type))
            right = pe is not None and _name(pe) == _name(e)
            c["mentions matched"] += pe is not None
            c["mentions named right"] += right
            if ref:
                c["references"] += 1
                c["references not found" if pe is None else "references named right" if right else "references named wrong"] += 1
        names = {(e.start, e.end, e.type): _name(e) for e in g.entities}
        gn, pn = _named_rels(g.entities, g.relations), _named_rels(p.entities, p.relations, names)
        inits = {_name(e) for e in g.entities if e.type == "INITIATIVE"}
        for typ, h, t in pn - gn:
            misses = [k for k in gn - pn if k[0] == typ and ((k[1] == h and t not in inits and k[2] in inits)
                                                            or (k[2] == t and h not in inits and k[1] in inits))]
            c["relations wrong only by the initiative's name"] += bool(misses)
    return c


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(path)
        for key, n in sorted(tally(path).items()):
            print(f"  {key:48s} {n:5d}")
