"""Why relations are missed: of a gold set's relations (by name, per document), how many
have both arguments recognised, only one, or neither, and how many of each are found.

Aggregate counts only, so it may be run on a held-out half without reading its errors.

Run: .venv/bin/python bench/relation_arguments.py ingest/nlp/gold/real/test.jsonl
"""
from __future__ import annotations

import sys
from collections import Counter

from ingest.nlp.evaluate import _name, load_gold, predict


def tally(path: str) -> Counter:
    """(relation type or ALL, which arguments were found, relation found) → count."""
    gold = load_gold(path)
    c: Counter = Counter()
    for g, p in zip(gold, predict(gold)):
        names = {(e.start, e.end, e.type): _name(e) for e in g.entities}

        def nm(e) -> str:
            return names.get((e.start, e.end, e.type)) or _name(e)

        found = {(e.type, nm(e)) for e in p.entities}
        rels = {(r.type, nm(p.entities[r.head]), nm(p.entities[r.tail])) for r in p.relations}
        seen = set()
        for r in g.relations:
            h, t = g.entities[r.head], g.entities[r.tail]
            key = (r.type, _name(h), _name(t))
            if key in seen:
                continue
            seen.add(key)
            hf, tf = (h.type, _name(h)) in found, (t.type, _name(t)) in found
            state = "both" if hf and tf else "head only" if hf else "tail only" if tf else "neither"
            for kind in (r.type, "ALL"):
                c[(kind, state, key in rels)] += 1
    return c


def main() -> None:
    c = tally(sys.argv[1])
    kinds = sorted({k for k, _s, _f in c}, key=lambda k: (k == "ALL", k))
    print(f"{'relation':<16} {'arguments':<10} {'gold':>5} {'found':>6}")
    for kind in kinds:
        for state in ("both", "head only", "tail only", "neither"):
            n = c[(kind, state, True)] + c[(kind, state, False)]
            if n:
                print(f"{kind:<16} {state:<10} {n:>5} {c[(kind, state, True)]:>6}")


if __name__ == "__main__":
    main()
