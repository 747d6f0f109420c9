"""Organisations, public bodies and venues by the ending of their name, as press releases and minutes
name them without a gazetteer entry: hospitals and institutes ('강원대병원',
'충주의료원', '국립기상과학원', '포항상공회의소'), call centres, and the venues of events
('켄싱턴호텔에서', '웨스틴조선 호텔에서', '과학기술회관에서').

Public institutions by their ending ('한국해양진흥공사', '한국콘텐츠진흥원', '국민연금공단') are
MINISTRY, as the gold guideline has public institutions; research institutes
('한국생산기술연구원') are ORGANIZATION. 공사 and 공단 are also 'construction works' and
'industrial estate' ('도로공사', '반월공단'), and 연구원 is also 'researcher' ('선임연구원'), so
those need a longer name that opens with 한국/국가/국립/국민 or the like.

A generic word before the ending ('대학병원', '인근 병원') names no particular one, so the
part before the ending must be two letters or more and no common modifier.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

_ORG_END = re.compile(r"(?:병원|의료원|상공회의소|과학원|연구소|콜센터|관리센터|재단|협회|학회|대학교|중앙회|연합회|테크노파크|한림원)(?=[\s,.)(·]|[은는이가도의와과에을를]|$)")
_VENUE_END = re.compile(r"(?:\s?호텔|회관|컨벤션센터|전시장|아트홀|스튜디오\d*|플라자|광장|회의실|\s?춘추관|\s?영빈관)(?=에서|\(|에\s|입니다|,)")
_PUBLIC_END = re.compile(r"(?:진흥원|진흥공사|공사|공단|연구원)(?=[\s,.)(·]|[은는이가도의와과에을를]|$)")
_NATIONAL = ("한국", "국가", "국립", "국민", "대한", "중소", "소상공인", "근로복지", "건강보험", "도로교통", "정보통신")
_NOT_PUBLIC = frozenset({"한국방송공사"})  # KBS: a broadcaster, COMPANY by the guideline
_RESEARCHER = ("선임", "책임", "수석", "주임", "전임", "객원", "박사후", "위촉", "연구", "보조", "인턴")
# modifiers that make the name generic: '대학병원', '지역 의료원', '인근 병원'
_GENERIC = frozenset({"대학", "종합", "공공", "민간", "지역", "인근", "국내", "해외", "전국", "주요", "대형", "중소", "관련",
                      "각", "일반", "전문", "거점", "협력", "당직", "동네", "시립", "도립", "국립", "산하", "소속", "해당",
                      "특화", "부설", "기업부설", "공동", "신규", "우수", "지방"})  # 지방의료원: a class


def _name_start(view: TextView, end: int) -> int:
    """The start of the word that ends at `end` (letters, digits and · only); a · after a
    body's ending separates two bodies ('해양환경공단·한국어촌어항공단'), not two words of one."""
    s = end
    text = view.text
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "·"):
        if text[s - 1] == "·" and _BODY_BEFORE.search(text, max(0, s - 8), s - 1):
            break
        s -= 1
    return s


_BODY_BEFORE = re.compile(r"(?:공단|공사|진흥원|연구원|협회|재단|중앙회|연합회|병원|의료원|박물관|자원관|기술원|센터|학회|대학교)$")


