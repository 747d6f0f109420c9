"""Firms named by marks that only businesses carry, common in news and hearings, beyond
`companies.py` and `company_cues.py`:

- a stock code right after the name, as economic news writes listed firms ('가온칩스[399720]',
  '에이직랜드(445090)', '삼성전자(005930.KS)');
- a law or accounting firm by its form ('법무법인 광장', '법무법인(유한) 태평양', '삼일회계법인');
  the guideline makes law firms companies;
- the outlet of a reporter or producer in a broadcast caption ('녹취> 로이스튼 찬 / AP 뉴스PD'),
  which the caption rule of `company_cues.py` (heads of firms) does not read;
- the outlet and the reporter of a news item's byline ('[한빛경제 김민수 기자]', '[한빛경제=김민수
  기자]', '(대전=한빛뉴스)'): every article of a paper or an agency opens so.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.company_cues import _dictionary_noun
from ingest.nlp.lexicon import Lexicon
from ingest.nlp.patterns import GENERIC_PREFIXES
from ingest.nlp.people import unknown_word
from ingest.nlp.titles import NOT_NAMES, SURNAMES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# a code of the Korea Exchange: six digits (newer ones end in a letter: '0126Z0'), optionally
# with the market ('.KS', '.KQ'), in square or round brackets straight after the name
_STOCK = re.compile(r"(?<![가-힣A-Za-z0-9&.\-])([가-힣A-Za-z][가-힣A-Za-z0-9&.\-]{0,19}[가-힣A-Za-z0-9])"
                    r"(?:\[(\d{6}|\d{4}[A-Z]\d)(?:\.K[SQ])?\]|\((\d{6}|\d{4}[A-Z]\d)(?:\.K[SQ])?\))")
# what a number in brackets counts after a word that is no firm ('과제번호(123456)', '우편번호')
_NOT_FIRM_WORDS = ("번호", "코드", "ID", "아이디", "계좌")
# '법무법인 광장', '법무법인(유한) 태평양', '법무법인 율촌의': the form opens the name
_LAW_FIRM = re.compile(r"(?<![가-힣A-Za-z0-9])법무법인(?:\s?\((?:유한|유)\))?\s([가-힣A-Za-z][가-힣A-Za-z0-9&]{0,9})")
# '삼일회계법인', '딜로이트 안진회계법인': the form closes the name (one word)
_ACCOUNTING = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9&]{0,9}(?:회계법인|특허법인|세무법인))"
                         r"(?=[은는이가을를의와과도에\s,.)·]|$)")
# a caption of who speaks in a broadcast item: '녹취> 이름 / 매체 기자', also mid-line when the
# page is flattened; the outlet of a reporter or producer is a firm (broadcasters and papers are)
_MEDIA_CAPTION = re.compile(r"(?:^|(?<=[>\n]))\s*[가-힣]{1,6}(?: [가-힣]{1,6}){0,2}\s?/\s?"
                            r"([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15})\s(?:기자|특파원|뉴스PD|PD|프로듀서|앵커|편집장|논설위원)"
                            r"(?=[\s,\"“'‘]|$)")
_NOT_MEDIA = ("협회", "재단", "대학교", "대학", "연구원", "연구소", "센터", "위원회", "청", "부", "처", "기자단", "방송원")


# a byline: '[매체 이름 기자]', '[매체=이름 기자]', '(매체=이름 특파원)'; a dateline: '(서울=매체)',
# '[세종=매체]' (the place before '=' a known one; the reporter after it)
_BYLINE = re.compile(r"[\[(]\s?([가-힣A-Za-z][가-힣A-Za-z0-9]{1,12})(?:\s?=\s?|\s)([가-힣]{2,4})\s?(?:기자|특파원)"
                     r"(?=\s?[\])=]|\s|$)")
_DATELINE = re.compile(r"[\[(]([가-힣]{2,6})\s?=\s?([가-힣A-Za-z][가-힣A-Za-z0-9]{1,12})[\])]\s?[가-힣]{2,4}\s?(?:기자|특파원)")


def find_firm_marks(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    """All the cues of this module, as COMPANY candidates (and a byline's reporter)."""
    yield from find_stock_coded(view, lex)
    yield from find_law_firms(view)
    yield from find_media_captions(view, lex)
    yield from find_bylines(view, lex)
    yield from find_spokes(view, lex)
    yield from find_sites(view, lex)
    yield from find_described(view, lex)
    yield from find_head_after(view, lex)
    yield from find_deals(view, lex)


# a firm bought, merged or founded ('다솜을 인수했다', '누리온과 합병', '누리온을 창업한'), and the
# buyer before it ('누리온이 다솜을 인수했다'): shares and units are common nouns ('지분을 인수')
_NAME_RE = r"[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}"
_DEAL = re.compile(rf"(?<![가-힣A-Za-z0-9&])(?:({_NAME_RE})(?:이|가|은|는) )?({_NAME_RE})(?:을|를) (?:인수|흡수합병|합병|창업)"
                   r"(?:했|한|하기로|하는|할|해|하며|하고|키로)")
_MERGED = re.compile(rf"(?<![가-힣A-Za-z0-9&])({_NAME_RE})(?:과|와)(?:의)? (?:합병|인수합병)")


def find_deals(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "인수" not in text and "합병" not in text and "창업" not in text:
        return
    for m in (*_DEAL.finditer(text), *_MERGED.finditer(text)):
        for g in range(1, (m.re.groups or 0) + 1):
            if m.group(g) is not None and _bare_name(view, lex, *m.span(g)):
                yield *m.span(g), "COMPANY", {"rule": "deal"}


# a firm with its head's name and post in brackets ('△마엇(오동식 대표)'), as '누리온(대표 김철수)'
# is read elsewhere: the name before the bracket is the firm
_HEAD_AFTER = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})\(([가-힣]{2,4}) (?:대표이사|공동대표|대표|사장|회장|CEO)\)")


