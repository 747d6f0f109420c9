"""Who receives a report and who gives it, and which body a law belongs to: two shapes of
state-agency text that the trigger rules (relations.py) do not read.

    대통령은 A부와 B부로부터 업무보고를 받았다        LEADS 대통령 → 업무보고, PARTICIPATES_IN A부, B부
    대통령은 X 장관으로부터 업무보고를 받았다         … and X (with the ministry in the title)
    … 관련 이도운 대변인 서면 브리핑                 LEADS 이도운 → 서면 브리핑
    A법과 B법 등 과기정통부 소관 6개 법률이 통과      LEADS 과기정통부 → A법, B법
    우주항공청은 … A법, B법 등 7개 법률을 소관하고   LEADS 우주항공청 → A법, B법

The guideline (ingest/nlp/gold/README.md, third and fourth batches): the one who receives a
work briefing presides over it, the bodies and ministers who report take part; laws and
bills under a body's jurisdiction (소관) are led by it.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.roles import AGENTS, chain_back, subject
from ingest.nlp.view import TextView

# '업무보고를 받았다', "'…' 보고를 받고": receiving the report (not '보고를 받은 뒤 지시했다' alone:
# any tense of 받다 will do, the receiver is the clause's subject)
_RECEIVED = re.compile(r"['’\"”」』]?(?:을|를)\s(?:[가-힣]+\s){0,1}받(?:았|는|고|은|기|아|습|으며|을)")
_REPORT_HEAD = re.compile(r"(?:보고|보고회|브리핑)$")
# 'A부로부터', 'X 산업부 장관으로부터': the one who reports (the rest of a title phrase between)
_FROM = re.compile(r"(?:\s[가-힣·]{1,12}){0,2}?(?:으로|로)부터\s")
# 'A부를 시작으로', 'B부·C부 등에 대해 … 업무보고를': the bodies whose reports are received
_FIRST_OF = re.compile(r"(?:을|를)\s시작으로\s|(?:\s?등)?에\s?(?:대해|대한|대하여)\s(?:[가-힣]+\s)?['‘\"“「『]?(?:[가-힣]+\s)?(?:업무보고|보고)")
# '… 등 과기정통부 소관 6개 법률', '과기정통부 소관 법률안을': the body named right before 소관
_UNDER = re.compile(r"\s소관(?:의)?\s(?:[\d,]+개\s?)?(?:법률|법안|법령|법|법률안|개정안|제정안)")
# 'X청은 … A법, B법 등 총 7개 법률을 소관하고': the subject holds them
_HOLDS = re.compile(r"(?:\s?등)?(?:\s총)?(?:\s[\d,]+개)?\s?(?:법률|법령|법안|법률안)(?:을|를)\s소관(?:하|한|해)")
_BRIEFER = re.compile(r"\s(?:수석\s?|선임\s?)?(?:부대변인|대변인|공보관|홍보담당관)\s")
_LIST_GAP = re.compile(r"['’\"”」』]?(?:\s?(?:,|와|과|및|·)\s?|\s)['‘\"“「『]?")


def report_relations(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable,
                     prev: list = ()) -> None:
    """Add the relations of a received report and of the laws a body holds (see the module);
    `prev`: the mentions of the sentence before (a subjectless sentence goes on with its topic)."""
    _received(view, ms, inits, si, add)
    for r in inits:  # '… 관련 이도운 대변인 서면 브리핑': the spokesperson named before it gives it
        p = next((m for m in ms if m.label == "PERSON" and _BRIEFER.fullmatch(view.text, m.end, r.start)), None)
        if p is not None and view.text.endswith("브리핑", r.start, r.end):
            add("LEADS", p, r, si)
    if "소관" in view.text[sent[0]:sent[1]]:
        _jurisdiction(view, ms, inits, sent, si, add, prev)


def _received(view: TextView, ms: list, inits: list, si: int, add: Callable) -> None:
    text = view.text
    for r in inits:
        if not _REPORT_HEAD.search(text, r.start, r.end) or not _RECEIVED.match(text, r.end):
            continue
        agents = [m for m in ms if m.label in AGENTS and m.end <= r.start]
        givers = [m for m in agents if _FROM.match(text, m.end) or _FIRST_OF.match(text, m.end)]
        found: list = []
        for g in givers:  # 'A부와 B부로부터', 'A부를 시작으로 B부·C부 등에 대해'
            chain = chain_back(view, agents, g)
            found += [m for m in chain if m not in found]
            i = agents.index(chain[-1])
            # 'A부에 이어 B부와 C부로부터': the one before 에 이어 reported too
            while i > 0 and re.fullmatch(r"에\s이어\s(?:[가-힣]+\s)?", text[agents[i - 1].end:agents[i].start]):
                i -= 1
                found += [m for m in chain_back(view, agents, agents[i]) if m not in found]
        for m in found:
            add("PARTICIPATES_IN", m, r, si)
            org = m.attrs.get("_org")
            body = next((o for o in ms if org and o.key == tuple(org) and o.label == "MINISTRY"), None)
            if m.label == "PERSON" and body is not None:
                add("PARTICIPATES_IN", body, r, si)  # the minister reports for the ministry
        chair = [m for m in agents if m.label == "PERSON" and m not in found and subject(view, m)
                 and (not givers or m.end <= givers[0].start)]
        if chair:
            add("LEADS", chair[-1], r, si)


def _jurisdiction(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable,
                  prev: list) -> None:
    text = view.text
    laws = [m for m in inits if m.attrs.get("kind") == "law" or re.search(r"(?:법|법안|개정안|법률)$", text[m.start:m.end])]
    for u in _UNDER.finditer(text, *sent):
        body = next((m for m in reversed(ms) if m.label == "MINISTRY" and m.end == u.start()), None)
        if body is not None:
            for law in _listed_before(view, laws, body.start):
                add("LEADS", body, law, si)
    for h in _HOLDS.finditer(text, *sent):
        bodies = [m for m in ms if m.label == "MINISTRY" and m.end <= h.start() and subject(view, m)]
        if not any(subject(view, m) for m in ms if m.end <= h.start()):  # 'X청은 … 관장합니다. … 법률을 소관하고'
            bodies = [m for m in prev if m.label == "MINISTRY" and view.tail(m.end) in ("은", "는")][:1]
        if bodies:
            for law in _listed_before(view, laws, h.start() + 1):
                add("LEADS", bodies[0], law, si)


def _listed_before(view: TextView, laws: list, end: int) -> list:
    """The laws of the list that ends right before `end` ('A법, B법 등 …'): the last one
    within a few words of it, and those joined to it by commas or conjunctions."""
    text = view.text
    before = [m for m in laws if m.end <= end]
    if not before or not re.fullmatch(r"['’\"”」』]?(?:\s?등)?(?:\s[가-힣]{1,8}){0,1}\s?", text[before[-1].end:end]):
        return []
    out = [before[-1]]
    for m in reversed(before[:-1]):
        gap = text[m.end:out[-1].start]
        if not _LIST_GAP.fullmatch(gap) and not re.fullmatch(r"['’\"”」』]?,\s[^,]{0,20}?(?:부에서|처에서|청에서)\s이관받은\s", gap):
            break
        out.append(m)
    return out
