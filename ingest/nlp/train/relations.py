"""Train the relation classifier (ingest/nlp/relclf.py) on the dev halves of the gold sets.

    python -m ingest.nlp.train.relations                 # 5-fold CV by document, then train on all and write the model
    python -m ingest.nlp.train.relations --cv-only       # the CV figures alone
    python -m ingest.nlp.train.relations --gold A.jsonl --gold B.jsonl --out /tmp/m.json

Only dev halves: the test halves are scored, never trained or tuned on. The script reads
whatever documents the dev files hold, so it is rerun (`make relations-model`) when more
are annotated. A candidate pair is positive when the gold names the same relation
between the same two entities anywhere in the document (relations are scored by name),
the entities being those of the gold that the two mentions overlap: a mention cut shorter
than the gold's ('제1차 회의' in '위촉식 및 제1차 회의') is still that entity, and labelling
it by its own name taught the model that pairs like the gold's are wrong.
The choice of how rules and model combine ("union" or "model") and of the threshold is
made here by cross-validation, folds by document, and written into the model file.
"""
from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

import numpy as np

from ingest.nlp.evaluate import _name, _named_rels, load_gold
from ingest.nlp.relclf import MODEL, anchor, select
from ingest.nlp.relpairs import SIGNATURES, Candidates

GOLD = Path(__file__).resolve().parents[1] / "gold"
DEV = (GOLD / "real" / "dev.jsonl", GOLD / "dev.jsonl")
KINDS = tuple(SIGNATURES)
# from 0.1: about one candidate in eight is a relation, so a well-ranked pair may score under 0.2
THRESHOLDS = tuple(round(float(x), 2) for x in np.arange(0.1, 0.91, 0.05))
# The rules are tuned on the dev documents, so cross-validation cannot measure what the
# model adds on unseen text by the union's dev score: there the rules score 0.76 relation F1
# by name, on the held-out real half 0.37 (README). What it measures fairly is the model
# alone, refit without each fold. Adding relations that are right a fraction p of the time
# raises an F1 of F whenever p > F/2; with the rules' F1 on unseen real text near 0.37, a
# model pair is worth adding when the model alone is right at least MIN_PRECISION of the
# time on the real dev documents, out of fold (a margin over 0.19). Per type, the threshold
# with the best out-of-fold F1 on real documents among those is chosen.
# December 2026, second round: the model of the first round was right about half the time out
# of fold on dev and a fifth of the time on the fresh documents, so a precision measured
# out of fold on dev overstates the one on new text by about half: 0.5 leaves that margin
# (chosen before the second round's gate was looked at).
MIN_PRECISION = 0.5
# The real dev documents annotated after the rules were last tuned (real-dev-133 … 152, the
# seventh batch, December 2026; real-dev-113 … 132 served until the seventh batch took their
# place, real-dev-55 … 93 before them): nobody has read the rules' errors on them, so the
# rules' F1 there is an unseen-text figure taken from dev alone (the CV and the gate's model
# leave them out; the shipped model is trained on them too unless --no-fresh is given). A type
# where the model alone, out of fold on the real dev documents, does not beat the rules' F1 on
# these is left to the rules. Tune no rule on these documents, or this comparison loses its
# meaning (gold/real/README.md).
# Since 2026-12-08: the even ids of real-dev-56 … 92, 114 … 132 and 134 … 152, the halves of three
# former reserves that rule writers score only as a whole (their odd ids are read).
FRESH_DEV = frozenset(f"real-dev-{n}" for n in [*range(56, 93, 2), *range(114, 153, 2)])
# ... and beat them there by at least this many more right relations: on the 19 documents
# of the third batch one relation is what a single sentence decides (ANNOUNCES passed by
# one, 4 → 5 of 9, in December 2026, and its additions broke four of the guideline's cases
# in tests/nlp/test_relations.py; this margin was added then, after seeing that result)
MIN_GAIN = 2
# weight the positives up to as many as the negatives
BALANCE = False
# the L2 strengths tried per type by cross-validation (choose_l2)
L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
# the rules' output as features: left out, for the same reason (the model would learn to
# trust rules that are right on dev far more often than on new text)
RULE_FEATURES = frozenset({"rule", "rule_name", "rule_other"})


