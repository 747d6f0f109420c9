"""Saved searches, saved queries and alerts (kg/write/saved.py, kg/write/alerts.py), and the calendar
of deadlines (kg/read/calendar.py), on the web:

- `/saved`: the saved views with their hit counts and the newest hits; a form to save a
  search or a SPARQL SELECT (the search and /query pages have a button for it);
- `/saved/<id>`: what is new for one view, each hit with its document and sentence;
  `.json` (`?since=` an ISO time: only newer hits), `.atom` (a feed reader polls it) and
  `.ics` (the deadlines of the initiatives it is about);
- `/calendar`: upcoming and overdue deadlines across the graph; `.json` and `.ics`;
- entity pages offer the ready-made alerts that fit the entity (one click).

Who may save or delete: with KG_UPLOAD_TOKEN set, whoever logged in with it (the /upload
login, or a bearer token); without one, anyone when the server listens on this machine
only (127.0.0.1, the default: the user is the only visitor), nobody otherwise.
"""
from __future__ import annotations

import time

from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, url_for

from kg.read.calendar import STATUS_LABELS, to_ics
from core.errors import KGError
from kg.write.alerts import create_view
from kg.write.saved import PATTERNS, SavedViews, View, parse_since
from web.kg_access import get_kg
from web.helpers import json_response, local_path, page_or_json, settings, wants_json
from web.upload import _bearer, _check_csrf, _session_ok, _token, csrf_token

bp = Blueprint("saved", __name__)

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
REFRESH_SECONDS = 3600  # deadlines come closer without new documents: re-evaluated when a page is read


def can_edit() -> bool:
    if _token():
        return _session_ok() or _bearer()
    return settings().host in LOCAL_HOSTS


def _require_edit() -> bool:
    """True for a bearer-token client (no CSRF needed); 403 for whoever may not edit."""
    if not can_edit():
        abort(403, "저장한 검색·알림을 바꿀 권한이 없습니다. 업로드 토큰으로 로그인해 주세요."
                   if _token() else "이 서버에서는 검색·알림을 저장할 수 없습니다 (KG_UPLOAD_TOKEN을 설정하면 로그인해 저장할 수 있습니다).")
    bearer = _bearer()
    if not bearer:
        _check_csrf()
    return bearer


def _views() -> SavedViews:
    return SavedViews(settings().data_dir)


def refresh() -> None:
    """Evaluate the views when nobody did for an hour (deadline alerts need no ingest)."""
    state = current_app.extensions.setdefault("saved_refreshed", {"at": 0.0})
    if time.time() - state["at"] < REFRESH_SECONDS or not SavedViews.exists(settings().data_dir):
        return
    state["at"] = time.time()
    from kg.write import alerts  # noqa: PLC0415
    from kg.write import notify  # noqa: PLC0415

    try:
        alerts.evaluate(get_kg(), notify=notify.mailer(settings()))
    except KGError as e:  # the page still shows what was found before
        current_app.logger.warning("saved views not evaluated: %s", e)


NEWS_STEP = 20  # hits /saved shows at first, and how many more each "더 보기" adds
MAX_HITS = 1000


def news(limit: int = 8, more: str | None = None) -> dict[str, Any]:
    """The newest hits of all saved views (새 소식 on the home and /saved pages), how many there
    are in all, and `more` (where the rest are) when some are not shown: a page and its twin
    say the same, and neither passes a cut list off as the whole."""
    if not SavedViews.exists(settings().data_dir):
        return {"news": [], "news_total": 0, "news_more": None}
    with _views() as sv:
        names = {v.id: v.name for v in sv.views()}
        hits, total = sv.hits(limit=limit), sv.count()
    return {"news": [{**h.to_json(), "view_name": names.get(h.view, ""), "page": local_path(h.doc) if h.doc else None}
                     for h in hits],
            "news_total": total, "news_more": more if total > len(hits) else None}


def _limit(name: str, default: int) -> int:
    """`?news=` / `?limit=`: how many hits a page shows (the "더 보기" link asks for more)."""
    try:
        value = int(request.args.get(name, default))
    except ValueError:
        abort(400, f"{name}는 숫자여야 합니다: {request.args.get(name)} ({name} must be a number)")
    return max(1, min(value, MAX_HITS))


@bp.app_context_processor
def _news_for_templates() -> dict[str, Any]:
    return {"alert_patterns": _patterns_for, "can_save": can_edit,
            "saved_csrf": lambda: csrf_token() if _token() or can_edit() else ""}


@bp.app_template_filter("list_pair")
def _list_pair(value: str, name: str) -> tuple[str, str]:
    """('type', 'COMPANY') from 'COMPANY' (a repeated form field)."""
    return (name, value)


@bp.app_template_filter("hash_key")
def _hash_key(key: str) -> str:
    import hashlib  # noqa: PLC0415

    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _patterns_for(entity_type: str | None) -> list[tuple[str, str]]:
    return [(k, v[0]) for k, v in PATTERNS.items() if not v[3] or (entity_type or "") in v[3]]


@bp.get("/saved")
@bp.get("/saved.json", endpoint="saved_json")
def saved_page() -> Any:
    refresh()
    with _views() as sv:
        views, counts = sv.views(), sv.counts()
    limit = _limit("news", NEWS_STEP)
    payload = {"views": [{**v.to_json(), "hits": counts.get(v.id, 0), "feed": url_for("saved.view_atom", view_id=v.id),
                          "page": url_for("saved.view_page", view_id=v.id)} for v in views],
               **news(limit, more=url_for("saved.saved_page", news=limit + NEWS_STEP) + "#news-title")}
    return page_or_json("saved.html", payload, editable=can_edit())


