"""Dates on entity pages: the status of a scheduled date relative to today (kg/read/calendar.py
says what each status means; the /calendar page uses the same), and one timeline merging
the documents that mention an entity with its scheduled dates."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from flask import abort, request

from kg.read.calendar import STATUS_LABELS, is_deadline, status  # noqa: F401 (the statuses, shared with the calendar)
from web.dates import human_date, human_interval


def today() -> date:
    """Today, or the `today=YYYY-MM-DD` query argument (to see a page as of a date)."""
    v = request.args.get("today", "").strip()
    if not v:
        return date.today()
    try:
        return date.fromisoformat(v)
    except ValueError:
        abort(400, f"날짜 형식이 잘못되었습니다: today={v} (YYYY-MM-DD)")


def describe(item: dict[str, Any]) -> str:
    """The range as a person writes it (web.dates): '2024년 상반기', '2024년 말까지',
    '2024년 3월 7일부터'."""
    b, e = item.get("begin"), item.get("end")
    if is_deadline(item):
        return human_interval(f"../{e}")
    if b and e:
        return human_date(b) if b == e else human_interval(f"{b}/{e}")
    if b:
        return human_interval(f"{b}/..")
    return human_date(e or item.get("value") or "")


def annotate(schedules: Iterable[dict[str, Any]], now: date) -> list[dict[str, Any]]:
    """Schedule entries with status, status label, range text and a sort key, in date
    order (entries without a date last)."""
    out = []
    for s in schedules:
        st = status(s, now)
        out.append({**s, "status": st, "status_label": STATUS_LABELS[st], "deadline": is_deadline(s),
                    "range": describe(s), "sort": str(s.get("end") if is_deadline(s) else s.get("begin") or s.get("end") or "9999")})
    out.sort(key=lambda s: (s["sort"], s.get("expression") or ""))
    return out


def merge_timeline(documents: list[dict[str, Any]], schedules: list[dict[str, Any]],
                   labels: dict[str, str]) -> list[dict[str, Any]]:
    """One chronological list of {date, year, kind, …}: the documents that mention the
    entity (kind "document") and the scheduled dates (kind "schedule"), grouped by year
    in the template."""
    items: list[dict[str, Any]] = []
    for d in documents:
        if d.get("date"):
            items.append({"date": str(d["date"])[:10], "kind": "document", "title": d["title"],
                          "iri": d["iri"], "page": d.get("page")})
    for s in schedules:
        when = s["sort"] if s["sort"] != "9999" else None
        if not when:
            continue
        items.append({"date": when[:10], "kind": "schedule", "title": labels.get(s["subject"], s["subject"]),
                      "iri": s["subject"], "expression": s.get("expression"), "range": s["range"],
                      "status": s["status"], "status_label": s["status_label"], "deadline": s["deadline"],
                      "document": s.get("document"), "document_title": s.get("document_title")})
    items.sort(key=lambda i: (i["date"], i["kind"] != "document"))
    for i in items:
        i["year"] = i["date"][:4]
    return items
