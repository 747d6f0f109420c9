"""Officials' agendas: who attends the events a schedule lists under their name.

Ministries and news agencies publish the week's or the day's agenda as lines:

    ▲ 최민국 장관
    08:30 중앙재난안전대책본부 회의(정부서울청사)
    10:00 4차산업혁명위원회 전체 회의(한국프레스센터)
    ▲ 장석호 2차관
    10:30 국가경제자문회의(마포 프론트원빌딩)

Each clock-time line after a line that names one person (a bullet, the name and a title)
is an event that person attends: PARTICIPATES_IN person → the first initiative of the
line, until the next person's line or a heading ('[외교부]').
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from ingest.nlp.view import TextView

_OWNER = re.compile(r"^\s*[▲△■□○●◆◇·\-*]?\s*(?P<rest>\S.{0,40}?)\s*$")
_TIMED = re.compile(r"^\s*[-–·]?\s*(?:[01]?\d|2[0-4]):[0-5]\d\s")
_HEADING = re.compile(r"^\s*[\[［(【<].{1,20}[\]］)】>]\s*$|^\s*△?\d{1,2}월\s?\d{1,2}일")


def agenda_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], add: Callable) -> None:
    """PARTICIPATES_IN for the owner of each agenda line (see the module docstring)."""
    text = view.text
    if "\n" not in text or not re.search(r"\n\s*[-–·]?\s*(?:[01]?\d|2[0-4]):[0-5]\d\s", text):
        return
    starts = [s for s, _e in sents]
    owner = None
    pos = 0
    for line in text.split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        in_line = [m for m in mentions if ls <= m.start and m.end <= le]
        if _TIMED.match(line):
            event = next((m for m in in_line if m.label == "INITIATIVE"), None)
            if owner is not None and event is not None:
                add("PARTICIPATES_IN", owner, event, max(0, bisect_right(starts, event.start) - 1))
            continue
        people = [m for m in in_line if m.label == "PERSON"]
        if len(people) == 1 and _OWNER.match(line) and len(line.strip()) <= 30 \
                and not any(m.label == "INITIATIVE" for m in in_line):
            owner = people[0]  # '▲ 최민국 장관', '▲ 방기선 1차관'
        elif _HEADING.match(line) or line.strip():
            owner = None  # a heading, or any other line: the agenda under the name has ended
