"""Training of the statistical Korean NER model (KLUE-NER + KoNEC, 3,000 sentences).

`prepare` turns the two TSVs into spaCy DocBins (Kiwi tokens, our entity types),
`config.cfg` describes the model, `train.sh` runs everything and `package` copies the
trained `ner` component into `ingest/nlp/model/`. `load_model` loads that directory.
"""
from __future__ import annotations

from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent.parent / "model"


def load_model(path: Path | str = MODEL_DIR):
    """The shipped model as a spaCy `Language` (Kiwi tokenizer + self-contained `ner`)."""
    import spacy

    from ingest.nlp.train import tokenizer_reg  # noqa: F401  registers the tokenizer name

    return spacy.load(path)
