"""Document text as HTML with entity mentions marked.

The HTML is built by slicing the text at mention offsets and escaping every piece, so
nothing from a document can become markup. Mentions may overlap or nest (a DATE inside
an INITIATIVE, two readings of the same span); links cannot nest in HTML, so we keep a
non-overlapping set: outermost first, then the longest, linked mentions before
unlinked ones. The others still appear in the page's entity list.
"""
from __future__ import annotations

import re
from typing import Any, Callable

from markupsafe import Markup, escape

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def choose_spans(mentions: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """A non-overlapping subset of valid mentions, in text order."""
    valid = [m for m in mentions
             if isinstance(m.get("start"), int) and isinstance(m.get("end"), int)
             and 0 <= m["start"] < m["end"] <= length]
    valid.sort(key=lambda m: (m["start"], -(m["end"] - m["start"]), m.get("entity") is None))
    out: list[dict[str, Any]] = []
    pos = 0
    for m in valid:
        if m["start"] >= pos:
            out.append(m)
            pos = m["end"]
    return out


def mark_mentions(text: str, mentions: list[dict[str, Any]], href: Callable[[str], str | None],
                  type_label: Callable[[str], str]) -> Markup:
    """`text` as escaped HTML with each chosen mention wrapped: a link to the entity page
    when it has one, a <time> for dates with a normalised value, else a <mark>."""
    parts: list[str] = []
    pos = 0
    for m in choose_spans(mentions, len(text)):
        parts.append(str(escape(text[pos:m["start"]])))
        piece = escape(text[m["start"]:m["end"]])
        typ = str(m.get("type") or "")
        cls = escape("m m-" + typ.lower())
        title = escape(type_label(typ))
        url = href(m["entity"]) if m.get("entity") else None
        if url:
            parts.append(f'<a class="{cls}" href="{escape(url)}" title="{title}" '
                         f'data-type="{escape(typ)}">{piece}</a>')
        elif m.get("value") and _ISO.match(str(m["value"])):
            parts.append(f'<time class="{cls}" datetime="{escape(m["value"])}" '
                         f'title="{title}: {escape(m["value"])}">{piece}</time>')
        else:
            extra = f": {escape(m['value'])}" if m.get("value") else ""
            parts.append(f'<mark class="{cls}" title="{title}{extra}">{piece}</mark>')
        pos = m["end"]
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))
