"""When: a DATE value's first and last day, and whether a sentence reports the past.

Shared by the sentence rules (relations.py) and the document frames (frames.py): a
schedule is a time ahead of the document's date, said of something still to happen.
"""
from __future__ import annotations

import re
from datetime import date

from ingest.nlp.view import TextView

PAST_RE = re.compile(r"(?:았|었|였|했|됐|렸|졌|쳤|왔|갔|났|냈)다[.\"”'’]*\s*$")


def date_expr(view: TextView, m) -> str:
    """A date's whole expression, boundary particle included ('2028년까지' for the span '2028년')."""
    return m.attrs.get("_expr") or view.text[m.start:m.end]


def past(view: TextView, ss: int, se: int) -> bool:
    """Whether the sentence ends in the past tense: its last final ending follows a past
    marker (했다, 시켰다, 밝혔다, 세웠다 …: Kiwi's EP 었/았/였), or the text says so."""
    ms = view.morphs_in(ss, se)
    for i in range(len(ms) - 1, 0, -1):
        if ms[i].tag == "EF":
            return ms[i - 1].tag == "EP" and ms[i - 1].form in ("었", "았", "였", "었었", "았었")
    return PAST_RE.search(view.text, ss, se) is not None


# verbs that report what was said: '… 개최한다고 밝혔다', '… 추진할 계획이라고 설명했다'
_SAYING = frozenset({"밝히", "말하", "말", "설명", "전하", "강조", "덧붙이", "예고", "알리", "공지", "발표", "소개", "언급", "당부"})
_QUOTATIVE = frozenset({"다고", "ᆫ다고", "는다고", "라고", "이라고", "자고", "냐고", "으라고", "려고"})


def said_ahead(view: TextView, ss: int, se: int) -> bool:
    """Whether a sentence in the past tense only reports, with a verb of saying, a clause
    that is not past ('… 박람회를 개최한다고 밝혔다', '… 마련할 계획이라고 설명했다',
    '… 시행한다"고 말했다'): what it reports is still to come, though the saying is over."""
    ms = view.morphs_in(ss, se)
    last = max((i for i, x in enumerate(ms) if x.tag == "EF"), default=-1)
    if last < 3 or ms[last - 1].tag != "EP":
        return False
    i = last - 2  # the verb of saying: 밝히/VV, 설명/NNG 하/XSV, 말/NNG 하/XSV
    if ms[i].tag == "XSV" and ms[i].form == "하":
        i -= 1
    if ms[i].form not in _SAYING:
        return False
    q = i - 1
    while q >= 0 and ms[q].tag in ("SSC", "SF", "SP"):  # '… 시행한다."고'
        q -= 1
    if q < 1 or not ((ms[q].tag == "EC" and ms[q].form in _QUOTATIVE) or (ms[q].tag == "JKQ" and ms[q].form == "고")):
        return False
    k = q - 1
    while k >= 0 and ms[k].tag in ("SSC", "SF", "SP"):
        k -= 1
    if ms[q].tag == "JKQ":  # a quoted sentence: its own final ending decides ('시행한다"고', '시행했다"고')
        if k < 1 or ms[k].tag != "EF":
            return False
        k -= 1
    return not (ms[k].tag == "EP" and ms[k].form in ("었", "았", "였", "었었", "았었"))


def over(view: TextView, ss: int, se: int) -> bool:
    """Whether a sentence reports what is over: past, and not a report of what is to come."""
    return past(view, ss, se) and not said_ahead(view, ss, se)


def iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def clause_break(view: TextView, a: int, b: int) -> bool:
    """Whether a clause ends between `a` and `b`: a connective ending then a comma (예정이며, 열고,)."""
    ms = view.morphs_in(a, b)
    return any(x.tag == "EC" and y.tag == "SP" and y.form == "," for x, y in zip(ms, ms[1:]))


# a briefing or press plan named by its week ('4월 다섯째주 정례브리핑', '금주 보도자료 배포 계획'):
# the week says which one it is, not when it takes place (it is read out on one day)
_WEEKLY_OWN = re.compile(r"(?:브리핑|보도\S*\s?(?:배포\s)?계획)$")
_NAMING_GAP = re.compile(r"[\s,]*(?:이자\s)?")


def names_week_of(view: TextView, d, m, others: list = ()) -> bool:
    """Whether the DATE `d`, a week (Monday to Sunday), is the name of the briefing or press
    plan `m` right after it rather than its schedule; other weeks (`others`) may stand
    between ('이번 주, 3월 다섯째 주 주간 홍보계획 브리핑')."""
    v = d.value or ""
    a, b = value_start(v), value_end(v)
    if not ("/" in v and a is not None and b is not None and (b - a).days == 6 and m.start >= d.end):
        return False
    gap = "".join(" " if any(o.start <= i < o.end for o in others) else c
                  for i, c in enumerate(view.text[d.end:m.start], d.end))
    return _NAMING_GAP.fullmatch(gap) is not None and _WEEKLY_OWN.search(view.text, m.start, m.end) is not None


def value_start(value: str) -> date | None:
    """First day of an ISO value ('2024-03' → 2024-03-01, '2027/..' → 2027-01-01)."""
    v = value.split("/")[0]
    try:
        if len(v) == 10:
            return date.fromisoformat(v)
        if len(v) == 7:
            return date(int(v[:4]), int(v[5:7]), 1)
        if len(v) == 4:
            return date(int(v), 1, 1)
    except ValueError:
        return None
    return None


def value_end(value: str) -> date | None:
    """Last day of an ISO value ('2024-03' → 2024-03-31, '../2030-12-31' → 2030-12-31)."""
    v = value.split("/")[-1]
    if v in ("", ".."):
        return date.max
    try:
        if len(v) == 10:
            return date.fromisoformat(v)
        if len(v) == 7:
            y, m = int(v[:4]), int(v[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        if len(v) == 4:
            return date(int(v), 12, 31)
    except ValueError:
        return None
    return None


# what a day is the occasion of ("'산의 날'을 맞아 기념식을 연다"): not what is held, the event after it is
OCCASION = re.compile(r"['’\"”」』]?(?:을|를)\s(?:맞아|맞이해|맞이하여|기념해|기념하여|계기로)\s")
