"""A year written at the head of an event's name (a meeting, ceremony, briefing, show:
'2024년도 정책자문위원회 전체회의', '2022년 2월 사업체노동력조사 결과 발표 브리핑', '2025 북미
평화 워크숍'): one INITIATIVE, as the real-text
guideline has such names, not a date followed by the event. Numbered sittings and the Assembly's
annual ones keep their date apart ('2019년 제3기 정책협의회', '2024년도 국정감사'), and so does a
date with its day ('2024년 11월 20일 인사청문회'), and plans and laws, as the written set has them
('2012년 로봇산업 육성 기본계획': the year it is for). Also: a bare meeting word used as a verb
names no event."""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent
from ingest.nlp.heads import CHAIN_STOP, head_kind

_YEAR_HEAD = re.compile(r"(?:19|20)\d{2}\s?(?:년도?(?:\s?(?:1[0-2]|[1-9])\s?월|\s?[1-4]\s?분기)?)?")
_BARE_YEAR = re.compile(r"(?<![\d.,~∼-])(?:19|20)\d{2} $")
_NUMBERED = re.compile(r"제?\s?\d+\s?(?:차|기|회|대)")
# a month's figures are released under the month ('2022년 2월 사업체노동력조사 결과 발표 브리핑'); a
# meeting is only dated by it ('2015년 10월 한미 정상회담에서 합의')
_MONTH = re.compile(r"월|분기")
_MONTHLY = re.compile(r"조사|동향|통계|지표|결과|실적")
# a group or a programme of the year is named with it too ('2025 청년 정책 자문단', '2023년 봄 편성
# 개편'); plans and laws keep their year apart, as the written set has them
_DATED_KINDS = ("taskforce", "program")
_ANNUAL = ("국정감사", "국감", "현안질의", "인사청문회", "청문회", "예산안", "결산", "종합감사")


def join_dated_names(text: str, ents: list[Ent]) -> list[Ent]:
    out: list[Ent] = []
    for e in ents:
        name = text[e.start:e.end]
        hk = head_kind(name)
        keep = e.label != "INITIATIVE" or hk is None or _NUMBERED.match(name) \
            or name.startswith(_ANNUAL) or name.endswith(_ANNUAL) \
            or hk[1] != "meeting" and (hk[1] not in _DATED_KINDS or e.attrs.get("_bare") or " " not in name and name == hk[0])
        prev = out[-1] if out else None
        if not keep and prev is not None and prev.label == "DATE" and prev.end + 1 == e.start \
                and _YEAR_HEAD.fullmatch(date := text[prev.start:prev.end]) and "_expr" not in prev.attrs \
                and (not _MONTH.search(date) or _MONTHLY.search(name)):
            e.start = prev.start
            out[-1] = e
            continue
        if not keep and (m := _BARE_YEAR.search(text, max(0, e.start - 6), e.start)) is not None \
                and (prev is None or prev.end <= m.start()):
            e.start = m.start()
        if not keep and prev is not None and prev.label == "QUANTITY" and prev.end + 1 == e.start \
                and _ANNIVERSARY.fullmatch(text[prev.start:prev.end]):
            # '중앙일보 창간 60주년 기념식': the anniversary and what it is of belong to the name
            m = _OF_WHAT.search(text, max(0, prev.start - 12), prev.start)
            bare = m is not None and m.group(1)[-1] not in "은는이가을를의에와과도서로께" and m.group(1) not in CHAIN_STOP
            e.start = m.start(1) if bare else prev.start
            out[-1] = e
            while len(out) >= 2 and out[-2].end > e.start:
                del out[-2]  # '평양공동선언 7주년 기념행사 토론회': the name the anniversary is of joins the event's
            continue
        out.append(e)
    return out


_ANNIVERSARY = re.compile(r"\d+\s?주년")
_OF_WHAT = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,8}) $")


# a meeting word used as the verb ('대사를 면담합니다', '과장이 11시 브리핑할 예정', '권한을
# 행사하다'): an act, no event
_AS_VERB = re.compile(r"(?:하|합니|했|한|할|해|하겠|하며|하고|하여)")


def drop_verbal_meetings(text: str, ents: list[Ent]) -> list[Ent]:
    out = []
    for e in ents:
        name = text[e.start:e.end]
        if e.label == "INITIATIVE" and " " not in name and (hk := head_kind(name)) is not None and hk[0] == name \
                and hk[1] == "meeting" and _AS_VERB.match(text, e.end) and (e.start == 0 or not text[e.start - 1].isalnum()):
            continue
        out.append(e)
    return out
