"""PERSON mentions anchored on job titles: 'X 장관', 'X 산업부 1차관', 'LG전자 X 대표',
'산업부 장관 X', 'X 신임 산업부 장관', 'X 서울시장', 'X 무역투자실장', '산업부(장관 X)';
on the honorific 씨 ('김민수 씨는'); and, once found, the same name standing alone.

Korean news names people by title, so the title is the anchor and the name is checked
with Kiwi: a proper noun (NNP), or a 2–4 syllable word starting with a surname that Kiwi
does not know as one common noun (반도체 시장 is a market, not 반도체 the mayor).
The body between name and title ('산업부') becomes attrs['org'] and a LEADS edge.
"""
# Over 400 lines, kept whole: the title, honorific, roster and repeat finders share the name checks (is_name, _name_before/_name_after) and the body look-ups.
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ingest.nlp.kiwi import get_kiwi
from ingest.nlp.titles import (  # noqa: F401  (the word lists; TITLES, STRONG_TITLES are imported from here)
    BYLINE_TITLES, HOLDER_WORDS, HOMONYM_TITLES, LEAD_TITLES, NOT_NAME_ENDINGS, NOT_NAMES, STRONG_TITLES, SURNAMES,
    SURNAMES2, TITLES,
)
from ingest.nlp.view import TextView
from ingest.nlp.ents import span_mask

OOV_SCORE = -23.0

# a title fused to the word before it ('무역투자실장', '민간위원장', '통상교섭본부장');
# a bare 장 counts only right after a known body ('우주항공청장', '울산시장')
FUSED_TITLES = ("본부장", "위원장", "센터장", "실장", "국장", "단장", "처장", "원장", "청장", "정책관", "심의관", "기획관",
                "협력관", "조정관", "지원관", "담당관", "부지사", "수석", "차장", "팀장", "과장")  # '소통지원관', '미래전략수석', '국무1차장', '신문홍보팀장'
_FUSED_RE = re.compile(r"(?<=[가-힣A-Za-z0-9])(?:" + "|".join(FUSED_TITLES) + r"|장)(?=[\s,.)(]|[은는이가도의와과께을를]|$)")

_TITLE_RE = re.compile(
    r"(?<![가-힣A-Za-z0-9])(?:" + "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True)) + r")"
    r"(?:(?![가-힣]{2})|(?=입니|이며|이고|이었|이던|이다|님|께서|으로부터|로부터|에게서|에게))"  # '정석배 입법심의관입니다', '최민희 위원장님과', '황정아 위원께서'
)  # '이창양 산업통상자원부 장관으로부터 업무보고를 받았습니다', '… 장관에게 임명장을 수여했다'

_NAME_RE = re.compile(r"[가-힣]{2,4}")
_FOREIGN_WORD = re.compile(r"[가-힣]{2,6}")  # a word of a foreign name in Hangul ('지안포르테')


def is_name(view: TextView, s: int, e: int, strong: bool = False) -> bool:
    """Whether the word [s, e) looks like a Korean personal name."""
    name = view.text[s:e]
    if not _NAME_RE.fullmatch(name) or name in NOT_NAMES:
        return False
    if name.endswith(NOT_NAME_ENDINGS) and not (name[-1] == "구" and _name_in_gu(name)):
        return False
    if name[-1] in "갑을병정" and name[:-1] in _places():
        return False  # '서울 강북을 국회의원': an electoral district, a place and its letter
    ms = view.morphs_in(s, e)
    if not ms or ms[0].start != s:
        return False
    if any(m.tag.startswith(("J", "E", "V", "XSV", "XSA", "M")) for m in ms):
        # a name Kiwi cuts into odd pieces (여한구 → 여/IC 한/MM 구/NNG): trusted only before
        # a title only people hold, when the word as a whole is no Korean word Kiwi knows
        surname_ok = name[:2] in SURNAMES2 if len(name) == 4 else name[0] in SURNAMES
        if name.endswith("한") and len(ms) >= 3 and ms[-2].tag == "XSV" and ms[-1].tag == "ETM" \
                and all(m.end - m.start == 1 for m in ms[:-2]):
            ms = ms[:-2]  # '김태한' → 김/태/하/ㄴ: a given name read as a verb's ending (not 사직/하/ㄴ)
        return strong and surname_ok and len(name) == 3 and oov_score(name) < OOV_SCORE \
            and not any(m.tag.startswith(("J", "E", "V")) for m in ms)
    if ms[0].tag == "NNP" and ms[0].end == e:
        return True  # Kiwi knows it as a proper noun (incl. foreign names: 오바마)
    surname_ok = name[:2] in SURNAMES2 if len(name) == 4 else name[0] in SURNAMES
    if len(ms) == 1:
        # one noun: a common word (반도체 시장, 정부 대표) unless a 3-syllable surname-first
        # word stands before a title only people hold and Kiwi does not know it as a word
        # (it tags unknown names NNG too: 안덕근, but 가운데 is in its dictionary)
        # ('최병구' is one unknown noun in context, three pieces alone: the whole word's score decides)
        return strong and surname_ok and len(name) == 3 and ms[0].tag == "NNG" \
            and (unknown_word(name) or oov_score(name) < OOV_SCORE)
    return surname_ok


