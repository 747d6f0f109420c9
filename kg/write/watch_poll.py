"""Polling watched sources: fetch a feed or a listing page only when it changed, find
the items not ingested yet, and ingest them through the normal pipeline.

- A conditional request (If-None-Match / If-Modified-Since from the last answer); a 304,
  or a body with the same hash as last time, is 'unchanged' and costs nothing more.
- A feed's items are its entries (RSS, Atom); an item is ingested from its link (the full
  release, not the feed's summary), or from the entry itself when it has no link.
- A listing page's items are its links that lead to releases (view/read/detail pages on
  the same site, with a title as link text) and to attached HWP, HWPX, PDF or DOCX files.
- An item that fails to ingest is tried again at the next polls, up to MAX_TRIES times.

`kg watch run --forever` calls `run_due` from an APScheduler job every TICK seconds; the
per-source schedule and back-off live in the watch list (kg/write/watch.py), so sources added
or removed meanwhile (on the command line or the /watch page) are picked up.
"""
from __future__ import annotations

import hashlib
import html.parser
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from ingest.loaders.feed import FeedLoader, feed_root
from ingest.loaders.fetch import ACCEPT, FETCH_TIMEOUT, USER_AGENT, _network_problem, _WebOnlyRedirects
from ingest.loaders.netsafe import PublicOnly
from ingest.loaders.base import PathLoadError
from core.model import Document
from core.errors import KGError
from kg.store.locks import StoreBusy
from kg.write.watch import Fetch, Source, WatchList

TICK = 30            # seconds between looks at the watch list in `--forever`
MAX_TRIES = 3        # an item that fails this often is given up (and listed in the fetch's message)
MAX_ITEMS = 200      # items taken from one fetch of one source (a first poll of a long listing)
ATTACHMENT = re.compile(r"\.(hwpx?|pdf|docx)(?:$|[?#])|(?:file_?down|download|atch_?file)", re.I)
ARTICLE = re.compile(r"(view|read|detail|article|press|release|news|brief|bbs|board|notice|bodo)|[?&]\w*(id|seq|no|idx)=\w",
                     re.I)
NOT_ARTICLE = re.compile(r"[?&](page|pageindex|pageno|cpage|currpage|sort|order)=|/(login|search|sitemap|rss)\b",
                         re.I)


@dataclass
class Answer:
    """A fetched source: status 200 with its body, or 304 (unchanged)."""
    status: int
    body: bytes = b""
    mime: str = ""
    final: str = ""
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Item:
    id: str                       # the feed entry's id or the page's address
    url: str | None = None        # what to fetch and ingest
    doc: Document | None = None   # a feed entry without a link is ingested as it is


def conditional_get(url: str, etag: str | None = None, last_modified: str | None = None, *,
                    max_bytes: int = 50 * 1024 * 1024, timeout: float = FETCH_TIMEOUT,
                    public_only: bool = False) -> Answer:
    """GET `url` with the validators of the last answer (the same safety as `kg ingest URL`:
    http/https only, redirects too, the size limit, Korean-first errors as PathLoadError)."""
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT + ",application/rss+xml,application/atom+xml",
               "Accept-Language": "ko,en;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    pinned = PublicOnly(url).handlers() if public_only else []  # connect to the address checked, redirects too
    opener = urllib.request.build_opener(_WebOnlyRedirects(), *pinned)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as r:
            body = r.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise PathLoadError(url, f"내려받을 파일이 너무 큽니다 (the download is over {max_bytes} bytes)")
            return Answer(200, body, r.headers.get_content_type(), r.geturl(), r.headers.get("ETag"),
                          r.headers.get("Last-Modified"))
    except urllib.error.HTTPError as e:
        e.close()
        if e.code == 304:
            return Answer(304, final=url, etag=e.headers.get("ETag"), last_modified=e.headers.get("Last-Modified"))
        raise PathLoadError(url, f"웹 서버가 {e.code} {e.reason} 오류로 답했습니다 "
                                 f"(the web server answered {e.code} {e.reason})") from None
    except urllib.error.URLError as e:
        raise PathLoadError(url, _network_problem(e.reason)) from None
    except (TimeoutError, OSError, ValueError) as e:
        raise PathLoadError(url, _network_problem(e)) from None


def items_of(answer: Answer) -> list[Item]:
    """The items of a fetched feed or listing page, newest first as the source lists them."""
    if feed_root(answer.body[:4096]) or answer.mime in FeedLoader.MIME_TYPES:
        return list(_feed_items(answer))
    if answer.mime in ("text/html", "application/xhtml+xml") or b"<html" in answer.body[:2048].lower():
        return [Item(u, u) for u in listing_links(_decode(answer.body), answer.final)]
    raise PathLoadError(answer.final, f"RSS·Atom 피드도 HTML 목록 페이지도 아닙니다 ({answer.mime}) "
                                      f"(neither a feed nor an HTML listing page)")


