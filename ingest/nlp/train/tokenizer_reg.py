"""Registers what the model's config names: the Kiwi tokenizer and the embedding layer.

Used as `spacy train --code ingest/nlp/train/tokenizer_reg.py` and imported before loading
the shipped model (`ingest.nlp.train.load_model` does it). The tokenizer name is our own
("kg.ner_kiwi_tokenizer.v1"), distinct from the pipeline's, so both can be registered
side by side; a pipeline that sources our `ner` must import this module first (the
source model's config is resolved in full), whatever tokenizer it uses itself.
"""
from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.util import registry

from ingest.nlp.tokenizer import KiwiTokenizer
from ingest.nlp.train import ensemble as _ensemble  # noqa: F401  registers kg_ner_vote
from ingest.nlp.train import layers as _layers  # noqa: F401  registers kg.KoreanHashEmbed.v1

NAME = "kg.ner_kiwi_tokenizer.v1"


@registry.tokenizers(NAME)
def create_kiwi_tokenizer() -> Callable[[Language], KiwiTokenizer]:
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make
