"""How good and how fast is the shipped NER model on our held-out sentences?

Held-out = the sentences of the 3,000-sentence KLUE-NER/KoNEC file whose SHA-1 bucket is
< 15 (see ingest/nlp/train/prepare.py); they are never trained on nor used to pick a
checkpoint. Scores are exact character span + type, micro-averaged, against the original
character-level gold (so gold spans that cut through a Kiwi token count as misses: the
"aligned" column is the recall ceiling this imposes). "KLUE coarse" merges
MINISTRY/COMPANY/ORGANIZATION into OG, for comparison with KLUE-NER figures such as
spaCy ko_core_news_lg (entity F 0.853, on KLUE's own dev split and spaCy's tokens:
not the same sentences, so only indicative).

Run: .venv/bin/python bench/ner_eval.py [--model ingest/nlp/model] [--split heldout] [--json out.json]
     .venv/bin/python bench/ner_eval.py --pipeline     # the whole `kg extract` pipeline instead
                                                       # (rules, plus the model if KG_NER_MODEL=on)
"""
from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from ingest.nlp.train import MODEL_DIR, load_model
from ingest.nlp.train.prepare import DATA_DIR, LABELS, load_sentences

COARSE = {"MINISTRY": "OG", "COMPANY": "OG", "ORGANIZATION": "OG", "PERSON": "PS", "LOCATION": "LC",
          "DATE": "DT", "TIME": "TI", "QUANTITY": "QT"}
COARSE.update({v: v for v in list(COARSE.values())})  # a model trained on the coarse labels


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[set], pred: list[set]) -> dict[str, dict[str, float]]:
    """Per-label and micro P/R/F1 over (start, end, label) triples, one set per sentence."""
    tp, np_, ng = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in g:
            ng[s[2]] += 1
        for s in p:
            np_[s[2]] += 1
        for s in g & p:
            tp[s[2]] += 1
    out = {}
    for lab in sorted(set(ng) | set(np_)):
        p, r, f = prf(tp[lab], np_[lab], ng[lab])
        out[lab] = {"p": p, "r": r, "f": f, "n": ng[lab]}
    p, r, f = prf(sum(tp.values()), sum(np_.values()), sum(ng.values()))
    out["micro"] = {"p": p, "r": r, "f": f, "n": sum(ng.values())}
    return out


def table(title: str, sc: dict[str, dict[str, float]], ceiling: dict[str, float] | None = None) -> str:
    lines = [title, f"{'type':14s} {'P':>6s} {'R':>6s} {'F1':>6s} {'gold':>6s}" + ("  aligned" if ceiling else "")]
    for lab, v in sc.items():
        extra = f"  {ceiling.get(lab, 0.0):7.3f}" if ceiling else ""
        lines.append(f"{lab:14s} {v['p']:6.3f} {v['r']:6.3f} {v['f']:6.3f} {int(v['n']):6d}{extra}")
    return "\n".join(lines)


