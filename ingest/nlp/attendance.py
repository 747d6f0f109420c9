"""Who takes part in a meeting or event, in the forms releases write it and the trigger
rules (relations.py) do not read:

    기획재정부는 국무회의에 'Y'를 상정했다                PARTICIPATES_IN 기획재정부 → 국무회의
    이번 회의에서 산업부는 'Z'를 보고했다                 PARTICIPATES_IN 산업부 → 회의
    이날 개막식에 참석한 A 장관은 …                       PARTICIPATES_IN A → 개막식
    B 장관을 초청한 가운데 간담회를 개최했다              PARTICIPATES_IN B → 간담회
    포럼에서는 C 상무가 발표자로 나섰다                   PARTICIPATES_IN C → 포럼
    A 장관은 '반도체 박람회'를 찾아 …                     PARTICIPATES_IN A → 반도체 박람회
    간담회를 열고 D, E 등과 … 논의했다                    PARTICIPATES_IN D, E → 간담회
    포럼은 F가 주최하고 G가 주관한다                      ANNOUNCES F → 포럼 (G: roles.py's 주관 → LEADS)

The host of an event does not also take part in it: relations.py drops a participation
that an ANNOUNCES or LEADS of the same names states.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.roles import AGENTS as _AGENTS, bare_tail as _bare_tail, chain_back as _chain_back
from ingest.nlp.roles import chain_forward as _chain_forward, subject as _subject
from ingest.nlp.view import TextView


def attendance_relations(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """PARTICIPATES_IN (and a host's ANNOUNCES) from the constructions of the module docstring."""
    _tabled(view, ms, inits, sent, si, add)
    _hosts(view, ms, inits, sent, si, add)
    _attendee_after(view, ms, inits, si, add)
    _invited(view, ms, inits, sent, si, add)
    _role_at(view, ms, inits, sent, si, add)
    _at_event(view, ms, inits, sent, si, add, _VISIT, one_object=True)
    _held_then_with(view, ms, inits, sent, si, add)
    _at_event(view, ms, inits, sent, si, add, _STAGE)


# putting an item before a meeting or reporting to it
_TABLED = re.compile(r"(?<![가-힣])(?:상정(?:했|하였|한다|합니다|하고|해|할)|보고(?:했|하였|한다|합니다|하고|할\s|드렸)|제출(?:했|하였|한다|합니다))")
# reporting, tabling, discussing at a meeting (not 발표 or 확정: a host announces at its own
# event; a host that discusses there is dropped by relations.py's host filter)
_REPORT_END = re.compile(r"(?:보고|상정|발제|논의|협의|설명|제안|건의|요청|서명|수여|시상)(?:했|하였|한다|합니다|했습니다|할\s계획|할\s예정)")


def _tabled(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'기획재정부는 국무회의에 Y를 상정했다', '이번 회의에서 산업부는 Z를 보고했다': the body or
    person that puts an item before a meeting or reports to it takes part in it."""
    text = view.text
    ss, se = sent
    end = text[ss:se].rstrip(" .\"'”’")
    for m in inits:
        if m.attrs.get("kind") != "meeting":
            continue
        tail = _bare_tail(view, m)
        if tail == "에":
            verb = _TABLED.search(text, m.end, se)
            if verb is None or verb.start() - m.end > 40:
                continue
        elif tail in ("에서", "에서는"):
            if not _REPORT_END.search(end, max(0, len(end) - 12)):
                continue
            verb = None
        else:
            continue
        if re.match(r"\S*\s(?:\S+\s)?\S*(?:된|한|하는|되는)\s", text[m.end:m.end + 20]):
            continue  # '회의에서 논의된 방안을': the venue of a clause that describes something else
        near = [a for a in ms if a.label in _AGENTS and not a.attrs.get("byline") and _subject(view, a)
                and ss <= a.start and (a.end <= m.start and m.start - a.end <= 40 or m.end <= a.start <= m.end + 30)
                and (verb is None or a.end <= verb.start())]
        agents = [a for a in ms if a.label in _AGENTS and not a.attrs.get("byline")]
        by_key = {a.key: a for a in agents}
        orgs = {tuple(p.attrs.get("_org") or ()) for p in ms if p.label == "PERSON"}
        for a in near:  # '산업부는 A를, 과기정통부는 B를 보고했다', '산업부, 기재부 등 관계부처는'
            for b in _chain_back(view, agents, a):
                if b.key in orgs:
                    continue  # a person's body goes with the person, below
                add("PARTICIPATES_IN", b, m, si)
                org = by_key.get(tuple(b.attrs.get("_org") or ()))  # 'A 삼성전자 사장과 B …': the company too,
                if b.label == "PERSON" and org is not None and org.label != "MINISTRY":  # not an official's ministry
                    add("PARTICIPATES_IN", org, m, si)


# 'X는 A가 주최하고 B가 주관한다', "'X'는 A 주최, B 주관으로 열린다": the host holds it
_HOSTS = re.compile(r"(?:이|가)?\s주최(?:하고|하며|한다|했다|하였다|합니다|,|\s|하는)")
_HOSTED = re.compile(r"\s?(?:\S+(?:이|가)?\s주관(?:하는|한|으로)\s)?(?:이번\s|올해\s)?['‘\"“「『]?")
# 'A는 B와 공동으로 X를 개최했다': both hold it
_JOINTLY = re.compile(r"(?:와|과)\s공동(?:으로)?\s(?:\S+\s){0,3}?['‘\"“「『]?")
_HOLD = re.compile(r"['’\"”」』]?(?:을|를)\s(?:\S+\s)?(?:개최|주최|열|연다|출범|발표|추진|운영)")


def _hosts(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """ANNOUNCES for the host of an event named as the sentence's topic, and for both
    bodies that hold something jointly."""
    text = view.text
    ss, se = sent
    bodies = [m for m in ms if m.label in ("MINISTRY", "ORGANIZATION", "COMPANY")]
    for b in bodies:
        if (h := _HOSTS.match(text, b.end)) is not None:
            topic = [x for x in inits if ss <= x.start and x.end <= b.start and _bare_tail(view, x) in ("은", "는")]
            # '국토교통부가 주최하고 해외건설협회가 주관하는 이번 국제 회의에는': the event the clause describes
            held = [x for x in inits if x.start >= h.end() and _HOSTED.fullmatch(text, h.end(), x.start)]
            if held:
                add("ANNOUNCES", b, held[0], si)
            elif topic and not any(topic[-1].end < m.start < b.start and m.label in _AGENTS and _subject(view, m)
                                   for m in ms):
                add("ANNOUNCES", b, topic[-1], si)
        if (j := _JOINTLY.match(text, b.end)) is not None:
            x = next((i for i in inits if i.start == j.end()), None)
            subj = [m for m in bodies if ss <= m.start and m.end <= b.start and _subject(view, m)]
            if x is not None and subj and _HOLD.match(text, x.end):
                for h in (subj[-1], b):
                    add("ANNOUNCES", h, x, si)


# 'X에 참석한 A 장관은 …': the clause describes the attendee that follows it
# ("'X 업무협약'을 체결한 A와 B는": the parties the clause describes)
_ATTENDED = re.compile(r"['’\"”」』]?(?:(?:에|에는)\s(?:직접\s|함께\s|새로\s|신규로\s|추가로\s)?(?:참석|참여|참가|가입|합류)|(?:을|를|에)\s(?:체결|서명))(?:한|했던|하는|하고\s있는)\s"
                       r"|['’\"”」』]?에\s(?:초청|초대)(?:된|받은)\s")  # "'X'에 초청된 A와 B 대표는"


def _attendee_after(view: TextView, ms: list, inits: list, si: int, add: Callable) -> None:
    """PARTICIPATES_IN for who a '…에 참석한' clause describes ('이날 개막식에 참석한 안덕근
    장관은'); an official's ministry in the title is not there with them, a company is."""
    text = view.text
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
    for x in inits:
        a = _ATTENDED.match(text, x.end)
        first = next((m for m in agents if a is not None and m.start == a.end()), None)
        if first is None:
            continue
        for m in _chain_forward(view, agents, first):
            person_org = any(p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == m.key for p in ms)
            if not (person_org and m.label == "MINISTRY"):
                add("PARTICIPATES_IN", m, x, si)


# 'A 장관을 초청한 가운데 X를 개최했다', 'A 회장 등을 초청해 간담회를 열었다'
_INVITE = re.compile(r"(?:\s?등)?(?:을|를)\s초청(?:한\s가운데|해|하여|하고)\s")


def _invited(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """Who is invited to the meeting the sentence holds takes part in it."""
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415
    text = view.text
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
    for inv in _INVITE.finditer(text, *sent):
        guests = [m for m in agents if m.end <= inv.start() and inv.start() - m.end <= 14
                  and re.fullmatch(r"(?:\s[가-힣0-9]{1,10}){0,2}", text[m.end:inv.start()].removesuffix(" 등").removesuffix("등"))]
        meeting = next((x for x in inits if x.start >= inv.end() and x.attrs.get("kind") == "meeting"
                        and _bare_tail(view, x) in ("을", "를")), None)
        if not guests or meeting is None or meeting.start - inv.end() > 40:
            continue
        for m in _chain_back(view, agents, guests[-1]):
            person_org = any(p.label == "PERSON" and tuple(p.attrs.get("_org") or ()) == m.key for p in ms)
            if not (person_org and m.label == "MINISTRY") and _phrase_tail(view, m) not in ("은", "는", "이", "가"):
                add("PARTICIPATES_IN", m, meeting, si)


# a part at the event: '발표자로 나섰다', '기조강연을 맡았다', '토론자로 참여했다'
_PART = re.compile(r"(?:발표자|토론자|발제자|연사|패널|사회자|심사위원)(?:로|으로)\s(?:나서|나섰|나선|나섭|참여|참석|참가)"
                   r"|(?:기조강연|기조연설|주제발표|발표|발제|축사|환영사|격려사|개회사|사회|토론|강연)(?:을|를)\s(?:맡|했|하|진행)")


def _role_at(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """'이날 포럼에서는 A 상무가 발표자로 나섰다': who has a part at the event takes part in it."""
    text = view.text
    ss, se = sent
    part = _PART.search(text, ss, se)
    if part is None:
        return
    venue = [x for x in inits if x.end <= part.start() and x.attrs.get("kind") == "meeting"
             and _bare_tail(view, x) in ("에서", "에서는", "에는")]
    if not venue:
        return
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
    subj = [m for m in agents if venue[-1].end < m.start and m.end <= part.start() and _subject(view, m)]
    orgs = {tuple(p.attrs.get("_org") or ()) for p in ms if p.label == "PERSON"}
    for m in _chain_back(view, agents, subj[-1]) if subj else ():
        if m.start > venue[-1].end and m.key not in orgs:  # '이민수 서울대 교수': the person, not his university
            add("PARTICIPATES_IN", m, venue[-1], si)


# visiting an event: "'X 박람회'를 찾아", '개막식을 방문해'
_VISIT = re.compile(r"['’\"”」』]?(?:을|를)\s(?:직접\s)?(?:찾아|찾았|방문(?:해|했|하고|하여|한다))")


def _at_event(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable,
              cue: re.Pattern, one_object: bool = False) -> None:
    """Who, as the subject, does what `cue` reads right after an event (a meeting, fair or
    ceremony, not a place) takes part in it: visits it (_VISIT), takes its stage (_STAGE).
    With `one_object`, not when another initiative stands between them as the object."""
    text = view.text
    ss, _se = sent
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
    for x in inits:
        if x.attrs.get("kind") != "meeting" or not cue.match(text, x.end):
            continue
        subj = [m for m in agents if ss <= m.start and m.end <= x.start and _subject(view, m)]
        if subj and not (one_object and any(i.end <= x.start and i.start > subj[-1].end
                                            and _bare_tail(view, i) in ("을", "를") for i in inits)):
            for m in _chain_back(view, agents, subj[-1]):
                add("PARTICIPATES_IN", m, x, si)


# "'X 간담회'를 열고 A, B 등과 … 논의했다": who the meeting just held talks with
_HELD_THEN = re.compile(r"['’\"”」』]?(?:을|를)\s(?:열고|열어|개최하고|개최해|갖고|가지고|가졌으며|진행하고)\s")
_WITH_TALK = re.compile(r"(?:\s[가-힣]{1,6})?(?:\s?등)?(?:\s[가-힣]{1,8}){0,2}(?:과|와)\s(?:함께\s)?(?:[^\s,.]+\s){0,4}?"
                        r"(?:논의|협의|의견을\s(?:나누|교환)|간담|대화|소통|머리를\s맞대)")


def _held_then_with(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """PARTICIPATES_IN for who the subject talks with at the meeting it has just held."""
    text = view.text
    agents = [m for m in ms if m.label in _AGENTS and not m.attrs.get("byline")]
    for x in inits:
        h = _HELD_THEN.match(text, x.end)
        if x.attrs.get("kind") != "meeting" or h is None:
            continue
        first = next((m for m in agents if 0 <= m.start - h.end() <= 40), None)
        chain = _chain_forward(view, agents, first) if first is not None else []
        if not chain or not _WITH_TALK.match(text, chain[-1].end):
            continue
        last = chain[-1]
        for m in _chain_back(view, agents, last):
            if m.start >= h.end():
                add("PARTICIPATES_IN", m, x, si)


# performing or speaking at the event: "'X' 무대에 오른다", '기념식 단상에 섰다', '이희아 씨가 신년인사회 무대에 오릅니다'
_STAGE = re.compile(r"['’\"”」』]?(?:의)?\s(?:무대|단상|연단)(?:에|에서)\s(?:\S+\s)?(?:오르|오릅|올라|올랐|섰|선다|섭니다|서서)")
