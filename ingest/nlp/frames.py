"""Document frames: what a press release or article is about, and who takes part in it.

Real documents name the event or initiative once (in the title or the first sentence) and
then list who takes part in other sentences, without naming it again:

    산업부, 'K-휴머노이드 연합' 출범                    ← the frame's initiative
    … 연합에는 A, B 등 로봇 기업이 참여한다.            ← a back reference (sentence rules)
    현대자동차와 네이버도 추가로 참여할 예정이다.         ← no initiative in the sentence
    참석자: 곽노정 SK하이닉스 대표, 박용인 삼성전자 사장   ← a list line
    최남호 2차관 주재로 열린 이날 행사에서는 …           ← chair of the frame's event

The sentence rules (relations.py) see one sentence; this pass runs after them over the
whole document and links what they left unattached to the initiative the document is
about at that point: the last one named before the sentence (of a fitting kind), else the
document's main one. A relation's sentence index is the sentence that states it.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from ingest.nlp.carried import carried_launches, lead_body
from ingest.nlp.frame_events import (AGENTS, _VENUE, _dated_meeting, _heard, _held_by, _hosted, _published,
                                     _publisher, _when_and_where)
from ingest.nlp.schedules import DATE_CUE_RE, QUOTE_RE
from ingest.nlp.speakers import back_reference_speaker, has_back_reference
from ingest.nlp.timing import date_expr, past as said_past, value_end
from ingest.nlp.view import TextView

# taking part without a named object: 'A, B 등이 참석했다', '… 기업이 참여한다'
_JOIN_RE = re.compile(r"(?:참석|참여|참가|동참|합류|가입)(?!\s?(?:기업|업체|사|자|율|형|국|기관|대상|신청|방안|의사|확대|저조))"
                      r"|이름을 올|나서|나선|나섭|포함(?=되|됐|돼)|자리했|자리를 (?:함께|같이)|함께했|함께 했|배석")
_ROLE_OF = re.compile(r"의\s(?:보고|발표|토론|발제|사회|진행)자로\s")
_ROLE = re.compile(r"(?:보고|발표|토론|발제|사회|진행)자로\s|(?:연사|패널)로\s")  # '보고자로 … 나선다'
# attending is a meeting's; joining an alliance or program is not; a role at the event
# ('보고자로 정의선 현대차 수석부회장이 나섭니다') is attending it
_ATTEND_RE = re.compile(r"참석|참가|나서|나선|나섭|자리|함께|배석")
# list lines: '참석자: …', '참석 기업 : …', '참여기업(15개사): …', '※ 진행자 : 1부 …' (a
# programme's hosts)
_LIST_LINE = re.compile(r"(?P<kind>참석|참여|참가|회원|진행)\s?(?:자|기업|기관|사|업체|대상)\s*(?:\([^)]{0,20}\))?\s*[:：]"
                        r"|(?<![가-힣])(?P<bare>참석)\s*[:：]|^\s*\(?(?P<photo>왼쪽부터|좌측부터|앞줄 왼쪽부터)\)?\s"
                        r"|[*※]\s?\((?P<paren>참석|참석자)\)\s", re.M)  # '* (참석) A 차관, B 실장 등'

_QUOTED_END = re.compile(r"(?:다|라)고\s")
# a bullet line, and a line that wraps on (an item cut after an adnominal or a comma)
_BULLET = re.compile(r"\s*(?:[-–○•▪◦□■▶►]|\d+\)|[가-하]\.)\s")
_WRAPPED = re.compile(r"(?:하는|[한인]|,)\s*$")
_PAREN_END = re.compile(r"[*※]\s?\((?:참석|참석자)\)\s*$")
# '간담회 참석자는 다음과 같다.' | '이재용 삼성전자 회장, …': the list in the sentence after
_LIST_FOLLOWS = re.compile(r"(?P<kind>참석|참여|참가)\s?(?:자|기업|기관|업체)(?:은|는)\s(?:다음과|아래와)\s같(?:다|습니다)[.:：]?\s*$")
_CAPTION = re.compile(r"\s*\(?(?P<photo>왼쪽부터|좌측부터|앞줄 왼쪽부터)\)?\s*")
# a list as the topic of a sentence: '… 국정감사 기간은 …이고 대상기관은 과학기술정보통신부, 방송통신위원회 …'
_LIST_TOPIC = re.compile(r"(?<![가-힣])(?P<kind>대상\s?기관|참석\s?대상|참석\s?기관|참여\s?기관|참석자(?:들)?|참여\s?기업|참석\s?기업|참가\s?기업|참여사|참가사|회원사"
                         r"|(?:참가|참여|참석)(?:하는|한|할)\s(?:기업|기관|업체|국가)"
                         # '선정된 기업은 A, B 등 5개사다', '선정된 곳은 A, B, C다' (a list, not '… 지원을 받는다')
                         r"|(?:최종\s)?(?:선정|선발)된\s(?:기업|기관|업체|지자체|곳|팀)(?:들)?(?=(?:은|는)\s(?:[^.\n]{0,150}?\s등\s[\d,]+여?\s?(?:개사|개|곳|명)"
                         r"|[^.\n]{0,150}?,[^.\n]{0,100}?(?:이다|다|입니다)\.)))"
                         r"(?:은|는|으로는|로는)(?:\s|$)")  # (a header line: its items follow)
# a sentence that is a roster: '박용만 … 회장을 비롯해 권오현 … 부회장 등 모두 52명입니다'
_ROSTER_SENT = re.compile(r"\s?등\s(?:모두|총)?\s?[\d,]+여?\s?(?:명|곳|개사|개\s?기업|개\s?기관)(?:이다|입니다|이며|으로\s구성)")
_CHAIR_RE = re.compile(r"주재|좌장|주관")
# bodies and officials summoned to a sitting take part in it (not the committee whose room it is)
_SUMMONS = re.compile(r"출석(?:을|하도록|해\s?줄\s?것을)\s?(?:요구|요청)")
# taking the chair: '공동위원장을 맡고', '의장을 맡아', '단장으로 참여'
_CHAIR_ROLE = re.compile(r"(?<![가-힣])(?:공동)?(?:위원장|의장|좌장|단장)(?:을|를|으로|로)?\s?(?:맡|선임|추대)")
_CHAIRED = re.compile(r"(?:은|는|아\s온|고\s있는)\s['‘\"“「『]?")
# kinds an alliance-like initiative has (joined, not attended)
# a member's office in a council or alliance: '한국생산기술연구원 등 전문 연구기관이 분과별 간사를 맡는다'
_MEMBER_ROLE = re.compile(r"(?<![가-힣])(?:간사|사무국|운영위원)(?:을|를|으로|로)?\s?(?:맡|선임)")
_JOINABLE = ("taskforce", "program", "project", "fund")
_AS_MEMBER = re.compile(r"(?:위원|회원|회원사|멤버|구성원)(?:으로|로)\s$")


def frame_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                    out: list, add: Callable, ref: date | None = None) -> None:
    """Add the document-level relations (see the module docstring) to `out` through `add`."""
    inits = [m for m in mentions if m.label == "INITIATIVE"]
    if not inits:
        return
    main = _main(view, inits, sents)
    publisher = _publisher(view, mentions, sents)
    lead = lead_body(view, mentions, sents) if publisher is None else None  # ingest.nlp.carried
    by_key = {m.key: m for m in mentions}
    init_keys = {m.key for m in inits}  # (a person who heads a body may still attend: '애커슨 GM 회장 등이 참석')
    done_part = {(si, h) for kind, h, t, si in out if kind == "PARTICIPATES_IN" or (kind == "LEADS" and t in init_keys)}
    text = view.text
    items = None  # (target, bodies) of a list header whose items follow as bullet lines
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        if items is not None and (_BULLET.match(text, ss) or _WRAPPED.search(text, *sents[si - 1])):
            for m in ms:  # '참석 기업은' ⏎ '- 반도체 분야에서는 A, B 등' ⏎ '- …': each item's bodies
                if m.label in items[1] and not m.attrs.get("byline"):
                    add("PARTICIPATES_IN", m, items[0], si)
        else:
            items = None
        before = [m for m in inits if m.end <= ss]  # initiatives named before this sentence
        # the document's main initiative, once named: a sentence before it (a lead that says who
        # took part in something else) does not refer to it
        named = main if main is not None and main.start < se else None
        # '그린뉴딜과 디지털뉴딜의 보고자로 … 나선다': the topics of a role at the event, not the sentence's own initiatives
        roles = [r.start() for r in _ROLE_OF.finditer(text, ss, se)]
        own = [m for m in ms if m.label == "INITIATIVE" and not any(m.end <= r and r - m.end < 40 for r in roles)]
        line = _LIST_LINE.search(text, ss, se) or _LIST_TOPIC.search(text, ss, se)
        if line is None and si > 0 and _CAPTION.fullmatch(text, *sents[si - 1]):
            line = _CAPTION.match(text, *sents[si - 1])  # '(왼쪽부터)' split off as a sentence of its own
        elif line is None and si > 0:  # '… 주재했습니다. * (참석)' | '노태강 …, 박정렬 … 등': the list after the mark
            line = _PAREN_END.search(text, *sents[si - 1]) or _LIST_FOLLOWS.search(text, *sents[si - 1])
        if line:
            # '… 등이 참석할 예정이라고 청와대는 밝혔다': the list ends where the clause is quoted
            said = _QUOTED_END.search(text, line.end(), se)
            listed = [m for m in ms if m.start >= min(line.end(), ss) and (said is None or m.end <= said.start())]
            own = [m for m in own if m.end <= line.start()]
            kind = line.groupdict().get("kind") or "참석"  # '* 참석 : …', a caption's '(왼쪽부터) …': attendees
            target = _pick(before + own, kind.startswith(("참석", "참가", "대상")), named)
            if target is None and own:  # "'2025 반도체대전'에 참가하는 기업은 …": the sentence's own, of any kind
                target = own[-1]
            bodies = AGENTS + ("MINISTRY",) if line.re is _LIST_TOPIC else AGENTS  # audited bodies take part
            if target is not None:  # a listed person's company or institute is there too, not a ministry
                for m in listed:
                    if m.label in bodies:
                        add("PARTICIPATES_IN", m, target, si)
                if not text[line.end():se].strip() and si + 1 < len(sents) and _BULLET.match(text, sents[si + 1][0]):
                    items = (target, bodies)  # the header ends its line: the items follow
            continue
        for t in _CHAIR_ROLE.finditer(text, ss, se):  # 'A 장관과 B 회장이 공동위원장을 맡고'
            people = [m for m in _agents_before(view, ms, ss, t.start()) if m.label == "PERSON"]
            topic = [m for m in own if m.end <= t.start() and view.tail(m.end).lstrip("'’\"”」』") in ("은", "는", "이", "가")]
            # 'A 이사장과 B 장관이 공동위원장을 맡은 정책협의회': the council the clause describes
            held = [m for m in own if _CHAIRED.fullmatch(text, t.end(), m.start)]
            # '총회에서는 A가 위원장으로 추대됐고': the meeting is where, the chair is of the
            # alliance or program that holds it (named before)
            where = bool(own) and all(m.attrs.get("kind") == "meeting" and view.tail(m.end).startswith("에서") for m in own)
            target = held[0] if held else topic[-1] if topic else (
                next((m for m in reversed(before) if m.attrs.get("kind") in _JOINABLE), None) if where
                else None if own else _pick(before, False, named))
            for p in people if target is not None else ():
                add("LEADS", p, target, si)
        for t in _MEMBER_ROLE.finditer(text, ss, se) if not own else ():
            target = _pick(before, False, named)
            for m in _agents_before(view, ms, ss, t.start()) if target is not None else ():
                add("PARTICIPATES_IN", m, target, si)
        if own:
            _heard(view, ms, own, si, add)
            _held_by(view, ms, own, si, add)
            _hosted(view, ms, own, si, add)
            if publisher is not None:
                _published(view, ms, own, publisher, si, add, out)
            if publisher is not None or lead is not None:
                carried_launches(view, ms, own, publisher or lead, si, add, out)
            _dated_meeting(view, ms, own, (ss, se), si, add, ref)
            _at_this_event(view, ms, own, (ss, se), _pick(before, True, named), si, add)
            continue  # the sentence names its own initiative: the sentence rules decided
        _when_and_where(view, ms, (ss, se), before, si, add, ref, _dated(out, by_key))
        if has_back_reference(text, ss, se):
            back_reference_speaker(view, ms, (ss, se), _pick(before, True, named), si, add)
        if (r := _ROSTER_SENT.search(text, ss, se)) and (target := _pick(before, False, named)) is not None:
            for m in ms:  # the members and their companies (a ministry's officials go alone)
                if m.label in AGENTS and m.end <= r.start() and not m.attrs.get("byline"):
                    add("PARTICIPATES_IN", m, target, si)
            continue
        if (after := _APPLY_BY.search(text, ss, se)) and (prog := _pick_program(before, main)) is not None:
            for d in ms:  # '오는 10일부터 다음 달 16일까지 … 시스템에서 신청하면 된다': the period before the cue
                if d.label == "DATE" and d.value and d.end <= after.start() and _PERIOD_END.match(text, d.end):
                    add("SCHEDULED_FOR", prog, d, si)
        elif (cue := _APPLY.search(text, ss, se)) and (prog := _pick_program(before, main)) is not None:
            for d in ms:  # '신청 기간은 3월 4일부터 15일까지', '○ 접수기간 : 3. 4. ~ 3. 15.', '운영기간 : 4월 ~ 12월'
                if d.label == "DATE" and d.value and d.start >= cue.end():
                    add("SCHEDULED_FOR", prog, d, si)
        if main is not None and si > 0:
            _schedule(view, ms, (ss, se), main, si, add, ref)
        if (summons := _SUMMONS.search(text, ss, se)) and (target := _pick(before, True, named)) is not None:
            called = [m for m in ms if m.label in AGENTS + ("MINISTRY",) and m.end <= summons.start()
                      and not _VENUE.match(text, m.end) and not m.attrs.get("byline")]
            for m in called if len(called) >= 2 else ():  # the list of the summoned: '… 방송통신위원회 위원장,
                add("PARTICIPATES_IN", m, target, si)     # 원자력안전위원회 위원장으로 하여금 … 출석을 요구하는'
        presiders: set = set()
        for t in _CHAIR_RE.finditer(text, ss, se):
            person = [m for m in ms if m.label == "PERSON" and m.end <= t.start() and t.start() - m.end <= 25]
            target = _pick(before, True, named)
            if person and target is not None and target.attrs.get("kind") == "meeting":
                presiders.add(person[-1].key)
                add("LEADS", person[-1], target, si)
        for t in _JOIN_RE.finditer(text, ss, se):
            ts = t.start()
            if any(m.start <= ts < m.end for m in ms) or _noun_use(view, ms, ts, t.end()):
                continue
            if t.group().startswith("나") and not _ROLE.search(text, ss, ts):
                continue  # '적극 나섰다': stepping up, not a role at the event
            if t.group().startswith("포함") and not re.search(r"명단에", text[ss:ts]):
                continue  # only a roster includes members: '명단에는 A과 B도 포함됐다'
            attend = bool(_ATTEND_RE.match(t.group()))
            agents = _agents_before(view, ms, ss, ts, attend)
            if agents and not t.group().startswith("포함") and _other_object(view, ms, ss, ts):
                continue  # '협상에는 A, B가 참여했다': they take part in what the sentence names
            agents = [m for m in agents if m.key not in presiders and (si, m.key) not in done_part]
            if not agents:
                continue
            target = _pick(before, attend, named)
            if _AS_MEMBER.search(text, max(ss, ts - 12), ts) and (target is None or target.attrs.get("kind") not in _JOINABLE):
                break  # '… 등이 위원으로 참여했고, … 등도': members of a council, not of the meeting it holds
            if target is None:
                continue
            for tg in _coordinated(view, before, target):
                for m in agents:
                    add("PARTICIPATES_IN", m, tg, si)
            break


# '이 자리에는 A, B 등이 참석해 'K-전략'의 이행 상황을 점검했다': the event the document reports
_THIS_EVENT = re.compile(r"(?:이|이날|그|당일)\s(?:자리|행사)(?:에는|에)\s")
_ATTEND_VERB = re.compile(r"(?:참석|참가|배석)(?:해|하여|했|하였|한다|합니다|하고|하며)|자리(?:를\s)?(?:했|함께)|함께했")


def _at_this_event(view: TextView, ms: list, own: list, sent: tuple[int, int], target, si: int, add: Callable) -> None:
    """Who attends '이 자리' (the event named before) in a sentence that names an initiative
    only later, as what they talk about: they take part in the event, not in that initiative."""
    ss, se = sent
    here = _THIS_EVENT.search(view.text, ss, se)
    verb = _ATTEND_VERB.search(view.text, here.end(), se) if here is not None else None
    if target is None or verb is None or any(m.start < verb.start() for m in own):
        return
    for m in _agents_before(view, ms, here.end(), verb.start(), True):
        add("PARTICIPATES_IN", m, target, si)


def _dated(out: list, by_key: dict) -> dict:
    """The days each initiative is scheduled for so far (key → values of full dates)."""
    days: dict = {}
    for kind, h, t, _si in out:
        v = by_key[t].value if kind == "SCHEDULED_FOR" and t in by_key else None
        if v and len(v) == 10:
            days.setdefault(h, set()).add(v)
    return days


def _main(view: TextView, inits: list, sents: list[tuple[int, int]]):
    """The initiative the document is about: the first named one of its first three
    sentences (title, dateline, lead), a taskforce or program before a meeting."""
    limit = sents[min(2, len(sents) - 1)][1] if sents else 0
    first = [m for m in inits if m.start < limit and not m.attrs.get("generic")]
    if not first:
        return None
    joinable = [m for m in first if m.attrs.get("kind") in _JOINABLE]
    return (joinable or first)[0]


def _pick(before: list, attend: bool, main):
    """What a sentence's participants take part in: for attending, the last meeting named
    before it; for joining, the last alliance, program or project (else the last meeting);
    else the document's main initiative."""
    meetings = [m for m in before if m.attrs.get("kind") == "meeting"]
    joinable = [m for m in before if m.attrs.get("kind") in _JOINABLE]
    if attend:
        pool = meetings or joinable
    else:
        pool = joinable or meetings
    if pool:
        return pool[-1]
    if main is not None and main.attrs.get("kind") in ("meeting", *_JOINABLE):
        return main
    return None


