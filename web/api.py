"""The JSON API and the statistics page.

/api/search, /api/entity?iri=, /api/document?iri=, /api/stats, /api/lookup, described
by /api/openapi.json (web.openapi). The search, entity and document answers are the
JSON twins of the pages (/search.json, /id/….json): the API calls the page's own view,
which answers JSON under /api/ (web.helpers.wants_json), so the two can never drift
apart. Errors under /api/ are JSON: {"ok": false, "status", "error", "message"}.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from flask import Blueprint, abort, current_app, request

from ontology.iris import SLUG_TYPES
from web import get_kg
from web.helpers import TYPE_ORDER, html_or_json, json_response, local_path, settings
from web.openapi import spec

bp = Blueprint("api", __name__)


@bp.get("/api/openapi.json")
def openapi() -> Any:
    return json_response(spec(settings(), server=request.script_root or "/"))


@bp.get("/api/search")
def api_search() -> Any:
    """The JSON twin of /search (same parameters, same answer)."""
    return current_app.view_functions["search.search"]()


@bp.get("/api/entity")
def api_entity() -> Any:
    slug, name = _our_iri("entity")
    return current_app.view_functions["pages.entity"](slug=slug, name=name)


@bp.get("/api/document")
def api_document() -> Any:
    slug, name = _our_iri("document")
    return current_app.view_functions["pages.document"](doc_id=name)


def _our_iri(kind: str) -> tuple[str, str]:
    """(type segment, name) of the `iri` parameter, an IRI minted under KG_BASE_IRI."""
    iri = request.args.get("iri", "").strip()
    if not iri:
        abort(400, "iri 매개변수가 필요합니다 (예: ?iri=" + settings().base_iri + "id/gov/산업통상자원부).")
    base = settings().base_iri + "id/"
    if not iri.startswith(base):
        abort(404, f"이 지식그래프의 IRI가 아닙니다 ({base}… 로 시작해야 합니다).")
    slug, _, name = iri[len(base):].partition("#")[0].partition("/")
    if slug == "doc" and kind == "entity":
        abort(400, "문서의 IRI입니다: /api/document?iri= 를 쓰세요.")
    if slug != "doc" and kind == "document":
        abort(400, "개체의 IRI입니다: /api/entity?iri= 를 쓰세요.")
    if (slug != "doc" and slug not in SLUG_TYPES) or not name or (slug == "doc" and "/" in name):
        abort(404, "개체를 찾을 수 없습니다." if kind == "entity" else "문서를 찾을 수 없습니다.")
    return slug, unquote(name)


@bp.get("/api/lookup")
def lookup() -> Any:
    """Entities whose name contains q: [{iri, page, label, type, documents}], most
    mentioned first (for autocomplete)."""
    q = request.args.get("q", "").strip()[:100]
    try:
        limit = max(1, min(50, int(request.args.get("limit", "10"))))
    except ValueError:
        limit = 10
    results = get_kg().lookup(q, limit=limit) if q else []
    for r in results:
        r["page"] = local_path(r["iri"])
    return json_response(results)


@bp.get("/api/stats")
def api_stats() -> Any:
    return json_response(get_kg().stats())


@bp.get("/stats")
@bp.get("/stats.json", endpoint="stats_json")
def stats() -> Any:
    s = get_kg().stats()
    order = {t: i for i, t in enumerate(TYPE_ORDER)}
    by_type = sorted(s["entities"].items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))
    return html_or_json("stats.html", s, stats=s, by_type=by_type)
