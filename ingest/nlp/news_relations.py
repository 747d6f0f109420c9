"""Relations in the constructions news reports write around a meeting or a launch, which
the sentence rules of relations.py (one sentence, the verb's own arguments) do not read:

    이날 간담회엔 A 협회장 … 등이 참석한다. 건설사에선 B 현대건설 사장, C SK건설 부회장 등이 함께 한다.
                        PARTICIPATES_IN B, 현대건설, C, SK건설 → 간담회 (the list goes on)
    방통위는 A SK텔레콤 사장을 비롯해 B KT 대표, C LG유플러스 대표와 순차적으로 만나 현안 간담회를 진행한다.
                        PARTICIPATES_IN A, SK텔레콤, B, KT, C, LG유플러스 → 현안 간담회
    고용노동부와 한국경영자총협회는 24일 발대식을 열고 'X 네트워크'를 출범했다.
                        ANNOUNCES 고용노동부, 한국경영자총협회 → 발대식 (both hold it)
    방사청은 지난해 … MOU 3건을 추진했다. 미국과는 A 협정을, 영국과는 B 양해각서를 각각 체결했다.
                        PARTICIPATES_IN 방사청 → A 협정, B 양해각서 (the signatory is the subject before)
    환경부·한국환경공단, 탄소중립 실천 업무협약        (a headline: the parties, a comma, the agreement)
    중기부, 네이버와 소상공인 디지털전환 MOU 체결       PARTICIPATES_IN both → the agreement
    환경부·한국환경공단, 탄소중립 실천 협약식 개최      ANNOUNCES both → the ceremony
    한국전력과 현대건설이 손잡고 … 나선다. 양사는 5일 … '해상풍력 공동개발 업무협약'을 체결했다.
                        PARTICIPATES_IN 한국전력, 현대건설 → the agreement ('양사', '두 기관': the pair named before)
    (20일 기사) … 오는 26일 … 만날 예정이다. 이날 간담회엔 … 참석한다.
                        SCHEDULED_FOR 간담회 → 이날 (the 26th: a meeting still to come)
    중기부는 A펀드에 500억 원을 출자해 … 조성할 예정이다. 또 … B펀드를 조성하고, … 이 밖에도 C펀드에 100억 원을 출자한다.
                        ANNOUNCES 중기부 → A펀드, B펀드, C펀드 (who puts money into a fund it sets up,
                        also in the sentences that go on without a subject)

A news report names the event once and then keeps listing who came in the next sentence
with no event word; it meets guests 'after meeting them' ('…와 만나 간담회를'), and it
holds a ceremony as the first clause of a launch. All three are general Korean report
style (Yonhap and the papers write them alike; agency releases too).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable

from ingest.nlp.roles import bare_tail as _bare_tail
from ingest.nlp.timing import past as _past, value_start as _value_start
from ingest.nlp.view import TextView

_AGENTS = ("COMPANY", "PERSON", "MINISTRY", "ORGANIZATION")
_BODIES = ("COMPANY", "MINISTRY", "ORGANIZATION")

# the end of a sentence that says who came, with no event in it: '… 등이 함께 한다', '… 참석했다'
_CAME = re.compile(r"(?:이|가|도)\s(?:각각\s|모두\s|직접\s)?(?:참석|배석|자리)(?:했다|한다|했습니다|합니다|하였다|할\s예정이다)"
                   r"|(?:이|가|도)\s(?:각각\s|모두\s)?함께\s?(?:한다|했다|했습니다|합니다|하였다|할\s예정이다)")
# what may follow the last one named, before the particle: titles, '등', a count
_LIST_TAIL = re.compile(r"(?:\s[가-힣A-Za-z·]{1,10}){0,3}?(?:\s?등)?(?:\s[\d,]+여?\s?[가-힣]{0,4})?(?:\s[가-힣]{1,8}){0,2}?")

# '…와 (순차적으로) 만나 (…) 간담회를 진행한다'
_MET = re.compile(r"(?:과|와)\s(?:[가-힣]+\s){0,2}?만나(?:\s|,\s?)")
_HOLD_AFTER = re.compile(r"['’\"”」』]?(?:을|를)\s(?:[가-힣]+\s)?(?:진행|개최|열|연다|엽니다|갖|가[졌진질집])")
# the one named before '비롯해' belongs to the same list: 'A 사장을 비롯해 B 대표, C 대표와'
_INCLUDING = re.compile(r"(?:\s[가-힣]{1,8})?(?:을|를)\s비롯(?:해|하여|한)\s")
_TITLE_ONLY = re.compile(r"(?:\s[가-힣·]{1,10}){0,2}")

# 'A와 B는 24일 발대식을 열고 …': the holder's clause, then another
_HELD_AND = re.compile(r"['’\"”」』]?(?:을|를)\s(?:열고|열어|개최하고|개최해|갖고|가진\s뒤|가진\s후|연\s뒤|연\s후)\s(?!있)")
_SUBJECT = ("은", "는", "이", "가")
_COORD = re.compile(r"(?:\([^()]{0,25}\))?(?:와|과|,|·|\s및)\s?")


def news_relations(view: TextView, sents: list[tuple[int, int]], buckets: list[list], out: list, add: Callable,
                   ref: date | None = None) -> None:
    """The constructions of the module docstring, over the whole document."""
    text = view.text
    if ref is not None and "이날 " in text:
        _that_day(view, sents, buckets, out, add, ref)
    for si, ms in enumerate(buckets):
        if not ms:
            continue
        ss, se = sents[si]
        if si and ("참석" in text[ss:se] or "함께" in text[ss:se] or "자리" in text[ss:se] or "배석" in text[ss:se]):
            _list_goes_on(view, ms, buckets[si - 1], (ss, se), sents[si - 1], si, out, add)
        inits = [m for m in ms if m.label == "INITIATIVE"]
        if not inits:
            continue
        if "만나" in text[ss:se]:
            _met_then_held(view, ms, inits, (ss, se), si, add)
        _held_first(view, ms, inits, (ss, se), si, add)
    if "펀드" in text or "기금" in text:
        _funds(view, sents, buckets, add)
    if "와는 " in text or "과는 " in text:
        _signed_with_each(view, sents, buckets, add)
    if _BOTH.search(text):
        _both_of_them(view, sents, buckets, add)
    if buckets and sents and "," in text[:sents[0][1]]:
        _headline_parties(view, buckets[0], add)


def _officers(ms: list, chain: list) -> list:
    """The people of `chain` and their companies or associations (not an official's ministry:
    the guideline has the person take part, the ministry in the title is not there)."""
    by_key = {m.key: m for m in ms}
    titled = {tuple(p.attrs.get("_org") or ()) for p in chain if p.label == "PERSON"}
    found = [m for m in chain if not (m.label == "MINISTRY" and m.key in titled)]
    for p in chain:
        org = by_key.get(tuple(p.attrs.get("_org") or ())) if p.label == "PERSON" else None
        if org is not None and org.label != "MINISTRY" and org not in found:
            found.append(org)
    return found


def _list_goes_on(view: TextView, ms: list, before: list, sent: tuple[int, int], prev: tuple[int, int], si: int,
                  out: list, add: Callable) -> None:
    """'건설사에선 B 사장, C 부회장 등이 함께 한다' after a sentence that says who came to an event:
    the list goes on, for the same event (only when the sentence names no event of its own)."""
    text = view.text
    ss, se = sent
    if any(m.label == "INITIATIVE" for m in ms):
        return
    came = None
    for c in _CAME.finditer(text, ss, se):
        if not text[c.end():se].strip(" .\"'”’"):
            came = c
    if came is None:
        return
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline") and m.end <= came.start()]
    if not agents or not _LIST_TAIL.fullmatch(text, agents[-1].end, came.start()):
        return
    keys = {m.key for m in before}
    events = {r[2] for r in out if r[0] == "PARTICIPATES_IN" and r[3] == si - 1 and r[2] in keys}
    meetings = [m for m in before if m.key in events and m.attrs.get("kind") == "meeting"]
    if not meetings and before:  # '이날 간담회엔 … 협회장 등 5개 단체 대표가 참석한다': none of them recognised
        if _CAME.search(text, *prev):
            meetings = [m for m in before if m.attrs.get("kind") == "meeting" and _bare_tail(view, m) in ("에는", "엔", "에")]
    if len({m.key for m in meetings}) != 1:
        return  # one event of the sentence before, that people came to
    chain = _chain(view, agents)
    if len(chain) < len(agents) and not _opening(view, ss, chain[0].start):
        return  # the list does not open the sentence: another clause stands before it
    if any(m.label in ("DATE", "TIME") and m.end <= chain[0].start for m in ms) or _EARLIER.search(text, ss, chain[0].start):
        return  # '전날에는 C, D가 참석했다': another day's meeting
    for m in _officers(ms, chain):
        add("PARTICIPATES_IN", m, meetings[0], si)


_EARLIER = re.compile(r"전날|앞서|지난|이전|작년|지난해|당시|다음\s?날|내일")


def _opening(view: TextView, ss: int, start: int) -> bool:
    """Whether only an opening phrase stands before `start`: '건설사에선', '또', '이 밖에'."""
    return re.fullmatch(r"\s*(?:[가-힣A-Za-z]{1,10}(?:에선|에서는|에서도|으로는|로는|측에선|쪽에선)\s|또\s|또한\s|이\s밖에\s|이밖에\s)?",
                        view.text[ss:start]) is not None


def _chain(view: TextView, agents: list) -> list:
    """The agents that end with the last of `agents`, coordinated or named in one title phrase
    ('B 현대건설 사장, C SK건설 부회장'), first to last; across 'A를 비롯해'."""
    from ingest.nlp.relations import _joined  # noqa: PLC0415 (relations imports this module)
    i = len(agents) - 1
    while i > 0 and (_joined(view, agents[i - 1], agents[i])
                     or _INCLUDING.fullmatch(view.text, agents[i - 1].end, agents[i].start)):
        i -= 1
    return agents[i:]


def _met_then_held(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'…와 (순차적으로) 만나 현안 간담회를 진행한다': whom the subject meets takes part in the meeting
    it then holds (the subject's ANNOUNCES or LEADS is the sentence rules')."""
    text = view.text
    ss, se = sent
    for met in _MET.finditer(text, ss, se):
        meeting = next((x for x in inits if x.start >= met.end()), None)
        if (meeting is None or meeting.attrs.get("kind") != "meeting" or meeting.start - met.end() > 30
                or not _HOLD_AFTER.match(text, meeting.end) or re.search(r"[,.]|다\s", text[met.end():meeting.start])):
            continue
        agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline") and ss <= m.start and m.end <= met.start()]
        if not agents or not _TITLE_ONLY.fullmatch(text, agents[-1].end, met.start()):
            continue
        chain = _chain(view, agents)
        if any(m.label in _SUBJECT_LABELS and _tail_of(view, m) in _SUBJECT for m in chain):
            continue  # 'A는 B와 만나': the subject is no guest
        for m in _officers(ms, chain):
            add("PARTICIPATES_IN", m, meeting, si)


