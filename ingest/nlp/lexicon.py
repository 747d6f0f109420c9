"""Name lists compiled for matching: gazetteer names and places as trie regexes.

A plain alternation of ~1,000 names makes Python's regex engine try every name at every
position; a trie-shaped pattern shares prefixes, so one pass over a document is cheap.
Branches are ordered longest-first, so 산업통상자원부 wins over a shorter name at the
same position, and a failed boundary check backtracks to the next shorter name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.nlp.gazetteer import load_gazetteer

PLACES = Path(__file__).parent / "data" / "places.tsv"
# places of the KLUE train lexicon (CC BY-SA 4.0, see its header); places.tsv wins where both list one
KLUE_PLACES = Path(__file__).parent / "data" / "places-klue.tsv"
# companies of the KLUE train lexicon (CC BY-SA 4.0, see its header); the gazetteer wins where both list one
KLUE_COMPANIES = Path(__file__).parent / "data" / "companies-klue.tsv"
_LATIN = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class NameInfo:
    """What a surface name means: the entry it names and whether it is a former name."""

    type: str
    canonical: str        # the gazetteer entry's canonical name
    kind: str = ""
    predecessor: bool = False  # the name is a former body (지식경제부), not a spelling

    @property
    def link(self) -> str:
        """Canonical for linking: a predecessor is its own node, so it keeps its own name."""
        return self.canonical


@dataclass(frozen=True)
class PlaceInfo:
    canonical: str
    kind: str = ""


@dataclass
class Lexicon:
    names: dict[str, NameInfo]
    places: dict[str, PlaceInfo]
    name_re: re.Pattern
    place_re: re.Pattern


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, longest alternative first at every branch. A word
    ending in a Latin letter or digit must not run on into another one (KT is not KTX)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, last: str) -> str:
        alts = [re.escape(ch) + build(child, ch) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(r"(?![A-Za-z0-9&])" if _LATIN.match(last) else "")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return build(trie, "")


def _bounded(words: list[str]) -> str:
    """Names as one pattern that does not start inside a word: a name must not follow a
    Latin letter, digit or Hangul syllable (환경부 in 지환경부)."""
    return r"(?<![A-Za-z0-9가-힣])" + trie_pattern(words)


def _read_places(path: Path) -> dict[str, PlaceInfo]:
    out: dict[str, PlaceInfo] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 4)[:4]
        canon, _en, aliases, kind = (c.strip() for c in cols)
        for n in (canon, *(a.strip() for a in aliases.split("|") if a.strip())):
            out.setdefault(n, PlaceInfo(canon, kind))
    return out


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    names: dict[str, NameInfo] = {}
    entries = load_gazetteer().entries
    for e in entries:  # canonical names and aliases first: they win over predecessors
        for n in (e.canonical, *e.aliases):
            names.setdefault(n, NameInfo(e.type, e.canonical, e.kind))
    for e in entries:
        for p in e.predecessors:
            names.setdefault(p, NameInfo(e.type, p, e.kind, predecessor=True))
    if KLUE_COMPANIES.exists():
        for line in KLUE_COMPANIES.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                names.setdefault(line.strip(), NameInfo("COMPANY", line.strip()))
    places = _read_places(PLACES)
    if KLUE_PLACES.exists():
        for n, info in _read_places(KLUE_PLACES).items():
            places.setdefault(n, info)
    return Lexicon(
        names=names,
        places=places,
        name_re=re.compile(_bounded(sorted(names, key=len, reverse=True))),
        place_re=re.compile(_bounded(sorted(places, key=len, reverse=True))),
    )
