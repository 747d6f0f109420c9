"""Places named by marks that recur in briefings and news items, beyond `place_cues.py`:

- a press centre or briefing room, with the event it serves ('남북정상회담 메인프레스센터',
  '평양정상회담 프레스센터', '메인 브리핑 룸'): where reporters work during a summit is a venue;
- 미 for the United States before a place or a body ('미 워싱턴 D.C.', '미 상공회의소', '미
  국무부'), as headlines and items abbreviate it; 한미, 북미 are other words;
- a neighbourhood, landmark or street right after its Korean city or province with a place's
  particle ('서울 한양도성에', '대구 동성로에서', '부산 해운대에서'): the gazetteer lists towns, not
  every quarter; the name must be one Kiwi reads as a proper noun (a common word after a city,
  '경기 침체에', '서울 시내에', is no place of its own).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.bodies import find_foreign_bodies
from ingest.nlp.lexicon import Lexicon
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_EVENT = r"(?:[가-힣A-Za-z0-9]{1,12}(?:정상회담|정상회의|회담|올림픽|엑스포|박람회|총회|서밋)\s)?"
_PRESS = re.compile(rf"(?<![가-힣A-Za-z0-9])({_EVENT}(?:[가-힣]{{0,4}}프레스\s?센터|(?:메인\s?)?브리핑\s?룸))")
# what 미 stands before as the United States: its places come from the lexicon, these bodies and words by name
_US_NEXT = ("정부", "의회", "국무부", "상무부", "국방부", "재무부", "법무부", "에너지부", "백악관", "행정부", "연방", "대통령",
            "상공회의소", "당국", "국무장관", "상무장관", "대사관", "해군", "공군", "육군", "국방장관", "무역대표부", "증시",
            "상원", "하원", "중앙정보국", "연방준비제도", "연준")
_US = re.compile(r"(?<![가-힣A-Za-z0-9·])미(?= ([가-힣A-Za-z][가-힣A-Za-z.]*))")
# the particles that make a name after its city a place ('한양도성에', '동성로에서'); not 의 or a subject
_TAILS = ("에서", "에는", "에도", "에", "까지", "으로", "로")
_DOMESTIC = ("metro", "province")
_AFTER_CITY = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,7}) ([가-힣]{2,8}?)(?:에서는|에서도|에서|에는|에도|에|까지|으로|로)"
                         r"(?=[\s,.]|$)")


def find_place_marks(view: TextView, lex: Lexicon, taken: bytearray) -> Iterator[Cand]:
    """All the cues of this module, as LOCATION candidates: a press room over a centre read as
    a body, the others where no other candidate lies (`taken`: one byte a character)."""
    yield from find_press_rooms(view)
    us = [c for c in find_us(view, lex) if taken.find(1, c[0], c[1]) == -1]
    bodies = find_foreign_bodies(view, {(s, e): "country" for s, e, _l, _a in us})  # '미 국무부': its body too
    for s, e, lab, attrs in (*us, *bodies, *find_city_quarters(view, lex)):
        if taken.find(1, s, e) == -1 and view.aligned(s, e):
            yield s, e, lab, attrs


def find_press_rooms(view: TextView) -> Iterator[Cand]:
    text = view.text
    if "센터" not in text and "룸" not in text:
        return
    for m in _PRESS.finditer(text):
        s, e = m.span(1)
        if view.core_end(s, view.word_end(e - 1)) == e and view.aligned(s, e):  # '프레스센터에서', not '…센터장'
            yield s, e, "LOCATION", {"rule": "press_room", "_prio": 13}


def find_us(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "미 " not in text:
        return
    for m in _US.finditer(text):
        nxt = m.group(1)
        if nxt.startswith(_US_NEXT) or nxt in lex.places or any(nxt.startswith(p) and len(p) >= 2 and p in lex.places
                                                               for p in (nxt[:2], nxt[:3], nxt[:4])):
            yield m.start(), m.start() + 1, "LOCATION", {"rule": "us_short", "place": "미국", "place_kind": "country"}


def find_city_quarters(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    for m in _AFTER_CITY.finditer(text):
        city, name = m.group(1), m.group(2)
        info = lex.places.get(city)
        if info is None or info.kind not in _DOMESTIC or name in lex.names or name.endswith(_BODY_ENDS) \
                or name[-1] in "갑을병정" and name[:-1] in lex.places:
            continue  # '전남 나주경찰서에': a body; '충남 천안을에서': an electoral district
        s, e = m.span(2)
        if not view.tail(e).startswith(_TAILS):
            continue
        ms = view.morphs_in(s, e)
        if ms and ms[0].start == s and ms[-1].end == e and ms[0].tag == "NNP" and all(mo.tag.startswith("NN") for mo in ms) \
                and (len(ms) == 1 or ms[-1].form not in _NOT_QUARTERS):
            yield s, e, "LOCATION", {"rule": "city_quarter"}


_BODY_ENDS = ("경찰서", "소방서", "세무서", "청", "원", "회", "소", "부", "처", "단", "사", "당", "교", "국", "과")
# a city's kind of thing, not a quarter ('서울 시내', '부산 지역', '경남 도청')
_NOT_QUARTERS = frozenset({"시내", "지역", "도청", "시청", "일대", "전역", "외곽", "도심", "권", "시민", "도민"})
