"""The SPARQL 1.1 Protocol at /sparql, point by point: the three ways to send a query,
the dataset parameters, content negotiation (q-values, wildcards, format=), 406,
400 with the parser's message, the service description, the row cap flag in every
format, the time limit, and read-only (updates and Graph Store Protocol writes)."""
from __future__ import annotations

import csv
import io
import json
import os
import time
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef

from web import create_app

KGO = "https://w3id.org/kor-policy-kg/ont#"
PREFIXES = f"PREFIX kgo: <{KGO}> PREFIX dcterms: <http://purl.org/dc/terms/>\n"
SELECT = PREFIXES + "SELECT ?doc ?title WHERE { ?doc a kgo:Document ; dcterms:title ?title } ORDER BY ?title"
CONSTRUCT = PREFIXES + "CONSTRUCT { ?doc dcterms:title ?title } WHERE { ?doc a kgo:Document ; dcterms:title ?title }"
DOCS = PREFIXES + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kgo:Document }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
SD = "http://www.w3.org/ns/sparql-service-description#"
SRX = "{http://www.w3.org/2005/sparql-results#}"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"


def n_of(r) -> int:
    assert r.status_code == 200, r.get_data(as_text=True)
    return int(json.loads(r.get_data(as_text=True))["results"]["bindings"][0]["n"]["value"])


def graphs_of(r) -> list[str]:
    assert r.status_code == 200, r.get_data(as_text=True)
    return [b["g"]["value"] for b in json.loads(r.get_data(as_text=True))["results"]["bindings"]]


def triple_count(client) -> int:
    return n_of(client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}))


# -- three ways to send a query, and the dataset --------------------------------------
def test_get_post_form_and_post_body_give_the_same_answer(client, corpus) -> None:
    by_get = client.get("/sparql", query_string={"query": SELECT})
    by_form = client.post("/sparql", data={"query": SELECT})
    by_body = client.post("/sparql", data=SELECT.encode(), content_type="application/sparql-query")
    by_body_charset = client.post("/sparql", data=SELECT.encode(), content_type="application/sparql-query; charset=UTF-8")
    bodies = {r.get_data(as_text=True) for r in (by_get, by_form, by_body, by_body_charset)}
    assert len(bodies) == 1
    assert len(json.loads(bodies.pop())["results"]["bindings"]) == len(corpus.all)


def test_default_graph_uri_selects_the_default_graph(client, corpus) -> None:
    ai, env = corpus.iri(corpus.ai), corpus.iri(corpus.env)
    assert n_of(client.get("/sparql", query_string={"query": DOCS})) == len(corpus.all)       # union of all
    assert n_of(client.get("/sparql", query_string={"query": DOCS, "default-graph-uri": ai})) == 1
    assert n_of(client.get("/sparql", query_string=[("query", DOCS), ("default-graph-uri", ai),
                                                    ("default-graph-uri", env)])) == 2
    # POST form: the parameters travel in the body; POST body: in the URL
    assert n_of(client.post("/sparql", data={"query": DOCS, "default-graph-uri": ai})) == 1
    assert n_of(client.post(f"/sparql?default-graph-uri={ai}", data=DOCS.encode(),
                            content_type="application/sparql-query")) == 1
    assert n_of(client.get("/sparql", query_string={"query": DOCS, "default-graph-uri": "http://kg.test/none"})) == 0


def test_named_graph_uri_limits_graph(client, corpus) -> None:
    ai, env = corpus.iri(corpus.ai), corpus.iri(corpus.env)
    every = graphs_of(client.get("/sparql", query_string={"query": GRAPHS}))
    assert {corpus.iri(d) for d in corpus.all} < set(every)                # documents + the gazetteer
    got = graphs_of(client.get("/sparql", query_string=[("query", GRAPHS), ("named-graph-uri", ai),
                                                        ("named-graph-uri", env)]))
    assert got == sorted([ai, env])
    assert graphs_of(client.post("/sparql", data={"query": GRAPHS, "named-graph-uri": env})) == [env]


def test_a_bad_graph_iri_is_a_400(client) -> None:
    r = client.get("/sparql", query_string={"query": DOCS, "default-graph-uri": "http://a b/"})
    assert r.status_code == 400 and "invalid IRI" in r.get_data(as_text=True)


# -- content negotiation --------------------------------------------------------------
@pytest.mark.parametrize("accept, mime", [
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
    ("*/*", "application/sparql-results+json"),
    ("application/*;q=0.8, text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/json"),
    ("text/turtle, text/csv;q=0.1", "text/csv"),                  # a client naming both kinds
    ("application/sparql-results+json;q=0, */*;q=0.1", "application/sparql-results+xml"),
    ("", "application/sparql-results+json"),
])
def test_select_negotiation(client, accept: str, mime: str) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == mime
    assert "Accept" in r.headers["Vary"]