def collect(paths: list[Path], skip: frozenset[str] = frozenset()) -> list[dict]:
    """Run the rule pipeline over the gold documents (but those in `skip`); per document its
    gold relations by name, the rules' relations by name and every candidate pair with
    features and label."""
    return [rows_of(*x) for x in analyse(paths, skip)]


def analyse(paths: list[Path], skip: frozenset[str] = frozenset()) -> list[tuple]:
    """(source file, gold document, extraction, what the relation component saw) of each
    document: the slow part, kept apart so that features can be recomputed from it."""
    from ingest.nlp.pipeline import build_pipeline, make_doc, to_extraction  # noqa: PLC0415

    nlp = build_pipeline(model_dir=None)
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    out = []
    for path in paths:
        for g in load_gold(path):
            if g.id in skip:
                continue
            ex = to_extraction(nlp(make_doc(nlp, g.text, g.date)))
            out.append((path, g, ex, comp.collect.pop()))
    comp.collect = None
    return out


def rows_of(path: Path, g, ex, seen: tuple) -> dict:
    """One document of `collect` from what `analyse` kept of it."""
    view, mentions, sents, rules, doc_date, aliases = seen
    gold_names = {(e.start, e.end, e.type): _name(e) for e in g.entities}
    ents = {(e.start, e.end): e for e in ex.entities}
    to = {(s, e): k for s, e, _t, k in aliases}

    def name(m) -> str | None:
        e = ents.get(to.get(m.key, m.key))
        return None if e is None else gold_names.get((e.start, e.end, e.type)) or _name(e)

    def gold_name(m) -> str | None:
        """The name of the gold entity this mention overlaps most (same type): '제1차
        회의' read inside the gold's '위촉식 및 제1차 회의' is that event, so the pair is
        labelled by whether the relation holds, not by whether the boundaries agree."""
        e = ents.get(to.get(m.key, m.key))
        if e is None:
            return None
        best = max(((min(e.end, ge.end) - max(e.start, ge.start), ge) for ge in g.entities
                    if ge.type == e.type and ge.start < e.end and e.start < ge.end),
                   key=lambda x: x[0], default=None)
        return _name(best[1]) if best else name(m)

    gold = _named_rels(g.entities, g.relations)
    cands = Candidates(view, mentions, sents, rules, doc_date)
    rows = []
    for kind, h, t in cands.pairs(within=True):
        hn, tn = name(mentions[h]), name(mentions[t])
        if hn is None or tn is None or hn == tn:
            continue
        label = (kind, hn, tn) in gold or (kind, gold_name(mentions[h]), gold_name(mentions[t])) in gold
        rows.append((kind, hn, tn, cands.features(kind, h, t), label))
    groups = [{n for k in run if (n := name(mentions[k])) is not None}
              for i, run in cands.lists.items() if len(run) > 1 and run[0] == i]
    return {"id": g.id, "lists": [x for x in groups if len(x) > 1], "src": path.name if path.parent.name != "real" else "real/" + path.name,
            "gold": gold, "rules": _named_rels(ex.entities, ex.relations, gold_names), "cands": rows}


