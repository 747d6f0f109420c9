"""An embedding layer for Kiwi tokens: spaCy's MultiHashEmbed plus short character affixes.

spaCy's lexical PREFIX is one character and SUFFIX three; Kiwi tokens are mostly 1–4
syllables, so SUFFIX is nearly the whole token and the strongest Korean type cues are
lost: the last syllable (세종시 → 시, 국방부 → 부, 진도군 → 군, 민주당 → 당) and the first
two (세종, 국방). This layer hashes those extra affixes into their own tables.
Registered as "kg.KoreanHashEmbed.v1"; the module is imported by tokenizer_reg, so
whatever can load the model's tokenizer can also build this layer.
"""
from __future__ import annotations

from typing import Callable

from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from spacy.ml.staticvectors import StaticVectors
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

NAME = "kg.KoreanHashEmbed.v1"


@registry.architectures(NAME)
def KoreanHashEmbed(width: int, attrs: list[str], rows: list[int], prefix_lengths: list[int],
                    suffix_lengths: list[int], affix_rows: int,
                    include_static_vectors: bool = False) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed(attrs, rows) + one table per extra prefix/suffix length (in characters).

    With include_static_vectors, the pipeline's static vectors (keyed by token text) are
    projected to `width` and concatenated with the hash embeddings before the Maxout mix,
    as spaCy's MultiHashEmbed does."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    all_rows = [*rows, *([affix_rows] * (len(prefix_lengths) + len(suffix_lengths)))]
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    features = [AffixFeatures(attrs, prefix_lengths, suffix_lengths), list2ragged(),
                with_array(concatenate(*embeddings))]
    n_in = width * len(embeddings)
    if include_static_vectors:
        features = [concatenate(chain(*features), StaticVectors(width, dropout=0.0))]
        n_in += width
    return chain(
        *features,
        with_array(Maxout(width, n_in, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def AffixFeatures(attrs: list[str], prefix_lengths: list[int], suffix_lengths: list[int]) -> Model[list[Doc], list[Ints2d]]:
    return Model("kiwi_affix_features", _forward,
                 attrs={"columns": attrs, "prefix": list(prefix_lengths), "suffix": list(suffix_lengths)})


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    columns, pre, suf = model.attrs["columns"], model.attrs["prefix"], model.attrs["suffix"]
    out: list[Ints2d] = []
    for doc in docs:
        base = doc.to_array(columns).reshape((len(doc), len(columns)))
        extra = [[get_string_id(f"<{t.text[:n]}") for n in pre] + [get_string_id(f"{t.text[-n:]}>") for n in suf]
                 for t in doc]
        arr = model.ops.xp.zeros((len(doc), len(columns) + len(pre) + len(suf)), dtype="uint64")
        arr[:, : len(columns)] = base
        if extra and extra[0]:
            arr[:, len(columns):] = model.ops.asarray(extra, dtype="uint64")
        out.append(model.ops.asarray2i(arr, dtype="uint64"))
    return out, lambda d: []