def _coordinated(view: TextView, before: list, target) -> list:
    """The target and the events coordinated with it ('A 라운드 테이블과 B 오찬.'): who
    attends one attends both."""
    out = [target]
    i = next((k for k, m in enumerate(before) if m is target), -1)
    while i > 0 and before[i - 1].attrs.get("kind") == target.attrs.get("kind") \
            and re.fullmatch(r"(?:과|와|및|,|·)\s?", view.text[before[i - 1].end:before[i].start].lstrip()):
        i -= 1
        out.append(before[i])
    return out


def _pick_program(before: list, main):
    """The programme a call for applications belongs to: the last one named before (a law,
    named as the basis of a call, takes no applications)."""
    kinds = [k for k in _DUE_KINDS if k != "law"]
    progs = [m for m in before if m.attrs.get("kind") in kinds]
    return progs[-1] if progs else (main if main is not None and main.attrs.get("kind") in kinds else None)


def _noun_use(view: TextView, ms: list, ts: int, te: int) -> bool:
    """'유상증자 참여와 지분 매입', '투자 참여를': the trigger as a noun of another phrase."""
    if re.match(r"(?:와|과|의|를|을)\s|(?:한|하는|할|했던|하고 있는)\s(?!가운데|데|뒤|후|예정|계획|방침|것)", view.text[te:te + 8]):
        return True  # a noun, or a clause that describes what follows ('발의에 참여한 의원은')
    if ts >= 2 and view.text[ts - 1] == " " and view.tag_at(ts - 2) in ("NNG", "NNP") \
            and not any(m.start < ts - 1 <= m.end for m in ms):
        return True
    return False


