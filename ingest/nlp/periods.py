"""The period and day fields of a notice or release schedule the event the page is about.

Calls, contests and event releases state their dates in fields, not in sentences:

    2025 청년 창업 경진대회 참가자 모집
    ○ 행사기간 : 2025. 4. 10.(목) ~ 4. 12.(토)      the contest runs from the first to the last day
    ○ 모집기간 : 3. 10.(월) ~ 3. 28.(금)            and takes applications then
    □ 일시 : 2025. 5. 31.(토) 14:00                 the day of the event

The guideline schedules a programme for both ends of its application and running periods,
and an upcoming event for its day. The event is the one the page's headline or title names,
else the last one named before the field. A field of handing in papers (제출기한) or of a
notice's comment period (예고기간) is no schedule (guideline), and a day already over is a
report, not a plan.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from typing import Callable

from ingest.nlp.timing import value_end
from ingest.nlp.view import TextView

# '○ 행사기간 :', '□ 응모기간 :', '- 접수 기간:', '□ 일 시 :', '○ 기간 :', '개최일시 :'
_FIELD = re.compile(r"(?m)^[ \t]*(?:[□■○◦•▪▶►\-–*]|\d{1,2}[.)]|[가-하][.)])?[ \t]*"
                    r"(?:(?P<call>신청|접수|모집|공모|응모)?(?:운영|행사|교육|전시|대회|축제|사업|참가|활동|개최|방송|캠페인)?[ \t]?(?:기간|일시|일정)"
                    r"|기[ \t]?간|일[ \t]?시|일[ \t]?정)[ \t]*[:：][ \t]*")
_NEAR = 300  # how far before its field an event is still the one the field dates
_EVENT_KINDS = ("meeting", "program", "project", "fund", "taskforce")


def period_fields(view: TextView, mentions: list, sents: list[tuple[int, int]], add: Callable,
                  ref: date | None) -> None:
    """SCHEDULED_FOR the page's event → each date of a period or day field."""
    text = view.text
    if ":" not in text and "：" not in text:
        return  # (a cheap check before the per-line look)
    fields = list(_FIELD.finditer(text))
    if not fields:
        return
    starts = [s for s, _e in sents]
    events = [m for m in mentions if m.label == "INITIATIVE" and m.attrs.get("kind") in _EVENT_KINDS
              and not m.attrs.get("generic")]
    first_nl = text.find("\n")
    title = next((m for m in events if first_nl < 0 or m.end <= first_nl), None)
    for f in fields:
        line_end = text.find("\n", f.end())
        line_end = len(text) if line_end < 0 else line_end
        days = [m for m in mentions if m.label == "DATE" and m.value and f.end() <= m.start < line_end]
        if not days:
            continue
        # a call's period is the call's the page is about (its title); a day or a running period is
        # the event named last before it ('… 간담회를 개최합니다. □ 일시 : …')
        near = next((m for m in reversed(events) if m.end <= f.start() and f.start() - m.end <= _NEAR), None)
        target = (title or near) if f.group("call") else (near or title)
        if target is None:
            continue
        last = max((value_end(d.value) or date.min for d in days), default=date.min)
        if ref is not None and last < ref:
            continue  # the period is over: the page reports it
        for d in days:
            add("SCHEDULED_FOR", target, d, max(0, bisect_right(starts, d.start) - 1))
