"""Gazetteer of known entities (government bodies first) with canonical names and aliases.

The data lives in `data/gazetteer.tsv` (UTF-8, tab-separated, '#' comments):
    type  canonical  english  aliases(|-separated)  predecessors(|-separated)  kind
`kind` refines MINISTRY entries (ministry, agency, committee, office, local, public).
It is shared by the NLP pipeline (entity ruler, linker, Kiwi user words) and the text
index (alias → canonical normalisation), so 산업부 and 산업통상자원부 meet everywhere.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data" / "gazetteer.tsv"


@dataclass(frozen=True)
class GazEntry:
    type: str
    canonical: str
    english: str = ""
    aliases: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    kind: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.canonical, *self.aliases, *self.predecessors)


@dataclass
class Gazetteer:
    entries: list[GazEntry] = field(default_factory=list)

    @property
    def alias_to_canonical(self) -> dict[str, str]:
        """Every Korean name (alias or predecessor) → canonical name; the canonical maps to itself."""
        out: dict[str, str] = {}
        for e in self.entries:
            for n in e.names:
                out.setdefault(n, e.canonical)
        return out

    def by_canonical(self, name: str) -> GazEntry | None:
        for e in self.entries:
            if e.canonical == name:
                return e
        return None


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in v.split("|") if x.strip())


@lru_cache(maxsize=1)
def load_gazetteer(path: Path = DATA) -> Gazetteer:
    entries: list[GazEntry] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 6
        typ, canon, en, aliases, preds, kind = (c.strip() for c in cols[:6])
        names = _split(aliases)
        if kind == "local":
            names = _with_offices(canon, names)
        entries.append(GazEntry(typ, canon, en, names, _split(preds), kind))
    return Gazetteer(entries)


def _with_offices(canonical: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A local government's aliases plus the names of its office (강남구 → 강남구청, 서울시 →
    서울시청, 진도군 → 진도군청, 부산 중구 → 부산 중구청), which news uses for the body:
    '강남구청은 … 발표했다'. Ambiguous bare names (중구) are no aliases, so neither are
    their offices (중구청)."""
    out = list(aliases)
    for name in (canonical, *aliases):
        office = name + "청"
        if name.endswith(("시", "군", "구", "도")) and office not in out:
            out.append(office)
    return tuple(out)