_LOCATIVE_WORD = re.compile(r"[가-힣A-Za-z0-9]+(?:에는|에도|에)(?=\s)")


def _other_object(view: TextView, ms: list, ss: int, first: int) -> bool:
    """Whether a word with 에/에는 that is no entity stands before the participants: the
    sentence names what they take part in, though it is no initiative we know."""
    for w in _LOCATIVE_WORD.finditer(view.text, ss, first):
        if not any(m.start <= w.start() < m.end for m in ms) and not _PART_OF.search(w.group()):
            return True
    # an unnamed program as the subject: '대·중소 상생형 사업도 계속되며, 삼성전자 등 대기업의 참여가'
    return any(not any(m.start <= w.start(1) < m.end for m in ms) for w in _UNNAMED_PROGRAM.finditer(view.text, ss, first))


_UNNAMED_PROGRAM = re.compile(r"(?<![가-힣])(?!(?:이|이번|동|해당|본|그|각|이들|두)\s)([가-힣·]{2,}\s사업)(?:도|은|는|이|가)\s")


# a part of the initiative: '로봇 제조 그룹에는', 'AI 팩토리 분과에는', '업스테이지 팀에는'
_PART_OF = re.compile(r"(?:그룹|분과|분과위원회|팀|컨소시엄|부문|트랙|작업반|분야|명단|자리|행사장|현장)(?:에는|에도|에)$")  # '이 자리에는': the event


