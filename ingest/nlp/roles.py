"""Roles a sentence gives around a council or programme, in forms the trigger rules
(relations.py) do not read: whom a council has as its chair, who its members are, who is
selected for a programme (who takes part in a meeting: attendance.py).

    협의회는 안덕근 산업통상자원부 장관을 위원장으로 하고 …        LEADS 안덕근 → 협의회
    'X 사업'에 선정된 A, B 등 5개 기업은 …                        PARTICIPATES_IN A, B → X 사업
    과기정통부는 A, B 등 5개 기업을 'X' 참여 기업으로 선정했다      PARTICIPATES_IN A, B → X
    한울전자는 'X 사업'에 최종 선정됐다                            PARTICIPATES_IN 한울전자 → X 사업
    'X'는 A, B 등으로 구성된다                                     PARTICIPATES_IN A, B → X

The guideline (ingest/nlp/gold/README.md) counts being selected for a programme or being
a member as taking part, and a chair as leading. The helpers (`bare_tail`, `chain_back` …)
serve attendance.py too.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.timing import clause_break
from ingest.nlp.view import TextView

_QUOTES = "'’\"”」』"
AGENTS = ("COMPANY", "ORGANIZATION", "PERSON", "MINISTRY")
_SUBJECT = ("은", "는", "이", "가", "도", "께서")

# '… 장관을 위원장으로 하고', '… 회장을 공동위원장으로 선임했다', '…을 단장으로 하는 추진단'
_AS_CHAIR = re.compile(r"(?:을|를)\s(?:공동\s?)?(?:위원장|의장|좌장|단장|회장)(?:으로|로)\s"
                       r"(?P<verb>하(?:고|며|여|는|고\s있|며\s)|한\s|해\s|삼(?:고|아|은)|선임|추대|위촉|임명)")
_ADNOMINAL = re.compile(r"(?:하는|한|삼은)\s['‘\"“「『]?")

# being selected: 'X에 (최종) 선정된 A', 'A는 X에 선정됐다', 'A를 X (참여 기업)으로 선정했다'
# ("A는 'X' 공급기업으로 선정됐다", "'X' 참여기업으로 선정된 A": chosen as a role in it)
_AS_ROLE_IN = r"\s(?:[가-힣]+\s?){0,2}(?:으로|로)"
_SELECTED_FOR = re.compile(r"['’\"”」』]?(?:에|의|" + _AS_ROLE_IN + r")\s(?:최종\s|신규\s|추가\s)?(?:선정|뽑)(?:된|되어|돼|됐|되었|되|됨|힌|혔)")
_SELECTED_ADN = re.compile(r"['’\"”」』]?(?:에|" + _AS_ROLE_IN + r")\s(?:최종\s|신규\s|추가\s)?선정된\s['‘\"“「『]?")
# "'X' 대상 기업으로 A와 B가 (최종) 선정됐다": the role first, the chosen as the subject after it
_ROLE_FIRST = re.compile(r"['’\"”」』]?" + _AS_ROLE_IN + r"\s(?:최종\s|신규\s)?")
_CHOSEN_SUBJECT = re.compile(r"(?:\s?등(?:\s[\d,]+여?\s?[가-힣]*)?)?(?:이|가)\s(?:최종\s|각각\s)?(?:선정|뽑)(?:됐|되었|된다|돼|됩니다|혔)")
_SELECT_VERB = re.compile(r"선정(?:했|한다|하였|하고|해|하기로|할\s|합니다|하여)")
_LIST_OBJECT = re.compile(r"(?:\s?등(?:\s[\d,]+여?\s?[가-힣]*)?(?:\s[가-힣]+){0,2}|\s(?:컨소시엄|컨소시움|연합체|연합|팀))?(?:을|를)\s")
_AS_ROLE = re.compile(r"['’\"”」』]?\s?(?:[가-힣]+\s?){0,2}(?:으로|로)\s(?:최종\s)?$")


def role_relations(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """LEADS and PARTICIPATES_IN from the constructions of the module docstring."""
    _chair_as(view, ms, inits, sent, si, add)
    _selected(view, ms, inits, sent, si, add)
    _heads_and_members(view, ms, inits, sent, si, add)
    _joint_leads(view, ms, inits, sent, si, add)
    _chair_present(view, ms, inits, sent, si, add)
    _appointed(view, ms, inits, sent, si, add)
    _members_named(view, ms, inits, sent, si, add)
    _chair_named_after(view, ms, inits, sent, si, add)


def bare_tail(view: TextView, m) -> str:
    """The particle after a mention, past a closing quote ("'K-배터리 얼라이언스'는" → 는)."""
    end = m.end
    while end < len(view.text) and view.text[end] in _QUOTES:
        end += 1
    return view.tail(end)


def chain_back(view: TextView, agents: list, last) -> list:
    """`last` and the agents coordinated before it ('A, B와 C', 'A·B', 'A 및 B')."""
    from ingest.nlp.relations import _joined  # noqa: PLC0415 (relations imports this module)
    i = agents.index(last)
    out = [last]
    while i > 0 and _joined(view, agents[i - 1], agents[i]):
        i -= 1
        out.append(agents[i])
    return out


def chain_forward(view: TextView, agents: list, first) -> list:
    from ingest.nlp.relations import _joined  # noqa: PLC0415
    i = agents.index(first)
    out = [first]
    while i + 1 < len(agents) and _joined(view, agents[i], agents[i + 1]):
        i += 1
        out.append(agents[i])
    return out


def _chair_as(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'협의회는 A 장관을 위원장으로 하고', 'A 장관을 위원장으로 하는 협의회': the person chairs it."""
    text = view.text
    for c in _AS_CHAIR.finditer(text, *sent):
        people = [m for m in ms if m.label == "PERSON" and m.end <= c.start() and c.start() - m.end <= 25]
        if not people or any(people[-1].end <= m.start < c.start() for m in inits):
            continue
        chairs = chain_back(view, [m for m in ms if m.label == "PERSON"], people[-1])
        target = None
        if _ADNOMINAL.match(text, c.start("verb")):  # '… 단장으로 하는 추진단'
            target = next((m for m in inits if 0 <= m.start - c.end("verb") <= 14), None)
        if target is None:  # the topic: '협의회는 …', "'X 얼라이언스'는 …"
            topic = [m for m in inits if m.end <= chairs[-1].start and bare_tail(view, m) in ("은", "는", "이", "가")]
            target = topic[-1] if topic else None
        for p in chairs if target is not None else ():
            add("LEADS", p, target, si)


