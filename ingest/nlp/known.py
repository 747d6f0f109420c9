"""Names known from other documents, found again where a document writes them plainly.

One release names its alliance in quotes ('K-휴머노이드 연합' 출범); a later brief writes
it bare ('K-휴머노이드 연합이 27일 … 창립총회를 열고'), where no rule of its own reads
a name: '연합' is a head word only in quotes (ingest.nlp.heads.QUOTED_HEADS). The
ingest (kg.write.known) hands the pipeline the names it already holds with strong
evidence; `find_known` looks them up in the document's text.

Precision first, since a wrong known name spreads over every document:
- only names a document marked as names (`strong`: in quotes or 「」) of initiatives,
  companies and organisations, never people or places (homonyms), and a name that is the
  mention of a known name is no new evidence (no snowballing);
- `eligible`: at least four letters, at most six words, not a stop word, an initiative's
  name ends in a head word or holds a letter, digit or hyphen ('디지털 전환' is two common
  nouns, not a name), and its head has a modifier that is not generic ('국가 전략');
- in the text: the name starts a word, ends at a particle or punctuation ('연합이',
  '연합은', '연합과', '연합의'; not '연합회', not '연합하여', a verb), matches in case,
  and loses to any entity the document's own rules find on the same or a longer span.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from ingest.nlp.heads import CHAIN_STOP, HEADS, QUOTED_HEADS, head_kind

if TYPE_CHECKING:  # the ingest's main process builds tables of names without loading spaCy
    from ingest.nlp.view import TextView

TYPES = ("INITIATIVE", "COMPANY", "ORGANIZATION")
MIN_CHARS = 4   # letters, spaces aside
MAX_WORDS = 6
PRIORITY = 9    # below every rule of the document's own (ingest.nlp.components.PRIORITY)
# names that quotes do not make names: slogans and topics as often as initiatives
STOP = frozenset({"디지털 전환", "탄소중립", "탄소 중립", "그린 뉴딜", "디지털 뉴딜", "4차 산업혁명", "인공지능",
                  "4차산업혁명", "규제 혁신", "규제혁신", "민관 협력", "상생 협력", "상생협력", "혁신 성장", "혁신성장"})
_DISTINCT = re.compile(r"[A-Za-z0-9\-·]")
_WORD_CHAR = re.compile(r"[가-힣A-Za-z0-9]")
# the rest of a word after a name: a particle or the copula, nothing that makes a longer noun or a verb
_PARTICLE = re.compile(r"(?:이|가|은|는|을|를|의|에|에서|에게|에는|에서는|에서도|에도|과|와|과의|와의|과는|와는|도|만|로|으로"
                       r"|로는|으로는|로서|으로서|까지|부터|이나|나|이며|며|이고|이다|이라는|라는|이란|란|처럼|보다|측|마저|조차)")


@dataclass(frozen=True)
class KnownName:
    """A name known from another document: its text, type and an initiative's kind."""

    name: str
    label: str
    kind: str = ""


def eligible(name: str, label: str) -> bool:
    """Whether `name` may be looked up in other documents (see the module docstring)."""
    words = name.split()
    if label not in TYPES or len(name.replace(" ", "")) < MIN_CHARS or not words or len(words) > MAX_WORDS:
        return False
    if name in STOP or name != name.strip() or not _WORD_CHAR.match(name) or not _WORD_CHAR.search(name[-1]):
        return False
    if label != "INITIATIVE":
        return True
    hk = head_kind(name)
    if hk is None:
        return bool(_DISTINCT.search(name))
    modifier = name[:-len(hk[0])].strip()
    if len(modifier.replace(" ", "")) < 2 or all(w in CHAIN_STOP for w in modifier.split()):
        return False  # '얼라이언스', '국가 전략': a head word with nothing that names one
    return HEADS.get(hk[0]) != "meeting" and QUOTED_HEADS.get(hk[0]) != "meeting"  # a meeting is one day's event


