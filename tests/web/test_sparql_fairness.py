"""Fair SPARQL under load, over real HTTP on loopback with the real worker processes.

Clients are told apart by address: each test client binds its own loopback address
(127.0.0.x), so the server sees different peers as it would behind no proxy. The time
limit is small (1-2 s) so each test takes a few seconds."""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import Literal, URIRef
from werkzeug.serving import make_server

from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from web import create_app

EX = "http://example.org/"
QUICK = "ASK { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # 300^4 rows


def _loopback_aliases() -> bool:
    try:
        with socket.socket() as s:
            s.bind(("127.0.0.2", 0))
        return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not _loopback_aliases(), reason="needs 127.0.0.x loopback addresses (Linux)")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("data")
    kg = KnowledgeGraph(Settings(data_dir=d))
    kg.store.put_graph(EX + "g", [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i)) for i in range(300)])
    kg.publish()
    kg.close()
    return d


class Server:
    def __init__(self, data: Path, **settings: object) -> None:
        self.app = create_app(Settings(data_dir=data, **settings))  # type: ignore[arg-type]
        self.http = make_server("127.0.0.1", 0, self.app, threaded=True)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.port = self.http.server_port

    def get(self, path: str, source: str, query: str, accept: str = "application/sparql-results+json",
            ) -> tuple[int, dict[str, str], str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60, source_address=(source, 0))
        try:
            conn.request("GET", path + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read().decode("utf-8")
        finally:
            conn.close()

    def sparql(self, source: str, query: str) -> tuple[int, dict[str, str], str]:
        return self.get("/sparql", source, query)

    def close(self) -> None:
        self.http.shutdown()
        self.app.extensions["kg"].close()


@pytest.fixture()
def server(data: Path, request: pytest.FixtureRequest) -> Iterator[Server]:
    s = Server(data, **getattr(request, "param", {}))
    try:
        warm = [threading.Thread(target=s.sparql, args=(f"127.0.0.{200 + i}", QUICK)) for i in range(2)]
        for t in warm:  # every worker has started
            t.start()
        for t in warm:
            t.join(60)
        yield s
    finally:
        s.close()


def in_threads(fn, args_list: list[tuple]) -> tuple[list[threading.Thread], list]:  # noqa: ANN001
    results: list = [None] * len(args_list)

    def run(i: int, args: tuple) -> None:
        results[i] = fn(*args)

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(args_list)]
    for t in threads:
        t.start()
    return threads, results


@pytest.mark.parametrize("server", [{"query_timeout": 1.0, "query_workers": 2, "query_client_share": 4}],
                         indirect=True)
def test_one_client_with_many_slow_queries_leaves_a_worker_for_the_others(server: Server) -> None:
    threads, slow = in_threads(server.sparql, [("127.0.0.2", SLOW)] * 4)
    time.sleep(0.3)  # the four are in: one runs, three wait
    status, headers, body = server.sparql("127.0.0.2", SLOW)  # a fifth is over this client's share
    assert status == 503 and headers["retry-after"] == "1"
    assert body.splitlines()[2].startswith("이 주소에서 보낸 질의 4개가 이미 실행 중이거나 대기 중입니다")
    quick = [server.sparql("127.0.0.3", QUICK) for _ in range(4)]  # another client, meanwhile
    for t in threads:
        t.join(60)
    assert [(s, json.loads(b)["boolean"]) for s, _h, b in quick] == [(200, True)] * 4
    assert all(s == 503 for s, _h, _b in slow), [b for _s, _h, b in slow]  # stopped, never a wrong answer


@pytest.mark.parametrize("server", [{"query_timeout": 1.0, "query_workers": 2}], indirect=True)
def test_four_clients_sending_slow_queries_do_not_starve_a_fifth(server: Server) -> None:
    stop = threading.Event()
    slow: list[int] = []

    def flood(source: str) -> None:
        while not stop.is_set():
            slow.append(server.sparql(source, SLOW)[0])

    floods = [threading.Thread(target=flood, args=(f"127.0.0.{10 + i}",)) for i in range(4)]
    for t in floods:
        t.start()
    try:
        time.sleep(1.5)  # each flooder has had its turn at the workers
        quick = [server.sparql("127.0.0.20", QUICK)[0] for _ in range(3)]
    finally:
        stop.set()
        for t in floods:
            t.join(60)
    assert quick == [200] * 3
    assert slow and set(slow) == {503}


@pytest.mark.parametrize("server", [{"query_timeout": 1.0, "query_workers": 1, "query_queue": 1}], indirect=True)
def test_a_full_queue_answers_503_with_retry_after_at_once(server: Server) -> None:
    threads, _ = in_threads(server.sparql, [("127.0.0.2", SLOW), ("127.0.0.3", SLOW)])
    time.sleep(0.3)  # one runs, one waits: the queue is full
    try:
        t = time.monotonic()
        status, headers, body = server.sparql("127.0.0.4", QUICK)
        waited = time.monotonic() - t
        assert status == 503 and headers["retry-after"] == "1" and waited < 0.9
        assert "질의 대기열이 가득 찼습니다" in body and "(the query queue is full; retry in 1 s)" in body
        # the query page says so too, in its JSON twin and with the header
        status, headers, body = server.get("/query.json", "127.0.0.5", QUICK, accept="application/json")
        assert status == 503 and headers["retry-after"] == "1"
        assert json.loads(body)["message"].startswith("질의 대기열이 가득 찼습니다")
    finally:
        for th in threads:
            th.join(60)
    assert server.sparql("127.0.0.4", QUICK)[0] == 200  # and once they are done, it answers


def _replace_chain(depth: int) -> str:
    e = '"aaaa"'
    for _ in range(depth):
        e = f'REPLACE({e}, "a", "{"a" * 64}")'
    return f"SELECT (STRLEN({e}) AS ?n) WHERE {{}}"


def _concat_chain(depth: int) -> str:
    binds = " ".join(f"BIND(CONCAT(?v{i}, ?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(depth))
    return f'SELECT (STRLEN(?v{depth}) AS ?n) WHERE {{ BIND("{"a" * 100}" AS ?v0) {binds} }}'


@pytest.mark.parametrize("server", [{"query_timeout": 10.0, "query_workers": 1, "query_memory_mb": 256}],
                         indirect=True)
@pytest.mark.parametrize("query", [_replace_chain(6), _concat_chain(20)], ids=["replace", "concat"])
def test_a_query_that_grows_a_huge_string_is_stopped_and_the_server_goes_on(server: Server, query: str) -> None:
    assert len(query) < 1200  # a small query asking for gigabytes
    status, _h, body = server.sparql("127.0.0.2", query)
    assert status == 503
    message = body.splitlines()[2]
    assert message.startswith("질의가 메모리 한도 256 MB를 넘어 중단됐습니다")
    assert message.endswith("(the query used more than the memory limit of 256 MB and was stopped)")
    status, _h, body = server.sparql("127.0.0.2", QUICK)  # the worker was replaced
    assert status == 200 and json.loads(body)["boolean"] is True
    assert server.app.extensions["kg"].runner.replaced >= 1
