"""A trained relation classifier over candidate pairs, run after the rules.

The rules (relations.py, frames.py) read the constructions of the documents they were
written on; real documents phrase the same facts in many other ways. This pass scores
every pair of a document's own entities that a relation type allows (relpairs.py: the
pairs and their features) with a logistic regression trained on the dev halves of the
gold sets (ingest/nlp/train/relations.py, `make relations-model`), and keeps the pairs
`select` chooses. The weights ship as JSON (data/relations-model.json); scoring is a sum
of dictionary look-ups, no library.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ingest.nlp.relpairs import Candidates
from ingest.nlp.view import TextView

MODEL = Path(__file__).parent / "data" / "relations-model.json"


@lru_cache(maxsize=1)
def load_model(path: Path | str = MODEL) -> dict | None:
    """The shipped weights: {"mode", "thresholds": {relation: p}, "types": {relation: {feature: weight}}};
    None if absent."""
    p = Path(path)
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def anchor(kind: str, h: object, t: object) -> tuple:
    """What a relation of `kind` is one of per document: a head's (one agent takes part in
    one event of a document far more often than in two), for a schedule the date's (one
    date is the due date of one initiative)."""
    return (kind, t) if kind == "SCHEDULED_FOR" else (kind, h)


def select(scored: Iterable[tuple[str, object, object, float]], thresholds: dict[str, float],
           taken: set[tuple] = frozenset()) -> list[tuple]:
    """The pairs to keep of (relation, head, tail, probability): at or above the relation's
    threshold, and of those the best target for each head (for a schedule, the best
    initiative for each date), for the heads the rules left without one (`taken`: the
    `anchor`s of the rules' relations; the rules are the high-precision first pass, the
    model fills in what they did not read)."""
    best: dict[tuple, tuple[float, tuple]] = {}
    for kind, h, t, p in scored:
        if p < thresholds.get(kind, 2.0):
            continue
        key = anchor(kind, h, t)
        if key in taken:
            continue
        if key not in best or p > best[key][0]:
            best[key] = (p, (kind, h, t))
    return [x for _p, x in best.values()]


def forced(model: dict, kinds: Iterable[str], threshold: float | None = None) -> dict:
    """The model with `kinds` switched on at `threshold`, or at their best model-alone
    thresholds, whether or not the training script chose them (to see what it would add)."""
    best = model.get("candidate_thresholds", {})
    kinds = [k for k in kinds if k in model.get("trained", {}) and (threshold is not None or k in best)]
    return {**model, "types": {**model["types"], **{k: model["trained"][k] for k in kinds}},
            "thresholds": {**model["thresholds"], **{k: threshold if threshold is not None else best[k] for k in kinds}}}


def classify(view: TextView, mentions: list, sents: list[tuple[int, int]], rules: list,
             doc_date: str | None = None, model: dict | None = None) -> list:
    """The relations of a document: the rules' and the model's, combined as the model's
    `mode` says ("union": the rules' plus the pairs `select` keeps; "model": the model's
    alone for the relation types it scores)."""
    model = model if model is not None else load_model()
    if not model or not model.get("types"):
        return rules
    cands = Candidates(view, mentions, sents, rules, doc_date)
    text = view.text
    scored = cands.score(model)
    name = {i: text[mentions[i].start:mentions[i].end] for _k, h, t, _p in scored for i in (h, t)}
    where = {(k, name[h], name[t]): (h, t) for k, h, t, _p in sorted(scored, key=lambda x: x[3])}
    def nm(key: tuple) -> str:
        return text[key[0]:key[1]]

    taken = {anchor(k, nm(h), nm(t)) for k, h, t, _s in rules}
    found = []
    for kind, hn, tn in select(((k, name[h], name[t], p) for k, h, t, p in scored), model.get("thresholds", {}),
                               taken):
        h, t = where[(kind, hn, tn)]  # the best-scored mention pair of the two names
        hm, tm = mentions[h], mentions[t]
        si = cands.si[t if hm.label == "INITIATIVE" else h]
        found.append((kind, hm.key, tm.key, si))
        if kind == "PARTICIPATES_IN":  # who is listed with a participant takes part too
            found += [(kind, mentions[k].key, tm.key, si) for k in cands.lists.get(h, ())
                      if k != h and anchor(kind, nm(mentions[k].key), tn) not in taken]
    keep = rules if model.get("mode", "union") == "union" else [r for r in rules if r[0] not in model["types"]]
    seen: set[tuple] = set()
    out = []
    for r in keep + found:
        if r[:3] not in seen:
            seen.add(r[:3])
            out.append(r)
    return out
