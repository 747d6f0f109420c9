"""The furniture of a news page, which every article a user brings has and no sentence rule reads:
the dateline and byline ('(서울=연합뉴스) 홍길동 기자 =', '[세종=뉴시스]홍길동 기자 =', '［헤럴드경제=김용재
기자］'), the sign-off ('홍길동기자 hong@yna.co.kr'), photo credits ('사진=연합뉴스', '(사진=동아일보 DB)',
'<사진=홍길동 기자>'), the page's name and time line ('홍길동 승인 2024.11.04 08:39', '입력 | 2015-02-27
09:28:00', '송고시간2024-01-11 08:30') and the outlet named on a line of its own ('동아닷컴 도깨비뉴스팀').

As the gold guideline has them: the reporter is a PERSON, the outlet a COMPANY (like KBS), the dateline
city a LOCATION; none of them takes part in what the article reports (`byline` keeps reporters out of
relations). Outlets are known by name (`OUTLETS`) or, only where the page's furniture vouches for one,
by the ending of a newspaper's or agency's name ('에너지산업신문'). Names that are also ordinary words
('한국경제', 'the Korean economy') count in the furniture only.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.people import NOT_NAMES, SURNAMES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# outlets a text names as such anywhere ('연합뉴스에 따르면', '로이터통신은'): no other sense
OUTLETS = frozenset({
    "연합뉴스", "연합뉴스TV", "뉴시스", "뉴스1", "동아일보", "동아닷컴", "조선일보", "조선비즈", "중앙일보", "한겨레", "경향신문",
    "한국일보", "서울신문", "세계일보", "국민일보", "문화일보", "내일신문", "매일경제", "매경", "한국경제신문", "한경닷컴",
    "서울경제신문", "머니투데이", "이데일리", "헤럴드경제", "코리아헤럴드", "파이낸셜뉴스", "아주경제", "뉴스핌", "전자신문",
    "디지털타임스", "지디넷코리아", "블로터", "노컷뉴스", "오마이뉴스", "프레시안", "데일리안", "뉴데일리", "머니S", "이투데이",
    "뉴스토마토", "연합인포맥스", "아이뉴스24", "뉴스웨이", "비즈니스워치", "시사저널", "부산일보", "국제신문", "매일신문",
    "영남일보", "경남신문", "광주일보", "강원일보", "전북일보", "경인일보", "중부일보", "대전일보", "제주일보", "한라일보",
    "에너지산업신문", "에너지신문", "전기신문", "약업신문", "데일리팜", "메디컬투데이", "대한경제", "건설경제", "시사투데이",
    "YTN", "JTBC", "MBN", "채널A", "TV조선", "SBS", "MBC", "KBS", "OBS", "한국경제TV", "매일경제TV", "SBS Biz",
    "로이터통신", "로이터", "블룸버그통신", "블룸버그", "AP통신", "AFP통신", "교도통신", "신화통신", "타스통신", "닛케이",
    "게티이미지", "게티이미지뱅크", "게티이미지코리아", "셔터스톡", "니혼게이자이신문", "뉴욕타임스", "뉴욕타임즈", "뉴욕 타임스", "뉴욕 타임즈", "월스트리트저널", "파이낸셜타임스", "워싱턴포스트", "CNN", "BBC", "NHK", "CNBC",
})
# outlets whose name is also an ordinary phrase: counted only in the page's furniture
_FURNITURE_ONLY = frozenset({"한국경제", "서울경제", "아시아경제", "에너지경제", "아시아투데이", "뉴스투데이", "경제신문", "헤럴드"})
# the ending of a newspaper's or agency's name ('에너지산업신문', '경기일보', '뉴스핌')
_OUTLET_END = re.compile(r"(?:일보|신문|뉴스|닷컴|통신|타임스|타임즈|저널|투데이|데일리|미디어|포스트|비즈|뉴스핌|뉴시스|경제)$")
_NOT_OUTLET = frozenset({"기자", "사진", "자료", "제공", "그래픽", "정부", "뉴스", "신문", "일보", "경제", "통신"})

_CREDIT_WORDS = frozenset({"사진", "사진제공", "자료사진", "그래픽", "영상", "출처", "제공", "자료"})
# a page's section or a kind of item, not an outlet: '사진뉴스', '［포토뉴스］', '카드뉴스', '정책뉴스'
_SECTION = ("포토", "사진", "카드", "영상", "정책", "주요", "인기", "최신", "관련", "오늘의", "많이", "실시간", "단독", "속보", "지역",
            "전체", "이슈", "브리핑", "보도", "해외", "국내", "생활", "경제", "사회", "문화", "스포츠", "연예", "정치", "오피니언")
_OPEN, _CLOSE = "(\\[［【〔<（", ")\\]］】〕>）"
# '(서울=연합뉴스)', '[세종=뉴시스]', '［헤럴드경제=김용재 기자］', '［아시아경제 조태진 기자］', '［뉴스핌 Newspim］',
# '［에너지산업신문］', '【워싱턴=뉴시스】홍길동 특파원 ='
_TITLE = r"(?:기자|특파원|객원기자|선임기자|전문기자|인턴기자)"
_DATELINE = re.compile(
    rf"(?:^|(?<=\s))[{_OPEN}]\s?(?:(?P<place>[가-힣]{{2,6}})\s?=\s?)?(?P<outlet>[가-힣A-Za-z][가-힣A-Za-z0-9]{{1,11}})"
    rf"(?:(?:\s?[=ㅣ|/-]\s?|\s)(?:(?P<place2>[가-힣]{{2,6}})\s?=\s?)?(?P<names>[가-힣]{{2,4}}(?:\s?[·,]?\s?[가-힣]{{2,4}}){{0,2}})\s?{_TITLE})?"
    rf"(?:\s[A-Za-z][A-Za-z0-9.]+)?\s?[{_CLOSE}]", re.M)
# the reporters after the dateline bracket: ') 홍길동 기자 =', ']김철수 기자 =', ') 홍길동 최수진 기자 ='
_AFTER_DATELINE = re.compile(rf"\s?([가-힣]{{2,4}}(?:\s?[·,]?\s?[가-힣]{{2,4}}){{0,2}})\s?{_TITLE}\s?=")
_NAME = re.compile(r"[가-힣]{2,4}")
# a dateline and reporter without the outlet: '창원=김해연 기자', '… 있다. / 국회=배정한 기자'
_PLACE_NAME = re.compile(rf"(?<![가-힣A-Za-z0-9=])([가-힣]{{2,6}})\s?=\s?([가-힣]{{2,4}})\s?{_TITLE}(?![가-힣])")
# a byline of its own in brackets: '[홍길동 기자]', '(홍길동 최수진 기자)'
_BRACKET_NAME = re.compile(rf"[{_OPEN}]\s?([가-힣]{{2,4}}(?:\s?[·,]?\s?[가-힣]{{2,4}}){{0,2}})\s?{_TITLE}\s?[{_CLOSE}]")
# a credit: '사진=연합뉴스', '(사진=동아일보 DB)', '/사진제공=금융위원회', '<사진=이진성 기자>', '사진 제공: 뉴시스'
_CREDIT = re.compile(r"(?:사진|사진제공|사진 제공|자료사진|그래픽|영상|출처|정리|취재|대담|글)\s?[=:]\s?(?P<who>[가-힣A-Za-z][가-힣A-Za-z0-9]{1,11})"
                     r"(?P<rest>\s?(?:기자|특파원)| DB| 자료사진| 제공)?")
# a reporter's sign-off with an address: '홍길동기자 hong@yna.co.kr', '홍길동 기자 (hong@…)'
_SIGN_OFF = re.compile(r"(?<![가-힣])([가-힣]{2,4})\s?(?:기자|특파원)\s?[(<]?\s?/?\s?[A-Za-z0-9._-]+@[A-Za-z0-9.-]+")
# the reporter's name right before the outlet of a sign-off ('홍길동 한경닷컴 기자 …')
_NAME_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{2,4}) $")
# a reporter's sign-off on a line of its own: '지성림기자', '홍길동 기자' (before the page's footer)
_NAME_LINE = re.compile(rf"^([가-힣]{{2,4}})\s?{_TITLE}\s*$", re.M)
_NOT_REPORTER = frozenset({"취재", "사진", "영상", "촬영", "전문", "수습", "객원", "시민", "국민", "인턴", "담당", "출입", "현장", "방송",
                           "신문", "일선", "선임", "외신", "여성", "남성", "편집", "경제", "사회", "정치", "문화", "산업", "기획"})
# a reporter's name with only an address after it: '이승국(kook@yna.co.kr)'
_NAME_MAIL = re.compile(r"(?<![가-힣])([가-힣]{3})\s?\(\s?[A-Za-z0-9._-]+@[A-Za-z0-9.-]+\s?\)")
# a page's name and time line: '김성욱 승인 2024.11.04 08:39', '홍길동 기자 입력 2025.03.11 12:04'
_PAGE_NAME = re.compile(r"^([가-힣]{2,4})\s(?:기자\s)?(?=(?:승인|입력|등록|수정|기사입력|송고)\s?[|:]?\s?\d{4}[-.년])", re.M)
# a time with seconds right after a page's date ('2015-02-27 09:28:00'), and a date glued to its label
# ('송고시간2024-01-11 08:30')
_PAGE_TIME = re.compile(r"(?<=\d{4}[-.]\d{2}[-.]\d{2} )(\d{2}:\d{2}:\d{2})(?!\d)")
# a clock time with its half of the day, as news pages write it ('입력 2024.01.11. 오후 3:05')
_CLOCK = re.compile(r"(?<![가-힣])(?:오전|오후)\s?(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")
_GLUED_DATE = re.compile(r"(?<=송고시간|기사입력|최종수정|입력시간|등록일시)(\d{4}[-.]\d{2}[-.]\d{2})(?=\s\d{2}:\d{2})")
# a line of its own that is the outlet, alone or with its desk ('동아일보', '동아닷컴 도깨비뉴스팀')
_OUTLET_LINE = re.compile(r"^([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11})(?:\s[가-힣]{1,8}팀)?\s*$", re.M)


def outlet(word: str, furniture: bool) -> bool:
    """Whether `word` names a news outlet; by its ending only where the page's furniture says so."""
    if word in OUTLETS:
        return True
    if not furniture or word in _NOT_OUTLET or word.startswith(_SECTION):
        return False
    return word in _FURNITURE_ONLY or _OUTLET_END.search(word) is not None


