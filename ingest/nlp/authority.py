"""The authority file of government bodies (ontology/authority/bodies.toml): names with
their valid periods and the reorganisations between bodies.

Why: ministries are renamed, split and merged every few years, and one name may stand
for different bodies in different years (재정경제부 in 2007 is not 재정경제부 in 2026;
산업부 in 2015 is 산업통상자원부, in 2026 산업통상부). `resolve` reads a name as of a
document's date; a document without a date is read as of today, and says so.
"""
from __future__ import annotations

import datetime as _dt
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "ontology" / "authority" / "bodies.toml"
LOCAL = DATA.parent / "local.toml"  # local governments, loaded with DATA
# which name kind wins when several bodies carried a name on the same day
_KIND_ORDER = {"official": 0, "short": 1, "acronym": 2, "english": 3}
LINEAGE_KINDS = ("rename", "merge", "split", "upgrade")  # the resulting body continues the original


@dataclass(frozen=True)
class Name:
    text: str
    kind: str                 # official | short | acronym | english
    start: str | None = None  # ISO dates, inclusive; None: open
    end: str | None = None
    note: str = ""

    def holds(self, day: str) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Within:
    """The metropolitan government a basic one belongs to, for a period."""
    name: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Body:
    name: str                 # canonical (the node's name)
    official: str
    kind: str
    type: str = "MINISTRY"
    english: str = ""
    start: str | None = None
    end: str | None = None
    names: tuple[Name, ...] = ()
    certain: bool = True
    source: str = ""
    note: str = ""
    within: tuple[Within, ...] = ()
    gazetteer: bool = True    # False: the ruler does not learn its names (제주시 lives on as a 행정시)

    @property
    def current(self) -> bool:
        return self.end is None

    def within_on(self, day: str) -> str | None:
        """The metropolitan government this body belonged to on `day` (ISO), if any."""
        return next((w.name for w in self.within if (w.start or "") <= day and (w.end is None or day <= w.end)), None)


@dataclass(frozen=True)
class Event:
    date: str
    kind: str
    original: tuple[str, ...]
    resulting: tuple[str, ...]
    what: str = ""
    law: str = ""
    law_certain: bool = True
    source: str = ""
    certain: bool = True
    note: str = ""
    bodies: tuple[str, ...] = ()  # kind "move": the bodies that changed metropolitan government

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.original, *self.resulting, *self.bodies)


@dataclass(frozen=True)
class Resolution:
    body: str                 # the canonical name of the body meant
    as_of: str                # the day the name was read as of
    assumed: bool = False     # True: the document had no date, read as of today


@dataclass
class Authority:
    bodies: dict[str, Body] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    by_name: dict[str, list[tuple[Body, Name]]] = field(default_factory=dict)

    def resolve(self, name: str, day: str | None = None, today: str | None = None) -> Resolution | None:
        """The body that carried `name` on `day` (ISO; None: today, marked assumed). A name
        no body carried that day is read as the body that carried it nearest in time (a
        former body named in a later text: '구 산업통상자원부')."""
        cands = self.by_name.get(name)
        if not cands:
            return None
        day = iso_day(day)
        assumed = not day
        as_of = day or iso_day(today) or _dt.date.today().isoformat()
        held = [(b, n) for b, n in cands if n.holds(as_of)]
        if held:
            b, _n = min(held, key=lambda bn: (_KIND_ORDER.get(bn[1].kind, 4), -_ordinal(bn[0].start)))
        else:
            b, _n = min(cands, key=lambda bn: (_distance(bn[1], as_of), -_ordinal(bn[0].start)))
        return Resolution(b.name, as_of, assumed)

    def dated(self, name: str) -> bool:
        """Whether reading `name` may depend on the date (more than one body, or a body
        that no longer carries it)."""
        cands = self.by_name.get(name, [])
        return len({b.name for b, _n in cands}) > 1 or any(n.end for _b, n in cands)

    def predecessors(self, name: str) -> list[str]:
        """Bodies `name` directly continues (renamed, merged or split from, upgraded from)."""
        return list(dict.fromkeys(o for e in self.events if e.kind in LINEAGE_KINDS and name in e.resulting
                                  for o in e.original))

    def successors(self, name: str) -> list[str]:
        return list(dict.fromkeys(r for e in self.events if e.kind in LINEAGE_KINDS and name in e.original
                                  for r in e.resulting))

    def lineage(self, name: str) -> list[str]:
        """`name` and every body before it (transitively), nearest first."""
        out, todo = [name], [name]
        while todo:
            for p in self.predecessors(todo.pop(0)):
                if p not in out:
                    out.append(p)
                    todo.append(p)
        return out

    def events_of(self, name: str) -> list[Event]:
        return sorted((e for e in self.events if name in e.names), key=lambda e: e.date)

    def read_as_of(self, name: str, day: str | None) -> str | None:
        """The official name of the body `name` meant on `day` where that depends on the
        day, else None: 산업부 in 2026 → 산업통상부, in 2015 → 산업통상자원부; 복지부 in
        2009 → 보건복지가족부. For index terms and facts, which carry a name, not a node."""
        if not day or not self.dated(name):
            return None
        r = self.resolve(name, day)
        return self.bodies[r.body].official if r else None


