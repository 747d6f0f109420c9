"""Hostile input: each is answered with a 4xx and the server stays up.

Very long queries, deeply nested ones (Oxigraph's parser overflows its stack on a few
thousand nested braces: the text check refuses them, and a query that still kills a
worker kills only that worker), invalid UTF-8, huge headers, path traversal and NUL
bytes. Most go through the Flask test client; the ones a test client would tidy up
(raw bytes, raw paths, oversized request lines) go over a real socket to a live
werkzeug server on loopback."""
from __future__ import annotations

import socket
import threading
import time
from typing import Iterator

import pytest
from werkzeug.serving import make_server

import kg.read.sparql_exec
from core.errors import QueryError

ASK = "ASK { ?s ?p ?o }"


def still_up(client) -> None:
    r = client.get("/sparql", query_string={"query": ASK})
    assert r.status_code == 200 and r.get_json(force=True)["boolean"] is True


@pytest.fixture(scope="module")
def live(app) -> Iterator[tuple[str, int]]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield "127.0.0.1", server.server_port
    server.shutdown()
    t.join(5)


def raw(live: tuple[str, int], request: bytes, timeout: float = 20) -> tuple[int, bytes]:
    """Send raw bytes; (status, body) of the answer (0 if the server just closed)."""
    with socket.create_connection(live, timeout=timeout) as s:
        try:
            s.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while chunk := s.recv(65536):
                data += chunk
                head, sep, body = data.partition(b"\r\n\r\n")
                length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), None)
                if sep and length is not None and len(body) >= length:
                    break  # a complete answer (the server may keep reading what we sent)
        except (ConnectionResetError, TimeoutError):
            pass
    if not data.startswith(b"HTTP/"):
        return 0, data
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def raw_get(live, target: bytes, headers: bytes = b"") -> tuple[int, bytes]:
    return raw(live, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + headers + b"\r\n")


def live_up(live) -> None:
    status, body = raw_get(live, b"/sparql?query=ASK%7B%7D")
    assert status == 200 and b'"boolean"' in body


# -- size -----------------------------------------------------------------------------------
@pytest.mark.parametrize("size", [100_001, 1_000_000])
def test_long_queries_are_413(client, size: int) -> None:
    q = "SELECT * WHERE { ?s ?p ?o } #" + "x" * size
    assert client.get("/sparql", query_string={"query": q}).status_code == 413
    assert client.post("/sparql", data={"query": q}).status_code == 413
    r = client.post("/sparql", data=q.encode(), content_type="application/sparql-query")
    assert r.status_code == 413 and "너무 깁니다" in r.get_data(as_text=True)
    assert client.get("/query", query_string={"query": q}).status_code == 413
    still_up(client)


def test_bodies_over_the_endpoint_limit_are_413(app, client) -> None:
    """/sparql reads at most 1 MB, whatever MAX_CONTENT_LENGTH allows other routes."""
    from web.sparql import MAX_BODY_BYTES

    assert app.config["MAX_CONTENT_LENGTH"] is not None                 # the app has a limit too
    for kw in ({"data": b"#" * (MAX_BODY_BYTES + 1), "content_type": "application/sparql-query"},
               {"data": b"query=" + b"x" * MAX_BODY_BYTES, "content_type": "application/x-www-form-urlencoded"}):
        r = client.post("/sparql", **kw)
        assert r.status_code == 413
    still_up(client)


def test_the_longest_allowed_query_fits_in_any_encoding(client) -> None:
    """99 000 Hangul syllables: 900 kB form-encoded, under both limits."""
    q = "ASK { ?s ?p ?o } #" + "가" * 99_000
    assert client.post("/sparql", data={"query": q}).status_code == 200
    assert client.post("/sparql", data=q.encode(), content_type="application/sparql-query").status_code == 200
    assert client.get("/sparql", query_string={"query": q}).status_code == 200


def test_long_request_line_on_a_live_server(live) -> None:
    status, _ = raw_get(live, b"/sparql?query=" + b"%20" * 400_000)        # 1.2 MB request line
    assert 400 <= status < 500 or status == 0
    live_up(live)


