from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef

from core.errors import QueryError, StoreError
from kg.store.embedded import GraphStore

EX = "http://example.org/"


def _triples(n: int, tag: str = "x") -> list[tuple]:
    return [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(f"{tag}{i}")) for i in range(n)]


def test_round_trip_survives_reopen(tmp_path) -> None:
    path = tmp_path / "graph"
    with GraphStore(path) as s:
        assert s.put_graph(EX + "g1", _triples(100)) == 100
    with GraphStore(path, create=False) as s:
        assert s.has_graph(EX + "g1")
        rows = s.select(f"SELECT ?o WHERE {{ <{EX}s7> <{EX}p> ?o }}")
        assert [str(r["o"]) for r in rows] == ["x7"]


def test_put_graph_replaces_and_queries_see_the_union(tmp_path) -> None:
    with GraphStore(tmp_path / "g") as s:
        s.put_graph(EX + "g1", _triples(5, "a"))
        s.put_graph(EX + "g2", _triples(3, "b"))
        s.put_graph(EX + "g1", _triples(2, "c"))  # replaces g1's content
        n = s.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]
        assert int(n) == 5
        s.remove_graph(EX + "g2")
        assert not s.has_graph(EX + "g2")
        assert s.stats()["triples"] == 2


def test_malformed_query_gives_parser_message(tmp_path) -> None:
    with GraphStore(tmp_path / "g") as s, pytest.raises(QueryError, match="syntax"):
        s.query("SELECT ?x WHERE { ?x ")


def test_an_undeclared_prefix_is_named_with_the_ones_that_need_no_declaration(tmp_path) -> None:
    """Oxigraph says 'Prefix not found' inside a dump of Unicode ranges; the message
    names the prefix, says how to declare it, lists kgo: and the like, and points at the
    place under the line (Hangul counted two columns wide, as a monospace font shows it)."""
    query = 'SELECT ?x WHERE {\n  ?x skos:prefLabel "산업통상자원부"@ko ; wdt:P31 ?n }'
    with GraphStore(tmp_path / "g") as s:
        for run in (s.query, s.select):
            with pytest.raises(QueryError) as e:
                run(query)
            message = str(e.value)
            assert "2행" in message and "'wdt:'" in message and "PREFIX wdt:" in message, message
            assert "kgo" in message and "\\u{" not in message and "..=" not in message
            line, caret = message.splitlines()[-2:]
            assert line.strip() == query.splitlines()[1].strip()
            at = caret.index("^")
            # under the first use of the prefix, once the seven Hangul count double
            assert at == line.index("wdt:P31") + 7


def test_what_may_come_next_is_listed_without_character_classes(tmp_path) -> None:
    with GraphStore(tmp_path / "g") as s, pytest.raises(QueryError) as e:
        s.query("SELECT * WHERE { ?s ?p ?o } LIMT 5")
    message = str(e.value)
    assert "1행" in message and "HAVING" in message and "OFFSET" in message, message
    assert "\\u{" not in message and "[_]" not in message


def test_missing_store_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="kg ingest") as e:
        GraphStore(tmp_path / "nothing", create=False)
    assert str(e.value).startswith(f"{tmp_path / 'nothing'}에 그래프 저장소가 없습니다. 먼저 `kg ingest`로")


def test_documents_with_key(tmp_path) -> None:
    from ontology.namespace import KGO

    with GraphStore(tmp_path / "g") as s:
        d = URIRef(EX + "doc1")
        s.put_graph(str(d), [(d, KGO.sourceKey, Literal("corpus/a.md"))])
        assert s.documents_with_key("corpus/a.md") == [str(d)]
        assert s.documents_with_key('evil" } ') == []