def fit(rows: list[tuple], l2: float = 1.0, min_count: int = 2, iters: int = 25,
        drop: frozenset[str] = frozenset(), balance: bool = BALANCE) -> dict[str, float]:
    """L2-regularised logistic regression by Newton's method over binary features;
    `balance`: positives weighted up to as many as the negatives."""
    counts = Counter(f for _k, _h, _t, feats, _y in rows for f in set(feats) if f not in drop)
    vocab = sorted(f for f, c in counts.items() if c >= min_count or f == "bias")
    if not rows or not vocab:
        return {}
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab)))
    for r, (_k, _h, _t, feats, _y) in enumerate(rows):
        for f in feats:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([float(row[4]) for row in rows])
    sw = np.where(y > 0, max(1.0, (len(y) - y.sum()) / max(1.0, y.sum())), 1.0) if balance else np.ones(len(y))
    w = np.zeros(len(vocab))
    reg = np.full(len(vocab), l2)
    reg[index["bias"]] = 1e-6
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (sw * (p - y)) + reg * w
        hess = (x * (sw * p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return {f: round(float(v), 4) for f, v in zip(vocab, w) if abs(v) >= 1e-4}


def train(docs: list[dict], l2: float | dict[str, float] = 1.0,
          drop: frozenset[str] = frozenset()) -> dict[str, dict[str, float]]:
    """One model per relation type; `l2`: one strength for all, or each type's."""
    return {k: fit([r for d in docs for r in d["cands"] if r[0] == k], l2 if isinstance(l2, float) else l2[k],
                   drop=drop) for k in KINDS}


def average_precision(pairs: list[tuple[bool, float]]) -> float:
    """Of (label, probability) pairs: how well the probabilities rank the positives first."""
    ys = np.array([y for y, _p in sorted(pairs, key=lambda x: -x[1])], dtype=float)
    if not ys.sum():
        return 0.0
    return float((np.cumsum(ys) / np.arange(1, len(ys) + 1) * ys).sum() / ys.sum())


def choose_l2(docs: list[dict], folds: int, grid: tuple[float, ...] = L2_GRID, seeds: int = 2) -> dict[str, float]:
    """Per type, the regularisation strength whose out-of-fold candidate ranking (average
    precision, folds by document, `seeds` shufflings) is best on the real documents of
    `docs` (all when there are none): the real ones are the style the model must read."""
    real = [d["src"].startswith("real") for d in docs]
    real = real if any(real) else [True] * len(docs)
    score: dict[tuple[str, float], float] = {}
    for l2 in grid:
        for seed in range(13, 13 + seeds):
            models = cross_validate(docs, folds, l2, seed, RULE_FEATURES)
            for k in KINDS:
                got = [(y, _prob(models[models[0][1][i]][0][k], feats)) for i, d in enumerate(docs) if real[i]
                       for kind, _h, _t, feats, y in d["cands"] if kind == k]
                score[(k, l2)] = score.get((k, l2), 0.0) + average_precision(got) / seeds
    out = {k: max(grid, key=lambda l2: (score[(k, l2)], l2)) for k in KINDS}
    print("regularisation by type (out-of-fold average precision on real dev documents): "
          + "; ".join(f"{k} " + " ".join(f"{l2:g}:{score[(k, l2)]:.3f}" for l2 in grid) + f" → {out[k]:g}" for k in KINDS))
    return out


def _prob(w: dict[str, float], feats: list[str]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + np.exp(-max(-30.0, min(30.0, z))))


def predict(doc: dict, weights: dict, mode: str, thr: dict[str, float] | float) -> set:
    """The document's relations by name under `mode` at threshold `thr`."""
    thresholds = {k: thr for k in KINDS} if isinstance(thr, float) else thr
    # in the union the model fills in for what the rules left; alone it reads every pair
    taken = {anchor(*r) for r in doc["rules"]} if mode == "union" else set()
    found = set(select(((k, h, t, _prob(weights[k], feats)) for k, h, t, feats, _y in doc["cands"] if k in weights),
                       thresholds, taken))
    for k, h, t in [x for x in found if x[0] == "PARTICIPATES_IN"]:  # the rest of a participant's list
        found |= {(k, o, t) for group in doc.get("lists", ()) if h in group for o in group
                  if o != h and anchor(k, o, t) not in taken}
    rules = doc["rules"] if mode == "union" else {r for r in doc["rules"] if r[0] not in weights}
    return rules | found


def tally(docs: list[dict], preds: list[set]) -> dict[str, list[int]]:
    """tp, fp, fn per relation type and in all ('*')."""
    out: dict[str, list[int]] = {}
    for d, p in zip(docs, preds):
        for key in d["gold"] | p:
            for k in (key[0], "*"):
                c = out.setdefault(k, [0, 0, 0])
                c[0] += key in d["gold"] and key in p
                c[1] += key in p and key not in d["gold"]
                c[2] += key in d["gold"] and key not in p
    return out


def prf(c: list[int]) -> tuple[float, float, float]:
    tp, fp, fn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_validate(docs: list[dict], folds: int = 5, l2: float | dict[str, float] = 1.0, seed: int = 13,
                   drop: frozenset[str] = frozenset()) -> list[tuple[dict, dict]]:
    """Out-of-fold probabilities: for each fold, the weights trained on the others."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    fold_of = {i: n % folds for n, i in enumerate(order)}
    return [(train([d for i, d in enumerate(docs) if fold_of[i] != f], l2, drop), fold_of) for f in range(folds)]


def oof_predict(docs: list[dict], models: list[tuple[dict, dict]], mode: str, thr) -> list[set]:
    return [predict(d, models[models[0][1][i]][0], mode, thr) for i, d in enumerate(docs)]


def choose_thresholds(docs: list[dict], models: list, gate: dict, min_precision: float, min_found: int = 5,
                      candidates: dict[str, float] | None = None) -> dict[str, float]:
    """Per relation type, the threshold with the best out-of-fold F1 of the model alone on
    the real documents of `docs` (all when there are none) among those where it is right at
    least `min_precision` of the time on at least `min_found` relations. `docs` and
    `models` (the CV) leave out the fresh dev documents (FRESH_DEV), which no rule was
    written on: the type goes to the model only if rules + `gate` (trained on `docs`) beat
    the rules alone on those, by at least MIN_GAIN more right relations. Other types are
    left to the rules."""
    sel = [i for i, d in enumerate(docs) if d["src"].startswith("real")] or list(range(len(docs)))
    target = [docs[i] for i in sel]
    fresh = gate["fresh"]
    out: dict[str, float] = {}
    print(f"\nper type: the model alone on the {len(sel)} real dev documents of the CV, out of fold, best "
          f"threshold with precision >= {min_precision} (P / R / F1); then F1 on the {len(fresh)} fresh dev "
          "documents of the rules alone and of rules + model (trained without them):")
    for k in KINDS:
        best: tuple = (0.0, None, 0.0, 0.0)
        for thr in THRESHOLDS:
            pred = oof_predict(docs, models, "model", {x: (thr if x == k else 2.0) for x in KINDS})
            c = tally(target, [pred[i] for i in sel]).get(k)
            if c and c[0] + c[1] >= min_found and prf(c)[0] >= min_precision and prf(c)[2] > best[0]:
                best = (prf(c)[2], thr, *prf(c)[:2])
        f, thr, p, r = best
        if thr is not None and candidates is not None:
            candidates[k] = thr
        rules_c = tally(fresh, [d["rules"] for d in fresh]).get(k, [0, 0, 0])
        rules_f, union_f, gain = prf(rules_c)[2], 0.0, 0
        if thr is not None:
            union = [predict(d, gate["weights"], "union", {x: (thr if x == k else 2.0) for x in KINDS}) for d in fresh]
            union_c = tally(fresh, union).get(k, [0, 0, 0])
            union_f, gain = prf(union_c)[2], union_c[0] - rules_c[0]
        chosen = thr is not None and union_f > rules_f and gain >= MIN_GAIN
        print(f"  {k:16s} {p:.3f} / {r:.3f} / {f:.3f} at {thr}; fresh: rules {rules_f:.3f}, "
              f"rules + model {union_f:.3f} ({gain:+d} right): " + ("the model's" if chosen else "left to the rules"))
        if chosen:
            out[k] = thr
    return out


def table(title: str, docs: list[dict], preds: list[set]) -> str:
    t = tally(docs, preds)
    lines = [title, f"{'relation':16s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>5s}"]
    for k in (*KINDS, "*"):
        if k in t:
            p, r, f = prf(t[k])
            lines.append(f"{k if k != '*' else 'all (micro)':16s} {p:6.3f} {r:6.3f} {f:6.3f} {t[k][0] + t[k][2]:5d}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", action="append", type=Path, help="dev gold files (default: the real and the written dev halves)")
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--no-fresh", action="store_true",
                    help="leave the fresh dev documents out altogether (for choosing features by CV without seeing the gate)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, help="one L2 strength for every type (default: each type's by CV)")
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    args = ap.parse_args(argv)
    paths = args.gold or list(DEV)
    if any(p.name.startswith("test") for p in paths):
        ap.error("시험 절반으로는 학습하지 않습니다 (the test halves are only scored, never trained on)")
    docs = collect(paths, FRESH_DEV if args.no_fresh else frozenset())
    n_pos = sum(r[4] for d in docs for r in d["cands"])
    reach = sum(len(d["gold"] & ({r[:3] for r in d["cands"]} | d["rules"])) for d in docs)
    print(f"{len(docs)} documents, {sum(len(d['cands']) for d in docs)} candidate pairs ({n_pos} positive); "
          f"gold relations by name {sum(len(d['gold']) for d in docs)}, of them reachable by rules or candidates {reach}")
    folds = min(args.folds, len(docs))
    thresholds: dict[str, float] = {}
    candidates: dict[str, float] = {}
    l2: float | dict[str, float] = args.l2 if args.l2 is not None else 3.0
    if folds >= 2:
        # CV on the documents the rules were written on; the fresh ones are only the gate
        cv = [d for d in docs if d["id"] not in FRESH_DEV]
        fresh = [d for d in docs if d["id"] in FRESH_DEV]
        folds = min(folds, len(cv))
        l2 = args.l2 if args.l2 is not None else choose_l2(cv, folds)
        models = cross_validate(cv, folds, l2, drop=RULE_FEATURES)
        gate = {"fresh": fresh, "weights": train(cv, l2, RULE_FEATURES)}
        thresholds = choose_thresholds(cv, models, gate, args.min_precision, candidates=candidates)
        print(f"\nthresholds (best out-of-fold F1 of the model alone on real documents with precision "
              f">= {args.min_precision}), types that pass the fresh gate: {thresholds}; best of each: {candidates}")
        alone = oof_predict(cv, models, "model", candidates)
        union = oof_predict(cv, models, "union", candidates)
        for src in ["all", *sorted({d["src"] for d in cv})]:
            sel = [i for i, d in enumerate(cv) if src in ("all", d["src"])]
            part = [cv[i] for i in sel]
            print(f"\n== {src} ({len(sel)} documents, fresh dev left out), {folds}-fold CV by document, "
                  "every type at its best threshold ==")
            print(table("rules only (tuned on these documents: an in-sample figure)", part, [d["rules"] for d in part]))
            print(table("model alone (out of fold)", part, [alone[i] for i in sel]))
            print(table("rules + model (union; out of fold)", part, [union[i] for i in sel]))
        if fresh:
            print(f"\n== the {len(fresh)} fresh dev documents (scored, not read), model trained without them ==")
            print(table("rules only", fresh, [d["rules"] for d in fresh]))
            print(table("rules + model, every type at its best threshold", fresh,
                        [predict(d, gate["weights"], "union", candidates) for d in fresh]))
            print(table("rules + model, the types that pass (shipped)", fresh,
                        [predict(d, {k: w for k, w in gate["weights"].items() if k in thresholds}, "union",
                                 thresholds) for d in fresh]))
    if args.cv_only:
        return 0
    weights = train(docs, l2, RULE_FEATURES)
    model = {"about": "relation classifier of ingest/nlp/relclf.py; trained by ingest/nlp/train/relations.py on "
                      + ", ".join(str(p.relative_to(GOLD.parents[2])) if p.is_absolute() and GOLD.parents[2] in p.parents
                                  else str(p) for p in paths),
             "documents": len(docs), "mode": "union", "thresholds": thresholds, "within": True, "l2": l2,
             "types": {k: w for k, w in weights.items() if k in thresholds},
             # every type's weights and best model-alone threshold, also those left to the
             # rules: for inspection and for trying a type on (relclf.forced)
             "trained": weights, "candidate_thresholds": candidates}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
