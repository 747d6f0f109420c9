"""Bodies and places that real releases name without a gazetteer entry, read off the
shape of the phrase rather than a list of names:

- foreign government bodies after their country ('미국 상무부', '일본 경제산업성',
  '미국 무역대표부(USTR)'): the country stays a LOCATION of its own, the body is a MINISTRY
  (the gold guideline's '미국 상무부 → 미국 + 상무부');
- the parts of an address after a place ('서울특별시 을지로 소재', '종로구 세종대로 …에서',
  '청주시 오송읍에서'): a road, town or neighbourhood Kiwi knows as a proper noun;
- markets that someone visits ('남대문 시장을 찾아', '부전시장에 들러'): 시장 is also a mayor
  and 'the market' in general, so only a visit verb after it makes it a place.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ingest.nlp.ents import Ent, span_mask
from ingest.nlp.titles import SURNAMES
from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

# the word after a country: a ministry, agency, office or committee of that country
_FOREIGN_BODY = re.compile(
    r"[가-힣]{1,8}(?:부|청|처|국|위원회|대표부)|(?:경제산업|외무|재무|방위|총무|법무|환경|국토교통|후생노동|문부과학|농림수산|국방)성")
# endings that are no body ('미국 남부', '중국 정부', '일본 내부', '미국 측 대표부'?)
_NOT_BODY = frozenset({"정부", "남부", "북부", "동부", "서부", "중부", "내부", "외부", "일부", "전부", "본부", "간부", "세부",
                       "대부", "상부", "하부", "전국", "제국", "당국", "양국", "각국", "본국", "자국", "타국", "외국", "상대국",
                       "대국", "강국", "시청", "도청", "민정", "교육청", "군부"})
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")  # 'USTR', 'KCCI', not '(Democratic)'

# address parts: road (로, 길, 대로), town (읍, 면), neighbourhood (동, 리)
_ADDRESS_PART = re.compile(r"[가-힣0-9]{1,8}(?:대로|로|길|읍|면|동|리)")
_ADDRESS_TAILS = ("", "소재", "에", "에서", "에서는", "일대", "일원", ",", ")")

# 'X 시장을 찾아', 'X시장에 들러': a market that is visited
_MARKET = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,5}) ?시장(?=(?:을|를|에|에서|에는) ?(?:찾|들르|들러|들렀|방문|둘러|돌아|다녀))")
_GENERIC_MARKET = frozenset({"전통", "재래", "국내", "해외", "세계", "글로벌", "금융", "주식", "노동", "수출", "내수", "지역",
                             "동네", "인근", "수산", "농산물", "청과", "도매", "소매", "중고", "시장"})


def find_shapes(view: TextView, known: list[Cand], cands: list[Cand]) -> list[Cand]:
    """All the shapes of this module, after the gazetteer (`known`) and the other rule
    candidates (`cands`: places, companies, organisations) are found."""
    places = {(s, e): a.get("place_kind", "") for s, e, lab, a in cands if lab == "LOCATION"}
    out = list(find_foreign_bodies(view, places))
    out += find_address_parts(view, {e for _s, e in places} | {e for _s, e, _l, a in known if a.get("gov_kind") == "local"})
    out += find_markets(view)
    out += find_body_halls(view, [(s, e) for s, e, lab, _a in [*known, *cands] if lab in _ORG_TYPES])
    out += find_sub_venues(view, [(s, e) for (s, e), kind in places.items() if kind == "venue"])
    out += find_kind_named(view)
    out += find_education_offices(view, known)
    out += find_marked_companies(view)
    out += find_bracket_acronyms(view, [*known, *cands, *out])
    return out


_ORG_TYPES = ("MINISTRY", "COMPANY", "ORGANIZATION")


def find_foreign_bodies(view: TextView, places: dict[tuple[int, int], str]) -> Iterator[Cand]:
    """A government body right after a country ('미국 상무부', '중국 상무부가'), and its
    acronym in brackets ('무역대표부(USTR)'). `places` maps LOCATION spans to their kind."""
    text = view.text
    for (s, e), kind in places.items():
        if kind != "country" or not text.startswith(" ", e):
            continue
        ws = e + 1
        we = view.core_end(ws, view.word_end(ws))
        m = _FOREIGN_BODY.fullmatch(text, ws, we)
        if m is None or we - ws < 3 or text[ws:we] in _NOT_BODY or text[ws:we].endswith(("당국", "준비위원회")) \
                or not view.aligned(ws, we) or not view.is_nominal(ws, we):
            continue  # '영국 대처 총리', '정보당국', '창립준비위원회'
        if text[s:e] in ("한국", "대한민국"):
            continue  # Korean bodies are the gazetteer's; this rule names foreign ones
        if text[ws:we].endswith("국") and we - ws < 4:
            continue  # '미국 양국', '중국 당국': a generic word, not an agency's name
        yield ws, we, "MINISTRY", {"rule": "foreign_body", "gov_kind": "foreign"}
        if (a := _ACRONYM.match(text, we)) is not None:
            yield a.start(1), a.end(1), "MINISTRY", {"rule": "foreign_body", "gov_kind": "foreign"}


def find_address_parts(view: TextView, places: set[int]) -> Iterator[Cand]:
    """A road, town or neighbourhood after a place of the same address ('서울특별시 을지로
    소재', '청주시 오송읍에서'): one proper noun to Kiwi, then a locative tail. `places`
    holds the ends of the places and local governments found so far."""
    text = view.text
    for end in sorted(places):
        pos = end
        for _ in range(2):  # '분당구 판교로', '종로구 세종대로 …'; at most two parts
            if not text.startswith(" ", pos):
                break
            ws = pos + 1
            we = view.core_end(ws, view.word_end(ws))
            if _ADDRESS_PART.fullmatch(text, ws, we) is None or view.single_word_tag(ws, we) != "NNP":
                break
            tail = text[we:view.word_end(we)]
            if tail not in _ADDRESS_TAILS and not tail.startswith((",", ")")) and not text[we:we + 1].isdigit():
                break
            yield ws, we, "LOCATION", {"rule": "address", "place": text[ws:we]}
            pos = we
            if tail:
                break


def find_markets(view: TextView) -> Iterator[Cand]:
    """A market that someone visits ('남대문 시장을 찾아', '부전시장에 들러')."""
    text = view.text
    for m in _MARKET.finditer(text):
        s, e = m.start(1), m.end()
        if m.group(1) in _GENERIC_MARKET or not view.aligned(s, e):
            continue
        if " " in m.group() and view.tag_at(s) != "NNP":
            continue  # '반도체 시장을 찾아': a common noun before the word is 'the … market'
        yield s, e, "LOCATION", {"rule": "market", "place": text[s:e]}


_FUSED_HEAD = re.compile(r"(?:장|지사)(?=[\s,.)(·]|[은는이가도의와과께을를]|$)")
_BULLETS = "▲△▶▷■□●○◆◇◎•※-*ㅇ"


def head_fused(view: TextView, s: int, e: int, name: str) -> bool:
    """'이재명 경기도지사,', '박형준 부산시장과': a local government [s, e) fused with its head's
    title right after the head's name (Kiwi reads 경기/도지사 and 부산시장 as one noun), which
    the guideline takes as a mention of the body."""
    text = view.text
    m = _FUSED_HEAD.match(text, e)
    if m is None or (m.group() == "지사") != name.endswith("도") or s < 3 or text[s - 1] != " ":
        return False
    ws = view.word_start(s - 1)
    while ws < s - 1 and text[ws] in _BULLETS:
        ws += 1
    word = text[ws:s - 1]
    return 2 <= len(word) <= 4 and all("가" <= c <= "힣" for c in word) and word[0] in SURNAMES \
        and view.is_nominal(ws, s - 1)  # '… 지었다면 서울시장이나': a verb, no name


# what may follow a body's name that stands alone: a particle (or none), then no more letters
_AFTER_BODY = re.compile(r"(?:에서는|에서|에게|과의|와의|으로|은|는|이|가|을|를|의|와|과|도|에|로|만|측|)(?![가-힣A-Za-z0-9])")


def find_body_repeats(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    """The other mentions of a company or organisation that a rule (not the gazetteer)
    named once by its context: '신상호 세아베스틸 대표이사 … 세아베스틸과 협약을 맺었다'.
    Names of three letters or more, as whole words that no entity covers."""
    text = view.text
    taken = span_mask(len(text), ents)
    learned = {text[s:e]: label for s, e, label, attrs in ents
               if label in ("COMPANY", "ORGANIZATION") and "_gaz" not in attrs and attrs.get("rule") and e - s >= 3}
    for name, label in sorted(learned.items()):
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if taken.find(1, s, e) != -1 or (s > 0 and text[s - 1].isalnum()) or not _AFTER_BODY.match(text, e):
                continue
            if view.aligned(s, e):
                taken[s:e] = b"\x01" * (e - s)
                yield s, e, label, {"rule": "repeat"}


# halls and buildings of a body: with the body's name they are one venue ('중소기업중앙회
# 그랜드홀', '한국정책방송원 청사', 'KTV 홍보관'); plants and head offices are not (the written
# guideline keeps 'KOTRA 본사', 'LG에너지솔루션 공장' as the body)
_HALL = re.compile(r" (?:청사|회의실|대회의실|소회의실|국제회의실|홍보관|전시관|그랜드홀|컨벤션홀|대강당|강당|상황실|브리핑룸)"
                   r"(?=에서|에|을|를|의|은|는|이|가|\(|\s|,|\)|$)")


def find_body_halls(view: TextView, bodies: list[tuple[int, int]]) -> Iterator[Cand]:
    """A body's hall named after it ('한국정책방송원 청사 1층', 'KTV 홍보관의'): one LOCATION."""
    text = view.text
    for s, e in bodies:
        m = _HALL.match(text, e)
        if m is not None:
            end = m.end()
            if (q := _HALL_NAME.match(text, end)) is not None:
                end = q.end()  # 'KTV 홍보관 '정말로'': the hall with its own name
            yield s, end, "LOCATION", {"rule": "hall", "place": text[s:end]}


_HALL_NAME = re.compile(r" '[^'\n]{1,15}'")


_SUB_VENUE = re.compile(r" ((?:제\d+)?[가-힣A-Za-z]*[0-9A-Za-z][가-힣A-Za-z0-9]*)(?=에서|\()")


def find_sub_venues(view: TextView, venues: list[tuple[int, int]]) -> Iterator[Cand]:
    """A hall of a venue named with a number or Latin letters ('코엑스 스튜디오159에서',
    '킨텍스 제2전시장에서'): a place of its own."""
    text = view.text
    for _s, e in venues:
        m = _SUB_VENUE.match(text, e)
        if m is not None and not m.group(1).isdigit() and view.aligned(*m.span(1)) and view.is_nominal(*m.span(1)):
            yield m.start(1), m.end(1), "LOCATION", {"rule": "venue", "place": m.group(1)}


def addressed(view: TextView, ent: Ent, nxt: list[Ent]) -> bool:
    """'KOTRA(서울 서초구)에서', '(장소: KOTRA(서울 서초구))': a body with a bracketed address
    after it, and then a locative particle or the end of the bracket it stands in."""
    text = view.text
    if not text.startswith("(", ent.end) or not nxt or nxt[0].start != ent.end + 1 or nxt[0].label != "LOCATION":
        return False
    close = text.find(")", ent.end, ent.end + 25)
    return close != -1 and text.startswith(("에서", "에 ", ")"), close + 1)


_HELD = re.compile(r"\s?(?:열리|열린|열렸|열립|개최되|개최된|개최됐|진행되|진행된|진행됐)")


def building_as_place(view: TextView, ent: Ent, nxt: list[Ent], tails: tuple[str, ...]) -> bool:
    """'청와대로 초청해', '청와대 상춘재에서' (a hall of it), '청와대에서 열립니다' (an event held
    there, no one acting): the building, not the office."""
    tail = view.tail(ent.end)
    if tail.rstrip(".,") in tails:
        return True
    if nxt and nxt[0].label == "LOCATION" and nxt[0].start == ent.end + 1:
        return True
    return tail.startswith("에서") and _HELD.match(view.text, ent.end + len(tail)) is not None


# a company named after the kind of business it is: '스타트업 뤼이드는', '방산기업 현대로템과',
# '협력사인 대한전선과'
_KIND_BEFORE = re.compile(r"(?<![가-힣A-Za-z0-9])(?:[가-힣A-Z]{0,6}(?:기업|업체)|스타트업|협력사|제조사|회사)(?:인)? (?=\S)")


def find_kind_named(view: TextView) -> Iterator[Cand]:
    """A word after a business kind ('스타트업 뤼이드는', 'AI 반도체 기업 리벨리온과'): a
    company when Kiwi reads it as a proper noun or does not know it as a word."""
    from ingest.nlp.people import unknown_word  # noqa: PLC0415  (people imports the lexicon)
    text = view.text
    for m in _KIND_BEFORE.finditer(text):
        ws = m.end()
        we = view.core_end(ws, view.word_end(ws))
        word = text[ws:we]
        if len(word) < 2 or not view.aligned(ws, we) or not view.is_nominal(ws, we) \
                or len(word) == 3 and word[0] in SURNAMES:
            continue  # '스타트업 김민수 대표': a person's name, three letters with a surname first
        if word in _lexicon_words():
            continue  # '기업인 스위스 SGS사': a place (or a known body, which the gazetteer names)
        tag = view.single_word_tag(ws, we)
        if tag == "NNP" or (tag == "NNG" and unknown_word(word)) or (tag == "SL" and word[0].isupper() and not word.isupper()):
            yield ws, we, "COMPANY", {"rule": "kind_named"}  # not '기업 CSR 광고': an acronym of a word


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
    lex = get_lexicon()
    return frozenset(lex.places) | frozenset(lex.names)


# a city's or province's office of education, written against its name ('경기도교육청')
_EDU_OFFICE = "교육청"


def find_education_offices(view: TextView, known: list[Cand]) -> Iterator[Cand]:
    """'경기도교육청', '서울시교육청': the local government's name fused with 교육청 is the
    office of education, a body of its own (MINISTRY), not a mention of the government."""
    text = view.text
    for s, e, _label, attrs in known:
        if attrs.get("gov_kind") == "local" and text.startswith(_EDU_OFFICE, e):
            end = e + len(_EDU_OFFICE)
            if end == len(text) or not text[end].isalnum() or view.is_cut(end):
                yield s, end, "MINISTRY", {"rule": "education_office", "gov_kind": "office"}  # not read as a place


# a foreign company marked with 社 ('마이크론社', '키옥시아社가'): the name before the mark
_SHA = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15})社")


def find_marked_companies(view: TextView) -> Iterator[Cand]:
    for m in _SHA.finditer(view.text):
        s, e = m.span(1)
        if view.is_cut(s) and view.is_nominal(s, e):
            yield s, e, "COMPANY", {"rule": "sha_mark"}


def find_bracket_acronyms(view: TextView, bodies: list[Cand]) -> Iterator[Cand]:
    """'부산항만공사(BPA)', '대한상공회의소(KCCI)': the acronym in brackets right after a body
    is another mention of it, of its type."""
    text = view.text
    for s, e, label, _attrs in bodies:
        if label in _ORG_TYPES and (a := _ACRONYM.match(text, e)) is not None:
            yield a.start(1), a.end(1), label, {"rule": "acronym", "_of": (s, e)}