def _name_in_gu(name: str) -> bool:
    """Whether a word ending in 구 is a name ('이홍구', '최병구': a surname first, three
    syllables) rather than a district, which the lexicon knows ('강남구', '성동구')."""
    return len(name) == 3 and name[0] in SURNAMES and name not in _places() and name[:-1] not in _places() \
        and name not in _local_names()


@lru_cache(maxsize=1)
def _local_names() -> frozenset[str]:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415
    return frozenset(get_lexicon().names)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    from ingest.nlp.lexicon import get_lexicon  # noqa: PLC0415  (the lexicon imports the gazetteer)
    lex = get_lexicon()
    return frozenset(lex.places) | frozenset(n[:-1] for n, i in lex.names.items() if i.kind == "local" and n.endswith("구"))


@lru_cache(maxsize=4096)
def oov_score(word: str) -> float:
    """Kiwi's score for its best analysis of `word` alone (see `unknown_word`)."""
    return get_kiwi().analyze(word, top_n=1)[0][1]


@lru_cache(maxsize=4096)
def unknown_word(word: str) -> bool:
    """Whether Kiwi analyses `word` alone as one noun it does not know: the unknown-word
    penalty puts such analyses near -25 to -28, dictionary nouns near -16 to -20."""
    tokens, score = get_kiwi().analyze(word, top_n=1)[0]
    return len(tokens) == 1 and score < OOV_SCORE


