"""Date forms of releases and notices that the sentence grammar (dates.py) leaves out.

A plan's or programme's period is often written in brackets after its name, and a
notice's days in dots, without the 년/월/일 the grammar keys on:

    제2차 수소경제 이행 기본계획(2025~2029)을 수립       years of the plan: 2025/2029
    ‘청년의날 기념식’(9.14)과 ‘청년정책라운지’(9.14)      a day in the document's year
    청년 일경험 사업(’25.3.~’26.2.)                      months with two-digit years
    제3차 녹색성장 기본계획(’23~’27)                     years written short
    1.19일(화) 간담회                                      a dotted day with 일 and its weekday
    3월 1일자로 임명                                         a day 'as of' (Kiwi reads 일자 as a noun)
    곧 있을 내년도 예산안 심의                              the next (fiscal) year as one word

Bare digits are numbers far more often than dates ('평점(4.5)', '(1.5배)', '3.7%', '제3.1조',
'2:1'), so the dotted forms are taken only in brackets of their own, right after a name, a
quote or a verb noun, and never after a word of measure; a year range only as four-digit
years in order. Values are pure functions like dates.normalize (which asks `value` first).
"""
from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_Y4 = r"(?:19|20)\d{2}"
# '(2025~2029)', '(2026-2028)', '(2025~29)'
YEARS_RE = re.compile(rf"(?P<a>{_Y4})\s?[~∼－-]\s?(?P<b>{_Y4}|\d{{2}})")
# '9.14' in '(9.14)'
MD_RE = re.compile(rf"(?P<m>{_M})\.(?P<d>{_D})")
# '25.3.~’26.2.', '25.3.' after an apostrophe (the apostrophe stays outside, as the guideline has '’20년')
YM_RE = re.compile(rf"(?P<y1>\d{{2}})\.\s?(?P<m1>{_M})\.(?:\s?[~∼]\s?’?(?P<y2>\d{{2}})\.\s?(?P<m2>{_M})\.?)?")
# '’25.3.4.~’25.3.20.': a range of days with short years (one span, as '2025.3.4.~2025.3.20.' is)
YMD_RANGE_RE = re.compile(rf"(?P<y1>\d{{2}})\.(?P<m1>{_M})\.(?P<d1>{_D})\.\s?[~∼]\s?(?:’(?P<y2>\d{{2}})\.)?"
                          rf"(?P<m2>{_M})\.(?P<d2>{_D})\.?(?!\d)")
# '(’23~’27)', '(’23년~’27년)': a plan's years written short (the first apostrophe stays outside)
YY_RANGE_RE = re.compile(r"(?P<a>\d{2})(?:\s?년)?\s?[~∼]\s?’(?P<b>\d{2})(?:\s?년)?(?![\d.])")
# '1.19일' with its weekday after it
MD_DAY_RE = re.compile(rf"(?P<m>{_M})\.(?P<d>{_D})일")
# a day 'as of' ('3월 1일자로 임명', '6일자 봄철 편성개편'): Kiwi reads 1/SN 일자/NNG, so the date is cut out
AS_OF_RE = re.compile(rf"(?:{_Y4}\s?년\s?)?(?:{_M}\s?월\s?)?{_D}\s?일(?=자(?:로|부|에|[\s,]|$))")
# a year as one word (Kiwi: 내년도/NNG; '내년도 계속된다' is 내년 + 도 and stays the grammar's)
YEAR_WORD = {"내년도": 1, "금년도": 0, "올해년도": 0, "차년도": 1}
_YEAR_WORD_RE = re.compile("|".join(sorted(YEAR_WORD, key=len, reverse=True)))

# a bracket of its own: '(' right before, ')' or a note after ('(9.14)', '(9.14, 서울)')
_CLOSE = re.compile(r"\)|,\s?[^()]{1,20}\)")
# words of measure before a bracket: the number in it is a score, rate or version
_MEASURE = re.compile(r"(?:점수|평점|지수|비율|배율|등급|률|율|비|점|배|버전|ver|v|V|판|호|절|조|항|쪽|p)\s?$")
_WEEKDAY_AFTER = re.compile(r"\s?\([월화수목금토일]\)")
# a page that writes its days in dots elsewhere: with a weekday or as a range ('9.16(월)', '9.16~9.20')
_DOTTED = re.compile(rf"(?<![\d.]){_M}\.{_D}\.?\s?(?:\([월화수목금토일]\)|[~∼]\s?{_M}\.)")
_QUOTES = "’'\"”」』"
_DIGIT_NEXT = re.compile(r"\s?\d")  # '’17. 7. 3.': a day follows, the grammar's


