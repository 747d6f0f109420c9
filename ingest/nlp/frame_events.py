"""The event passes of the document frames (frames.py): for a sentence that names its own
meeting or event, who hosts, holds, publishes or is heard at it ('산업부가 주최한 설명회',
'… 간담회를 열었다', a ministry's own briefing, '… 유상임에 대한 인사청문회'), and when it
takes place ('4월 22일 글로벌 심포지엄', a day and a clock time after the meeting named last).
frame_relations calls them with the frame it reads; they read only the sentence they are given.
"""
from __future__ import annotations

import re
from datetime import date

from ingest.nlp.timing import names_week_of, over as past, said_ahead, value_end, value_start
from ingest.nlp.view import TextView

AGENTS = ("COMPANY", "ORGANIZATION", "PERSON")
# a meeting's room, not the meeting: '… 회의실에서'
_VENUE = re.compile(r"\s?(?:회의장|회의실|소회의실|전체회의실)")


_WHEN_FIELD = re.compile(r"\s*[□○◇◦▶ㅇ\-·*]?\s*(?:행사\s?|개최\s?)?(?:일\s?시|일\s?자|기\s?간)\s*[:：]")


# a schedule's item opens with whose day it is: '장관은', '이어서 김 차관은', '통일부 차관은'
_NEW_ITEM = re.compile(r"\s*(?:이어서\s|이어\s|또한\s|그리고\s)?(?:[가-힣]+\s){0,2}[가-힣]*"
                       r"(?:장관|차관|청장|처장|총리|대통령|위원장|실장|본부장|원장|대변인)(?:은|는|께서는)\s")


def _when_and_where(view: TextView, ms: list, sent: tuple[int, int], before: list, si: int, add,
                    ref: date | None, dated: dict | None = None) -> None:
    """'… 업계 간담회를 개최합니다. 4월 23일 수요일 오후 2시 코엑스에서 …': a sentence with a
    day and a clock time ahead and no initiative of its own dates the meeting named last,
    unless that meeting has a day of its own already (`dated`: key → the days it is
    scheduled for): '장관은 22일 … 전체회의에 참석합니다. 장관은 23일 … 면담합니다' is
    the next item of a schedule, not the meeting's second day."""
    field = _WHEN_FIELD.match(view.text, sent[0]) is not None  # '□ 일시 : 2025. 3. 12.(수) 14:00': any event's
    if ref is None or not before or (before[-1].attrs.get("kind") != "meeting" and not field) or past(view, *sent):
        return
    if sent[0] - before[-1].end > 200 or re.search(r"까지\s?(?:[가-힣]+\s)?제출", view.text[sent[0]:sent[1]]):
        return  # the meeting is named just before (the previous sentence or so); no deadline for papers
    if _NEW_ITEM.match(view.text, sent[0]):
        return  # '장관은 17일 수요일 오후 3시 … 예방합니다': the next item of a schedule, its own subject
    days = [m for m in ms if m.label == "DATE" and m.value and len(m.value) == 10 and (value_start(m.value) or ref) >= ref]
    own = (dated or {}).get(before[-1].key, set())
    if days and own and days[0].value not in own:
        return
    if days and (field or any(m.label == "TIME" for m in ms)):
        add("SCHEDULED_FOR", before[-1], days[0], si)