def find_people(view: TextView, ents: dict[tuple[int, int], str], org_ends: dict[int, int]) -> Iterator[tuple]:
    """PERSON candidates (start, end, 'PERSON', attrs). `ents` are known spans with labels;
    `org_ends` maps the end of a known body (MINISTRY/COMPANY/ORGANIZATION/LOCATION) to its
    start, so 'X 산업부 장관' can step over 산업부."""
    text = view.text
    for m in _TITLE_RE.finditer(text):
        ts, te = m.span()
        if not view.is_cut(te):
            continue
        title = m.group()
        org: tuple[int, int] | None = None
        pos = ts - 1  # end of the word before the title (there must be one space)
        if pos <= 0 or text[pos] != " ":
            continue
        pos, former = _skip_holder_word(text, pos)
        if pos not in org_ends and text[pos - 1] == ")" and (j := text.rfind("(", max(0, pos - 12), pos)) in org_ends:
            pos = j  # '한국산업기술진흥원(KIAT) 원장': the body before its acronym
        if pos in org_ends:  # '… 산업부 장관': the body comes right before the title
            org = (org_ends[pos], pos)
            pos, former2 = _skip_holder_word(text, org[0] - 1)
            former = former or former2
        if org is None and (body := _suffix_body(view, pos, ents, title == "주지사")) is not None:
            org = body[:2]  # '류희림 방송통신심의위원회 위원장': a body the gazetteer does not know
            yield body
            ents = {**ents, org: body[2]}
            pos, former2 = _skip_holder_word(text, org[0] - 1)
            former = former or former2
            if body[3].get("gov_kind") == "foreign" and pos in org_ends and ents.get((org_ends[pos], pos)) == "LOCATION":
                pos = org_ends[pos] - 1  # '… 미국 몬태나주 주지사': the country before the state
        name = _name_before(view, pos, ents, title in STRONG_TITLES)
        if name is None and org is not None:
            # '존 스미스(John Smith) 외교부 차관', '… 영국 외교부 차관': also over the country
            country = re.search(r"\)\s[가-힣]{2,8}$", text[max(0, pos - 12):pos]) if text[pos - 1] != ")" else None
            bp = pos - len(country.group()) + 1 if country else pos
            name = _bracketed_name_before(view, bp, ents)
        if name is None and title not in HOMONYM_TITLES and title not in STRONG_TITLES:
            # '정석배 입법심의관', '최형두 간사': a name Kiwi does not know, one noun in context
            cand = _name_before(view, pos, ents, True)
            name = cand if cand is not None and len(view.morphs_in(*cand)) == 1 else None
        if name is None and org is None and title in BYLINE_TITLES and text.startswith(">", te):
            name = _speaker_name(view, pos, ents)  # '신경은 앵커>': a transcript's speaker mark
        if name is None and org is None and title in BYLINE_TITLES and text.startswith(("입니다", "가 전합니다"), te):
            ws = view.word_start(pos)  # '최영은 기자입니다': a report's sign-off vouches for a name Kiwi cuts (최영/은)
            word = text[ws:pos]
            if len(word) == 3 and word[0] in SURNAMES and _NAME_RE.fullmatch(word) and word not in NOT_NAMES \
                    and (ws, pos) not in ents:
                name = (ws, pos)
        if name is None and org is not None:
            name = _name_after(view, te, ents, title in STRONG_TITLES)  # '산업부 장관 안덕근은''
        if org is not None and (name is None or text[name[0]] not in SURNAMES or _foreign_before(view, name, ents)):
            # '젠슨 황 엔비디아 최고경영자', '대니얼 애커슨 GM 회장': a foreign name of two words; also when
            # its second word opens like a surname ('세키야 나오야 도쿄대 교수')
            name = _foreign_name_before(view, pos, ents) or name
        if name is None and org is None and pos > 0 and text[pos] == " " and title in _CORP_TITLES:
            # '김미화 자원순환사회연대 이사장': a long unknown body between the name and the title
            word = (view.word_start(pos), pos)
            if (body := _apposed_body(view, word, te, ents)) is not None and word not in ents:
                name, org = body
                yield org[0], org[1], _body_label(text[org[0]:org[1]], title), \
                    {"rule": "apposition"}
                ents = {**ents, org: "ORGANIZATION"}
        if name is None:
            continue
        if org is None and name[0] - 1 in org_ends and text[name[0] - 1] == " ":  # 'LG전자 조주완 대표'
            os_ = org_ends[name[0] - 1]
            org = (os_, name[0] - 1)
        elif org is None and (body := _body_before_name(view, name, title, ents)) is not None:
            org = body  # '볼보트럭코리아 김영재 사장': a body no rule knows
            label = _body_label(text[org[0]:org[1]], title)
            yield org[0], org[1], label, {"rule": "apposition"}
            ents = {**ents, org: label}
        if org is None and text.startswith(" 겸 ", te) and (j := _org_after(text, te + 3, org_ends)):
            org = j  # '최상목 부총리 겸 기획재정부 장관'
        attrs: dict = {"title": title}
        if former:
            attrs["former"] = True
        if title in BYLINE_TITLES:
            attrs["byline"] = True
        if org is None and (body := _apposed_body(view, name, te, ents)) is not None:
            name, org = body  # '정칠희 네패스 회장': the name before an unknown body
            yield org[0], org[1], _body_label(text[org[0]:org[1]], title), {"rule": "apposition"}
            ents = {**ents, org: "COMPANY"}
        if org is not None and ents.get(org) in ("MINISTRY", "COMPANY", "ORGANIZATION"):
            attrs["_org"] = org
            attrs["_leads"] = title in LEAD_TITLES and not former
        elif org is not None:
            attrs["country_or_place"] = text[org[0]:org[1]]
        yield name[0], name[1], "PERSON", attrs
    yield from _fused(view, ents, org_ends)
    yield from _honorific(view, ents)
    yield from _roster(view, ents)


# 'X 씨': the honorific for a person named without a post ('김민수 씨는', '전두환 씨에게')
_HONORIFIC_RE = re.compile(r"(?<![가-힣A-Za-z0-9])([가-힣]{2,4}) 씨(?=(?:께서|에게|은|는|이|가|의|와|과|도|를|을|로|만)?(?![가-힣]))")


