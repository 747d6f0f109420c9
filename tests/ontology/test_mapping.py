from __future__ import annotations

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from core.model import Document, Entity, Extraction, Relation
from ontology.iris import document_iri, entity_iri, name_segment, parse_id_path
from ontology.mapping import document_triples, value_bounds
from ontology.namespace import KGO, KGR

BASE = "http://example.org/"
TEXT = "산업부는 7일 'AI 자율제조 전략'을 발표했다. 연내 실증을 마친다."


def _doc() -> Document:
    ents = [
        Entity(0, 3, "산업부", "MINISTRY", canonical="산업통상자원부", sentence=0),
        Entity(5, 7, "7일", "DATE", value="2024-03-07", sentence=0),
        Entity(9, 19, "AI 자율제조 전략", "INITIATIVE", canonical="AI 자율제조 전략", sentence=0, attrs={"kind": "strategy"}),
        Entity(28, 30, "연내", "DATE", value="../2024-12-31", sentence=1),
    ]
    rels = [Relation("ANNOUNCES", 0, 2, sentence=0), Relation("SCHEDULED_FOR", 2, 3, sentence=1)]
    ex = Extraction(entities=ents, relations=rels, sentences=[(0, 27), (28, len(TEXT))])
    return Document(title="AI 자율제조", text=TEXT, source="a.md", date="2024-03-07", extraction=ex)


def test_offsets_in_fixture_are_right() -> None:
    d = _doc()
    for e in d.extraction.entities:
        assert d.text[e.start:e.end] == e.text


def test_document_graph_has_entities_relations_and_provenance() -> None:
    doc = _doc()
    graph_iri, triples, described = document_triples(doc, BASE)
    assert graph_iri == document_iri(BASE, doc.id)
    g = Graph()
    for t in triples:
        g.add(t)
    motie = entity_iri(BASE, "MINISTRY", "산업통상자원부")
    plan = entity_iri(BASE, "INITIATIVE", "AI 자율제조 전략")
    # the relation: stated once in the entity graph, and reported in the document's graph
    assert (motie, KGO.announces, plan) in described
    assert (motie, KGO.announces, plan) not in g
    assert (motie, KGR.announces, plan) in g
    # what an entity is goes to the shared entity graph, once, not into the document's graph
    assert (motie, SKOS.altLabel, Literal("산업부", lang="ko")) in described
    assert (motie, SKOS.prefLabel, Literal("산업통상자원부", lang="ko")) in described
    assert (motie, SKOS.prefLabel, Literal("산업통상자원부", lang="ko")) not in g
    assert len(described) == len(set(described))
    assert (graph_iri, KGO.mentions, plan) in g
    assert (graph_iri, DCTERMS.title, Literal("AI 자율제조")) in g
    # the relation is reified with the sentence it came from
    stmt = next(g.subjects(RDF.predicate, KGO.announces))
    sent = g.value(stmt, KGO.inSentence)
    assert str(g.value(sent, KGO.text)) == "산업부는 7일 'AI 자율제조 전략'을 발표했다."
    # the deadline is an OWL-Time interval with an end only
    when = g.value(plan, KGO.scheduledFor)
    assert str(g.value(when, KGO.expression)) == "연내"
    end = g.value(when, URIRef("http://www.w3.org/2006/time#hasEnd"))
    assert str(g.value(end, URIRef("http://www.w3.org/2006/time#inXSDDate"))) == "2024-12-31"
    assert g.value(when, URIRef("http://www.w3.org/2006/time#hasBeginning")) is None


def test_the_document_graph_states_each_fact_once() -> None:
    """The named graph is the document, so nothing in it says so again; a mention is
    what has a mention type; a sentence is kept when a mention or relation cites it."""
    text = TEXT + " 날씨가 맑았다."
    doc = _doc()
    doc = Document(title=doc.title, text=text, source=doc.source, date=doc.date,
                   extraction=Extraction(entities=doc.extraction.entities, relations=doc.extraction.relations,
                                         sentences=[*doc.extraction.sentences, (len(TEXT) + 1, len(text))]))
    graph_iri, triples, _ = document_triples(doc, BASE)
    g = Graph()
    for t in triples:
        g.add(t)
    assert not list(g.triples((None, KGO.inDocument, None)))
    assert not list(g.subjects(RDF.type, KGO.Mention))
    mentions = set(g.subjects(KGO.mentionType, None))
    assert {str(g.value(m, KGO.text)) for m in mentions} == {"산업부", "7일", "AI 자율제조 전략", "연내"}
    assert all(isinstance(g.value(m, KGO.inSentence), URIRef) for m in mentions)
    sentences = {str(g.value(s, KGO.text)) for s in g.subjects(RDF.type, KGO.Sentence)}
    assert sentences == {"산업부는 7일 'AI 자율제조 전략'을 발표했다.", "연내 실증을 마친다."}   # not the weather


def test_same_input_same_triples() -> None:
    a = set(document_triples(_doc(), BASE)[1])
    b = set(document_triples(_doc(), BASE)[1])
    assert a == b


def test_iris_are_deterministic_and_safe() -> None:
    assert entity_iri(BASE, "COMPANY", "LG전자") == URIRef(BASE + "id/company/LG전자")
    assert name_segment("AI 자율제조 전략") == "AI_자율제조_전략"
    assert "/" not in name_segment("a/b?c#d")


def test_a_name_with_characters_no_iri_may_hold_gets_an_iri_the_store_takes() -> None:
    """A damaged file's U+FFFD (or a stray control or private-use character) in a name is
    percent-encoded: Oxigraph refused the whole document's graph otherwise."""
    from pyoxigraph import NamedNode  # noqa: PLC0415

    for name in ("자율제조\ufffd\ufffd 전략", "a\x85b", "사\ue000업", "x\ufdd0"):
        iri = entity_iri(BASE, "INITIATIVE", name)
        NamedNode(str(iri))                                    # raises on an invalid IRI
        assert parse_id_path(str(iri)[len(BASE + "id/"):]) == ("INITIATIVE", name.replace("\x85", " "))


def test_value_bounds() -> None:
    assert value_bounds("2024-03-07") == ("2024-03-07", "2024-03-07")
    assert value_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert value_bounds("2024") == ("2024-01-01", "2024-12-31")
    assert value_bounds("2024-01-01/2024-06-30") == ("2024-01-01", "2024-06-30")
    assert value_bounds("../2030") == (None, "2030-12-31")
    assert value_bounds("garbage") == (None, None)


def test_only_names_become_other_names_of_an_entity() -> None:
    """산업부 is another name of 산업통상자원부; '전략' pointing back to 'AI 자율제조 전략',
    a meeting word named after its context ('출범식') and an undated '간담회' are not."""
    from ingest.nlp.pipeline import extract  # noqa: PLC0415

    text = ("산업부는 'AI 자율제조 전략'을 발표했다. 이번 전략은 연내 시행된다. "
            "산업부는 'AI 자율제조 얼라이언스' 출범식을 열었다. 출범식에는 LG전자가 참여했다. 간담회도 열렸다.")
    doc = Document(title="t", text=text, source="t.md", date="2024-03-07", extraction=extract(text, "2024-03-07"))
    _iri, _triples, described = document_triples(doc, BASE)
    alt = {(str(s).rsplit("/", 1)[-1], str(o)) for s, p, o in described if p == SKOS.altLabel}
    assert ("산업통상자원부", "산업부") in alt
    assert not [a for a in alt if a[1] in ("전략", "출범식", "간담회")], alt
