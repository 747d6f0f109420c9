"""A head of a body who opens a briefing presents the body's own plans.

A minister's or agency head's briefing opens with who speaks ('안녕하십니까? 해양수산부 장관
홍길동입니다.') and goes on to present plans without naming the body again:

    … 상정 예정인 '어촌 기후변화 대응 종합계획'을 소개해 드리겠습니다.
    우선 '수산물 수급 안정 대책'에 대해 말씀드리겠습니다.

The guideline reads the omitted subject of a body's own briefing or report as that body:
the plans, programmes and laws the speaker presents (소개, 발표, 보고, 말씀) are ANNOUNCES by the
body of the speaker's title. Meetings are left to the other rules (a meeting the speaker
attends is not presented).
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.view import TextView

# '안녕하십니까? 해양수산부 장관 강도형입니다.', '안녕하세요, 산업통상자원부 제1차관 홍길동입니다'
_GREETING = re.compile(r"안녕하(?:십니까|세요)[?.!,]?\s+")
_HEAD_TITLE = re.compile(r"\s(?:장관|제?[12]?차관|청장|처장|위원장|원장|본부장)\s(?:[가-힣]{2,4}\s?)?입니다")
# presenting it: '…을 소개해 드리겠습니다', '…에 대해 말씀드리겠습니다', '…을 발표하겠습니다'
_PRESENTS = re.compile(r"['’\"”」』]?(?:(?:을|를)\s(?:[가-힣]+\s){0,1}(?:소개해\s?드리|소개하겠|발표하겠|발표해\s?드리|보고드리|말씀드리)"
                       r"|에\s?(?:대해서?|관해서?)\s(?:[가-힣]+\s){0,1}(?:말씀(?:을)?\s?드리|소개해\s?드리|설명드리))")
_NOT_PRESENTED = ("meeting",)


def presenter_relations(view: TextView, mentions: list, sents: list[tuple[int, int]], buckets: list[list],
                        add: Callable) -> None:
    """ANNOUNCES body → the plans its head presents after greeting as the body's head."""
    text = view.text
    starts = {m.start: m for m in mentions if m.label == "MINISTRY"}
    heads = [b for g in _GREETING.finditer(text) if (b := starts.get(g.end())) is not None and _HEAD_TITLE.match(text, b.end)]
    if not heads:
        return
    for si, ((ss, se), ms) in enumerate(zip(sents, buckets)):
        speaker = next((b for b in reversed(heads) if b.end <= ss), None)  # the head who spoke last
        if speaker is None:
            continue
        for m in ms:
            if m.label == "INITIATIVE" and m.start > speaker.end and m.attrs.get("kind") not in _NOT_PRESENTED \
                    and not m.attrs.get("generic") and _PRESENTS.match(text, m.end):
                add("ANNOUNCES", speaker, m, si)
