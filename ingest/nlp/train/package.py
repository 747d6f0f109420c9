"""Copy a trained pipeline's `ner` into `ingest/nlp/model/` with as few files as possible.

The trained pipeline's vocab holds every string seen in training; the shipped one is
rebuilt from the config, so it holds only what `ner` needs (its labels and the static
vectors). The `ner` component carries its own tok2vec, so the directory is `ner/` +
config + meta + vocab.
The model is an adaptation of CC BY-SA 4.0 data and ships under that licence.

Run: python -m ingest.nlp.train.package build/ner/runs/final/model-best [--out ingest/nlp/model]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from ingest.nlp.train import MODEL_DIR

LICENSE = "CC BY-SA 4.0"
ATTRIBUTION = """\
# Korean NER model (ner component, Kiwi tokens)

Trained by `ingest/nlp/train/train.sh` on 3,000 sentences of KLUE-NER v1.1 (Park, Sungjoon
et al. 2021, "KLUE: Korean Language Understanding Evaluation", NeurIPS 2021 Datasets and
Benchmarks, https://github.com/KLUE-benchmark/KLUE) with organisation types refined by
the KoNEC re-annotation (korean-named-entity project,
https://github.com/korean-named-entity/konne-prep). Both are licensed CC BY-SA 4.0; this
model is an adaptation and is licensed CC BY-SA 4.0
(https://creativecommons.org/licenses/by-sa/4.0/).

Static word vectors (vocab/vectors, 64 dimensions for about 67,000 Korean morpheme forms):
derived by `ingest/nlp/train/kiwi_vectors.py` from the morpheme embeddings of Kiwi's CoNg
language model in kiwipiepy_model 0.24.0 (bab2min, https://github.com/bab2min/Kiwi,
Apache License 2.0).

Name lexicon (saved inside ner/model, about 22,800 forms with a KoNEC class): the forms of
`konec-train-lexicon.tsv`, derived from docs/stat/ne_form_label_freq.tsv of
https://github.com/korean-named-entity/konec (counts over the KLUE-NER train split;
CC BY-SA 4.0), built by `ingest/nlp/train/lexicon.py`.

Labels: PERSON, LOCATION, DATE, TIME, QUANTITY, MINISTRY, COMPANY, ORGANIZATION.
Load with `ingest.nlp.train.load_model()` (it registers the tokenizer the config names),
or source the self-contained `ner` component into a pipeline whose tokenizer is the
Kiwi tokenizer of `ingest/nlp/tokenizer.py` (the model uses token.tag_ as a feature),
after importing `ingest.nlp.train.tokenizer_reg` (it registers the names the config uses).
Held-out scores: `bench/ner_eval.py`.
"""


def package(src: Path | list[Path], out: Path = MODEL_DIR, meta_extra: dict | None = None) -> Path:
    """One trained pipeline's `ner`, or with several, their majority vote (ensemble.py)."""
    import spacy
    from spacy.util import load_model_from_config

    from ingest.nlp.train import tokenizer_reg  # noqa: F401
    from ingest.nlp.train.ensemble import NAME as VOTE, member_config

    srcs = src if isinstance(src, list) else [src]
    members = [spacy.load(s) for s in srcs]
    trained = members[0]
    if any(m.pipe_names != ["ner"] for m in members):
        raise ValueError(f"expected pipelines with only 'ner', got {[m.pipe_names for m in members]}")
    config = trained.config.copy()
    config["paths"]["train"] = None    # build paths mean nothing to a user of the model
    config["paths"]["dev"] = None
    config["paths"]["vectors"] = None
    if "lexicon" in config["paths"]:
        config["paths"]["lexicon"] = None  # the lexicon is saved inside the ner model (layers.py)
    if len(members) > 1:
        ner = config.interpolate()["components"]["ner"]
        config["components"] = {"ner": {"factory": VOTE, "members": len(members), "member_config": member_config(ner)}}
    clean = load_model_from_config(config, auto_fill=True, validate=True)
    if trained.vocab.vectors.shape[0]:  # static vectors (kiwi_vectors.py) live in the vocab
        clean.vocab.vectors = trained.vocab.vectors
    pipes = clean.get_pipe("ner").members if len(members) > 1 else [clean.get_pipe("ner")]
    for pipe, m in zip(pipes, members):
        pipe.from_bytes(m.get_pipe("ner").to_bytes(exclude=["vocab"]), exclude=["vocab"])
    meta = dict(trained.meta)
    meta.pop("performance", None)  # scores on the tune split, which the final model trains on
    meta.update({
        "name": "kg_ner", "version": "0.1.0", "license": LICENSE,
        "description": "Korean NER over Kiwi tokens: KLUE-NER labels with OG split into MINISTRY/COMPANY/ORGANIZATION by KoNEC.",
        "sources": [
            {"name": "KLUE-NER v1.1 (3,000 sentences)", "url": "https://github.com/KLUE-benchmark/KLUE", "license": LICENSE,
             "author": "Park, Sungjoon et al. 2021"},
            {"name": "KoNEC", "url": "https://github.com/korean-named-entity/konne-prep", "license": LICENSE,
             "author": "korean-named-entity project"},
            {"name": "KoNEC name lexicon of the KLUE-NER train split (ne_form_label_freq.tsv)",
             "url": "https://github.com/korean-named-entity/konec", "license": LICENSE,
             "author": "korean-named-entity project"},
        ],
        **(meta_extra or {}),
    })
    clean.meta.update(meta)
    if out.exists():
        shutil.rmtree(out)
    clean.to_disk(out)
    for junk in ("tokenizer",):                # the Kiwi tokenizer has no state on disk
        p = out / junk
        if p.is_file() and p.stat().st_size == 0:
            p.unlink()
    (out / "README.md").write_text(ATTRIBUTION, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", type=Path, nargs="+", help="a trained pipeline, or several: their majority vote")
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--meta", type=Path, help="JSON file merged into meta.json (e.g. training time)")
    a = ap.parse_args(argv)
    extra = json.loads(a.meta.read_text(encoding="utf-8")) if a.meta else None
    out = package(a.src if len(a.src) > 1 else a.src[0], a.out, extra)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"packaged {a.src} → {out} ({size / 1e6:.1f} MB)")
    for p in sorted(out.rglob("*")):
        if p.is_file():
            print(f"  {p.relative_to(out)}  {p.stat().st_size}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