def bare_name(view: TextView, s: int, e: int) -> bool:
    """A word that is a person's name with no title to lean on. In context Kiwi reads an
    unknown name as one noun ('유상임에' → 유상임/NNG); alone it may cut it (유상/임), so
    the whole word's score decides, as for names before titles."""
    ms = view.morphs_in(s, e)
    one_noun = len(ms) == 1 and ms[0].tag in ("NNG", "NNP") and ms[0].end == e
    return is_name(view, s, e, strong=True) or (one_noun and view.text[s] in SURNAMES
                                                 and oov_score(view.text[s:e]) < OOV_SCORE)


def _honorific(view: TextView, ents: dict) -> Iterator[tuple]:
    """People named with 씨 instead of a post. 씨 is also 'seed', so the word before it
    must pass is_name as before a title only people hold; no title is recorded."""
    for m in _HONORIFIC_RE.finditer(view.text):
        s, e = m.span(1)
        if (s, e) in ents:
            continue
        if bare_name(view, s, e):
            yield s, e, "PERSON", {}


# a line that lists people without posts: '※ 진행자 : 1부 이기상·이은영, 2부 천규승·김미진'
_ROSTER_RE = re.compile(r"(?:진행자|사회자|출연자|참석자)\s*[:：][^\n]*")
_ROSTER_NAME = re.compile(r"(?<![가-힣])[가-힣]{3}(?=[·,]|\s*$|\s*\n)", re.M)  # a name with a post: the title rules


def _roster(view: TextView, ents: dict) -> Iterator[tuple]:
    """The names of a roster line: three syllables, surname first, that pass is_name as
    before a title only people hold, and at least two such names (a list, not a phrase)."""
    for line in _ROSTER_RE.finditer(view.text):
        names = [m.span() for m in _ROSTER_NAME.finditer(view.text, line.start(), line.end())
                 if m.span() not in ents and _listed_name(view, *m.span())]
        for s, e in names if len(names) >= 2 else ():
            yield s, e, "PERSON", {}


def _surname_first(name: str) -> bool:
    """Three syllables, a surname first: a name where the construction vouches for one."""
    return len(name) == 3 and name[0] in SURNAMES and name not in NOT_NAMES


def _speaker_name(view: TextView, pos: int, ents: dict) -> tuple[int, int] | None:
    """The name before '앵커>' / '기자>' in a broadcast transcript: the mark says a person
    speaks, so a three-syllable word with a surname is a name even where Kiwi reads it as
    words ('신경은' → 신경/은)."""
    if pos <= 0 or view.text[pos] != " ":
        return None
    s = view.word_start(pos)
    name = view.text[s:pos]
    before = view.text[:s].rstrip()
    if (s, pos) in ents or not _NAME_RE.fullmatch(name) or not _surname_first(name) \
            or (before and before[-1] not in ".?!>") or view.last.get(pos) is not None and view.last[pos].tag == "JKG":
        return None  # the mark opens a turn: after a sentence's end, no '오늘의 앵커>'
    return s, pos


def _listed_name(view: TextView, s: int, e: int) -> bool:
    name = view.text[s:e]
    return name[0] in SURNAMES and (is_name(view, s, e, strong=True) or oov_score(name) < OOV_SCORE)


def _skip_holder_word(text: str, pos: int) -> tuple[int, bool]:
    """Step back over '신임', '초대', '전' … before `pos` (a space); (new pos, former)."""
    if pos <= 0 or text[pos] != " ":
        return pos, False
    s = pos
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    word = text[s:pos]
    if word in HOLDER_WORDS and s >= 2 and text[s - 1] == " ":
        return s - 1, HOLDER_WORDS[word]
    return pos, False


