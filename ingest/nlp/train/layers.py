"""An embedding layer for Kiwi tokens: spaCy's MultiHashEmbed plus short character affixes.

spaCy's lexical PREFIX is one character and SUFFIX three; Kiwi tokens are mostly 1–4
syllables, so SUFFIX is nearly the whole token and the strongest Korean type cues are
lost: the last syllable (세종시 → 시, 국방부 → 부, 진도군 → 군, 민주당 → 당) and the first
two (세종, 국방). This layer hashes those extra affixes into their own tables.
Registered as "kg.KoreanHashEmbed.v1"; the module is imported by tokenizer_reg, so
whatever can load the model's tokenizer can also build this layer.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from spacy.ml.staticvectors import StaticVectors
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from ingest.nlp.train.lexicon import tags as lexicon_tags

NAME = "kg.KoreanHashEmbed.v1"


@registry.architectures(NAME)
def KoreanHashEmbed(width: int, attrs: list[str], rows: list[int], prefix_lengths: list[int],
                    suffix_lengths: list[int], affix_rows: int,
                    include_static_vectors: bool = False, lexicon: str | None = None,
                    lexicon_rows: int = 0, place_rows: int = 0) -> Model[list[Doc], list[Floats2d]]:
    """MultiHashEmbed(attrs, rows) + one table per extra prefix/suffix length (in characters).

    With lexicon_rows > 0, one more table embeds each token's name-lexicon tag (B-PS, I-OG,
    O, …: ingest/nlp/train/lexicon.py). The lexicon (the TSV at `lexicon` when the model is
    built for training) is kept in the layer's attrs, so it is saved with the model and the
    shipped config needs no path.

    With place_rows > 0, one more table embeds where the token sits in its eojeol (the
    whitespace-separated word: B first, I inside, E last, S alone) with its length in
    syllables (1–4, 4 = more): names start at an eojeol's start and end before its particle,
    which the morpheme features alone do not say.

    With include_static_vectors, the pipeline's static vectors (keyed by token text) are
    projected to `width` and concatenated with the hash embeddings before the Maxout mix,
    as spaCy's MultiHashEmbed does."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    all_rows = [*rows, *([affix_rows] * (len(prefix_lengths) + len(suffix_lengths))),
                *([lexicon_rows] if lexicon_rows else []), *([place_rows] if place_rows else [])]
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    lex = _read_lexicon(lexicon) if lexicon_rows else None
    features = [AffixFeatures(attrs, prefix_lengths, suffix_lengths, lex, bool(place_rows)), list2ragged(),
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


def _read_lexicon(path: str | None) -> dict[str, str]:
    """form → class from a `lexicon.py` TSV; empty when there is no file (a shipped model
    restores its lexicon from its saved attrs after it is built)."""
    if not path or not Path(path).is_file():
        return {}
    return dict(line.split("\t", 1) for line in Path(path).read_text(encoding="utf-8").splitlines() if "\t" in line)


def AffixFeatures(attrs: list[str], prefix_lengths: list[int], suffix_lengths: list[int],
                  lexicon: dict[str, str] | None = None, place: bool = False) -> Model[list[Doc], list[Ints2d]]:
    extra = {} if lexicon is None else {"lexicon": lexicon}
    if place:
        extra["place"] = True
    return Model("kiwi_affix_features", _forward,
                 attrs={"columns": attrs, "prefix": list(prefix_lengths), "suffix": list(suffix_lengths), **extra})


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    columns, pre, suf = model.attrs["columns"], model.attrs["prefix"], model.attrs["suffix"]
    lexicon = model.attrs.get("lexicon")
    place = model.attrs.get("place", False)
    out: list[Ints2d] = []
    for doc in docs:
        base = doc.to_array(columns).reshape((len(doc), len(columns)))
        extra = [[get_string_id(f"<{t.text[:n]}") for n in pre] + [get_string_id(f"{t.text[-n:]}>") for n in suf]
                 for t in doc]
        if lexicon is not None:
            lex = lexicon_tags(doc.text, [t.idx for t in doc], [t.idx + len(t.text) for t in doc], lexicon)
            for row, tag in zip(extra, lex):
                row.append(get_string_id(f"lex:{tag}"))
        if place:
            for row, tag in zip(extra, eojeol_places(doc)):
                row.append(get_string_id(f"place:{tag}"))
        width = len(pre) + len(suf) + (lexicon is not None) + place
        arr = model.ops.xp.zeros((len(doc), len(columns) + width), dtype="uint64")
        arr[:, : len(columns)] = base
        if extra and extra[0]:
            arr[:, len(columns):] = model.ops.asarray(extra, dtype="uint64")
        out.append(model.ops.asarray2i(arr, dtype="uint64"))
    return out, lambda d: []


def eojeol_places(doc: Doc) -> list[str]:
    """B/I/E/S (first, inside, last, alone in its eojeol) + length in syllables (capped at 4)."""
    out = []
    for i, t in enumerate(doc):
        if t.is_space:
            out.append("SP")
            continue
        first = i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space
        last = i == len(doc) - 1 or bool(t.whitespace_) or doc[i + 1].is_space
        where = ("S" if last else "B") if first else ("E" if last else "I")
        out.append(f"{where}{min(len(t.text), 4)}")
    return out
