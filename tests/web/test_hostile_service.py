"""SERVICE, FROM <url> and FROM <file:…> never reach the network or the file system.

Oxigraph really does call SERVICE endpoints over HTTP, and its parser reads keywords
glued to other tokens (`SERVICEex:x`, `1SERVICE<…>`), so the text check of
kg.sparql_text is tested against Oxigraph itself: any query the check lets through
must not open a connection. Behind it, the query workers cannot open sockets at all."""
from __future__ import annotations

import itertools
import platform
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox
import pytest

import kg.read.sparql_exec
from core.errors import QueryError
from kg.store.sparql_text import check_read_only


class Listener:
    """A TCP port on loopback that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.hits = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.hits += 1
            conn.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    lst = Listener()
    yield lst
    lst.sock.close()


def _run(store: ox.Store, query: str) -> None:
    try:
        res = store.query(query, use_default_graph_as_union=True)
        if not isinstance(res, ox.QueryBoolean):
            list(res)
    except (SyntaxError, OSError, ValueError, RuntimeError):
        pass


# queries that reached the network through the previous check (a \bSERVICE\b search)
KNOWN_BYPASSES = [
    "PREFIX ex: <{url}> SELECT * WHERE {{ BIND(1 AS ?x) SERVICEex:sparql {{ ?a ?b ?c }} }}",
    "PREFIX : <{url}> SELECT * WHERE {{ BIND(1 AS ?x) SERVICE:sparql {{ ?a ?b ?c }} }}",
    "SELECT * WHERE {{ BIND(1 AS ?x) VALUES ?v {{ 1 }} ?s ?p 1SERVICE<{url}>{{ ?a ?b ?c }} }}",
]


@pytest.mark.parametrize("template", KNOWN_BYPASSES)
def test_known_bypasses_are_refused(listener, template: str) -> None:
    with pytest.raises(QueryError, match="SERVICE"):
        check_read_only(template.format(url=listener.url))


def test_no_query_the_check_lets_through_reaches_the_network(listener) -> None:
    """SERVICE glued to every kind of neighbouring token, in several spellings: Oxigraph
    runs each query the check accepts; none may connect."""
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://b"), ox.Literal("1")))
    url = f"<{listener.url}s>"
    prefixes = f"PREFIX ex: <{listener.url}> PREFIX : <{listener.url}> "
    before = ["", " ", "1", "1.5e3", "true", "ex:a", ":", "ex:", "?x", '"s"', "'s'", "<http://a>", "}", "{}", ")",
              "#c\n", "#c\r", "'''x'''", '"""x"""', "_:b", ".", ";", "a", '"x"@ko', "\\", "-", "ª", "가", "\t",
              "\u3000", "$", "?", "_", '"x\\""', "'''a\\''''"]
    after = ["", " ", "\n", "#c\n", " SILENT ", "SILENT", ":", "ex:", "?", "\u3000"]
    words = ["SERVICE", "sErViCe", "SERVIC\\u0045"]
    targets = [url, "ex:s", ":s", "?svc"]
    contexts = ["SELECT * WHERE {{ BIND(1 AS ?x) BIND({u} AS ?svc) {g1}{w}{g2}{t}{{ ?a ?b ?c }} }}",
                "ASK {{ BIND({u} AS ?svc) ?s ?p ?o {g1}{w}{g2}{t}{{ ?a ?b ?c }} }}"]
    ran = 0
    for ctx, g1, w, g2, t in itertools.product(contexts, before, words, after, targets):
        q = prefixes + ctx.format(u=url, g1=g1, w=w, g2=g2, t=t)
        try:
            check_read_only(q)
        except QueryError:
            continue
        _run(store, q)
        ran += 1
    time.sleep(0.2)
    assert ran > 100 and listener.hits == 0
    # the harness is sound: the same engine does connect when SERVICE is allowed through
    _run(store, prefixes + f"SELECT * WHERE {{ BIND(1 AS ?x) SERVICE {url} {{ ?a ?b ?c }} }}")
    time.sleep(0.2)
    assert listener.hits == 1


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service <http://schema.org/serviceType> "SERVICE" } # SERVICE',
    "PREFIX schema: <http://schema.org/> SELECT * WHERE { ?s a schema:Service ; schema:serviceType ?t }",
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT * WHERE { ?s a sd:Service }",
])
def test_service_as_a_name_or_string_is_fine(query: str) -> None:
    check_read_only(query)


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.machine() not in ("x86_64", "aarch64"),
                    reason="the seccomp sandbox is Linux x86-64/aarch64 only")
def test_workers_cannot_open_sockets_even_if_service_slips_through(app, listener, monkeypatch) -> None:
    runner = app.extensions["kg"].runner
    monkeypatch.setattr(kg.read.sparql_exec, "check_read_only", lambda q: None)   # pretend the text check missed it
    q = f"SELECT * WHERE {{ BIND(1 AS ?x) SERVICE <{listener.url}sparql> {{ ?a ?b ?c }} }}"
    with pytest.raises(QueryError, match="Permission denied"):
        runner.run(q, timeout=10, max_rows=10)
    with pytest.raises(QueryError):
        runner.run(q.replace("127.0.0.1", "localhost"), timeout=10, max_rows=10)  # no DNS either
    time.sleep(0.2)
    assert listener.hits == 0
    assert runner.run("ASK { ?s ?p ?o }", timeout=10, max_rows=10).boolean is True


def test_from_and_graph_parameters_never_fetch(client, listener, tmp_path: Path, corpus) -> None:
    secret = tmp_path / "secret.ttl"
    secret.write_text('<http://secret/s> <http://secret/p> "비밀" .\n', encoding="utf-8")
    queries = [
        ({"query": f"SELECT * FROM <{listener.url}data.ttl> WHERE {{ ?s ?p ?o }}"}),
        ({"query": f"SELECT * FROM NAMED <{listener.url}g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}),
        ({"query": f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}"}),
        ({"query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }"}),
        ({"query": "SELECT * WHERE { ?s ?p ?o }", "default-graph-uri": secret.as_uri()}),
        ({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": listener.url}),
        ({"query": f"CONSTRUCT {{ ?s ?p ?o }} FROM <{listener.url}> WHERE {{ ?s ?p ?o }}", "format": "nt"}),
        ({"query": f"ASK FROM <{secret.as_uri()}> {{ <http://secret/s> ?p ?o }}"}),
    ]
    for params in queries:
        r = client.get("/sparql", query_string=params)
        body = r.get_data(as_text=True)
        assert r.status_code == 200, body
        assert "비밀" not in body and "root:" not in body and '"boolean": true' not in body
        assert body.count('"type"') == 0 or "bindings\": []" in body
    r = client.get("/sparql", query_string={"query": f"LOAD <{secret.as_uri()}>"})
    assert r.status_code == 403
    time.sleep(0.2)
    assert listener.hits == 0