def test_huge_body_on_a_live_server(live) -> None:
    body = b"query=" + b"x" * (5 * 1024 * 1024)
    status, _ = raw(live, b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          b"Content-Type: application/x-www-form-urlencoded\r\n"
                          b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    assert status == 413 or status == 0
    live_up(live)


# -- nesting --------------------------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000,
    "SELECT * WHERE { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }",
    "SELECT * WHERE { BIND(" + "STR(" * 3000 + "1" + ")" * 3000 + " AS ?x) }",
    "SELECT * WHERE { " + "OPTIONAL { ?s ?p ?o " * 2000 + "}" * 2000 + " }",
    "SELECT * WHERE { ?s <http://p> " + "[ <http://p> " * 5000 + "1" + "]" * 5000 + " }",
    "SELECT * WHERE " + "{" * 30_000,                                           # never closed
])
def test_deeply_nested_queries_are_400(client, query: str) -> None:
    t = time.monotonic()
    r = client.post("/sparql", data={"query": query})
    assert r.status_code == 400 and "nested too deeply" in r.get_data(as_text=True)
    assert time.monotonic() - t < 2
    still_up(client)


def test_moderate_nesting_still_works(client) -> None:
    q = "SELECT * WHERE " + "{" * 200 + "?s ?p ?o" + "}" * 200 + " LIMIT 1"
    assert client.get("/sparql", query_string={"query": q}).status_code == 200


