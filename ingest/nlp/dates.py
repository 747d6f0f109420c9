"""Korean date expressions: find them in text and normalise them against the document date.

News dates are relative: '7일' in an article of 2024-03-07 is that day, '하반기' the second
half of the article's year, '2030년까지' a deadline. `normalize` turns an expression into
an ISO 8601 value the graph can order and filter on:

    day '2024-03-07', month '2024-03', year '2024', decade '2020/2029',
    interval '2024-01-01/2024-06-30', open start '../2024-12-31' (by that date),
    open end '2027/..' (from then on).

It is a pure function (no Kiwi, no spaCy), so it is tested on its own.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ingest.nlp import date_forms, named_days

# --- the date grammar, shared by the span finder (DATE_RE) and the normaliser --------

_Y4 = r"(?:19|20)\d{2}"
# a year before 1900 ('1619년 독일의') only where no duration can be meant ('1000년 동안', '1500년 전')
_YOLD = r"1[0-8]\d{2}\s?년(?!대|도|\s?(?:간|전|동안|만|이상|넘|째|후|된|의\s?역사|역사))"
# a two-digit year where it cannot be a duration: '24년도', '23년 7월', '24년 상반기', '25년 예산'
# after an apostrophe the year word takes the apostrophe outside ('’20년' → 20년, as the
# guideline has it) and so does a release's '’17. 7. 3.'; a bare '’19' keeps it
_YSHORT = r"’\d{2}(?=[\s)]|$|\.(?!\s?\d))|(?<=’)\d{2}\s?년(?:도)?|[0-3]\d\s?년도|[0-3]\d\s?년(?=\s?(?:1[0-2]|0?[1-9])\s?월(?!간)|\s?[상하]반기|\s(?:R&D\s|정부\s)?(?:예산|업무계획))"
_REL_YEAR = {
    "올해": 0, "금년": 0, "올": 0, "내년": 1, "명년": 1, "내후년": 2, "후년": 2,
    "작년": -1, "지난해": -1, "지난 해": -1, "전년": -1, "재작년": -2, "올 한해": 0, "올 한 해": 0,  # '올 한해': this year
}
_REL_MONTH = {"이달": 0, "이번 달": 0, "이번달": 0, "금월": 0, "다음 달": 1, "다음달": 1, "내달": 1,
              "익월": 1, "지난달": -1, "지난 달": -1, "전월": -1}
_REL_DAY = {"오늘": 0, "금일": 0, "이날": 0, "당일": 0, "어제": -1, "전날": -1, "내일": 1,
            "모레": 2, "그제": -2, "그저께": -2, "다음날": 1, "다음 날": 1, "이튿날": 1}
_YEAR_WORDS = {"연내": "by_end", "연중": "year", "연말": "end", "연초": "start"}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# '전년 대비', '전년 동기 대비' compare with the year before: a baseline, no date the text names
_BASELINE = r"(?!\s?(?:대비|동기|동월|比))"
_YEAR = rf"(?:{_YOLD}|{_YSHORT}|{_Y4}\s?회계연도|{_Y4}\s?년(?:도(?=\s))?(?!대)|(?:{_alt(k for k in _REL_YEAR if k != '올')}){_BASELINE}|올(?=\s(?:[상하]반기|\d)))"
_MONTH = r"(?:1[0-2]|0?[1-9])\s?월(?!간|급|세|드|요|별|평균)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])\s?일(?!간|째|\s?동안|\s?만에|치|자리|반|본|선|\s?남(?:았|은|겨|아))"  # '12일 남았다': a countdown
_MD = r"(?:1[0-2]|0?[1-9])\.\s?(?:3[01]|[12]\d|0?[1-9])\.(?!\d)"  # the end of '2023. 3. 6. ~ 7. 6.'
_DASH = "~∼－-"  # a range: 3~4월, 18∼21일, 18－21일 (a full-width hyphen in releases)
_HALF = r"(?:[상하]반기|[1-4]\s?(?:/4\s?)?분기)"
_CORE = (
    rf"(?:{_Y4}\s?\.\s?\d{{1,2}}\s?\.\s?\d{{1,2}}\.?|{_Y4}-\d{{2}}-\d{{2}}"   # 2024. 3. 7. / 2024-03-07
    rf"|(?<=[’'])[0-3]\d\.\s?(?:1[0-2]|0?[1-9])\.\s?(?:3[01]|[12]\d|0?[1-9])\.(?!\d)"  # ’17. 7. 3.
    rf"|{_Y4}\s?년대"
    rf"|{_YEAR}(?:\s?(?:{_HALF}|{_MONTH}(?:\s?{_DAY})?))?"
    rf"|{_MONTH}\s?(?:3[01]|[12]\d|0?[1-9])(?=\s?[{_DASH}]\s?(?:3[01]|[12]\d|0?[1-9])\s?일)"  # 8월 18∼21일
    rf"|{_MONTH}(?:\s?{_DAY})?"
    rf"|(?:{_alt(_REL_MONTH)})\s?(?:3[01]|[12]\d|0?[1-9])(?=\s?[{_DASH}]\s?(?:3[01]|[12]\d|0?[1-9])\s?일)"  # 다음 달 24∼31일
    rf"|(?:{_alt(_REL_MONTH)})(?:\s?{_DAY})?"
    rf"|{_DAY}|{_HALF}|(?:{_alt(_YEAR_WORDS)})"
    rf"|(?:{_alt(_REL_DAY)})(?!날))"
)
_EDGE = r"(?:까지|부터|이후|이내|이전(?!하|했|한|할|해|을|를))"

DATE_RE = re.compile(
    rf"(?:(?<![\d가-힣])|(?<=[록성시정]일)(?={_Y4}[-.]\d))(?:(?:오는|지난|이번|다음)\s)?"  # '작성일2017-05-24': glued to its field
    rf"(?:{_CORE}|\d{{1,4}}(?=\s?[{_DASH}]\s?\d{{1,4}}\s?[년월일]))"
    rf"(?:(?:\s?[{_DASH}]\s?|\s?부터\s)(?:{_CORE}|{_MD}|\d{{1,2}}\s?일(?!간|\s?동안)))?"
    rf"(?:\s?(?:초순|상순|중순|하순|초|말|중|내|께|경|무렵|전후|쯤)(?=[^가-힣]|$|에|까지|부터|이|은|의|로|으로))?"
    rf"(?:\s?{_EDGE})?"
)

_TOKEN = re.compile(
    rf"(?P<decade>{_Y4})\s?년대"
    r"|(?P<ymd>(?:19|20)\d{2}\s?[.-]\s?\d{1,2}\s?[.-]\s?\d{1,2})\.?"
    rf"|(?P<year>{_Y4}|1[0-8]\d{{2}})\s?(?:회계연도|년(?:도)?)"
    r"|(?P<year2>[0-3]\d)\s?년(?:도)?|’(?P<year3>\d{2})(?:\s?년(?:도)?)?"  # a fiscal year is the calendar year
    rf"|(?P<relyear>{_alt(_REL_YEAR)})"
    r"|(?P<half>[상하])반기"
    r"|(?P<quarter>[1-4])\s?(?:/4)?\s?분기"
    rf"|(?P<yearword>{_alt(_YEAR_WORDS)})"
    r"|(?P<ymd2>[0-3]\d\.\s?\d{1,2}\.\s?\d{1,2})\."  # ’17. 7. 3. (the apostrophe outside)
    r"|(?P<md>\d{1,2}\s?\.\s?\d{1,2})\."
    r"|(?P<month>\d{1,2})\s?월"
    rf"|(?P<relmonth>{_alt(_REL_MONTH)})"
    r"|(?P<day>\d{1,2})\s?일"
    rf"|(?P<relday>{_alt(_REL_DAY)})"
    r"|(?P<part>초순|상순|중순|하순|초|말|중|내|께|경|무렵|전후|쯤)"
    r"|(?P<prefix>오는|지난|이번|다음)"
    r"|(?P<num>\d{1,2})"
)
_EDGE_END = re.compile(rf"\s?{_EDGE}$")
_HAS_RANGE = re.compile(r"\d\.?\s?[~∼－]|^\d{1,4}\s?-\s?\d{1,4}\s?[년월일]$|[일월년기]\s?[~∼－]\s?\S")
_RANGE_SPLIT = re.compile(r"\s?[~∼－-]\s?(?=\d|[가-힣])")
_UNIT = re.compile(r"\d+\s?(년|월|일)")


def normalize(expr: str, doc_date: str | None) -> str | None:
    """ISO value of a Korean date expression, relative ones resolved against `doc_date`
    (YYYY-MM-DD). None when the expression cannot be placed (e.g. '7일' with no date)."""
    ref = _parse_iso(doc_date)
    expr = " ".join(expr.split())
    if w := WEEKDAY_RE.fullmatch(expr):
        return weekday(w, ref)
    if (named := named_days.value(expr, ref)) is not None:
        return named
    if (form := date_forms.value(expr, ref)) is not None:
        return form
    edge = ""
    if m := _EDGE_END.search(expr):
        edge, expr = m.group().strip(), expr[: m.start()].rstrip()
    if expr.endswith("내") and not edge:  # 연내, 올해 내, 3월 내: by the end of it
        edge = "까지"
        expr = expr if expr == "연내" else expr[:-1].rstrip()
    if "부터 " in expr:  # 3월 7일부터 9일까지: a closed range, not a deadline
        parts = [p.strip() for p in expr.split("부터", 1)]
        edge = "" if edge == "까지" else edge
    else:
        parts = _RANGE_SPLIT.split(expr, maxsplit=1) if _HAS_RANGE.search(expr) else [expr]
    if len(parts) == 2 and parts[0].isdigit() and (u := _UNIT.match(parts[1])):
        parts[0] += u.group(1)  # 2024~2026년, 3~4월: the unit is written once, on the right
    left = _interval(parts[0], ref)
    if left is None:
        return None
    start, end, ctx = left
    unit = _fmt(start, end)
    if len(parts) == 2:
        right = _interval(parts[1], ref, context=ctx)
        if right is None:
            return None
        end = right[1]
        if end < start and re.search(r"월|\.", parts[1]) and not re.search(r"\d{4}|년", parts[1]):  # 12. 20.~1. 10.: into the next year
            end = date(end.year + 1, end.month, min(end.day, _last(end.year + 1, end.month)))
            right = (date(end.year, right[0].month, min(right[0].day, _last(end.year, right[0].month))), end)
        unit = f"{unit.split('/')[0]}/{_fmt(right[0], right[1]).split('/')[-1]}"
    if edge in ("까지", "이내"):
        return f"../{end.isoformat()}"
    if edge in ("부터", "이후"):
        return f"{unit.split('/')[0]}/.."
    if edge == "이전":
        return f"../{(start - timedelta(days=1)).isoformat()}"
    return unit


# a weekday on its own, in a briefing's schedule ('수요일에 업계 간담회를 가질 예정'): that day
# of the document's week (Monday to Sunday), of the next or last week with 다음 주/지난주
WEEKDAY_RE = re.compile(r"(?:(?P<week>이번\s?주|다음\s?주|지난\s?주|오는|지난)\s)?(?P<day>[월화수목금토일])요일")
_WEEKDAYS = "월화수목금토일"


def weekday(m: re.Match, ref: date | None) -> str | None:
    if ref is None:
        return None
    week = (m.group("week") or "").replace(" ", "")
    shift = 7 if week == "다음주" else -7 if week == "지난주" else 0
    day = ref + timedelta(days=_WEEKDAYS.index(m.group("day")) - ref.weekday() + shift)
    if week == "오는" and day <= ref:
        day += timedelta(days=7)
    elif week == "지난" and day >= ref:
        day -= timedelta(days=7)
    return day.isoformat()


# --- internals ----------------------------------------------------------------------

def _parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _fmt(start: date, end: date) -> str:
    """The shortest ISO form of [start, end]: a day, a month, a year or an interval."""
    if start == end:
        return start.isoformat()
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end.day == _last(end.year, end.month):
        return f"{start.year:04d}-{start.month:02d}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        if start.year == end.year:
            return f"{start.year:04d}"
        return f"{start.year:04d}/{end.year:04d}"
    return f"{start.isoformat()}/{end.isoformat()}"


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + m - 1 + n
    return k // 12, k % 12 + 1


def _day_month(d: int, ref: date, prefix: str) -> tuple[int, int] | None:
    """(year, month) of a bare day `d`: the nearest to `ref`, or forced past/future by
    지난/오는. Articles mostly speak of days close to their own date."""
    cands = []
    for n in (0, -1, 1):
        yy, mm = _shift_month(ref.year, ref.month, n)
        if 1 <= d <= _last(yy, mm):
            cands.append(date(yy, mm, d))
    if prefix == "지난":
        cands = [c for c in cands if c <= ref] or cands
    elif prefix in ("오는", "다음"):
        cands = [c for c in cands if c >= ref] or cands
    if not cands:
        return None
    best = min(cands, key=lambda c: abs((c - ref).days))  # ties: this month (listed first)
    return best.year, best.month


def _month_year(mo: int, ref: date, prefix: str) -> int:
    """Year of a bare month: 지난 → not after the document, 오는 → not before it; otherwise
    the document's year."""
    if prefix == "지난" and mo > ref.month:
        return ref.year - 1
    if prefix in ("오는", "다음") and mo < ref.month:
        return ref.year + 1
    return ref.year


