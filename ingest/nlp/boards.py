"""Who runs what a board page or a headline names, when no sentence says it.

Agency boards and release headlines state the body of the document's event in fields and
in a verbless headline, not in a sentence with a verb (guideline, sixth batch):

    제목 전자정부를 빛낸 50선 추천 공모
    담당부서 행정자치부 스마트서비스과        the ministry's office in charge runs the call

    산림청, 개청 50주년 기념 백두대간 생태탐방   'body, event' with the verb left out

Both give ANNOUNCES body → the initiative of the title or headline. Only a body written
right after the field name, or opening the headline with a comma, counts (round 2: the
nearest body is a guess, wrong on new text); a law in a headline ('산업부, 반도체특별법')
is another's act as often as the body's own, and is left alone.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from ingest.nlp.view import TextView

# '담당부서 행정자치부 스마트서비스과', '담당부서 : 산업통상자원부 …', '소관부서: …'
_DEPT = re.compile(r"(?:^|\n)[ \t]*(?:[-•·□○]\s*)?(?:담당\s?부서|소관\s?부서|담당\s?기관)[ \t]*[:：]?[ \t]*")
# the title field of a board page ('제목 X', '제목: X')
_TITLE = re.compile(r"(?:^|\n)[ \t]*제목[ \t]*[:：]?[ \t]*")
# a headline that opens with its body and a comma: '산림청, …', '[보도자료] 환경부, …'
_HEADLINE = re.compile(r"[ \t]*(?:\[[^\]\n]{1,12}\][ \t]*)?")
_COMMA = re.compile(r"\s?,\s")
# what may end the headline after its event: a closing quote, or the verb noun of holding it
_LINE_END = re.compile(r"['’\"”」』]?(?:\s(?:개최|실시|추진|개막|시행|운영|출범|진행|연다|열어))?[ \t]*(?:\n|$)")
# a quoted name before its class noun: "‘전통시장 가는 날’ 행사" (not a group before its ceremony:
# "‘제2기 보훈 서포터즈’ 발대식" is the ceremony only)
_CLASS_NOUNS = frozenset({"행사", "사업", "프로그램", "캠페인", "축제", "대회", "공모전"})
_NAMED = re.compile(r"['’\"”」』]\s")
_BODIES = ("MINISTRY", "ORGANIZATION")
# a body's own work briefing: it reports to whoever receives it and takes part (guideline:
# who gives a 업무보고 takes part, who receives it leads), so its headline announces nothing
_BRIEFING = re.compile(r"업무\s?보고$")


def _sentence(starts: list[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def board_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], add: Callable) -> None:
    """ANNOUNCES from a board's '담당부서' field and a verbless 'body, event' headline."""
    text = view.text
    starts = [s for s, _e in sents]
    inits = [m for m in mentions if m.label == "INITIATIVE" and m.attrs.get("kind") != "law" and not m.attrs.get("generic")]
    if not inits:
        return
    if "부서" in text or "담당기관" in text or "담당 기관" in text:
        for f in _DEPT.finditer(text):
            body = next((m for m in mentions if m.start == f.end() and m.label in _BODIES), None)
            title = _title_initiative(view, inits, f.start())
            if body is None or title is None:
                continue
            for m in inits:  # the title's event, wherever the page names it again
                if text[m.start:m.end] == text[title.start:title.end]:
                    add("ANNOUNCES", body, m, _sentence(starts, m.start))
    line_end = text.find("\n")
    line_end = len(text) if line_end < 0 else line_end
    h = _HEADLINE.match(text)
    body = next((m for m in mentions if m.start == h.end() and m.label in _BODIES), None)
    if body is None or not _COMMA.match(text, body.end):
        return
    inline = [m for m in mentions if body.end < m.start and m.end <= line_end]
    events = [m for m in inline if m.label == "INITIATIVE"]
    if not events or not _LINE_END.match(text, events[-1].end) \
            or any(m.label in ("MINISTRY", "ORGANIZATION", "COMPANY", "PERSON") for m in inline):
        return  # ('환경부, 한국환경공단과 … 업무협약': the other party is named)
    held = [events[-1]]
    if len(events) > 1 and text[events[-1].start:events[-1].end] in _CLASS_NOUNS \
            and _NAMED.fullmatch(text, events[-2].end, events[-1].start):
        held.insert(0, events[-2])  # "한국관광공사, ‘전통시장 가는 날’ 행사 진행": the name and its event
    for m in held:
        if _BRIEFING.search(text, m.start, m.end):
            continue
        if m in inits or m is events[-1] and len(held) > 1:
            add("ANNOUNCES", body, m, _sentence(starts, m.start))


def _title_initiative(view: TextView, inits: list, field: int):
    """The initiative the page's title names: in the '제목' field, else on the first line,
    before the field."""
    text = view.text
    t = _TITLE.search(text, 0, field + 1)
    lo, hi = (t.start(), text.find("\n", t.end())) if t else (0, text.find("\n"))  # (the field's name may be read into the span)
    hi = field if hi < 0 or hi > field else hi
    return next((m for m in inits if lo <= m.start and m.end <= hi), None)