def _agents_before(view: TextView, ms: list, ss: int, t: int, attend: bool = False) -> list:
    """Companies, organisations and people of the trigger's clause, before it: after the
    last clause break ('…하고,', '…며,'). A person's own body joins nothing with them (곽노정
    SK하이닉스 대표 joins, not SK하이닉스) but attends a meeting with them, as in a list line."""
    text = view.text
    lo = ss
    for mo in view.morphs_in(ss, t):
        if mo.tag == "EC" and text.startswith(",", mo.end):
            lo = mo.end
    orgs_of_people = set() if attend else {tuple(m.attrs["_org"]) for m in ms if m.label == "PERSON" and m.attrs.get("_org")}
    out = [m for m in ms if m.label in AGENTS and lo <= m.start and m.end <= t and m.key not in orgs_of_people
           and not m.attrs.get("byline") and not _OWNER.match(text, m.end)]
    if attend:  # '부산항만공사와 인천항만공사도 함께 자리했다': public bodies attend too, as the subject
        out += _attending_bodies(view, [m for m in ms if m.label == "MINISTRY" and lo <= m.start and m.end <= t])
    return sorted(out, key=lambda m: m.start)


def _attending_bodies(view: TextView, bodies: list) -> list:
    """The bodies that are the subject of attending (marked 이/가/도, or joined to one that is):
    not a topic who reports it ('청와대는 … 참석할 것이라고 밝혔다') nor an owner ('정부의 …')."""
    from ingest.nlp.relations import _joined, _phrase_tail  # noqa: PLC0415 (relations imports this module)
    out: list = []
    for m in reversed(bodies):
        if _phrase_tail(view, m) in ("이", "가", "도") or out and _joined(view, m, out[-1]):
            out.append(m)
    return out


