"""Who leads and who takes part in a council's sitting, read off its minutes (회의록).

Minutes are turns of speakers, each opened by a '○' line with the speaker's post and name
(councils.py finds them). The guideline (gold/README.md, 'Sixth batch'):

    ○ 위원장 구정화 … 제2차 행정관광위원회를 개회하겠습니다.     LEADS 구정화 → the sitting
    ○위원장 전경원 … 2023년도 행정사무감사 실시를 선언합니다.    LEADS 전경원 → the audit
    ○ 기획예산담당관 임정의 … 주요업무 보고를 드리겠습니다.     LEADS 임정의 → the briefing,
                                                               PARTICIPATES_IN → the sitting
    ○ 도시과장 X … (an official who answers)                   PARTICIPATES_IN → the sitting
    강명수 위원 … (a member who speaks or asks)                 PARTICIPATES_IN → the sitting
    5분자유발언(박수자 의원), (김홍섭 의원 대표발의)            PARTICIPATES_IN → the session
    이번 임시회는 … 오늘 개회하게 되었습니다                     SCHEDULED_FOR the session → 오늘
    오늘 개의하는 … 최초집회                                    SCHEDULED_FOR → 오늘

The council's own staff who report on the session (의사팀, 의회사무과장) take part in
nothing. A sitting's date in the heading is no relation of the guideline: the session's
day is read from '오늘 개회' only.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Callable

from ingest.nlp.councils import is_minutes
from ingest.nlp.view import TextView

_OPENS = re.compile(r"\s?(?:(?:을|를)\s?(?:개회|개의)(?:하겠습니다|합니다|하고자)|(?:실시|개시|개회|개의)를\s선언)")
_GIVES = re.compile(r"(?:을|를)\s?드리겠습니다|(?:이|가)\s있겠습니다")
_TODAY_OPEN = re.compile(r"오늘\s(?:개회|개의|집회|[^.\n]{0,30}?(?:을|를)\s(?:집회|개회|개의)하)")
_STAFF = re.compile(r"의회|사무국|사무과|사무처|의사|전문위원|주무관")
_MEMBER_LINE = re.compile(r"^\s*([가-힣]{2,4})\s(?:위원|의원)(?:님)?\s", re.M)
_CHAIRS = ("의장", "위원장")
_CHAIRED = re.compile(r"\s?(?:의원|위원|의장)?(?:님)?(?:이신\s)?의\s사회로\s")
_AUDITED_FIELD = re.compile(r"피감사기관\s*:?\s*")
_HEAD_GREETED = re.compile(r"\s[가-힣]{1,10}장(?:님)?을\s비롯한\s")
_ABOUT = re.compile(r"에\s대한\s")
# where the heading ends: the first speaker's line, or the time of opening for minutes that
# print speakers without '○' ('10시 22분 개의\n의장 김열호\n의석을 정돈하여 …')
_BODY_START = re.compile(r"(?m)^\s*○|\d{1,2}\s?시\s?(?:\d{1,2}\s?분\s?)?(?:개의|개회|감사개시)")


def council_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], out: list, add: Callable) -> None:
    """The relations of a council's minutes (see the module); `out`: the relations so far,
    from which a council sitting's schedule by the heading's date is dropped."""
    text = view.text
    if not any(m.attrs.get("_council") for m in mentions) or not is_minutes(text):
        return
    ours = {m.key for m in mentions if m.attrs.get("_council") and m.label == "INITIATIVE"}
    audits = {m.key for m in mentions if m.label == "INITIATIVE" and text[m.start:m.end].endswith("행정사무감사")}
    # the audited body does not announce the council's audit ('감사의 목적은 의회사무처에서 추진하는 …')
    first = _BODY_START.search(text)  # the first speaker's '○', or the time the sitting opened
    heading = first.start() if first else 0
    out[:] = [r for r in out if not (r[0] == "SCHEDULED_FOR" and r[1] in ours and r[2][0] < heading)
              and not (r[0] == "ANNOUNCES" and r[2] in audits)]
    starts = [s for s, _e in sents]

    def si(m) -> int:
        return max(0, bisect_right(starts, m.start) - 1)

    inits = [m for m in mentions if m.label == "INITIATIVE"]
    session = next((m for m in inits if m.attrs.get("council")), None)
    turns = _turns(text, mentions)
    ends = {m.end: m for m in inits}
    sitting = None
    for speaker, ts, te in turns:
        if speaker is None:
            continue
        for o in _OPENS.finditer(text, ts, te):
            before = [m for m in inits if ts <= m.start and m.end <= o.start() and o.start() - m.end <= 2]
            if before:
                sitting = before[-1]
                add("LEADS", speaker, sitting, si(sitting))
                break
        if sitting is None:
            continue
        title = speaker.attrs.get("title") or ""
        if title.endswith(_CHAIRS) and not title.endswith("부의장"):
            continue
        if title.endswith(("위원", "의원")):
            add("PARTICIPATES_IN", speaker, sitting, si(speaker))
            continue
        if _STAFF.search(title):
            continue
        # an official who reports or answers in the sitting takes part in it; his office's briefing is his
        add("PARTICIPATES_IN", speaker, sitting, si(speaker))
        for g in _GIVES.finditer(text, ts, te):
            item = ends.get(g.start())
            item = item if item is not None and text[item.start:item.end].endswith("보고") else None
            if item is not None:
                add("LEADS", speaker, item, si(item))
                break
    if sitting is not None:  # '강명수 위원 …' lines: a member speaking without the '○' line
        people = {m.start: m for m in mentions if m.label == "PERSON"}
        for ml in _MEMBER_LINE.finditer(text, sitting.end):
            p = people.get(ml.start(1))
            if p is not None:
                add("PARTICIPATES_IN", p, sitting, si(p))
    first_turn = turns[0][1] if turns else len(text)
    if session is not None:  # members named in the agenda, before the first turn
        for m in mentions:
            if m.label == "PERSON" and m.end <= first_turn and m.attrs.get("title") == "의원" \
                    and re.search(r"\(\s?[^()]*$", text[max(0, m.start - 30):m.start]):
                add("PARTICIPATES_IN", m, session, si(m))
    _today(view, mentions, inits, add, si)
    for p in mentions:  # '이승대 사무처장을 비롯한 관계공무원 여러분': the head leads his office, both take part
        if p.label != "PERSON" or not _HEAD_GREETED.match(text, p.end):
            continue
        body = next((m for m in mentions if m.start == p.end + 1 and m.label == "MINISTRY" and m.attrs.get("_council")), None)
        if body is not None and text.startswith("장", body.end):
            add("LEADS", p, body, si(p))
        if sitting is not None and sitting.end <= p.start:
            add("PARTICIPATES_IN", p, sitting, si(p))
            if body is not None:
                add("PARTICIPATES_IN", body, sitting, si(p))
    _audited(view, mentions, inits, add, si)
    for p in mentions:  # '전경숙 의원님의 사회로': who chairs the meeting of the sentence leads it
        if p.label == "PERSON" and _CHAIRED.match(text, p.end):
            meeting = [m for m in inits if si(m) == si(p) and m.end <= p.start and m.attrs.get("kind") == "meeting"]
            if meeting:
                add("LEADS", p, meeting[-1], si(p))


def _turns(text: str, mentions: list) -> list[tuple]:
    """(speaker, start, end) of each '○' turn; the speaker is the PERSON on its first line."""
    marks = [m.start() for m in re.finditer(r"(?m)^\s*○", text)]
    speakers = [m for m in mentions if m.label == "PERSON" and m.attrs.get("speaker")]  # sorted by start
    starts = [m.start for m in speakers]
    out = []
    for i, s in enumerate(marks):
        e = marks[i + 1] if i + 1 < len(marks) else len(text)
        j = bisect_left(starts, s)
        out.append((speakers[j] if j < len(speakers) and speakers[j].start < s + 40 else None, s, e))
    return out


def _audited(view: TextView, mentions: list, inits: list, add: Callable, si: Callable) -> None:
    """The audited body takes part in the audit: the heading's '피감사기관 X' field (the
    document's first audit) and 'X에 대한 2023년도 행정사무감사'."""
    text = view.text
    audits = [m for m in inits if text[m.start:m.end].replace(" ", "").endswith("행정사무감사")]
    if not audits:
        return
    for b in mentions:
        if b.label != "MINISTRY":
            continue
        if _AUDITED_FIELD.search(text, max(0, b.start - 10), b.start) and text[max(0, b.start - 10):b.start].rstrip(" :").endswith("피감사기관"):
            add("PARTICIPATES_IN", b, audits[0], si(b))
        a = _ABOUT.match(text, b.end)
        if a:
            after = next((m for m in audits if m.start == a.end()), None)
            if after is not None:
                add("PARTICIPATES_IN", b, after, si(b))


