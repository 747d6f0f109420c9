"""The HTTP server of `kg serve`: waitress (pure Python, any OS), bounded.

Werkzeug's development server gave every connection a thread, with no limit and no
header time-out: 250 held connections took it to 3.8 GB (issue 22). Waitress reads
requests on one asynchronous loop and hands only complete requests to a fixed pool of
threads (KG_THREADS), so a held or slow connection costs a socket and a small buffer,
not a thread; connections beyond KG_CONNECTION_LIMIT wait in the listen backlog. Two
deadlines close what would otherwise be held for ever: the headers of a request must
arrive within KG_HEADER_TIMEOUT seconds of its first byte (a slow-loris client that
trickles a byte at a time is closed too; waitress alone only closes a connection that
sends nothing), and a connection that sends nothing for KG_IDLE_TIMEOUT seconds (an
idle keep-alive, a stalled body) is closed.
"""
from __future__ import annotations

import logging
import math
import signal
import sys
import time
from typing import Any

from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import MultiSocketServer, TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher

from app import accesslog
from kg.settings import Settings

log = logging.getLogger("kg.httpd")  # the name it had before app/, so log filters keep working

HEADER_LIMIT = 256 * 1024   # waitress's default: a long SPARQL query still fits a GET
FILES_BESIDES_CONNECTIONS = 256  # the store, the index segments, worker pipes, logs


class _Channel(HTTPChannel):
    """A connection that remembers when the request it is reading began."""

    header_started = 0.0

    def received(self, data: bytes) -> bool:
        if self.request is None and data:
            self.header_started = time.time()  # the clock of waitress's own last_activity
        return super().received(data)


class _Server(TcpWSGIServer):
    """waitress's TCP server with a deadline on the headers of each request."""

    channel_class = _Channel
    header_timeout = 10.0

    def maintenance(self, now: float) -> None:
        super().maintenance(now)  # the idle time-out (channel_timeout)
        cutoff = now - self.header_timeout
        for channel in list(self.active_channels.values()):
            request = channel.request
            if request is not None and not request.headers_finished and channel.header_started < cutoff:
                log.info("closing %s: no complete request headers in %.0f s", channel.addr, self.header_timeout)
                channel.will_close = True


class _AtMostEvery(logging.Filter):
    """Lets one record through per interval: waitress warns "Task queue depth is N" on
    every request that waits for a thread, thousands a minute under load."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds, self.last = seconds, -seconds

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self.last < self.seconds:
            return False
        self.last = now
        return True


# SPARQL queries hold a request thread while they run in a worker process or wait for
# one (kg.sparql_exec); these settings bound both (the SPARQL fairness work of issue 22)
SPARQL_SLOTS = ("query_workers", "query_queue")


def thread_count(settings: Settings) -> int:
    """KG_THREADS for pages, plus one per SPARQL query that may run or wait at once: a
    dozen clients sending slow queries otherwise take every thread, and the search and
    entity pages wait for them (measured: 2.5 s at a 3 s query limit)."""
    return settings.threads + sum(getattr(settings, name, 0) for name in SPARQL_SLOTS)


def adjustments(settings: Settings) -> Adjustments:
    """waitress's settings from ours."""
    return Adjustments(
        host=settings.host, port=settings.port,
        threads=thread_count(settings),
        connection_limit=connection_limit(settings.connection_limit),
        channel_timeout=max(1, math.ceil(settings.idle_timeout)),
        cleanup_interval=1,          # the deadlines are checked every second
        asyncore_use_poll=True,      # select() stops at 1,024 descriptors
        backlog=1024,
        max_request_header_size=HEADER_LIMIT,
        max_request_body_size=(settings.max_upload_mb + 1) * 1024 * 1024,  # the app limits each route further
        # X-Forwarded-* from a client are dropped unless a proxy is trusted, and then
        # werkzeug's ProxyFix (web.deploy) reads the last KG_TRUSTED_PROXIES of them
        clear_untrusted_proxy_headers=settings.trusted_proxies == 0,
        ident="kg",
    )


def make_server(app: Any, settings: Settings) -> Any:
    """A server listening on settings.host:port (each address the name resolves to);
    .run() serves until SIGINT/SIGTERM, .effective_port is the port bound."""
    adj = adjustments(settings)
    if settings.access_log:
        app = accesslog.wrap(app, settings.access_log)
    queue_log = logging.getLogger("waitress.queue")
    if not any(isinstance(f, _AtMostEvery) for f in queue_log.filters):
        queue_log.addFilter(_AtMostEvery(60))
    dispatcher = ThreadedTaskDispatcher()
    dispatcher.set_thread_count(adj.threads)
    sockets: dict[int, Any] = {}
    servers = [_Server(app, sockets, dispatcher=dispatcher, adj=adj, sockinfo=info) for info in adj.listen]
    for s in servers:
        s.header_timeout = settings.header_timeout
    if len(servers) == 1:
        return servers[0]
    return MultiSocketServer(sockets, adj, [(s.effective_host, s.effective_port) for s in servers],
                             dispatcher, servers[-1].log_info)


def run(server: Any) -> None:
    """Serve until SIGINT or SIGTERM, then let the request threads finish and return
    (the SPARQL workers stop at exit)."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # run() catches SystemExit and shuts down
    server.run()


def connection_limit(wanted: int) -> int:
    """KG_CONNECTION_LIMIT, or less where the open-file limit cannot be raised enough:
    each connection is a file descriptor, and a server out of them spins on accept().
    The soft limit (often 1,024) is raised towards the hard one."""
    try:
        import resource  # noqa: PLC0415 (POSIX only)
    except ImportError:
        return wanted
    need = wanted + FILES_BESIDES_CONNECTIONS
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= need:
        return wanted
    new = need if hard == resource.RLIM_INFINITY else min(need, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
    if new >= need:
        return wanted
    got = max(16, new - FILES_BESIDES_CONNECTIONS)
    log.warning("열린 파일 한도(ulimit -n %d) 때문에 연결을 %d개까지만 받습니다 (the open-file limit %d allows "
                "%d connections, not KG_CONNECTION_LIMIT=%d; raise it with ulimit -n)", new, got, new, got, wanted)
    return got
