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


def iso(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def clause_break(view: TextView, a: int, b: int) -> bool:
    """Whether a clause ends between `a` and `b`: a connective ending then a comma (예정이며, 열고,)."""
    ms = view.morphs_in(a, b)
    return any(x.tag == "EC" and y.tag == "SP" and y.form == "," for x, y in zip(ms, ms[1:]))


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
