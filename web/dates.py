"""Dates as a person writes them: '2026년 말까지', not '../2026-12-31'.

The graph keeps ISO 8601 values (ingest.nlp.dates: day, month, year, decade 2020/2029,
interval A/B, by a date ../B, from a date A/..); pages show them in Korean words. The
ISO value stays in the JSON twins and in <time datetime> for machines.
"""
from __future__ import annotations

import calendar
import re

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def human_date(value: object) -> str:
    """'2024-03-07' → '2024년 3월 7일', '2024-03' → '2024년 3월', '2024' → '2024년';
    an interval through human_interval; anything else as it is."""
    v = str(value or "").strip()
    if "/" in v:
        return human_interval(v)
    if m := _DAY.match(v):
        return f"{m[1]}년 {int(m[2])}월 {int(m[3])}일"
    if m := _MONTH.match(v):
        return f"{m[1]}년 {int(m[2])}월"
    if m := _YEAR.match(v):
        return f"{m[1]}년"
    return v


_IN_TEXT = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def dates_in_words(text: object) -> str:
    """A name with an ISO day in it, as an event's label ('회의 (2022-06-28)'), with the
    day in words ('회의 (2022년 6월 28일)')."""
    return _IN_TEXT.sub(lambda m: human_date(m.group(0)), str(text or ""))


def human_interval(value: str) -> str:
    """'../2026-12-31' → '2026년 말까지', '2024-01-01/2024-06-30' → '2024년 상반기',
    '2027/..' → '2027년부터', '2020/2029' → '2020년대'."""
    begin, _, end = value.partition("/")
    if begin == end:
        return human_date(begin)
    if begin in ("..", "") and end:
        return f"{_end_words(end)}까지"
    if end in ("..", "") and begin:
        return f"{human_date(begin)}부터"
    if _YEAR.match(begin) and _YEAR.match(end):
        b, e = int(begin), int(end)
        return f"{b}년대" if b % 10 == 0 and e == b + 9 else f"{b}~{e}년"
    b, e = _DAY.match(begin), _DAY.match(end)
    if b and e and b[1] != e[1] and begin[5:] == "01-01" and end[5:] == "12-31":
        return f"{b[1]}~{e[1]}년"
    named = _named_period(begin, end)
    if named:
        return named
    return f"{human_date(begin)}부터 {_end_words(end)}까지"


def _end_words(end: str) -> str:
    """The end of a period: a year's or a month's last day reads as its 말."""
    m = _DAY.match(end)
    if not m:
        return human_date(end)
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if mo == 12 and d == 31:
        return f"{y}년 말"
    if d == calendar.monthrange(y, mo)[1]:
        return f"{y}년 {mo}월 말"
    return human_date(end)


def _named_period(begin: str, end: str) -> str | None:
    """A whole year, half, quarter or month by its name, else None."""
    b, e = _DAY.match(begin), _DAY.match(end)
    if not (b and e) or b[1] != e[1] or b[3] != "01":
        return None
    y, m1, m2, d2 = int(b[1]), int(b[2]), int(e[2]), int(e[3])
    if d2 != calendar.monthrange(y, m2)[1]:
        return None
    names = {(1, 12): "", (1, 6): " 상반기", (7, 12): " 하반기", (1, 3): " 1분기", (4, 6): " 2분기",
             (7, 9): " 3분기", (10, 12): " 4분기"}
    if (m1, m2) in names:
        return f"{y}년{names[(m1, m2)]}"
    if m1 == m2:
        return f"{y}년 {m1}월"
    return f"{y}년 {m1}~{m2}월"
