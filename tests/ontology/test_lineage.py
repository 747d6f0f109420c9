"""The authority graph in W3C ORG, SKOS-XL and OWL-Time: each kind of reorganisation
as an org:ChangeEvent, kgo:predecessor for lineage (not for a transfer of functions),
dated names, and what was not checked marked as such."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from ingest.nlp.authority import load_authority
from ontology.iris import entity_iri
from ontology.lineage import authority_triples
from ontology.namespace import PREFIXES

BASE = "http://kg.test/"
Q = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _graph() -> Graph:
    g = Graph()
    for t in authority_triples(load_authority(), BASE):
        g.add(t)
    return g


def gov(name: str) -> URIRef:
    return entity_iri(BASE, "MINISTRY", name)


def _changes(g: Graph, kind: str, date: str) -> list[tuple[set[str], set[str]]]:
    rows = g.query(Q + f"""SELECT ?e ?o ?r WHERE {{ ?e a org:ChangeEvent ; kgo:changeKind "{kind}" ;
        dcterms:date "{date}"^^xsd:date ; org:resultingOrganization ?r . OPTIONAL {{ ?e org:originalOrganization ?o }} }}""")
    out: dict = {}
    for e, o, r in rows:
        src, dst = out.setdefault(e, (set(), set()))
        if o is not None:
            src.add(str(o))
        dst.add(str(r))
    return list(out.values())


def test_each_kind_of_change_is_a_change_event() -> None:
    g = _graph()
    assert ({str(gov("기획재정부"))}, {str(gov("재정경제부")), str(gov("기획예산처"))}) in _changes(g, "split", "2026-01-02")
    assert ({str(gov("재정경제부 (1998–2008)")), str(gov("기획예산처 (1999–2008)"))}, {str(gov("기획재정부"))}) \
        in _changes(g, "merge", "2008-02-29")
    assert ({str(gov("지식경제부"))}, {str(gov("산업통상자원부"))}) in _changes(g, "rename", "2013-03-23")
    assert ({str(gov("산업통상자원부"))}, {str(gov("기후에너지환경부"))}) in _changes(g, "transfer", "2025-10-01")
    # ORG's own links both ways
    assert (gov("기획재정부"), URIRef("http://www.w3.org/ns/org#changedBy"), None) in g
    assert (gov("재정경제부"), URIRef("http://www.w3.org/ns/org#resultedFrom"), None) in g


def test_lineage_is_a_property_path_and_skips_transfers() -> None:
    g = _graph()
    rows = {str(r[0]) for r in g.query(Q + f"SELECT ?b WHERE {{ <{gov('산업통상부')}> kgo:predecessor* ?b }}")}
    assert rows == {str(gov(n)) for n in ("산업통상부", "산업통상자원부", "지식경제부", "산업자원부", "정보통신부", "과학기술부")}
    rows = {str(r[0]) for r in g.query(Q + f"SELECT ?b WHERE {{ <{gov('기후에너지환경부')}> kgo:predecessor+ ?b }}")}
    assert rows == {str(gov("환경부"))}


def test_names_have_periods() -> None:
    g = _graph()
    rows = sorted((str(n), str(b)) for n, b in g.query(Q + """SELECT ?name ?begin WHERE {
        ?body skosxl:altLabel ?l ; skos:prefLabel ?name . FILTER(lang(?name) = "ko")
        ?l skosxl:literalForm "산업부"@ko ; time:hasTime/time:hasBeginning/time:inXSDDate ?begin }"""))
    assert rows == [("산업통상부", "2025-10-01"), ("산업통상자원부", "2013-03-23")]


def test_unchecked_dates_and_law_numbers_say_so() -> None:
    g = _graph()
    assert (gov("기획예산처 (1999–2008)"), URIRef(PREFIXES["kgo"] + "dateCertain"), Literal(False)) in g
    assert (gov("산업자원부"), URIRef(PREFIXES["kgo"] + "dateCertain"), None) not in g  # checked: 1998-02-28
    assert (gov("산업통상부"), URIRef(PREFIXES["kgo"] + "dateCertain"), None) not in g
    def laws(day: str) -> set[str]:
        return {str(r[0]) for r in g.query(Q + f'SELECT ?law WHERE {{ ?e kgo:legalBasis ?law ; dcterms:date "{day}"^^xsd:date }}')}

    assert laws("2014-11-19") and all("미대조" in law for law in laws("2014-11-19"))
    assert "정부조직법 일부개정 (법률 제11690호, 2013.3.23)" in laws("2013-03-23")  # checked: no mark


def test_local_governments_in_the_graph() -> None:
    """A merger of cities is a change event with lineage; a county moved to another
    metropolitan government is changed by a `move` event and belongs to the new one."""
    g = _graph()
    assert [({str(gov(n)) for n in ("창원시 (1980–2010)", "마산시", "진해시")}, {str(gov("창원시"))})] == \
        _changes(g, "merge", "2010-07-01")
    pred = URIRef(PREFIXES["kgo"] + "predecessor")
    assert (gov("창원시"), pred, gov("마산시")) in g
    org = PREFIXES["org"]
    assert (gov("군위군"), URIRef(org + "subOrganizationOf"), gov("대구광역시")) in g
    assert (gov("군위군"), URIRef(org + "subOrganizationOf"), gov("경상북도")) not in g
    moved = list(g.query(Q + """SELECT ?e WHERE { ?e kgo:changeKind "move" ; dcterms:subject ?b .
        ?b org:changedBy ?e }"""))
    assert len(moved) == 1 and (gov("군위군"), pred, None) not in g
