"""Citations of evidence sentences, for the "인용 복사" button (web/static/cite.js).

One line a journalist can paste: publisher, 「title」, the date as a person writes it,
the original address (the document's page here when it has none), then the sentence in
quotes. Built on the server, so the text the button copies is the text the page shows.
"""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from flask import request

from web.dates import human_date
from web.helpers import local_path


def citation(source: dict[str, Any], sentence: str | None, page: str | None) -> str:
    """'산업통상자원부, 「제목」, 2024년 7월 22일, https://…: "문장"'."""
    address = source.get("url") or (request.host_url.rstrip("/") + page if page else None)
    parts = [source.get("publisher"), f"「{source.get('title') or '제목 없음'}」",
             human_date(source.get("date")) if source.get("date") else None, address]
    head = ", ".join(p for p in parts if p)
    text = " ".join((sentence or "").split())
    return f'{head}: "{text}"' if text else head


def evidence_in(data: Any) -> Iterator[dict[str, Any]]:
    """Every evidence entry (a dict with a sentence and a document) inside a page's
    data, however deep: the profile, relation groups and path hops nest them alike."""
    if isinstance(data, dict):
        if data.get("sentence") and isinstance(data.get("document"), str):
            yield data
        for v in data.values():
            if isinstance(v, (dict, list, tuple)):
                yield from evidence_in(v)
    elif isinstance(data, (list, tuple)):
        for v in data:
            yield from evidence_in(v)


def cite_evidence(kg: Any, evidence: Iterable[dict[str, Any]]) -> None:
    """Add `cite` (the citation) to each evidence entry ({sentence, document, …}) that
    has a document, reading the documents' sources in one query."""
    items = [ev for ev in evidence if ev.get("document")]
    if not items:
        return
    sources = kg.document_sources([ev["document"] for ev in items])
    for ev in items:
        src = sources.get(ev["document"])
        if src is not None:
            ev["cite"] = citation(src, ev.get("sentence"), local_path(ev["document"]))