@pytest.mark.parametrize("accept, mime", [
    ("application/ld+json;q=1, text/turtle;q=0.5", "application/ld+json"),
    ("text/*", "text/turtle"),
    ("*/*", "text/turtle"),
    ("application/rdf+xml, application/sparql-results+json", "application/rdf+xml"),
    ("text/csv;q=0.9, application/n-triples;q=0.2", "application/n-triples"),
])
def test_construct_negotiation(client, corpus, accept: str, mime: str) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.mimetype == mime
    if mime != "application/ld+json":
        fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml"}[mime]
        assert len(Graph().parse(data=r.get_data(as_text=True), format=fmt)) == len(corpus.all)


def test_format_parameter_wins_over_accept(client) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "nt"}, headers={"Accept": "text/turtle"})
    assert r.mimetype == "application/n-triples"
    r = client.post("/sparql", data={"query": SELECT, "format": "text/csv"}, headers={"Accept": "application/json"})
    assert r.mimetype == "text/csv"


@pytest.mark.parametrize("query, params, accept", [
    (SELECT, {}, "image/png"),
    (SELECT, {}, "text/turtle"),                       # a graph format for a SELECT
    (CONSTRUCT, {}, "text/csv, application/sparql-results+json"),
    (SELECT, {"format": "turtle"}, "*/*"),
    (SELECT, {"format": "pdf"}, "*/*"),
])
def test_406_names_what_can_be_had(client, query: str, params: dict, accept: str) -> None:
    r = client.get("/sparql", query_string={"query": query, **params}, headers={"Accept": accept})
    assert r.status_code == 406
    body = r.get_data(as_text=True)
    assert "text/turtle" in body or "json" in body


def test_406_comes_before_the_query_runs(settings) -> None:
    """The query form is read from the text, so nobody waits for a result they cannot take."""
    app = create_app(settings.with_(query_timeout=5.0), query_workers=1)
    try:
        t = time.monotonic()
        r = app.test_client().get("/sparql", query_string={"query": SLOW}, headers={"Accept": "text/turtle"})
        assert r.status_code == 406 and time.monotonic() - t < 2
    finally:
        app.extensions["kg"].close()


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x ", "SELEKT * WHERE { ?s ?p ?o }",
                                   "SELECT * WHERE { ?s ?p ?o } LIMIT -1", "PREFIX x: SELECT * {}"])
def test_malformed_query_is_400_with_the_parser_message(client, query: str) -> None:
    for r in (client.get("/sparql", query_string={"query": query}),
              client.post("/sparql", data=query.encode(), content_type="application/sparql-query")):
        body = r.get_data(as_text=True)
        assert r.status_code == 400 and r.mimetype == "text/plain", body
        assert "error at 1:" in body or "syntax" in body.lower()
        assert "Traceback" not in body and "File \"" not in body


def test_head_and_options(client) -> None:
    r = client.head("/sparql", query_string={"query": "ASK {}"})
    assert r.status_code == 200 and r.get_data() == b"" and r.mimetype == "application/sparql-results+json"
    assert "POST" in client.options("/sparql").headers["Allow"]


# -- service description ----------------------------------------------------------------
@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                                         ("application/n-triples", "nt"), ("", "turtle")])
def test_service_description(client, settings, accept: str, fmt: str) -> None:
    r = client.get("/sparql", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200
    g = Graph().parse(data=r.get_data(as_text=True), format=fmt)
    service = next(g.subjects(URIRef(SD + "endpoint"), URIRef(settings.base_iri + "sparql")))
    assert (service, URIRef(SD + "supportedLanguage"), URIRef(SD + "SPARQL11Query")) in g
    assert (service, URIRef(SD + "feature"), URIRef(SD + "UnionDefaultGraph")) in g
    assert len(list(g.objects(service, URIRef(SD + "resultFormat")))) == 8


def test_service_description_as_json_ld(client) -> None:
    r = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert r.status_code == 200 and r.mimetype == "application/ld+json"
    assert SD + "endpoint" in r.get_data(as_text=True)


# -- the row cap: flagged in every format ----------------------------------------------
@pytest.fixture(scope="module")
def capped(settings):
    app = create_app(settings.with_(max_rows=2), query_workers=1)
    yield app.test_client()
    app.extensions["kg"].close()


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_truncated_select_is_flagged(capped, fmt: str) -> None:
    r = capped.get("/sparql", query_string={"query": SELECT, "format": fmt})
    assert r.status_code == 200 and r.headers["X-KG-Truncated"] == "true"
    body = r.get_data(as_text=True)
    if fmt == "json":
        data = json.loads(body)
        assert data["truncated"] is True and len(data["results"]["bindings"]) == 2
    elif fmt == "xml":
        assert len(list(ET.fromstring(r.get_data()).iter(SRX + "result"))) == 2
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(body)))) == 3
    else:
        assert len(body.strip().split("\n")) == 3


@pytest.mark.parametrize("fmt", ["turtle", "nt", "jsonld", "rdfxml"])
def test_truncated_graph_is_flagged(capped, fmt: str) -> None:
    r = capped.get("/sparql", query_string={"query": CONSTRUCT, "format": fmt})
    assert r.status_code == 200 and r.headers["X-KG-Truncated"] == "true"


