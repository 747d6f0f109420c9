"""Small JSON API (entity autocomplete, statistics) and the statistics page."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from web import get_kg
from web.helpers import TYPE_ORDER, html_or_json, json_response, local_path

bp = Blueprint("api", __name__)


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
