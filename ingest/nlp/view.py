"""Per-document lookups over Kiwi morphemes, built once and shared by all rule components.

Rules find candidates with regexes over the raw text (fast) and then ask Kiwi only about
the few places they matched: is this a morpheme boundary (산업부 in 산업부문 is not), what
is the core of this word without its particle (LG전자가 → LG전자), is this word a proper
noun. Those questions are answered here from the morphemes the tokenizer kept on the Doc.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ingest.nlp.kiwi import Morph

NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN", "XR", "SO", "SW", "W_SERIAL"})
# a word's core ends where one of these starts: particles, endings, copula, verb suffixes,
# punctuation (SF . ! ?, SP , · /, SS quotes and brackets, SE …), not hyphens (K-칩스법)
FUNCTIONAL = ("J", "E", "VCP", "VCN", "XSV", "XSA", "SF", "SP", "SS", "SE")


@dataclass
class TextView:
    text: str
    morphs: list[Morph]
    starts: list[int] = field(default_factory=list)
    first: dict[int, Morph] = field(default_factory=dict)  # start → first morpheme there
    last: dict[int, Morph] = field(default_factory=dict)   # end → last morpheme ending there

    def __post_init__(self) -> None:
        ms = self.morphs
        self.starts = [m.start for m in ms]
        self.first = dict(zip(reversed(self.starts), reversed(ms)))  # the earliest wins
        self.last = dict(zip([m.end for m in ms], ms))  # the latest wins

    @classmethod
    def of(cls, doc: Doc) -> "TextView":
        """The view of `doc`, built on first use and cached on the Doc."""
        view = doc.user_data.get("kg_view")
        if view is None:
            text = doc.user_data.get("kg_text")
            if text is None:
                text = doc.text  # (slow in spaCy: joins every token) the tokenizer keeps it for us
            morphs = doc._.kiwi_morphs
            if morphs is None:  # a Doc made by another tokenizer: analyse it now
                from ingest.nlp.kiwi import analyze  # noqa: PLC0415
                morphs = analyze(text)
            view = doc.user_data["kg_view"] = cls(text, morphs)
        return view

    # --- questions about positions ---------------------------------------------------

    def is_cut(self, pos: int) -> bool:
        """Whether `pos` is a morpheme or word boundary (an entity may start/end here)."""
        t = self.text
        if pos <= 0 or pos >= len(t) or pos in self.first or pos in self.last:
            return True
        return t[pos - 1].isspace() or t[pos].isspace()

    def aligned(self, start: int, end: int) -> bool:
        return self.is_cut(start) and self.is_cut(end)

    def morphs_in(self, start: int, end: int) -> list[Morph]:
        """The morphemes that start in [start, end) (starts are sorted: one slice)."""
        i = bisect_left(self.starts, start)
        return self.morphs[i:max(i, bisect_left(self.starts, end, i))]

    def word_start(self, pos: int) -> int:
        """Start of the whitespace-separated word that contains (or ends at) `pos`."""
        t = self.text
        while pos > 0 and not t[pos - 1].isspace():
            pos -= 1
        return pos

    def word_end(self, pos: int) -> int:
        t, n = self.text, len(self.text)
        while pos < n and not t[pos].isspace():
            pos += 1
        return pos

    def core_end(self, start: int, end: int) -> int:
        """End of the content part of the word [start, end): before particles and endings."""
        for m in self.morphs_in(start, end):
            if m.start > start and m.tag.startswith(FUNCTIONAL):
                return m.start
        return end

    def tail(self, end: int) -> str:
        """The particle/ending text right after `end` up to the next space (는, 에서는 …)."""
        return self.text[end:self.word_end(end)]

    def is_nominal(self, start: int, end: int) -> bool:
        """Whether [start, end) is made only of nouns, numbers, foreign words, affixes."""
        ms = self.morphs_in(start, end)
        return bool(ms) and all(m.tag in NOMINAL for m in ms)

    def tag_at(self, pos: int) -> str:
        m = self.first.get(pos)
        return m.tag if m is not None else ""

    def single_word_tag(self, start: int, end: int) -> str:
        """Kiwi's tag when one morpheme covers exactly [start, end), else ''."""
        m = self.first.get(start)
        return m.tag if m is not None and m.end == end else ""
