"""People named before a body of two words no rule knows and a title only people hold:
'홍길순 한불 클럽 회장', '김민재 BBS 불교방송 사장', '이수민 이노베이션 아카데미 학장'. The
title rules step over one known body; here the two words between are nouns (or Latin) and no
particle, each no entity or a body, and the name is a personal name by the strict test of names before
such titles (`people.is_name`). The body itself is left alone: whether it is a company or an
organisation the words do not tell.

Also foreign officials before their country and post ('토니 블링컨 미국 국무장관') or an envoy's
post ('조셉 윤 주미대사 대리'): `find_foreign_officials`.
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.people import is_name
from ingest.nlp.titles import SURNAMES
from ingest.nlp.view import TextView
from ingest.nlp.ents import span_mask

Cand = tuple[int, int, str, dict]

_TITLES = ("회장", "부회장", "사장", "부사장", "대표이사", "이사장", "원장", "총장", "학장", "소장", "센터장", "관장")
_TITLE_RE = re.compile(r"(?<= )(?:" + "|".join(sorted(_TITLES, key=len, reverse=True)) + r")"
                       r"(?=[은는이가도의와과께을를,.)]|\s|님|$)")
_WORD = re.compile(r"[A-Za-z가-힣][A-Za-z0-9가-힣&]{0,14}")
_OPEN = " \n(,·'\"‘“"


def find_long_apposed(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    taken = span_mask(len(text), ents)
    bodies = {(s, e) for s, e, lab, _a in ents if lab in ("MINISTRY", "COMPANY", "ORGANIZATION")}
    for m in _TITLE_RE.finditer(text):
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        words = []
        pos = m.start() - 1  # the space before the title
        for _ in range(3):
            if pos <= 0 or text[pos] != " ":
                break
            ws = view.word_start(pos)
            words.append((ws, pos))
            pos = ws - 1
        if len(words) < 3:
            continue
        (b2s, b2e), (b1s, b1e), (ns, ne) = words
        if (ns > 0 and text[ns - 1] not in _OPEN) or taken.find(1, ns, ne) != -1:
            continue
        if not all((s, e) in bodies or taken.find(1, s, e) == -1 and _WORD.fullmatch(text, s, e) and _nouns(view, s, e)
                   for s, e in ((b1s, b1e), (b2s, b2e))):
            continue  # each word a noun no rule typed, or a body ('한빛 문화재단')
        if text[ns] not in SURNAMES or not is_name(view, ns, ne, strong=True):
            continue  # '루이 갈루아 …': the last word of a foreign name is not all of it
        if ns >= 2 and text[ns - 1] == " " and _WORD.fullmatch(text, view.word_start(ns - 1), ns - 1) \
                and view.tag_at(view.word_start(ns - 1)) == "NNP":
            continue
        yield ns, ne, "PERSON", {"title": m.group(), "rule": "long_apposed"}


def _nouns(view: TextView, s: int, e: int) -> bool:
    ms = view.morphs_in(s, e)
    return bool(ms) and ms[0].start == s and ms[-1].end == e and all(mo.tag in ("NNG", "NNP", "SL", "SN") for mo in ms)


# a foreign official: a name of one to three words, each a proper noun to Kiwi, before the country
# and the post ('토니 블링컨 미국 국무장관', '피터 셈네비 스웨덴 한반도특사', '스티븐 구딘슨 주한 캐나다
# 부대사', '왕이 중국 외교부장'), or before an envoy's fused post ('조셉 윤 주미대사 대리')
_FOREIGN_POST = re.compile(r"[가-힣]{0,8}(?:장관|차관|대사|특사|총리|대통령|부통령|외무상|외교부장|주석|총장|의장|대사대리|총영사"
                           r"|상원의원|하원의원|주지사|국왕|왕세자)(?:\s대리)?(?=[은는이가도의와과께을를,.)]|\s|$)")
_ENVOY = re.compile(r"주[가-힣]{1,6}\s?(?:부?대사|총영사)(?:\s대리)?(?=[은는이가도의와과께을를,.)]|\s|$)")
_NAME_WORD = re.compile(r"[가-힣]{1,6}")


def find_foreign_officials(view: TextView, ents: list[tuple[int, int, str, dict]]) -> Iterator[Cand]:
    text = view.text
    taken = span_mask(len(text), ents)
    heads: list[tuple[int, str]] = []  # (where the name ends, the post)
    for s, e, lab, _a in ents:
        if lab != "LOCATION" or not text.startswith(" ", e) or (m := _FOREIGN_POST.match(text, e + 1)) is None:
            continue
        if taken.find(1, m.start(), m.end()) != -1:
            continue
        before = s - 1
        if text.endswith(" 주한", 0, s - 1 + 1) or text.endswith("주한 ", 0, s):
            before = s - 4  # '… 주한 캐나다 부대사'
        heads.append((before, m.group()))
    for m in _ENVOY.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == " " and taken.find(1, m.start(), m.end()) == -1:
            heads.append((m.start() - 1, m.group()))
    for pos, post in heads:
        words: list[tuple[int, int]] = []
        while len(words) < 3 and pos > 0 and text[pos] == " ":
            ws = view.word_start(pos)
            while ws < pos and text[ws] in "\"'‘“(":
                ws += 1  # '"토니 블링컨 미 국무장관과 …"': the quote opens on the name, which stays whole
            if not _NAME_WORD.fullmatch(text, ws, pos) or taken.find(1, ws, pos) != -1 \
                    or view.single_word_tag(ws, pos) != "NNP":
                break
            words.append((ws, pos))
            pos = ws - 1
        if not words or (len(words) == 1 and words[0][1] - words[0][0] < 2):
            continue
        s, e = words[-1][0], words[0][1]
        if s > 0 and text[s - 1] not in " \n(,·'\"‘“":
            continue
        yield s, e, "PERSON", {"title": post, "rule": "foreign_official"}
