"""Real SPARQL clients against a live server on loopback: SPARQLWrapper (JSON, XML,
CSV, TSV, CONSTRUCT as Turtle and JSON-LD, GET and POST) and rdflib's SPARQLStore, plus
rdflib dereferencing our IRIs as linked data."""
from __future__ import annotations

import csv
import io
import threading
import warnings
from typing import Iterator

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from werkzeug.serving import make_server

pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper==2.0.0 (requirements-dev.txt)")
from SPARQLWrapper import CSV, GET, JSON, JSONLD, POST, TSV, TURTLE, XML, SPARQLWrapper  # noqa: E402
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed  # noqa: E402

KGO = "https://w3id.org/kor-policy-kg/ont#"
TITLES = f"""PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX kgo: <{KGO}>
SELECT ?doc ?title WHERE {{ ?doc a kgo:Document ; dcterms:title ?title }} ORDER BY ?title"""
CONSTRUCT = f"""PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX kgo: <{KGO}>
CONSTRUCT {{ ?doc dcterms:title ?title }} WHERE {{ ?doc a kgo:Document ; dcterms:title ?title }}"""


@pytest.fixture(scope="module")
def endpoint(app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    t.join(5)


@pytest.fixture(scope="module")
def titles(corpus) -> list[str]:
    return sorted(d.title for d in corpus.all)


def wrapper(endpoint: str, query: str, fmt: str, method: str = GET) -> SPARQLWrapper:
    sw = SPARQLWrapper(endpoint + "/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    return sw


# -- SPARQLWrapper ------------------------------------------------------------------------
@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_json(endpoint, titles, method: str) -> None:
    res = wrapper(endpoint, TITLES, JSON, method).queryAndConvert()
    assert res["head"]["vars"] == ["doc", "title"]
    assert [b["title"]["value"] for b in res["results"]["bindings"]] == titles


def test_sparqlwrapper_xml(endpoint, titles) -> None:
    doc = wrapper(endpoint, TITLES, XML).queryAndConvert()                # an xml.dom.minidom Document
    got = [b.getElementsByTagName("literal")[0].firstChild.data
           for b in doc.getElementsByTagName("binding") if b.getAttribute("name") == "title"]
    assert got == titles


def test_sparqlwrapper_csv_and_tsv(endpoint, titles) -> None:
    rows = list(csv.reader(io.StringIO(wrapper(endpoint, TITLES, CSV).queryAndConvert().decode("utf-8"))))
    assert rows[0] == ["doc", "title"] and [r[1] for r in rows[1:]] == titles
    lines = wrapper(endpoint, TITLES, TSV).queryAndConvert().decode("utf-8").rstrip("\n").split("\n")
    assert lines[0] == "?doc\t?title" and len(lines) == len(titles) + 1


def test_sparqlwrapper_ask(endpoint) -> None:
    assert wrapper(endpoint, "ASK { ?s ?p ?o }", JSON).queryAndConvert()["boolean"] is True
    doc = wrapper(endpoint, "ASK { <http://nothing> ?p ?o }", XML).queryAndConvert()
    assert doc.getElementsByTagName("boolean")[0].firstChild.data == "false"


@pytest.mark.parametrize("method", [GET, POST])
def test_sparqlwrapper_construct_as_turtle(endpoint, corpus, method: str) -> None:
    data = wrapper(endpoint, CONSTRUCT, TURTLE, method).queryAndConvert()   # bytes of Turtle
    g = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert len(g) == len(corpus.all)
    assert (URIRef(corpus.iri(corpus.ai)), DCTERMS.title, Literal(corpus.ai.title)) in g


def test_sparqlwrapper_construct_as_json_ld_and_rdfxml(endpoint, corpus) -> None:
    # SPARQLWrapper parses into rdflib's deprecated ConjunctiveGraph: a warning not ours
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        for fmt in (JSONLD, XML):
            g = wrapper(endpoint, CONSTRUCT, fmt).queryAndConvert()
            assert isinstance(g, Graph) and len(g) == len(corpus.all), fmt


def test_sparqlwrapper_sees_errors(endpoint) -> None:
    with pytest.raises(QueryBadFormed) as e:
        wrapper(endpoint, "SELECT ?x WHERE {", JSON).queryAndConvert()
    assert "error at 1:" in str(e.value) or "syntax" in str(e.value).lower()


# -- rdflib's SPARQLStore -------------------------------------------------------------------
def test_rdflib_sparqlstore_select_and_triples(endpoint, corpus, titles) -> None:
    store = SPARQLStore(endpoint + "/sparql")
    g = Graph(store=store)
    try:
        rows = list(g.query(TITLES))
        assert [str(r.title) for r in rows] == titles
        assert all(isinstance(r.doc, URIRef) for r in rows)
        doc = URIRef(corpus.iri(corpus.ai))
        assert (doc, DCTERMS.title, None) in g                                        # triples() with a pattern
        assert {str(o) for o in g.objects(doc, DCTERMS.title)} == {corpus.ai.title}
        motie = URIRef(corpus.base + "id/gov/산업통상자원부")
        labels = set(g.triples((motie, SKOS.prefLabel, None)))
        assert (motie, SKOS.prefLabel, Literal("산업통상자원부", lang="ko")) in labels
        assert bool(g.query("ASK { ?s a ?t }")) is True
        assert len(list(g.triples((None, RDF.type, URIRef(KGO + "Document"))))) == len(corpus.all)
    finally:
        store.close()


def test_rdflib_sparqlstore_with_post_and_construct(endpoint, corpus) -> None:
    store = SPARQLStore(endpoint + "/sparql", method="POST_FORM")
    try:
        res = Graph(store=store).query(CONSTRUCT)
        assert len(res.graph) == len(corpus.all)
    finally:
        store.close()


# -- linked data, dereferenced by rdflib -------------------------------------------------------
@pytest.mark.parametrize("fmt", [None, "turtle", "nt", "xml"])
def test_rdflib_dereferences_our_iris(endpoint, corpus, fmt: str | None) -> None:
    url = endpoint + "/id/gov/%EC%82%B0%EC%97%85%ED%86%B5%EC%83%81%EC%9E%90%EC%9B%90%EB%B6%80"
    g = Graph().parse(url, format=fmt) if fmt else Graph().parse(url)
    motie = URIRef(corpus.base + "id/gov/산업통상자원부")                      # the setting's IRI, not the URL's host
    assert (motie, SKOS.prefLabel, Literal("산업통상자원부", lang="ko")) in g
    assert (motie, RDF.type, URIRef(KGO + "Ministry")) in g
