"""Who leads, in two forms that sentences built on verbs (relations.py, roles.py) do not read:

    - 한덕수 국무총리, 제105차 중앙안전관리위원회 주재 -    LEADS 한덕수 → the committee's meeting
    안덕근 장관, 반도체 업계와 간담회 개최                    LEADS 안덕근 → 간담회
    이상민 중앙재난안전대책본부장(행정안전부 장관)은 …         LEADS 이상민 → 행정안전부

The first is the headline and sub-heading of releases and broadcast items: a person with his
title, a comma, then what he chairs or holds as a noun phrase closed by 주재, 개최 or 주관 (the
guideline: a named person who presides over or holds a meeting leads it). The second is a
head of a standing headquarters or task force whose first post names no ministry, with the
post that does in brackets after it (the guideline: a title phrase that names the body).
"""
from __future__ import annotations

import re
from typing import Callable

from ingest.nlp.titles import LEAD_TITLES
from ingest.nlp.view import TextView

# after the person: his title phrase (a few words, no particle), then the comma of a headline
_TITLE_COMMA = re.compile(r"(?:\s[가-힣A-Za-z·]{1,16}){0,3},\s")
# between the comma and what he leads: at most three words of a noun phrase, none a verb's ending
_LEAD_IN = re.compile(r"(?:['‘\"“「『]|(?:[가-힣A-Za-z0-9·]{1,12}(?<![다며고서])\s)){0,3}")
# after it: the closing noun, then the end of the headline (no verb ending, no particle)
_END = r"(?=\s*(?:$|\n|[-–—…·,\"“”'‘’]|\.{2,}|\s[-–—]))"
_CLOSE = re.compile(r"['’\"”」』]?\s?(?:주재|개최|주관)" + _END)
# or what he does is the headline's last noun: 'A 총리, … 현장 점검'
_ACT_END = re.compile(_END)
_ACTS = ("점검", "시찰")
_ENDS = ("주재", "개최", "주관")
# the second post in brackets: '(행정안전부 장관)', '(보건복지부 제1차관)'
_POST = re.compile(r"\s(" + "|".join(sorted(map(re.escape, LEAD_TITLES), key=len, reverse=True)) + r")\)")
# the first post, one word fused with its title ('중앙재난안전대책본부장', '중앙사고수습본부장')
_FIRST_POST = re.compile(r"\s[가-힣·]{2,20}(?:본부장|단장|위원장|실장|처장)\(")


def head_line_relations(view: TextView, ms: list, inits: list, sent: tuple[int, int], si: int, add: Callable) -> None:
    """Add LEADS for the headline form and the bracketed second post (see the module)."""
    text = view.text
    if "," in text[sent[0]:sent[1]] and any(e in text[sent[0]:sent[1]] for e in _ENDS + _ACTS):
        _headline(view, ms, inits, si, add)
    if "(" in text[sent[0]:sent[1]]:
        _bracketed_post(view, ms, si, add)


def _headline(view: TextView, ms: list, inits: list, si: int, add: Callable) -> None:
    text = view.text
    people = [m for m in ms if m.label == "PERSON" and m.attrs.get("title")]
    for p in people:
        c = _TITLE_COMMA.match(text, p.end)
        if c is None or any(p.end < m.start < c.end() for m in ms if m.label in ("PERSON", "INITIATIVE")):
            continue  # 'A 장관, B 차관 …': a list of people, not a headline
        lead_in = _LEAD_IN.match(text, c.end())
        target = next((i for i in inits if c.end() <= i.start <= lead_in.end() and (_CLOSE.match(text, i.end) or text.endswith(
            _ACTS, i.start, i.end) and _ACT_END.match(text, i.end))), None)
        if target is None:
            continue
        if any(m.label == "PERSON" and c.end() <= m.start < target.start for m in ms):
            continue
        add("LEADS", p, target, si)


def _bracketed_post(view: TextView, ms: list, si: int, add: Callable) -> None:
    text = view.text
    for b in ms:
        if b.label not in ("MINISTRY", "ORGANIZATION") or b.start < 1 or text[b.start - 1] != "(" or not _POST.match(text, b.end):
            continue
        p = next((m for m in reversed(ms) if m.label == "PERSON" and m.end < b.start), None)
        first = _FIRST_POST.match(text, p.end) if p is not None else None
        if first is not None and first.end() == b.start:
            add("LEADS", p, b, si)
