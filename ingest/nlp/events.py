"""Event identity: which meeting a mention names, so that the documents reporting one
event link to one node and two events on one day stay two.

An event's IRI is minted from its canonical name (ontology.iris), so the name carries
its identity:

- an ordinal sitting ('제3차 산업정책 민관협의회') is one event by its name, spacing of
  the ordinal aside ('제 3차', '3차' = '제3차');
- a named meeting that recurs (국무회의, 비상경제장관회의: names ending in 회의, 간담회 …)
  is one event per day: '국무회의 (2024-03-07)'; its series keeps the bare name where the
  document names a numbered sitting of it ('산업전략 원탁회의는 앞서 … 열린 바 있다');
- a generic one ('간담회', '기업 간담회', '긴급 회의') is one event per head word, day and
  the body that holds it: '간담회 (산업통상자원부, 2024-03-07)'. The body is who chairs
  it (a minister stands for the ministry), else who announces it.

The day is the date written next to the meeting in its sentence ('지난 7일 … 간담회'),
else the first such date of the same event in the document, else the document's date:
an article published the day after names the day of the press release.
"""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent

_ORDINAL = re.compile(r"^제?\s?(\d+)\s?(차|회|기)\s*")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATED = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")  # a day or a month, not an interval
# heads of meetings that recur under one name: each sitting is its own event
RECURRING = ("회의", "총회", "간담회", "브리핑", "설명회", "토론회", "세미나", "워크숍", "면담", "회담", "회동",
             "오찬", "만찬", "조찬", "업무보고", "현안질의", "청문회", "공청회", "보고회")
# '간담회가 7일 열렸다': a day right after the meeting as its subject dates it ('회의에서는
# 지난 1월 발표한 …' does not)
# 'that day' points back to the event's day, which the document states elsewhere
_SAME_DAY = re.compile(r"이날|당일|같은\s?날|그날")
_SUBJECT = re.compile(r"(?:이|가|은|는)?\s")
BODY_TYPES = ("MINISTRY", "ORGANIZATION", "COMPANY")


def ordinal_name(name: str) -> str | None:
    """'제 3차 산업정책  민관협의회' → '제3차 산업정책 민관협의회'; None if not numbered."""
    m = _ORDINAL.match(name)
    if m is None or m.end() == len(name):
        return None
    return " ".join(f"제{m[1]}{m[2]} {name[m.end():]}".split())


def name_events(ents: list[Ent], rels: list, sents: list[tuple[int, int]], text: str,
                doc_date: str | None, generic: set[tuple[int, int]]) -> None:
    """Rename the meeting mentions of one document (see the module docstring). `generic`:
    the keys of generic meeting words that no named meeting of the document named."""
    meetings = [e for e in ents if e.label == "INITIATIVE" and e.attrs.get("kind") == "meeting" and e.canonical]
    if not meetings:
        return
    series: set[str] = set()
    for e in meetings:
        if e.key not in generic and (name := ordinal_name(e.canonical)) is not None:
            e.canonical = name
            series.add(_ORDINAL.sub("", name).replace(" ", ""))
    day = _dates(ents, sents, text)
    by_ent = {e.key: e for e in ents}
    groups: dict[tuple, list[Ent]] = {}
    for e in meetings:
        if e.key in generic:
            head = e.attrs.get("_event_word") or text[e.start:e.end].split()[-1]  # set by the linker
            groups.setdefault(("g", head), []).append(e)
        elif (ordinal_name(e.canonical) is None and e.canonical.endswith(RECURRING)
              and not _YEAR.search(e.canonical) and e.canonical.replace(" ", "") not in series):
            groups.setdefault(("n", e.canonical), []).append(e)
    for (kind, name), group in groups.items():
        stated = [day.get(e.key) for e in group]
        first = next((d for d in stated if d), doc_date[:10] if doc_date else None)
        if first is None:
            continue
        dated: dict[str, list[Ent]] = {}
        for e, d in zip(group, stated):
            dated.setdefault(d or first, []).append(e)
        for when, es in dated.items():
            # the document's government body named first, before the meeting
            first_body = next((b.canonical for b in ents if b.label == "MINISTRY" and b.canonical
                               and b.start < es[0].start), None)
            body = _body({e.key for e in es}, rels, by_ent, first_body) if kind == "g" else None
            label = f"{name} ({body}, {when})" if body else f"{name} ({when})"
            for e in es:
                e.canonical = label


def _dates(ents: list[Ent], sents: list[tuple[int, int]], text: str) -> dict[tuple[int, int], str]:
    """The day (or month) written next to each meeting mention in its sentence."""
    out: dict[tuple[int, int], str] = {}
    dates = [e for e in ents if e.label == "DATE" and e.value and _DATED.match(e.value)
             and not _SAME_DAY.match(text, e.start)]
    if not dates:
        return out
    for e in ents:
        if e.label != "INITIATIVE" or e.attrs.get("kind") != "meeting":
            continue
        ss, se = next(((s, t) for s, t in sents if s <= e.start < t), (e.start, e.end))
        before = [d for d in dates if ss <= d.start and d.end <= e.start]
        after = [d for d in dates if e.end <= d.start < se and _SUBJECT.fullmatch(text, e.end, d.start)
                 and len(d.value) == 10]
        if after:  # '… 출범한 연합의 간담회가 7일 열렸다': the day the meeting is the subject of
            out[e.key] = after[0].value
        elif before:
            out[e.key] = before[-1].value
    return out


def _body(keys: set[tuple[int, int]], rels: list, by_ent: dict, first_body: str | None) -> str | None:
    """Who holds the meeting: the body that chairs it, a chairing official's body, the
    body that announces it; for an official named without a body ('강경성 1차관 주재로')
    or for no one named, the document's first government body before it (a press
    release's own ministry), else the official's name."""
    ranked: list[tuple[int, str]] = []
    for kind, h, t, _si in rels:
        if t not in keys or kind not in ("LEADS", "ANNOUNCES") or h not in by_ent:
            continue
        head = by_ent[h]
        name = head.canonical
        if head.label in BODY_TYPES and name:
            ranked.append((0 if kind == "LEADS" else 2, name))
        elif head.label == "PERSON" and kind == "LEADS":
            org = head.attrs.get("org")
            ranked.append((1, org) if org else (3, first_body or name or ""))
    ranked = [r for r in ranked if r[1]]
    if not ranked:  # nobody named as holding it: the document's own body, so that two
        return first_body  # unrelated documents' '간담회' of one day do not merge
    return min(ranked, key=lambda r: r[0])[1]