# '1일 6시간 생방송', '1일 2회', '1일 평균 300명': a rate per day, no date ('1일 2명이 숨졌다' is the 1st)
_PER_DAY = re.compile(r"1\s?일\s(?:\d+(?:\.\d+)?\s?(?:시간|회|번|차례)(?!\s?(?:째|차))|평균|최대|최소)")


# a day by its ordinal weekday is a rule, not a day ('청년의날(9월 셋째 토요일)', '매년 5월 셋째 월요일',
# '그 다음달 둘째주 월요일에'): neither the month nor the weekday is a date
_ORDINAL = r"(?:첫|둘|셋|넷|다섯|마지막)\s?째|(?:첫|두|세|네|다섯)\s?번\s?째|마지막"
_ORDINAL_DAY = re.compile(rf"(?:{_ORDINAL})\s?(?:주\s?)?[월화수목금토일]요일")
_ORDINAL_BEFORE = re.compile(rf"(?:{_ORDINAL})\s?(?:주\s?)?$")
# '그 다음달', '그 다음 날': the month or day after another date the text told, not after the page's
_ANAPHORIC = re.compile(r"그\s?$")
_AFTER_WORDS = ("다음달", "다음 달", "다음날", "다음 날", "이튿날", "익월")


def not_a_date(text: str, s: int, e: int) -> bool:
    """Whether the date span text[s:e] is none: '1일' of a rate per day ('1일 6시간 생방송'), a month
    or weekday of an ordinal-weekday rule, a month or day after another date ('그 다음달')."""
    span = text[s:e]
    if span.replace(" ", "") == "1일" and _PER_DAY.match(text, s) is not None and (s == 0 or not text[s - 1].isalnum()):
        return True
    if span.endswith("월") and span[:-1].strip().isdigit() and _ORDINAL_DAY.match(text, e + 1 if text[e:e + 1] == " " else e):
        return True
    if span.endswith("요일") and _ORDINAL_BEFORE.search(text, max(0, s - 8), s):
        return True
    m = _ANAPHORIC.search(text, max(0, s - 2), s) if span in _AFTER_WORDS else None
    return m is not None and (m.start() == 0 or not text[m.start() - 1].isalnum())


