"""'양 기관은 … 협약을 체결했다': the two parties named before sign what the sentence names.

News items and releases name the two parties of an agreement once, often in the lead or
a sentence that is about something else, and then write the signing with '양 기관', '양사',
'양측' or '두 회사' as its subject:

    한빛전자와 누리소프트가 인공지능 공동 연구에 나선다.
    양사는 22일 서울에서 'AI 공동연구 업무협약'을 체결했다.     PARTICIPATES_IN 한빛전자, 누리소프트 → the agreement

The guideline (gold/README.md): who signs an agreement takes part in it. The pair is the
subject of an earlier sentence (up to three sentences back), two bodies or companies
coordinated ('A와 B가', 'A·B는') or the subject and its partner ('A는 B와 손잡고'); a pair named as anything else (an object, a list of
more) is not what '양 기관' points back to.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.roles import chain_back, subject
from ingest.nlp.view import TextView

_BODIES = ("COMPANY", "ORGANIZATION", "MINISTRY")
# '양 기관은', '양사는', '양측이', '두 회사는', '양 기관도'
_PAIR = re.compile(r"(?<![가-힣])(?:양\s?(?:기관|사|측|부처|단체|기업|공사)|두\s(?:기관|회사|기업|단체|부처))(?:은|는|이|가|도)\s")
# signing what the sentence names: "'X'을 체결했다", '협약서에 서명했다', 'MOU를 맺었다', '협약식을 가졌다'
_SIGNS = re.compile(r"['’\"”」』]?(?:을|를|에)\s(?:\S+\s){0,2}?(?:체결|맺|서명|교환)"
                    r"|(?<=식)['’\"”」』]?(?:을|를)\s(?:\S+\s)?(?:가졌|갖고|가진|개최|열)")

# the partner of a subject that acts with it: 'A는 B와 손잡고', 'A는 B와 함께'
_PARTNER = re.compile(r"(?:와|과)\s(?:손(?:을\s)?잡고|함께|협력해|협력하여|공동으로)\s")


def pair_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                   add: Callable) -> None:
    """PARTICIPATES_IN for the pair named before, of what a '양 기관은 …' sentence signs."""
    text = view.text
    if _PAIR.search(text) is None:  # cheap pre-check
        return
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        cue = _PAIR.search(text, ss, se)
        if cue is None or si == 0:
            continue
        signed = [x for x in ms if x.label == "INITIATIVE" and x.start >= cue.end() and _SIGNS.match(text, x.end)]
        pair = _pair_before(view, sents, buckets, si)
        if not signed or not pair:
            continue
        for m in pair:
            add("PARTICIPATES_IN", m, signed[0], si)


def _pair_before(view: TextView, sents: list, buckets: list[list], si: int) -> list:
    """The two bodies coordinated as the subject of the nearest of the three sentences before."""
    for sj in range(si - 1, max(-1, si - 4), -1):
        agents = [m for m in buckets[sj] if m.label in _BODIES and not m.attrs.get("byline")]
        for last in reversed(agents):
            if not subject(view, last):
                continue
            pair = chain_back(view, agents, last)
            if len(pair) == 1:  # 'A는 B와 손잡고 …': the subject and its partner
                partner = [m for m in agents if m.start > last.end and _PARTNER.match(view.text, m.end)]
                pair = [last, partner[0]] if len(partner) == 1 else pair
            if len(pair) == 2:
                return pair
            break  # the subject is one body or a list of more: not the pair
    return []
