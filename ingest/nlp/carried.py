"""A launch with no subject of its own is the document's lead body's.

A release names its body once ('산업통상자원부는 1일 … 전략을 발표했다') and goes on
without it, as Korean drops a subject the discourse carries: '공급망 분야에서는 민관 협의
창구인 '배터리 얼라이언스'를 이날 함께 출범시켰다'. Only launching and setting up (출범,
발족, 신설, 꾸리다, 조성, 설치, 만들다) is read so: what it launches the sentence names as its object, and no
other subject stands before it.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

_LAUNCH = re.compile(r"['’\"”」]?(?:을|를)\s(?:[가-힣]+\s){0,2}(?:출범시|출범했|출범한다|발족|신설했|신설한다|꾸렸|꾸려|꾸린다|조성해|조성하|조성했|조성한다|설치했|설치한다|만들었|만든다)")
_SUBJECT = ("은", "는", "이", "가", "께서")
_ACTORS = ("MINISTRY", "COMPANY", "ORGANIZATION", "PERSON")


def lead_body(view: TextView, mentions: list, sents: list[tuple[int, int]]):
    """The government body that is the subject of the document's opening sentences."""
    limit = sents[min(2, len(sents) - 1)][1] if sents else 0
    return next((m for m in mentions if m.label == "MINISTRY" and m.end <= limit and view.tail(m.end) in _SUBJECT), None)


def carried_launches(view: TextView, ms: list, own: list, lead, si: int, add: Callable, out: list) -> None:
    """ANNOUNCES from the lead body to what a subjectless sentence launches."""
    announced = {t for kind, _h, t, _si in out if kind == "ANNOUNCES"}
    for h in own:
        if h.key in announced or h.attrs.get("generic") or h.attrs.get("kind") == "meeting" \
                or not _LAUNCH.match(view.text, h.end):
            continue
        if any(m.label in _ACTORS and m.end <= h.start and view.tail(m.end) in _SUBJECT for m in ms):
            continue  # the sentence has its own subject: the sentence rules decided
        add("ANNOUNCES", lead, h, si)