def test_literals_with_newlines_quotes_and_languages_survive(tmp_path) -> None:
    tricky = 'line one\nline "two"\r\n back\\slash 한국어 <tag>'
    triples = [
        (URIRef(EX + "a"), URIRef(EX + "p"), Literal(tricky)),
        (URIRef(EX + "a"), URIRef(EX + "label"), Literal("산업부", lang="ko")),
        (URIRef(EX + "a"), URIRef(EX + "n"), Literal(42)),
    ]
    with GraphStore(tmp_path / "g") as s:
        s.put_graph(EX + "g", triples)
        got = {str(r["p"]): r["o"] for r in s.select(f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }}")}
    assert str(got[EX + "p"]) == tricky
    assert got[EX + "label"].language == "ko"
    assert got[EX + "n"].toPython() == 42


def test_bad_iri_is_refused_not_stored(tmp_path) -> None:
    with GraphStore(tmp_path / "g") as s:
        s.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("keep"))])
        with pytest.raises((StoreError, QueryError)):
            s.put_graph(EX + "g2", [(URIRef(EX + "a b>"), URIRef(EX + "p"), Literal("x"))])
        assert s.has_graph(EX + "g") and not s.has_graph(EX + "g2")


def test_select_strings_gives_what_select_gives_as_strings(tmp_path) -> None:
    store = GraphStore(tmp_path / "g")
    store.put_graph(EX + "g1", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("산업부 발표\n둘째 줄", lang="ko")),
                                (URIRef(EX + "a"), URIRef(EX + "q"), Literal(7)),
                                (URIRef(EX + "b"), URIRef(EX + "p"), URIRef(EX + "a"))])
    q = "SELECT ?s ?o ?n WHERE { ?s <http://example.org/p> ?o OPTIONAL { ?s <http://example.org/q> ?n } } ORDER BY ?s"
    expected = [{k: str(v) for k, v in r.items()} for r in store.select(q)]
    assert store.select_strings(q) == expected
    assert expected == [{"s": EX + "a", "o": "산업부 발표\n둘째 줄", "n": "7"}, {"s": EX + "b", "o": EX + "a"}]
    with pytest.raises(QueryError):
        store.select_strings("SELECT ?s WHERE { ?s ")
    store.close()


def test_replace_graph_swaps_a_document_whole_and_collects_what_it_alone_described(tmp_path) -> None:
    """kg.write.reread's write: one transaction replaces the graph (tricky literals kept),
    adds the new descriptions, and drops those of an entity nothing mentions any more."""
    from ontology.namespace import KGO  # noqa: PLC0415

    eg, doc, old_e, new_e = EX + "entities", URIRef(EX + "d1"), URIRef(EX + "e-old"), URIRef(EX + "e-new")
    tricky = Literal('line "one"\n\\ 한국어', lang="ko")
    with GraphStore(tmp_path / "g", entity_graph=eg) as s:
        s.put_graph(str(doc), [(doc, KGO.mentions, old_e), (doc, KGO.text, tricky)],
                    described=[(old_e, URIRef(EX + "label"), Literal("옛"))])
        s.replace_graph(s.prepare_graph(str(doc), [(doc, KGO.mentions, new_e), (doc, KGO.text, tricky)],
                                        described=[(new_e, URIRef(EX + "label"), Literal("새"))]))
        rows = s.select("SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        got = {(str(r["g"]), str(r["s"]), str(r["o"]), getattr(r["o"], "language", None)) for r in rows}
    assert got == {(str(doc), str(doc), str(new_e), None), (str(doc), str(doc), str(tricky), "ko"),
                   (eg, str(new_e), "새", None)}


def test_a_graph_rewritten_with_a_bad_term_keeps_what_it_held(tmp_path) -> None:
    """The old graph stays whole when its replacement cannot be written (repair and the
    gazetteer rewrite graphs in place: a failure between dropping and loading lost them)."""
    with GraphStore(tmp_path / "g") as s:
        s.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("keep"))])
        with pytest.raises((StoreError, QueryError)):
            s.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal("new")),
                                   (BNode("not a valid label"), URIRef(EX + "p"), Literal("x"))])
        got = [r["o"].toPython() for r in s.select(f"SELECT ?o WHERE {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }}")]
        assert got == ["keep"]