# a company named as another's owner: '삼성전자 자회사가 된 레인보우로보틱스'
_OWNER = re.compile(r"(?:의)?\s?(?:자회사|계열사|손자회사|산하|출신|소속)")


# a deadline or a start ahead: '2030년까지 … 구축한다', '하반기 중 시행할 예정이다'
_PLAN_CUE = re.compile(r"예정|목표|계획이다|방침|추진한다|추진할|시행한다|시행할|시행될|구축한다|구축할|완료할|완료한다")
_DESCRIBED = re.compile(r"[^,.]{0,15}?(?:이던|였던|했던|되던)\s")
# a call for applications and its periods (not a deadline for handing in documents: 제출)
# applying by a day: '…까지 온라인으로 신청하면 된다', '…까지 접수한다', '…까지 신청할 수 있다'
_APPLY_BY = re.compile(r"까지\s(?:[^.,]{0,40}?\s)?(?:신청|접수|응모)(?:하면|할\s수|하시면|한다|합니다|을\s받|를\s받|받는다)")
_PERIOD_END = re.compile(r"까지\s")
_APPLY = re.compile(r"(?:신청|접수|모집|공모|응모|운영|지원)\s?기간\s*(?:은|는|:|：)|(?<![가-힣])(?:신청|접수)(?:은|는)\s")
_DUE_KINDS = ("program", "project", "fund", "law", "taskforce")  # a plan's document lists other tasks' deadlines


