"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files (.rss, .atom, and .xml sniffed by the root
element): one Document per item or entry.

Fields: title; link → url; pubDate / dc:date / published / updated → date (as written,
no time-zone conversion); content:encoded or Atom content, else description or summary →
text, with HTML stripped the way the HTML loader reads pages. An item with no text at
all keeps its title as text (with a warning). Key: "PATH#GUID" (guid or Atom id), else
"PATH#LINK", else "PATH#ITEM-N". A bad item is one LoadError; the others load.

Safety: the XML is parsed without DTDs or entities (see xmlsafe.py): a feed that
declares a DOCTYPE is refused.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_tz
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from ingest.loaders.base import Loader, LoadResult, PathLoadError, load_records, make_document
from ingest.loaders.dates import parse_date
from ingest.loaders.decode import normalize_text
from ingest.loaders.htmldoc import html_to_text
from ingest.loaders.xmlsafe import local, parse_xml
from core.model import Document

MAX_ITEMS = 10000
_ROOT = re.compile(rb"(?:<\?xml[^>]{0,200}\?>|<!--.{0,2000}?-->|<\?[^>]{0,500}\?>|\s)*<(?:[A-Za-z_][\w.-]{0,30}:)?"
                   rb"(rss|feed|RDF)[\s>/]", re.S)
ATOM_NS = "http://www.w3.org/2005/Atom"


def feed_root(head: bytes) -> str | None:
    """'rss', 'feed' or 'RDF' when the XML document's root element is a feed's."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    m = _ROOT.match(head.removeprefix(b"\xef\xbb\xbf"))
    return m.group(1).decode() if m else None


class FeedLoader(Loader):
    NAME = "feed"
    EXTENSIONS = (".rss", ".atom")
    MIME_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if feed_root(head_bytes):
            return cls.EXTENSION_SCORE + 4
        return cls.declared_score(path, mime_type)

    def load(self, path: Path, data: bytes) -> Iterator[LoadResult]:
        try:
            root = parse_xml(data, path, "feed")
            if local(root.tag) not in ("rss", "feed", "RDF"):
                raise PathLoadError(path, f"RSS나 Atom 피드가 아닙니다: 최상위 요소가 <{local(root.tag)}>입니다 "
                                          f"(not an RSS or Atom feed: root element <{local(root.tag)}>)")
        except PathLoadError as e:
            yield e
            return
        atom = local(root.tag) == "feed"
        items = [el for el in root.iter() if local(el.tag) == ("entry" if atom else "item")]
        channel = next((el for el in root.iter() if local(el.tag) == "channel"), root)
        feed_title = _text(_child(channel, "title"))
        if not items:
            yield PathLoadError(path, "항목이 없습니다: 빈 피드입니다 (no items: the feed is empty)")
            return
        if len(items) > MAX_ITEMS:
            yield PathLoadError(path, f"항목이 {len(items)}개라 앞의 {MAX_ITEMS}개만 읽습니다 "
                                      f"({len(items)} items; only the first {MAX_ITEMS} are loaded)")
        yield from load_records(((n, partial(self.item, path, n, item, atom, feed_title), None)
                                 for n, item in enumerate(items[:MAX_ITEMS], start=1)), _duplicate)

    def item(self, path: Path, n: int, item: ET.Element, atom: bool, feed_title: str) -> Document:
        warnings: list[str] = []
        title = _content(_child(item, "title"), "text")
        link = _atom_link(item) if atom else _rss_link(item)
        ident = _text(_child(item, "id" if atom else "guid")) or _rdf_about(item)
        dates = [_text(_child(item, name)) for name in (("published", "updated", "issued", "modified", "date")
                                                        if atom else ("pubDate", "date", "issued", "published"))]
        date = next((d for d in map(_date, dates) if d), None)
        if date is None and any(dates):
            warnings.append(f"invalid date {next(d for d in dates if d)!r} dropped")
        body = next((t for t in (_content(_child(item, name), "text" if atom else "html")
                                 for name in (("content", "summary") if atom else ("encoded", "description")))
                     if t), "")
        if not body:
            body = title
            warnings.append("no description or content; the title is the text")
        author = _text(_child(item, "creator")) or _text(_child(_child(item, "author"), "name")) \
            or _text(_child(item, "author"))
        meta: dict[str, Any] = {"format": self.NAME, "item": n, "feed_title": feed_title, "author": author,
                                "categories": [c for c in (_category(el) for el in item
                                                           if local(el.tag) in ("category", "subject")) if c],
                                "warnings": warnings}
        key = f"{path}#{ident or link or f'ITEM-{n}'}"
        try:
            return make_document(path, title=title, text=body, key=key, date=date, url=link or None, meta=meta)
        except PathLoadError:
            raise PathLoadError(path, f"{n}번째 항목: 본문이 없습니다. 제목도 설명도 없습니다 "
                                      f"(item {n}: no text, neither title nor description)") from None


def _child(el: ET.Element | None, name: str) -> ET.Element | None:
    if el is None:
        return None
    return next((c for c in el if local(c.tag) == name), None)


def _text(el: ET.Element | None) -> str:
    return normalize_text("".join(el.itertext())).strip() if el is not None else ""


def _content(el: ET.Element | None, default: str) -> str:
    """Text of a title/description/content element by its type: text, HTML (escaped), or
    Atom xhtml (inline elements); `default` is the type when none is given."""
    if el is None:
        return ""
    kind = (el.get("type") or default).lower()
    if kind == "xhtml" or kind.endswith("xhtml+xml"):
        for node in el.iter():
            node.tag = local(node.tag)
        inner = (el.text or "") + "".join(ET.tostring(c, encoding="unicode", method="html") for c in el)
        return html_to_text(inner)
    raw = "".join(el.itertext())
    return html_to_text(raw) if "html" in kind else normalize_text(raw).strip()


def _atom_link(entry: ET.Element) -> str:
    links = [c for c in entry if local(c.tag) == "link" and c.get("href")]
    best = next((c for c in links if (c.get("rel") or "alternate") == "alternate"), links[0] if links else None)
    return (best.get("href") or "").strip() if best is not None else ""


def _rss_link(item: ET.Element) -> str:
    """The first <link> with text (an <atom:link href> in an RSS item is a fallback)."""
    links = [c for c in item if local(c.tag) == "link"]
    return next((t for c in links if (t := _text(c))), None) or \
        next((h.strip() for c in links if (h := c.get("href") or "").strip()), "")


def _rdf_about(item: ET.Element) -> str:
    return next((v for k, v in item.attrib.items() if local(k) == "about"), "").strip()


def _category(el: ET.Element) -> str:
    return normalize_text(el.get("term") or el.get("label") or "".join(el.itertext())).strip()


def _date(value: str) -> str | None:
    """ISO date of an RFC 822 pubDate ('Thu, 07 Mar 2024 09:00:00 +0900') or an ISO/Korean date."""
    if not value:
        return None
    iso = parse_date(value)
    if iso:
        return iso
    parsed = parsedate_tz(value)
    if parsed:
        return parse_date(f"{parsed[0]:04d}-{parsed[1]:02d}-{parsed[2]:02d}")
    return None


def _duplicate(doc: Document, _first: int, n: int) -> PathLoadError:
    return PathLoadError(doc.source, f"{n}번째 항목을 건너뜁니다: 중복된 id {doc.key.split('#', 1)[1]!r} "
                                     f"(item {n}: duplicate id; item skipped)")