def test_long_flat_queries_do_not_crash_the_worker(client) -> None:
    """2 900 BINDs in a row (50 kB, no nesting) overflow an 8 MB stack in Oxigraph;
    the workers run queries on a larger one, so this is an ordinary query."""
    binds = " ".join(f"BIND({i} AS ?x{i})" for i in range(2900))
    t = time.monotonic()
    r = client.post("/sparql", data={"query": f"SELECT ?x2899 WHERE {{ {binds} }}"})
    assert r.status_code == 200, r.get_data(as_text=True)
    assert r.get_json(force=True)["results"]["bindings"] == [{"x2899": {
        "type": "literal", "value": "2899", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
    assert time.monotonic() - t < 8
    still_up(client)


def test_a_query_that_kills_a_worker_costs_only_that_worker(app, client, monkeypatch) -> None:
    """With the text check out of the way, a parser stack overflow kills the worker
    process: the caller gets a 400 with a message, the worker is replaced."""
    runner = app.extensions["kg"].runner
    monkeypatch.setattr(kg.read.sparql_exec, "check_read_only", lambda q: None)
    before, replaced = runner.pids, runner.replaced
    deep = "SELECT * WHERE " + "{" * 400_000 + "?s ?p ?o" + "}" * 400_000
    with pytest.raises(QueryError, match="worker process died"):
        runner.run(deep, timeout=30, max_rows=10)
    assert runner.replaced == replaced + 1 and set(runner.pids).isdisjoint(before)
    assert runner.run(ASK, timeout=30, max_rows=10).boolean is True
    monkeypatch.undo()
    still_up(client)


# -- encodings ------------------------------------------------------------------------------
def test_invalid_utf8(client) -> None:
    r = client.post("/sparql", data=b"SELECT * WHERE { ?s ?p \xff\xfe }", content_type="application/sparql-query")
    assert r.status_code == 400 and "UTF-8" in r.get_data(as_text=True)
    r = client.post("/sparql", data=b"query=SELECT%20*%20WHERE%20%7B%20%FF%FE%20%7D",
                    content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400
    r = client.get("/sparql?query=SELECT%20*%20WHERE%20%7B%20%FF%C0%80%20%7D")
    assert r.status_code == 400
    r = client.post("/sparql", data=b"ASK {}", content_type="application/sparql-query; charset=klingon")
    assert r.status_code == 400
    still_up(client)


def test_invalid_utf8_on_a_live_server(live) -> None:
    for target in (b"/sparql?query=ASK%7B%FF%7D", b"/sparql?query=ASK{\xff\xfe}", b"/id/gov/\xff\xfe",
                   b"/id/gov/%C0%AF.ttl", b"/api/entity?iri=http://kg.test/id/gov/%ED%A0%80"):
        status, _ = raw_get(live, target)
        assert 400 <= status < 500, (target, status)
    status, _ = raw_get(live, b"/search?q=%ED%A0%80")                 # read as U+FFFD: no hits, no error
    assert status == 200
    status, _ = raw(live, b"POST /sparql HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          b"Content-Type: application/sparql-query\r\nContent-Length: 9\r\n\r\nASK {\xff}\x00\x00")
    assert status == 400
    live_up(live)


# -- headers --------------------------------------------------------------------------------
@pytest.mark.parametrize("accept", [
    "text/html;q=0.5, " * 2000,
    ", ".join(f"application/x-{i};q=0.{i % 9 + 1}" for i in range(3000)),
    "text/turtle;" + "a=b;" * 5000,
])
def test_huge_accept_headers_are_431(client, accept: str) -> None:
    for path in ("/sparql?query=ASK%7B%7D", "/id/gov/산업통상자원부", "/api/stats", "/"):
        assert client.get(path, headers={"Accept": accept}).status_code == 431
    still_up(client)


def test_huge_headers_on_a_live_server(live) -> None:
    for headers in (b"Accept: " + b"text/html, " * 10_000 + b"\r\n",              # one 110 kB line
                    b"".join(b"X-H%d: v\r\n" % i for i in range(500)),              # too many lines
                    b"Accept: " + b"a/b;q=0.1, " * 300 + b"\r\n"):                 # just over our limit
        status, _ = raw_get(live, b"/sparql?query=ASK%7B%7D", headers)
        assert 400 <= status < 500 or status == 0
    live_up(live)


# -- paths ----------------------------------------------------------------------------------
TRAVERSALS = [
    "/id/../../etc/passwd", "/id/%2e%2e/%2e%2e/etc/passwd", "/id/doc/..%2f..%2fetc%2fpasswd",
    "/id/gov/..%2f..%2f..%2fetc%2fpasswd", "/id/gov/../../../etc/passwd.ttl", "/id/doc/%2e%2e.ttl",
    "/id/gov/%00", "/id/gov/a%00b.ttl", "/id/doc/%00", "/id/doc/abc%00.jsonld", "/id/%00/x",
    "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2fetc%2fpasswd",
    "/vendor/..%2f..%2fetc%2fpasswd", "/id/gov/%2e%2e%2f%2e%2e%2fetc%2fpasswd.json",
    "/api/document?iri=file:///etc/passwd", "/api/entity?iri=http://kg.test/id/gov/..%2F..%2Fetc%2Fpasswd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_and_nul(client, path: str) -> None:
    for accept in ("*/*", "text/turtle", "application/json"):
        r = client.get(path, headers={"Accept": accept})
        body = r.get_data()
        assert 400 <= r.status_code < 500, (path, accept, r.status_code)
        assert b"root:" not in body and b"Traceback" not in body
    still_up(client)


def test_path_traversal_on_a_live_server(live) -> None:
    """Raw request targets, exactly as sent (a test client may normalise them)."""
    for target in [t.encode() for t in TRAVERSALS] + [b"/id/gov/\x00", b"//etc/passwd", b"/id/./../etc/passwd",
                                                       "/id/gov/산업통상자원부/../../../etc/passwd".encode()]:
        status, body = raw_get(live, target)
        assert 400 <= status < 500, (target, status)
        assert b"root:" not in body
    live_up(live)


def test_garbage_requests_on_a_live_server(live) -> None:
    for request in (b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                    b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
                    b"POST /sparql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                    b"Content-Type: application/sparql-query\r\n\r\nzz\r\n"):
        status, _ = raw(live, request, timeout=5)
        assert status == 0 or 400 <= status < 500, (request, status)
    live_up(live)