def pipeline_scores(a: argparse.Namespace) -> int:
    """Exact span + type scores of `ingest.nlp.pipeline.extract` on the split."""
    import os  # noqa: PLC0415

    from ingest.nlp.pipeline import extract  # noqa: PLC0415
    from kg.settings import Settings  # noqa: PLC0415

    ner = Settings.from_env().ner_model
    sents = [s for s in load_sentences(a.data) if s.split == a.split]
    gold = [{tuple(x) for x in s.spans} for s in sents]
    t0 = time.perf_counter()
    pred = [{(e.start, e.end, e.type) for e in extract(s.text, None, ner_model=ner).entities if e.type in COARSE} for s in sents]
    secs = time.perf_counter() - t0
    fine = score(gold, pred)
    coarse = score([{(x, y, COARSE[z]) for x, y, z in g} for g in gold],
                   [{(x, y, COARSE[z]) for x, y, z in p} for p in pred])
    print(f"pipeline (KG_NER_MODEL={os.environ.get('KG_NER_MODEL', 'off')})  split: {a.split}  "
          f"sentences: {len(sents)}  {sum(len(s.text) for s in sents) / secs:,.0f} chars/s (incl. start-up)")
    print()
    print(table("Exact span + type (our 8 types), micro and per type:", fine))
    print()
    print(table("KLUE coarse (MINISTRY+COMPANY+ORGANIZATION → OG):", coarse))
    if a.json:
        a.json.write_text(json.dumps({"split": a.split, "fine": fine, "coarse": coarse}, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=MODEL_DIR)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--split", default="heldout", choices=("heldout", "tune", "train"))
    ap.add_argument("--repeat", type=int, default=3, help="timing runs (best of)")
    ap.add_argument("--json", type=Path, help="write the scores here too")
    ap.add_argument("--pipeline", action="store_true",
                    help="score the whole extraction pipeline (`kg extract`; KG_NER_MODEL decides whether the model "
                         "joins the rules) instead of the model alone")
    a = ap.parse_args(argv)
    if a.pipeline:
        return pipeline_scores(a)

    sents = [s for s in load_sentences(a.data) if s.split == a.split]
    texts = [s.text for s in sents]
    nlp = load_model(a.model)
    list(nlp.pipe(texts[:20]))                       # warm up (Kiwi model load, first batch)
    best = float("inf")
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=64))
        best = min(best, time.perf_counter() - t0)

    gold = [{tuple(x) for x in s.spans} for s in sents]
    pred = [{(e.start_char, e.end_char, e.label_) for e in d.ents} for d in docs]
    aligned, total = Counter(), Counter()
    for s, d in zip(sents, docs):
        for st, en, lab in s.spans:
            total[lab] += 1
            aligned[lab] += d.char_span(st, en) is not None
    ceiling = {lab: aligned[lab] / total[lab] for lab in total}
    ceiling["micro"] = sum(aligned.values()) / max(1, sum(total.values()))
    fine = score(gold, pred)
    coarse = score([{(x, y, COARSE[z]) for x, y, z in g} for g in gold],
                   [{(x, y, COARSE[z]) for x, y, z in p} for p in pred])
    overlap_tp = Counter()
    for g, p in zip(gold, pred):
        for gs in g:
            if any(ps[2] == gs[2] and ps[0] < gs[1] and gs[0] < ps[1] for ps in p):
                overlap_tp[gs[2]] += 1
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    tokens = sum(len(d) for d in docs)

    print(f"model: {a.model}  split: {a.split}  sentences: {len(sents)}  labels: {', '.join(LABELS)}")
    print()
    print(table("Exact span + type (our 8 types), micro and per type:", fine, ceiling))
    print()
    print(table("KLUE coarse (MINISTRY+COMPANY+ORGANIZATION → OG):", coarse))
    print()
    n_gold = sum(v["n"] for k, v in fine.items() if k != "micro")
    by_source = {}
    for src in ("wikitree", "nsmc"):
        idx = [i for i, s in enumerate(sents) if s.sid.endswith(src)]
        by_source[src] = score([gold[i] for i in idx], [pred[i] for i in idx])["micro"]
        v = by_source[src]
        print(f"{src + ' only':14s} {v['p']:6.3f} {v['r']:6.3f} {v['f']:6.3f} {int(v['n']):6d}  "
              f"({len(idx)} sentences; {'news' if src == 'wikitree' else 'movie reviews'}, exact 8 types)")
    print()
    print(f"boundary-lenient recall (a predicted span of the same type overlaps the gold span): "
          f"{sum(overlap_tp.values()) / max(1, n_gold):.3f}")
    print(f"speed (Kiwi tokenizer + ner, 1 process, best of {a.repeat}): {len(texts) / best:.0f} sentences/s, "
          f"{words / best:.0f} words/s (whitespace words), {tokens / best:.0f} tokens/s, {chars / best:.0f} chars/s")
    if a.json:
        a.json.write_text(json.dumps({"fine": fine, "coarse": coarse, "aligned": ceiling, "by_source": by_source,
                                      "words_per_s": words / best, "chars_per_s": chars / best,
                                      "sentences": len(sents)}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