def _today(view: TextView, mentions: list, inits: list, add: Callable, si: Callable) -> None:
    """A session opened 'today': '이번 임시회는 … 오늘 개회하게', '오늘 개의하는 … 최초집회'."""
    text = view.text
    for d in mentions:  # '오늘부터 11월 7일까지 2023년도 주요업무에 대한 보고를 받도록': over that range
        if d.label == "DATE" and d.value and "/" in d.value and text.startswith("까지 ", d.end):
            item = next((m for m in inits if m.start == d.end + 3 and m.attrs.get("kind") == "meeting"), None)
            if item is not None:
                add("SCHEDULED_FOR", item, d, si(item))
    days = [m for m in mentions if m.label == "DATE" and text[m.start:m.end] == "오늘"]
    for d in days:
        # '오늘 회의 안건은': today's meeting; '오늘 보고 순서는 …': the briefing given next
        nxt = next((m for m in inits if m.start == d.end + 1 and m.attrs.get("kind") == "meeting"), None)
        if nxt is not None:
            add("SCHEDULED_FOR", nxt, d, si(nxt))
            continue
        if text.startswith(" 보고 순서는", d.end):
            first = next((m for m in inits if m.start > d.end + 7 and text[m.start:m.end].endswith("보고")
                          and si(m) <= si(d) + 2), None)
            if first is not None:
                add("SCHEDULED_FOR", first, d, si(first))
            continue
        if not _TODAY_OPEN.match(text, d.start):
            continue
        sent = si(d)
        # '오늘 개의하는 제8대 의왕시의회 최초집회': the meeting named right after
        after = next((m for m in inits if d.end < m.start <= d.end + 30 and si(m) == sent
                      and m.attrs.get("kind") == "meeting"), None)
        if after is not None and (re.match(r"\s(?:개회|개의)하는\s", text[d.end:])
                                  or re.match(r"(?:을|를)\s(?:집회|개회|개의)하", text[after.end:])):
            add("SCHEDULED_FOR", after, d, sent)
            continue
        # '이번 제247회 의왕시의회 임시회는 … 오늘 개회하게': the session that is the subject
        subj = [m for m in inits if m.end <= d.start and si(m) == sent and m.attrs.get("kind") == "meeting"
                and re.match(r"[은는]\s", text[m.end:m.end + 2])]
        if subj:
            add("SCHEDULED_FOR", subj[-1], d, sent)