def _interval(expr: str, ref: date | None, context: dict | None = None) -> tuple[date, date, dict] | None:
    """[start, end] of one expression without range or edge; `context` carries the year and
    month of the left side of a range ('3월 7~9일' → 9일 is in March)."""
    ctx = context or {}
    y = mo = d = None
    prefix = part = ""
    pos = 0
    for t in _TOKEN.finditer(expr):
        if expr[pos:t.start()].strip():
            return None  # something we do not understand
        pos = t.end()
        k, v = t.lastgroup, t.group(t.lastgroup)
        if k == "decade":
            dec = int(v) // 10 * 10
            return date(dec, 1, 1), date(dec + 9, 12, 31), {}
        if k in ("ymd", "ymd2"):
            y, mo, d = (int(x) for x in re.split(r"\s?[.-]\s?", v))
            y += 2000 if k == "ymd2" else 0
        elif k == "year":
            y = int(v)
        elif k == "year2":
            y = 2000 + int(v)
        elif k == "year3":  # ’19, ’98년
            y = int(v) + (2000 if int(v) <= 50 else 1900)
        elif k in ("relyear", "relmonth", "relday"):
            if ref is None:
                return None
            if k == "relyear":
                y = ref.year + _REL_YEAR[v]
            elif k == "relmonth":
                y, mo = _shift_month(ref.year, ref.month, _REL_MONTH[v])
            else:
                day = ref + timedelta(days=_REL_DAY[v])
                y, mo, d = day.year, day.month, day.day
        elif k in ("half", "quarter"):
            part = ("H1" if v == "상" else "H2") if k == "half" else f"Q{v}"
        elif k == "yearword":
            part = _YEAR_WORDS[v]
        elif k == "md":
            mo, d = (int(x) for x in v.split("."))
        elif k == "month":
            mo = int(v)
        elif k in ("day", "num"):
            d = int(v)
        elif k == "part":
            part = part or v
        elif k == "prefix":
            prefix = v
    if expr[pos:].strip() or (y is None and mo is None and d is None and not part):
        return None
    # fill in what the expression leaves out: from the left side of a range, then the document
    if y is None and "y" in ctx:
        y = ctx["y"]
    if mo is None and d is not None and ctx.get("m"):
        mo = ctx["m"]
    if y is None:
        if ref is None:
            return None
        if mo is None and d is not None:
            got = _day_month(d, ref, prefix)
            if got is None:
                return None
            y, mo = got
        elif mo is not None:
            y = _month_year(mo, ref, prefix)
        else:
            y = ref.year
    if mo is None and d is not None:
        if ref is None:
            return None
        mo = ref.month
    if mo is not None and not 1 <= mo <= 12:
        return None
    if d is not None and (mo is None or not 1 <= d <= _last(y, mo)):
        return None
    ctx = {"y": y, "m": mo}
    if d is not None:
        day = date(y, mo, d)
        return day, day, ctx
    if mo is not None:
        last = _last(y, mo)
        lo, hi = {"초": (1, 10), "초순": (1, 10), "상순": (1, 10), "중순": (11, 20),
                  "말": (21, last), "하순": (21, last)}.get(part, (1, last))
        return date(y, mo, lo), date(y, mo, hi), ctx
    if part in ("H1", "H2"):
        return (date(y, 1, 1), date(y, 6, 30), ctx) if part == "H1" else (date(y, 7, 1), date(y, 12, 31), ctx)
    if part.startswith("Q"):
        q = int(part[1])
        return date(y, 3 * q - 2, 1), date(y, 3 * q, _last(y, 3 * q)), ctx
    if part in ("start", "초"):
        return date(y, 1, 1), date(y, 1, 31), ctx
    if part in ("end", "말"):
        return date(y, 12, 1), date(y, 12, 31), ctx
    return date(y, 1, 1), date(y, 12, 31), ctx


