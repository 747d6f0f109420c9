"""Organisations and venues by the ending of their name, as press releases and minutes
name them without a gazetteer entry: hospitals and institutes ('강원대병원',
'충주의료원', '국립기상과학원', '포항상공회의소'), call centres, and the venues of events
('켄싱턴호텔에서', '웨스틴조선 호텔에서', '과학기술회관에서').

A generic word before the ending ('대학병원', '인근 병원') names no particular one, so the
part before the ending must be two letters or more and no common modifier.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

_ORG_END = re.compile(r"(?:병원|의료원|상공회의소|과학원|연구소|콜센터|관리센터|재단|협회|학회|대학교)(?=[\s,.)·]|[은는이가도의와과에을를]|$)")
_VENUE_END = re.compile(r"(?:\s?호텔|회관|컨벤션센터|전시장|아트홀|스튜디오\d*|플라자|광장|회의실|\s?춘추관|영빈관)(?=에서|\(|에\s|입니다)")
# modifiers that make the name generic: '대학병원', '지역 의료원', '인근 병원'
_GENERIC = frozenset({"대학", "종합", "공공", "민간", "지역", "인근", "국내", "해외", "전국", "주요", "대형", "중소", "관련",
                      "각", "일반", "전문", "거점", "협력", "당직", "동네", "시립", "도립", "국립", "산하", "소속", "해당"})


def _name_start(view: TextView, end: int) -> int:
    """The start of the word that ends at `end` (letters, digits and · only)."""
    s = end
    text = view.text
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "·"):
        s -= 1
    return s


def find_orgs(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    text = view.text
    for m in _ORG_END.finditer(text):
        s, e = _name_start(view, m.start()), m.end()
        prefix = text[s:m.start()]
        if len(prefix) < 2 or prefix in _GENERIC or not view.aligned(s, e) or not view.is_nominal(s, e):
            continue
        yield s, e, "ORGANIZATION", {"rule": "org_suffix"}


def find_venues(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    text = view.text
    for m in _VENUE_END.finditer(text):
        word_end = m.start() + (1 if text[m.start()] == " " else 0)
        s = _name_start(view, m.start())
        prefix = text[s:m.start()]
        if len(prefix) < 2 or prefix in _GENERIC or not view.aligned(s, m.end()):
            continue
        if word_end != m.start() and view.tag_at(s) not in ("NNP", "SL"):
            continue  # '웨스틴조선 호텔': a name before the word 호텔, not '인근 호텔'
        yield s, m.end(), "LOCATION", {"rule": "venue"}
