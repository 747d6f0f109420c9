"""Linked data: every IRI the graph mints resolves under /id/… — HTML for browsers,
the JSON twin for JSON clients, RDF by Accept or by suffix — and the IRI described is
built from KG_BASE_IRI, never from the request's host."""
from __future__ import annotations

import json
import warnings
from urllib.parse import quote

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

KGO = "https://w3id.org/kor-policy-kg/ont#"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml"}
SUFFIXES = {".ttl": ("text/turtle", "turtle"), ".nt": ("application/n-triples", "nt"),
            ".rdf": ("application/rdf+xml", "xml"), ".jsonld": ("application/ld+json", "json-ld")}
MOTIE = "id/gov/산업통상자원부"


def parse(r, fmt: str) -> Graph:
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    with warnings.catch_warnings():  # rdflib's JSON-LD parser warns about its own internals
        warnings.simplefilter("ignore")
        return Graph().parse(data=r.get_data(as_text=True), format=fmt)


def path_of(iri: str, corpus) -> str:
    return iri[len(corpus.base) - 1:]


@pytest.fixture(scope="module")
def minted(kg, corpus) -> list[str]:
    """Every entity and document IRI in the store (hash IRIs of sentences etc. aside)."""
    rows = kg.store.select(f"""SELECT DISTINCT ?s WHERE {{ ?s ?p ?o .
        FILTER(STRSTARTS(STR(?s), "{corpus.base}id/") && !CONTAINS(STR(?s), "#")) }}""")
    iris = sorted(str(r["s"]) for r in rows)
    assert len(iris) > 20 and any("/id/doc/" in i for i in iris) and any("/id/gov/" in i for i in iris)
    return iris


def test_every_minted_iri_resolves_to_its_description(client, minted, corpus) -> None:
    for iri in minted:
        r = client.get(path_of(iri, corpus), headers={"Accept": "text/turtle"})
        assert r.status_code == 200 and r.mimetype == "text/turtle", iri
        g = parse(r, "turtle")
        assert (URIRef(iri), RDF.type, None) in g, iri                   # it is the subject described
        assert len(g) >= 2


def test_every_minted_iri_has_a_page(client, minted, corpus) -> None:
    for iri in minted:
        r = client.get(path_of(iri, corpus), headers={"Accept": BROWSER})
        assert r.status_code == 200 and r.mimetype == "text/html", iri


@pytest.mark.parametrize("suffix", list(SUFFIXES))
def test_suffixes(client, corpus, suffix: str) -> None:
    mime, fmt = SUFFIXES[suffix]
    for path, iri in [("/" + MOTIE, corpus.base + MOTIE), (corpus.path(corpus.ai), corpus.iri(corpus.ai))]:
        r = client.get(path + suffix)
        assert r.status_code == 200 and r.mimetype == mime and r.mimetype_params["charset"] == "utf-8"
        assert "Content-Location" not in r.headers                       # it is the variant itself
        g = parse(r, fmt)
        assert (URIRef(iri), RDF.type, None) in g
        assert r.headers["Access-Control-Allow-Origin"] == "*"


def test_json_ld_is_compact_with_our_prefixes(client, corpus) -> None:
    data = json.loads(client.get("/" + MOTIE + ".jsonld").get_data(as_text=True))
    assert data["@context"]["kgo"] == KGO and data["@context"]["skos"] == str(SKOS)
    node = next(n for n in data["@graph"] if n["@id"] == corpus.base + MOTIE)
    assert {"@value": "산업통상자원부", "@language": "ko"} in node["skos:prefLabel"]


