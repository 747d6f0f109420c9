"""People as briefings, minutes and broadcast transcripts name them, beyond 'NAME title':
the title first ('국무위원후보자 유상임에 대한', '사장후보자(박장범)', '청장 윤영빈입니다'), a
transcript's speaker line ('장병규 / 4차산업혁명위원장'), the head of a local government by a
fused title ('박형준 부산시장', '이재명 경기도지사'), a name the KLUE name lexicon knows without
any title ('손흥민 등이'), a surname with a title that stands for a person named before
('문재인 대통령은 … 문 대통령은'), the head of a body in brackets after it ('산업부(장관 안덕근)',
'그린광학(대표 조현일)'), a title written against the body ('성윤모 산업통상자원부장관') and a
foreign name with its own spelling before a title ('마리아 라우라 다 호샤(Maria Laura da Rocha)
브라질 외교차관').
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ingest.nlp.people import (_AFTER_NAME, _BULLETS, _CORP_TITLES, LEAD_TITLES, ORG_ENDINGS, STRONG_TITLES, TITLES, _listed_name,
                               _name_before, _skip_holder_word, _surname_first, bare_name, is_name)
from ingest.nlp.view import TextView
from ingest.nlp.ents import span_mask


def find_forms(view: TextView, ents: dict, org_ends: dict[int, int] | None = None) -> Iterator[tuple]:
    """PERSON candidates (and the bodies their titles name) of these forms; `ents` are known
    spans with labels and `org_ends` the ends of known bodies, as for people.find_people."""
    org_ends = org_ends or {}
    yield from _body_fused_title(view, ents, org_ends)
    yield from _parenthesised(view, ents, org_ends)
    yield from _slashed(view, ents)
    yield from _title_first(view, ents, org_ends)
    yield from _local_heads(view, ents)
    yield from _bracket_affiliation(view, ents, org_ends)
    yield from _original_spelling(view, ents)
    yield from _credits(view, ents)
    yield from _sign_offs(view, ents)


# a broadcast report's last words: 'KTV 채효진입니다.', '지금까지 KBS 김철수였습니다.'
_SIGN_OFF = re.compile(r"(?<![가-힣A-Za-z])(?:KTV|KBS|MBC|SBS|EBS|YTN|JTBC|MBN|OBS|채널A|TV조선|연합뉴스TV|연합뉴스) "
                       r"([가-힣]{3})(?=(?:입니다|였습니다|이었습니다)\.?(?:\s|$))")


def _sign_offs(view: TextView, ents: dict) -> Iterator[tuple]:
    text = view.text
    if "니다" not in text:
        return
    for m in _SIGN_OFF.finditer(text):
        s, e = m.span(1)
        if (s, e) not in ents and _surname_first(text[s:e]):
            yield s, e, "PERSON", {"title": "기자", "byline": True}


# a broadcast item's credits: '(영상취재: 김철수 이영희 / 영상편집: 박민수)'
_CREDIT = re.compile(r"(?:영상취재|영상편집|촬영기자|촬영|편집|그래픽|취재|구성|연출|글)\s?:\s?")
_CREDIT_NAME = re.compile(r"([가-힣]{2,4})(?=[\s,/)]|$)[\s,]*")


def _credits(view: TextView, ents: dict) -> Iterator[tuple]:
    """The people a credit names after its role, up to '/', ')' or the line's end."""
    text = view.text
    if ":" not in text:
        return
    for m in _CREDIT.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in "(/ \n":
            continue
        pos, names = m.end(), []
        while (n := _CREDIT_NAME.match(text, pos)) is not None and len(names) < 4:
            names.append(n.span(1))
            pos = n.end()
        if not names or pos < len(text) and text[pos] not in "/)\n":
            continue  # '취재: 현장 곳곳을 …': prose, no credit
        for s, e in names:
            if (s, e) not in ents and _surname_first(text[s:e]):
                yield s, e, "PERSON", {}


# 'NAME / title' in broadcast transcripts: '장병규 / 4차산업혁명위원장', '권근용 / 보건복지부 … 사무관',
# also with the space after the slash left out ('녹취> 김연철 /통일부 장관 후보자')
_SLASH_RE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4}) /\s?(?=\S)")