def _fused(view: TextView, ents: dict, org_ends: dict[int, int]) -> Iterator[tuple]:
    """'X 무역투자실장', 'X 우주항공청장': the title is fused to the word before it. A bare
    장 counts only after a known body, which is then the person's body."""
    text = view.text
    # a city read as a place is also its government before 장 (울산시장)
    bodies = {e: s for e, s in org_ends.items() if ents.get((s, e)) in ("MINISTRY", "ORGANIZATION", "LOCATION")
              or ents.get((s, e)) == "COMPANY" and text.endswith("은행", s, e)}  # '농협은행장'
    for m in _FUSED_RE.finditer(text):
        ts, te = m.span()
        ws = view.word_start(ts)
        j = te - 1  # where the final 장 starts: 우주항공청|장 even when the match is 청장
        org = (ws, j) if bodies.get(j) == ws else None
        if org is None and (m.group() == "장" or ws == ts or not view.is_nominal(ws, ts)):
            continue
        title = text[j - 1] + "장" if org else text[ws:te]
        pos, former = _skip_holder_word(text, ws - 1)
        if org is None and pos in org_ends and text[pos] == " ":  # 'X 전 네이버 AI센터장'
            org = (org_ends[pos], pos)
            pos, former2 = _skip_holder_word(text, org[0] - 1)
            former = former or former2
        name = _name_before(view, pos, ents, True)
        if name is None:
            continue
        attrs: dict = {"title": title}
        if former:
            attrs["former"] = True
        if org is not None:
            attrs["_org"] = org
            attrs["_leads"] = not former and not title.endswith(("관", "팀장", "과장"))  # 정책관, 심의관: officers; a team or division head heads no body
        yield name[0], name[1], "PERSON", attrs


def _foreign_before(view: TextView, name: tuple[int, int], ents: dict) -> bool:
    """Whether the word before `name` is a proper noun no rule typed that opens with no surname
    ('세키야 나오야'): the first word of a foreign name, not a Korean name's neighbour."""
    text = view.text
    s = name[0]
    if s < 3 or text[s - 1] != " ":
        return False
    ws = view.word_start(s - 1)
    return (ws, s - 1) not in ents and text[ws] not in SURNAMES and bool(_FOREIGN_WORD.fullmatch(text, ws, s - 1)) \
        and view.single_word_tag(ws, s - 1) == "NNP"


def _foreign_name_before(view: TextView, pos: int, ents: dict) -> tuple[int, int] | None:
    """A foreign name of two words before a body and title ('젠슨 황 엔비디아 최고경영자'):
    both words proper nouns to Kiwi and neither a known name."""
    text = view.text
    if pos <= 0 or text[pos] != " ":
        return None
    s2 = view.word_start(pos)
    if s2 < 2 or text[s2 - 1] != " ":
        return None
    s1 = view.word_start(s2 - 1)
    while s1 < s2 - 1 and text[s1] in "\"'“‘「『《<([":
        s1 += 1  # '"도널드 트럼프 미 대통령에게 …"': a quote opens on the name
    for a, b in ((s1, s2 - 1), (s2, pos)):
        if (a, b) in ents or view.single_word_tag(a, b) != "NNP" or not _FOREIGN_WORD.fullmatch(text[a:b]) and b - a > 1:
            return None
    if not 1 <= pos - s2 <= 6 or not 2 <= s2 - 1 - s1 <= 5:  # '그레그 지안포르테'
        return None
    return s1, pos


_FUSED_POST = re.compile(r"(?:장관|차관)(?![가-힣]{2})")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,3}")


def _bracketed_name_before(view: TextView, pos: int, ents: dict) -> tuple[int, int] | None:
    """A name with its Latin spelling in brackets before a body and title ('존 스미스(John
    Smith) 영국 외교부 차관'): as many Hangul words as Latin ones, or one Korean name."""
    text = view.text
    if pos <= 2 or text[pos] != " " or text[pos - 1] != ")":
        return None
    j = text.rfind("(", max(0, pos - 40), pos)
    if j <= 0 or not _LATIN_NAME.fullmatch(text, j + 1, pos - 1):
        return None
    ws = view.word_start(j)
    if j - ws == 3 and text[ws] in SURNAMES and is_name(view, ws, j, True) and ents.get((ws, j), "PERSON") == "PERSON":
        return ws, j
    words = text[max(0, j - 30):j].split(" ")
    n = len(text[j + 1:pos - 1].split())
    if n < 2 or len(words) <= n or not all(re.fullmatch(r"[가-힣]{1,6}", w) for w in words[-n:]):
        return None
    s = j - len(" ".join(words[-n:]))
    if any(lab != "PERSON" for (a, b), lab in ents.items() if a < j and b > s):
        return None
    return s, j