def _feed_items(answer: Answer) -> Iterator[Item]:
    origin = Path("feed")
    for entry in FeedLoader().load(origin, answer.body):
        if isinstance(entry, PathLoadError):
            if entry.problem.startswith("항목이 ") or "번째 항목" in entry.problem:
                continue  # an empty feed has nothing new; a bad entry is left out, the others go on
            raise PathLoadError(answer.final, entry.problem)  # the feed itself is unreadable
        ident = entry.key.split("#", 1)[1]
        href = entry.url or entry.meta.get("url_text")  # a relative link is kept as text by the loader
        link = urljoin(answer.final, href) if href else None
        if link and urlsplit(link).scheme in ("http", "https"):
            yield Item(ident, link)
        else:
            entry.source = entry.key = f"{answer.final}#{ident}"
            yield Item(ident, doc=entry)


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def listing_links(page: str, base: str) -> list[str]:
    """Addresses on a listing page that lead to releases or attached files: links on the
    same site whose address reads like an article view (or a file) and whose text reads
    like a title (navigation, paging and scripts are left out)."""
    parser = _Links()
    parser.feed(page)
    site = _site(base)
    out: list[str] = []
    for href, text in parser.links:
        href = (href or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        url = urldefrag(urljoin(base, href))[0]
        if urlsplit(url).scheme not in ("http", "https") or url == urldefrag(base)[0]:
            continue
        if ATTACHMENT.search(url):
            out.append(url)
        elif _site(url) == site and ARTICLE.search(url) and not NOT_ARTICLE.search(url) and len(text) >= 8:
            out.append(url)
    return list(dict.fromkeys(out))


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _decode(body: bytes) -> str:
    head = body[:2048].decode("ascii", "ignore").lower()
    m = re.search(r"charset=[\"']?([\w-]+)", head)
    for codec in ((m.group(1),) if m else ()) + ("utf-8", "cp949"):
        try:
            return body.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode("utf-8", "replace")


# (addresses, documents[, public_only]) → (documents stored, [(address, reason) of failures])
IngestFn = Callable[..., tuple[int, list[tuple[str, str]]]]


def poll(watch: WatchList, source: Source, ingest: IngestFn, *,
         fetch: Callable[..., Answer] = conditional_get) -> Fetch:
    """Fetch one source if it changed, ingest its new items, record the outcome."""
    now = time.time()
    try:
        answer = (fetch(source.url, source.etag, source.last_modified, public_only=True) if source.public_only
                  else fetch(source.url, source.etag, source.last_modified))
        if answer.status == 304:
            return _done(watch, source, Fetch(now, "unchanged", 0, 0, 0, "변경 없음 (304 not modified)"), answer)
        digest = hashlib.sha256(answer.body).hexdigest()
        items = items_of(answer)
    except PathLoadError as e:
        return _done(watch, source, Fetch(now, "failed", 0, 0, 0, e.problem), None)
    tries = watch.tries(source)
    new = [i for i in watch.unseen(source, (i.id for i in items)) if tries.get(i, 0) < MAX_TRIES][:MAX_ITEMS]
    if not new:
        message = "새 항목 없음 (no new items)" if digest != source.body_hash else "변경 없음 (same content)"
        return _done(watch, source, Fetch(now, "unchanged", 0, 0, 0, message), answer, digest)
    by_id = {i.id: i for i in items}
    chosen = [by_id[i] for i in new]
    try:
        urls, docs = [i.url for i in chosen if i.url], [i.doc for i in chosen if i.doc is not None]
        ingested, failures = ingest(urls, docs, public_only=True) if source.public_only else ingest(urls, docs)
    except StoreBusy as e:  # a `kg ingest` holds the store: try again at the next tick, no failure counted
        return Fetch(now, "busy", len(new), 0, 0, str(e))
    except KGError as e:
        return _done(watch, source, Fetch(now, "failed", len(new), 0, len(new), str(e)), None)
    failed_urls = {path for path, _ in failures}
    ok = [i.id for i in chosen if not (i.url in failed_urls or (i.doc is not None and i.doc.key in failed_urls))]
    watch.mark_seen(source, ok)
    watch.tried(source, [i.id for i in chosen if i.id not in set(ok)])
    message = f"새 항목 {len(new)}건: {len(ok)}건 수집, {len(new) - len(ok)}건 실패 ({len(new)} new, {ingested} stored)"
    if failures:
        message += "; " + "; ".join(f"{p}: {r}" for p, r in failures[:3])
    return _done(watch, source, Fetch(now, "new", len(new), len(ok), len(new) - len(ok), message), answer, digest)


def _done(watch: WatchList, source: Source, fetch: Fetch, answer: Answer | None, digest: str | None = None) -> Fetch:
    watch.record(source, fetch, etag=answer.etag if answer else None,
                 last_modified=answer.last_modified if answer else None, body_hash=digest)
    return fetch


def run_due(watch: WatchList, ingest: IngestFn, *, fetch: Callable[..., Answer] = conditional_get,
            report: Callable[[Source, Fetch], None] | None = None) -> list[tuple[Source, Fetch]]:
    """Poll every source that is due now (its interval passed, or its back-off after a failure)."""
    done = []
    watch.beat()
    for source in watch.due():
        result = poll(watch, source, ingest, fetch=fetch)
        done.append((source, result))
        if report:
            report(source, result)
    return done
