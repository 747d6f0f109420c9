"""Small firms the gazetteer does not know, named by cues that recur across releases and
news items (visits to a factory, selected firms, MOUs), beyond `companies.py`:

- a business kind before a quoted name ("게임사 '달빛스튜디오'와", "스타트업 ‘그린웨이브’의");
- the first of a counted group of firms ('한울금형을 비롯한 15개사', '… 비롯해 20개 기업');
- the body of a broadcast caption's head ('녹취> 박진우 / 누리웨어 대표');
- a firm's name ending in its trade ('해든솔루션', '동방엔텍', '대광기계'), when the part
  before the trade is a name (a proper noun or a word Kiwi does not know) and no place:
  '산업기계', '스마트솔루션' and '하이테크' stay common nouns.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.lexicon import Lexicon
from ingest.nlp.patterns import GENERIC_PREFIXES
from ingest.nlp.kiwi import get_kiwi
from ingest.nlp.people import OOV_SCORE, unknown_word
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_NAME = r"[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\- ]{0,18}[가-힣A-Za-z0-9]"
# kinds of business that stand before a firm's quoted name (also 소상공인 'shop'); programmes
# after them ("소상공인 '희망리턴패키지'") end in their kind or are followed by it
_QUOTED = re.compile(r"(?<![가-힣A-Za-z0-9])(?:[가-힣]{0,6}(?:기업|업체)|게임사|운영사|개발사|제조사|협력사|스타트업|자회사|계열사|소상공인|소공인)"
                     rf"(?:인)?\s?['‘\"“]({_NAME})['’\"”](?=[은는이가을를의와과도에,\s·)]|$)")
# what a quoted programme or product ends with, not a firm ("기업 '밸류업' 프로그램" is cut by the next word)
_NOT_FIRM_END = ("사업", "프로그램", "지원", "패키지", "바우처", "캠페인", "펀드", "대출", "자금", "센터", "플랫폼",
                 "챌린지", "데이", "페스타", "축제", "정책", "전략", "제도", "상", "대회", "포럼", "서비스", "프로젝트")
_NEXT_HEAD = re.compile(r"\s?(?:사업|프로그램|프로젝트|캠페인|서비스|제품|브랜드|플랫폼|모델|앱|상품|지원)")
_KIND_ENDS = ("기업", "업체", "기관", "단체", "부문", "분야", "업종", "협회", "산업")
_LEADING = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15})(?:(?:을|를)\s비롯(?:한|해|하여)|\s등)\s"
                      r"(?:[가-힣]{1,8}\s){0,2}?(?:총\s?)?\d[\d,]*여?\s?(?:개사|개\s?기업|개\s?업체)")
# a firm after the role it has in a deal or a programme ('주관사 바른비즈', '시공사인 대림건업과', '투자사 블루캐피탈은')
_ROLE_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])(?:공동)?(?:주관사|운영사|위탁운영사|시공사|시행사|투자사|운용사|개발사|게임사|"
                          r"자회사|계열사|배급사|수탁사|파트너사|납품사|공급사|상장사|회원사|회장사|부회장사|의장사|고객사|입주사)(?:인|로는|는)? (?=\S)")
# trades that close a small firm's name; each is also a common noun after a common word
_TRADES = ("솔루션", "테크", "엔텍", "하이텍", "기공", "금형", "정공", "기계", "이엔지", "인터내셔널", "시스템")
# fields named '…테크', '…솔루션' ('애그테크', '프롭테크', '토탈솔루션'): sectors and offers, no firms
_FIELD_PREFIXES = frozenset({"애그", "아그리", "프롭", "클라이밋", "에듀", "푸드", "핀", "헬스", "기후", "클린", "그린", "딥", "펫",
                             "리걸", "레그", "섭", "인슈어", "마린", "뷰티", "스페이스", "케어", "퀀텀", "메드", "에이징", "시빅",
                             "거브", "스포츠", "애드", "에너지", "엔터", "소셜", "모빌", "세이프", "트래블", "패션", "에코",
                             "카본", "워터", "오션", "하이", "로우", "토탈", "원스톱", "통합", "맞춤형", "스마트", "디지털"})
_FIRM_ONLY = ("엔텍", "하이텍", "이엔지", "인터내셔널")  # no common word ends so: any name before them
_TRADE_END = re.compile(r"(?<=[가-힣A-Za-z])(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + r")(?![A-Za-z0-9가-힣])"
                        r"|(?<=[가-힣A-Za-z])(?:" + "|".join(sorted(_TRADES, key=len, reverse=True)) + r")(?=[은는이가을를의와과도에로])")
_NAME_BACK = re.compile(r"[A-Za-z0-9가-힣&]*$")


_PLACE_ENDS = ("동", "구", "시", "군", "읍", "면")


def _dictionary_noun(word: str) -> bool:
    """Whether Kiwi knows `word` alone as one common noun ('분자', '산업', '스마트')."""
    tokens, score = get_kiwi().analyze(word, top_n=1)[0]
    return len(tokens) == 1 and tokens[0].tag.startswith("NN") and tokens[0].tag != "NNP" and score >= OOV_SCORE


def find_company_cues(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    """All the cues of this module, as COMPANY candidates."""
    yield from find_quoted_firms(view, lex)
    yield from find_leading_firms(view, lex)
    yield from find_trade_names(view, lex)
    yield from find_caption_firms(view, lex)
    yield from find_role_firms(view, lex)


def find_role_firms(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "사" not in text:
        return
    for m in _ROLE_BEFORE.finditer(text):
        ws = m.end()
        we = view.core_end(ws, view.word_end(ws))
        word = text[ws:we]
        if len(word) < 2 or not view.aligned(ws, we) or not view.is_nominal(ws, we) or word in lex.places:
            continue
        info = lex.names.get(word)
        if info is not None and info.type != "COMPANY" or word.endswith(_KIND_ENDS):
            continue  # '주관사 한국무역협회': a known body keeps its type
        tag = view.single_word_tag(ws, we)
        if tag == "NNP" or unknown_word(word) or (tag == "SL" and word[0].isupper() and not word.isupper()) \
                or not _dictionary_noun(word) and view.tag_at(ws) == "NNP":
            yield ws, we, "COMPANY", {"rule": "role_firm"}


# a broadcast caption of who speaks ('녹취> 박진우 / 누리웨어 대표', '인터뷰> 김하늘 / 한빛소재
# 대표이사'): after the slash, the body then the post; a head's post names a firm unless the body
# is a group, council or public body by its ending
_CAPTION = re.compile(r"(?m)^(?:[가-힣 ]{0,6}>\s*)?[가-힣]{2,4}\s?/\s?([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15})\s"
                      r"(?:대표이사|공동대표|대표|사장|부사장|회장|부회장|CEO|창업자)(?=\s*$|[\s,(])")
_NOT_FIRM_BODY = ("협회", "조합", "연합회", "중앙회", "재단", "학회", "포럼", "센터", "위원회", "협의회", "공사", "공단",
                  "대학교", "대학", "연구원", "연구소", "진흥원", "당", "연대", "본부", "노조", "시민", "모임", "네트워크",
                  "회", "단", "원", "청", "부", "처", "시", "군", "구", "도")  # '상인회', '○○시': a council or a place


def find_caption_firms(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "/" not in text:
        return
    for m in _CAPTION.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        info = lex.names.get(name)
        if name.endswith(_NOT_FIRM_BODY) or name in lex.places or info is not None and info.type != "COMPANY":
            continue
        yield s, e, "COMPANY", {"rule": "caption_firm"}


def find_quoted_firms(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "'" not in text and "‘" not in text and '"' not in text and "“" not in text:
        return
    for m in _QUOTED.finditer(text):
        s, e = m.span(1)
        name = m.group(1)
        if name.endswith(_NOT_FIRM_END) or name.count(" ") > 2 or name in lex.places or name in GENERIC_PREFIXES \
                or any(w.isdigit() for w in name.split()):
            continue
        if _NEXT_HEAD.match(text, m.end()):
            continue  # "업체 '한빛' 브랜드": the quoted word names a product; "기업 '국가대표 1000'": a list
        info = lex.names.get(name)
        if info is not None and info.type != "COMPANY" or info is None and _dictionary_noun(name):
            continue  # "소상공인 '골목'": a word of the dictionary, no shop's name
        yield s, e, "COMPANY", {"rule": "quoted_firm", "_prio": 29}  # over the quoted name read as a plan (28)


def find_leading_firms(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    if "비롯" not in text and " 등 " not in text:
        return
    for m in _LEADING.finditer(text):
        s, e = m.span(1)
        word = m.group(1)
        info = lex.names.get(word)
        if info is not None and info.type != "COMPANY" or word in lex.places or word in GENERIC_PREFIXES:
            continue  # '산업부를 비롯한 …': a known body keeps its type
        inflected = any(mo.tag.startswith(("J", "E", "V")) for mo in view.morphs_in(s, e))  # '다온케어': 다/MAG 온 케어
        if not view.aligned(s, e) or inflected or word.endswith(_KIND_ENDS) or _dictionary_noun(word):
            continue  # '중소기업을 비롯한 …', '제조업을 비롯한 …': a kind, not a firm
        yield s, e, "COMPANY", {"rule": "leading_firm"}


def find_trade_names(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    for m in _TRADE_END.finditer(text):
        e = m.end()
        s = _NAME_BACK.search(text, max(0, m.start() - 12), m.start()).start()
        prefix, word = text[s:m.start()], text[s:e]
        if len(prefix) < 2 or prefix in GENERIC_PREFIXES or prefix in _FIELD_PREFIXES or prefix in lex.places \
                or word in lex.names:
            continue
        if prefix.isascii() and (prefix.isupper() or not prefix[0].isupper()):
            continue  # 'AI솔루션', 'IT시스템': an acronym of a field, no name
        if (s > 0 and text[s - 1] in "·-&") or not view.aligned(s, e) or view.core_end(s, view.word_end(s)) != e:
            continue
        weak = not word.endswith(_FIRM_ONLY)
        if weak and not prefix.isascii() and (_dictionary_noun(prefix) or view.tag_at(s) != "NNP" and not unknown_word(prefix)):
            continue  # '산업기계', '분자기계', '스마트솔루션': a common word before the trade
        if prefix.endswith(_PLACE_ENDS):
            continue  # '아름동기계': a neighbourhood, town or district
        if weak and not unknown_word(word) and view.single_word_tag(s, e) == "NNG":
            continue  # '하이테크': a word of the dictionary
        yield s, e, "COMPANY", {"rule": "trade_name"}