def _slashed(view: TextView, ents: dict) -> Iterator[tuple]:
    for m in _SLASH_RE.finditer(view.text):
        s, e = m.span(1)
        if (s, e) in ents:
            continue
        if bare_name(view, s, e):
            yield s, e, "PERSON", {}


# the head of a local government by a fused title: '부산시장' (부산시 + 장), '경기도지사' (경기도 +
# 지사), '강남구청장' (강남구 + 청장), '양평군수' (양평군 + 수); found by the title first (a scan
# that starts on a literal is fast)
_LOCAL_HEAD = re.compile(r"(?<=[가-힣])(?:시장|도지사|구청장|군수)(?=[\s,.)(]|[은는이가도의와과께을를]|$)")
_LOCAL_TITLE = {"시": "장", "도": "지사", "구": "청장", "군": "수"}
# the province or metropolitan city written before a local government ('서울 성북구청장', '경기 여주시장')
_REGION_BEFORE = re.compile(r"(?<= )(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주)(?:특별시|광역시|도)? $")


def _local_heads(view: TextView, ents: dict) -> Iterator[tuple]:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415 (lexicon imports people)
    lex = get_lexicon()
    text = view.text
    for m in _LOCAL_HEAD.finditer(text):
        bs = view.word_start(m.start())
        be = m.start() + 1  # the body keeps the 시/도/구/군 of the title
        rest = text[be:m.end()]
        body = text[bs:be]
        info = lex.names.get(body)
        if info is None or info.type != "MINISTRY" or _LOCAL_TITLE[body[-1]] != rest:
            continue
        name = _name_before(view, bs - 1, ents, True)
        if name is None and (region := _REGION_BEFORE.search(text, max(0, bs - 8), bs)) is not None:
            name = _name_before(view, region.start() - 1, ents, True)  # '김영배 서울 성북구청장': the province or city first
        if name is None:
            continue
        attrs = {"_gaz": info.canonical, "gov_kind": info.kind or "local", "_prio": 30}
        org = next((k for k, label in ents.items() if k[0] == bs and be < k[1] <= m.end() and label == "MINISTRY"), None)
        if org is None:  # (a body known with the title's first letters, '성북구청' of '성북구청장', stays)
            org = (bs, be)
            yield bs, be, "MINISTRY", attrs
        yield name[0], name[1], "PERSON", {"title": text[be - 1] + rest if rest == "장" else rest, "_org": org,
                                           "_leads": True}


_PAREN_RE = re.compile(r"\((" + "|".join(sorted(map(re.escape, LEAD_TITLES), key=len, reverse=True)) + r") ([가-힣]{2,4})(?:,\s?이하[^)]{1,20})?\)")  # '(원장 김태훈, 이하 해문홍)'


_TITLE_AT = re.compile(r"(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r")"
                       r"(?=[\s,.)(]|[은는이가도의와과께을를]|님|입니|$)")  # '(': '… 국무조정실장(가운데)이', a caption


def _body_fused_title(view: TextView, ents: dict, org_ends: dict[int, int]) -> Iterator[tuple]:
    """'성윤모 산업통상자원부장관', '김철수 한울로보틱스㈜대표': a known body with the title
    written against it, the name a word before the body."""
    text = view.text
    for e, s in org_ends.items():
        if ents.get((s, e)) not in ("MINISTRY", "COMPANY", "ORGANIZATION") or e >= len(text) or not "가" <= text[e] <= "힣":
            continue
        m = _TITLE_AT.match(text, e)
        if m is None or not view.is_cut(m.end()):
            continue
        title = m.group()
        pos, former = _skip_holder_word(text, s - 1)
        name = _name_before(view, pos, ents, title in STRONG_TITLES)
        if name is None:
            continue
        attrs: dict = {"title": title, "_org": (s, e), "_leads": title in LEAD_TITLES and not former}
        if former:
            attrs["former"] = True
        yield name[0], name[1], "PERSON", attrs