def find_head_after(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "(" not in text:
        return
    for m in _HEAD_AFTER.finditer(text):
        s, e = m.span(1)
        word = m.group(1)
        if _bare_name(view, lex, s, e) or word not in lex.names and view.single_word_tag(s, e) in ("NNG", "NNP") \
                and word not in lex.places and word not in GENERIC_PREFIXES and not word.endswith(_NOT_SIDES) \
                and not _dictionary_noun(word):  # '업체(김철수 대표)': a kind, no name
            yield s, e, "COMPANY", {"rule": "head_after"}


def _bare_name(view: TextView, lex: Lexicon, s: int, e: int) -> bool:
    """Whether [s, e) is a name no list knows that may be a firm: Kiwi's one proper noun, a
    word it does not know, or a capitalised Latin name; not a person's name (three syllables,
    a surname first), a place or a generic word."""
    word = view.text[s:e]
    if word in lex.names or word in lex.places or word in GENERIC_PREFIXES or word in NOT_NAMES \
            or len(word) == 3 and word[0] in SURNAMES or word.endswith(_NOT_SIDES) or not view.aligned(s, e):
        return False
    ms = view.morphs_in(s, e)
    latin = word.isascii() and word[0].isupper() and not word.isupper()
    mixed = re.fullmatch(r"[가-힣]{2,6}[A-Z]{2,5}", word) is not None and not word.endswith(("AI", "IT", "ICT", "SW", "TV"))
    return latin or mixed or len(ms) == 1 and ms[0].tag == "NNP" or len(word) >= 3 and unknown_word(word)


# a firm's site after its name, a town between ('누리온 판교 본사를', '누리온 공장을 찾아')
_SITE = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}) (?:([가-힣]{2,4}) )?"
                   r"(?:본사|사옥|생산공장|공장|생산라인|물류센터)(?=[은는이가을를의에와과도\s,.]|$)")


