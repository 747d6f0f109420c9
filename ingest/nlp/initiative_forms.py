"""INITIATIVE names without a head word that their shape still marks as names.

A numbered day ('제5회 푸른 하늘의 날', '제18회 반도체의 날'): a day kept each year under one
name is an event (gold README: named days), and its number shows it is one, not a holiday
(어린이날 is a DATE) or a figure of speech ('오늘의 날'). Quoted days are found with the
quoted names (ingest.nlp.initiatives). A named day with its anniversary ('발명의 날 60주년')
is one too, numbered or not.

A numbered edition of an award or festival ('제36회 한국방송대상', '제12회 부산 국제 영화제'),
and a named rocket's or satellite's launch ('누리호 3차 발사', '아리랑 5호 발사': gold README),
are events whose head words (대상, 발사) are too common to read alone.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

# '제5회 푸른 하늘의 날', '제20회 전자·IT의 날': the number, up to three nouns and '의 날'
_NUMBERED_DAY = re.compile(r"(?<![가-힣0-9])제\d+회\s(?:[가-힣A-Za-z0-9·]+\s){0,2}[가-힣A-Za-z0-9·]+의 날(?=$|[^가-힣]|[은는이가을를의에도과와로](?![가-힣]{2}))")


_AFTER = r"(?=$|[^가-힣]|[은는이가을를의에도과와로](?![가-힣]{2})|에서|에는|으로)"
# '발명의 날 60주년': a day with its anniversary (the anniversary is a QUANTITY outside)
_DAY_ANNIVERSARY = re.compile(r"(?<![가-힣0-9·])[가-힣A-Za-z0-9·]+의 날(?=\s?\d+주년)")
# '제36회 한국방송대상', '제57회 휴스턴 국제 필름 페스티벌': a numbered edition of an award or festival
_EDITION = re.compile(r"(?<![가-힣0-9])제\d+회\s(?:[가-힣A-Za-z0-9·]+\s){0,3}[가-힣A-Za-z0-9·]*"
                      r"(?:대상|페스티벌|영화제|축제|어워즈|어워드|엑스포|시상식)" + _AFTER)
# '누리호 2차 발사', '우리별 1호 발사', '아리랑 5호 발사': a named craft's launch
_LAUNCH = re.compile(r"(?<![가-힣0-9])(?:[가-힣A-Za-z]{2,}호|[가-힣A-Za-z]{2,} \d+[A-Z]?호)(?: \d+차)? 발사" + _AFTER)


def find_numbered_days(view: TextView) -> Iterator[tuple]:
    """'제5회 푸른 하늘의 날을 맞아': a numbered day is an event of its own; so are a day with
    its anniversary, a numbered edition of an award or festival and a named craft's launch."""
    text = view.text
    for rx in (_NUMBERED_DAY, _DAY_ANNIVERSARY):
        for m in rx.finditer(text):
            s, e = m.span()
            if view.aligned(s, e):
                yield s, e, "INITIATIVE", {"kind": "meeting", "generic": False}
    if "제" in text and "회 " in text:
        for m in _EDITION.finditer(text):
            s, e = m.span()
            if view.aligned(s, e):
                yield s, e, "INITIATIVE", {"kind": "meeting", "generic": False}
    if "발사" in text:
        for m in _LAUNCH.finditer(text):
            s, e = m.span()
            if view.aligned(s, e) and text[s:text.index("호", s) + 1] not in _NOT_CRAFT:
                yield s, e, "INITIATIVE", {"kind": "project", "generic": False}


_NOT_CRAFT = frozenset({"신호", "번호", "구호", "보호", "선호", "기호", "호호", "애호", "옹호", "간호", "부호"})
