"""`kg serve` as a public service: a real server process on loopback (waitress, not
Werkzeug's development server) that held and slow connections cannot take down, that
never sends the request's Host back, and that can sit behind a reverse proxy."""
from __future__ import annotations

import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tests.kgserve import serve

from core.errors import SettingsError
from kg.settings import Settings
from web import create_app

ROOT = Path(__file__).resolve().parents[2]
HEADER_TIMEOUT = 2
IDLE_TIMEOUT = 3


class Server:
    def __init__(self, proc: subprocess.Popen, port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log
        self.url = f"http://127.0.0.1:{port}"

    def status(self, key: str) -> int:
        """A number from the server process's /proc status (Linux)."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        raise AssertionError(f"no {key}")

    def rss_mb(self) -> float:
        return self.status("VmRSS") / 1024

    def raw(self, request: bytes, timeout: float = 10) -> bytes:
        """Send bytes as they are (a forged Host included); the whole answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(request)
            return self.read_all(s)

    @staticmethod
    def read_all(s: socket.socket) -> bytes:
        out = b""
        while chunk := s.recv(65536):
            out += chunk
        return out


@pytest.fixture(scope="module")
def server(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    logs = tmp_path_factory.mktemp("serve")
    env = {"KG_BASE_IRI": settings.base_iri, "KG_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
           "KG_IDLE_TIMEOUT": str(IDLE_TIMEOUT), "KG_THREADS": "4", "PYTHONPATH": str(ROOT),
           "KG_ACCESS_LOG": str(logs / "access.log")}
    with serve(settings.data_dir, logs, env) as served:
        yield Server(served.proc, served.port, served.log)


def test_a_production_server_answers(server: Server) -> None:
    with urllib.request.urlopen(server.url + "/api/stats", timeout=10) as r:
        assert r.status == 200
        assert "werkzeug" not in r.headers.get("Server", "").lower()
    assert "development server" not in server.log.read_text(errors="replace").lower()


def _access_lines(server: Server, marker: str) -> list[str]:
    """The access log's lines that name `marker` (a line is written once its answer is sent)."""
    log = server.log.parent / "access.log"
    for _ in range(50):
        found = [ln for ln in log.read_text(encoding="utf-8").splitlines() if marker in ln] if log.exists() else []
        if found:
            return found
        time.sleep(0.1)
    return []


def test_the_access_log_has_a_line_per_request_with_the_real_client(server: Server) -> None:
    """KG_ACCESS_LOG: Combined Log Format and the seconds taken; the address is the peer's
    (no proxy is trusted, so a client's X-Forwarded-For is not believed), and a quote in a
    header cannot forge a field or a line."""
    answer = server.raw(b"GET /search.json?q=%EB%B0%98%EB%8F%84%EC%B2%B4&n=access1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        b"X-Forwarded-For: 203.0.113.9\r\nReferer: http://example.org/a\r\n"
                        b'User-Agent: probe" 200 1 "-" "x\r\nConnection: close\r\n\r\n')
    assert answer.startswith(b"HTTP/1.1 200")
    body = len(answer.split(b"\r\n\r\n", 1)[1])
    (line,) = _access_lines(server, "n=access1")
    m = re.fullmatch(r'(\S+) - - \[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d \+0000)\] "([^"]*)" (\d{3}) (\d+|-) '
                     r'"((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)" (\d+\.\d{3})', line)
    assert m, line
    assert m.group(1) == "127.0.0.1" and "203.0.113.9" not in line
    assert m.group(3) == "GET /search.json?q=%EB%B0%98%EB%8F%84%EC%B2%B4&n=access1 HTTP/1.1"
    assert (m.group(4), int(m.group(5))) == ("200", body) and m.group(6) == "http://example.org/a"
    assert m.group(7) == 'probe\\" 200 1 \\"-\\" \\"x'
    assert server.raw(b"GET /no/such/page?n=access2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                      ).startswith(b"HTTP/1.1 404")
    (missing,) = _access_lines(server, "n=access2")
    assert '"GET /no/such/page?n=access2 HTTP/1.1" 404 ' in missing


def test_no_access_log_unless_asked(settings: Settings, tmp_path: Path) -> None:
    from app.httpd import make_server  # noqa: PLC0415

    from werkzeug.test import EnvironBuilder  # noqa: PLC0415

    app = create_app(settings, query_workers=0)
    log, access = tmp_path / "a.log", logging.getLogger("kg.access")
    try:
        for target in ("", str(log)):
            server = make_server(app, settings.with_(port=0, access_log=target))
            try:
                environ = EnvironBuilder("/api/stats", headers={"Host": "127.0.0.1"},
                                         environ_base={"REMOTE_ADDR": "127.0.0.1"}).get_environ()
                body = server.application(environ, lambda status, headers, exc_info=None: None)
                b"".join(body)
                body.close()
            finally:
                server.close()
            lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
            assert len(lines) == (1 if target else 0) and all('"GET /api/stats HTTP/1.1" 200 ' in ln for ln in lines)
            assert any(getattr(h, "kg_access", False) for h in access.handlers) is bool(target)
    finally:
        app.extensions["kg"].close()
        for h in list(access.handlers):
            access.removeHandler(h)
            h.close()
    with pytest.raises(SettingsError, match="KG_ACCESS_LOG"):
        Settings.from_env({"KG_ACCESS_LOG": str(tmp_path / "no" / "such" / "a.log")})
    assert Settings.from_env({"KG_ACCESS_LOG": "off"}).access_log == ""


def _held(server: Server, n: int) -> list[socket.socket]:
    """n connections that each send the start of a request and then wait."""
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
        s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append(s)
    return socks


def _settled_rss(server: Server) -> float:
    """The memory once the start-up warm-up has filled its caches (it runs in the
    background after the first answer): the pages it fills, then a steady reading."""
    for path in ("/", "/search?q=%EC%A0%95%EC%B1%85", "/entities"):
        urllib.request.urlopen(server.url + path, timeout=30).close()
    last = server.rss_mb()
    for _ in range(30):
        time.sleep(0.5)
        now = server.rss_mb()
        if abs(now - last) < 2:
            return now
        last = now
    return last


def test_held_connections_do_not_shut_out_other_clients(server: Server) -> None:
    """300 connections holding a half-sent request take no thread each: another client
    is answered at once, and the server's memory barely moves; released together, the
    300 requests are all answered, a few threads at a time."""
    before = _settled_rss(server)
    threads = server.status("Threads")
    socks = _held(server, 300)
    try:
        time.sleep(0.5)
        assert server.status("Threads") <= threads + 2
        with urllib.request.urlopen(server.url + "/api/stats", timeout=5) as r:  # not after a time-out
            assert r.status == 200
        assert server.rss_mb() - before < 50
        for s in socks:
            s.sendall(b"Connection: close\r\n\r\n")
        answers = [Server.read_all(s) for s in socks]
        assert all(a.startswith(b"HTTP/1.1 200") for a in answers)
        assert server.rss_mb() - before < 100
    finally:
        for s in socks:
            s.close()


def _closed_within(s: socket.socket, seconds: float, trickle: bytes = b"") -> bool:
    """Whether the server closes s within `seconds`, sending `trickle` every 0.5 s."""
    s.settimeout(0.5)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if trickle:
                s.sendall(trickle)
            data = s.recv(4096)
        except TimeoutError:
            continue
        except (ConnectionResetError, BrokenPipeError):
            return True
        if data == b"" or data.startswith(b"HTTP/1.1 4"):
            return True
    return False


def test_slow_headers_and_idle_connections_are_closed(server: Server) -> None:
    """A client trickling header lines is closed once the header time-out has passed
    since its first byte (activity does not extend it); a silent one after the idle
    time-out."""
    slow = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    try:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        started = time.monotonic()
        assert _closed_within(slow, HEADER_TIMEOUT + 4, trickle=b"X-Slow: 1\r\n")
        assert time.monotonic() - started >= HEADER_TIMEOUT - 0.5  # not refused at once
        assert _closed_within(idle, IDLE_TIMEOUT + 3)
    finally:
        slow.close()
        idle.close()


def test_a_forged_host_is_not_sent_back(server: Server, settings: Settings) -> None:
    """A redirect and the SPARQL service description name the configured base, never
    the Host the client sent."""
    redirect = server.raw(b"GET /api//stats HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
    head = redirect.split(b"\r\n\r\n")[0].decode("latin-1")
    assert head.startswith("HTTP/1.1 308") and "Location: /api/stats" in head
    assert b"evil.example" not in redirect  # nor in the page that comes with it
    sd = server.raw(b"GET /sparql HTTP/1.1\r\nHost: evil.example\r\nAccept: text/turtle\r\n"
                    b"X-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n").decode("utf-8")
    assert sd.startswith("HTTP/1.1 200") and "evil.example" not in sd
    assert f"<{settings.base_iri}sparql>" in sd


def test_trusted_hosts(settings: Settings) -> None:
    app = create_app(settings.with_(trusted_hosts="kg.example.org,.example.net"), query_workers=0)
    try:
        c = app.test_client()
        assert c.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400
        for host in ("kg.example.org", "www.example.net", "localhost", "kg.test"):  # kg.test: KG_BASE_IRI's
            assert c.get("/api/stats", headers={"Host": host}).status_code == 200, host
    finally:
        app.extensions["kg"].close()


@pytest.mark.parametrize("proxies, prefixed", [(0, False), (1, True)])
def test_behind_a_proxy_links_carry_its_prefix(settings: Settings, proxies: int, prefixed: bool) -> None:
    """Behind a trusted proxy that serves the site under /kg, the pages link under /kg;
    without one, the same header from a client changes nothing."""
    app = create_app(settings.with_(trusted_proxies=proxies), query_workers=0)
    try:
        html = app.test_client().get("/", headers={"X-Forwarded-Prefix": "/kg"}).get_data(as_text=True)
        assert ('href="/kg/search' in html) is prefixed
    finally:
        app.extensions["kg"].close()


def test_a_taken_port_is_a_clear_error(settings: Settings) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        p = subprocess.run([sys.executable, "-m", "kg", "serve", "--port", str(port), "--data-dir", str(settings.data_dir)],
                           cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "KG_BASE_IRI": settings.base_iri},
                           capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert f"127.0.0.1:{port}에서 연결을 받을 수 없습니다" in p.stderr and "Traceback" not in p.stderr


def test_the_connection_limit_fits_the_open_file_limit(caplog: pytest.LogCaptureFixture) -> None:
    """A limit the process cannot open that many files for is lowered, with a warning,
    rather than left to fail on accept()."""
    resource = pytest.importorskip("resource")
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        pytest.skip("no hard limit on open files")
    from app.httpd import connection_limit  # noqa: PLC0415

    assert connection_limit(100) == 100
    wanted = hard * 2
    with caplog.at_level("WARNING", logger="kg.httpd"):
        got = connection_limit(wanted)
    assert got < wanted and got <= hard
    assert "KG_CONNECTION_LIMIT" in caplog.text
