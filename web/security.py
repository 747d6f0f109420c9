"""Browser-side defences on every response: a Content-Security-Policy without inline
script, no framing, no MIME sniffing, a short Referer, a SameSite session cookie, and
the `http_url` filter (core/urls.py) through which every template prints a document's own address.

Why both the filter and the policy: a document's URL comes from whoever wrote the file,
feed or page (front matter, JSON Lines, og:url, an RSS <link>), so `javascript:…` can
reach the store; the filter makes only http(s) addresses links, and the policy
(`script-src 'self'`) stops any script that slips past a template anyway.
"""
from __future__ import annotations

import secrets

from flask import Flask, Response, g

from core.urls import http_url

# 'self' only: our scripts are files under /static and /vendor (data goes in data-*
# attributes). Styles: style.css; the SPARQL editor (CodeMirror) writes its theme into a
# <style> element, allowed by a per-response nonce that only pages asking for one get
# (csp_nonce() in a template); no style attributes (chart bars are SVG widths).
POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
]
CSP = "; ".join(POLICY)
HEADERS = {
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
def csp_nonce() -> str:
    """A nonce for this response's inline <style> (made on first use; the policy names it)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def policy() -> str:
    nonce = g.get("csp_nonce")
    if nonce is None:
        return CSP
    return CSP.replace("style-src 'self'", f"style-src 'self' 'nonce-{nonce}'")


def _add_headers(resp: Response) -> Response:
    resp.headers.setdefault("Content-Security-Policy", policy())
    for name, value in HEADERS.items():
        resp.headers.setdefault(name, value)
    return resp


def init_app(app: Flask) -> None:
    # Flask defines these keys already (SameSite None), so setdefault would do nothing
    app.config.update(SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True)
    app.jinja_env.filters["http_url"] = http_url
    app.jinja_env.globals["csp_nonce"] = csp_nonce
    app.after_request(_add_headers)
