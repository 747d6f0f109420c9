"""Queries run in killable worker processes: time limit, row cap, read-only."""
from __future__ import annotations

import time

import pytest
from rdflib import Literal, URIRef

from core.errors import QueryError, QueryTimeout
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.read.sparql_exec import QueryRunner
from kg.store.sparql_text import check_read_only

EX = "http://example.org/"


@pytest.fixture(scope="module")
def runner(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    kg = KnowledgeGraph(Settings(data_dir=data))
    kg.store.put_graph(EX + "g", [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i)) for i in range(300)])
    kg.publish()
    kg.close()
    r = QueryRunner(data, workers=1)
    yield r
    r.close()


def test_select_and_row_cap(runner) -> None:
    res = runner.run("SELECT ?s WHERE { ?s ?p ?o }", timeout=30, max_rows=1000)
    assert len(res.rows) == 300 and not res.truncated
    res = runner.run("SELECT ?s WHERE { ?s ?p ?o }", timeout=30, max_rows=10)
    assert len(res.rows) == 10 and res.truncated


def test_runaway_query_is_stopped_and_the_runner_recovers(runner) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # 300^4 rows
    t = time.monotonic()
    with pytest.raises(QueryTimeout, match="limit") as e:
        runner.run(slow, timeout=1.0, max_rows=10)
    assert time.monotonic() - t < 10
    assert str(e.value).startswith("질의가 제한 시간 1초를 넘어 중단됐습니다 (the query ran longer")  # Korean first
    # the killed worker was replaced: the next query works
    assert runner.run("ASK { ?s ?p ?o }", timeout=30, max_rows=10).boolean is True


def test_syntax_error_message(runner) -> None:
    with pytest.raises(QueryError, match="1:"):
        runner.run("SELECT ?x WHERE { ?x ", timeout=30, max_rows=10)


@pytest.mark.parametrize("q", [
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/x.ttl>",
    "DROP ALL",
    "CLEAR DEFAULT",
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
])
def test_updates_and_service_are_refused(q: str) -> None:
    with pytest.raises(QueryError, match="not allowed") as e:
        check_read_only(q)
    assert "는 쓸 수 없습니다. 이 엔드포인트는 " in str(e.value).split(" (")[0]  # Korean first, the English after


@pytest.mark.parametrize("q", [
    'SELECT ?insert ?drop WHERE { ?insert ?drop "DELETE me" }',
    "SELECT * WHERE { ?s <http://example.org/load> ?o } # CLEAR ALL",
    "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:create ?o }",
])
def test_keywords_inside_names_strings_and_comments_are_fine(q: str) -> None:
    check_read_only(q)


def test_from_file_iri_does_not_read_the_file_system(runner) -> None:
    # FROM names a graph of the store; nothing is fetched, so the dataset is empty
    res = runner.run("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", timeout=30, max_rows=10)
    assert res.rows == []
    res = runner.run("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", timeout=30, max_rows=10)
    assert res.rows == []


def test_from_and_protocol_graphs_select_the_dataset(runner) -> None:
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(runner.run(q.replace("WHERE", "FROM <http://example.org/g> WHERE"), 30, 10).rows[0]["n"]) == 300
    assert int(runner.run(q, 30, 10, default_graphs=[EX + "g"]).rows[0]["n"]) == 300
    assert int(runner.run(q, 30, 10, default_graphs=[EX + "other"]).rows[0]["n"]) == 0
    res = runner.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", 30, 10, named_graphs=[EX + "g"])
    assert [str(r["g"]) for r in res.rows] == [EX + "g"]