_TIME = re.compile(
    r"(?:(?P<ampm>오전|오후|새벽|아침|저녁|밤|낮)\s?)?(?P<h>\d{1,2})\s?시(?:\s?(?P<m>\d{1,2})\s?분|\s?(?P<half>반))?"
    r"|(?:(?P<ampm2>오전|오후)\s?)?(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::\d{2})?|(?P<word>정오|자정)"
)


def normalize_time(expr: str) -> str | None:
    """'오후 2시 30분' → '14:30', '오전 10시' → '10:00', '14:30' → '14:30', '3시' → '15:00'."""
    m = _TIME.fullmatch(" ".join(expr.split()))
    if m is None:
        return None
    if m.group("word"):
        return "12:00" if m.group("word") == "정오" else "00:00"
    if m.group("hh"):
        h, mi = int(m.group("hh")), int(m.group("mm"))
        if m.group("ampm2") == "오후" and h < 12:
            h += 12  # a news page's '오후 3:05'
        elif m.group("ampm2") == "오전" and h == 12:
            h = 0
    else:
        h = int(m.group("h"))
        mi = 30 if m.group("half") else int(m.group("m") or 0)
        if m.group("ampm") in ("오후", "저녁", "밤") and h < 12 or (m.group("ampm") is None and 1 <= h <= 6):
            h += 12  # a bare '2시 30분' in a schedule is afternoon; before dawn is written '새벽 2시'
        elif m.group("ampm") in ("오전", "새벽", "아침") and h == 12:
            h = 0
    if h > 24 or mi > 59:
        return None
    return f"{h % 24:02d}:{mi:02d}"
