"""People as the Assembly's committee minutes name them, where the title rules (people.py)
find no name Kiwi knows:

    조성은 방송통신위원회 사무처장입니다.          ← a witness introduced: name, body, title
    방송통신위원회 위원장직무대행 김태규입니다.      ← an acting head introducing himself
    김홍일 전 방송통신위원장입니다.                 ← a former head introduced (no post now)
    아까 김종인 증인에 대해서는 …                   ← witnesses and expert witnesses (참고인)
    국정감사 증인 류희림, 장경식을 …                ← a list of witnesses after the word
    제가 좀 아까 최형두 간사님의 지적을 …           ← a committee's whip (간사)

Kiwi cuts unknown names into pieces ('조성은' → 조성/은, '최형두' → 최형/두), so the title
rules, which trust such a word only before a title only people hold, pass them by. In these
frames the name is vouched for by its place: the first word of an introduction that ends in
'… 입니다', or the word next to 증인/참고인/간사, checked as a name the way people.py checks
one before a strong title (a surname first, no common word Kiwi knows: '추가 증인', '기관
증인' stay words). An introduction with a body gives the person's post (LEADS where the
title heads the body, as people.py decides for its titles).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.people import FUSED_TITLES, bare_name
from ingest.nlp.titles import LEAD_TITLES, NOT_NAMES, SURNAMES, SURNAMES2, TITLES
from ingest.nlp.view import TextView

_BODIES = ("MINISTRY", "COMPANY", "ORGANIZATION")
_TITLE_WORD = re.compile(r"[가-힣]{0,8}?(" + "|".join(sorted({*TITLES, *FUSED_TITLES}, key=len, reverse=True)) + r")"
                         r"(?:\s?직무대행|\s?권한대행)?")
_NAME = re.compile(r"[가-힣]{2,4}")
_NAME_BEFORE_IS = re.compile(r"[가-힣]{2,4}?(?=입니다)")
# the word next to which a name stands in the minutes; 님 and particles after it
_ROLE_AFTER = re.compile(r" (?:증인|참고인|간사)(?=님|께서|[은는이가을를의에께도과와,]|\s|$)")
_ROLE_BEFORE = re.compile(r"(?<![가-힣])(?:증인|참고인) (?=[가-힣])")
_FORMER = re.compile(r"(?<![가-힣])([가-힣]{2,3}) 전 [가-힣A-Za-z0-9 ]{0,14}?(" + "|".join(sorted(FUSED_TITLES, key=len, reverse=True)) + r"|장|기자|사장|대표|의원)(?=입니다)")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*|\n|\)\s*)$")


def _name_ok(view: TextView, s: int, e: int, taken: set[tuple[int, int]]) -> bool:
    word = view.text[s:e]
    if (s, e) in taken or not _NAME.fullmatch(word) or word in NOT_NAMES or word in TITLES:
        return False
    if not (word[0] in SURNAMES and len(word) <= 3 or word[:2] in SURNAMES2 and len(word) >= 3):
        return False
    return bare_name(view, s, e)


def _intro_name(view: TextView, s: int, e: int, taken: set[tuple[int, int]]) -> bool:
    """The first word of an introduction: any surname-first word of 2–3 syllables that is
    not a known word or entity ('조성은' is read as 조성 + 은 out of context)."""
    word = view.text[s:e]
    if (s, e) in taken or not _NAME.fullmatch(word) or word in NOT_NAMES or word in TITLES or len(word) > 3:
        return False
    ms = view.morphs_in(s, e)
    if len(ms) == 1 and ms[0].tag == "NNG" and len(word) == 2:
        return False  # '관계 방송통신위원회 …': a common word
    return word[0] in SURNAMES


def find_minutes_people(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[tuple]:
    text = view.text
    if "입니다" not in text and "증인" not in text and "참고인" not in text and "간사" not in text:
        return
    taken = {(s, e) for s, e, _l, _a in ents}
    people = {(s, e) for s, e, lab, _a in ents if lab == "PERSON"}
    found: set[tuple[int, int]] = set()

    def person(s: int, e: int, attrs: dict) -> Iterator[tuple]:
        if (s, e) not in found and (s, e) not in people and view.aligned(s, e):
            found.add((s, e))
            yield s, e, "PERSON", attrs

    for bs, be, lab, _a in ents:
        if lab not in _BODIES:
            continue
        # '조성은 방송통신위원회 사무처장입니다': name, body, title
        t = _TITLE_WORD.match(text, be + 1) if text.startswith(" ", be) else None
        if t is not None and text.startswith("입니다", t.end()) and bs >= 2 and text[bs - 1] == " ":
            ws = view.word_start(bs - 1)
            if _SENTENCE_START.search(text, max(0, ws - 3), ws) and _intro_name(view, ws, bs - 1, taken):
                yield from person(ws, bs - 1, _post(t, bs, be))
        # '방송통신위원회 위원장직무대행 김태규입니다': body, title, name
        if t is not None and text.startswith(" ", t.end()):
            n = _NAME_BEFORE_IS.match(text, t.end() + 1)
            if n is not None and _name_ok(view, n.start(), n.end(), taken):
                yield from person(n.start(), n.end(), _post(t, bs, be))
    for m in _FORMER.finditer(text):  # '김홍일 전 방송통신위원장입니다': a former head, no post now
        if _SENTENCE_START.search(text, max(0, m.start() - 3), m.start()) and _intro_name(view, m.start(1), m.end(1), taken):
            yield from person(m.start(1), m.end(1), {"title": m.group(2), "former": True})
    for m in _ROLE_AFTER.finditer(text):
        ws = view.word_start(max(0, m.start() - 1))
        if ws < m.start() and _name_ok(view, ws, m.start(), taken):
            yield from person(ws, m.start(), {"title": m.group().strip()})
    for m in _ROLE_BEFORE.finditer(text):
        pos = m.end()
        while (n := _NAME.match(text, pos)) is not None:
            end = view.core_end(n.start(), view.word_end(n.start()))
            if not _name_ok(view, n.start(), end, taken):
                break
            yield from person(n.start(), end, {"title": m.group().strip()})
            if not text.startswith(", ", end):
                break
            pos = end + 2


def _post(t: re.Match, bs: int, be: int) -> dict:
    title = t.group(1)
    return {"title": title, "_org": (bs, be), "_leads": title in LEAD_TITLES}