def _reporter(text: str, s: int, e: int) -> bool:
    name = text[s:e]
    return len(name) in (2, 3, 4) and (name[0] in SURNAMES or name[:2] in ("남궁", "황보", "제갈", "선우", "독고")) \
        and name not in NOT_NAMES


def _person(s: int, e: int) -> Cand:
    return s, e, "PERSON", {"title": "기자", "byline": True, "_prio": 26, "_cut": True}


def _place(s: int, e: int) -> Cand:
    return s, e, "LOCATION", {"rule": "news_page", "_prio": 31, "_cut": True}  # over the gazetteer's 국회 (the body)


def _company(s: int, e: int) -> Cand:
    return s, e, "COMPANY", {"org_kind": "media", "rule": "news_page", "byline": True, "_prio": 26, "_cut": True}


def find_page_furniture(view: TextView) -> Iterator[Cand]:
    """PERSON, COMPANY, LOCATION, DATE and TIME candidates of a news page's furniture."""
    text = view.text
    if any(c in text for c in _OPEN):
        yield from _datelines(view)
    if "=" in text or ":" in text:
        yield from _credits(view)
    if "기자" in text:
        for m in _BRACKET_NAME.finditer(text):
            yield from _names(text, *m.span(1))
        for m in _NAME_LINE.finditer(text):
            if m.group(1) not in _NOT_REPORTER:
                yield from _names(text, *m.span(1))
        for m in _PLACE_NAME.finditer(text):
            if _known_place(m.group(1)):  # ('［헤럴드경제=박영희 기자］': the outlet, above)
                yield _place(*m.span(1))
                yield from _names(text, *m.span(2))
    if "@" in text:
        for m in _SIGN_OFF.finditer(text):
            s, e = m.span(1)
            if outlet(text[s:e], True) and (name := _NAME_BEFORE.search(text, 0, s)) and _reporter(text, *name.span(1)):
                yield _company(s, e)  # '홍길동 한경닷컴 기자 hong@…': the outlet between the name and the title
                yield _person(*name.span(1))
            elif _reporter(text, s, e):
                yield _person(s, e)
        for m in _NAME_MAIL.finditer(text):
            if _reporter(text, *m.span(1)):
                yield _person(*m.span(1))
    if "기자" in text or "팀" in text or len(text) > 200:
        yield from _outlet_lines(view)
    for m in _PAGE_NAME.finditer(text):
        if _reporter(text, *m.span(1)):
            yield _person(*m.span(1))
    if ":" in text:
        for m in _CLOCK.finditer(text):
            yield m.start(), m.end(), "TIME", {"rule": "news_page"}
        for m in _PAGE_TIME.finditer(text):
            yield m.start(1), m.end(1), "TIME", {"rule": "news_page"}
        for m in _GLUED_DATE.finditer(text):
            yield m.start(1), m.end(1), "DATE", {"rule": "news_page", "_cut": True}
    yield from _named_outlets(view)