class KnownNames:
    """A table of known names, eligible ones only, with a fast look-up by first letters."""

    def __init__(self, names: Iterable[KnownName] = ()) -> None:
        self.by_name: dict[str, KnownName] = {}
        for n in names:
            if n.name not in self.by_name and eligible(n.name, n.label):
                self.by_name[n.name] = n
        self._first: dict[str, list[str]] = {}  # the first two letters → names, longest first
        for name in sorted(self.by_name, key=len, reverse=True):
            self._first.setdefault(name[:2], []).append(name)
        chars = "".join(re.escape(c) for c in sorted({p[0] for p in self._first}))
        self._starts = re.compile(f"(?<![가-힣A-Za-z0-9])[{chars}]") if chars else None

    def __len__(self) -> int:
        return len(self.by_name)

    def __contains__(self, name: object) -> bool:
        return name in self.by_name

    def names(self) -> tuple[KnownName, ...]:
        return tuple(self.by_name.values())

    def occurrences(self, text: str) -> Iterator[tuple[int, int, KnownName]]:
        """Where the names stand in `text` as words of their own: at a word's start, ending
        at a space, punctuation or a particle (no Kiwi needed: the ingest's cheap check)."""
        if self._starts is None:
            return
        pos = 0
        for m in self._starts.finditer(text):
            s = m.start()
            if s < pos:
                continue
            for name in self._first.get(text[s:s + 2], ()):
                e = s + len(name)
                if text.startswith(name, s) and _ends_word(text, e):
                    yield s, e, self.by_name[name]
                    pos = e
                    break


def _ends_word(text: str, e: int) -> bool:
    """A name ends at `e`: the word ends there or goes on with a particle only."""
    if e >= len(text) or not _WORD_CHAR.match(text[e]):
        return True
    rest = re.match(r"[가-힣]+", text[e:])
    return rest is not None and _PARTICLE.fullmatch(rest.group()) is not None \
        and (rest.end() + e >= len(text) or not _WORD_CHAR.match(text[e + rest.end()]))


def find_known(view: "TextView", known: KnownNames | None) -> Iterator[tuple[int, int, str, dict]]:
    """Candidates (start, end, label, attrs) for the known names in the document. Kiwi has
    the last word on the end: the morpheme after the name must be a particle or the copula
    ('연합하여' is a verb, '연합체' a longer noun), and the name's own last morpheme ends
    at the name's end."""
    if not known:
        return
    text = view.text
    for s, e, k in known.occurrences(text):
        if not view.aligned(s, e):
            continue  # Kiwi reads the words otherwise
        word_end = view.word_end(e)
        if e < word_end and _WORD_CHAR.match(text[e]):
            first = view.morphs_in(e, word_end)
            if not first or not first[0].tag.startswith(("J", "VCP")):
                continue
        attrs: dict = {"known": True, "_prio": PRIORITY}
        if k.label == "INITIATIVE":
            attrs["kind"] = k.kind or "plan"
        yield s, e, k.label, attrs


def strong(entities: Iterable) -> list[KnownName]:
    """The names a document marks as names (quoted) that other documents may look up:
    `entities` are core.model.Entity (or anything with text, type, attrs)."""
    out: dict[str, KnownName] = {}
    for e in entities:
        if e.type not in TYPES or not e.attrs.get("quoted") or e.attrs.get("known"):
            continue
        kind = str(e.attrs.get("kind") or "")
        if e.type == "INITIATIVE" and (kind in ("meeting", "event") or e.attrs.get("generic") or e.attrs.get("coref")):
            continue
        if eligible(e.text, e.type):
            out.setdefault(e.text, KnownName(e.text, e.type, kind))
    return list(out.values())


def recognised(entities: Iterable) -> list[tuple[int, int]]:
    """The spans of an extraction's entities: a document needs reading again only where a
    new name stands outside all of them ('K-반도체 전략' inside the event 'K-반도체 전략
    보고대회' does not count)."""
    return sorted((e.start, e.end) for e in entities)


def unread(text: str, names: KnownNames, spans: list[tuple[int, int]]) -> bool:
    """Whether a known name stands in `text` where no entity of `spans` overlaps it."""
    return any(not any(s < ee and ss < e for ss, ee in spans) for s, e, _k in names.occurrences(text))
