"""A date in brackets right after a name is that name's own date.

Releases and news put an event's or a programme's period in brackets after its name, often
several in one sentence:

    전국에서 열리는 '청년주간행사'(9.16~9.20) 등 3개의 행사로 구성됐다     the week's own days
    A 사업(내년 2월)과 B 지원(내년 3월), C 챌린지(내년 4월) 등은 따로 공고한다   each its own month
    '미래 포럼' 개최(4.10)                                                 a heading's event and its day

The sentence rules (schedules.py) would give every such date to the nearest initiative, so
C got all three months. Read here: a bracketed date belongs to the initiative right before
the bracket (a closing quote or the event's verb noun may stand between), and to no other;
when no initiative stands there ('청년의날(9월 셋째 토요일)', an unrecognised name) the date is
nobody's in the sentence rules. A date wholly past at the document's date is what was done
then, as elsewhere (no schedule).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Callable

from ingest.nlp.timing import value_end

if TYPE_CHECKING:
    from ingest.nlp.relations import Mention

# between the name and its bracket: a closing quote, and the verb noun of a heading or a list item
# ('‘…’ 개최(9.14)', '… 구축방안 수립(6월)')
_BEFORE = re.compile(r"['’\"”」』]?(?:\s(?:개최|시행|출범|발표|체결|접수|모집|운영|개막|개소|착공|공고|수립|마련|확정|도입|실시|착수|완료|제정|개정|추진|구축|출시))?\(")
# the bracket closes right after the date, or goes on with a note ('(3.10~4.15, 온라인 접수)')
_AFTER = re.compile(r"\s?(?:\)|,\s?[^()]{1,20}\))")
NOBODY = "nobody"
_RELATIVE_BEFORE = re.compile(r"(?:오늘|내일|모레|어제|금일|이날)$")


def in_brackets(text: str, d: Mention) -> bool:
    """Whether the date `d` stands alone at the start of a bracket: '(9.16~9.20)', '(내년 2월,'."""
    opens = d.start > 0 and text[d.start - 1] == "(" or d.start >= 2 and text.startswith(("(’", "('"), d.start - 2)  # '(’25.3.~’26.2.)'
    return opens and _AFTER.match(text, d.end) is not None


def bracket_owner(text: str, d: Mention, inits: list[Mention]) -> Mention | str | None:
    """The initiative whose date the bracketed `d` is; NOBODY when the bracket follows
    something else; None when `d` is not in brackets."""
    if not in_brackets(text, d):
        return None
    before = [m for m in inits if m.end < d.start]
    if before and _BEFORE.fullmatch(text, before[-1].end, d.start - (text[d.start - 1] != "(")):
        return before[-1]
    return NOBODY


def bracketed_schedules(text: str, ms: list[Mention], inits: list[Mention], sent: tuple[int, int], si: int,
                        add: Callable, ref: date | None) -> None:
    """SCHEDULED_FOR an initiative → the date in brackets right after its name."""
    if "(" not in text[sent[0]:sent[1]]:
        return  # (a cheap check before the per-date look)
    for d in ms:
        if d.label != "DATE" or not d.value:
            continue
        owner = bracket_owner(text, d, inits)
        if owner is None or owner == NOBODY:
            continue
        end = value_end(d.value)
        if ref is not None and end is not None and end < ref:
            continue  # '‘청년의날 기념식’(9.14)' in a release of 15 September: held, not scheduled
        add("SCHEDULED_FOR", owner, d, si)


def with_bracketed_days(text: str, ms: list[Mention], add: Callable) -> Callable:
    """`add` that also schedules for the day in brackets after a relative date what it schedules for
    the relative date ('보고대회가 내일(14일) 오후 열립니다': 내일 and 14일), and nothing else for it."""
    twins = {}
    for d in ms:
        if d.label == "DATE" and in_brackets(text, d) and _RELATIVE_BEFORE.search(text, max(0, d.start - 4), d.start - 1):
            rel = next((m for m in ms if m.label == "DATE" and m.end == d.start - 1), None)
            if rel is not None:
                twins[(rel.start, rel.end)] = d
    if not twins:
        return add

    def add_twins(kind: str, head: Mention, tail: Mention, si: int) -> None:
        add(kind, head, tail, si)
        if kind == "SCHEDULED_FOR" and (tail.start, tail.end) in twins:
            add(kind, head, twins[(tail.start, tail.end)], si)
    return add_twins