def _datelines(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in _DATELINE.finditer(text):
        word, place, name = m.group("outlet"), m.group("place"), m.group("names")
        if place in _CREDIT_WORDS or word in _NOT_OUTLET:
            continue  # '(사진=연합뉴스)': a credit (below)
        if not outlet(word, furniture=True) and place is None and name is None:
            continue  # '[속보]', '[단독]': a tag, not an outlet
        if place is None and text.startswith("=", m.end("outlet")) and _known_place(word):
            yield _place(*m.span("outlet"))  # '［국회=배정한 기자］'
            yield from _names(text, *m.span("names")) if name is not None else ()
            continue
        for key in ("place", "place2"):
            if m.group(key) is not None:
                yield _place(m.start(key), m.end(key))
        yield _company(*m.span("outlet"))
        if m.group("names") is not None:
            yield from _names(text, m.start("names"), m.end("names"))
        if (r := _AFTER_DATELINE.match(text, m.end())) is not None:
            yield from _names(text, *r.span(1))


def _known_place(word: str) -> bool:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415  (the lexicon imports people)
    lex = get_lexicon()
    return word in lex.places or (word in lex.names and lex.names[word].type == "MINISTRY")


def _names(text: str, s: int, e: int) -> Iterator[Cand]:
    """The reporters of a byline: one name, or two or three ('홍길동 최수진 기자')."""
    for n in _NAME.finditer(text, s, e):
        if _reporter(text, *n.span()):
            yield _person(*n.span())


def _credits(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in _CREDIT.finditer(text):
        who, rest = m.group("who"), (m.group("rest") or "").strip()
        s, e = m.span("who")
        if rest in ("기자", "특파원"):
            if _reporter(text, s, e):
                yield _person(s, e)
        elif outlet(who, furniture=True):
            yield _company(s, e)


def _outlet_lines(view: TextView) -> Iterator[Cand]:
    """The outlet on a line of its own among the first five lines or on the last line."""
    text = view.text
    lines = text.split("\n")
    if len(lines) < 2:
        return
    head_end = sum(len(x) + 1 for x in lines[:5])
    last_start = len(text) - len(lines[-1])
    for m in _OUTLET_LINE.finditer(text):
        if m.start() < head_end or m.start() >= last_start:
            if outlet(m.group(1), furniture=True) and m.group(1) not in _FURNITURE_ONLY:
                yield _company(*m.span(1))
    tail = re.search(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9]{1,11}) [가-힣]{1,8}팀\s*$", text)
    if tail is not None and outlet(tail.group(1), furniture=True):
        yield _company(*tail.span(1))  # '… 재가동된다. 동아닷컴 도깨비뉴스팀': the sign-off of a desk


def _named_outlets(view: TextView) -> Iterator[Cand]:
    """Outlets by name anywhere ('연합뉴스에 따르면'), whole words only."""
    text = view.text
    for m in _OUTLET_NAMES.finditer(text):
        s, e = m.span()
        if view.aligned(s, e):
            yield _company(s, e)


_OUTLET_NAMES = re.compile(r"(?<![가-힣A-Za-z0-9])(?:" + "|".join(sorted(map(re.escape, OUTLETS - {"SBS", "MBC", "KBS", "로이터", "블룸버그", "매경", "닛케이"}),
                                                                    key=len, reverse=True)) + r")(?![A-Za-z0-9])")
