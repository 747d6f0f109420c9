"""Deadlines: the kgo:scheduledFor dates of initiatives as a calendar, and as iCalendar.

A scheduled date is an OWL-Time Instant or Interval; one with an end and no beginning is
a deadline ("연내", "2030년까지": value ../YYYY-MM-DD). Its status relative to today:

- upcoming (예정): it begins after today (a deadline: it ends today or later);
- ongoing (진행 중): today lies within it (or it began and has no end);
- overdue (기한 지남): a deadline whose end has passed — the documents do not say whether
  it was met, so we say the deadline passed, not that it was missed;
- past (지난 일정): a dated event or period that ended before today;
- unknown (날짜 불명): no usable bound.

The same date of the same initiative stated by many documents is one calendar item (with
the first document that states it, and the count).
"""
from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta
from typing import Any

from core.namespaces import prefix_lines
from ontology.mapping import value_bounds

STATUS_LABELS = {"upcoming": "예정", "ongoing": "진행 중", "overdue": "기한 지남", "past": "지난 일정",
                 "unknown": "날짜 불명"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PREFIXES = prefix_lines('kgo', 'rdf', 'dcterms')


def day(v: Any) -> date | None:
    s = str(v or "")[:10]
    if not _DAY.match(s):
        return None
    try:
        return date.fromisoformat(s)
    except ValueError:
        return None


def is_deadline(item: dict[str, Any]) -> bool:
    """An end without a beginning: "by" a date."""
    return bool(item.get("end")) and (not item.get("begin") or str(item.get("value") or "").startswith("../"))


def status(item: dict[str, Any], now: date) -> str:
    """Status of a schedule entry {begin, end, value} relative to `now` (see the module doc)."""
    deadline = is_deadline(item)
    begin = None if deadline else day(item.get("begin"))
    end = day(item.get("end"))
    if begin is None and end is None:
        return "unknown"
    if begin is not None and begin > now:
        return "upcoming"
    if end is not None and end < now:
        return "overdue" if deadline else "past"
    if deadline:
        return "upcoming"  # the deadline is today or later
    return "ongoing"


def deadlines(store: Any, *, entity: str | None = None, today: date | None = None) -> list[dict[str, Any]]:
    """Every scheduled date (of `entity`, or of the whole graph), soonest end first:
    {key, node, initiative, label, expression, value, begin, end, status, documents, doc,
    title, date, sentence}. Read once per published snapshot (kg.read.entity.kept: 2.4 s for
    the whole calendar at 10,000 documents); the status is today's."""
    from kg.read.entity import kept  # noqa: PLC0415

    today = today or date.today()
    items = kept(store, ("calendar", entity), lambda: _gather(store, entity))
    return [{**item, "status": status(item, today)} for item in items]


def _gather(store: Any, entity: str | None) -> list[dict[str, Any]]:
    from kg.read.queries import _iri, documents_info, node_info  # noqa: PLC0415

    # the date edges are stated directly in each document's graph (subject, then property
    # bound: index lookups); the sentence comes after, one lookup an item shown (an
    # OPTIONAL on the reified statement made Oxigraph join every statement: 4 s at 10,000)
    subject = f"<{_iri(entity)}>" if entity else "?i"
    bind = f"BIND({subject} AS ?i)" if entity else ""
    rows = store.select(_PREFIXES + f"""SELECT ?i ?t ?expr ?value ?g WHERE {{
        GRAPH ?g {{ {subject} kgo:scheduledFor ?t . {bind}
          OPTIONAL {{ ?t kgo:expression ?expr }} OPTIONAL {{ ?t kgo:normalizedValue ?value }} }} }}""")
    items: dict[str, dict[str, Any]] = {}
    for r in rows:
        initiative, value = str(r["i"]), str(r["value"]) if "value" in r else None
        expression = str(r["expr"]) if "expr" in r else value or ""
        key = f"{initiative}|{value or expression}"
        item = items.get(key)
        if item is None:
            begin, end = value_bounds(value)
            item = items[key] = {"key": key, "initiative": initiative, "expression": expression,
                                 "value": value, "begin": begin, "end": end, "documents": 0, "docs": {}}
        item["documents"] += 1
        item["docs"][str(r["g"])] = str(r["t"])
    info = documents_info(store, sorted({d for i in items.values() for d in i["docs"]}))
    labels = node_info(store, sorted({i["initiative"] for i in items.values()}))
    out = []
    for item in items.values():
        nodes = item.pop("docs")
        docs = sorted(nodes, key=lambda d: (info.get(d, {}).get("date") or "9999", d))
        first = info.get(docs[0], {})
        item.update(doc=docs[0], node=nodes[docs[0]], sentence=_sentence(store, docs[0], nodes[docs[0]]),
                    title=first.get("title"), date=first.get("date"),
                    label=(labels.get(item["initiative"]) or {}).get("label") or item["initiative"].rsplit("/", 1)[-1])
        out.append(item)
    out.sort(key=lambda i: (i["end"] or i["begin"] or "9999", i["label"]))
    return out


def _sentence(store: Any, doc: str, node: str) -> str | None:
    from kg.read.queries import _iri  # noqa: PLC0415

    rows = store.select(_PREFIXES + f"""SELECT ?text WHERE {{ GRAPH <{_iri(doc)}> {{
        ?r rdf:object <{_iri(node)}> ; kgo:inSentence ?s . ?s kgo:text ?text }} }} LIMIT 1""")
    return str(rows[0]["text"]) if rows else None


def to_ics(items: list[dict[str, Any]], name: str, link: Any = None) -> bytes:
    """An iCalendar (RFC 5545) file: one all-day event per dated item (a deadline on its
    last day, a period from its first to its last); `link(iri)` gives a page address."""
    from icalendar import Calendar, Event  # noqa: PLC0415

    cal = Calendar()
    cal.add("prodid", "-//kor-policy-kg//일정//KO")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for item in items:
        first = day(item["end"]) if is_deadline(item) else day(item["begin"]) or day(item["end"])
        last = day(item["end"]) or first
        if first is None or last is None:
            continue
        ev = Event()
        ev.add("uid", hashlib.sha1(item["key"].encode("utf-8")).hexdigest() + "@kor-policy-kg")
        ev.add("summary", f"{item['label']}: {item['expression']}" + (" (기한)" if is_deadline(item) else ""))
        ev.add("dtstart", first)
        ev.add("dtend", max(last, first) + timedelta(days=1))
        note = [item.get("sentence") or "", f"출처: {item.get('title') or item['doc']} ({item.get('date') or '날짜 없음'})",
                f"{STATUS_LABELS[item['status']]} · 문서 {item['documents']}건"]
        ev.add("description", "\n".join(n for n in note if n))
        if link is not None:
            ev.add("url", link(item["initiative"]))
        cal.add_component(ev)
    return cal.to_ical()
