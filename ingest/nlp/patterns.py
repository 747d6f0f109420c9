"""Rule patterns for values (DATE, TIME, QUANTITY), places, the government itself,
companies (by form and by 'A, B 등 기업' lists).

Each finder scans the whole text with one compiled regex and keeps the matches that sit
on Kiwi morpheme boundaries, so '3원칙' is no amount of money and 'LG전자가' yields
LG전자. A candidate is (start, end, label, attrs); the component resolves overlaps.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp import date_forms, named_days
from ingest.nlp.dates import DATE_RE
from ingest.nlp.lexicon import Lexicon
from ingest.nlp.kiwi import particle_fused
from ingest.nlp.people import is_name, unknown_word
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# --- DATE, TIME, QUANTITY ---------------------------------------------------------------

# Patterns start with a literal or a character class and leave the left-boundary check to
# Python (`_starts_word`): a leading lookbehind would stop the regex engine from skipping
# ahead to the possible first characters, which makes a scan several times slower.
_TIME_CORE = r"(?:[01]?\d|2[0-4])\s?시(?:\s?[0-5]?\d\s?분|\s?반)?(?!간|대)"
TIME_RE = re.compile(
    rf"(?:오전|오후|새벽|아침|저녁|밤|낮)\s?{_TIME_CORE}|{_TIME_CORE}"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|(?:정오|자정)(?![가-힣]{2})"
)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_AMOUNT = (rf"(?:{_NUM}(?:\s?[조억만천](?:\s?{_NUM}\s?[억만천])*(?:\s?{_NUM})?)?"
           r"|수(?:십|백|천)(?:\s?[만억조])?|수[만억조])")
UNITS = ("퍼센트포인트", "%포인트", "%p", "퍼센트", "%", "％", "원", "달러", "유로", "엔", "위안", "파운드",
         "명", "개사", "개국", "개소", "개월", "개", "곳", "건", "대", "척", "톤", "t", "kg", "㎏", "GW", "MW",
         "kW", "kWh", "MWh", "GWh", "TWh", "nm", "㎚", "나노", "mm", "cm", "km", "㎞", "㎡", "평", "ha", "배",
         "회", "차례", "번", "위", "종", "가지", "가구", "세", "살", "채", "편", "권", "마리", "시간", "년간", "배럴",
         "리터", "GB", "TB", "Gbps", "큐비트", "단계", "주년", "기", "만대", "장", "일간", "주간", "개월간", "분", "초", "m")
# '760여 곳', '170여 개국': an approximate count keeps its 여 (Kiwi: 760/SN 여/XSN)
QUANTITY_RE = re.compile(rf"\d+\s?시간\s\d+(?:여)?\s?분|(?:{_AMOUNT})(?:여)?\s?(?:%대|{_alt(UNITS)})(?![A-Za-z%])"
                         r"|\d+(?:여)?\s?(?:일|년|주|달)(?=\s?(?:동안|간(?![가-힣])|만에|만의))|\d+여\s?년"
                         # durations: '2일 동안', '40년 동안', '6년 만에', '10여 년'; '2시간 30분'; '2%대'
                         r"|(?:이틀|사흘|나흘|닷새|엿새|열흘)(?:간(?![가-힣])|(?=\s?(?:동안|만에)))")  # '닷새 동안', '이틀간'
_NO_DAY = frozenset({"당일", "다음날"})
_RATIO = re.compile(r"\s?\d")
# 'N대' before what it ranks ('세계 5대 수출 대국', '4대 연구원장', '10대 정책뉴스'): the top N, no count
_RANKED = re.compile(r"\s(?:[가-힣A-Za-z]+\s)?[가-힣A-Za-z]*(?:강국|대국|분야|과제|전략|정책|뉴스|정책뉴스|기관|원장|연구원장|그룹|기업|도시|산업|"
                     r"은행|권역|거점|개혁|업종|품목|원칙|목표|서비스|지표|혁신|이슈|사업|프로젝트|트렌드|명소|축제|질환|범죄|광역시|국회|기술|대통령|총선|대선)(?=[^가-힣A-Za-z0-9]|[은는이가을를의와과에도으로]|$)")
_COHORT = re.compile(r"(?:위원회|협의회|위|단)\s\d+기|\d+기\s(?:위원|협의회|회원|졸업|출신|신도시)")
_FRACTION = re.compile(r"(?<=분)의\s?\d")  # '3분의 2': a fraction, no minutes
_DATE_EDGE = re.compile(r"\s?(?:까지|부터|이후|이내|이전)$")
_DAYS = re.compile(r"\d+일")
_WITHIN = re.compile(r"\s?(?:이내|내에|내로|전까지|전에)")
_WITHIN_SPAN = re.compile(r"\s?(?:이내|내)")  # what the date pattern took of it
_NOT_BEFORE = {"TIME": re.compile(r"[\d가-힣:.]"), "QUANTITY": re.compile(r"[\d.,A-Za-z제]")}  # 제3기 is an ordinal


def _starts_word(text: str, s: int, rx: re.Pattern) -> bool:
    return s == 0 or rx.match(text, s - 1) is None


# a weekday standing alone ('수요일에', '다음 주 월요일'), not the one after a date ('4일 수요일')
_WEEKDAY = re.compile(r"(?:(?:이번|다음|지난)\s?주\s|오는\s|지난\s)?[월화수목금토일]요일(?=[에은는도의,\s)'’\"”]|$)")
_AFTER_DATE = re.compile(r"(?:[0-9]\s?일|[)\]]|매주|격주|주말|평일|[월화수목금토일](?:요일)?\s?[~∼])\s?\(?$")  # '4일 수요일', '매주 수요일', '월~금요일' (a slot): no day of its own


def find_weekdays(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in _WEEKDAY.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1].isalnum()) or _AFTER_DATE.search(text, max(0, s - 5), s) or not view.aligned(s, e) \
                or date_forms.not_a_date(text, s, e):
            continue
        yield s, e, "DATE", {}


def find_values(view: TextView) -> Iterator[Cand]:
    yield from find_weekdays(view)
    yield from named_days.find_weeks(view)
    yield from named_days.find_short_dates(view)
    yield from named_days.find_holidays(view)
    yield from named_days.find_mornings(view)
    yield from date_forms.find_forms(view)
    text = view.text
    for label, rx in (("DATE", DATE_RE), ("TIME", TIME_RE), ("QUANTITY", QUANTITY_RE)):
        before = _NOT_BEFORE.get(label)
        for m in rx.finditer(text):
            s, e = m.span()
            if before is not None and not _starts_word(text, s, before):
                continue
            while e > s and text[e - 1].isspace():
                e -= 1
            if label == "DATE" and (text[s:e].replace(" ", "") in _NO_DAY or date_forms.not_a_date(text, s, e)):
                continue  # '당일 사진과 함께', '그 다음 날인 16일': the guideline's no-dates (the holiday's are named_days')
            if label == "QUANTITY" and text[e - 1] == "대" and text[s].isdigit() and (_RATIO.match(text, e) or (
                    _RANKED.match(text, e) and int(re.match(r"\d+", text[s:e]).group()) <= 30)):
                continue  # '세계 5대 수출 대국', '22대 국회': a rank or a term; '50 대 50': a ratio
            if label == "QUANTITY" and text[e - 1] == "기" and _COHORT.search(text, max(0, s - 12), min(len(text), e + 4)):
                continue  # '위원회 1기 활동', '1기 위원회': a council's term, no count of reactors
            if label == "QUANTITY" and (text.startswith("째", e) or _FRACTION.match(text, e) or text.startswith(("분기", "초반", "초순", "초까지", "초에", "초부터"), e - 1)):
                continue  # '4번째': an ordinal, no count; '2분기', '3월 초': dates
            attrs: dict = {}
            if label == "DATE" and (d := _DAYS.match(text, s, e)) is not None and _WITHIN.match(text, d.end()) \
                    and (d.end() == e or _WITHIN_SPAN.fullmatch(text, d.end(), e)):
                label, e = "QUANTITY", d.end()  # '7일 이내에 답변서를', '개최 5일 전까지': a number of days (the guideline's '7일 내에')
            if label == "DATE" and (edge := _DATE_EDGE.search(text, s, e)) is not None and edge.start() > s:
                # '2028년까지' → span '2028년' (the particle stays outside, as all particles do);
                # the value is read from the whole expression (../2028-12-31)
                attrs["_expr"] = text[s:e]
                e = edge.start()
            if e > s and view.aligned(s, e):
                yield s, e, label, attrs


# --- LOCATION ---------------------------------------------------------------------------

_HANJA = re.compile(r"[\u4e00-\u9fff]")
_PLACE_SEP = re.compile(r"\s?[·,]\s?|[와과]\s")
_BILATERAL = re.compile(r"(?<![가-힣])한(?:\s?[-·‧]\s?[가-힣]{1,8})*\s?[-·‧]\s?$")


def find_places(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    """Places from places.tsv that Kiwi reads as proper nouns ('인도' the country, not the
    sidewalk; '용인' the city, not 'tolerance'), or that stand in a list of places
    ('용인·평택과 구미는': Kiwi reads 구미 alone as 'appetite'). A place fused with a
    suffix or a noun is no mention of it (한국산 제품, 한국형 발사체, 한국문화, 미국기업)."""
    text = view.text
    found = [(m.start(), m.end()) for m in lex.place_re.finditer(text) if view.aligned(m.start(), m.end())]
    for i, (s, e) in enumerate(found):
        if (s > 0 and _HANJA.match(text, s - 1)) or (e - s == 1 and e < len(text) and (_HANJA.match(text, e) or text[e].isalnum())):
            continue  # '對중국' (against China), '中企' (small firms): a Hanja word, not the place
        nxt = view.first.get(e)
        if nxt is not None and (nxt.tag == "XSN" or (nxt.tag == "NNG" and not _in_place_list(text, found, i))):
            continue  # '한국산', '한국문화 콘텐츠', '미국기업의', '포항지역': the place only qualifies a noun
        if view.tag_at(s) not in ("NNP", "SL", "SH") and not _in_place_list(text, found, i):
            continue
        if _BILATERAL.search(text, max(0, s - 8), s) and text[e:e + 1] in (" ", "-", "·"):
            continue  # '제4차 한-베트남 정책협의회': the country names the meeting, which a later rule finds
        info = lex.places[text[s:e]]
        yield s, e, "LOCATION", {"place": info.canonical, "place_kind": info.kind}


def _in_place_list(text: str, found: list[tuple[int, int]], i: int) -> bool:
    """Whether the place at found[i] is joined to a neighbouring place by ·, a comma or 와/과."""
    s, e = found[i]
    before = i > 0 and _PLACE_SEP.fullmatch(text[found[i - 1][1]:s]) is not None
    after = i + 1 < len(found) and _PLACE_SEP.fullmatch(text[e:found[i + 1][0]]) is not None
    return before or after


# --- the government itself -----------------------------------------------------------

GOVERNMENT = "대한민국 정부"
GOV_RE = re.compile(r"(?<![가-힣A-Za-z])정부(?=는|가|도|와|과|의|에서|에(?:게)?\s|\s|,)")
# modifiers that make 정부 some other government (지방 정부, 미국 정부, 연방 정부 …)
OTHER_GOV = frozenset({"지방", "중앙", "각국", "외국", "해외", "현지", "상대", "연방", "임시", "과도", "망명", "자치",
                       "주", "州", "각", "양국", "양", "당시", "북한", "괴뢰", "군사", "민선", "민간", "시", "도", "구"})


# nouns that 정부 only qualifies ('정부 관계자', '정부 포상', '정부 부처'): people, awards
# and parts of the government, the time of an administration; no act of the government
GOV_QUALIFIED = frozenset({"관계자", "관계자들", "고위관계자", "고위관계자들", "고위", "관리", "관리들", "당국자", "대변인",
                           "인사", "인사들", "측", "수반", "포상", "표창", "훈장", "부처", "부처들", "중앙행정기관", "기관",
                           "기관들", "청사", "내", "때", "시절", "시기", "출범", "초기", "말기", "임기", "예산", "인원",
                           "인원들", "차원"})


def find_government(view: TextView, places: set[tuple[int, int]]) -> Iterator[Cand]:
    """'정부는 … 발표했다': the Korean government as a body, unless another one is meant
    ('미국 정부', '지방 정부'). Its canonical name is 대한민국 정부."""
    text = view.text
    for m in GOV_RE.finditer(text):
        s, e = m.span()
        if s >= 2 and text[s - 1] == " ":
            ps = view.word_start(s - 1)
            prev = text[ps:s - 1]
            if prev in OTHER_GOV or (ps, s - 1) in places or prev.endswith(("국", "의")):
                continue
        if text.startswith(" ", e) and text[e + 1:view.core_end(e + 1, view.word_end(e + 1))] in GOV_QUALIFIED:
            continue
        yield s, e, "MINISTRY", {"_gaz": GOVERNMENT, "gov_kind": "government"}


# --- COMPANY ----------------------------------------------------------------------------

LATIN_GROUPS = ("SK", "LG", "GS", "LS", "HD", "CJ", "DN", "DB", "HL", "KT", "LX", "KCC", "HDC", "SKC", "BGF",
                "KB", "NH", "IBK", "BNK", "DGB", "OCI", "LIG", "KG", "SPC", "DL", "HS", "JW", "SM", "HK")
HANGUL_GROUPS = ("삼성", "한화", "롯데", "두산", "포스코", "효성", "코오롱", "한진", "금호", "동원", "한솔", "신세계",
                 "셀트리온", "카카오", "네이버", "에코프로", "HD현대", "현대", "대우", "아모레", "한국타이어")
# suffixes that make a company name out of almost any proper prefix
STRONG_SUFFIXES = ("일렉트릭", "솔루션즈", "로보틱스", "중공업", "케미칼", "엔지니어링", "테크놀로지", "테크놀로지스",
                   "시스템즈", "디스플레이", "머티리얼즈", "머티리얼스", "모빌리티", "모터스", "인더스트리", "인더스트리즈",
                   "홀딩스", "바이오로직스", "파마", "이노베이션", "일렉트로닉스", "텔레콤", "랩스", "에어로스페이스",
                   "오토모티브", "세미콘", "반도체", "제약", "건설", "전자", "화학", "바이오", "에너지", "중공업",
                   "조선", "제철", "철강", "정밀", "전기", "물산", "상사", "해운", "항공", "증권",
                   "생명", "화재", "은행", "로봇", "소프트", "네트웍스", "에너빌리티", "엔솔", "이앤씨", "E&C", "E&S",
                   "E&A", "컴퍼니", "코퍼레이션", "그룹")
# suffixes that are also ordinary words after a common noun (신재생에너지, 시스템반도체)
WEAK_SUFFIXES = frozenset({"반도체", "제약", "건설", "전자", "화학", "바이오", "에너지", "조선", "제철", "철강",
                           "정밀", "전기", "물산", "상사", "해운", "항공", "증권", "생명", "화재",
                           "은행", "로봇", "소프트", "그룹"})
GENERIC_PREFIXES = frozenset({"한국", "국내", "국산", "세계", "글로벌", "해외", "신재생", "차세대", "시스템", "전력",
                              "차량용", "석유", "친환경", "재생", "원자력", "수소", "태양광", "풍력", "첨단", "미래",
                              "지능형", "산업용", "협동", "서비스", "의료", "제조", "종합", "국가", "지역", "민간",
                              "대형", "중소", "중견", "대기업", "주요", "관련", "기타", "전체", "유망", "바이오",
                              "인공지능", "AI", "IT", "ICT", "SW", "HW", "EV", "ESS", "R&D", "K", "그린", "디지털", "전기"})
GROUP_REST_STOP = frozenset({"센터", "타워", "빌딩", "사옥", "본사", "캠퍼스", "공장", "직원", "회장", "계열", "계열사",
                             "가문", "일가", "총수", "측", "노조", "사장", "부회장", "출신", "사태", "그룹"})

_CORP_MARK = r"(?:㈜|\(주\)|주식회사)"
CORP_RE = re.compile(rf"{_CORP_MARK}")
GROUP_RE = re.compile(rf"(?:{_alt(LATIN_GROUPS + HANGUL_GROUPS)})[A-Za-z0-9가-힣&]+")
SUFFIX_RE = re.compile(rf"(?:{_alt(STRONG_SUFFIXES)})(?![A-Za-z0-9])")
_NAME_CHAR = re.compile(r"[A-Za-z0-9가-힣&]")
_NAME_RUN = re.compile(r"[A-Za-z0-9가-힣&]+")
_NAME_RUN_BACK = re.compile(r"[A-Za-z0-9가-힣&\-]*$")
LATIN_CTX_RE = re.compile(
    r"(?<![A-Za-z0-9&.\-])[A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9](?: [A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9]){0,2}"
    r"(?=(?:사|社)(?![가-힣])| (?:CEO|최고경영자|대표|회장|사장|측|창업자|주가|본사)(?![가-힣]))"
)
LIST_RE = re.compile(
    r" 등 (?:[가-힣A-Za-z0-9·]{1,6} )?(?:\d+개\s?|\d+곳의? |\d+(?=사|종목))?(?:[가-힣A-Z]{1,4}(?=기업|업체))?"  # '진단기업들'
    r"(?P<head>기업|업체|대기업|중소기업|중견기업|스타트업|제조사|제조기업|제조업체|기업들|회사|공급기업|수요기업|종목"
    r"|개사|사|곳|기관|단체|협회|연구기관|대학|유관기관|기업인들|기업인)(?:(?![가-힣]{2})|(?=이다|입니다|이며|이고))"
)
# a list closed by its count without 등: 'A, B, C 3개사가', 'A, B, C 등 소재 3사'
COUNT_LIST_RE = re.compile(r"(?<=[가-힣A-Za-z0-9)])(?<! 등) (?:[가-힣A-Za-z·]{1,6} )?\d+(?P<head>개사|사)(?![가-힣]{2})")
_LATIN_WORD = re.compile(r"[A-Z][A-Za-z0-9&.\-]*")
ORG_LIST_HEADS = frozenset({"기관", "단체", "협회", "연구기관", "대학", "유관기관"})


def find_companies(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in CORP_RE.finditer(text):  # ㈜한울로보틱스, 주식회사 비전랩스, 퓨처메카(주)
        ms, me = m.span()
        after = _NAME_RUN.match(text, me + (text[me:me + 1] == " "))
        if ms > 0 and _NAME_CHAR.match(text, ms - 1):  # the mark closes a name: 퓨처메카(주)
            s, e = _NAME_RUN_BACK.search(text, max(0, ms - 30), ms).start(), me
            if s > 0 and text[s - 1] in "㈜)" and "-" in text[s:ms]:
                s = text.rindex("-", s, ms) + 1  # '㈜노루페인트-뉴튠㈜': a list joined by hyphens, one name each
        elif after is not None:  # the mark opens one: ㈜한울로보틱스, 주식회사 비전랩스
            s, e = ms, view.core_end(after.start(), after.end())
            if e - after.start() < 2:
                continue  # '주식회사로 설립된다': the word itself, no name
        else:
            continue
        if e - s >= 3 and (s == 0 or not _NAME_CHAR.match(text, s - 1)):
            yield s, e, "COMPANY", {"rule": "corp_mark"}
    for m in GROUP_RE.finditer(text):
        s = m.start()
        if s > 0 and _NAME_CHAR.match(text, s - 1):
            continue
        e = view.core_end(s, m.end())
        cut = e == m.end() and particle_fused(text[s:e])
        if cut:
            e -= 1  # 'KT클라우드가': Kiwi read 클라우드가 as one noun (the token is cut, components.py)
        if text.endswith("은행장", s, e):
            e -= 1  # 'IBK기업은행장': the bank fused with its head's title (companies.py)
        name = text[s:e]
        prefix = next((g for g in sorted(LATIN_GROUPS + HANGUL_GROUPS, key=len, reverse=True) if name.startswith(g)), "")
        rest = name[len(prefix):]
        if len(rest) < (1 if prefix.isascii() else 2) or rest in GROUP_REST_STOP or not (cut or view.aligned(s, e)):
            continue
        if prefix.isascii() and not "가" <= rest[0] <= "힣":
            continue  # KTX, DNA, KT&G are no SK/KT/DN group companies
        if prefix == "현대" and not rest.endswith(STRONG_SUFFIXES):
            continue  # 현대 is also 'modern': 현대사회, 현대미술
        if not prefix.isascii() and view.single_word_tag(s, e) in ("NNG", "VV", "VA", "MAG"):
            continue
        yield s, e, "COMPANY", {"rule": "group", "_cut": True} if cut else {"rule": "group"}
    for m in SUFFIX_RE.finditer(text):
        e = m.end()
        s = _NAME_RUN_BACK.search(text, max(0, m.start() - 30), m.start()).start()
        while s < m.start() and text[s] in "&-":
            s += 1
        if s == m.start() or view.core_end(s, view.word_end(s)) != e or not view.aligned(s, e):
            continue
        name = text[s:e]
        suffix = m.group()
        prefix = name[: -len(suffix)]
        if len(prefix) < 2 or prefix in GENERIC_PREFIXES or prefix.endswith(("·", "-")):
            continue
        latin = bool(re.fullmatch(r"[A-Z][A-Z0-9&]+", prefix))
        if suffix in WEAK_SUFFIXES and not latin and view.tag_at(s) != "NNP":
            continue
        if not latin and view.tag_at(s) not in ("NNP", "NNG", "SL"):
            continue
        yield s, e, "COMPANY", {"rule": "suffix"}
    for m in LATIN_CTX_RE.finditer(text):
        yield m.start(), m.end(), "COMPANY", {"rule": "latin_context"}
    for m in _HEAD_OF_RE.finditer(text):  # '스플래시데이터의 CEO인', '라온시큐어 CEO는'
        s, e = m.span(1)
        if (s > 0 and not text[s - 1].isspace() and text[s - 1] not in "(,·'\"") or not view.aligned(s, e) \
                or not view.is_nominal(s, e):
            continue
        if s >= 2 and text[s - 1] == " " and view.is_nominal(view.word_start(s - 1), s - 1) and is_name(view, s, e, True):
            continue  # '한국조선해양 가삼현 대표이사': the name of the head after the body
        if view.tag_at(s) == "NNP" or view.single_word_tag(s, e) == "NNG" and unknown_word(text[s:e]):
            yield s, e, "COMPANY", {"rule": "head_of"}


# a company named by its chief executive's post: 'X의 CEO', 'X 대표이사'
_HEAD_OF_RE = re.compile(r"([가-힣][가-힣A-Za-z0-9&]{1,19}?)(?:의)? (?:CEO|최고경영자|대표이사)"
                         r"(?=[은는이가인와과도의를을]|[\s,.)]|$)")


# a known company's local arm ('사피온코리아', '엔비디아코리아'): the whole name is the company
_LOCAL_ARM = re.compile(r"(?:코리아|재팬|차이나|아메리카|USA|Korea)(?![A-Za-z0-9])")


def find_local_arms(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    for m in _LOCAL_ARM.finditer(text):
        s = view.word_start(m.start())
        info = lex.names.get(text[s:m.start()])
        if info is None or info.type != "COMPANY" or view.core_end(s, view.word_end(s)) != m.end():
            continue
        yield s, m.end(), "COMPANY", {"rule": "local_arm"}


def find_list_items(view: TextView, ents: list[tuple[int, int, str]]) -> Iterator[Cand]:
    """Members of 'A, B, C 등 기업' lists that no other rule named. Items already found
    keep their own type; unknown items become COMPANY (or ORGANIZATION after 기관/협회)."""
    text = view.text
    ent_at_end = {e: (s, lab) for s, e, lab in ents}
    for m in [*LIST_RE.finditer(text), *COUNT_LIST_RE.finditer(text)]:
        label = "ORGANIZATION" if m.group("head") in ORG_LIST_HEADS else "COMPANY"
        pos = m.start()  # end of the last item
        while pos > 0:
            if pos in ent_at_end:  # an entity (maybe of several words): keep it, go on before it
                s = ent_at_end[pos][0]
            else:
                s = view.word_start(pos)
                s += text[s] in "△▲"  # a bulleted item: '△경인양행'
                word = text[s:pos]
                if not word or len(word) > 20 or not view.aligned(s, pos) or not view.is_nominal(s, pos):
                    break
                for part_start, part in _split_dots(s, word):
                    # unknown names are proper nouns to Kiwi (에이로봇/NNP); 인사, 정부 are not; a
                    # company's name of known words ('다래소재') is no word Kiwi knows as a whole
                    if len(part) >= 2 and (view.tag_at(part_start) in ("NNP", "SL", "SH") or label == "COMPANY"
                                           and len(part) >= 3 and part not in GENERIC_PREFIXES and unknown_word(part)):
                        yield part_start, part_start + len(part), label, {"rule": "list"}
            # a Latin name of several words ('Samsung Biologics', 'LG Display'): one item
            latin_s = s
            while _LATIN_WORD.fullmatch(text, view.word_start(latin_s - 1) if latin_s > 1 else 0, latin_s - 1) \
                    and text[latin_s - 1:latin_s] == " " and _LATIN_WORD.match(text, latin_s) and latin_s - s < 40:
                latin_s = view.word_start(latin_s - 1)
            if latin_s != s:
                s = latin_s
                yield s, pos, label, {"rule": "list"}
            # the separator before this item decides whether the list goes on
            before = text[max(0, s - 3):s]
            if before.endswith(", "):
                pos = s - 2
            elif before.endswith((",", "·")):
                pos = s - 1
            elif before.endswith(("와 ", "과 ")) and s >= 3 and view.tag_at(s - 2) in ("JC", "JKB"):
                pos = s - 2
            elif before.endswith(("△", "▲")) and s >= 2 and text[s - 2] == " ":
                pos = s - 2  # '△주성엔지니어링 △경인양행 … 등 22개사'
            elif text[max(0, s - 3):s] == "및 ":
                pos = s - 3
                while pos > 0 and text[pos - 1] == " ":
                    pos -= 1
            else:
                break


def _split_dots(start: int, word: str) -> Iterator[tuple[int, str]]:
    pos = start
    for part in word.split("·"):
        yield pos, part
        pos += len(part) + 1