def _parenthesised(view: TextView, ents: dict, org_ends: dict[int, int]) -> Iterator[tuple]:
    """'산업통상자원부(장관 안덕근)는': the head of a body named in brackets after it."""
    for m in _PAREN_RE.finditer(view.text):
        s, e = m.span(2)
        if (s, e) in ents or not (is_name(view, s, e, True) or _surname_first(view.text[s:e])):
            continue  # '(원장 김태훈, …)': Kiwi cuts 김태훈 into 김/태/후/ㄴ, the brackets vouch for it
        at = m.start()
        if at not in org_ends and at > 1 and view.text[at - 1] in "은는이가" and at - 1 in org_ends:
            at -= 1  # '특허청은(청장 김완기)': the particle before the brackets
        if at not in org_ends:
            body = _bracketed_body(view, at, m.group(1), ents)
            if body is None:
                continue
            yield body
            org_ends = {**org_ends, at: body[0]}
            ents = {**ents, body[:2]: body[2]}
        org = (org_ends[at], at)
        if ents.get(org) == "LOCATION" and (local := _local_body(view.text[org[0]:org[1]])) is not None:
            yield org[0], org[1], "MINISTRY", local  # '부산시(시장 박형준)': the city as the body its mayor heads
            ents = {**ents, org: "MINISTRY"}
        attrs: dict = {"title": m.group(1)}
        if ents.get(org) in ("MINISTRY", "COMPANY", "ORGANIZATION"):
            attrs["_org"] = org
            attrs["_leads"] = True
        yield s, e, "PERSON", attrs


def _local_body(name: str) -> dict | None:
    """The attributes of a local government the lexicon knows by `name`, else None."""
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415 (lexicon imports people)
    info = get_lexicon().names.get(name)
    if info is None or info.type != "MINISTRY":
        return None
    return {"_gaz": info.canonical, "gov_kind": info.kind or "local", "_prio": 30}


_PUBLIC_ENDS = ("공사", "공단", "진흥원", "관리원", "평가원")


def _bracketed_body(view: TextView, end: int, title: str, ents: dict) -> tuple[int, int, str, dict] | None:
    """'그린광학(대표 조현일)', '새만금개발공사(사장 나경균)': the word before the brackets is the
    body the named head leads, though no rule knows it: a public institution by its ending,
    an institute or university under 원장/총장/이사장, else a company."""
    text = view.text
    if title not in _CORP_TITLES:
        return None
    s = view.word_start(end)
    while s < end and text[s] in _BULLETS:
        s += 1
    word = text[s:end]
    if len(word) < 2 or any(a < end and s < b for a, b in ents) or not view.aligned(s, end) \
            or not view.is_nominal(s, end) or view.tag_at(s) not in ("NNP", "NNG", "SL", "SH"):
        return None
    if word.endswith(_PUBLIC_ENDS) or word.endswith("원") and not word.endswith(("연구원", "학원", "병원")):
        # '해외문화홍보원(원장 김태훈)': a ministry's agency, MINISTRY by the guideline
        return s, end, "MINISTRY", {"rule": "apposition", "gov_kind": "public"}
    return s, end, "ORGANIZATION" if title in ("원장", "이사장", "총장", "소장") or word.endswith(ORG_ENDINGS) else "COMPANY", \
        {"rule": "apposition"}


