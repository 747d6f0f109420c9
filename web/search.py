"""Search blueprint: the home page and full-text search with facets, as HTML, JSON and CSV.

Parameters (all optional, repeatable where noted): q, type (repeatable), entity
(repeatable), from, to (YYYY, YYYY-MM or YYYY-MM-DD), kind (source kind), source (a
prefix of the document source: a site such as https://example.org/ or a folder such as
corpus/), sort=relevance|date, page=N.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint, Response, abort, request, url_for

from core.errors import StoreError
from kg.search.index import SearchResult
from web import saved, timechart
from web.kg_access import get_kg
from web.examples import QUESTIONS, SEARCH_EXAMPLES, SPARQL_EXAMPLES
from web.helpers import local_path, page_or_json, settings, url_with
from web.pages import group_relations

bp = Blueprint("search", __name__)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MARK = re.compile(r"<[^>]+>")
CSV_MAX_HITS = 1000  # snippets are highlighted per hit; an export is a sample, not a dump


@dataclass
class SearchParams:
    q: str = ""
    types: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    kind: str | None = None
    source: str | None = None
    publisher: str | None = None
    sort: str = "relevance"
    page: int = 1
    lineage: bool = False   # each government body with its predecessors (kg.lineage): lineage=1
    lineages: dict[str, list[str]] = field(default_factory=dict)  # body → it and its predecessors

    @property
    def active(self) -> bool:
        """Anything to search for (a query or a filter)?"""
        return bool(self.q or self.types or self.entities or self.date_from or self.date_to or self.kind
                    or self.source or self.publisher)

    def filters(self) -> dict[str, Any]:
        return {"type": self.types, "entity": self.entities, "from": self.date_from, "to": self.date_to,
                "kind": self.kind, "source": self.source, "publisher": self.publisher, "sort": self.sort,
                "lineage": self.lineage}

    def search_kw(self) -> dict[str, Any]:
        entities = [tuple(self.lineages[e]) if e in self.lineages else e for e in self.entities]
        return dict(types=self.types, entities=entities, date_from=self.date_from, date_to=self.date_to,
                    source_kind=self.kind, source=self.source, publisher=self.publisher, sort=self.sort)


def parse_params() -> SearchParams:
    """Read and validate the query string; a bad value is a 400 with a Korean message."""
    a = request.args
    p = SearchParams(q=a.get("q", "").strip()[:500])
    p.types = [t.strip().upper() for t in a.getlist("type") if t.strip()][:10]
    p.entities = [e.strip() for e in a.getlist("entity") if e.strip()][:10]
    p.lineage = a.get("lineage", "") in ("1", "on", "true")
    if p.lineage:
        for e in p.entities:
            found = get_kg().lineage(e) if e.startswith(("http://", "https://")) else None
            if found and len(found["lineage"]) > 1:
                p.lineages[e] = [e, *(x for x in found["lineage"] if x != e)]
    for name in ("from", "to"):
        v = a.get(name, "").strip()
        if v and not _DATE.match(v):
            abort(400, f"날짜 형식이 잘못되었습니다: {name}={v} (YYYY, YYYY-MM 또는 YYYY-MM-DD)")
        setattr(p, "date_from" if name == "from" else "date_to", v or None)
    p.kind = a.get("kind", "").strip() or None
    p.source = a.get("source", "").strip()[:300] or None
    p.publisher = a.get("publisher", "").strip()[:100] or None
    p.sort = a.get("sort", "relevance").strip() or "relevance"
    if p.sort not in ("relevance", "date"):
        abort(400, f"정렬 기준은 relevance 또는 date 입니다: sort={p.sort}")
    try:
        p.page = int(a.get("page", "1"))
    except ValueError:
        abort(400, f"쪽 번호가 잘못되었습니다: page={a.get('page')}")
    if p.page < 1 or p.page > 10000:
        abort(400, f"쪽 번호는 1 이상이어야 합니다: page={p.page}")
    return p


@bp.get("/")
def home() -> Any:
    stats, error = None, None
    try:
        stats = get_kg().stats()
    except StoreError as e:
        error = str(e)
    data = {"stats": stats, "error": error, "search_examples": SEARCH_EXAMPLES,
            "sparql_examples": [{"key": e.key, "title": e.title, "query": e.query} for e in SPARQL_EXAMPLES]}
    data["questions"] = [{"question": x.question, "href": request.script_root + x.path} for x in QUESTIONS]
    data.update(saved.news(8, more=url_for("saved.saved_page")))
    return page_or_json("home.html", data, sparql_cards=SPARQL_EXAMPLES[:3])  # the cards' descriptions


@bp.get("/search")
@bp.get("/search.json", endpoint="search_json")
def search() -> Any:
    p = parse_params()
    kg = get_kg()
    res = kg.search(p.q, page=p.page, **p.search_kw())
    data = search_json(p, res)
    data.update(aids_json(kg.search_aids(p.q, res) if p.q else {"card": None, "suggestions": []}))
    chart = timechart.build(res.facets.get("month", []),
                            lambda a, b: url_with(**{"from": a, "to": b, "page": None}))
    return page_or_json("search.html", data, name="data", params=p, res=res, chart=chart)


@bp.get("/search.csv")
def search_csv() -> Response:
    p = parse_params()
    limit = min(CSV_MAX_HITS, settings().max_rows)
    res = get_kg().search(p.q, page=1, page_size=limit, **p.search_kw())
    resp = page_or_json("search.html", search_json(p, res), fmt="csv", table=search_table)
    resp.headers["X-Total-Hits"] = str(res.total)
    if res.total > len(res.hits):
        resp.headers["X-Truncated"] = "true"
    return resp


def search_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]], str]:
    """The CSV of a search: its hits (the JSON twin's), the snippet as plain text."""
    return (["rank", "title", "date", "publisher", "source", "url", "iri", "score", "snippet"],
            [[i, h["title"], h["date"] or "", h["publisher"] or "", h["source"], h["url"] or "", h["iri"],
              f"{h['score']:.4f}", snippet_text(h["snippet"])] for i, h in enumerate(data["hits"], 1)], "search.csv")


def snippet_text(snippet: str) -> str:
    """The highlighted HTML snippet as plain text."""
    return html.unescape(_MARK.sub("", snippet))


CARD_GROUPS, CARD_ITEMS = 4, 3  # relation groups on an entity card, names in each


def aids_json(aids: dict[str, Any]) -> dict[str, Any]:
    """The entity card and the suggestions of a result page (kg.graph.search_aids), with
    the links the page shows."""
    card = aids.get("card")
    if card:
        names = [x["value"] for x in card["pref_labels"] + card["alt_labels"] if x["value"] != card["label"]]
        groups = group_relations(card["relations"], card["relation_groups"], limit=CARD_ITEMS)[:CARD_GROUPS]
        card = {"iri": card["iri"], "page": local_path(card["iri"]), "label": card["label"],
                "type": (card["types"] or [None])[0], "names": list(dict.fromkeys(names)), "documents": card["documents"],
                "relations": [{"label": g["label"], "total": g["total"],
                               "names": [{"label": i["label"], "iri": i["iri"], "page": local_path(i["iri"])}
                                         for i in g["items"]]} for g in groups]}
    sugg = [{"label": x["label"], "iri": x["iri"], "type": x["type"], "documents": x["documents"],
             "search": url_for("search.search", q=x["label"]), "page": local_path(x["iri"]) if x["iri"] else None}
            for x in aids.get("suggestions", [])]
    return {"card": card, "suggestions": sugg}


def search_json(p: SearchParams, res: SearchResult) -> dict[str, Any]:
    """The JSON twin of a result page (also the model the template reads)."""
    pages = res.pages
    return {
        "query": p.q,
        "filters": p.filters(),
        "total": res.total,
        "page": p.page,
        "pages": pages,
        "page_size": res.page_size,
        "hits": [
            {"iri": h.doc_iri, "page": local_path(h.doc_iri), "title": h.title, "date": h.date,
             "publisher": h.publisher, "source": h.source, "url": h.url, "snippet": h.snippet, "score": round(h.score, 4)}
            for h in res.hits
        ],
        "facets": res.facets,
        # what the search added to the words typed: names that contain them, compounds
        "included": res.included,
        "compounds": res.compounds,
        "bodies": res.bodies,  # a name bodies carried in turn: each of them (산업부 → 산업통상자원부, 산업통상부)
        # lineage=1: each government body filter also took its predecessors
        "lineage": [{"entity": e, "with": [{"iri": x, "label": get_kg().labels([x]).get(x, x.rsplit("/", 1)[-1])}
                                           for x in xs[1:]]} for e, xs in p.lineages.items()],
        "next": url_with(page=p.page + 1) if p.page < pages else None,
        "prev": url_with(page=p.page - 1) if p.page > 1 else None,
    }
