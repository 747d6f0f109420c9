"""Running behind a reverse proxy, and never echoing the Host header.

The request's Host is the client's to choose, so nothing the server sends back is built
from it: IRIs and the SPARQL service description come from KG_BASE_IRI, and a redirect
that would name the request's own host (werkzeug's routing redirects, e.g. `/api//stats`
→ `/api/stats`) names only the path. KG_TRUSTED_PROXIES wraps the app in werkzeug's
ProxyFix so the client's address (X-Forwarded-For: the SPARQL per-client share, the
login back-off) and scheme come from the proxy; KG_TRUSTED_HOSTS refuses other hosts.
When KG_BASE_IRI is https, the session cookie is marked Secure.
"""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from flask import Flask, Response, request
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.utils import redirect
from werkzeug.wsgi import get_host

from kg.settings import Settings

LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")


def configure(app: Flask, settings: Settings) -> None:
    """ProxyFix, trusted hosts and Host-free redirects for one app."""
    n = settings.trusted_proxies
    if n:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_prefix=n)  # type: ignore[method-assign]
    if urlsplit(settings.base_iri).scheme == "https":
        # the public address is https (KG_BASE_IRI): the login cookie never travels over plain http
        app.config["SESSION_COOKIE_SECURE"] = True
    if settings.trusted_hosts:
        base_host = urlsplit(settings.base_iri).hostname or ""
        app.config["TRUSTED_HOSTS"] = [*settings.trusted_hosts.split(","), base_host, *LOOPBACK]
    app.after_request(_location_without_host)


def _location_without_host(resp: Response) -> Response:
    """An absolute Location on the request's own host becomes a path: the browser
    resolves it against the address it asked, and a forged Host goes nowhere. The
    little page werkzeug sends with its routing redirects links the same path."""
    loc = resp.headers.get("Location")
    if not loc:
        return resp
    u = urlsplit(loc)
    if u.netloc and u.netloc.lower() == get_host(request.environ).lower():
        path = urlunsplit(("", "", u.path or "/", u.query, u.fragment))
        resp.headers["Location"] = path
        if 300 <= resp.status_code < 400:
            resp.set_data(redirect(path, resp.status_code).get_data())
    return resp