def _schedule(view: TextView, ms: list, sent: tuple[int, int], main, si: int, add, ref: date | None) -> None:
    """A sentence that names no initiative but gives a date ahead with a cue of planning
    ('2030년까지 … 보급한다는 목표다'): the date is the main initiative's schedule, when the
    document is about a plan, program, law or alliance (not a meeting)."""
    # (a reported plan, '… 추진할 것이라고 밝혔다', may be another's: only the sentence names it)
    if ref is None or main.attrs.get("kind") not in _DUE_KINDS or said_past(view, *sent):
        return
    ss, se = sent
    text = view.text
    end_of = text[ss:se].rstrip(" .\"'”’")
    if not _PLAN_CUE.search(end_of, max(0, len(end_of) - 20)):
        return  # the cue must be the main predicate ('… 구축한다', '… 계획이다'), not '일몰 예정이던'
    quotes = [q.span() for q in QUOTE_RE.finditer(text, ss, se)]
    for d in ms:
        if d.label != "DATE" or not d.value or any(a <= d.start < b for a, b in quotes):
            continue
        expr = date_expr(view, d)
        end = value_end(d.value)
        if not DATE_CUE_RE.search(expr) or end is None or end <= ref or _DESCRIBED.match(text, d.end):
            continue
        add("SCHEDULED_FOR", main, d, si)
        return
