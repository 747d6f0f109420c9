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

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from werkzeug.urls import iri_to_uri

from ontology.iris import SLUG_TYPES
from web.kg_access import get_kg
from web.helpers import TYPE_ORDER, json_response, local_path, page_or_json, settings
from web.openapi import spec

bp = Blueprint("api", __name__)


@bp.get("/api/openapi.json")
def openapi() -> Any:
    return json_response(spec(settings(), server=request.script_root or "/"))


# what each operation of the OpenAPI description is for, in Korean (its summary is English)
KOREAN = {
    "search": "문서 검색: /search 의 JSON",
    "entity": "개체 하나: 이름, 관계와 근거 문장, 언급한 문서",
    "document": "문서 하나: 제목, 날짜, 본문, 개체 언급",
    "stats": "통계: 문서, 트리플, 유형별 개체 수",
    "lookup": "이름으로 개체 찾기 (자동 완성), 많이 언급된 순",
    "entities": "개체 목록: 많이 언급된 순, 쪽 단위",
    "openapi": "이 API의 OpenAPI 3.1 설명 (기계용 JSON)",
    "sparqlGet": "SPARQL 1.1 질의 (GET, 읽기 전용)",
    "sparqlPost": "SPARQL 1.1 질의 (POST, 읽기 전용)",
    "entityResource": "개체 IRI: HTML, JSON, RDF",
    "documentResource": "문서 IRI: HTML, JSON, RDF (문서의 named graph)",
}
# a request to try for each operation that needs no path parameter
EXAMPLES = {"search": "/api/search?q=반도체", "stats": "/api/stats", "lookup": "/api/lookup?q=산업부",
            "entities": "/entities.json?type=COMPANY", "openapi": "/api/openapi.json",
            "sparqlGet": "/sparql?query=SELECT * WHERE { ?s ?p ?o } LIMIT 3&format=json"}


@bp.get("/api")
def api_page() -> Any:
    """A readable page of the API: each operation of the OpenAPI description with what
    it is for (Korean), its parameters and answers, and a request to try."""
    doc = spec(settings(), server=request.script_root or "/")
    ops = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            example = EXAMPLES.get(op.get("operationId", ""))
            ops.append({"path": path, "method": method.upper(), "id": op.get("operationId", ""),
                        "korean": KOREAN.get(op.get("operationId", ""), ""), "summary": op.get("summary", ""),
                        "parameters": op.get("parameters", []), "responses": op.get("responses", {}),
                        "example": example and request.script_root + example,
                        "example_href": example and iri_to_uri(request.script_root + example)})
    return render_template("api.html", info=doc["info"], ops=ops, timeout=settings().query_timeout,
                           max_rows=settings().max_rows)


@bp.get("/favicon.ico")
def favicon() -> Any:
    """Browsers ask for /favicon.ico whatever the page says: the SVG icon (a path)."""
    return redirect(url_for("static", filename="favicon.svg"), 302)


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
    return page_or_json("stats.html", s, name="stats", by_type=by_type)
