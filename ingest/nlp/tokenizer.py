"""A spaCy tokenizer over Kiwi morphology.

spaCy's own Korean tokenizer needs MeCab; we cut with Kiwi instead. Kiwi morphemes can
overlap in the surface string (했다 → 하/었/다 share characters), so tokens are the
character segments between morpheme boundaries inside each whitespace-separated word:
발표했다 → 발표 | 했 | 다, 산업부는 → 산업부 | 는. Each token's `tag_` is the Kiwi tag of
the first morpheme starting there, and `lemma_` its form, so components can use POS.
"""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.nlp.kiwi import Morph, analyze


def segment(text: str, morphs: list[Morph]) -> list[tuple[int, int, str, str]]:
    """(start, end, tag, lemma) character segments covering every non-space character."""
    cuts: set[int] = set()
    first: dict[int, Morph] = {}
    for m in morphs:
        cuts.add(m.start)
        cuts.add(m.end)
        first.setdefault(m.start, m)
    out: list[tuple[int, int, str, str]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        j = i
        while j < n and not text[j].isspace():
            j += 1
        # split the word [i, j) at morpheme boundaries strictly inside it
        start = i
        for k in range(i + 1, j + 1):
            if k == j or k in cuts:
                m = first.get(start)
                out.append((start, k, m.tag if m else "X", m.form if m else text[start:k]))
                start = k
        i = j
    return out


class KiwiTokenizer:
    """Callable tokenizer for `nlp.tokenizer`: str → Doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return self.from_morphs(text, analyze(text))

    def from_morphs(self, text: str, morphs: list[Morph]) -> Doc:
        segs = segment(text, morphs)
        words = [text[s:e] for s, e, _t, _l in segs]
        spaces = [e < len(text) and text[e].isspace() for _s, e, _t, _l in segs]
        # whitespace runs longer than one space become their own tokens (spaCy convention)
        doc = Doc(self.vocab, words=words, spaces=spaces) if _single_spaces(text, segs) else _doc_with_ws(self.vocab, text, segs)
        for tok, (_s, _e, tag, lemma) in zip((t for t in doc if not t.is_space), segs):
            tok.tag_ = tag
            tok.lemma_ = lemma
        return doc

    # spaCy serialisation hooks (the tokenizer has no state of its own)
    def to_bytes(self, **_kw) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_kw) -> "KiwiTokenizer":
        return self

    def to_disk(self, _path, **_kw) -> None:
        return None

    def from_disk(self, _path, **_kw) -> "KiwiTokenizer":
        return self


def _single_spaces(text: str, segs: list[tuple[int, int, str, str]]) -> bool:
    prev = 0
    for s, e, _t, _l in segs:
        gap = text[prev:s]
        if gap not in ("", " ") or (prev == 0 and gap):
            return False
        prev = e
    return text[prev:] in ("", " ") and not text[prev:]


def _doc_with_ws(vocab: Vocab, text: str, segs: list[tuple[int, int, str, str]]) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    prev = 0
    for s, e, _t, _l in segs:
        gap = text[prev:s]
        if gap:
            if gap == " " and words and not spaces[-1]:
                spaces[-1] = True
            else:
                if words and not spaces[-1] and gap[0] == " ":
                    spaces[-1] = True
                    gap = gap[1:]
                if gap:
                    words.append(gap)
                    spaces.append(False)
        words.append(text[s:e])
        spaces.append(False)
        prev = e
    if text[prev:]:
        words.append(text[prev:])
        spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)
