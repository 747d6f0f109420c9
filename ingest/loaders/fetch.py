"""Documents from web addresses: `kg ingest https://…` fetches a press release, an article,
an attached PDF, HWP or HWPX file, or a feed, and hands it to the loader that its content
type or file name calls for, as if it were a file.

The fetched bytes go through `load_path` unchanged, so every format, size limit and error
message of the file loaders applies. Only http and https are fetched (redirects too); the
body is read up to the size limit (a larger Content-Length is refused before reading);
each failure is one LoadError naming the address, Korean first. A Document keeps the
address as its source, key and link: fetching the same page again finds it unchanged, or
replaces it when the page changed.
"""
from __future__ import annotations

import email.message
import http.client
import re
import socket
import tempfile
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlsplit

from ingest.loaders.base import LoadResult, PathLoadError
from ingest.loaders.netsafe import PublicOnly
from ingest.loaders.registry import LOADERS, load_path
from core.model import Document

FETCH_TIMEOUT = 30.0  # seconds per connection attempt and read
USER_AGENT = "korean-policy-kg/1 (knowledge graph of Korean policy documents)"
ACCEPT = "text/html,application/xhtml+xml,application/pdf,application/xml;q=0.9,*/*;q=0.8"
_UNSAFE = re.compile(r"[^\w.\-가-힣]+")


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def load_url(url: str, max_bytes: int | None = None, timeout: float = FETCH_TIMEOUT, *,
             public_only: bool = False) -> Iterator[LoadResult]:
    """Fetch `url` and load it: Documents and LoadErrors as `load_path` yields them, with
    the address instead of the temporary file everywhere. `public_only` refuses an
    address (or a redirect) that points to this machine or a private network, and
    connects to the very address it checked: a web server that fetches what its visitors
    name must not be a door into the intranet."""
    try:
        data, mime, final, filename = _fetch(url, max_bytes, timeout, public_only)
    except PathLoadError as e:
        yield e
        return
    with tempfile.TemporaryDirectory(prefix="kg-fetch-") as tmp:
        path = Path(tmp) / _file_name(filename or unquote(urlsplit(final).path.rsplit("/", 1)[-1]), mime)
        path.write_bytes(data)
        for item in load_path(path, max_bytes, mime_type=mime):
            yield _at_url(item, str(path), url, final)


def _at_url(item: LoadResult, path: str, url: str, final: str) -> LoadResult:
    if isinstance(item, PathLoadError):
        return PathLoadError(url, item.problem, item.line)
    if isinstance(item, Document):
        item.source = url
        item.key = url + item.key[len(path):] if item.key.startswith(path) else item.key
        item.url = item.url or final
        if item.title.startswith(path):
            item.title = url
    return item


def _fetch(url: str, max_bytes: int | None, timeout: float,
           public_only: bool = False) -> tuple[bytes, str, str, str | None]:
    """(body, content type, final address after redirects, the file name the server gave)."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                                   "Accept-Language": "ko,en;q=0.5"})
    pinned = PublicOnly(url).handlers() if public_only else []
    opener = urllib.request.build_opener(_WebOnlyRedirects(), *pinned)
    try:
        with opener.open(request, timeout=timeout) as r:
            length = r.headers.get("Content-Length", "")
            if max_bytes is not None and length.isdigit() and int(length) > max_bytes:
                raise PathLoadError(url, f"내려받을 파일이 너무 큽니다: {_mb(int(length))}, 한도 {_mb(max_bytes)} "
                                         f"(the download is too large: {_mb(int(length))}; the limit is {_mb(max_bytes)})")
            data = r.read(max_bytes + 1 if max_bytes is not None else -1)
            mime, final = r.headers.get_content_type(), r.geturl()
            filename = _disposition_name(r.headers.get("Content-Disposition", ""))
    except urllib.error.HTTPError as e:
        e.close()
        raise PathLoadError(url, f"웹 서버가 {e.code} {e.reason} 오류로 답했습니다. 주소가 맞는지, 로그인이 필요한 "
                                 f"페이지가 아닌지 확인하세요 (the web server answered {e.code} {e.reason})") from None
    except urllib.error.URLError as e:
        raise PathLoadError(url, _network_problem(e.reason)) from None
    except (TimeoutError, socket.timeout):
        raise PathLoadError(url, f"웹 서버가 {timeout:g}초 안에 답하지 않았습니다 "
                                 f"(the web server did not answer within {timeout:g} s)") from None
    except (http.client.HTTPException, OSError, ValueError) as e:
        raise PathLoadError(url, f"내려받지 못했습니다 (download failed: {type(e).__name__}: {e})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise PathLoadError(url, f"내려받을 파일이 너무 큽니다: 한도 {_mb(max_bytes)} 초과 "
                                 f"(the download is too large: over {_mb(max_bytes)}, the limit)")
    return data, mime, final, filename


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https addresses only (never file: or ftp:). With
    `public_only` each hop's connection is checked and pinned (ingest.loaders.netsafe)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 (urllib's signature)
        if not is_url(newurl):
            raise urllib.error.HTTPError(newurl, code, f"redirect to a non-web address refused: {newurl}",
                                         headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _network_problem(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return f"주소의 서버를 찾을 수 없습니다. 주소와 인터넷 연결을 확인하세요 (host not found: {reason})"
    if isinstance(reason, ConnectionRefusedError):
        return "웹 서버가 연결을 거부했습니다 (connection refused)"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return "웹 서버가 제때 답하지 않았습니다 (the web server did not answer in time)"
    return f"웹 서버에 연결하지 못했습니다 (cannot reach the web server: {reason})"


def _disposition_name(header: str) -> str | None:
    """The file name of a Content-Disposition header (RFC 6266, filename* included)."""
    if not header:
        return None
    msg = email.message.Message()
    msg["Content-Disposition"] = header
    name = msg.get_filename()
    return unquote(name) if name else None


def _file_name(name: str, mime: str) -> str:
    """A safe local name that keeps the server's extension, or one that fits the content
    type when the name has none a loader knows ('view.do' served as text/html → view.html)."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = _UNSAFE.sub("_", stem).strip("._-")[:80] or "download"
    ext = _UNSAFE.sub("", ext)[:12].lower()
    known = {e.lstrip(".").lower() for loader in LOADERS for e in loader.EXTENSIONS}
    if ext not in known:
        ext = next((loader.EXTENSIONS[0].lstrip(".") for loader in LOADERS if mime in loader.MIME_TYPES), ext)
    return f"{stem}.{ext}" if ext else stem


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
