"""Who holds the meeting a news report announces in its lead and names in a later sentence:

    김현미 국토교통부 장관은 오는 26일 … 건설업계 대표들을 만나 … 당부할 예정이다. … 이날 간담회엔 … 참석한다.
                        LEADS 김현미 → 간담회
    김종철 위원장이 이동통신 3사 대표자를 만나 … 구체화한다. 방미통위는 … 만나 현안 간담회를 진행한다.
                        LEADS 김종철 → 현안 간담회

    원자력안전위원회는 전날 … 진행된 제35차 전체회의를 통해 … 계속운전을 결정했다.
                        ANNOUNCES 원자력안전위원회 → 제35차 전체회의 (a commission decides through its own sitting)

    박영수 장관은 이날 간담회에서 A 현대자동차 사장, B 기아 부사장과 의견을 나눴다.
                        PARTICIPATES_IN A, 현대자동차, B, 기아 → 간담회 (whom he talks with there)

A report opens with the head who meets people ('…를 만나', '…를 초청해') and names the meeting
itself only a sentence or two later, where no verb of his governs it. The guideline (real-dev-60,
the news notes): the head of the sentence before holds the meeting the next sentences name, as a
named person who holds a meeting leads it. Only sit-down meetings (간담회, 면담, 오찬 …), not a
forum or a ceremony he may merely attend.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.titles import LEAD_TITLES
from ingest.nlp.view import TextView

# meeting people, in the lead: '대표들을 만나', '만날 예정이다', '초청해 대화하는 자리를 마련한다'
_MEETS = re.compile(r"(?:을|를)\s(?:\S+\s){0,2}?(?:만나|만날|만난다|만났|초청해|초청하여|초청한다)")
# a sit-down meeting with the people met
_SIT_DOWN = re.compile(r"(?:간담회|면담|회동|오찬|만찬|조찬|대화|회담|미팅)$")
_REACH = 2  # sentences after the lead


def meeting_hosts(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """LEADS for the head who meets people in one sentence and the sit-down meeting a sentence or
    two later names without a holder of its own."""
    text = view.text
    for si, ms in enumerate(buckets):
        ss, se = sents[si]
        if not any(w in text[ss:se] for w in ("만나", "만날", "만난", "만났", "초청")):
            continue
        if any(m.label == "INITIATIVE" and m.attrs.get("kind") == "meeting" for m in ms):
            continue  # the sentence names its meeting: the sentence rules'
        head = next((p for p in ms if p.label == "PERSON" and _heads(p) and not p.attrs.get("byline")
                     and _subject(view, p)), None)
        if head is None or not _MEETS.search(text, head.end, se):
            continue
        for k in range(si + 1, min(len(buckets), si + 1 + _REACH)):
            later = buckets[k]
            if any(p.label == "PERSON" and _heads(p) and _subject(view, p) for p in later):
                break  # another head speaks or acts
            meeting = next((m for m in later if m.label == "INITIATIVE" and m.attrs.get("kind") == "meeting"), None)
            if meeting is None:
                continue
            if _SIT_DOWN.search(text[meeting.start:meeting.end]) and not _attended(view, meeting):
                add("LEADS", head, meeting, k)
            break


def _heads(p) -> bool:
    """A head by title: '장관', '위원장', also fused with the body ('방송통신위원장', '대한건설협회장')."""
    title = p.attrs.get("title") or ""
    return title in LEAD_TITLES or title.endswith(("위원장", "장관", "회장", "청장", "처장", "원장"))


def _subject(view: TextView, m) -> bool:
    from ingest.nlp.relations import _phrase_tail  # noqa: PLC0415 (relations imports this module)
    return _phrase_tail(view, m) in ("은", "는", "이", "가", "께서")


def _attended(view: TextView, m) -> bool:
    """'… 간담회에 참석해': a meeting someone goes to, not one he holds."""
    return re.match(r"['’\"”」』]?에\s(?:\S+\s)?(?:참석|참가|참여)", view.text[m.end:m.end + 20]) is not None


# a commission deciding through its own sitting: '… 제35차 전체회의를 통해 … 결정했다'
_THROUGH = re.compile(r"['’\"”」』]?(?:을|를)\s통(?:해|하여)\s")
_DECIDES = re.compile(r"(?:결정|의결|확정|승인|가결|허가)(?:했|하였|한다|키로|하기로)")
# its own sitting: a plenary or numbered one ('제35차 전체회의'), not the cabinet's ('국무회의')
_OWN_SITTING = re.compile(r"(?:전체회의|본회의|정례회의|임시회의)$|^제\s?\d+\s?차\s?\S*회의$")


def decided_through(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """ANNOUNCES for the body that decides something through its own sitting ('원안위는 … 제35차
    전체회의를 통해 … 결정했다'), as a commission holds its plenary sitting (the news notes)."""
    text = view.text
    for si, ms in enumerate(buckets):
        ss, se = sents[si]
        if "통해" not in text[ss:se] and "통하여" not in text[ss:se]:
            continue
        for x in ms:
            if x.label != "INITIATIVE" or x.attrs.get("kind") != "meeting" or not _OWN_SITTING.search(text[x.start:x.end]):
                continue
            through = _THROUGH.match(text, x.end)
            if through is None or not _DECIDES.search(text, through.end(), se):
                continue
            bodies = [b for b in ms if b.label in ("MINISTRY", "ORGANIZATION") and ss <= b.start and b.end <= x.start
                      and _subject(view, b) and view.tail(b.end)[:1] in ("은", "는", "이", "가")]
            if bodies and not any(m.label in ("MINISTRY", "ORGANIZATION", "PERSON") and bodies[-1].end <= m.start < x.start
                                  for m in ms):
                add("ANNOUNCES", bodies[-1], x, si)


# talking with someone at the meeting: '… A 사장, B 부사장과 의견을 나눴다', '… 와 논의했다'
_TALKED_WITH = re.compile(r"(?:\s[가-힣]{1,10}){0,2}?(?:\s?등)?(?:과|와)\s(?:함께\s)?(?:[^\s,.]+\s){0,3}?"
                          r"(?:의견을\s(?:나눴|나누었|나눈다|나눌|교환)|논의(?:했|한다|할\s)|대화를\s(?:나눴|나누었|나눈다)|환담|협의(?:했|한다))")


def talked_at(view: TextView, sents: list[tuple[int, int]], buckets: list[list], add: Callable) -> None:
    """PARTICIPATES_IN for whom the subject talks with at a meeting named as the place ('이날
    간담회에서 A 사장, B 부사장과 의견을 나눴다'), with their companies."""
    from ingest.nlp.news_relations import _chain, _officers  # noqa: PLC0415
    text = view.text
    for si, ms in enumerate(buckets):
        ss, se = sents[si]
        for x in ms:
            if x.label != "INITIATIVE" or x.attrs.get("kind") != "meeting" or view.tail(x.end) not in ("에서", "에서는"):
                continue
            agents = [m for m in ms if m.label in ("COMPANY", "PERSON", "MINISTRY", "ORGANIZATION") and m.start > x.end
                      and not m.attrs.get("byline")]
            last = next((m for m in agents if _TALKED_WITH.match(text, m.end)), None)
            if last is None:
                continue
            chain = _chain(view, agents[:agents.index(last) + 1])
            if any(_subject(view, m) for m in chain):
                continue
            for m in _officers(ms, chain):
                add("PARTICIPATES_IN", m, x, si)