_SUBJECT_LABELS = _AGENTS


def _tail_of(view: TextView, m) -> str:
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415
    return _phrase_tail(view, m)


def _held_first(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'A와 B는 24일 발대식을 열고 X를 출범했다': the bodies that are the subject hold the event of
    the first clause (ANNOUNCES), each of them; the second clause is the sentence rules'."""
    text = view.text
    ss, _se = sent
    for x in inits:
        if x.attrs.get("kind") != "meeting" or not _HELD_AND.match(text, x.end):
            continue
        bodies = [m for m in ms if m.label in _BODIES and ss <= m.start and m.end <= x.start]
        subj = [b for b in bodies if _tail_of(view, b) in _SUBJECT and view.tail(b.end)[:1] in ("은", "는", "이", "가")]
        if not subj or any(m.label == "PERSON" and subj[-1].end <= m.start < x.start for m in ms):
            continue  # '산업부는 A 장관 주재로 …': not the body's own holding
        last = subj[-1]
        between = text[last.end:x.start].rstrip("'‘\"“「『")  # (the event's own opening quote)
        if len(between) > 40 or re.search(r"[,.'‘’\"“”]|다\s|(?:하고|하며|해|했으며)\s", between):
            continue  # a clause or a quotation stands between the subject and the event
        chain = [last]
        i = bodies.index(last)
        while i > 0 and _COORD.fullmatch(text, bodies[i - 1].end, bodies[i].start):
            i -= 1
            chain.append(bodies[i])
        for b in chain:
            add("ANNOUNCES", b, x, si)


# a fund by name: '스마트대한민국펀드', '소셜임팩트 펀드', '특허기술사업화 펀드', 'M&A펀드'
_FUND = re.compile(r"(?:펀드|모펀드|기금)$")
_SETS_UP = re.compile(r"(?<![가-힣])(?:조성|결성)(?:한다|하고|해|하며|할\s|했|하였|합니다|키로|하기로)")
_PUTS_IN = re.compile(r"(?<![가-힣])출자(?:한다|하고|해|하며|할\s|했|하였|합니다|키로|하기로)")
# a fund whose money is used for another ('모태펀드 300억 원을 활용해'): the source, not what is set up;
_SOURCE = re.compile(r"(?:의)?\s?[\d,.]+\s?(?:조|억|만|천)?\s?(?:[\d,.]+\s?(?:억|만|천)\s?)?원(?:을|를)\s(?:활용|재원)"
                     r"|\s?(?:형태|방식)(?:로|으로|의)\s")  # or a form of funding ('매칭펀드 형태로 조성하는')
# a sentence that goes on with the subject of the one before: '또 …', '이 밖에도 …', '아울러 …'
_GOES_ON = re.compile(r"\s*(?:또|또한|이\s?밖에도?|아울러|이와\s함께|이어)\s")


def _funds(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """ANNOUNCES for the body that sets up a fund or puts money into it to set one up ('중기부는 A펀드에
    500억 원을 출자해 … 조성할 예정이다'), and for the funds of the sentences that go on from it
    without a subject ('또 … B펀드를 조성하고', '이 밖에도 C펀드에 100억 원을 출자한다')."""
    text = view.text
    carried = None  # the body of the sentence before that set up a fund
    for si, ms in enumerate(buckets):
        ss, se = sents[si]
        funds = [m for m in ms if m.label == "INITIATIVE" and _FUND.search(text[m.start:m.end]) and m.end - m.start > 3
                 and _tail_of(view, m)[:1] in ("에", "을", "를", "도", "") and not _SOURCE.match(text, m.end)]
        agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
        subj = [b for b in agents if b.label in _BODIES and _tail_of(view, b) in ("은", "는", "이", "가")
                and view.tail(b.end)[:1] in ("은", "는", "이", "가")]
        sets_up, puts_in = _SETS_UP.search(text, ss, se), _PUTS_IN.search(text, ss, se)
        if subj and funds and sets_up and not any(m.label == "PERSON" for m in agents):
            body = subj[0]
            for f in funds:
                if f.start > body.end and f.start < sets_up.start():
                    add("ANNOUNCES", body, f, si)
            carried = body
        elif carried is not None and not agents and funds and (sets_up or puts_in) and _GOES_ON.match(text, ss):
            for f in funds:
                add("ANNOUNCES", carried, f, si)
        elif agents:
            carried = None  # another subject takes over


# the day's meeting still to come, said of it: '… 참석한다', '… 참석할 예정이다', '… 열린다'
_STILL_TO_COME = re.compile(r"(?:참석|참여|참가|배석|개최|진행)(?:한다|할\s예정이다|합니다|할\s예정입니다|된다|됩니다)[.]?$"
                            r"|함께\s?(?:한다|할\s예정이다|합니다)[.]?$|열린다[.]?$|열릴\s예정이다[.]?$")


def _that_day(view: TextView, sents: list[tuple[int, int]], buckets: list[list], out: list, add: Callable,
              ref: date) -> None:
    """'이날 간담회엔 …': the meeting is on the day the text has just named; when that day is still
    to come (after the report's date, or the day itself in a sentence that is not past), the
    meeting is scheduled for it (a past meeting is not: the guideline)."""
    text = view.text
    due = {r[1] for r in out if r[0] == "SCHEDULED_FOR"}
    for si, ms in enumerate(buckets):
        for k, d in enumerate(ms[:-1]):
            x = ms[k + 1]
            if (d.label != "DATE" or text[d.start:d.end] != "이날" or x.label != "INITIATIVE" or x.key in due
                    or x.attrs.get("kind") != "meeting" or text[d.end:x.start] != " " or not d.value):
                continue
            day = _value_start(d.value)
            if day is None or day < ref:
                continue
            ss, se = sents[si]
            if day == ref and (_past(view, ss, se) or not _STILL_TO_COME.search(text[ss:se].rstrip())):
                continue  # '이날 간담회에는 … 참석했다', '이날 회의에서 논의된 …': today's meeting, over or not said
            add("SCHEDULED_FOR", x, d, si)


# '미국과는 A 협정을, 영국과는 B 양해각서를 각각 체결했다': a sentence of partners, each with its agreement
_WITH_EACH = re.compile(r"(?:과|와)는\s")
_SIGNED_END = re.compile(r"(?:체결|서명|맺)(?:했다|한다|했습니다|합니다|하였다|었다|는다|을\s예정이다|할\s예정이다)[.\"”'’]*\s*$")


def _signed_with_each(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """PARTICIPATES_IN for the agreements a sentence without a subject lists partner by partner
    ('미국과는 A를, 영국과는 B를 각각 체결했다'): the body that is the subject of the sentence before
    signs each of them."""
    text = view.text
    for si in range(1, len(sents)):
        ss, se = sents[si]
        ms, before = buckets[si], buckets[si - 1]
        if not _WITH_EACH.search(text, ss, se) or not _SIGNED_END.search(text[ss:se].rstrip()):
            continue
        if any(m.label in _AGENTS and _tail_of(view, m) in ("은", "는", "이", "가") for m in ms):
            continue  # a subject of its own
        subj = [b for b in before if b.label in _BODIES and view.tail(b.end)[:1] in ("은", "는", "이", "가")
                and _tail_of(view, b) in ("은", "는", "이", "가")]
        if not subj or subj[0].start - sents[si - 1][0] > 12:
            continue  # the sentence before opens with its body ('방사청은 …')
        for x in ms:
            tail = _bare_tail(view, x).rstrip(",")
            if (x.label == "INITIATIVE" and _SIGNS.search(text[x.start:x.end])
                    and (tail in ("을", "를") or not tail and text.startswith(" 및 ", x.end))):
                add("PARTICIPATES_IN", subj[0], x, si)


_SIGNS = re.compile(r"협약|협정|약정|양해각서|의향서|MOU|LOI|계약|합의서|각서")


# a headline's parties: 'A·B, …', 'A-B, …', 'A, B와 …' (the first line, up to its comma)
_PARTY_SEP = re.compile(r"\s?[-·‧ㆍ,]\s?|(?:와|과)\s")
_HEAD_VERB = re.compile(r"['’\"”」』]?\s?(?:체결|개최|협약|맺어|맺고|서명)?\s*(?:[…·,]|\n|$)")
_EVENT_WORD = re.compile(r"(?:식|회의|포럼|간담회|설명회|세미나|행사)$")


def _headline_parties(view: TextView, first: list, add: Callable) -> None:
    """'A·B, X 업무협약 (체결)', 'A, B와 X MOU': the two parties of the agreement a headline names take
    part in it (the news guideline); 'A·B, X 협약식 개최': both hold the ceremony (ANNOUNCES, as the
    headline rule has it for one body). One body alone is the headline rule's (headlines.py)."""
    text = view.text
    line_end = text.find("\n")
    if line_end < 0 or line_end > 80:
        return  # no headline line
    ms = [m for m in first if m.end <= line_end]
    comma = text.find(",", 0, line_end)
    parties = [m for m in ms if m.label in _BODIES and m.end <= comma]
    if not parties or parties[0].start > 2 or comma < 0:
        return
    for a, b in zip(parties, parties[1:]):
        if not _PARTY_SEP.fullmatch(text, a.end, b.start):
            return
    if not _PARTY_SEP.fullmatch(text, parties[-1].end, comma) and parties[-1].end != comma:
        return
    rest = [m for m in ms if m.start > comma]
    partner = rest[0] if rest and rest[0].label in _BODIES and re.match(r"(?:와|과)\s", text[rest[0].end:]) else None
    deal = next((m for m in rest if m.label == "INITIATIVE" and (_SIGNS.search(text[m.start:m.end])
                                                                  or _EVENT_WORD.search(text[m.start:m.end]))), None)
    if deal is None or not _HEAD_VERB.match(text, deal.end) or any(m.label == "PERSON" for m in ms):
        return
    name = text[deal.start:deal.end]
    everyone = parties + ([partner] if partner is not None else [])
    if _EVENT_WORD.search(name) and len(parties) > 1 and partner is None:
        for p in parties:
            add("ANNOUNCES", p, deal, 0)
    elif _SIGNS.search(name) and not _EVENT_WORD.search(name) and len(everyone) > 1:
        for p in everyone:
            add("PARTICIPATES_IN", p, deal, 0)


# the two named before, as the subject: '양사는', '양 기관은', '두 기관이', '양측은'
_BOTH = re.compile(r"(?<![가-힣])(?:양사|양\s?기관|두\s기관|두\s회사|양측|양\s?단체)(?:는|은|가|이|도)\s")
_PAIR = re.compile(r"(?:\([^()]{0,25}\))?(?:와|과|,|·|ㆍ|\s및)\s?")
_SIGN_AFTER = re.compile(r"['’\"”」』]?(?:\([^()]{0,15}\))?(?:을|를)\s(?:\S+\s){0,2}?(?:체결|맺|서명)")
_HOLD_BOTH = re.compile(r"['’\"”」』]?(?:\([^()]{0,15}\))?(?:을|를)\s(?:공동으로\s|함께\s)?(?:개최|열|연다|출범|발족|구성|공동\s?운영|운영)")


def _pair_before(view: TextView, ms: list, upto: int) -> list | None:
    """The last two bodies coordinated ('A와 B', 'A·B') or paired as subject and partner ('A는 B와')
    before `upto`; None where more than two are coordinated."""
    text = view.text
    bodies = [m for m in ms if m.label in _BODIES and m.end <= upto]
    for i in range(len(bodies) - 1, 0, -1):
        a, b = bodies[i - 1], bodies[i]
        if _PAIR.fullmatch(text, a.end, b.start):
            if i > 1 and _PAIR.fullmatch(text, bodies[i - 2].end, a.start):
                return None  # three or more: not '양사'
            return [a, b]
        if _tail_of(view, a) in ("은", "는", "이", "가") and re.match(r"(?:\([^()]{0,25}\))?(?:와|과)\s", text[b.end:]) \
                and b.start - a.end <= 30:
            return [a, b]
    return None


def _both_of_them(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """'양사는 … X 업무협약을 체결했다': both of the pair the text has just named sign it (PARTICIPATES_IN);
    '양 기관은 … X를 공동으로 개최한다': both hold it (ANNOUNCES)."""
    text = view.text
    for si, ms in enumerate(buckets):
        ss, se = sents[si]
        both = _BOTH.search(text, ss, se)
        if both is None or any(m.start <= both.start() < m.end for m in ms):
            continue
        pair = _pair_before(view, ms, both.start())
        k = si - 1
        while pair is None and k >= max(0, si - 2):
            pair = _pair_before(view, buckets[k], sents[k][1])
            k -= 1
        if not pair:
            continue
        for x in ms:
            if x.label != "INITIATIVE" or x.start < both.end():
                continue
            if _SIGNS.search(text[x.start:x.end]) and _SIGN_AFTER.match(text, x.end):
                kind = "PARTICIPATES_IN"
            elif x.attrs.get("kind") == "meeting" and _HOLD_BOTH.match(text, x.end):
                kind = "ANNOUNCES"
            else:
                continue
            for b in pair:
                add(kind, b, x, si)