def _org_after(text: str, pos: int, org_ends: dict[int, int]) -> tuple[int, int] | None:
    """A known body starting at `pos` and followed by a title ('겸 기획재정부 장관')."""
    for e, s in org_ends.items():
        if s == pos and (_TITLE_RE.match(text, e + 1) and text[e:e + 1] == " " or _FUSED_POST.match(text, e)):
            return s, e  # also fused: '부총리 겸 재경부장관'
    return None


_BULLETS = frozenset("▲△▶▷■□●○◆◇◎•※-*ㅇ")


def _name_before(view: TextView, pos: int, ents: dict, strong: bool) -> tuple[int, int] | None:
    """The name ending at `pos` (followed by a space), if it is one."""
    if pos <= 0 or view.text[pos] != " ":
        return None
    s = view.word_start(pos)
    if view.text[pos - 1] == "/" and view.text[s:pos] != "/" and s < pos - 1:
        pos -= 1  # a caption of a broadcast: '최양희/ 미래창조과학부 장관'
    elif view.text[s:pos] == "/" and s >= 2 and view.text[s - 1] == " ":
        pos = s - 1  # '문재인 / 대통령'
        s = view.word_start(pos)
    while s < pos and view.text[s] in _BULLETS:
        s += 1  # '▲최태원 SK 회장', '△가삼현 현대중공업 사장': a roster's bullet
    dot = view.text.rfind(".", s, pos)
    if dot != -1 and dot > s and view.text[dot - 1] in "다요까)":
        s = dot + 1  # minutes join sentences without a space: '…하겠습니다.정석배 입법심의관입니다'
    if (s, pos) in ents or not is_name(view, s, pos, strong):
        return None
    return s, pos


def _name_after(view: TextView, pos: int, ents: dict, strong: bool) -> tuple[int, int] | None:
    """The name right after the title at `pos` ('장관 안덕근은'), particles dropped."""
    text = view.text
    if pos >= len(text) or text[pos] != " ":
        return None
    s = pos + 1
    e = view.core_end(s, view.word_end(s))
    if (s, e) in ents or not is_name(view, s, e, strong):
        return None
    return s, e


# what may follow a name that stands alone: a particle (or none) and then no more Hangul
_AFTER_NAME = re.compile(r"(?:께서는|께서|에게서|에게는|에게|이라고|라고|으로|은|는|이|가|을|를|의|와|과|도|께|에|로|만|씨|)"
                         r"(?![가-힣A-Za-z0-9])")


