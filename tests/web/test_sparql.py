"""The /sparql endpoint (SPARQL 1.1 Protocol) and the /query page."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, URIRef

from ontology.namespace import KGO
from web import create_app
from web.examples import SPARQL_EXAMPLES

SELECT = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#>
SELECT ?doc ?title WHERE { ?doc a kgo:Document ; dcterms:title ?title } ORDER BY ?title"""
CONSTRUCT = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#>
CONSTRUCT { ?doc dcterms:title ?title } WHERE { ?doc a kgo:Document ; dcterms:title ?title }"""
SRX = "{http://www.w3.org/2005/sparql-results#}"


def titles_of_json(data: dict) -> list[str]:
    return [b["title"]["value"] for b in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def expected(corpus) -> list[str]:
    return sorted(d.title for d in corpus.all)


def test_get_json_is_the_default(client, expected) -> None:
    r = client.get("/sparql", query_string={"query": SELECT})
    assert r.status_code == 200 and r.mimetype == "application/sparql-results+json"
    data = json.loads(r.get_data(as_text=True))
    assert data["head"]["vars"] == ["doc", "title"]
    assert titles_of_json(data) == expected
    assert data["results"]["bindings"][0]["doc"]["type"] == "uri"
    assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_post_form_encoded_xml(client, expected) -> None:
    r = client.post("/sparql", data={"query": SELECT}, headers={"Accept": "application/sparql-results+xml"})
    assert r.status_code == 200 and r.mimetype == "application/sparql-results+xml"
    root = ET.fromstring(r.get_data())
    assert [v.get("name") for v in root.iter(SRX + "variable")] == ["doc", "title"]
    got = [b.find(SRX + "literal").text for b in root.iter(SRX + "binding") if b.get("name") == "title"]
    assert got == expected                                   # <script> survives as escaped XML text


def test_post_sparql_query_body_csv(client, expected) -> None:
    r = client.post("/sparql", data=SELECT.encode("utf-8"), content_type="application/sparql-query",
                    headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(r.get_data(as_text=True))))
    assert rows[0] == ["doc", "title"] and [row[1] for row in rows[1:]] == expected


def test_tsv_terms_are_in_turtle_syntax(client, expected) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "text/tab-separated-values"})
    assert r.status_code == 200 and r.mimetype == "text/tab-separated-values"
    lines = r.get_data(as_text=True).rstrip("\n").split("\n")
    assert lines[0] == "?doc\t?title"
    cells = [line.split("\t") for line in lines[1:]]
    assert all(c[0].startswith("<http://kg.test/id/doc/") and c[0].endswith(">") for c in cells)
    assert [json.loads(c[1]) for c in cells] == expected      # "…" with N-Triples escapes


@pytest.mark.parametrize("fmt, mime", [("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
                                       ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
def test_format_parameter(client, fmt: str, mime: str) -> None:
    r = client.get("/sparql", query_string={"query": SELECT, "format": fmt}, headers={"Accept": "image/png"})
    assert r.status_code == 200 and r.mimetype == mime


def test_ask(client) -> None:
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert r.get_json() == {"head": {}, "boolean": True}
    r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "application/sparql-results+xml"})
    assert ET.fromstring(r.get_data()).find(SRX + "boolean").text == "true"


def test_construct_as_turtle_and_other_rdf_formats(client, corpus) -> None:
    r = client.get("/sparql", query_string={"query": CONSTRUCT})
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    assert len(g) == len(corpus.all)
    assert (URIRef(corpus.iri(corpus.ai)), None, None) in g
    for accept, fmt in [("application/n-triples", "nt"), ("application/rdf+xml", "xml")]:
        r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
        assert r.status_code == 200 and r.mimetype == accept
        assert len(Graph().parse(data=r.get_data(as_text=True), format=fmt)) == len(corpus.all)
    r = client.get("/sparql", query_string={"query": CONSTRUCT, "format": "jsonld"})
    assert r.mimetype == "application/ld+json"    # (rdflib's JSON-LD parser warns: read it as JSON)
    nodes = json.loads(r.get_data(as_text=True))
    assert {n["@id"] for n in nodes} == {corpus.iri(d) for d in corpus.all}


def test_malformed_query_is_400_with_the_parser_message(client) -> None:
    r = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x "})
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and "syntax error" in body and "1:" in body
    assert "Traceback" not in body


@pytest.mark.parametrize("request_kw", [
    {"method": "GET", "query_string": {"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}},
    {"method": "POST", "data": {"query": "DROP ALL"}},
    {"method": "POST", "data": {"update": "DELETE WHERE { ?s ?p ?o }"}},
    {"method": "POST", "data": b"CLEAR DEFAULT", "content_type": "application/sparql-update"},
    {"method": "POST", "data": b"LOAD <http://example.org/x.ttl>", "content_type": "application/sparql-query"},
])
def test_updates_are_refused(client, request_kw) -> None:
    r = client.open("/sparql", **request_kw)
    assert r.status_code == 403
    assert "읽기 전용" in r.get_data(as_text=True)
    assert r.get_data(as_text=True).count("읽기 전용") == 1  # said once, in Korean, before any English
    assert client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()["boolean"] is True


def test_406_when_nothing_acceptable(client) -> None:
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "image/png"})
    assert r.status_code == 406
    r = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert r.status_code == 406 and "text/turtle" in r.get_data(as_text=True)


def test_protocol_errors(client) -> None:
    assert client.post("/sparql", data={}).status_code == 400                           # no query
    assert client.get("/sparql?query=ASK{}&query=ASK{}").status_code == 400             # two queries
    assert client.post("/sparql", data=b"ASK {}", content_type="text/plain").status_code == 415


def test_service_description(client, settings) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and r.mimetype == "text/turtle"
    g = Graph().parse(data=r.get_data(as_text=True), format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(sd + "endpoint"), URIRef(settings.base_iri + "sparql")) in g  # KG_BASE_IRI, never the Host
    page = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert page.mimetype == "text/html" and "SPARQL 1.1" in page.get_data(as_text=True)


def test_truncated_flag(settings) -> None:
    app = create_app(settings.with_(max_rows=2), query_workers=0)
    try:
        r = app.test_client().get("/sparql", query_string={"query": SELECT})
        data = r.get_json(force=True)
        assert data["truncated"] is True and len(data["results"]["bindings"]) == 2
        assert r.headers["X-KG-Truncated"] == "true"
    finally:
        app.extensions["kg"].close()


@pytest.mark.parametrize("example", SPARQL_EXAMPLES, ids=lambda e: e.key)
def test_every_gallery_query_runs(client, example) -> None:
    r = client.get("/sparql", query_string={"query": example.query}, headers={"Accept": "application/json, text/turtle"})
    assert r.status_code == 200, r.get_data(as_text=True)


def test_gallery_queries_find_the_corpus_facts(client) -> None:
    def rows(key: str) -> list[dict]:
        q = next(e.query for e in SPARQL_EXAMPLES if e.key == key)
        return client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"]

    assert any(b["name"]["value"] == "AI 자율제조 전략" and "AI 자율제조 전략" in b["sentence"]["value"]
               and "/id/doc/" in b["doc"]["value"] for b in rows("motie-initiatives"))   # with its evidence
    motie = next(b for b in rows("documents-per-ministry") if b["name"]["value"] == "산업통상자원부")
    counted = client.get("/sparql", query_string={"query": (
        f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> <{motie['ministry']['value']}> }} }}")})
    n = int(counted.get_json()["results"]["bindings"][0]["n"]["value"])
    assert int(motie["documents"]["value"]) == n > 1      # the kept count is the count
    assert any(b["predecessorName"]["value"] == "지식경제부" for b in rows("predecessors"))
    deadlines = rows("deadlines-this-year")                      # 연내 → the end of this year
    assert any(b["name"]["value"] == "AI 자율제조 얼라이언스" and b["end"]["value"].endswith("-12-31")
               and "/id/doc/" in b["doc"]["value"] for b in deadlines)
    pairs = {(b["a"]["value"], b["b"]["value"]) for b in rows("co-participation")}
    assert ("LG전자", "LS일렉트릭") in pairs


# -- the /query page -------------------------------------------------------------------
def test_query_page_renders_a_results_table(client, corpus) -> None:
    r = client.get("/query", query_string={"query": SELECT})
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    table = re.search(r'<table class="data results">.*?</table>', page, re.S).group(0)
    assert table.count("<tr>") == len(corpus.all) + 1
    assert f'<a href="{corpus.path(corpus.ai)}"' in table                    # our IRIs link to local pages
    assert "<script>" not in page and "&lt;script&gt;" in table
    for fmt in ("csv", "tsv", "json"):
        assert f"format={fmt}" in page
    assert "SELECT ?doc ?title" in page                                       # the query stays in the editor


def test_query_page_downloads_work(client) -> None:
    page = client.get("/query", query_string={"query": SELECT}).get_data(as_text=True)
    href = re.search(r'<a href="(/sparql\?[^"]*format=csv[^"]*)">CSV</a>', page).group(1).replace("&amp;", "&")
    r = client.get(href)
    assert r.status_code == 200 and r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]


def test_an_undeclared_prefix_is_named_on_the_query_page_and_by_the_endpoint(client) -> None:
    """The parser's dump of Unicode ranges becomes a Korean message that names the
    prefix and points at its first use, on the /query page and at /sparql (400)."""
    query = 'SELECT ?item WHERE {\n  ?item wdt:P31 ?class }'
    page = client.get("/query", query_string={"query": query})
    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "선언되지 않은 접두사 &#39;wdt:&#39;" in text and "PREFIX wdt:" in text and "2행 9열" in text
    assert "\\u{" not in text
    r = client.get("/sparql", query_string={"query": query})
    body = r.get_data(as_text=True)
    assert r.status_code == 400 and "'wdt:'" in body and body.rstrip().endswith("^")


def test_query_page_defaults_and_errors(client) -> None:
    page = client.get("/query").get_data(as_text=True)
    assert "PREFIX kgo: &lt;https://w3id.org/kor-policy-kg/ont#&gt;" in page       # editor prefilled with prefixes
    assert page.count("<summary>질의 보기</summary>") >= 5                        # the example gallery
    bad = client.get("/query", query_string={"query": "SELECT ?x WHERE {"})
    assert bad.status_code == 400 and "syntax error" in bad.get_data(as_text=True)
    upd = client.get("/query", query_string={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert upd.status_code == 403 and "read-only" in upd.get_data(as_text=True)
    assert "SPARQL Update(DELETE)는 쓸 수 없습니다. 이 엔드포인트는 읽기 전용입니다 (" in upd.get_data(as_text=True)


def test_query_page_construct_and_json_twin(client, corpus) -> None:
    page = client.get("/query", query_string={"query": CONSTRUCT}).get_data(as_text=True)
    assert "format=turtle" in page and page.count("dcterms:title") >= len(corpus.all)
    data = client.get("/query.json", query_string={"query": SELECT}).get_json()
    assert titles_of_json(data) == sorted(d.title for d in corpus.all)


def test_a_starting_query_worker_does_not_spend_the_time_limit(settings, tmp_path, monkeypatch) -> None:
    """The time limit is the query's own: a worker still starting (a new server's, or the
    one that replaced a stopped query's) does not spend it on its imports. Here every new
    worker takes 1.5 s to start (a sitecustomize that sleeps, as on a loaded machine),
    longer than the limit of 1 s."""
    (tmp_path / "sitecustomize.py").write_text("import time\ntime.sleep(1.5)\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(tmp_path), *filter(None, [os.environ.get("PYTHONPATH")])]))
    app = create_app(settings.with_(query_timeout=1.0), query_workers=1)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    try:
        c = app.test_client()
        assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()["boolean"] is True
        assert c.get("/sparql", query_string={"query": slow}).status_code == 503
        assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()["boolean"] is True
    finally:
        app.extensions["kg"].close()


def test_runaway_query_is_stopped_at_the_time_limit(settings) -> None:
    app = create_app(settings.with_(query_timeout=1.0), query_workers=1)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    try:
        c = app.test_client()
        r = c.get("/sparql", query_string={"query": slow})
        assert r.status_code == 503 and "제한 시간" in r.get_data(as_text=True)
        assert c.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"}).get_json()["boolean"] is True
        page = c.get("/query", query_string={"query": slow})
        assert page.status_code == 503 and "제한 시간" in page.get_data(as_text=True)
        # and says how to write such a query so that it finishes
        assert "SELECT DISTINCT" in page.get_data(as_text=True) and "kgo:documentCount" in page.get_data(as_text=True)
    finally:
        app.extensions["kg"].close()


def test_cors_preflight(client) -> None:
    r = client.options("/sparql", headers={"Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in r.headers["Access-Control-Allow-Methods"]