@lru_cache(maxsize=4096)  # called per name and date when index terms are read as of a day
def iso_day(value: str | None) -> str | None:
    """An ISO day from a document date ('2024-03-07T09:00' → '2024-03-07'; a year or
    month alone → its first day), or None when there is none to read."""
    v = (value or "").strip()[:10]
    v = {4: v + "-01-01", 7: v + "-01"}.get(len(v), v)
    try:
        return _dt.date.fromisoformat(v).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _ordinal(day: str | None) -> int:
    return _dt.date.fromisoformat(day).toordinal() if day else 0


def _distance(n: Name, day: str) -> int:
    d = _ordinal(day)
    if n.start and d < _ordinal(n.start):
        return _ordinal(n.start) - d
    if n.end and d > _ordinal(n.end):
        return d - _ordinal(n.end)
    return 0


def _names(raw: dict, start: str | None, end: str | None) -> tuple[Name, ...]:
    out = [Name(raw.get("official", raw["name"]), "official", start, end)]
    for s in raw.get("short", []):
        if isinstance(s, str):
            out.append(Name(s, "short", start, end))
        else:
            out.append(Name(s["name"], "short", s.get("from", start), s.get("to", end), s.get("note", "")))
    if raw.get("english"):
        out.append(Name(raw["english"], "english", start, end))
    out += [Name(s, "acronym", start, end) for s in raw.get("english_short", [])]
    return tuple(out)


def _within(value: str | list | None) -> tuple[Within, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (Within(value),)
    return tuple(Within(w["name"], w.get("from"), w.get("to")) for w in value)


def _group_bodies(data: dict) -> list[dict]:
    """[[group]] entries (local.toml's compact form) as [[body]] entries: kind local,
    no dates."""
    return [{"name": n, "kind": group.get("kind", "local"), "within": group.get("within")}
            for group in data.get("group", []) for n in group["names"]]


def parse(data: dict) -> Authority:
    """An Authority from the parsed TOML; unknown body names in events or `within` are
    an error."""
    auth = Authority()
    for raw in [*data.get("body", []), *_group_bodies(data)]:
        start, end = raw.get("from"), raw.get("to")
        body = Body(raw["name"], raw.get("official", raw["name"]), raw.get("kind", ""), raw.get("type", "MINISTRY"),
                    raw.get("english", ""), start, end, _names(raw, start, end), raw.get("certain", True),
                    raw.get("source", ""), raw.get("note", ""), _within(raw.get("within")), raw.get("gazetteer", True))
        if body.name in auth.bodies:
            raise ValueError(f"기관이 두 번 나옵니다 (body listed twice): {body.name}")
        auth.bodies[body.name] = body
        for n in body.names:
            auth.by_name.setdefault(n.text, []).append((body, n))
    for raw in data.get("event", []):
        ev = Event(raw["date"], raw["kind"], tuple(raw.get("from", [])), tuple(raw.get("to", [])), raw.get("what", ""),
                   raw.get("law", ""), raw.get("law_certain", True), raw.get("source", ""), raw.get("certain", True),
                   raw.get("note", ""), tuple(raw.get("bodies", [])))
        unknown = [n for n in ev.names if n not in auth.bodies]
        if unknown:
            raise ValueError(f"변경 사건에 모르는 기관이 있습니다 (event names unknown bodies): {unknown}")
        auth.events.append(ev)
    unknown = sorted({w.name for b in auth.bodies.values() for w in b.within if w.name not in auth.bodies})
    if unknown:
        raise ValueError(f"상위 자치단체를 모릅니다 (within names unknown bodies): {unknown}")
    return auth


@lru_cache(maxsize=1)
def load_authority(path: Path = DATA, local: Path | None = LOCAL) -> Authority:
    """The authority file: `path` (central government) and `local` (local governments)
    read as one."""
    with path.open("rb") as f:
        data = tomllib.load(f)
    if local is not None and local.exists():
        with local.open("rb") as f:
            extra = tomllib.load(f)
        for key in ("body", "event", "group"):
            data[key] = [*data.get(key, []), *extra.get(key, [])]
    return parse(data)


def dated_canonical(gaz: str, surface: str, attrs: dict, doc_date: str | None) -> str:
    """The linker's canonical name for a gazetteer mention (`gaz`: the undated reading),
    read as of the document's date where the authority file knows the name. A mention in
    a document without a date is read as of today and says so (attrs['as_of'])."""
    auth = load_authority()
    name = surface.strip()
    r = auth.resolve(name, doc_date)
    if r is None:
        return gaz
    if r.assumed and auth.dated(name):
        attrs["as_of"] = r.as_of
    if not auth.bodies[r.body].current and auth.successors(r.body):
        attrs["predecessor"] = True  # a former body (지식경제부), its own node
    elif attrs.get("predecessor") and auth.bodies[r.body].current:
        del attrs["predecessor"]  # an old name for the body of the day ('강원도' in 2024: 강원특별자치도)
    return r.body


def short_name_table(auth: Authority | None = None) -> str:
    """How each short name, and each name more than one body carried, is read period by
    period, as a Markdown table (ontology/authority/README.md shows it; a test keeps it
    in step)."""
    auth = auth or load_authority()
    rows = ["| 이름 | 기간 | 가리키는 기관 |", "|---|---|---|"]
    for name in sorted(n for n, cands in auth.by_name.items()
                       if len({b.name for b, _ in cands}) > 1 or any(x.kind == "short" for _, x in cands)):
        for b, n in sorted(auth.by_name[name], key=lambda bn: (bn[1].start or "", bn[0].name)):
            period = f"{n.start or '…'} ~ {n.end or '현재'}"
            rows.append(f"| {name} | {period} | {b.name}{' (비공식)' if n.note else ''} |")
    return "\n".join(rows) + "\n"