def _dated_meeting(view: TextView, ms: list, own: list, sent: tuple[int, int], si: int, add,
                   ref: date | None) -> None:
    """'2024년도 국정감사', '4월 22일 글로벌 심포지엄이': a date right before a meeting names
    when it takes place, in a sentence about what is to come."""
    if ref is None or past(view, *sent):
        return
    text = view.text
    for d in ms:
        if d.label != "DATE" or not d.value or d.attrs.get("_expr") or not re.search(r"\d", text[d.start:d.end]):
            continue  # '오늘 회의' in the minutes is the sitting itself, not a schedule
        nxt = next((m for m in own if m.start > d.end), None)
        end = value_end(d.value)
        if nxt is None or nxt.attrs.get("kind") != "meeting" or end is None or _VENUE.match(text, nxt.end) \
                or names_week_of(view, d, nxt):  # '4월 다섯째주 정례브리핑': which briefing, not when
            continue  # '3시 30분 과기자문회의 회의실에서': the room, not the meeting
        if end <= ref and said_ahead(view, *sent):
            continue  # '본부는 10일 정례 브리핑에서 "… 부과한다"고 밝혔다': the day of saying
        gap = _DAY_GAP.fullmatch(text, d.end, nxt.start)
        if not gap or (end < ref and not (gap.group(1) and _AHEAD.search(text, *sent))) \
                or (gap.group(1) and nxt.attrs.get("generic")):
            continue  # a briefing's '10월 21일 화요일 10시 … 참석할 예정입니다' may be read out after the day
        chain = [nxt]  # "'제20회 전자·IT의 날' 기념식", "국내 최대 수출 행사인 'X' 개막식": the name and its event
        for m in own:
            if m.start <= chain[-1].start:
                continue
            if m.attrs.get("kind") != "meeting" or not _CHAINED.fullmatch(text, chain[-1].end, m.start):
                break
            chain.append(m)
        for i, m in enumerate(chain):
            if i + 1 == len(chain) or not text.startswith("인 ", m.end):  # not the description
                add("SCHEDULED_FOR", m, d, si)


# between a day and the meeting held on it: a weekday and a clock time ('10월 21일 화요일 10시 30분 ')
# and a description of the quoted name it precedes ('국내 최대 수출 행사인 '…'')
_DAY_GAP = re.compile(r"(?:도)?\s(\(?[월화수목금토일]요일\)?\s(?:(?:오전|오후)\s?)?(?:\d{1,2}시(?:\s?\d{1,2}분)?\s)?)?"
                      r"(?:[가-힣]+(?:\s[가-힣]+){0,4}인\s(?=['‘\"“「『]))?['‘\"“「『]?")
_CHAINED = re.compile(r"['’\"”」』]?\s?(?:인\s)?['‘\"“「『]?")
_AHEAD = re.compile(r"예정|계획|할 것|하겠습니다")


# a ministry's own briefing or release: its title names it and says so
_OWN_RELEASE = re.compile(r"브리핑|보도자료|보도계획")
# or its officer greets: '안녕하십니까? 농촌진흥청 대변인실 신문홍보팀장 박진우입니다'
_OFFICER_GREETS = re.compile(r"안녕하(?:십니까|세요)[?.!]?\s+\S+\s(?:대변인|홍보|공보)")
# what the publisher does, with no subject of its own: '업계 간담회를 개최합니다', '… 방안을 발표할 예정입니다'
# (a day or two in digits may stand between: '평가회를 13일 개최한다는 소식입니다')
_PUBLISH = re.compile(r"(?:을|를)\s(?:\d[\d.]*\s?[가-힣]{0,2}\s){0,2}(?:[가-힣]+\s){0,1}(?:개최|발표|출범|공고|모집|시행|신설|마련|추진|운영|도입|실시)"
                      r"(?:합니다|하겠습니다|할 예정|할 계획|한다|하기로)")


def _publisher(view: TextView, mentions: list, sents: list[tuple[int, int]]):
    """The government body whose own briefing or release the document is: named in its
    first two lines, which call it a briefing or release ('과기정통부 정례브리핑')."""
    head_end = sents[min(1, len(sents) - 1)][1] if sents else 0
    if not _OWN_RELEASE.search(view.text, 0, head_end) and not _OFFICER_GREETS.search(view.text, 0, head_end):
        return None
    return next((m for m in mentions if m.label == "MINISTRY" and m.end <= head_end), None)


def _published(view: TextView, ms: list, own: list, publisher, si: int, add, out: list) -> None:
    """In a body's own briefing, what is held or announced with no named subject is the
    body's ('4월 24일에는 월드IT쇼를 개최합니다'; the gold guideline's briefing rule)."""
    text = view.text
    announced = {t for kind, _h, t, _si in out if kind == "ANNOUNCES"}
    for h in own:
        if h.key in announced or not _PUBLISH.match(text, h.end):
            continue
        if any(m.label in AGENTS + ("MINISTRY",) and m.end <= h.start and view.tail(m.end) in ("은", "는", "이", "가", "께서")
               for m in ms) or any(m.label == "PERSON" and m.end <= h.start and _subject_tail(view, m) for m in ms):
            continue  # '김정관 장관은 … 화상회의를 개최하여': the named person holds it
        add("ANNOUNCES", publisher, h, si)


