"""Who takes part, in the clauses of a press release: the parties to an agreement, the
clause a trigger belongs to, and who is only named beside the participants.

    한국전력은 삼성물산과 '… 업무협약(MOU)'을 체결했다     both parties sign
    A, B, C 등 기업 대표가 참석한 가운데 …                  a list's commas end no clause
    X에 참여할 기업을 모집한다                              the subject does not take part
    SK그룹의 연수원에서 … 참가한 가운데                     the owner of the venue does not

Helpers of relations.py (its participation rule), kept apart to keep that module readable.
"""
from __future__ import annotations

import re

from ingest.nlp.view import TextView


def _adnominal_after() -> re.Pattern:
    from ingest.nlp.relations import ADNOMINAL_AFTER  # noqa: PLC0415 (relations imports this module)
    return ADNOMINAL_AFTER


# the agreement as the object of signing: "'X 업무협약(MOU)'을 체결", 'X 협약을 맺었다'
SIGNED = re.compile(r"['’\"”」』]?(?:\([^)]{0,12}\))?['’\"”」』]?(?:을|를)\s(?:[가-힣]+\s)?")


# what follows an adnominal trigger that is no participant: '참석한 가운데', '가입할 예정이다'
_NOT_A_NOUN = re.compile(r"(?:가운데|뒤|후|데|바|것|만큼|이후|예정|계획|방침|수\s|전망)")


def describes_others(view: TextView, t: int) -> bool:
    """'X에 참여할 기업을 모집한다': the trigger describes a noun after it (who will take
    part), so the sentence's subject is not the one who takes part."""
    m = _adnominal_after().match(view.text[t:t + 12])
    return m is not None and not _NOT_A_NOUN.match(view.text, t + m.end())


# a quoted clause the subject reports: '… 참여하고 있다면서', '… 참석한다고'
_QUOTATIVE = re.compile(r"(?:\S+\s){0,2}?\S*?(?:다|라)(?:면서|며|고)[\s,]")


def reports_others(view: TextView, t: int) -> bool:
    """'청와대는 많은 시민들이 이번 행사에 참여하고 있다면서 …': the trigger ends a quoted clause
    with a subject of its own (a word marked 이/가 between its clause start and the trigger),
    so the sentence's topic only reports who takes part."""
    if not _QUOTATIVE.match(view.text, t):
        return False
    lo = max(view.text.rfind("는 ", 0, t), view.text.rfind("은 ", 0, t))
    return lo >= 0 and any(mo.tag == "JKS" for mo in view.morphs_in(lo + 2, t))


def clause_start(view: TextView, lo: int, t: int) -> int:
    """Where the clause of the trigger at `t` begins: after the last connective ending with
    a comma ('…를 열고,', '…하며,'); the commas of a list ('A, B, C 등이 참석한') do not end
    a clause."""
    start = lo
    for mo in view.morphs_in(lo, t):
        if mo.tag == "EC" and view.text.startswith(",", mo.end):
            start = mo.end + 1
    return start


_MEMBERS = re.compile(r"\s?(?:회원국|회원사|가맹국|가입국|산하|소속)")


def possessor(view: TextView, ms: list, m) -> bool:
    """'SK그룹의 사회적기업 행복나래에서': a body marked 의 before a word that is no
    mention owns the place or thing, it is not one of the participants; nor is a body before
    its members or units ('ITU 회원국의 장관이 참여해', '산업부 산하 기관이 참석')."""
    if _MEMBERS.match(view.text, m.end):
        return True
    if view.tail(m.end) != "의":
        return False
    return not any(0 < o.start - m.end <= 3 for o in ms)


def parties(view: TextView, agents: list, target) -> list:
    """The parties to an agreement, before it in its clause: the subject and whoever it
    signs with ('A는 B와 협약을 체결했다', 'A와 B는 …', 'A와 [unrecognised body]은 …')."""
    from ingest.nlp.relations import AGENT_TAILS, _joined, _phrase_tail  # noqa: PLC0415 (relations imports this module)
    first = min((m.start for m in agents), default=target.start)
    lo = clause_start(view, first, target.start)
    out: list = []
    for m in reversed([m for m in agents if lo <= m.start and m.end <= target.start]):
        if m.label == "PERSON" and m.attrs.get("_org"):
            continue  # '김 사장과 …': the person's body signs (the title rule links them)
        tail = _phrase_tail(view, m)
        if not tail and (w := _LIST_WITH.match(view.text, m.end)):
            tail = w.group(1)  # 'A, B, C 등 15개 기업과 협약을 체결했다': the list's partner particle
        # 'A, B와 협약을': the first of a list has only a comma after it
        if tail in AGENT_TAILS or tail in ("와", "과", "와는", "과는") or out and _joined(view, m, out[-1]):
            out.append(m)
    return out


# a list of partners closed by 등, its kind and count: '… 등 완성차 5개사와', '… 등 15개 기업과'
_LIST_WITH = re.compile(r"\s?등\s(?:[가-힣A-Za-z·]+\s){0,2}(?:[\d,]+여?\s?개?\s?[가-힣]*\s?)?[가-힣]*?(와|과)(?:는)?\s")
