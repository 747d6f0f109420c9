"""Organisations by the ending of their name that `orgs` leaves alone: national museums
('국립인천해양박물관', the guideline's 'national museums are ORGANIZATION'), schools with
their level ('하늘꿈중고등학교', '서울숭의초등학교'), federations and unions ('전국농민회총연맹',
'한국자유총연맹', '전국보건의료산업노동조합'), preservation societies of a heritage
('…점안의식보존회'), and think tanks named after a place or a proper noun ('경기연구원',
'여의도연구원'; `orgs` takes the national ones, '한국…연구원'). A generic word before the ending ('대안학교', '산별노조', '기업노조') names
no particular one.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_END = re.compile(r"(?:국립[가-힣]{1,12}(?:박물관|미술관)|(?:초등|중|고등|중고등|여자중|여자고등)학교|총?연맹|노동조합|노조|보존회)"
                  r"(?=[\s,.)(·'’\"”]|[은는이가도의와과에을를로]|$)")
_GENERIC = frozenset({"각급", "인근", "지역", "해당", "일반", "특수", "사립", "공립", "국립", "시립", "대안", "전국", "관내", "도내",
                      "기업", "산별", "양대", "민주", "어용", "복수", "소수", "다수", "제1", "제2", "상급", "하급", "개별", "단위",
                      "국제", "체육", "경제", "노조", "연합", "거대", "공공", "민간", "협력", "소속", "산하", "각"})


def find_org_shapes(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in _END.finditer(text):
        s, e = m.start(), m.end()
        if not m.group().startswith("국립"):
            while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "·"):
                s -= 1
            prefix = text[s:m.start()]
            if len(prefix) < 2 or prefix in _GENERIC or prefix.isdigit() or text.endswith(("및 ", "과 ", "와 "), 0, s):
                continue  # '… 및 점안의식보존회': the name runs on before the ending's word
        elif s > 0 and text[s - 1].isalnum():
            continue
        if view.aligned(s, e) and view.is_nominal(s, e):
            yield s, e, "ORGANIZATION", {"rule": "org_shape"}


_INSTITUTE = re.compile(r"연구원(?=[\s,.)(·'’\"”]|[은는이가도의와과에을를로장]|$)")
_RESEARCHER = ("선임", "책임", "수석", "주임", "전임", "객원", "박사후", "위촉", "연구", "보조", "인턴", "방문", "초빙", "명예", "상임")


def find_institutes(view: TextView) -> Iterator[Cand]:
    """'경기연구원', '여의도연구원은': 연구원 after a place or a proper noun is an institute, not a
    researcher ('선임연구원', '김 연구원')."""
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
    places = get_lexicon().places
    text = view.text
    for m in _INSTITUTE.finditer(text):
        s, e = view.word_start(m.start()), m.end()
        prefix = text[s:m.start()]
        if not 2 <= len(prefix) <= 8 or not prefix.isalpha() or prefix.endswith(_RESEARCHER) or not view.aligned(s, e):
            continue
        first = view.first.get(s)
        if prefix in places or (first is not None and first.tag == "NNP" and first.end <= m.start()):
            yield s, e, "ORGANIZATION", {"rule": "org_shape"}