_NAMES_FILE = Path(__file__).parent / "data" / "person-names.txt"


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """Personal names of the KLUE train lexicon (data/person-names.txt, CC BY-SA 4.0)."""
    return frozenset(line.strip() for line in _NAMES_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def find_known(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """People named without a title whose name the lexicon knows ('이날 행사에는 이재명,
    손흥민 등이 참석했다'): a noun of three syllables that Kiwi reads as one morpheme (so
    '도로로' = 도로 + 로 is none), a whole word up to its particle, that no entity covers."""
    names = known_names()
    text = view.text
    hits = [m for m in view.morphs if m.end - m.start == 3 and m.form in names and m.tag.startswith("NN")]
    if not hits:
        return
    taken = span_mask(len(text), ents)
    person_starts = {s for s, _e, label, _a in ents if label == "PERSON"}
    for m in hits:
        s, e = m.start, m.end
        if (s > 0 and text[s - 1].isalnum()) or taken.find(1, s, e) != -1 or not _AFTER_NAME.match(text, e) \
                or text[s:e] != m.form:
            continue
        if text.startswith(" ", e) and view.tag_at(e + 1) == "NNP" and (not taken[e + 1] or e + 1 in person_starts):
            continue  # the given name of a foreign full name ('마이클 잭슨', '제임스 코미 국장')
        yield s, e, "PERSON", {"rule": "lexicon"}


# names in a list: 'A, B, C 등', 'A·B·C 연구원' (three syllables each, ', ' or '·' between)
_NAME_LIST = re.compile(r"(?<![가-힣A-Za-z0-9])[가-힣]{3}(?:(?:, ?|·)[가-힣]{3}(?![가-힣]))+")
_LIST_END = re.compile(r" ?(?:씨|님|등|외|\s?[가-힣]*(?:위원|연구원|교수|대표|기자|의원))"
                       # '이정식, 이상민, 조규홍 장관과': names that share the post after the last
                       r"| (?:" + "|".join(sorted(map(re.escape, STRONG_TITLES), key=len, reverse=True)) + r")(?![가-힣]{2})")


def _post_word(word: str) -> bool:
    """'위원님', '원장님', '부장급': a post or an address, no name."""
    return word.endswith(("님", "급", "들")) or any(word.startswith(t) for t in TITLES if len(t) >= 2)


def find_name_lists(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """The other members of a list of attendees ('이경호, 류제명, 홍진배 등이 참석했다'): a list
    that ends in 등, 씨 or a post, when one member is a person already, or when it has three
    or more members and every one is a name by the test for rosters."""
    text = view.text
    spans = {(s, e): label for s, e, label, _a in ents}
    covered = span_mask(len(text), ents)
    for m in _NAME_LIST.finditer(text):
        items = [(i.start() + m.start(), i.end() + m.start()) for i in re.finditer(r"[가-힣]{3}", m.group())]
        anchored = any(spans.get(it) == "PERSON" for it in items)
        free = [it for it in items if covered.find(1, *it) == -1]
        if not free or any(covered.find(1, *it) != -1 and spans.get(it) != "PERSON" for it in items):
            continue  # a member is another entity: a list of bodies or places, not of names
        named = [it for it in free if _listed_name(view, *it) and not _post_word(text[it[0]:it[1]])]
        if not _LIST_END.match(text, m.end()):
            continue  # an attendee list ends in 등, 씨 or a post ('… 홍진배 등이 참석했다')
        if anchored and named or len(items) >= 3 and len(named) == len(free) == len(items):
            for s, e in named:
                yield s, e, "PERSON", {"rule": "name_list"}


_SURNAME_TITLE = re.compile(r"(?<=[가-힣] )(?:" + "|".join(sorted(map(re.escape, STRONG_TITLES), key=len, reverse=True))
                            + r")(?=은|는|이|가|께서|도|의|과|와|\s)")


def surname_references(view: TextView, people: list) -> list[tuple[int, int, str, tuple[int, int]]]:
    """'문 대통령은', '안 장관은' after '문재인 대통령', '안덕근 장관': (start, end, title,
    the key of the person named before) for each surname and title that stand for one
    person named earlier with that surname and title (or only that surname)."""
    text = view.text
    out = []
    if not people:
        return out
    for m in _SURNAME_TITLE.finditer(text):
        ws = view.word_start(m.start() - 1)
        sur, title = text[ws:m.start() - 1], m.group()
        if not 1 <= len(sur) <= 2 or (ws > 0 and text[ws - 1].isalnum()):
            continue
        named = [p for p in people if p.end <= m.start() and text[p.start:p.end].startswith(sur)
                 and len(text[p.start:p.end]) > len(sur)]
        fits = [p for p in named if p.attrs.get("title") == title] or named
        if len({text[p.start:p.end] for p in fits}) == 1:
            out.append((ws, m.end(), title, fits[-1].key))
    return out


# the title before the name: '국무위원후보자 유상임에 대한', '(과학기술정보통신부장관 유상임)',
# '사장후보자(박장범)', '청장 윤영빈입니다', a briefing's opening '대변인실 김세준입니다',
# and a release's contact table ('과장 김철수 (044-203-4210)')
_TITLE_FIRST = re.compile(r"(?:후보자|장관|청장|차관|위원장|사장|총장|원장|대변인|대변인실|본부장|실장|국장|과장|팀장|사무관"
                          r"|서기관|주무관|연구관|연구사|담당자|책임자)(?:\s?직무대행)?(?:\s|\s?\()([가-힣]{3})"  # '위원장 직무대행 김철수입니다'
                          r"(?=\)|입니다|에\s?대한|에게|은|는|이|가|의|,|\s?\(0\d|\s?0\d{1,2}-\d"
                          # a release's footer: '담당자 이주형 등록일 …', '과장 홍길동 담당자 사무관 김철수'
                          r"|\s(?:담당자|책임자|등록일|조회수|연락처|전화|☎)|[ \t]*(?:\n|$))")


def _title_first(view: TextView, ents: dict, org_ends: dict[int, int]) -> Iterator[tuple]:
    for m in _TITLE_FIRST.finditer(view.text):
        if m.start() > 0 and view.text[m.start() - 1] == "(":
            continue  # '산업통상자원부(장관 안덕근)': _parenthesised reads it with the body
        s, e = m.span(1)
        if (s, e) in ents:
            continue
        if bare_name(view, s, e):
            body = (org_ends[m.start() - 1], m.start() - 1) if "직무대행" in m.group() and m.start() - 1 in org_ends else None
            if body is not None and ents.get(body) in ("MINISTRY", "ORGANIZATION"):  # '방통위 위원장 직무대행 A입니다'
                yield s, e, "PERSON", {"title": "직무대행", "_org": body, "_leads": True}  # leads like its head
            else:
                yield s, e, "PERSON", {}


# an attendee with the body and post in brackets: '김철수(삼성전자 상무)', '이영희(ETRI 책임연구원)'
_NAME_BRACKET = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4})\((?=[^)\n]{2,40}\))")
_TITLE_CLOSE = re.compile(r" (" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r")(?=\)|,)")


