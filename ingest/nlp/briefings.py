"""Weekly and daily briefing schedules: which day each item is for, and who gives the briefing.

A ministry's weekly briefing lists its minister's week day by day, and an item often carries
no date of its own: it continues the day before (guideline, 'Fifth batch'):

    장관은 3월 6일 목요일 오전 10시 … 물가관계장관회의에 참석합니다. 일정만 공개합니다.
    이어서 장관은 오후 3시 … 청년창업 간담회에 참석합니다.          → 3월 6일
    내일은 오전 10시 국무회의 참석하시고, 오후에는 … 시상식 참석하십니다.   → 내일 (both)
    그리고 오후 2시에 … 점검회의가 있습니다.                         → the day before

An item is an initiative that is attended, held or takes place ('…에 참석합니다', '…를
갖습니다', '…가 있습니다'); its day is the last day named before it in its sentence or, in a
sentence that names no date and goes on with the week ('이어서', '그리고', a subject and a
time: '장관은 오전 9시 …'), the day the briefing last named. Past sentences end the chain.

The officer who opens the briefing ('홍길순 대변인 안녕하십니까?', '… 홍보기획팀장 김영수입니다')
LEADS it: the briefing it starts, else the one named first in the opening. Today's
briefing ('오늘 브리핑을 마치겠습니다') is scheduled for today (the guideline's 'a briefing
started today'; gold gives '4월 21일 월요일 정례브리핑을 시작하겠습니다' its date only at times).
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.timing import past
from ingest.nlp.view import TextView

# attended, held or taking place, right after the item and its particle or a place ('개소식 서울
# 성동구 한양대병원에서 예정되어 있습니다')
_ITEM_VERB = re.compile(r"(?:에|을|를|이|가|도)?\s?(?:서면\s|(?:[가-힣]+\s){0,2}[가-힣]+에서\s)?(?:참석|참여|개최|주재|갖|가집|가지|열립|열리|열린다|있습|있을|있고|있으며"
                        r"|예정되어|진행|축사|환영사|개회사|격려사|기조연설)")
# a line of a schedule list ('□ …', '  - 15:30 …', '▲ 27일(목) …') and an item that ends it, its place after it
_LIST_LINE = re.compile(r"[ \t]*[-–·▲△□■○◦•]\s?")
_ENDS_LINE = re.compile(r"['’\"”」』]?\s?(?:\([^()\n]{0,30}\))?\s*")
# coordinated items share the verb: '국무회의하고 공무직위원회가 있습니다', 'A 방문 및 간담회가'
_COORD = re.compile(r"(?:하고|과|와|및|,)\s?(?:[가-힣]+\s(?:및\s)?)?$")
# a sentence that goes on with the day before: '이어서 장관은 …', '그리고 오후 2시에 …'
_GOES_ON = re.compile(r"(?:이어서|그리고|이후|먼저|다음으로|또한)[,\s]")
# another day the text names without a date: '그다음 날에 1시 30분에 …' is not the day before
_OTHER_DAY = re.compile(r"다음\s?날|이튿날|다음\s?주|주말|전날")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_WEEKDAY = re.compile(r"\s(?:[월화수목금토일]요일\s)?")
# the officer who gives a briefing
# the verb of the item: done already, or to come in a sentence that ends in the past
_DONE = re.compile(r"(?:진행|개최|참석|참여|주재|실시)한[\s,]|(?:했|었|았|였|됐|렸|졌)(?:다|습니다|고|으며|으나|는데|던)|바\s있")
_TO_COME = re.compile(r"예정|(?:있을|열릴|참석할|개최할|개최될|진행할|진행될|가질)\s")
_STARTS = re.compile(r"(?:을|를)?\s?시작")
# ('과기정통부 대변인실 김세준입니다': a member of the office, not the officer)
_OFFICER = re.compile(r"대변인(?!실)|홍보담당관|홍보\S*팀장|공보관|공보담당관|부대변인")
_GREETS = re.compile(r"안녕하십니까|안녕하세요")
_OPENING = 200


def briefing_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                       add: Callable) -> None:
    """SCHEDULED_FOR each listed item → its day, and LEADS officer → briefing."""
    _officer_leads(view, sents, buckets, add)
    for si, ms in enumerate(buckets):  # '오늘 브리핑을 마치겠습니다', '오늘 정례브리핑 외에 …'
        for d, m in zip(ms, ms[1:]):
            if d.label == "DATE" and view.text[d.start:d.end] == "오늘" and m.label == "INITIATIVE" \
                    and view.text[m.start:m.end].endswith("브리핑") and _WEEKDAY.fullmatch(view.text, d.end, m.start):
                add("SCHEDULED_FOR", m, d, si)
    day = None  # the day the briefing last named, carried to the sentences that go on with it
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        dates = [m for m in ms if m.label == "DATE"]
        over = past(view, ss, se)
        goes_on = not over and not dates and day is not None and _goes_on(view, ms, ss)
        own = [d for d in dates if d.value and _DAY.fullmatch(d.value)]
        for m in _items(view, ms, se):
            said = view.text[m.end:min(se, m.end + 25)]
            if _DONE.search(said) or over and not _TO_COME.search(said):
                continue  # '… 간담회에 참석했고': held already; '… 간담회가 있을 예정이고, … 안 됐습니다': to come
            before = [d for d in own if d.end <= m.start]
            if before:
                add("SCHEDULED_FOR", m, before[-1], si)
            elif goes_on:
                add("SCHEDULED_FOR", m, day, si)
        if over:
            day = None  # a past sentence ends the week's chain
        elif dates:
            day = own[-1] if own and own[-1] is dates[-1] else None


def _goes_on(view: TextView, ms: list, ss: int) -> bool:
    """Whether a dateless sentence continues the day before: it opens with '이어서' or
    '그리고', or with a time within its first words ('장관은 오전 9시 30분 …')."""
    head = view.text[ss:ss + 12]
    if _OTHER_DAY.search(head):
        return False
    if _GOES_ON.match(head):
        return True
    return any(m.label == "TIME" and m.start - ss <= 14 for m in ms)


def _items(view: TextView, ms: list, se: int) -> list:
    """The initiatives of a sentence that are attended, held or take place, with the items
    coordinated before them; in a schedule's list line ('  - 15:30 점검회의 (세종청사)') the
    item that ends it."""
    text = view.text
    inits = [m for m in ms if m.label == "INITIATIVE"]
    out: list = []
    for k, m in enumerate(inits):
        after = text[m.end:m.end + 20].lstrip("'’\"”」』")
        if not _ITEM_VERB.match(after) and not (_LIST_LINE.match(text, _line_start(text, m.start))
                                                and _ENDS_LINE.fullmatch(text, m.end, se)):
            continue
        group = [m]
        for p in reversed(inits[:k]):  # 'A하고 B가 있습니다': A goes with B
            if not _COORD.search(text[p.end:group[0].start].lstrip("'’\"”」』")) \
                    or any(o.start >= p.end and o.end <= group[0].start for o in ms):
                break
            group.insert(0, p)
        out += [g for g in group if g not in out]
    return out


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _officer_leads(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """The officer who greets in the opening (its first 200 characters) LEADS the briefing named first there:
    '정례브리핑 2022.12.05 홍길순 홍보담당관 안녕하십니까?', '… 대변인 홍길순입니다.'"""
    n = sum(1 for ss, _se in sents if ss < _OPENING)
    opening = [(si, m) for si in range(n) for m in buckets[si]]
    if not opening or not _GREETS.search(view.text, sents[0][0], sents[n - 1][1]):
        return
    briefings = [m for _si, m in opening if m.label == "INITIATIVE" and view.text[m.start:m.end].endswith("브리핑")]
    # the one the officer starts ('주간 홍보계획 브리핑 시작하겠습니다'), else the first
    briefing = next((m for m in briefings if _STARTS.match(view.text, m.end)), briefings[0] if briefings else None)
    if briefing is None:
        return
    for si, m in opening:
        if m.label != "PERSON":
            continue
        near = view.text[max(0, m.start - 12):m.start] + " " + view.text[m.end:m.end + 8]
        if _OFFICER.search(near):
            add("LEADS", m, briefing, si)
            return
