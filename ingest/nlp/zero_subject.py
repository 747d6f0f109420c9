"""'… 부산을 방문했다. 오후에는 … 개청식에 참석했다': who attends with the subject left out.

Korean drops a subject the discourse carries: a news item or a release names the person
once ('김민준 대통령은 오늘 부산을 방문했습니다') and goes on with what they did, with no
subject ('오후에는 해양수산부 부산 임시청사 개청식에 참석했습니다', '이어 'K-바이오 포럼'에
참석해 …'). The sentence rules find no one who attends; the one who does is the subject of
the sentence before (or the one before it), as carried.py reads a launch for a release's lead
body. Not when the sentence has a subject of its own, a named one ('A 장관은') or a common noun
('기업들은', '참석자들은'), and only for attending an event named as the object of the verb.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.carried import _noun_subject
from ingest.nlp.roles import chain_back, subject
from ingest.nlp.view import TextView

_AGENTS = ("PERSON", "COMPANY", "ORGANIZATION", "MINISTRY")
# the event attended, as the object of the sentence's own verb: '개청식에 참석했습니다', '포럼에 참석해'
_ATTENDS = re.compile(r"['’\"”」』]?에\s(?:직접\s|함께\s)?(?:참석|참가)(?:했|하였|합니다|한다|해\s|하여\s|하고\s|한\s후|한\s뒤)")


def carried_attendance(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """PARTICIPATES_IN for the carried subject of a subjectless sentence that attends an event."""
    text = view.text
    if "참석" not in text and "참가" not in text:
        return
    for si in range(1, len(sents)):
        ss, _se = sents[si]
        ms = buckets[si]
        for x in ms:
            if x.label != "INITIATIVE" or x.attrs.get("kind") != "meeting" or not _ATTENDS.match(text, x.end):
                continue
            if any(m.label in _AGENTS and m.end <= x.start and subject(view, m) for m in ms) \
                    or _noun_subject(view, ms, ss, x.start) or "\"" in text[ss:x.start] or "“" in text[ss:x.start]:
                break  # a subject of its own, or a quoted remark
            carried = _subject_before(view, buckets, si)
            for m in carried:
                add("PARTICIPATES_IN", m, x, si)
            break


def _subject_before(view: TextView, buckets: list[list], si: int) -> list:
    """The named subject (with those coordinated to it) of the nearest of the two sentences before."""
    for sj in (si - 1, si - 2):
        if sj < 0:
            return []
        agents = [m for m in buckets[sj] if m.label in _AGENTS and not m.attrs.get("byline")]
        subj = next((m for m in agents if subject(view, m)), None)
        if subj is not None:
            return chain_back(view, agents, subj)
        if any(m.label == "INITIATIVE" for m in buckets[sj]):
            return []  # a sentence about something else stands between
    return []