def find_orgs(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    text = view.text
    for m in _ORG_END.finditer(text):
        s, e = _name_start(view, m.start()), m.end()
        prefix = text[s:m.start()]
        if len(prefix) < 2 or prefix in _GENERIC or not view.aligned(s, e) or not view.is_nominal(s, e):
            continue
        yield s, e, "ORGANIZATION", {"rule": "org_suffix"}


def find_public_bodies(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    text = view.text
    for m in _PUBLIC_END.finditer(text):
        s, e = _name_start(view, m.start()), m.end()
        name, prefix, end = text[s:e], text[s:m.start()], m.group()
        if len(prefix) < 2 or prefix in _GENERIC or name in _NOT_PUBLIC or not view.aligned(s, e) \
                or not view.is_nominal(s, e):
            continue
        if end == "진흥원" or end == "진흥공사":
            yield s, e, "MINISTRY", {"rule": "public_suffix", "gov_kind": "public"}
        elif end == "연구원":
            if len(prefix) >= 3 and not prefix.endswith(_RESEARCHER) and (prefix.startswith(_NATIONAL) or "기술" in prefix):
                yield s, e, "ORGANIZATION", {"rule": "org_suffix"}
        elif len(prefix) >= 3 and (prefix.startswith(_NATIONAL) or _local_prefix(prefix)) and end in ("공사", "공단"):
            # '부산항만공사', '서울교통공사', '경기주택도시공사': a local government's enterprise
            yield s, e, "MINISTRY", {"rule": "public_suffix", "gov_kind": "public"}


def _local_prefix(prefix: str) -> bool:
    """Whether the name opens with a city or province ('부산항만', '경기주택도시'), the rest
    two letters or more (not '부산공사', 'works in Busan')."""
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415  (the lexicon imports people, which imports this)
    places = get_lexicon().places
    return any(prefix.startswith(p) and len(prefix) - len(p) >= 2 and places[p].kind in ("metro", "city", "province")
               for p in (prefix[:2], prefix[:3]) if p in places)


def find_venues(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    text = view.text
    for m in _VENUE_END.finditer(text):
        word_end = m.start() + (1 if text[m.start()] == " " else 0)
        s = _name_start(view, m.start())
        prefix = text[s:m.start()]
        if len(prefix) < 2 or prefix in _GENERIC or not view.aligned(s, m.end()):
            continue
        if text.startswith(",", m.end()) and (s == 0 or text[s - 1] != "("):
            continue  # '(동대문디자인플라자, 서울 …)': a venue before its address, not any list item
        if word_end != m.start() and view.tag_at(s) not in ("NNP", "SL"):
            continue  # '웨스틴조선 호텔': a name before the word 호텔, not '인근 호텔'
        yield s, m.end(), "LOCATION", {"rule": "venue"}


# the place of an event in a schedule: the word right after its time ('오후 2시 국립통일교육원에서',
# '오후 3시 백범김구기념관에서') when it ends as a venue does, or any name where the event is
# held ('망배단에서 개최되는', '캠프그리브스에서 열리는'); rooms without a name (장관실,
# 브리핑실) and meetings ('국무회의에서') are not places
_VENUE_WORD = re.compile(r"(?:기념관|교육원|연수원|센터|호텔|파크텔|국제회의장|회담장|박물관|미술관|체육관|공연장|아트홀|극장)$")
_AFTER_TIME = re.compile(r"\d\s?(?:시|분)(?:\s?반)?\s$")
_HELD_AFTER = re.compile(r"에서\s(?:열리|열린|개최되|개최된)")
_NOT_VENUE = frozenset({"현장", "온라인", "현지", "행사장", "회의장", "본사", "센터", "청사", "국내", "해외", "지역", "서면", "장소",
                        "도심", "시내", "일대", "일원", "곳곳", "거리", "사옥", "국제사회", "사회", "세계", "전국"})
_GENERIC_PLACE = re.compile(r"(?:지역|사회|사옥|장소|일대|권역)$")


def find_event_venues(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    from ingest.nlp.initiatives import head_kind  # noqa: PLC0415  (initiatives imports people, which imports this)
    text = view.text
    for m in re.finditer("에서", text):
        e = m.start()
        s = _name_start(view, e)
        name = text[s:e]
        if len(name) < 2 or name in _NOT_VENUE or not view.aligned(s, e) or not view.is_nominal(s, e) \
                or head_kind(name) or view.tail(e) != "에서":
            continue
        if name in _ROOMS:
            s = _owner_start(view, s)
            if s is None:
                continue  # '대회의실에서' alone: which one is not said
        elif _ANY_ONE.search(text, max(0, s - 4), s) or _GENERIC_PLACE.search(name):
            continue  # '광화문 인근 호프집에서': some place, not a named one
        timed = _AFTER_TIME.search(text, max(0, s - 8), s) is not None
        if (timed and (_VENUE_WORD.search(name) or name in _ROOMS or view.tag_at(s) == "NNP")) or _HELD_AFTER.match(text, e):
            yield s, e, "LOCATION", {"rule": "venue"}


_ANY_ONE = re.compile(r"(?:인근|근처|주변|어느|동네|같은|한)\s$")
_ROOMS = frozenset({"대회의실", "소회의실", "회의실", "회담장", "대강당", "강당", "세미나실", "영상회의실", "접견실"})
_FLOOR = re.compile(r"(?:지하\s?)?\d{1,2}층$")


def _owner_start(view: TextView, s: int) -> int | None:
    """Start of the owner named before a room ('남북관계관리단 대회의실', '통일부 7층 대회의실'):
    one bare noun, a floor between them allowed."""
    text = view.text
    for _ in range(2):
        if s < 2 or text[s - 1] != " ":
            return None
        ws = view.word_start(s - 1)
        word = text[ws:s - 1]
        if _FLOOR.search(word):
            s = ws
            continue
        if len(word) < 2 or not view.is_nominal(ws, s - 1) or not view.aligned(ws, s - 1) or word[0].isdigit():
            return None
        return ws
    return None


# a ministry's or agency's regional office: a region, 지방 and the agency's name ('서울지방국세청',
# '부산지방국토관리청', '경인지방통계청', '대전지방중소벤처기업청'), also fused with its head's title
_REGIONAL = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{1,4}지방[가-힣]{2,12}청)(?=장|[\s,.)(·]|[은는이가도의와과에을를]|$)")


def find_regional_offices(view: TextView) -> Iterator[tuple[int, int, str, dict]]:
    if "지방" not in view.text:  # every match has it; most texts none: skip the scan
        return
    for m in _REGIONAL.finditer(view.text):
        s, e = m.span(1)
        if view.is_cut(s) and (view.is_cut(e) or view.text.startswith("장", e)):
            yield s, e, "MINISTRY", {"rule": "regional_office", "gov_kind": "agency", "_cut": True}