def find_sites(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "본사" not in text and "사옥" not in text and "공장" not in text and "센터" not in text:
        return
    for m in _SITE.finditer(text):
        s, e = m.span(1)
        if m.group(2) is not None and m.group(2) not in lex.places:
            continue  # '누리온 판교 본사': only a town between
        if _bare_name(view, lex, s, e):
            yield s, e, "COMPANY", {"rule": "firm_site"}


# a firm described by the copula at the end of its sentence ('누리온은 2019년 설립된 AI 반도체
# 스타트업이다', '… 생산 업체로,'): the subject opens the sentence, the kind closes it
_DESCRIBED = re.compile(r"(?:^|(?<=[.!?\n]\s)|(?<=[.!?\n]))(?:[가-힣0-9]{1,6} ){0,2}?([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})(?:은|는) "
                        r"[^.!?\n\"“”]{2,60}?"
                        r"(?:기업|업체|회사|스타트업|제조사|제조기업|전문기업|벤처기업|유니콘|상장사)(?:이다|입니다|로|으로|로서)[.,\s]")
# a firm after its founding ('2019년 설립된 누리온은', '2015년 창업한 다온랩이')
_FOUNDED = re.compile(r"(?:설립된|창업한|창립된|설립한) ([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14})(?=(?:은|는|이|가|을|를|의|도) )")


def find_described(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "이다" not in text and "입니다" not in text and "로" not in text and "설립" not in text and "창업" not in text:
        return
    for m in (*_DESCRIBED.finditer(text), *_FOUNDED.finditer(text)):
        s, e = m.span(1)
        if _bare_name(view, lex, s, e):
            yield s, e, "COMPANY", {"rule": "described_firm"}


# a side that speaks through its staff ('누리온 관계자는', '누리온 측은'): before it a name no list
# knows, which Kiwi reads as one proper noun or does not know, or a Latin name; people's names
# (three syllables, a surname first), places, parties, offices, plants and churches have sides
# too, and are left alone, as is the last word of a longer name ('포니 캐니언 측')
_NOT_SIDES = ("당", "실", "청", "부", "처", "원", "회", "단", "소", "원전", "성전", "교회", "학교", "대학", "병원", "센터", "재단",
              "협회", "조합", "노조", "위원회", "시", "군", "구", "도",
              "위", "본부", "공단", "공사", "국", "과", "팀", "법원", "검찰", "경찰")  # '신남방정책특위 관계자들이': a committee
_SPOKES = re.compile(r"(?<![가-힣A-Za-z0-9&])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}) (?:관계자|측(?=[은는이가도에의과]|\s))")


def find_spokes(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "관계자" not in text and " 측" not in text:
        return
    for m in _SPOKES.finditer(text):
        s, e = m.span(1)
        if not _bare_name(view, lex, s, e):
            continue
        if s >= 2 and text[s - 1] == " " and (text[s - 2].isascii() and text[s - 2].isalnum()
                                              or view.tag_at(view.word_start(s - 2)) in ("NNP", "SL")):
            continue  # 'NHN 엔터테인먼트 측': the end of a name in two words
        yield s, e, "COMPANY", {"rule": "spokes"}


def find_bylines(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "기자" not in text and "특파원" not in text and "=" not in text:
        return
    for m in _BYLINE.finditer(text):
        (s, e), (ps, pe) = m.span(1), m.span(2)
        name = m.group(1)
        if name in lex.places or _known_other(lex, name) or name.endswith(_NOT_MEDIA) or not view.aligned(s, e):
            continue
        yield s, e, "COMPANY", {"rule": "byline", "byline": True, "org_kind": "media"}
        if view.aligned(ps, pe):
            yield ps, pe, "PERSON", {"rule": "byline", "title": "기자", "byline": True}
    for m in _DATELINE.finditer(text):
        s, e = m.span(2)
        name = m.group(2)
        if m.group(1) not in lex.places or _known_other(lex, name) or name in lex.places or not view.aligned(s, e):
            continue
        yield s, e, "COMPANY", {"rule": "byline", "byline": True, "org_kind": "media"}


def _known_other(lex: Lexicon, name: str) -> bool:
    """Whether the gazetteer knows `name` as something other than a company."""
    info = lex.names.get(name)
    return info is not None and info.type != "COMPANY"


def find_stock_coded(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "[" not in text and "(" not in text:
        return
    for m in _STOCK.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if name.endswith(_NOT_FIRM_WORDS) or _known_other(lex, name) or not view.aligned(s, e):
            continue
        yield s, e, "COMPANY", {"rule": "stock_code", "_prio": 29}  # over a place ('보령[003850]')


def find_law_firms(view: TextView) -> Iterator[Cand]:
    text = view.text
    if "법인" not in text:
        return
    for m in _LAW_FIRM.finditer(text):
        s, e = m.start(), view.core_end(m.start(1), m.end(1))
        if e - m.start(1) >= 2 and view.aligned(s, e):
            yield s, e, "COMPANY", {"rule": "law_firm"}
    for m in _ACCOUNTING.finditer(text):
        s, e = m.span(1)
        if view.aligned(s, e):
            yield s, e, "COMPANY", {"rule": "law_firm"}


def find_media_captions(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "/" not in text:
        return
    for m in _MEDIA_CAPTION.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if name.endswith(_NOT_MEDIA) or name in lex.places or _known_other(lex, name) or not view.aligned(s, e):
            continue
        yield s, e, "COMPANY", {"rule": "media_caption", "org_kind": "media"}