def value(expr: str, ref: date | None) -> str | None:
    """ISO value of one of these forms; None when `expr` is none of them."""
    if m := YEARS_RE.fullmatch(expr):
        a, b = int(m.group("a")), int(m.group("b"))
        b += a // 100 * 100 if b < 100 else 0
        return f"{a:04d}/{b:04d}" if a < b <= a + 30 else None  # '(2000~2500)' is a count
    if m := YMD_RANGE_RE.fullmatch(expr):
        try:
            a = date(2000 + int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
            b = date(2000 + int(m.group("y2") or m.group("y1")), int(m.group("m2")), int(m.group("d2")))
        except ValueError:
            return None
        return f"{a.isoformat()}/{b.isoformat()}" if a < b else None
    if m := YY_RANGE_RE.fullmatch(expr):
        a, b = 2000 + int(m.group("a")), 2000 + int(m.group("b"))
        return f"{a:04d}/{b:04d}" if a < b <= a + 30 else None
    if m := MD_DAY_RE.fullmatch(expr) or MD_RE.fullmatch(expr):
        if ref is None:
            return None
        try:
            return date(ref.year, int(m.group("m")), int(m.group("d"))).isoformat()
        except ValueError:
            return None
    if m := YM_RE.fullmatch(expr):
        start = f"{2000 + int(m.group('y1')):04d}-{int(m.group('m1')):02d}"
        if m.group("y2") is None:
            return start
        end = f"{2000 + int(m.group('y2')):04d}-{int(m.group('m2')):02d}"
        return f"{start}/{end}" if start < end else None
    if expr in YEAR_WORD and ref is not None:
        return f"{ref.year + YEAR_WORD[expr]:04d}"
    return None


def _own_bracket(text: str, s: int, e: int) -> bool:
    """Whether text[s:e] fills a bracket of its own that follows a name (no measure word)."""
    if s == 0 or text[s - 1] != "(" or _CLOSE.match(text, e) is None:
        return False
    return s >= 2 and not text[s - 2].isspace() and _MEASURE.search(text, max(0, s - 5), s - 1) is None \
        and not text[s - 2].isdigit()


def find_forms(view: TextView) -> Iterator[Cand]:
    text = view.text
    if "(" in text:
        for m in YEARS_RE.finditer(text):
            s, e = m.span()
            if _own_bracket(text, s, e) and value(m.group(), None) and view.aligned(s, e):
                yield s, e, "DATE", {}
        dotted = None
        for m in MD_RE.finditer(text):
            s, e = m.span()
            if not _own_bracket(text, s, e) or not view.aligned(s, e):
                continue
            if text[s - 2] not in _QUOTES:  # '전망(2.1)': a bare decimal unless the page writes its days so
                dotted = _DOTTED.search(text) is not None if dotted is None else dotted
                if not dotted:
                    continue
            yield s, e, "DATE", {}
        for m in MD_DAY_RE.finditer(text):
            s, e = m.span()
            if (s == 0 or not (text[s - 1].isalnum() or text[s - 1] in ".,")) and _WEEKDAY_AFTER.match(text, e) \
                    and view.aligned(s, e):
                yield s, e, "DATE", {}
    if "’" in text or "'" in text:
        for m in YMD_RANGE_RE.finditer(text):
            s, e = m.span()
            if s > 0 and text[s - 1] in "’'" and (s < 2 or not text[s - 2].isalnum()) and value(m.group(), None) \
                    and view.aligned(s, e):
                yield s, e, "DATE", {}
        for m in YY_RANGE_RE.finditer(text):
            s, e = m.span()
            if s > 0 and text[s - 1] in "’'" and (s < 2 or not text[s - 2].isalnum()) and value(m.group(), None) \
                    and view.aligned(s, e):
                yield s, e, "DATE", {}
        for m in YM_RE.finditer(text):
            s, e = m.span()
            if s > 0 and text[s - 1] in "’'" and _DIGIT_NEXT.match(text, e) is None \
                    and (s < 2 or not text[s - 2].isalnum()) and value(m.group(), None) and view.aligned(s, e):
                yield s, e, "DATE", {}
    if "일자" in text:
        for m in AS_OF_RE.finditer(text):
            s, e = m.span()
            if (s == 0 or not (text[s - 1].isalnum() or text[s - 1] in ".,~∼-")) and view.is_cut(s):
                yield s, e, "DATE", {"_cut": True}
    for m in _YEAR_WORD_RE.finditer(text):
        s, e = m.span()
        tok = view.first.get(s)
        if (s == 0 or not text[s - 1].isalnum()) and tok is not None and tok.form == m.group():
            yield s, e, "DATE", {}


# --- values that come from a neighbouring date ---------------------------------------

_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HAS_DIGIT = re.compile(r"\d")
_TODAY = frozenset({"오늘", "금일"})
_RELATIVE_NEXT = frozenset({"오늘", "내일", "어제", "모레", "다음 주", "다음주", "이번 주", "이번주", "지난주", "지난 주"})


def carry_values(text: str, ents: list) -> None:
    """'이날' is the day the text last named in digits ('24일 발대식을 열었다. 이날 발대식에서는' → the
    24th, not the page's day), and a relative date followed by its absolute one is that day ('다음 주
    21일', '내일 7월 27일': two spans, one value, as the guideline has them)."""
    dates = [e for e in ents if e.label == "DATE"]
    last_day = None
    for i, e in enumerate(dates):
        span = text[e.start:e.end]
        if span == "이날" and last_day is not None:
            e.value = last_day
        elif span in _RELATIVE_NEXT and i + 1 < len(dates) and dates[i + 1].start == e.end + 1 \
                and text[e.end] == " " and dates[i + 1].value and _DAY_VALUE.fullmatch(dates[i + 1].value) \
                and _HAS_DIGIT.search(text, dates[i + 1].start, dates[i + 1].end):
            e.value = dates[i + 1].value
        if e.value and _DAY_VALUE.fullmatch(e.value) and (_HAS_DIGIT.search(text, e.start, e.end) or span in _TODAY):
            last_day = e.value  # '1월 16일에 개봉한 … 오늘 1000만 … 이날 오전': today again ('전날' is not the day told)
