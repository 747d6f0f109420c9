"""Query short links: `POST /q` (from the "짧은 링크" button of the /query and /search
pages) stores the page's address and answers its short link; `GET /q/<id>` redirects
(302) to it. Only addresses of those two pages are taken, as a path on this server, so
a short link can never send anyone elsewhere; a GET never writes (kg.shortlinks)."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request
from werkzeug.urls import iri_to_uri

from kg.write.shortlinks import ShortLinks
from web.helpers import json_response, settings, wants_json

bp = Blueprint("shortlinks", __name__)

PAGES = ("/query", "/search")  # the pages whose addresses a short link may stand for
_ID = re.compile(r"^[a-z2-7]{8,52}$")


def links() -> ShortLinks:
    return ShortLinks(settings().data_dir)


@bp.post("/q")
def create() -> Any:
    """The short link of the address in `url` (the page's path and query)."""
    target = page_address(request.form.get("url", ""))
    try:
        link = links().put(target)
    except ValueError as e:
        abort(413, str(e))
    path = request.script_root + "/q/" + link
    if wants_json():
        return json_response({"id": link, "path": path, "target": request.script_root + target}, 201)
    return render_template("shortlink.html", path=path, target=request.script_root + target), 201


@bp.get("/q/<link>")
def follow(link: str) -> Any:
    target = links().get(link) if _ID.match(link) else None
    if target is None:
        abort(404, "짧은 링크를 찾을 수 없습니다.")
    return redirect(iri_to_uri(request.script_root + target), 302)


def page_address(url: str) -> str:
    """'/query?query=…' from a full or relative address of the /query or /search page
    on this server (scheme and host are ignored: the link points here); else 400."""
    parts = urlsplit(url.strip())
    path = parts.path
    root = request.script_root
    if root and path.startswith(root + "/"):
        path = path[len(root):]
    if path not in PAGES:
        abort(400, "짧은 링크는 SPARQL 질의(/query)와 검색(/search) 주소만 만들 수 있습니다.")
    return path + ("?" + parts.query if parts.query else "")
