"""The Turtle file is the source of truth; the Python namespace must match it exactly."""
from __future__ import annotations

from rdflib import OWL, RDF, Graph, URIRef
from rdflib.namespace import SKOS

from ontology.namespace import KGO, TTL


def _terms(g: Graph) -> set[str]:
    ns = str(KGO._NS)
    subjects = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ns)}
    return {str(s)[len(ns):] for s in subjects}


def test_namespace_matches_turtle() -> None:
    g = Graph().parse(TTL)
    in_ttl = _terms(g)
    in_py = set(KGO.__annotations__)
    assert in_ttl == in_py, f"only in TTL: {in_ttl - in_py}; only in Python: {in_py - in_ttl}"


def test_every_term_has_korean_and_english_label() -> None:
    g = Graph().parse(TTL)
    for name in KGO.__annotations__:
        term = KGO[name]
        labels = set(g.objects(term, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) | set(
            g.objects(term, SKOS.prefLabel))
        langs = {lbl.language for lbl in labels}
        assert {"ko", "en"} <= langs, f"{name} lacks a Korean or English label"


def test_classes_reuse_standard_vocabularies() -> None:
    g = Graph().parse(TTL)
    supers = {str(o) for c in g.subjects(RDF.type, OWL.Class) for o in g.objects(c, URIRef(
        "http://www.w3.org/2000/01/rdf-schema#subClassOf"))}
    for ns in ("http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#", "http://xmlns.com/foaf/0.1/"):
        assert any(s.startswith(ns) for s in supers), ns


def test_unknown_term_fails_loudly() -> None:
    import pytest

    with pytest.raises(AttributeError):
        KGO.noSuchTerm  # noqa: B018