@bp.post("/saved")
def create() -> Any:
    bearer = _require_edit()
    f = request.form
    kind = f.get("kind", "")
    if kind == "search":
        spec: dict[str, Any] = {"q": f.get("q", ""), "types": f.getlist("type"), "entities": f.getlist("entity"),
                                "from": f.get("from"), "to": f.get("to"), "source": f.get("source"),
                                "source_kind": f.get("kind_of_source")}
    elif kind == "sparql":
        spec = {"query": f.get("query", "")}
    else:
        spec = {"pattern": f.get("pattern"), "entity": f.get("entity", "")}
    name = f.get("name", "").strip() or _default_name(kind, spec)
    try:
        view = create_view(get_kg(), name, kind, spec, f.get("email", "").strip() or None)
    except KGError as e:
        abort(400, str(e))
    if wants_json() or bearer:
        return json_response({"ok": True, "view": view.to_json()}, 201)
    return redirect(url_for("saved.view_page", view_id=view.id), 303)


def _default_name(kind: str, spec: dict[str, Any]) -> str:
    if kind == "search":
        return f"검색: {spec.get('q', '')}"[:100]
    if kind == "pattern" and spec.get("pattern") in PATTERNS:
        label = get_kg().labels([spec.get("entity", "")]).get(spec.get("entity", ""), spec.get("entity", ""))
        return f"{label}: {PATTERNS[spec['pattern']][0]}"
    return f"SPARQL 질의 {time.strftime('%Y-%m-%d %H:%M')}"


def _view(view_id: int) -> View:
    try:
        with _views() as sv:
            return sv.get(view_id)
    except KGError as e:
        abort(404, str(e))


def _since() -> float | None:
    try:
        return parse_since(request.args.get("since"))
    except KGError as e:
        abort(400, str(e))


@bp.get("/saved/<int:view_id>")
@bp.get("/saved/<int:view_id>.json", endpoint="view_json")
def view_page(view_id: int) -> Any:
    refresh()
    view = _view(view_id)
    since, limit = _since(), _limit("limit", 50)
    with _views() as sv:
        hits, total = sv.hits(view, since=since, limit=limit), sv.count(view, since=since)
    more = url_for("saved.view_page", view_id=view_id, limit=limit + 50,
                   **({"since": request.args["since"]} if since is not None else {}))
    payload = {"view": view.to_json(), "hits": [{**h.to_json(), "page": local_path(h.doc) if h.doc else None}
                                                for h in hits],
               "total": total, "more": more if total > len(hits) else None}
    return page_or_json("saved_view.html", payload, editable=can_edit(), entity_label=_entity_label(view))


def _entity_label(view: View) -> str | None:
    iri = view.spec.get("entity") if view.kind == "pattern" else None
    return get_kg().labels([iri]).get(iri, iri) if iri else None


@bp.get("/saved/<int:view_id>.atom")
def view_atom(view_id: int) -> Any:
    refresh()
    view = _view(view_id)
    with _views() as sv:
        hits = sv.hits(view, since=_since(), limit=100)
    base = settings().base_iri
    body = render_template("saved.atom.xml", view=view, hits=hits, base=base, updated=_atom_time(
        hits[0].at if hits else view.created), atom_time=_atom_time, link=lambda iri: quote(iri, safe=":/#?&=%~"))
    return Response(body, mimetype="application/atom+xml")


def _atom_time(t: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


@bp.post("/saved/<int:view_id>/remove")
def remove(view_id: int) -> Any:
    bearer = _require_edit()
    try:
        with _views() as sv:
            sv.remove(view_id)
    except KGError as e:
        abort(404, str(e))
    if wants_json() or bearer:
        return json_response({"ok": True, "removed": view_id})
    return redirect(url_for("saved.saved_page"), 303)


def _calendar_items(entity: str | None = None) -> list[dict[str, Any]]:
    from web.timeline import today  # noqa: PLC0415

    items = get_kg().deadlines(entity, today())
    wanted = request.args.getlist("status")
    return [i for i in items if not wanted or i["status"] in wanted]


@bp.get("/calendar")
@bp.get("/calendar.json", endpoint="calendar_json")
def calendar() -> Any:
    items = _calendar_items()
    for i in items:
        i["page"], i["doc_page"] = local_path(i["initiative"]), local_path(i["doc"])
    counts = {s: sum(i["status"] == s for i in _calendar_items()) for s in STATUS_LABELS}
    return page_or_json("calendar.html", {"items": items, "counts": counts}, labels=STATUS_LABELS,
                        wanted=request.args.getlist("status"))


@bp.get("/calendar.ics")
def calendar_ics() -> Any:
    return _ics(_calendar_items(), "정책 일정")


@bp.get("/saved/<int:view_id>.ics")
def view_ics(view_id: int) -> Any:
    """The deadlines of what a view is about: its initiative, or those its hits name."""
    view = _view(view_id)
    if view.kind == "pattern":
        items = _calendar_items(view.spec["entity"])
    else:
        with _views() as sv:
            named = {x for h in sv.hits(view, limit=500) for x in h.data.values() if isinstance(x, str)}
        items = [i for i in _calendar_items() if i["initiative"] in named]
    return _ics(items, view.name)


def _ics(items: list[dict[str, Any]], name: str) -> Response:
    return Response(to_ics(items, name, link=lambda iri: quote(iri, safe=":/#?&=%~")), mimetype="text/calendar",
                    headers={"Content-Disposition": "inline; filename=calendar.ics"})



