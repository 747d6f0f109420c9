"""Static word vectors for the NER model, taken from Kiwi's own language model.

`kiwipiepy_model` (Apache-2.0) ships Kiwi's CoNg language model, trained on a large Korean
corpus, whose morphemes have embeddings. kiwipiepy exposes only their cosine similarity
(`Kiwi.morpheme_similarity`), which is enough to get the embeddings back:

- for K anchor morphemes, a morpheme's similarities to them are s = e·Aᵀ, with e its unit
  embedding and A the anchors' unit embeddings;
- the anchors' own similarities G = A·Aᵀ = Q·Λ·Qᵀ give A = Q·Λ^½·R for some rotation R,
  so s·Q·Λ^-½ = e·Rᵀ: every embedding, up to one rotation shared by all of them.

The embeddings are centred (they share a large common direction), reduced by PCA to DIM
dimensions, normalised and keyed by surface form (Kiwi numbers morphemes roughly by
frequency, so the most frequent morpheme of a form wins). Morphemes past MAX_ID have no
embedding or a degenerate one. About 67,000 forms remain (17 MB at 64 dimensions);
--forms N keeps the first N (30,000 cover 98% of the tokens of the KLUE sentences, Wikinews
and the Assembly texts that all of them cover, but scored a point lower on the tune split). The result is a spaCy pipeline directory holding only the vectors, for
`spacy train --paths.vectors DIR`.

Run: python -m ingest.nlp.train.kiwi_vectors OUT_DIR [--dim 64] [--forms N]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

MAX_ID = 72_000       # morphemes numbered beyond this have no usable embedding (checked by hand)
ANCHORS = 400         # more than the embedding rank (256), so the anchors span it
NAME = "kg_kiwi_cong"


def morpheme_vectors(dim: int = 64, n_forms: int | None = None, max_id: int = MAX_ID, seed: int = 0) -> tuple[list[str], np.ndarray, dict]:
    """(forms, unit vectors of shape (len(forms), dim), stats)."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(model_type="cong")
    rng = np.random.default_rng(seed)
    anchors = [int(a) for a in rng.choice(np.arange(500, 40_000), ANCHORS, replace=False)]
    forms: list[str] = []
    rows: list[np.ndarray] = []
    seen: set[str] = set()
    for i in range(2, max_id):
        m = kiwi.morpheme(i)
        if not m.form or m.tag == "UN" or " " in m.form or m.form in seen:
            continue
        sims = np.fromiter((kiwi.morpheme_similarity(i, a) for a in anchors), dtype=np.float64, count=len(anchors))
        if np.isnan(sims).any():
            continue
        seen.add(m.form)
        forms.append(m.form)
        rows.append(sims)
    gram = np.array([[kiwi.morpheme_similarity(a, b) for b in anchors] for a in anchors], dtype=np.float64)
    lam, q = np.linalg.eigh(gram)
    keep = lam > lam.max() * 1e-6
    emb = np.stack(rows) @ (q[:, keep] / np.sqrt(lam[keep]))
    emb -= emb.mean(axis=0)
    _, s, vt = np.linalg.svd(emb, full_matrices=False)
    vecs = emb @ vt[:dim].T
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-8
    stats = {"forms": len(forms[:n_forms]), "rank": int(keep.sum()), "dim": dim,
             "variance_kept": round(float((s[:dim] ** 2).sum() / (s ** 2).sum()), 3)}
    return forms[:n_forms], vecs[:n_forms].astype(np.float32), stats


def write_vectors(out: Path, dim: int = 64, n_forms: int | None = None) -> dict:
    """A blank Korean pipeline (our Kiwi tokenizer) whose vocab holds the vectors, at `out`."""
    import spacy
    from spacy.vectors import Vectors

    from ingest.nlp.train import tokenizer_reg  # noqa: F401  registers the tokenizer name

    forms, vecs, stats = morpheme_vectors(dim, n_forms)
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.ner_kiwi_tokenizer.v1"}}})
    keys = [nlp.vocab.strings.add(f) for f in forms]
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vecs, keys=keys, name=NAME)
    nlp.to_disk(out)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--forms", type=int, help="keep only the first N forms (default: all)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    stats = write_vectors(a.out, a.dim, a.forms)
    print(f"{stats['forms']} forms × {stats['dim']} dims (embedding rank {stats['rank']}, "
          f"{stats['variance_kept']:.0%} of the variance) → {a.out} in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
