"""Watch blueprint: `/watch` lists the watched feeds and listing pages (kg/write/watch.py) with
their state — last check, last error, items ingested, the recent fetches — and, for
whoever holds the upload token (the same login as /upload), forms to add and remove
sources. The polling itself is `kg watch run --forever`; the page says whether it runs.
A source added here is fetched from public addresses only, as /upload's addresses are,
unless KG_UPLOAD_PRIVATE_URLS is on.
"""
from __future__ import annotations

import calendar
import time
from typing import Any

from flask import Blueprint, abort, redirect, request, url_for

from core.errors import KGError
from kg.write.watch import DEFAULT_EVERY, WatchList, format_every, parse_every
from kg.write.watch_poll import TICK
from web.helpers import json_response, page_or_json, settings, wants_json
from web.upload import _bearer, _check_csrf, _require_auth, _session_ok, _token, csrf_token

bp = Blueprint("watch", __name__)

EVERY_CHOICES = ("30m", "1h", "3h", "6h", "12h", "1d")
STATUS_LABELS = {"new": "새 항목 수집", "unchanged": "변경 없음", "failed": "실패", None: "확인 전"}


def _open() -> WatchList:
    return WatchList(settings().data_dir)


@bp.get("/watch")
@bp.get("/watch.json", endpoint="watch_json")
def watch_page() -> Any:
    on = bool(_token())
    authed = on and (_session_ok() or _bearer())
    with _open() as wl:
        sources = wl.sources()
        recent = {s.id: wl.fetches(s, 5) for s in sources}
        beat = wl.last_beat()
    running = beat is not None and time.time() - beat < 3 * TICK
    payload = {"poller_running": running, "poller_last_seen": _iso(beat),
               "sources": [{**s.to_json(), "fetches": [f.to_json() for f in recent[s.id]]} for s in sources]}
    return page_or_json("watch.html", payload, on=on, authed=authed, csrf=csrf_token() if on else "",
                        every_choices=EVERY_CHOICES, default_every=format_every(DEFAULT_EVERY), labels=STATUS_LABELS,
                        local_time=_local_time)


@bp.post("/watch")
def add() -> Any:
    bearer = _require_auth()
    if not bearer:
        _check_csrf()
    url = request.form.get("url", "").strip()
    try:
        seconds = parse_every(request.form.get("every", "") or format_every(DEFAULT_EVERY))
        with _open() as wl:
            source = wl.add(url, seconds, public_only=not settings().upload_private_urls)
    except KGError as e:
        abort(400, str(e))
    if wants_json() or bearer:
        return json_response({"ok": True, "source": source.to_json()}, 201)
    return redirect(url_for("watch.watch_page"), 303)


@bp.post("/watch/<int:source_id>/remove")
def remove(source_id: int) -> Any:
    bearer = _require_auth()
    if not bearer:
        _check_csrf()
    try:
        with _open() as wl:
            wl.remove(str(source_id))
    except KGError as e:
        abort(404, str(e))
    if wants_json() or bearer:
        return json_response({"ok": True, "removed": source_id})
    return redirect(url_for("watch.watch_page"), 303)


def _local_time(iso: str | None) -> str | None:
    """A time of the payload (ISO 8601, UTC) as the page shows it: local, to the minute."""
    return None if iso is None else _iso(calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")))


def _iso(t: float | None) -> str | None:
    return None if t is None else time.strftime("%Y-%m-%d %H:%M", time.localtime(t))
