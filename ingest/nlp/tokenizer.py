"""A spaCy tokenizer over Kiwi morphology.

spaCy's own Korean tokenizer needs MeCab; we cut with Kiwi instead. Kiwi morphemes can
overlap in the surface string (했다 → 하/었/다 share characters), so tokens are the
character segments between morpheme boundaries inside each whitespace-separated word:
발표했다 → 발표 | 했 | 다, 산업부는 → 산업부 | 는. Each token's `tag_` is the Kiwi tag of
the first morpheme starting there, and `lemma_` its form, so components can use POS.

Kiwi runs once per document, here: the morphemes and Kiwi's sentence boundaries are kept
on the Doc (`doc._.kiwi_morphs`, `doc._.sent_spans`, `token.is_sent_start`, and the text
in `doc.user_data["kg_text"]`, as `Doc.text` rebuilds it from all tokens on every call)
so that no component has to analyse the text again. Sentences are Kiwi's, and a line
break always ends one. The components add working state under `doc.user_data["kg_*"]`;
serialise such Docs with `exclude=["user_data"]`.
"""
from __future__ import annotations

import re
from collections import deque
from typing import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, SENT_START, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.nlp.kiwi import Morph, analyze, analyze_many

_SPACE = re.compile(r"\s+")
_ATTRS = [TAG, LEMMA, SENT_START]
_NOT_START = numpy.uint64(2**64 - 1)  # SENT_START -1 (not a sentence start) as spaCy's attr_t

for _name in ("kiwi_morphs", "sent_spans"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _cuts(text: str, morphs: list[Morph]) -> tuple[list[int], dict[int, Morph], set[int]]:
    """Sorted segment boundaries (morpheme edges and word edges), the first morpheme
    starting at each position, and the positions right after a line break. Word edges are
    cuts too, so no segment straddles whitespace (even where a Kiwi morpheme does, e.g. a
    serial number "2024. 3. 7")."""
    starts = [m.start for m in morphs]
    first = dict(zip(reversed(starts), reversed(morphs)))  # the earliest morpheme wins
    cuts = set(starts)
    cuts.update([m.end for m in morphs])
    after_break: set[int] = set()
    for w in _SPACE.finditer(text):
        cuts.add(w.start())
        cuts.add(w.end())
        if "\n" in w.group():
            after_break.add(w.end())
    cuts.add(0)
    n = len(text)
    cuts.add(n)
    pts = sorted(cuts)
    if pts[-1] > n:
        pts = [p for p in pts if p <= n]
    return pts, first, after_break


def segment(text: str, morphs: list[Morph]) -> list[tuple[int, int, str, str]]:
    """(start, end, tag, lemma) character segments covering every non-space character."""
    pts, first, _ = _cuts(text, morphs)
    out: list[tuple[int, int, str, str]] = []
    for a, b in zip(pts, pts[1:]):
        if text[a].isspace():
            continue
        m = first.get(a)
        out.append((a, b, m.tag, m.form) if m is not None else (a, b, "X", text[a:b]))
    return out


class KiwiTokenizer:
    """Callable tokenizer for `nlp.tokenizer`: str → Doc."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return self.from_morphs(text, analyze(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Docs for a stream of texts, in order; Kiwi analyses them on its worker threads."""
        pending: deque[str] = deque()

        def feed() -> Iterator[str]:
            for t in texts:
                pending.append(t)
                yield t

        for morphs in analyze_many(feed()):
            yield self.from_morphs(pending.popleft(), morphs)

    def from_morphs(self, text: str, morphs: list[Morph]) -> Doc:
        pts, first, after_break = _cuts(text, morphs)
        segs = [(a, b) for a, b in zip(pts, pts[1:]) if not text[a].isspace()]
        n = len(text)
        get = first.get
        ms = [get(a) for a, _b in segs]
        words = [text[a:b] for a, b in segs]
        tags = [m.tag if m is not None else "X" for m in ms]
        lemmas = [m.form if m is not None else w for m, w in zip(ms, words)]
        spaces = [b < n and text[b] == " " for _a, b in segs]
        # a sentence starts where Kiwi starts one, after a line break, and at the beginning
        # (not after a word that is only '다': '마리아 라우라 다 호샤' is a name, no sentence ends there)
        breaks = {b.start for a, b in zip(morphs, morphs[1:])
                  if a.sent != b.sent and not (a.form == "다" and a.start > 0 and text[a.start - 1] == " ")} | after_break
        starts = [a in breaks for a, _b in segs]
        if starts:
            starts[0] = True
        opens = [i for i, s in enumerate(starts) if s]
        sent_spans = [(segs[i][0], segs[j - 1][1]) for i, j in zip(opens, opens[1:] + [len(segs)])]
        # whitespace other than one space after a token becomes a token of its own (spaCy)
        extra: list[tuple[int, str]] = []
        prev = 0
        for i, (a, b) in enumerate(segs):
            if a > prev:
                gap = text[prev:a]
                if i > 0 and gap[0] == " ":
                    gap = gap[1:]
                if gap:
                    extra.append((i, gap))
            prev = b
        if prev < n:
            gap = text[prev:]
            gap = gap[1:] if segs and gap[0] == " " else gap
            if gap:
                extra.append((len(segs), gap))
        if extra:  # splice them in with slices (list.insert would be quadratic on long texts)
            cols: tuple[list, ...] = ([], [], [], [], [])
            prev_i = 0
            for i, gap in extra:
                for col, src in zip(cols, (words, spaces, tags, lemmas, starts)):
                    col.extend(src[prev_i:i])
                for col, val in zip(cols, (gap, False, "_SP", gap, i == 0)):
                    col.append(val)
                prev_i = i
            for col, src in zip(cols, (words, spaces, tags, lemmas, starts)):
                col.extend(src[prev_i:])
            words, spaces, tags, lemmas, starts = cols
        if len(starts) > 1 and tags[0] == "_SP":  # leading whitespace joins the first sentence
            starts[1] = False
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:  # tags, lemmas and sentence starts in one array: twice as fast as Doc(tags=…)
            add = self.vocab.strings.add
            arr = numpy.empty((len(words), 3), dtype="uint64")
            arr[:, 0] = [add(t) for t in tags]
            arr[:, 1] = [add(w) for w in lemmas]
            arr[:, 2] = [1 if s else _NOT_START for s in starts]
            doc.from_array(_ATTRS, arr)
        doc._.kiwi_morphs = morphs
        doc.user_data["kg_text"] = text  # Doc.text joins all tokens on every call
        doc._.sent_spans = sent_spans
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