def test_complete_results_carry_no_flag(capped) -> None:
    r = capped.get("/sparql", query_string={"query": "SELECT * WHERE { BIND(1 AS ?x) }"})
    assert "X-KG-Truncated" not in r.headers and "truncated" not in r.get_json(force=True)


# -- the time limit really stops the work ------------------------------------------------
def test_time_limit_is_a_503_and_the_worker_is_killed(settings) -> None:
    app = create_app(settings.with_(query_timeout=1.0), query_workers=1)
    runner = app.extensions["kg"].runner
    try:
        before = runner.pids
        c = app.test_client()
        t = time.monotonic()
        r = c.post("/sparql", data={"query": SLOW}, headers={"Accept": "text/csv"})
        assert r.status_code == 503 and time.monotonic() - t < 5
        body = r.get_data(as_text=True)
        assert "제한 시간" in body and "1 s" in body                       # says what happened, never empty rows
        for pid in before:                                                 # the process running it is gone …
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)
        assert runner.pids and set(runner.pids).isdisjoint(before)        # … and replaced
        assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json(force=True)["boolean"] is True
    finally:
        app.extensions["kg"].close()


# -- read-only -------------------------------------------------------------------------------
@pytest.mark.parametrize("method, path, kw", [
    ("PUT", "/sparql?default", {"data": b"<http://a> <http://b> <http://c> .", "content_type": "text/turtle"}),
    ("PUT", "/sparql?graph=http://kg.test/g", {"data": b"<http://a> <http://b> <http://c> .",
                                               "content_type": "application/n-triples"}),
    ("DELETE", "/sparql?graph=http://kg.test/g", {}),
    ("DELETE", "/sparql?default", {}),
    ("PATCH", "/sparql", {"data": b"x"}),
    ("POST", "/sparql?graph=http://kg.test/g", {"data": b"<http://a> <http://b> <http://c> .",
                                                "content_type": "text/turtle"}),
    ("POST", "/sparql?default", {"data": b'{"@id": "http://a"}', "content_type": "application/ld+json"}),
    ("POST", "/sparql", {"data": b"INSERT DATA { <http://a> <http://b> <http://c> }",
                         "content_type": "application/sparql-update"}),
    ("POST", "/sparql", {"data": {"update": "DROP ALL"}}),
    ("GET", "/sparql?update=CLEAR%20ALL", {}),
    ("POST", "/sparql", {"data": {"query": "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"}}),
    ("POST", "/sparql", {"data": b"WITH <http://kg.test/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                         "content_type": "application/sparql-query"}),
    ("PUT", "/id/gov/산업통상자원부", {"data": b"<http://a> <http://b> <http://c> .", "content_type": "text/turtle"}),
    ("DELETE", "/id/gov/산업통상자원부", {}),
    ("PATCH", "/api/stats", {}),
    ("PUT", "/store?default", {"data": b"<http://a> <http://b> <http://c> .", "content_type": "text/turtle"}),
    ("POST", "/rdf-graph-store?default", {"data": b"<http://a> <http://b> <http://c> .", "content_type": "text/turtle"}),
    ("DELETE", "/data/", {}),
    ("POST", "/update", {"data": {"update": "DROP ALL"}}),
])
def test_writes_are_refused_and_nothing_changes(client, method: str, path: str, kw: dict) -> None:
    before = triple_count(client)
    r = client.open(path, method=method, **kw)
    assert 400 <= r.status_code < 500 and r.status_code in (403, 404, 405), (r.status_code, r.get_data(as_text=True))
    if path.startswith(("/sparql", "/id/", "/api/")):
        assert r.status_code in (403, 405)
        assert "읽기 전용" in r.get_data(as_text=True) or r.status_code == 405
    if r.status_code == 405:
        assert "PUT" not in r.headers["Allow"] and "DELETE" not in r.headers["Allow"]
    assert triple_count(client) == before


def test_put_on_a_resource_says_why(client) -> None:
    r = client.put("/id/gov/산업통상자원부", data=b"x", headers={"Accept": "application/json"})
    assert r.status_code == 405 and "읽기 전용" in r.get_json()["message"]


def test_solutions_that_bind_nothing_are_rows_too(client) -> None:
    assert client.get("/sparql", query_string={"query": "SELECT * {}"}).get_json(force=True)["results"] == \
        {"bindings": [{}]}
    r = client.get("/sparql", query_string={"query": "SELECT ?x ?y { VALUES (?x ?y) { (1 UNDEF) (UNDEF UNDEF) } }"})
    assert len(r.get_json(force=True)["results"]["bindings"]) == 2
    r = client.get("/sparql", query_string={"query": "SELECT ?x ?y { VALUES (?x ?y) { (1 UNDEF) (UNDEF UNDEF) } }",
                                            "format": "tsv"})
    assert r.get_data(as_text=True).split("\n")[:3] == ["?x\t?y", '"1"^^<http://www.w3.org/2001/XMLSchema#integer>\t', "\t"]
