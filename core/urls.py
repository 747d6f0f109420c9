"""Which addresses may become links: http(s) only.

A document's URL comes from whoever wrote the file, feed or page (front matter, JSON
Lines, og:url, an RSS <link>), and data stored before the loaders refused other schemes
may still hold `javascript:…`. The read side (search hits, document pages, citations)
passes every original address through `http_url`, so a page, its JSON twin and its CSV
all give the same answer; templates apply it once more as a filter (web/security.py).
"""
from __future__ import annotations

from typing import Any

_BROWSER_STRIPS = "".join(chr(c) for c in range(0x21))  # C0 controls and space, as URL parsers do


def http_url(value: Any) -> str:
    """`value` when it is an http(s) address, else "" (show it as text, never as a link).

    The test is on the scheme as written, so what a browser tidies (`JaVaScRiPt:`,
    a tab inside the scheme, leading spaces) can never turn into a non-http link."""
    if not isinstance(value, str):
        return ""
    url = value.strip(_BROWSER_STRIPS)
    return url if url[:8].lower() == "https://" or url[:7].lower() == "http://" else ""


def link_or_none(value: Any) -> str | None:
    """`http_url` for payloads: the address, or None where there is none to link to."""
    return http_url(value) or None
