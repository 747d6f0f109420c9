"""Who is present by what is said of them there: the spoken roll of a hearing or a broadcast,
and the speech a guest gives (minutes.py reads the other roll, '… 증인을 소개 … X입니다').

A committee chair opens a hearing by naming the witnesses one sentence each, and a
broadcast host names the guest beside them, with no verb of attending and no event in
the sentence:

    … 공청회를 실시하겠습니다. 먼저 오늘 공청회에 참석하신 진술인을 소개해 드리겠습니다.
    한동대학교 유승익 교수께서 나와 주셨습니다.          PARTICIPATES_IN 유승익, 한동대학교 → 공청회
    제 옆에는 정혜승 비서관님 나오셨습니다.              PARTICIPATES_IN 정혜승 → the programme

A speaker is named by the speech given there, with the event before it ('A 장관은 'X 박람회'
개막식 축사를 통해 …', "'X 포럼' 기조연설에서") or in the two sentences before ('… 개막식에는 A 총리 등이
참석했다. 한 총리는 축사를 통해 …'): the sentence's subject takes part in the event (`speakers_at`; an
opening address is the host's, not read; a host is dropped by relations.py's host filter).

The guideline (gold/README.md): a person attending on behalf of a company or body takes
part, and so does the company or body (not an official's ministry). The event is the last
meeting or programme the document named before the sentence.
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

# being there, said of a guest: '나와 주셨습니다', '나오셨습니다', '참석해 주셨습니다'
_CUE = re.compile(r"나와\s?주셨|나와\s?주시|나오셨|나와\s?계십|나와\s?계시|참석해\s?주셨|참석하셨|자리해\s?주셨"
                  r"|자리하셨|함께해\s?주셨|함께하셨|출석하셨")
# after the name, the rest of the title phrase ('연구원장', '경영학부 교수') and being there:
# '교수께서 나와 주셨습니다', '비서관님 나오셨습니다', '위원 나오셨고', '이사장께서 참석해 주셨습니다'
_PRESENT = re.compile(r"(?:\s[가-힣A-Za-z]{1,10}?){0,2}(?:께서|님께서|님이|님)?\s(?:" + _CUE.pattern + ")")
# the body before a guest's name, or its unit between: '한양대학교 경영학부 신민수 교수'
_UNIT = re.compile(r"(?:\s[가-힣]{1,10}(?:학부|학과|대학원|연구소|센터|본부|실|팀))?\s")
_PROGRAMME = re.compile(r"(?:입니다|방송|뉴스|브리핑)$")


def introduced_participants(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                            add: Callable) -> None:
    """PARTICIPATES_IN for each person a sentence introduces as present (see the module docstring)."""
    text = view.text
    if _CUE.search(text) is None:  # cheap pre-check: most documents introduce nobody
        return
    events = [m for m in mentions if m.label == "INITIATIVE"
              and (m.attrs.get("kind") == "meeting" or _PROGRAMME.search(text, m.start, m.end))]
    by_key = {m.key: m for m in mentions}
    chained: dict[int, object] = {}  # sentence → the event its introduction named
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        if _CUE.search(text, ss, se) is None:
            continue
        # the event named in the two sentences before ('… 참석하신 진술인을 소개해 드리겠습니다'), or
        # the one of the introduction just before ('다음은 … 나와 주셨습니다'); an event named further
        # back is what the programme talks about, not where the guest is
        near = [m for m in events if sents[max(0, si - 2)][0] <= m.start and m.end <= ss]
        target = near[-1] if near else chained.get(si - 1)
        if target is None:
            continue
        chained[si] = target  # (also when the name is not recognised: the roll goes on)
        for p in ms:
            if p.label != "PERSON" or p.attrs.get("byline"):
                continue
            if _PRESENT.match(text, p.end, se) is None:
                continue
            add("PARTICIPATES_IN", p, target, si)
            org = by_key.get(tuple(p.attrs.get("_org") or ()))
            if org is None:  # 'LG AI연구원 배경훈 연구원장께서', '한양대학교 경영학부 신민수 교수께서': the body before the name
                org = next((m for m in ms if m.end <= p.start and _UNIT.fullmatch(text, m.end, p.start)), None)
            if org is not None and org.label in ("COMPANY", "ORGANIZATION"):
                add("PARTICIPATES_IN", org, target, si)


# a speech at the event named right before it: "'X 포럼' 기조연설에서", '개막식 축사를 통해'
_SPEECH = re.compile(r"['’\"”」』]?(?:의)?\s(?:축사|기조연설|기조강연|격려사|특별강연|주제발표)"
                     r"(?:를\s통해|을\s통해|에서|에서는|을\s하며|를\s하며|을\s하면서|를\s하면서)\s")


# the speech with no event before it: '한 총리는 (이날) 축사를 통해 …' after '… 개막식에는 …이 참석했다'
_SPEECH_BARE = re.compile(r"(?:\s[가-힣0-9]{1,10}){0,3}(?:은|는|이|가)\s(?:이날\s|이어\s|또\s)?(?:축사|기조연설|기조강연|격려사)"
                          r"(?:를\s통해|을\s통해|에서)\s")


def speakers_at(view: TextView, buckets: list[list], add: Callable, sents: list[tuple[int, int]] | None = None) -> None:
    """PARTICIPATES_IN for the subject who gives a speech named after an event, or at the
    event the sentence before named when the speech stands alone."""
    from ingest.nlp.roles import chain_back, subject  # noqa: PLC0415 (roles imports relations)
    text = view.text
    if sents is not None and ("축사" in text or "연설" in text or "기조강연" in text or "격려사" in text):
        for si, ms in enumerate(buckets):
            if si == 0 or any(m.label == "INITIATIVE" for m in ms):
                continue
            agents = [m for m in ms if m.label in ("PERSON", "COMPANY", "ORGANIZATION", "MINISTRY") and not m.attrs.get("byline")]
            first = next((m for m in agents if _SPEECH_BARE.match(text, m.end)), None)
            near = [m for sj in range(max(0, si - 2), si) for m in buckets[sj]
                    if m.label == "INITIATIVE" and m.attrs.get("kind") == "meeting"]
            if first is not None and near:
                for m in chain_back(view, agents, first):
                    add("PARTICIPATES_IN", m, near[-1], si)
    for si, ms in enumerate(buckets):
        for x in ms:
            if x.label != "INITIATIVE" or x.attrs.get("kind") != "meeting" or not _SPEECH.match(text, x.end):
                continue
            agents = [m for m in ms if m.label in ("PERSON", "COMPANY", "ORGANIZATION", "MINISTRY") and m.end <= x.start
                      and not m.attrs.get("byline")]
            subj = [m for m in agents if subject(view, m)]
            if not subj or any(subj[-1].end < i.start < x.start and i.label == "INITIATIVE"
                               and view.tail(i.end).lstrip("'’\"”」』") in ("을", "를") for i in ms):
                continue
            for m in chain_back(view, agents, subj[-1]):
                add("PARTICIPATES_IN", m, x, si)
