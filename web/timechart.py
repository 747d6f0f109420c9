"""The documents of a search (or of an entity) over time, as BigKinds shows them: one bar
per month, or per year when they span more than MONTHS_MAX months, each a link that
narrows the search to its period (from/to). Drawn as SVG on the server (attributes, no
style), so it works without JavaScript and under a strict CSP; the bars' <title>s and a
list of links are the text alternative.
"""
from __future__ import annotations

from typing import Any, Callable

MONTHS_MAX = 36  # a longer span is shown by year
WIDTH, HEIGHT, LABEL = 600, 90, 16  # the SVG's drawing units (it scales to its box)


def build(months: list[dict[str, Any]], link: Callable[[str, str], str]) -> dict[str, Any] | None:
    """The chart model of a month facet ([{value: 'YYYY-MM', count}], oldest first):
    {unit, bars: [{period, label, count, href, x, y, w, h}], total, width, height}; None
    without dated documents. `link(from, to)` is the address of a period's search."""
    counts = {m["value"]: int(m["count"]) for m in months if m.get("count")}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    span = _month_index(last) - _month_index(first) + 1
    if span <= MONTHS_MAX:
        unit = "month"
        periods = [_month_name(_month_index(first) + k) for k in range(span)]
        values = [counts.get(p, 0) for p in periods]
        labels = [f"{int(p[:4])}년 {int(p[5:])}월" for p in periods]
    else:
        unit = "year"
        periods = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
        values = [sum(n for m, n in counts.items() if m.startswith(p)) for p in periods]
        labels = [f"{p}년" for p in periods]
    top = max(values) or 1
    step = WIDTH / len(periods)
    bars = []
    for k, (period, label, n) in enumerate(zip(periods, labels, values)):
        h = round((HEIGHT - LABEL) * n / top, 1)
        bars.append({"period": period, "label": label, "count": n, "href": link(period, period) if n else None,
                     "x": round(k * step + step * 0.1, 1), "w": round(step * 0.8, 1), "y": round(HEIGHT - LABEL - h, 1),
                     "h": h, "tick": unit == "year" or period.endswith("-01") or k == 0})
    return {"unit": unit, "bars": bars, "total": sum(values), "width": WIDTH, "height": HEIGHT,
            "base": HEIGHT - LABEL, "first": labels[0], "last": labels[-1]}


def _month_index(value: str) -> int:
    return int(value[:4]) * 12 + int(value[5:7]) - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
