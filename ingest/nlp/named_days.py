"""Days and weeks as briefings and notices name them, beyond the date grammar of dates.py:
the weeks of a weekly briefing ('이번 주', '금주 보도계획', '3월 다섯째 주'), short dates of notices
('1.6(화)', '7.4.시행', '25.01.17.'), named holidays and seasons ('설 명절', '추석 연휴',
'어린이날', '올여름'). `value` normalises them against the document date (dates.normalize
asks it first); the finders give the spans (patterns.find_values).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # the values stay pure (dates.py imports them); only the finders read a TextView
    from ingest.nlp.view import TextView

Cand = tuple[int, int, str, dict]

_Y4 = r"(?:19|20)\d{2}"


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def value(expr: str, ref: date | None) -> str | None:
    """ISO value of a week, short date or named day; None when `expr` is none of them."""
    if w := WEEK_RE.fullmatch(expr):
        return week(w, ref)
    if SHORT_RE.fullmatch(expr) or _SPACED_MD.fullmatch(expr):
        return short_date(expr, ref)
    if h := HOLIDAY_RE.fullmatch(expr):
        return holiday(h, ref)
    if MORNING_RE.fullmatch(expr) and ref is not None:
        return (ref + timedelta(days=_MORNING_DAY[expr.split()[0]])).isoformat()
    return None


# a week, as weekly briefings name it: '이번 주' and '금주' (the document's week, Monday to
# Sunday), '다음 주', '지난주', a weekend ('지난 주말': Saturday and Sunday), and a week of a
# month by its ordinal ('3월 다섯째 주': Monday to Sunday, as the rows of a calendar: the first
# holds the 1st, the last the last day, so a week across two months is both: '8월 마지막 주이자
# 9월 첫째 주')
_ORDINAL_WEEK = {"첫째": 0, "첫": 0, "둘째": 1, "셋째": 2, "넷째": 3, "다섯째": 4, "여섯째": 5, "마지막": -1}
WEEK_RE = re.compile(
    r"(?P<week>이번\s?주|다음\s?주|지난\s?주|금주)(?P<end>\s?말)?"
    rf"|(?P<month>1[0-2]|0?[1-9])\s?월\s?(?P<ord>{_alt(_ORDINAL_WEEK)})\s?주"
)


def week(m: re.Match, ref: date | None) -> str | None:
    if ref is None:
        return None
    if m.group("month"):
        mo = int(m.group("month"))
        y = ref.year
        n = _ORDINAL_WEEK[m.group("ord")]
        if n < 0:
            last = date(y, mo, _last(y, mo))
            start = last - timedelta(days=last.weekday())
        else:
            first = date(y, mo, 1)
            start = first - timedelta(days=first.weekday() - 7 * n)
            if start > date(y, mo, _last(y, mo)):
                return None  # '2월 여섯째 주' of a month with five
    else:
        w = m.group("week").replace(" ", "")
        start = ref - timedelta(days=ref.weekday()) + timedelta(days=7 if w == "다음주" else -7 if w == "지난주" else 0)
        if m.group("end"):
            return f"{(start + timedelta(days=5)).isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"


# dates as notices and captions write them: '1.6(화)', '7.4.시행', '2.9.~2.20.', '25.01.17.',
# '2023/02/08' (month and day in the document's year unless a year is given)
# a space after the month's dot ('3. 27.(월)', '6. 17(화)') only with a weekday or a range (find_short_dates)
_MD = r"(?:1[0-2]|0?[1-9])\.\s?(?:3[01]|[12]\d|0?[1-9])"
# a two-digit year with spaces: "’17. 7. 3.(월)" (the apostrophe stays outside, as the guideline spans it)
_SHORT_ONE = rf"(?:\d{{2}}\.\d{{2}}\.\d{{2}}\.|\d{{2}}\.\s{_MD}\.|{_Y4}/\d{{2}}/\d{{2}}|{_MD}\.?)"
SHORT_RE = re.compile(rf"(?:(?:오는|지난)\s)?{_SHORT_ONE}(?:\s?[~∼]\s?{_SHORT_ONE})?")
_SPACED_MD = re.compile(r"(?:1[0-2]|0?[1-9])\.\s(?:3[01]|[12]\d|0?[1-9])\.")  # '3. 31.' (its weekday outside)


def short_date(expr: str, ref: date | None) -> str | None:
    ends = []
    expr = re.sub(r"^(?:오는|지난)\s", "", expr)
    for part in re.split(r"\s?[~∼]\s?", expr):
        nums = [int(x) for x in re.split(r"[./]", part.strip(".")) if x]
        if len(nums) == 3:
            y, mo, d = nums
            y += 2000 if y < 100 else 0
        elif ends:  # '’25. 1. 22. ~ 2. 11.': the end in the start's year
            (mo, d), y = nums, ends[0].year
        elif ref is not None:
            (mo, d), y = nums, ref.year
        else:
            return None
        if not 1 <= mo <= 12 or not 1 <= d <= _last(y, mo):
            return None
        ends.append(date(y, mo, d))
    return ends[0].isoformat() if len(ends) == 1 else f"{ends[0].isoformat()}/{ends[1].isoformat()}"


# named holidays and seasons: '설 명절' (the three public holidays, a Monday after one that falls
# on a Sunday added), '추석 연휴' (the same with the weekend next to them), '이번 추석' and '추석
# 당일' (the day), '어린이날', '올여름' (June to August)
_LUNAR = {  # (설날, 추석) by the solar calendar
    2015: ("02-19", "09-27"), 2016: ("02-08", "09-15"), 2017: ("01-28", "10-04"), 2018: ("02-16", "09-24"),
    2019: ("02-05", "09-13"), 2020: ("01-25", "10-01"), 2021: ("02-12", "09-21"), 2022: ("02-01", "09-10"),
    2023: ("01-22", "09-29"), 2024: ("02-10", "09-17"), 2025: ("01-29", "10-06"), 2026: ("02-17", "09-25"),
    2027: ("02-07", "09-15"), 2028: ("01-27", "10-03"), 2029: ("02-13", "09-22"), 2030: ("02-03", "09-12"),
}
_FIXED = {"신정": "01-01", "삼일절": "03-01", "어린이날": "05-05", "현충일": "06-06", "제헌절": "07-17", "광복절": "08-15",
          "개천절": "10-03", "한글날": "10-09", "성탄절": "12-25", "크리스마스": "12-25",
          # solar terms (절기) whose names are no common word, on their usual day ('동지를 맞아')
          "입춘": "02-04", "경칩": "03-05", "춘분": "03-20", "입추": "08-07", "처서": "08-23", "추분": "09-23",
          "입동": "11-07", "동지": "12-22", "동짓날": "12-22"}
_SEASONS = {"봄": (3, 5), "여름": (6, 8), "가을": (9, 11), "겨울": (12, 14)}
HOLIDAY_RE = re.compile(
    r"(?:(?P<pre>이번|올해|올|지난|다가오는)\s)?"
    r"(?:설\s?(?P<kind>명절|연휴|당일|전날|다음\s?날)|(?P<lunar>추석)(?:\s?(?P<kind2>명절|연휴|당일|전날|다음\s?날))?|(?P<day>설날)"
    rf"|(?P<fixed>{_alt(_FIXED)}))"
    r"|(?:올|이번\s)(?P<season>봄|여름|가을|겨울)"
)


def holiday(m: re.Match, ref: date | None) -> str | None:
    if ref is None:
        return None
    if m.group("season"):
        lo, hi = _SEASONS[m.group("season")]
        y = ref.year - (1 if m.group("season") == "겨울" and ref.month <= 2 else 0)
        return f"{y:04d}-{lo:02d}/{y + (hi - 1) // 12:04d}-{(hi - 1) % 12 + 1:02d}"
    y = ref.year
    if m.group("fixed"):
        return f"{y:04d}-{_FIXED[m.group('fixed')]}"
    if y not in _LUNAR:
        return None
    day = date.fromisoformat(f"{y:04d}-{_LUNAR[y][1 if m.group('lunar') else 0]}")
    kind = (m.group("kind") or m.group("kind2") or "").replace(" ", "")
    if m.group("day") or kind == "당일":
        return day.isoformat()
    if kind in ("전날", "다음날"):
        return (day + timedelta(days=-1 if kind == "전날" else 1)).isoformat()
    if not kind:
        return day.isoformat()  # '이번 추석에도': the day
    start, end = day - timedelta(days=1), day + timedelta(days=1)
    if any((start + timedelta(days=i)).weekday() == 6 for i in range(3)):
        end += timedelta(days=1)  # 대체공휴일
    if kind == "연휴":  # the days off, with the weekend next to them
        end += timedelta(days=max(0, 6 - end.weekday()) if end.weekday() >= 4 else 0)
        start -= timedelta(days=2 if start.weekday() == 0 else 0)
    return f"{start.isoformat()}/{end.isoformat()}"


# after a week word only a particle and then no letter: '이번 주에는', not '이번 주제는';
# 금주 ('this week', also 'abstinence') only where it opens a schedule or takes 에/중
_WEEK_AFTER = re.compile(r"(?:에는|에도|에서|에|는|은|도|의|부터|까지|를|을|가|이|엔|중|이자|이며|인|과|와|으로|로|만)?(?![가-힣A-Za-z0-9])")
_ABSTAIN = re.compile(r"금주(?!\s?(?:보도|주요|일정|장차관|홍보|계획|에|중))")


def find_weeks(view: TextView) -> Iterator[Cand]:
    """'이번 주', '금주 보도계획', '지난 주말', '3월 다섯째 주': weeks of a weekly briefing."""
    text = view.text
    for m in WEEK_RE.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1].isalnum()) or not _WEEK_AFTER.match(text, e) or _ABSTAIN.match(text, s) \
                or not view.aligned(s, e):
            continue
        yield s, e, "DATE", {}


# a short date needs the marks of a notice around it: a weekday in brackets ('1.6(화)'), a
# field or bracket before it ('(1.3.개정', '심사 : 2.22.'), an act written against it
# ('7.4.시행'), a range; a decimal ('성장률 2.6.') or a section number ('1.3. 추진 배경') has none
_SHORT_BEFORE = re.compile(r"(?:[(:/~∼]\s?|[일정간]\s)$")
_SHORT_AFTER = re.compile(r"\([월화수목금토일]\)|[가-힣]|\s?[~∼]|\)")
_SPACED_OK = re.compile(r"\([월화수목금토일]\)|\s?[~∼]\s?(?:1[0-2]|0?[1-9])\.")  # '3. 27.(월)', '3. 27.~3. 31.'
_AS_OF = re.compile(r"자(?:로|부)")  # '9.1자로': as of that day


def find_short_dates(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in SHORT_RE.finditer(text):
        s, e = m.span()
        full = m.group().count(".") >= 3 or "/" in m.group() or "~" in m.group() or "∼" in m.group()
        before = text[s - 1] if s > 0 else " "
        if (before.isdigit() or before in ".,/" or (before.isalpha() and not ("/" in m.group() and "가" <= before <= "힣"))) \
                or (e < len(text) and text[e].isdigit()):
            continue  # '작성일2023/02/08': a field name written against its date
        if not full and not (_SHORT_BEFORE.search(text, max(0, s - 3), s) or _SHORT_AFTER.match(text, e)):
            continue
        if ". " in m.group() and ("~" not in m.group() and "∼" not in m.group() and not _SPACED_OK.match(text, e)
                                  or re.search(r"\d\.\s?$", text[max(0, s - 3):s])):
            continue  # '3. 1. 세부 과제': a section number; '2024. 3. 27.' is DATE_RE's
        if not full and not m.group().endswith(".") and not text.startswith("(", e) and not _AS_OF.match(text, e):
            continue  # '1.6' needs its weekday: '1.6(화)'
        yield s, e, "DATE", {} if view.aligned(s, e) else {"_cut": True}  # Kiwi reads '2023/02/08/' as one serial


def find_holidays(view: TextView) -> Iterator[Cand]:
    """'설 명절', '추석 연휴', '이번 추석에도', '어린이날을', '올여름': named days and seasons."""
    text = view.text
    for m in HOLIDAY_RE.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1].isalnum()) or not _WEEK_AFTER.match(text, e) or not view.aligned(s, e):
            continue
        yield s, e, "DATE", {}


# '오늘 아침' is one date (the guideline); the hour after it is the time alone ('오늘 아침 7시'
# → 오늘 아침 + 7시), as '오늘 오후 3시' is 오늘 + 오후 3시
_MORNING_DAY = {"오늘": 0, "어제": -1, "내일": 1}
# '오늘 낮' is one date too, but with an hour it is a date and a time ('오늘 낮 12시' → 오늘 + 낮 12시,
# TIME_RE's). The guideline (4th batch) spans '오늘 오후' alike, but the earlier real gold has 오늘 alone
# (5 of 7 open cases), so 오전/오후 stay apart until the gold agrees
MORNING_RE = re.compile(r"(?:오늘|어제|내일) (?:아침|낮)")
_HOUR = re.compile(r" ((?:[01]?\d|2[0-4])\s?시(?:\s?[0-5]?\d\s?분|\s?반)?)(?!간|대)")


def find_mornings(view: TextView) -> Iterator[Cand]:
    text = view.text
    for m in MORNING_RE.finditer(text):
        s, e = m.span()
        if (s > 0 and text[s - 1].isalnum()) or not view.aligned(s, e):
            continue
        h = _HOUR.match(text, e)
        if h is not None and not text.endswith("아침", s, e):
            continue
        yield s, e, "DATE", {}
        if h is not None and view.aligned(*h.span(1)):
            yield h.start(1), h.end(1), "TIME", {}
