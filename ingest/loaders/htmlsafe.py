"""Make untrusted HTML safe to hand to `html.parser`.

The standard-library parser is quadratic on some malformed input ("<a" × 200 000 takes
minutes: every unfinished tag rescans the rest of the page) and raises on a few
constructs ("<![" …). This linear pre-pass keeps only well-formed, bounded tags; every
other "<" becomes "&lt;" (text, as a browser would show it). Comments, doctypes and
processing instructions are dropped; script and style bodies are dropped unread.
"""
from __future__ import annotations

import re

TAG_MAX = 4096  # characters; a longer tag (a data: URI in an attribute) keeps only its name
# Possessive quantifiers: no backtracking, and a tag may not contain "<", so each match
# attempt stops at the next "<" at the latest: the pass is linear.
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9:_-]*+)((?:[^<>"']++|"[^"<]*+"|'[^'<]*+')*+)>""")
_RAW_TEXT = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}


def sanitize_html(html: str) -> str:
    out: list[str] = []
    i, n = 0, len(html)
    while i < n:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4)
            if k < 0:
                break  # an unclosed comment hides the rest of the page, as in a browser
            i = k + 3
            continue
        if html.startswith(("<!", "<?"), j):
            k = html.find(">", j)
            if k < 0:  # no ">" anywhere after: the rest is text
                out.append(html[j:].replace("<", "&lt;"))
                break
            i = k + 1
            continue
        m = _TAG.match(html, j)
        if m is None:
            out.append("&lt;")
            i = j + 1
            continue
        closing, name, attrs = m.groups()
        if m.end() - j > TAG_MAX:
            out.append(f"<{closing}{name}{'/' if attrs.endswith('/') else ''}>")
        else:
            out.append(m.group(0))
        i = m.end()
        raw = _RAW_TEXT.get(name.lower())
        if raw is not None and not closing and not attrs.endswith("/"):
            e = raw.search(html, i)
            if e is None:
                break  # an unclosed <script> runs to the end of the page
            out.append(e.group(0))
            i = e.end()
    return "".join(out)
