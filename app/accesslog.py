"""The access log of `kg serve` (KG_ACCESS_LOG): one line per request, in the Combined
Log Format that log analysers read (GoAccess, AWStats, `awk`), plus the seconds the
request took, written when its response has been sent.

Waitress logs errors but no traffic; its documentation points to Paste's TransLogger,
which takes the client's address from any X-Forwarded-For a client sends (a forged
log line) and pulls in the whole of Paste. This middleware is as small, and logs the
address the app saw: the peer's, or with KG_TRUSTED_PROXIES the one werkzeug's ProxyFix
took from the proxy (it sits inside this middleware and writes into the same environ).
Off by default: behind a reverse proxy, the proxy's log is usually the one kept.
"""
from __future__ import annotations

import logging
import sys
import time
from logging.handlers import WatchedFileHandler
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import quote

log = logging.getLogger("kg.access")

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
WSGIApp = Callable[[Environ, StartResponse], Iterable[bytes]]


def configure(target: str) -> logging.Logger:
    """The access logger writing to `target` ("-": standard error; else a file, appended,
    and reopened when logrotate moves it away)."""
    handler: logging.Handler = logging.StreamHandler(sys.stderr) if target == "-" else \
        WatchedFileHandler(target, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s"))
    for old in [h for h in log.handlers if getattr(h, "kg_access", False)]:
        log.removeHandler(old)
        old.close()
    handler.kg_access = True  # type: ignore[attr-defined]
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False  # the access lines go to their own place, not the server's messages
    return log


def wrap(app: WSGIApp, target: str) -> WSGIApp:
    """`app` with an access log written to `target` (see configure)."""
    logger = configure(target)

    def logged(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        started = time.time()
        status = ["-"]

        def start(code: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = code.split(None, 1)[0]
            return start_response(code, headers, exc_info) if exc_info else start_response(code, headers)

        try:
            body = app(environ, start)
        except BaseException:  # waitress answers 500 and logs the error; the line says so too
            logger.info(line(environ, "500", 0, started))
            raise
        return _Body(body, lambda sent: logger.info(line(environ, status[0], sent, started)))

    return logged


class _Body:
    """The response body, counted as it is sent; the line is logged when the server closes it."""

    def __init__(self, body: Iterable[bytes], done: Callable[[int], None]) -> None:
        self.body, self.done, self.sent = body, done, 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self.body:
            self.sent += len(chunk)
            yield chunk

    def close(self) -> None:
        try:
            close = getattr(self.body, "close", None)
            if close is not None:
                close()
        finally:
            self.done(self.sent)


def line(environ: Environ, status: str, sent: int, started: float) -> str:
    """'127.0.0.1 - - [07/Dec/2026:17:30:00 +0000] "GET /search?q=%EB%B0%98 HTTP/1.1" 200 5120 "-" "curl/8" 0.042'."""
    raw = (environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")).encode("latin-1", "replace")  # WSGI's bytes
    path = quote(raw, safe="/;:@&=+$,%~!*'()")
    if environ.get("QUERY_STRING"):
        path += "?" + environ["QUERY_STRING"]
    request = f'{environ.get("REQUEST_METHOD", "-")} {path} {environ.get("SERVER_PROTOCOL", "-")}'
    when = time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(started))
    return (f'{environ.get("REMOTE_ADDR") or "-"} - {environ.get("REMOTE_USER") or "-"} [{when}] '
            f'"{_field(request)}" {status} {sent if sent else "-"} "{_field(environ.get("HTTP_REFERER", "-"))}" '
            f'"{_field(environ.get("HTTP_USER_AGENT", "-"))}" {time.time() - started:.3f}')


def _field(value: str) -> str:
    """A quoted field of the line: no quote, backslash or control character can end it or
    start a forged line (Apache escapes them the same way)."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)