def _bracket_affiliation(view: TextView, ents: dict, org_ends: dict[int, int]) -> Iterator[tuple]:
    """'김철수(삼성전자 상무), 이영희(한국전자통신연구원 책임연구원)': a name, then in brackets a
    known body and a post; the body is the person's."""
    text = view.text
    starts = {s: e for e, s in org_ends.items() if ents.get((s, e)) in ("MINISTRY", "COMPANY", "ORGANIZATION")}
    for m in _NAME_BRACKET.finditer(text):
        s, e = m.span(1)
        body_end = starts.get(m.end())
        if body_end is None or (s, e) in ents or (t := _TITLE_CLOSE.match(text, body_end)) is None:
            continue
        title = t.group(1)
        if not (is_name(view, s, e, title in STRONG_TITLES) or _surname_first(text[s:e])):
            continue
        yield s, e, "PERSON", {"title": title, "_org": (m.end(), body_end), "_leads": title in LEAD_TITLES}


# a foreign name in Hangul with its own spelling in brackets, as many words each, then a post
# ('바트뭉흐 바트체첵(Battsetseg Batmunkh) 몽골 외교장관을'): both are the person
_ORIGINAL = re.compile(r"((?:[가-힣]{1,6} ){1,4}[가-힣]{1,6})\(([A-Z][A-Za-zÀ-ÿ.'-]*(?: [A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'-]*){1,4})\)")
_LATIN_BRACKET = re.compile(r"\([A-Z]")
_POST_AFTER = re.compile(r"(?: [가-힣A-Z]+){0,2} [가-힣]*(?:장관|차관|대사|특사|총리|대통령|의원|교수|회장|사장|대표|의장|총장|청장|위원장|주지사|시장)"
                         r"(?:[은는이가을를과와의께]|에게|\s|,|$)")


def _original_spelling(view: TextView, ents: dict) -> Iterator[tuple]:
    text = view.text
    if _LATIN_BRACKET.search(text) is None:  # most texts have none: skip _ORIGINAL's costly scan
        return
    for m in _ORIGINAL.finditer(text):
        latin = m.group(2).split()
        words = m.group(1).split()
        if len(words) < len(latin) or sum(w[0].isupper() for w in latin) < 2 or not _POST_AFTER.match(text, m.end()):
            continue
        s = m.end(1) - len(" ".join(words[-len(latin):]))
        if (s > 0 and not text[s - 1].isspace()) or (s, m.end(1)) in ents:
            continue
        yield s, m.end(1), "PERSON", {"rule": "original_spelling"}
        yield m.start(2), m.end(2), "PERSON", {"rule": "original_spelling"}