def find_repeats(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    """The other mentions of a person the document names with a title, where the title is
    left out: '방문규 산업부 장관은 … 방문규는 …'. Only names of three syllables or more,
    or with a space (foreign names), as whole words that no entity covers; not after the
    titles that are also common words (HOMONYM_TITLES: '유튜브 시장' is a market, and
    repeating it would spread the mistake over the document)."""
    text = view.text
    taken = span_mask(len(text), ents)
    names = {text[s:e] for s, e, label, attrs in ents
             if label == "PERSON" and attrs.get("title") not in HOMONYM_TITLES and (e - s >= 3 or " " in text[s:e])}
    for name in sorted(names):
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if taken.find(1, s, e) != -1 or (s > 0 and (text[s - 1].isalnum())):
                continue
            if _AFTER_NAME.match(text, e) and view.aligned(s, e):
                taken[s:e] = b"\x01" * (e - s)
                yield (s, e, "PERSON", {})


def _body_label(word: str, title: str) -> str:
    """The type of an unknown body a head's title names: institutes and universities under
    원장/총장, political parties ('미래한국당 대표'), associations, federations, foundations and
    civic groups by their ending ('한국정보방송통신대연합 회장') are organisations, else a company."""
    return "ORGANIZATION" if title in ("원장", "이사장", "총장", "소장") or word.endswith(ORG_ENDINGS) else "COMPANY"


# endings of organisations that are no companies, though their heads are 회장 or 대표 too
ORG_ENDINGS = ("당", "연합", "연합회", "협회", "학회", "연맹", "재단", "포럼", "협의회", "연대", "단체", "연구소", "연구원",
               "대학", "대학교", "학교", "병원", "조합", "중앙회", "상공회의소", "클럽", "모임", "네트워크", "총연합회")


_CORP_TITLES = frozenset({"회장", "부회장", "사장", "부사장", "대표", "대표이사", "이사장", "원장", "총장", "소장", "CEO", "창업자",
                          "공동창업자", "공동대표", "최고경영자"})


def _apposed_body(view: TextView, name: tuple[int, int], te: int, ents: dict):
    """'정칠희 네패스 회장': the word taken for the name is an unknown body when the word
    before it is a name and it is not ((name, body) or None). Only for titles of heads of
    companies and institutes, with both words whole and the first one a three-syllable
    name Kiwi does not know as a word."""
    s, e = name
    text = view.text
    title = text[e + 1:te]
    if title not in _CORP_TITLES or s < 4 or text[s - 1] != " ":
        return None
    pe = s - 1
    hs = view.word_start(pe)
    if text[hs:pe] in HOLDER_WORDS and hs >= 4 and text[hs - 1] == " ":
        pe = hs - 1  # '박연차 전 태광실업 회장': a former head
    ps = view.word_start(pe)
    while ps < pe and text[ps] in _BULLETS:
        ps += 1
    if ps < pe - 4 or (ps, pe) in ents or not is_name(view, ps, pe, True) or len(text[ps:pe]) != 3:
        return None
    if ps > 0 and text[ps - 1] not in " ,:·(" and text[ps - 1] not in _BULLETS or view.tag_at(s) not in ("NNP", "NNG", "SL"):
        return None
    if is_name(view, s, e, True) and view.single_word_tag(s, e) == "NNP" and len(text[s:e]) == 3 and text[s] in SURNAMES \
            and not unknown_word(text[s:e]):
        return None  # two names in a row ('김 이박 회장' is rare; 'X Y 회장' with Y a known name keeps Y)
    return (ps, pe), (s, e)


def _body_before_name(view: TextView, name: tuple[int, int], title: str, ents: dict) -> tuple[int, int] | None:
    """'볼보트럭코리아 김영재 사장': a proper noun (or a Latin word) right before the name of a
    company's or institute's head, no entity yet, is the body the person heads."""
    text = view.text
    s = name[0]
    if title not in _CORP_TITLES or s < 3 or text[s - 1] != " ":
        return None
    ws = view.word_start(s - 1)
    word = text[ws:s - 1]
    if len(word) < 2 or (ws > 0 and text[ws - 1] not in " \n,(·") or (ws, s - 1) in ents \
            or any((a <= ws < b or a < s - 1 <= b) for a, b in ents) or word in HOLDER_WORDS or word in NOT_NAMES:
        return None
    if not view.aligned(ws, s - 1) or not view.is_nominal(ws, s - 1) or is_name(view, ws, s - 1, True):
        return None
    tag = view.tag_at(ws)
    if tag == "NNP" or tag == "SL" and word[0].isupper():
        return ws, s - 1
    return None


# bodies by their ending, before a title: MINISTRY for government and public bodies,
# ORGANIZATION for associations and institutes
_BODY_END = re.compile(r"(?:위원회|심의회|공사|공단|진흥원|평가원|(?<!연)구원|협회|재단|연구원|연구소|학회|대학교|병원|의료원|한림원|중앙회|연합회)$")
_GOV_END = ("위원회", "심의회", "공사", "공단", "진흥원", "평가원")


def _suffix_body(view: TextView, pos: int, ents: dict, state: bool = False) -> tuple[int, int, str, dict] | None:
    """The word before a title when it is a body by its ending and no entity yet
    ('방송통신심의위원회 위원장', '자원순환사회연대 이사장' is left to the lists); before
    주지사 (`state`) a foreign state's name ending in 주 ('몬태나주 주지사') is its government."""
    text = view.text
    if pos <= 0 or text[pos] != " ":
        return None
    s = view.word_start(pos)
    word = text[s:pos]
    if state and len(word) >= 3 and word.endswith("주") and (s, pos) not in ents and view.tag_at(s) == "NNP" \
            and view.aligned(s, pos):
        return s, pos, "MINISTRY", {"rule": "suffix_body", "gov_kind": "foreign"}
    if (s, pos) in ents or len(word) < 4 or not _BODY_END.search(word) or not view.aligned(s, pos) \
            or not view.is_nominal(s, pos) or s < 2 or text[s - 1] != " ":
        return None
    label = "MINISTRY" if word.endswith(_GOV_END) else "ORGANIZATION"
    return s, pos, label, {"rule": "suffix_body"}
