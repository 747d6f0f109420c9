"""Gazetteer of known entities (government bodies first) with canonical names and aliases.

The data lives in `data/gazetteer.tsv` (UTF-8, tab-separated, '#' comments):
    type  canonical  english  aliases(|-separated)  predecessors(|-separated)  kind
`kind` refines MINISTRY entries (ministry, agency, committee, office, local, public).
It is shared by the NLP pipeline (entity ruler, linker, Kiwi user words) and the text
index (alias → canonical normalisation), so 산업부 and 산업통상자원부 meet everywhere.
Government bodies with dated names (ontology/authority/bodies.toml, ingest.nlp.authority)
join the table where it lacks them; the linker reads their names by the document's date.
"""
from __future__ import annotations

import re
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
        if typ == "COMPANY" and kind != "foreign":
            names = _with_spelled_letters(canon, names)
        entries.append(GazEntry(typ, canon, en, names, _split(preds), kind))
    return Gazetteer(_authority_entries(entries))


def _authority_entries(entries: list[GazEntry]) -> list[GazEntry]:
    """The table plus what the authority file (ingest.nlp.authority) knows beyond it:
    bodies it lacks (산업통상부, 지식재산처, 재정경제부 (1998–2008)) and names it lacks
    (지경부, 교과부), current bodies first, so the ruler, Kiwi and the graph know them. A
    name shared over time (산업부) stays with its first entry; the linker reads it by date
    (ingest.nlp.authority.dated_canonical)."""
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    out = list(entries)
    at = {e.canonical: i for i, e in enumerate(out)}
    aliases_or_canon = {n for e in entries for n in (e.canonical, *e.aliases)}
    known = {n for e in entries for n in e.names}
    bodies = [b for b in load_authority().bodies.values() if b.gazetteer]
    bodies = [b for b in bodies if b.current] + sorted((b for b in bodies if not b.current),
                                                        key=lambda b: b.end or "", reverse=True)
    known |= {b.name for b in bodies}
    for b in bodies:
        new = tuple(dict.fromkeys(n.text for n in b.names if n.text not in known and n.kind != "english"))
        known.update(new)
        if b.name in at:
            if new:
                e = out[at[b.name]]
                out[at[b.name]] = GazEntry(e.type, e.canonical, e.english, (*e.aliases, *new), e.predecessors, e.kind)
        elif b.name not in aliases_or_canon and (new or b.name not in {p for e in entries for p in e.predecessors}):
            if b.kind == "local":  # 마산시 → 마산시청, 인천 남구 → 인천 남구청
                offices = tuple(n for n in _with_offices(b.name, new) if n not in known)
                known.update(offices)
                new = (*new, *offices)
            at[b.name] = len(out)
            out.append(GazEntry(b.type, b.name, b.english, new, (), b.kind))
    return out


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


# how Korean text spells Latin letters ('엘지전자', '에스케이하이닉스', '케이티')
_LETTERS = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    ("에이", "비", "씨", "디", "이", "에프", "지", "에이치", "아이", "제이", "케이", "엘", "엠",
                     "엔", "오", "피", "큐", "알", "에스", "티", "유", "브이", "더블유", "엑스", "와이", "제트")))
_INITIALS = re.compile(r"^([A-Z]{2,4})(?=[가-힣]|$)")


def _with_spelled_letters(canonical: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A Korean company's aliases plus its name with the Latin initials spelled in Hangul,
    as some papers and many readers write them: LG전자 → 엘지전자, SK하이닉스 →
    에스케이하이닉스, LG → 엘지. Foreign companies keep their own names."""
    out = list(aliases)
    for name in (canonical, *aliases):
        m = _INITIALS.match(name)
        if m:
            spelled = "".join(_LETTERS[c] for c in m.group(1)) + name[m.end():]
            if spelled not in out and spelled != canonical:
                out.append(spelled)
    return tuple(out)
