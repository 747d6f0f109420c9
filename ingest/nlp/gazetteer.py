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
        entries.append(GazEntry(typ, canon, en, _split(aliases), _split(preds), kind))
    return Gazetteer(entries)
