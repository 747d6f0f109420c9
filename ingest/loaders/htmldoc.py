"""HTML pages (.html, .htm, saved .do/.jsp pages sniffed by content), standard library only.

Title: <title>, else og:title, else the first <h1>. Date: the first of the meta tags in
DATE_META that holds a valid date, else the first <time datetime>. Main text: the longest
<article>, else <main>, else the whole page, without script, style, nav, header, footer,
aside, form, noscript (and a few more); block elements become paragraph breaks.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ingest.loaders.base import Loader, PathLoadError, make_document
from ingest.loaders.dates import parse_date
from ingest.loaders.decode import decode_bytes, normalize_text
from ingest.loaders.htmlsafe import sanitize_html
from core.model import Document

DATE_META = ("date", "article:published_time", "og:article:published_time", "pubdate", "dc.date",
             "dc.date.issued", "dcterms.date", "datepublished")
SKIP_TAGS = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                       "template", "svg", "math", "iframe", "object", "select", "button", "dialog"})
BLOCK_TAGS = frozenset({"p", "div", "section", "article", "main", "body", "li", "ul", "ol", "dl", "dt", "dd",
                        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "caption", "blockquote", "pre",
                        "figure", "figcaption", "hr", "address", "details", "summary", "center", "fieldset"})
_TRACKED = SKIP_TAGS | {"article", "main", "title", "h1", "pre"}
_CHARSET = re.compile(rb"<meta[^>]{0,512}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)
_SIGNATURE = re.compile(rb"<(?:!doctype\s+html|html[\s>])", re.I)
_WS = re.compile(r"\s+")
_GAP = re.compile(r"[ \t]{2,}")
_TITLE_MAX = 2000


class _PageParser(HTMLParser):
    """One pass: collects title, meta tags, <time>, the first <h1>, and text per container."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth = dict.fromkeys(_TRACKED, 0)
        self.skipping = 0
        self.title: list[str] = []
        self.title_done = False  # only the first <title> outside skipped parts (not an SVG's)
        self.h1: list[str] = []
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.canonical: str | None = None
        self.page: list[str] = []
        self.articles: list[list[str]] = []
        self.main: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth["title"] and tag != "title":
            self._close("title")  # an unclosed <title> must not swallow the page
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("name") or a.get("property") or a.get("itemprop") or "").strip().lower()
            if name and "content" in a:
                self.meta.setdefault(name, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.canonical = self.canonical or a["href"].strip()
        elif tag == "time" and a.get("datetime") and not self.skipping:
            self.times.append(a["datetime"])
        if tag == "br":
            self._emit("\n")
        elif tag in ("td", "th"):
            self._emit("\t")
        elif tag in BLOCK_TAGS:
            self._emit("\n\n")
        if tag in _TRACKED:
            if tag == "article" and not self.depth["article"] and not self.skipping:
                self.articles.append([])
            self.stack.append(tag)
            self.depth[tag] += 1
            self.skipping += tag in SKIP_TAGS

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _TRACKED:  # <br/>, <meta/>; a self-closed <nav/> holds nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _TRACKED:
            self._close(tag)
        if tag in BLOCK_TAGS:
            self._emit("\n\n")

    def _close(self, tag: str) -> None:
        if not self.depth[tag]:
            return  # a stray end tag (depth, not a stack search: deep nesting stays linear)
        while self.stack:
            top = self.stack.pop()
            self.depth[top] -= 1
            self.skipping -= top in SKIP_TAGS
            if top == "h1" and self.h1:
                self.h1_done = True
            if top == "title" and self.title:
                self.title_done = True
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.depth["title"]:
            if not self.skipping and not self.title_done and sum(map(len, self.title)) < _TITLE_MAX:
                self.title.append(data)
            return
        if self.skipping:
            return
        if self.depth["h1"] and not self.h1_done:
            self.h1.append(data)
        self._emit(data if self.depth["pre"] else _WS.sub(" ", data))

    def _emit(self, text: str) -> None:
        if self.skipping:
            return
        self.page.append(text)
        if self.depth["article"] and self.articles:
            self.articles[-1].append(text)
        if self.depth["main"]:
            self.main.append(text)


def _layout(parts: list[str]) -> str:
    """Join text chunks; one space (or a tab between table cells) between words."""
    lines = "".join(parts).split("\n")
    return normalize_text("\n".join(_GAP.sub(_gap, line.strip(" \t")) for line in lines))


def _gap(m: re.Match[str]) -> str:
    return "\t" if "\t" in m.group(0) else " "


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment (an RSS description, an Atom content), laid
    out like the HTML loader's pages: block elements become paragraph breaks."""
    if "<" not in html and "&" not in html:
        return normalize_text(html).strip()
    parser = _PageParser()
    try:
        parser.feed(sanitize_html(html))
        parser.close()
    except Exception:  # html.parser has raised on odd markup in some Python versions
        return normalize_text(html).strip()
    return _layout(parser.page).strip()


def looks_like_html(head: bytes) -> bool:
    """A doctype or <html> tag first, after a BOM, whitespace and comments."""
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    while head.startswith(b"<!--"):
        end = head.find(b"-->")
        if end < 0:
            return False
        head = head[end + 3:].lstrip()
    return _SIGNATURE.match(head) is not None


class HTMLLoader(Loader):
    NAME = "html"
    EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
    MIME_TYPES = ("text/html", "application/xhtml+xml")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if looks_like_html(head_bytes):
            return cls.EXTENSION_SCORE + 2  # a page saved as .txt, .do or .jsp is still a page
        return cls.declared_score(path, mime_type)

    def load_one(self, path: Path, data: bytes) -> Document:
        m = _CHARSET.search(data[:4096])
        decoded = decode_bytes(data, path, declared=m.group(1).decode("ascii") if m else None)
        parser = _PageParser()
        try:
            parser.feed(sanitize_html(decoded.text))
            parser.close()
        except Exception as e:  # html.parser has raised on odd markup in some Python versions
            raise PathLoadError(path, f"HTML을 해석할 수 없습니다 (could not parse HTML: {type(e).__name__}: {e})") from None
        meta: dict[str, Any] = {"format": self.NAME, "encoding": decoded.encoding}
        warnings = list(decoded.warnings)
        title = next((t for t in (normalize_text("".join(parser.title)), normalize_text(parser.meta.get("og:title", "")),
                                  normalize_text("".join(parser.h1))) if t.strip()), None)
        date = None
        candidates = [parser.meta[k] for k in DATE_META if parser.meta.get(k)] + parser.times
        for value in candidates:
            if date := parse_date(value):
                break
        if candidates and date is None:
            warnings.append(f"no valid date among {candidates[:3]!r}; date dropped")
        articles = sorted((_layout(a) for a in parser.articles), key=len, reverse=True)
        text = next((t for t in (*articles[:1], _layout(parser.main)) if t.strip()), None) or _layout(parser.page)
        meta["author"] = normalize_text(parser.meta.get("author", ""))
        meta["description"] = normalize_text(parser.meta.get("og:description") or parser.meta.get("description", ""))
        meta["warnings"] = warnings
        url = parser.meta.get("og:url") or parser.canonical
        return make_document(path, title=title, text=text, date=date, url=url, meta=meta)