# the host of an event: '미 상공회의소 주최로 열린 A와 B', '산업부가 주최한 설명회'
_HOST = re.compile(r"(?:\([^()\n]{1,25}\))?(?:이|가)?\s?주최(?:로|하는|한|하고)\s(?:(?:열린|열리는|개최된|개최되는|진행된)\s)?['‘\"“「]?")


# what is held, after when and where: '… 주최로 20일 오후 2시 서울 코엑스에서 열린다'
_HELD_LATER = re.compile(r"(?:[^\s.]+\s){0,6}?(?:열린다|열립니다|열렸다|열렸습니다|열릴|열리며|개최된다|개최됩니다|개최됐다|개최되었다|개최될|진행된다|진행됩니다|진행됐다)")


def _hosted(view: TextView, ms: list, own: list, si: int, add) -> None:
    """Who hosts an event (주최) holds it: ANNOUNCES, as for '개최' (the guideline's list),
    also with its head in brackets ('…협회(회장 A)가 주최하는 X')."""
    text = view.text
    for b in ms:
        if b.label not in ("MINISTRY", "ORGANIZATION", "COMPANY") or not (h := _HOST.match(text, b.end)):
            continue
        first = next((m for m in own if m.start == h.end()), None)
        if first is None and h.group().lstrip("이가 ").startswith("주최로") and _HELD_LATER.match(text, h.end()):
            # "이번 '로봇 포럼'은 산업부 주최로 20일 서울에서 열린다": the event is the topic before
            first = next((m for m in reversed(own) if m.end <= b.start
                          and view.tail(m.end).lstrip("'’\"”」』") in ("은", "는", "이", "가")), None)
        chain = [first] if first is not None else []
        for m in own:
            if chain and m.start > chain[-1].end and re.fullmatch(r"['’\"”」]?\s?(?:과|와|및|,)\s?['‘\"“「]?",
                                                                   text[chain[-1].end:m.start]):
                chain.append(m)
        for m in chain:
            add("ANNOUNCES", b, m, si)


# holding a meeting: '간담회를 열었다', '신년 인사회를 했습니다', '오찬을 가졌다'
_HOLD_AFTER = re.compile(r"['’\"”」』]?(?:을|를)\s(?:[가-힣]+\s){0,1}(?:열었|열고|열어|연다|열겠|개최했|개최하|개최한다|개최합|했습니다|했다|했죠|가졌|가진|갖고|갖는다"
                         r"|진행했|진행하|진행한다|진행합|합니다|하죠|한다(?=[.?\s]))")  # ('간담회를 합니다': spoken)


def _held_by(view: TextView, ms: list, own: list, si: int, add) -> None:
    """'문재인 대통령이 기업인들을 청와대로 초청해 간담회를 열었다': a named person as the
    subject who holds a meeting leads it (a body holding it announces it: relations.py)."""
    text = view.text
    for h in own:
        if h.attrs.get("kind") != "meeting" or not (_HOLD_AFTER.match(text, h.end) or _TALK_AFTER.match(text, h.end)):
            continue
        people = [m for m in ms if m.label == "PERSON" and m.end <= h.start and not m.attrs.get("byline")
                  and _subject_tail(view, m)]
        bodies = [m for m in ms if m.label != "PERSON" and m.label in AGENTS + ("MINISTRY",) and m.end <= h.start
                  and view.tail(m.end) in ("은", "는", "이", "가")]
        if people and not any(b.start > people[-1].start for b in bodies):
            joint = _joint_subject(view, ms, people[-1])
            if not joint and _HOLD_AFTER.match(text, h.end):
                add("LEADS", people[-1], h, si)
            by_key = {m.key: m for m in ms}
            for p in joint:  # 'A 대통령과 B 총리는 … 회동을 했다': a talk of equals, nobody presides
                add("PARTICIPATES_IN", p, h, si)
                org = by_key.get(tuple(p.attrs.get("_org") or ()))
                if org is not None and org.label in ("COMPANY", "ORGANIZATION"):  # 'B 삼성전자 회장': with his company
                    add("PARTICIPATES_IN", org, h, si)


