"""An event a body prepares is the body's: 'X가 준비한 포럼', 'X에서 준비하고 있는 행사'.

Briefings and news name who holds an event in a clause that describes it, with 준비 ('prepare')
rather than a verb of holding:

    전경련과 대한상공회의소가 준비한 오늘의 포럼은 …        both hold the forum
    문화재청에서 준비하고 있는 '가족 문화 행사'를 안내해 드립니다

The guideline reads a body that holds or sets up an event as announcing it (ANNOUNCES). Only
the event right after the adnominal and a body marked as its subject (이/가/에서) right before
it count; a body further back is the subject of another clause.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

# (what the event belongs to may stand between: '… 준비하고 있는 궁과 능의 '가족 문화 행사'')
_PREPARE = re.compile(r"준비(?:한|하는|해\s?온|하고\s있는|\s?중인)\s(?:오늘의\s|이번\s|올해\s|(?:[가-힣]+\s){0,2}?[가-힣]+의\s)?['‘\"“「『]?")
_SUBJECT = re.compile(r"(?:\([^()]{0,25}\))?(?:이|가|에서|에서는|측이)\s(?:[^\s.,]+\s){0,7}?$")
_COORD = re.compile(r"(?:\([^()]{0,25}\))?(?:와|과|,|·)\s?")
_BODIES = ("MINISTRY", "ORGANIZATION", "COMPANY")
_REACH = 50  # from the subject's end to '준비' ('…가 의견을 수렴하여 민간 주도 방식으로 준비한')


def prepared_relations(view: TextView, ms: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES body → the event it prepares, in one sentence."""
    text, (ss, se) = view.text, sent
    if "준비" not in text[ss:se]:
        return
    for p in _PREPARE.finditer(text, ss, se):
        event = next((m for m in ms if m.start == p.end() and m.label == "INITIATIVE"), None)
        if event is None or event.attrs.get("kind") != "meeting":
            continue
        bodies = [m for m in ms if m.label in _BODIES and m.end <= p.start() and p.start() - m.end <= _REACH]
        subj = next((b for b in reversed(bodies) if _SUBJECT.fullmatch(text, b.end, p.start())), None)
        if subj is None or any(m.start >= subj.end and m.end <= p.start() for m in ms) \
                or any(x.tag == "JKS" or x.tag == "JX" and x.form in ("은", "는") for x in view.morphs_in(subj.end + 2, p.start())):
            continue  # ('산업부가 기업과 준비한': another entity between is the one with whom; a subject
            # between is the clause's own)
        heads = [subj]
        earlier = [m for m in ms if m.label in _BODIES and m.end <= subj.start]
        while earlier and _COORD.fullmatch(text, earlier[-1].end, heads[-1].start):
            heads.append(earlier.pop())  # 'A와 B가 준비한'
        for h in heads:
            add("ANNOUNCES", h, event, si)