@pytest.mark.parametrize("accept, mime", [
    ("text/turtle", "text/turtle"),
    ("application/ld+json", "application/ld+json"),
    ("application/n-triples", "application/n-triples"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("text/turtle, text/html", "text/turtle"),                        # named explicitly: RDF wins a tie
    ("text/html;q=0.9, text/turtle", "text/turtle"),
    ("text/html, application/rdf+xml;q=0.5", "text/html"),
    ("application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json",  # rdflib's
     "text/turtle"),                                                      # all equal: our first choice
    ("text/plain, */*;q=0.1", "application/n-triples"),                # rdflib asking for N-Triples
    (BROWSER, "text/html"),
    ("*/*", "text/html"),
    ("", "text/html"),
    ("application/json", "application/json"),                          # the JSON twin, as before
    ("image/png", "text/html"),
])
def test_content_negotiation(client, accept: str, mime: str) -> None:
    r = client.get("/" + MOTIE, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == mime
    assert "Accept" in r.headers["Vary"]
    if mime in RDF_TYPES:
        assert r.headers["Content-Location"].endswith(quote("산업통상자원부") + {
            "text/turtle": ".ttl", "application/n-triples": ".nt", "application/rdf+xml": ".rdf"}[mime])
        assert (URIRef("http://kg.test/" + MOTIE), SKOS.prefLabel, Literal("산업통상자원부", lang="ko")) \
            in parse(r, RDF_TYPES[mime])


def test_pages_advertise_their_rdf(client) -> None:
    for accept in (BROWSER, "application/json", "text/turtle"):
        link = client.get("/" + MOTIE, headers={"Accept": accept}).headers["Link"]
        assert 'rel="alternate"; type="text/turtle"' in link and ".jsonld>" in link
        link.encode("latin-1")                                         # headers must be Latin-1: Hangul encoded


def test_entity_description(client, corpus) -> None:
    g = parse(client.get("/" + MOTIE + ".ttl"), "turtle")
    me = URIRef(corpus.base + MOTIE)
    assert (me, RDF.type, URIRef(KGO + "Ministry")) in g
    assert (me, SKOS.altLabel, Literal("MOTIE", lang="en")) in g
    assert (me, URIRef(KGO + "predecessor"), URIRef(corpus.base + "id/gov/지식경제부")) in g
    strategy = URIRef(corpus.base + "id/initiative/AI_자율제조_전략")
    assert (me, URIRef(KGO + "announces"), strategy) in g                   # a relation …
    # … as the entity graph states it: each document's own report of it (kgr:) is not the entity's
    assert not [p for p in g.predicates(me, None) if "/reported#" in str(p)]
    assert not [p for p in g.predicates(None, me) if "/reported#" in str(p)]
    assert (strategy, SKOS.prefLabel, Literal("AI 자율제조 전략", lang="ko")) in g    # … with the other's label
    doc = URIRef(corpus.iri(corpus.ai))
    assert (doc, URIRef(KGO + "mentions"), me) in g                         # who mentions it, with titles
    assert (doc, DCTERMS.title, Literal(corpus.ai.title)) in g
    statements = list(g.subjects(RDF.subject, me))                         # provenance of its relations
    assert statements and all((s, URIRef(KGO + "inDocument"), None) in g for s in statements)
    sentences = {str(t) for t in g.objects(None, URIRef(KGO + "text"))}
    assert any("AI 자율제조 전략" in s for s in sentences)


def test_incoming_relations_and_schedules(client, corpus) -> None:
    alliance = URIRef(corpus.base + "id/initiative/AI_자율제조_얼라이언스")
    g = parse(client.get("/id/initiative/AI_자율제조_얼라이언스", headers={"Accept": "text/turtle"}), "turtle")
    assert (URIRef(corpus.base + "id/gov/대한민국_정부"), URIRef(KGO + "announces"), alliance) in g
    when = next(g.objects(alliance, URIRef(KGO + "scheduledFor")))
    dates = {str(d) for d in g.objects(None, URIRef("http://www.w3.org/2006/time#inXSDDate"))}
    assert f"{corpus.year}-12-31" in dates, (when, dates)


def test_document_description_is_its_named_graph(client, kg, corpus) -> None:
    iri = corpus.iri(corpus.ai)
    g = parse(client.get(corpus.path(corpus.ai), headers={"Accept": "application/n-triples"}), "nt")
    doc = URIRef(iri)
    assert (doc, DCTERMS.title, Literal(corpus.ai.title)) in g
    assert str(next(g.objects(doc, DCTERMS.date))) == corpus.ai.date
    assert str(next(g.objects(doc, URIRef(KGO + "text")))) == corpus.ai.text
    stored = int(kg.store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")[0]["n"])
    assert len(g) == stored
    assert (URIRef(iri + "#s0"), RDF.type, URIRef(KGO + "Sentence")) in g   # hash IRIs resolve here


def test_base_iri_comes_from_the_setting_not_the_host(client, corpus) -> None:
    for kw in ({"base_url": "https://evil.example:8443"}, {"headers": {"Host": "evil.example",
                                                                       "X-Forwarded-Host": "evil.example"}}):
        headers = {"Accept": "text/turtle", **kw.get("headers", {})}
        r = client.get("/" + MOTIE, headers=headers, **{k: v for k, v in kw.items() if k != "headers"})
        body = r.get_data(as_text=True)
        assert r.status_code == 200 and "evil.example" not in body
        assert (URIRef(corpus.base + MOTIE), RDF.type, None) in parse(r, "turtle")


def test_head(client) -> None:
    r = client.head("/" + MOTIE, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.mimetype == "text/turtle" and r.get_data() == b""


@pytest.mark.parametrize("path, accept", [
    ("/id/gov/없는기관", "text/turtle"),
    ("/id/gov/없는기관.ttl", "*/*"),
    ("/id/doc/0000000000000000.jsonld", "*/*"),
    ("/id/doc/0000000000000000", "application/rdf+xml"),
    ("/id/planet/화성.ttl", "*/*"),
    ("/id/planet/화성", "text/turtle"),
    ("/id/gov/.ttl", "*/*"),
    ("/id/doc/", "text/turtle"),
])
def test_unknown_resources_are_404(client, path: str, accept: str) -> None:
    assert client.get(path, headers={"Accept": accept}).status_code == 404


def test_the_json_twin_and_html_page_are_untouched(client, corpus) -> None:
    assert client.get("/" + MOTIE + ".json").get_json()["label"] == "산업통상자원부"
    assert client.get(corpus.path(corpus.ai) + ".json").get_json()["title"] == corpus.ai.title
    page = client.get("/" + MOTIE, headers={"Accept": BROWSER}).get_data(as_text=True)
    assert '<h1 id="ent-title">산업통상자원부</h1>' in page


def test_sparql_result_iris_link_back_here(client, corpus) -> None:
    """An IRI found by SPARQL dereferences: the loop a linked-data client follows."""
    q = f"SELECT ?e WHERE {{ <{corpus.iri(corpus.ai)}> <{KGO}mentions> ?e }}"
    iris = [b["e"]["value"] for b in client.get("/sparql", query_string={"query": q}).get_json(force=True)
            ["results"]["bindings"]]
    assert iris
    for iri in iris:
        assert client.get(path_of(iri, corpus) + ".nt").status_code == 200


def test_other_pages_under_an_iri_are_left_alone(client) -> None:
    """…/network is a page of its own: RDF clients get it as it is, not a 404."""
    r = client.get("/" + MOTIE + "/network", headers={"Accept": "text/turtle, text/html;q=0.5"})
    assert r.status_code == 200 and r.mimetype == "text/html"