# a talk held by two people together, spoken or joined to the next clause ('… 주례회동을 하고 국정현안을 논의합니다')
_TALK_AFTER = re.compile(r"['’\"”」』]?(?:을|를)\s(?:하고|하며|했고|했으며)\s")
# 'A 대통령과 ', 'A 산업통상자원부 장관과 ': a person's title phrase and the conjunction to the next subject
_AND_NEXT = re.compile(r"(?:\s[가-힣A-Za-z0-9·]{1,12}){0,3}(?:과|와)\s")


def _joint_subject(view: TextView, ms: list, last) -> list:
    """The people of a subject 'A 대통령과 B 국무총리는' that ends with `last`, or [] when
    `last` stands alone: two or more named people who hold a meeting together take part in it."""
    people = [m for m in ms if m.label == "PERSON" and m.end <= last.start and not m.attrs.get("byline")]
    found = [last]
    for p in reversed(people):
        if not _AND_NEXT.fullmatch(view.text, p.end, found[-1].start):
            break
        found.append(p)
    return found[::-1] if len(found) > 1 else []


def _subject_tail(view: TextView, m) -> bool:
    """'문재인 대통령이', '김 장관은', '주형환 산업통상자원부 장관은': the person (with a title) is the subject."""
    # '민원기 제2차관은', '배정훈 부총리 겸 과학기술정보통신부 장관은'
    after = re.match(r"(?:\s[가-힣0-9]{1,10}?){0,2}(?:\s겸(?:\s[가-힣0-9]{1,12}?){1,2})?(은|는|이|가|께서)\s", view.text[m.end:m.end + 34])
    return after is not None


_HEARINGS = ("청문회", "현안질의", "국정감사", "업무보고")
_ABOUT = re.compile(r"(?:\)|에\s?대한|에\s?대해서?)\s?(?:[가-힣]+\s)?")


def _heard(view: TextView, ms: list, own: list, si: int, add) -> None:
    """'국무위원후보자 유상임에 대한 인사청문회', '사장후보자(박장범) 인사청문회',
    '방송통신심의위원회에 대한 현안질의': who a hearing is about takes part in it."""
    text = view.text
    for h in own:
        if not text[h.start:h.end].endswith(_HEARINGS):
            continue
        before = [m for m in ms if m.label in ("PERSON", "MINISTRY", "COMPANY", "ORGANIZATION") and m.end <= h.start]
        if before and _ABOUT.fullmatch(text, before[-1].end, h.start):
            add("PARTICIPATES_IN", before[-1], h, si)
        elif before and text[before[-1].end:h.start] == " " and before[-1].label != "PERSON" \
                and text[h.start:h.end] in _AUDITS and not _ASSEMBLY.match(text, before[-1].start, before[-1].end):
            add("PARTICIPATES_IN", before[-1], h, si)  # '방송통신심의위원회 국정감사', '원자력안전위원회 업무보고'


# a hearing a body's name modifies: the body is audited or reports (not the Assembly or its committee, who hold it,
# nor the president's office a ministry reports to: '정부부처의 청와대 업무보고')
_AUDITS = frozenset({"국정감사", "현안질의", "업무보고", "현안보고"})
_ASSEMBLY = re.compile(r"국회|청와대$|대통령실$|대통령비서실$|(?:과학기술정보방송통신|기획재정|정무|교육|외교통일|국방|행정안전|문화체육관광|농림축산식품해양수산"
                       r"|산업통상자원중소벤처기업|보건복지|환경노동|국토교통|정보|여성가족|법제사법|운영|예산결산특별)위원회$"
                       r"|(?:과방|기재|정무|교육|외통|국방|행안|문체|농해수|산자|복지|환노|국토|정보|여가|법사|운영|예결)위$")