# "'X' 초대 회장으로는 A 대표를 추대했다", 'X 위원장으로 A 교수를 선임했다': the chair named after
_CHAIR_NAMED = re.compile(r"['’\"”」』]?(?:의)?\s(?:초대\s|신임\s|공동\s)?(?:위원장|의장|회장|단장|좌장)(?:으로는|으로|로는|로)\s")
_CHAIR_AS_TOPIC = re.compile(r"(?:\s\S+){0,1}?\s(?:초대\s|신임\s|공동\s)?(?:위원장|의장|회장|단장|좌장)(?:으로는|으로|로는|로)\s")
_PERSON_CHOSEN = re.compile(r"(?:\s\S+){0,2}?(?:을|를)\s(?:각각\s)?(?:선임|추대|위촉|임명|선출)")


def _chair_named_after(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """LEADS for the person a sentence chooses as an initiative's chair, named after it."""
    text = view.text
    people = [m for m in ms if m.label == "PERSON"]
    for x in inits:
        c = _CHAIR_NAMED.match(text, x.end)
        if c is None and bare_tail(view, x) in ("은", "는"):  # "'X'는 (초대) 위원장으로 A를 선임했다"
            c = _CHAIR_AS_TOPIC.match(text, view.word_end(x.end))
        if c is None or x.attrs.get("kind") == "meeting" and x.attrs.get("generic"):
            continue
        p = next((m for m in people if 0 <= m.start - c.end() <= 20), None)
        if p is not None and not any(c.end() <= i.start < p.start for i in inits) and _PERSON_CHOSEN.match(text, p.end):
            add("LEADS", p, x, si)


def _selected(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """Who is selected for a programme takes part in it (the guideline); a meeting is
    never selected for."""
    text = view.text
    ss, se = sent
    progs = [m for m in inits if m.attrs.get("kind") != "meeting"]
    agents = [m for m in ms if m.label in AGENTS and not m.attrs.get("byline")]
    for p in progs:
        if (adn := _SELECTED_ADN.match(text, p.end)) is not None:  # 'X에 선정된 A, B 등'
            first = next((m for m in agents if m.start == adn.end()), None)
            for m in chain_forward(view, agents, first) if first is not None else ():
                add("PARTICIPATES_IN", m, p, si)
        elif _SELECTED_FOR.match(text, p.end):  # 'A는 X에 선정됐다'
            subj = [m for m in agents if ss <= m.start and m.end <= p.start and subject(view, m)]
            if subj and not any(i.start < p.start and i.end > subj[-1].end for i in inits):
                for m in chain_back(view, agents, subj[-1]):
                    add("PARTICIPATES_IN", m, p, si)
        elif (r := _ROLE_FIRST.match(text, p.end)) is not None:  # "'X' 대상 기업으로 A와 B가 선정됐다"
            first = next((m for m in agents if m.start == r.end()), None)
            chosen = chain_forward(view, agents, first) if first is not None else []
            if chosen and _CHOSEN_SUBJECT.match(text, chosen[-1].end):
                for m in chosen:
                    add("PARTICIPATES_IN", m, p, si)
    for v in _SELECT_VERB.finditer(text, ss, se):  # '… A, B 등 5개 기업을 'X' 참여 기업으로 선정했다'
        objs = [m for m in agents if ss <= m.start and m.end <= v.start() and _LIST_OBJECT.match(text, m.end)
                and not any(m.end < i.start < v.start() and bare_tail(view, i) in ("을", "를") for i in inits)]
        if not objs or objs[-1].label == "MINISTRY" and _LIST_OBJECT.match(text, objs[-1].end).group() in ("을 ", "를 ") \
                and len(chain_back(view, agents, objs[-1])) < 2:  # ('대구시, 부산시, 광주시를 사업자로': a list is chosen)
            continue
        obj = objs[-1]
        # the programme: named as what they are chosen as ("'X' 참여 기업으로"), else before them
        # ("'X' 프로젝트를 이끌 수행기관으로 A, B 등 3개 컨소시엄을")
        after = [i for i in progs if obj.end < i.start and i.end <= v.start() and _AS_ROLE.match(text[i.end:v.start()])]
        before = [i for i in progs if ss <= i.start and i.end <= obj.start
                  and re.search(r"(?:으로|로)\s$", text[i.end:chain_back(view, agents, obj)[-1].start])]
        target = after[0] if after else (before[-1] if before else None)
        for m in chain_back(view, agents, obj) if target is not None else ():
            if m.label != "MINISTRY" or not subject(view, m):
                add("PARTICIPATES_IN", m, target, si)


# 'A, B 등 10개 그룹을 위원사로 위촉했다': the object list made members of the initiative named before
_APPOINTED = re.compile(r"(?:위원사|회원사|회원기관|위원|자문위원|멤버|참여기관|참여사)(?:으로|로)\s(?:\S+\s)?(?:위촉|선임|임명|선정|영입)(?:했|하였|한다|합니다|하고|해)")


def _appointed(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """Who a sentence appoints as members ('… 협의체를 발족하고 A, B 등을 위원사로 위촉했다') takes
    part in the initiative the sentence named before them."""
    text = view.text
    ss, se = sent
    agents = [m for m in ms if m.label in AGENTS and not m.attrs.get("byline")]
    for v in _APPOINTED.finditer(text, ss, se):
        objs = [m for m in agents if ss <= m.start and m.end <= v.start() and _LIST_OBJECT.match(text, m.end)
                and re.fullmatch(r"\s?(?:[가-힣]{1,4}\s?)?", text[_LIST_OBJECT.match(text, m.end).end():v.start()])]  # '운영위원사로'
        if not objs:
            continue
        chain = chain_back(view, agents, objs[-1])
        target = [i for i in inits if ss <= i.start and i.end <= chain[-1].start]  # (a forum may be a standing body)
        for m in chain if target else ():
            add("PARTICIPATES_IN", m, target[-1], si)


# "'X' 위원으로는 A와 B가 위촉됐다": the members named after the role, a passive verb closing them
_MEMBERS_ARE = re.compile(r"['’\"”」』]?\s(?:위원|위원사|회원사|멤버|자문위원|민간위원)(?:으로는|로는)\s")
_NAMED_PASSIVE = re.compile(r"(?:\s[가-힣]{1,8}){0,2}(?:이|가)\s(?:[가-힣]+\s)?(?:위촉|선임|임명|선정|참여)(?:됐|되었|된다|돼|됩니다|했|한다|합니다)")
# "'X'는 A 장관이 위원장을, B 교수가 부위원장을 맡는다": the chair of the topic
_CHAIR_OBJECT = re.compile(r"(?:\s[가-힣]{1,8}){0,2}(?:이|가)\s(?:공동\s?)?(?:위원장|의장|단장|좌장)(?:을|를)[,\s]")


def _members_named(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """The members and the chair a council's sentence names after it (the two shapes above)."""
    text = view.text
    agents = [m for m in ms if m.label in AGENTS and not m.attrs.get("byline")]
    for x in inits:
        if (r := _MEMBERS_ARE.match(text, x.end)) is not None:
            first = next((m for m in agents if r.end() <= m.start <= r.end() + 2), None)
            chain = chain_forward(view, agents, first) if first is not None else []
            if chain and _NAMED_PASSIVE.match(text, chain[-1].end):
                for m in (m for m in chain if m.label == first.label):  # (not the bodies in their titles)
                    add("PARTICIPATES_IN", m, x, si)
        elif bare_tail(view, x) in ("은", "는"):
            chair = next((m for m in agents if m.start > x.end), None)
            if chair is not None and chair.label == "PERSON" and _CHAIR_OBJECT.match(text, chair.end) \
                    and not any(x.end < i.start < chair.start for i in inits):
                add("LEADS", chair, x, si)


def subject(view: TextView, m) -> bool:
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415
    return _phrase_tail(view, m) in _SUBJECT


# 'A 사장이 이끄는 X': the person at its head
_LED_BY = re.compile(r"(?:\s\S+){0,3}?(?:이|가)\s이끄(?:는|시는)\s['‘\"“「『]?")
# 'X 위원장인 A', "'X' 공동위원장을 맡은 A": the council's chair named after it
_CHAIR_OF = re.compile(r"['’\"”」』]?(?:의)?\s(?:공동\s?)?(?:위원장|의장|단장|좌장)(?:인|을\s맡은|을\s맡고\s있는)?\s")
# "'X'는 A 단장이 이끈다": the topic and the person who heads it
_LEADS_IT = re.compile(r"(?:\s[가-힣]{1,6}){0,2}(?:이|가|께서)\s(?:[가-힣]+\s)?이끈(?:다|다고)|(?:\s[가-힣]{1,6}){0,2}(?:이|가|께서)\s(?:[가-힣]+\s)?이끌고\s있")
# "'X' 의장은 A 장관이다"
_CHAIR_IS = re.compile(r"['’\"”」』]?(?:의)?\s(?:공동\s?)?(?:위원장|의장|단장|좌장)(?:은|는)\s")
# '… A 장관이 맡았다', '… B 회장이 맡는다': who takes the post the topic names
_TAKES_CHAIR = re.compile(r"(?:\s[가-힣]{1,8}){0,2}(?:이|가|께서)\s(?:각각\s|공동으로\s)?맡(?:는다|았다|았으며|았고|고\s|기로|습니다|았습니다|게\s)")
# 'X는 A, B 등으로 구성된다': its members
_MADE_OF = re.compile(r"(?:으로|로)\s(?:구성|꾸려)(?:된|되|돼|됐|됩|하)|(?:으로|로)\s(?:이뤄|이루어)(?:진|지|졌|집)")
# 'A는 X의 회원사로 활동한다', 'A는 X 위원으로 참여한다'
_MEMBER_OF = re.compile(r"['’\"”」』]?(?:의)?\s(?:회원사|회원|회원국|위원|멤버|참여기관|참여사|구성원)(?:(?:으로|로)\s(?:\S+\s)?(?:활동|참여|참가|가입|위촉|선임)|(?:이다|다|입니다|이며|이고)(?:\s|$|[.,]))")


# what may close the list of members: a title, '등', a count ('등 10개 기업으로 구성됐다')
_MEMBERS_END = re.compile(r"(?:\s?등)?(?:\s[\d,]+여?\s?(?:개|명|곳)?\s?[가-힣]{0,6})?(?:\s[가-힣·]{1,8}){0,3}"
                          r"(?:(?:와|과|\s및)\s(?:[가-힣]+\s){0,2}[\d,]+여?\s?(?:개|명|곳|개사)[가-힣]{0,4})?")  # '…과 소재 기업 10곳으로'



def _heads_and_members(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """Who heads a council or alliance and who its members are, in the phrases of the
    module docstring's kind ('A 사장이 이끄는 X', 'X 위원장인 A', 'X는 A, B 등으로 구성된다')."""
    text = view.text
    ss, se = sent
    people = [m for m in ms if m.label == "PERSON"]
    agents = [m for m in ms if m.label in AGENTS and not m.attrs.get("byline")]
    for x in inits:
        p = next((m for m in reversed(people) if m.end <= x.start), None)
        if p is not None and _LED_BY.fullmatch(text, p.end, x.start):
            add("LEADS", p, x, si)
        if bare_tail(view, x) in ("은", "는"):
            p2 = next((m for m in people if m.start > x.end), None)
            if p2 is not None and p2.start - x.end <= 4 and _LEADS_IT.match(text, p2.end):
                add("LEADS", p2, x, si)
        if (c := _CHAIR_OF.match(text, x.end)) or (c := _CHAIR_IS.match(text, x.end)):
            nxt = next((m for m in ms if m.start >= c.end()), None)
            if nxt is not None and nxt.label == "PERSON" and nxt.start - c.end() <= 12 \
                    and (c.re is _CHAIR_OF or re.match(r"(?:\s\S+){0,2}\s?(?:이다|입니다|이며|이고)", text[nxt.end:nxt.end + 30])):
                add("LEADS", nxt, x, si)
            elif nxt is not None and nxt.label == "PERSON" and nxt.start - c.end() <= 12 and c.re is _CHAIR_IS:
                # "'X' 공동위원장은 A 장관과 B 회장이 맡는다": the people before 맡다
                chairs = chain_forward(view, people, nxt)
                if _TAKES_CHAIR.match(text, chairs[-1].end):
                    for p3 in chairs:
                        add("LEADS", p3, x, si)
        if bare_tail(view, x) in ("은", "는", "이", "가") and (made := _MADE_OF.search(text, x.end, se)) is not None:
            # 'X는 A 소속 19개 단체와 B 차관 및 실·국장으로 구성된': every body or person named
            # between the topic and the verb, in one clause (a title after the last is allowed)
            members = [m for m in agents if x.end < m.start and m.end <= made.start()]
            if members and not any(i.start > x.end and i.end <= made.start() for i in inits) \
                    and _MEMBERS_END.fullmatch(text[members[-1].end:made.start()].removesuffix(" 등")) \
                    and not clause_break(view, x.end, made.start()):
                for m in members:
                    add("PARTICIPATES_IN", m, x, si)
        if _MEMBER_OF.match(text, x.end):
            subj = [m for m in agents if ss <= m.start and m.end <= x.start and subject(view, m)]
            for m in chain_back(view, agents, subj[-1]) if subj else ():
                add("PARTICIPATES_IN", m, x, si)


# 'A, B, C 3개 부처가 공동 주관한다', 'A와 B가 공동으로 주관하는 X'
_JOINT_LEAD = re.compile(r"(?:\s?등)?(?:\s[\d,]+개\s?[가-힣]{0,4})?(?:이|가)\s공동(?:으로)?\s?주관(?:(?P<adn>하는|한)\s)?")


def _joint_leads(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """LEADS for each body that runs a programme jointly (주관, the guideline's 'in charge of'):
    the topic before the list, or the programme the clause describes."""
    text = view.text
    ss, _se = sent
    bodies = [m for m in ms if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY")]
    for b in bodies:
        j = _JOINT_LEAD.match(text, b.end)
        if j is None:
            continue
        chain = chain_back(view, bodies, b)
        if j.group("adn"):
            target = next((x for x in inits if 0 <= x.start - j.end() <= 2), None)
        else:
            topic = [x for x in inits if ss <= x.start and x.end <= chain[-1].start and bare_tail(view, x) in ("은", "는")]
            target = topic[-1] if topic else None
        for m in chain if target is not None else ():
            add("LEADS", m, target, si)


# '회의에는 공동위원장인 A 이사장 등 …이 참석했다': the chair named at the meeting
_CHAIR_TITLE = re.compile(r"(?<![가-힣])(?:공동\s?)?(?:위원장|의장|좌장)(?:인|을\s맡은)\s$")


def _chair_present(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """LEADS for a chair listed among a meeting's attendees (relations.py then drops their
    taking part)."""
    text = view.text
    ss, _se = sent
    for p in (m for m in ms if m.label == "PERSON"):
        if _CHAIR_TITLE.search(text, max(ss, p.start - 12), p.start):
            meeting = [x for x in inits if x.end <= p.start and x.attrs.get("kind") == "meeting"
                       and bare_tail(view, x) in ("에는", "에", "에도")]
            if meeting:
                add("LEADS", p, meeting[-1], si)
