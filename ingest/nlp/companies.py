"""Companies and public enterprises named the way real releases name them, beyond the
gazetteer and the suffixes of `patterns.find_companies`:

- names ending in a kind of business or a newspaper's word ('아세아시멘트', '한미약품',
  '매일경제신문', '중앙일보', '알토스벤처스', '미래에셋자산운용');
- a Latin name with 사/社 and a particle ('AMAT사의', 'ASML社는');
- a bank fused with its head's title ('농협은행장', '수출입은행장' → 농협은행, 수출입은행),
  as '우주항공청장' names 우주항공청;
- public enterprises named with their head ('예금보험공사(사장 …)', '해양환경공단 이사장'):
  공사 and 공단 are also 'construction works' and 'industrial estate', which have no 사장;
- the other members of a list in which a company stands ('쿠팡, 컬리, 당근마켓이'):
  `find_coordinated`, read off the resolved entities; a list right after the companies it
  names ('선정된 곳은 A, B, C다': `find_cued_lists`); a company named by its head
  ('나노웨이브 김철수 대표': `find_titled_bodies`); a public enterprise listed next to
  another (`find_listed_public`).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.lexicon import Lexicon
from ingest.nlp.patterns import GENERIC_PREFIXES, STRONG_SUFFIXES, WEAK_SUFFIXES
from ingest.nlp.people import unknown_word
from ingest.nlp.view import TextView
from ingest.nlp.ents import span_mask

Cand = tuple[int, int, str, dict]

# endings that make a company of nearly any proper prefix
_STRONG = ("엔터테인먼트", "인베스트먼트", "파트너스", "벤처스", "자산운용", "저축은행", "손해보험", "생명보험",
           "금융지주", "게임즈", "일보", "약품", "바이오텍", "바이오사이언스", "제약바이오")
# endings that are also ordinary words after a common noun ('지역신문', '벤처캐피탈', '유통산업'):
# the prefix must be a proper noun to Kiwi and no place ('울산산업' is industry in Ulsan)
_WEAK = ("신문", "시멘트", "카드", "헬스케어", "캐피탈", "식품", "제지", "산업", "공업", "통운", "물류", "백화점",
         "미디어", "뱅크", "푸드", "푸드시스템", "제과", "유업", "우유", "상선", "페이")
_ENDS = re.compile("(?:" + "|".join(sorted(_STRONG + _WEAK, key=len, reverse=True)) + r")(?![A-Za-z0-9가-힣])"
                   r"|(?:" + "|".join(sorted(_STRONG + _WEAK, key=len, reverse=True)) + r")(?=[은는이가을를의와과도에로])")
_PART_OF = (" 재단", "재단", " 협회", " 노조", " 노동조합", " 연구소", " 본부")
_NAME_BACK = re.compile(r"[A-Za-z0-9가-힣&]*$")
_LATIN_SA = re.compile(r"(?<![A-Za-z0-9&.\-])([A-Z][A-Za-z0-9&.\-]*[A-Za-z0-9])(?:사|社)(?=[의는가와과를을도에]|[\s,.)]|$)")
_LATIN_GENERIC = frozenset({"AI", "IT", "ICT", "SW", "HW", "EV", "ESS", "R&D", "K", "CEO", "IR", "PR", "TV", "OTT",
                            "SNS", "MOU", "GPU", "CPU", "IPO", "ESG", "NGO", "VC", "PEF"})
_BANK_HEAD = re.compile(r"([A-Za-z가-힣][A-Za-z0-9가-힣]{1,10}은행)장(?=[은는이가을를의과와도,.\s)]|$)")
_PUBLIC_HEAD = re.compile(r"([가-힣]{3,12}(?:공사|공단))(?:\s?\(\s?(?:사장|이사장)\s|\s(?:사장|이사장|부사장|상임감사)"
                          r"(?=[은는이가을를의과와도,\s)]|$))|([가-힣]{3,14}청)\s?\(\s?청장\s")  # '광양만권경제자유구역청(청장 …)'


def find_more_companies(view: TextView, lex: Lexicon) -> Iterator[Cand]:
    text = view.text
    for m in _ENDS.finditer(text):
        e = m.end()
        s = _NAME_BACK.search(text, max(0, m.start() - 20), m.start()).start()
        end = m.group()
        prefix = text[s:m.start()]
        if len(prefix) < 2 or prefix in GENERIC_PREFIXES or prefix.endswith(("·", "-", "&")) or not view.aligned(s, e) \
                or view.core_end(s, view.word_end(s)) != e:
            continue
        tag = view.tag_at(s)
        latin = re.fullmatch(r"[A-Z][A-Z0-9&]+", prefix) is not None
        if end in _WEAK and not latin and (tag != "NNP" or prefix in lex.places or _place_start(prefix, lex)):
            continue
        if not latin and tag not in ("NNP", "NNG", "SL"):
            continue
        if text[s:e] in lex.names or text.startswith(_PART_OF, e):
            continue  # the gazetteer's own; '위키미디어 재단': part of a foundation's name
        yield s, e, "COMPANY", {"rule": "business_end"}
    for m in _LATIN_SA.finditer(text):
        s, e = m.span(1)
        if m.group(1) in _LATIN_GENERIC or not view.is_cut(e):
            continue
        yield s, e, "COMPANY", {"rule": "latin_context"}
    for m in _BANK_HEAD.finditer(text):
        s, e = m.span(1)
        if s > 0 and (text[s - 1].isalnum()):
            continue
        info = lex.names.get(text[s:e])
        label = info.type if info is not None else "COMPANY"
        attrs = {"rule": "head_fused"}
        if info is not None:
            attrs["_gaz"] = info.canonical
        yield s, e, label, {**attrs, "_cut": True}


def _place_start(prefix: str, lex: Lexicon) -> bool:
    """Whether the prefix is a place and one more word ('경기북부', '충남서부')."""
    return any(prefix.startswith(p) and p in lex.places for p in (prefix[:2], prefix[:3])) and len(prefix) <= 4


def find_public_heads(view: TextView) -> Iterator[Cand]:
    """'예금보험공사(사장 …)', '해양환경공단 이사장 …': a public enterprise by its head; an
    agency by its 청장 in brackets ('광양만권경제자유구역청(청장 …)')."""
    text = view.text
    if "공사" not in text and "공단" not in text and "청장" not in text:  # in every match: skip the scan
        return
    for m in _PUBLIC_HEAD.finditer(text):
        s, e = m.span(1) if m.group(1) else m.span(2)
        if (s > 0 and text[s - 1].isalnum()) or not view.aligned(s, e):
            continue
        yield s, e, "MINISTRY", {"rule": "public_head", "gov_kind": "public"}


_SEP = re.compile(r",\s?|·|\s및\s|\s[△▲]\s?")  # '△삼성전자 △누리온': a bulleted run is a list too
_ITEM = re.compile(r"[A-Za-z가-힣][A-Za-z0-9가-힣&]{1,14}")


def find_coordinated(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    """The other members of a list in which a company stands: bare names joined to it by a
    comma, ·, 및 or 와/과 that no rule typed, which Kiwi reads as a proper noun or does not
    know ('쿠팡, 컬리, 당근마켓이'). A common noun ends the list ('삼성전자와 협력사',
    'LG전자, 정부'), and so does any typed entity other than a company. Each item, the
    known company included, stands whole before its separator or particle ('두산 베어스의'
    is no member), and a name found by an ending that is also a word lends nothing ('자동장전기')."""
    text = view.text
    by_start = {s: (e, lab) for s, e, lab, _a in ents}
    by_end = {e: (s, lab) for s, e, lab, _a in ents}
    taken = span_mask(len(text), ents)
    seen: set[int] = set()
    for s0, e0, lab, attrs in ents:
        if s0 in seen or lab != "COMPANY" or not _whole_item(view, e0) or attrs.get("rule") == "suffix" \
                and text[s0:e0].endswith(tuple(WEAK_SUFFIXES)):
            continue
        items: list[tuple[int, int, str | None]] = [(s0, e0, lab)]
        pos = e0  # forwards: 'A, B, C가'
        while True:
            if _joined_by_particle(view, pos):
                start = pos + 2
            elif (m := _SEP.match(text, pos)) is not None:
                start = m.end()
            else:
                break
            if start in by_start:
                end, lab2 = by_start[start]
                items.append((start, end, lab2))
                if lab2 != "COMPANY":
                    break
                pos = end
                continue
            item = _item_at(view, start, taken)
            if item is None or not _whole_item(view, item[1]):
                break
            items.append((*item, None))
            pos = item[1]
        pos = s0  # backwards: 'A, B와 C는' where C is known
        while pos > 0:
            before = text[max(0, pos - 2):pos]
            if before.endswith((", ", " △", " ▲")):
                end = pos - 2
            elif before.endswith((",", "·")):
                end = pos - 1
            elif before.endswith(("와 ", "과 ")) and view.tag_at(pos - 2) in ("JC", "JKB"):
                end = pos - 2
            else:
                break
            if end in by_end:
                st, lab2 = by_end[end]
                items.append((st, end, lab2))
                if lab2 != "COMPANY":
                    break
                pos = st
                continue
            st = end
            while st > 0 and (text[st - 1].isalnum() or text[st - 1] == "&"):
                st -= 1
            item = _item_at(view, st, taken, end)
            if item is None:
                break
            items.append((*item, None))
            pos = st
        seen.update(st for st, _e, lab2 in items if lab2 == "COMPANY")
        if any(lab2 in _OTHER_BODIES for _s, _e, lab2 in items):
            continue  # '코트라·무보·삼성중공업': bodies and companies mixed, the unknown one may be either
        for st, end, lab2 in items:
            if lab2 is None:
                yield st, end, "COMPANY", {"rule": "coordinated"}


_OTHER_BODIES = ("MINISTRY", "ORGANIZATION")


def _whole_item(view: TextView, end: int) -> bool:
    """Whether a list item ends at `end`: a separator, 등, a bracket or a particle follows."""
    text = view.text
    return end >= len(text) or text[end] in ",·()" or text.startswith((" 등", " 및 ", " △", " ▲"), end) \
        or view.tag_at(end).startswith("J")


def _joined_by_particle(view: TextView, pos: int) -> bool:
    """Whether 와/과 at `pos` joins two nouns (JC), not 'with' after a verb."""
    return pos < len(view.text) and view.text[pos] in "와과" and view.tag_at(pos) == "JC" and view.text.startswith(" ", pos + 1)


def _item_at(view: TextView, start: int, taken: bytearray, end: int | None = None,
             compound: bool | str = False) -> tuple[int, int] | None:
    """The bare name at `start` (up to its particle, or `end`) if it may be a company;
    `compound`: nouns written together may be one ('나노웨이브' is 나노 + 웨이브) unless the
    last names a kind of body ('협력업체', '창업기업'); "proper": when one of them is a proper
    noun ('원익큐엔씨', not '빅데이터')."""
    text = view.text
    if end is None:
        m = _ITEM.match(text, start)
        if m is None:
            return None
        end = view.core_end(start, m.end())
    if end - start < 2 or end - start > 15 or taken.find(1, start, end) != -1 or not view.aligned(start, end):
        return None
    word = text[start:end]
    if not _ITEM.fullmatch(word) or word in GENERIC_PREFIXES:
        return None
    morphs = view.morphs_in(start, end)
    if not morphs or any(not mo.tag.startswith(("NN", "SL", "SN")) for mo in morphs):
        return None
    if len(morphs) == 1 and morphs[0].tag == "NNP" or word.isascii() and word[0].isupper():
        return start, end
    if len(word) >= 3 and unknown_word(word):
        return start, end
    if compound and len(morphs) >= 2 and morphs[-1].form not in _KINDS and all(len(mo.form) >= 2 for mo in morphs) \
            and (compound != "proper" or any(mo.tag in ("NNP", "SL") for mo in morphs)):
        return start, end
    return None


_KINDS = frozenset({"기업", "업체", "회사", "스타트업", "벤처", "법인", "협회", "조합", "단체", "기관", "재단", "그룹", "본사",
                    "지사", "계열사", "자회사", "협력사", "대학", "학교", "센터", "연구소"})


# a company's head by the post after the name ('나노웨이브 김철수 대표는'): the word before the
# name is the company when no rule typed it and Kiwi reads it as a proper noun or does not know it
_NOT_FIRMS = ("당", "연대", "연합", "모임", "네트워크", "행동", "본부", "운동", "포럼", "협의회", "위원회", "노조", "시민",
              "회의", "동맹", "클럽", "교회")  # parties, civic groups and councils have 대표s too
_HEAD_TITLES = ("대표이사", "대표", "사장", "회장", "부회장", "CEO", "최고경영자", "창업자", "공동대표", "의장", "이사회 의장")


def find_titled_bodies(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    taken = span_mask(len(text), ents)
    for s, e, lab, attrs in ents:
        if lab != "PERSON" or attrs.get("title") not in _HEAD_TITLES or attrs.get("_org") or s < 3 or text[s - 1] != " ":
            continue
        if not text.startswith(" " + attrs["title"], e):
            continue
        ws = view.word_start(s - 1)
        we = s - 2 if text[s - 2] == "의" and view.tag_at(s - 2) == "JKG" else s - 1  # '누리온의 김철수 대표'
        item = _item_at(view, ws, taken, we, compound=we == s - 1)
        if item is not None and (ws == 0 or text[ws - 1] in " \n(,·'\"‘“") and not text[ws:we].endswith(_NOT_FIRMS):
            yield item[0], item[1], "COMPANY", {"rule": "head_named"}


# a public enterprise listed next to another one ('해양환경공단, 한국해양교통안전공단 등',
# '해양환경공단·해양수산과학기술진흥원'): the list vouches for the ending; construction works
# and industrial estates are not listed with public bodies
_PUBLIC_WORD = re.compile(r"[가-힣]{2,12}(?:공사|공단|진흥원|기술원)")


def find_listed_public(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    public = [(s, e) for s, e, lab, a in ents if lab == "MINISTRY" and a.get("gov_kind") == "public"]
    starts = {s for s, _e, _l, _a in ents}
    ends = {e for _s, e, _l, _a in ents}
    for s, e in public:
        for m in (_LIST_AFTER.match(text, e), _LIST_BEFORE.search(text, max(0, s - 20), s)):
            if m is None:
                continue
            ws, we = m.span("name")
            if ws in starts or we in ends or (ws > 0 and text[ws - 1].isalnum()) or not view.aligned(ws, we) \
                    or not _whole_item(view, we) and m.re is _LIST_AFTER:
                continue
            if re.search(_WORKS, text[ws:we]):
                continue  # '도로확장공사': works, whatever stands next to them
            yield ws, we, "MINISTRY", {"rule": "public_listed", "gov_kind": "public"}


_WORKS = r"(?:확장|정비|보수|보강|건설|설치|복구|포장|개량|철거|신축|증축|개선|토목|전기|배관|굴착|준설|매립|산업|국가)(?:공사|공단)$"
_LIST_AFTER = re.compile(r"(?:,\s?|·)(?P<name>" + _PUBLIC_WORD.pattern + ")")
_LIST_BEFORE = re.compile(r"(?P<name>" + _PUBLIC_WORD.pattern + r")(?:,\s?|·)$")


# a list of names after the companies it names: '으뜸기업으로 선정된 곳은 … A, B, C다',
# '으뜸기업에는 A, B, C가 포함됐다' (no 등 and no count after it)
_CUE = re.compile(r"(?:기업|업체|회사|스타트업|개사|곳|종목)(?:들)?(?:은|는|에는|으로는|로는|에서는)\s")
_RUN = re.compile(r"(?<![A-Za-z0-9가-힣&])[A-Za-z가-힣][A-Za-z0-9가-힣&\-]{1,14}(?:,\s?[A-Za-z가-힣][A-Za-z0-9가-힣&\-]{1,14})+")


def find_cued_lists(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    taken = bytearray(len(text))
    labels = {}
    for s, e, lab, _a in ents:
        taken[s:e] = b"\x01" * (e - s)
        labels[(s, e)] = lab
    for cue in _CUE.finditer(text):
        m = _RUN.search(text, cue.end(), min(len(text), cue.end() + 40))
        if m is None or any(c in text[cue.end():m.start()] for c in ".?!\n,"):
            continue
        items = []
        pos = m.start()
        for part in m.group().split(","):
            lead = len(part) - len(part.lstrip())
            st, en = pos + lead, pos + len(part)
            pos = en + 1
            if (st, view.core_end(st, en)) in labels:
                if labels[(st, view.core_end(st, en))] != "COMPANY":
                    items = []
                    break
                continue
            item = _item_at(view, st, taken, view.core_end(st, en), compound="proper")
            if item is None or text[item[0]:item[1]] in GENERIC_PREFIXES:
                break
            items.append(item)
        last_end = view.core_end(items[-1][0], m.end()) if items else 0
        if len(items) >= 2 and (items[-1][1] == last_end or items[-1][1] < m.end()):
            for st, en in items:
                yield st, en, "COMPANY", {"rule": "cued_list"}


# the companies a starred footnote lists for '7개 기업*' ('* ① Applied Materials, ② Lam Research',
# '* 수소(Air Products, Plug Power), 반도체(…)'): each item a Latin name or a name no rule typed
_STARRED = re.compile(r"(?:기업|업체|개사|회사|기업들|스타트업)\*")
_FOOTNOTE = re.compile(r"^[ \t]*\*(?!\*)[ \t]*(.+)$", re.M)
_CIRCLED = re.compile(r"^[\s①-⑳ⓐ-ⓩ\d.)]*")
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){0,3}")


def find_footnote_companies(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    if "*" not in text:
        return
    taken = span_mask(len(text), ents)
    lines = {}  # the footnote each marker points to: the first one after it
    for star in _STARRED.finditer(text):
        if (line := _FOOTNOTE.search(text, star.end())) is not None:
            lines[line.start()] = line
    for line in lines.values():
        body_s, body_e = line.span(1)
        for part in re.finditer(r"[^,·()]+", text[body_s:body_e]):
            s = body_s + part.start()
            s += len(_CIRCLED.match(part.group()).group())
            e = body_s + part.end()
            while e > s and text[e - 1].isspace():
                e -= 1
            if e <= s or taken.find(1, s, e) != -1 or text[e:e + 1] == "(":
                continue  # a category before its brackets ('수소(…)'), or typed already
            if _LATIN_NAME.fullmatch(text, s, e) and e - s >= 3:
                yield s, e, "COMPANY", {"rule": "footnote"}
            elif (item := _item_at(view, s, taken, e, compound="proper")) is not None and item == (s, e):
                yield s, e, "COMPANY", {"rule": "footnote"}


# a company's name in two words before its mark ('베르나 바이오텍(주)'), or before its own spelling in
# brackets ('마이크론 테크놀로지(Micron Technology)'), and a local arm by its head ('에어리퀴드코리아 대표')
_ARM_HEAD = re.compile(r"([가-힣A-Za-z][가-힣A-Za-z0-9&]{1,15}(?:코리아|재팬|차이나))(?= (?:대표|대표이사|사장|지사장|회장|CEO)"
                       r"(?:[은는이가을를의과와도,\s]|$))")
_SPELLED = re.compile(r"((?: [가-힣]{1,10}){1,3})\(([A-Z][A-Za-z0-9&.\-]*(?: [A-Z][A-Za-z0-9&.\-]*){1,3})\)")


def find_whole_names(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    taken = span_mask(len(text), ents)
    for m in _ARM_HEAD.finditer(text):
        s, e = m.span(1)
        if (s == 0 or not text[s - 1].isalnum()) and taken.find(1, s, e) == -1 and view.aligned(s, e):
            yield s, e, "COMPANY", {"rule": "local_arm"}
    for s, e, lab, attrs in ents:
        if lab != "COMPANY" or s < 2 or text[s - 1] != " ":
            continue
        ws = view.word_start(s - 1)
        if attrs.get("rule") == "corp_mark" and text[s:e].endswith(("(주)", "㈜")) and taken.find(1, ws, s - 1) == -1 \
                and (ws == 0 or text[ws - 1] in _OPEN_LIST):
            ms = view.morphs_in(ws, s - 1)
            if len(ms) == 1 and (ms[0].tag == "NNP" or unknown_word(text[ws:s - 1])):
                yield ws, e, "COMPANY", {"rule": "corp_mark"}  # '베르나 바이오텍(주)'
    for s, e, lab, _attrs in ents:
        # '마이크론 테크놀로지(Micron Technology)': the Hangul words as many as the Latin ones
        if lab != "COMPANY" or (m := _SPELLED.match(text, e)) is None:
            continue
        latin_taken = [x for x in ents if m.start(2) <= x[0] < m.end(2)]
        if m.group(2).count(" ") + 1 == text[s:m.start(2) - 1].count(" ") + 1 and taken.find(1, e, m.start(2)) == -1 \
                and m.group(1).endswith(_STRONG + STRONG_SUFFIXES) and all(x[2] == "COMPANY" for x in latin_taken):
            yield s, m.start(2) - 1, "COMPANY", {"rule": "spelled"}
            yield m.start(2), m.end(2), "COMPANY", {"rule": "spelled"}


_OPEN_LIST = " \n(,·'\"‘“"
