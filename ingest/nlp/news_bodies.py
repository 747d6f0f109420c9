"""Organisations as news names them around the people it quotes: an association's head written fused
('유주현 대한건설협회장', '김민수 한국제약협회장은'), national councils and federations of standing
('한국대학교육협의회', '전국시도교육감협의회', '한국수소연합') and a university by its short name before an
academic title ('장범식 숭실대 부총장', '김민수 한양대 교수'); and the hotels news reports events at, whole,
with the branch after the brand ('JW메리어트 동대문스퀘어 서울에서', '포시즌스 호텔 서울에서': one LOCATION, a
venue named after its owner being one span in the guideline), and a power plant's unit ('월성1호기', a
LOCATION in the news gold).

The gold guideline: associations, universities and federations are ORGANIZATION; a body's name fused
with 장 is the body without 장 (as '우주항공청장' → 우주항공청), whose head the person then is (the
fused-title rule of `people` reads the name before it once the body is a candidate). A council
convened for a purpose ('반도체 민관협의회') stays an INITIATIVE: only a one-word name that opens with
한국, 대한 or 전국 is taken as a standing body.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# an association's or institute's name fused with its head's title: '대한건설협회장', '소상공인연합회장은',
# '한국경제연구원장' (an institute is an ORGANIZATION like an association)
_FUSED_HEAD = re.compile(r"(?:협회|연합회|총연합회|협의회|중앙회|총연맹|연구원|연구소|재단|학회)(?=장(?:[\s,.)(·]|[은는이가도의와과을를께]|$))")
# a standing national council or federation in one word: '한국대학교육협의회', '전국시도교육감협의회', '한국수소연합'
_NATIONAL = re.compile(r"(?<![가-힣A-Za-z0-9·])(?:한국|대한|전국)[가-힣·.]{2,14}?(?:협의회|연합회|총연합회|연합)"
                       r"(?=[\s,.)(·'’\"”]|[은는이가도의와과에을를로장]|$)")
# a room of a named owner on a floor, where something is held: '예금보험공사 19층 대회의실에서' (one venue)
_FLOOR_ROOM = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z0-9]{2,14} (?:지하 ?)?\d{1,2}층 (?:[가-힣]{1,6} )?"
                         r"(?:대회의실|소회의실|중회의실|회의실|영상회의실|대강당|강당|세미나실|접견실|국제회의장|컨퍼런스룸|브리핑룸|[가-힣]{1,6}홀)(?=에서)")
_OWNER_ENDS = ("공사", "공단", "청사", "센터", "부", "청", "처", "원", "회관", "빌딩", "타워", "회의소", "협회", "중앙회", "본사", "사옥", "은행",
               "재단", "대학교", "위원회", "호텔")
# a forum listed between two known bodies is a body too: '산업부, 특허청, 산업연합포럼, 기술보증기금' (an association
# named 포럼), not a meeting
_LISTED_FORUM = re.compile(r"(?<=, )([가-힣A-Za-z0-9·]{2,14}포럼)(?=, )")
# a power plant's unit, which news reports on as a place: '월성1호기', '신한울 1·2호기', '고리2호기'
_UNIT = re.compile(r"(?<![가-힣A-Za-z0-9])(?:신고리|신월성|신한울|고리|월성|한빛|한울|새울|영광|울진|영흥|당진|태안|보령|하동|삼척|삼천포)"
                   r"\s?\d{1,2}(?:[·,~]\d{1,2})*\s?호기")
# a university's short name (three letters or more) before an academic title: '장범식 숭실대 부총장', '한양대 교수'
_UNIVERSITY = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,6}(?:대|공대|여대|교대))(?= (?:명예교수|석좌교수|초빙교수|겸임교수|연구교수|특임교수|교수|총장|부총장|"
                         r"학장|대학원장|연구처장|산학협력단장)(?=[은는이가의을를과와도께\s,.)]|$))")
# words that end like a university and are not one ('현대': Hyundai or 'modern', '시대', '최대')
_NOT_UNIVERSITY = frozenset({"국립대", "사립대", "지방대", "명문대", "전문대", "외국대", "해외대", "국내대", "초강대", "최강대", "극대", "역대", "무한대", "차세대", "신세대", "구세대", "전세대", "세대", "현대"})
# a hotel's brand, then up to three words of its branch, before 에서 (where an event is held)
_HOTEL = re.compile(r"(?<![가-힣A-Za-z0-9])(?:JW\s?)?(?:그랜드\s?하얏트|파크\s?하얏트|하얏트|메리어트|힐튼|포시즌스|신라호텔|롯데호텔|웨스틴조선|"
                    r"웨스틴|콘래드|노보텔|인터컨티넨탈|쉐라톤|르메르디앙|페어몬트|조선팰리스|소피텔|켄싱턴|시그니엘|반얀트리|라마다|"
                    r"포포인츠|몬드리안|워커힐|드래곤시티|코리아나호텔|프레지던트호텔|플라자호텔|더\s?플라자|앰배서더)"
                    r"(?:\s?[가-힣A-Za-z0-9]+){0,3}?(?=에서(?![가-힣]))")
_RANKS = ("선임", "책임", "수석", "주임", "전임", "객원", "방문", "초빙", "연구", "위촉")  # '선임연구원': a researcher's rank
_GENERIC = frozenset({"각", "전", "현", "해당", "관련", "지역", "업종별", "업계", "기자", "산하", "소속", "단체", "경제", "산업", "각급"})


def _word_start(text: str, end: int) -> int:
    s = end
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "·."):
        s -= 1
    return s


def find_news_bodies(view: TextView) -> Iterator[Cand]:
    """ORGANIZATION candidates of the three forms above, and hotels as venues (LOCATION)."""
    text = view.text
    if "장" in text:
        for m in _FUSED_HEAD.finditer(text):
            s, e = _word_start(text, m.start()), m.end()
            prefix = text[s:m.start()]
            if m.group() in ("연구원", "연구소", "재단", "학회") and not _after_name(text, s):
                continue  # '장병탁 서울대 AI연구원장': an institute of the body before it, the title rules' case
            if len(prefix) >= 2 and prefix not in _GENERIC and not prefix.isdigit() and not prefix.endswith(_RANKS) \
                    and view.aligned(s, e + 1):
                yield s, e, "ORGANIZATION", {"rule": "association_head", "org_kind": "association", "_cut": True}
    for m in _NATIONAL.finditer(text):
        s, e = m.span()
        if view.is_cut(s) and (view.is_cut(e) or text.startswith("장", e)):
            yield s, e, "ORGANIZATION", {"rule": "national_body", "org_kind": "association", "_prio": 20, "_cut": True}
    if "포럼, " in text:
        yield from _listed_forums(view)
    if "호기" in text:
        for m in _UNIT.finditer(text):
            yield m.start(), m.end(), "LOCATION", {"rule": "plant_unit", "_cut": True}
    if "층 " in text:
        for m in _FLOOR_ROOM.finditer(text):
            owner = m.group()[:m.group().index(" ")]
            if view.aligned(*m.span()) and (owner.endswith(_OWNER_ENDS) or view.tag_at(m.start()) in ("NNP", "SL")):
                yield m.start(), m.end(), "LOCATION", {"rule": "venue"}
    if "에서" in text:
        for m in _HOTEL.finditer(text):
            s, e = m.span()
            if view.aligned(s, e):
                yield s, e, "LOCATION", {"rule": "venue"}
    if "교수" in text or "총장" in text or "학장" in text:
        for m in _UNIVERSITY.finditer(text):
            s, e = m.span(1)
            if m.group(1) not in _NOT_UNIVERSITY and view.aligned(s, e) \
                    and (_after_name(text, s, view) or not _name_like(m.group(1))):
                yield s, e, "ORGANIZATION", {"rule": "university", "org_kind": "university", "_prio": 26}


def _name_like(word: str) -> bool:
    """'한상대 총장': three letters, a surname first, is as likely the person (검찰총장 한상대)."""
    from ingest.nlp.people import SURNAMES  # noqa: PLC0415  (people imports the lexicon)
    return len(word) == 3 and word[0] in SURNAMES


def _after_name(text: str, s: int, view: TextView | None = None) -> bool:
    """Whether a word that could be a personal name ends right before `s` ('장범식 숭실대 부총장');
    with the view, only a word of nouns ('주장하던 한상대 총장': a verb's form is no name)."""
    from ingest.nlp.people import NOT_NAMES, SURNAMES  # noqa: PLC0415
    ws = _word_start(text, s - 1)
    word = text[ws:s - 1]
    return text[s - 1] == " " and 2 <= len(word) <= 4 and word[0] in SURNAMES and word not in NOT_NAMES \
        and word[-1] not in "대부청처원회사단소" \
        and (view is None or view.is_nominal(ws, s - 1))  # '서울대 AI연구원장': a body before it, no name


def _listed_forums(view: TextView) -> Iterator[Cand]:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415  (the lexicon imports people)
    names = get_lexicon().names
    text = view.text
    for m in _LISTED_FORUM.finditer(text):
        before = text[_word_start(text, m.start() - 2):m.start() - 2]
        after = re.match(r"[가-힣A-Za-z0-9·]+", text[m.end() + 2:])
        known = [w in names and names[w].type in ("MINISTRY", "ORGANIZATION", "COMPANY") for w in (before, after and after.group())]
        if all(known) and view.aligned(*m.span(1)):
            yield m.start(1), m.end(1), "ORGANIZATION", {"rule": "listed_forum", "_prio": 20}
