"""What only Virtuoso does, against a real one (conftest.py starts it; without
virtuoso-opensource-7-bin these are skipped, and fail in CI). The behaviours every server
shares (ingest, queries, replace, remove, export/import, Korean literals) run against
Virtuoso too: test_remote.py and test_export.py take each server in turn."""
from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import Literal, URIRef

from core.model import Document, Entity, Extraction
from core.errors import QueryError, QueryTimeout, StoreError
from kg.read.graph import KnowledgeGraph
from kg.store.remote import VIRTUOSO_SYSTEM_GRAPH, RemoteStore
from kg.settings import Settings
from kg.store.transfer import export_nquads, import_nquads
from ontology.iris import document_iri
from ontology.mapping import document_triples

EX = "http://example.org/"
KOREAN = '산업통상자원부 "AI 자율제조" 전략\n둘째 줄 \\ 끝'


def triples(n: int, tag: str = "값") -> list[tuple]:
    return [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(f"{tag} {i}", lang="ko")) for i in range(n)]


@pytest.fixture
def vt(virtuoso) -> object:  # noqa: ANN001  (a conftest SparqlServer)
    virtuoso.clear()
    return virtuoso


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory, start_virtuoso) -> Iterator[object]:  # noqa: ANN001
    """A Virtuoso as some are set up: ResultSetMaxRows 50 (Debian ships 10000), a 1 s
    MaxQueryExecutionTime, no CaseMode = 2."""
    with start_virtuoso(tmp_path_factory.mktemp("virtuoso-odd"), max_rows=50, max_seconds=1, case_mode=False) as s:
        yield s


# -- the account and its view -----------------------------------------------------------

def test_digest_credentials_on_sparql_auth(vt) -> None:  # noqa: ANN001
    """/sparql-auth does Digest only, and answers a Basic header with a bare 401."""
    settings = Settings.from_env({"KG_SPARQL_ENDPOINT": f"{vt}/sparql-auth", "KG_SPARQL_USER": "kg",
                                  "KG_SPARQL_PASSWORD": "kg-secret"})
    s = RemoteStore.from_settings(settings)
    s.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef(EX + "label"), Literal(KOREAN, lang="ko"))])
    assert s._auth is None  # Basic was refused once; Digest from then on
    got = s.select(f"SELECT ?o WHERE {{ <{EX}a> ?p ?o }}")[0]["o"]
    assert str(got) == KOREAN and got.language == "ko"
    assert s.stats()["triples"] == 1  # the union default graph holds ours only
    with pytest.raises(StoreError, match="401.*KG_SPARQL_USER"):
        RemoteStore(f"{vt}/sparql-auth", user="kg", password="wrong").stats()


def test_visible_system_graphs_are_refused(vt) -> None:  # noqa: ANN001
    """dba sees virtrdf# and the rest: they would be counted, exported and imported."""
    with pytest.raises(StoreError, match="시스템 그래프.*README.*system graphs"):
        RemoteStore(f"{vt}/sparql-auth", user="dba", password="dba").stats()
    # made private, they are out of reach of an import too
    with pytest.raises(StoreError, match=r"(?s)access denied.*account's rights"):
        RemoteStore(vt.query, vt.update).remove_graph(VIRTUOSO_SYSTEM_GRAPH)
    assert RemoteStore(vt.query).stats()["triples"] == 0


def test_error_pages_are_shown_as_text(vt) -> None:  # noqa: ANN001
    with pytest.raises(StoreError, match="404") as e:
        RemoteStore(f"{vt}/nothing").stats()
    assert "<" not in str(e.value) and "/nothing" in str(e.value)


# -- writing ----------------------------------------------------------------------------

def test_graph_store_without_nquads_is_found_out(vt) -> None:  # noqa: ANN001
    """A dataset POST to /sparql-graph-crud answers 200 and stores nothing: the first one
    is checked, and the import goes graph by graph."""
    s = RemoteStore(vt.query, vt.update, vt.store)
    data = "".join(f'<{EX}s{i}> <{EX}p> "값 {i}"@ko <{EX}g{i % 3}> .\n' for i in range(30)).encode()
    assert import_nquads(s, io.BytesIO(data), chunk=7) == (30, 3)
    assert s._gsp_quads is False
    counts = {str(r["g"]): int(r["n"]) for r in s.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    assert counts == {f"{EX}g0": 10, f"{EX}g1": 10, f"{EX}g2": 10}


def test_large_graph_in_default_chunks(vt) -> None:  # noqa: ANN001
    """Default chunk size, long Korean literals: within Virtuoso's limits on SPARQL text."""
    s = RemoteStore(vt.query, vt.update)
    long = "가나다라마바사 " * 2000
    ts = triples(1500) + [(URIRef(EX + "long"), URIRef(EX + "text"), Literal(long, lang="ko"))]
    assert s.put_graph(EX + "big", ts) == 1501
    assert s.stats()["triples"] == 1501
    assert str(s.select(f"SELECT ?o WHERE {{ <{EX}long> ?p ?o }}")[0]["o"]) == long


# -- answers cut short ----------------------------------------------------------------

def test_anytime_query_partial_results_are_a_timeout(vt) -> None:  # noqa: ANN001
    """`timeout` (ms) makes an "anytime" query: 200, X-SQL-State S1TAT, partial results."""
    s = RemoteStore(vt.query, vt.update, timeout=30)
    s.put_graph(EX + "slow", triples(300))
    cube = " ".join(f"GRAPH <{EX}slow> {{ ?s{i} ?p{i} ?o{i} }}" for i in range(3))
    anytime = RemoteStore(f"{vt.query}?timeout=200", timeout=30)
    with pytest.raises(QueryTimeout, match="incomplete"):
        anytime.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {cube} FILTER(STRLEN(CONCAT(?o0, ?o1, ?o2)) > 5) }}")


def test_server_time_limit_is_a_timeout(odd) -> None:  # noqa: ANN001
    s = RemoteStore(odd.query, odd.update, timeout=30)
    s.put_graph(EX + "slow", triples(300))
    cube = " ".join(f"GRAPH <{EX}slow> {{ ?s{i} ?p{i} ?o{i} }}" for i in range(3))
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="SR171"):
        s.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {cube} FILTER(STRLEN(CONCAT(?o0, ?o1, ?o2)) > 5) }}")
    assert time.monotonic() - t0 < 10
    s.remove_graph(EX + "slow")


def test_result_row_cap_is_an_error_not_a_short_answer(odd) -> None:  # noqa: ANN001
    s = RemoteStore(odd.query, odd.update)
    s.put_graph(EX + "big", triples(60))
    with pytest.raises(QueryError, match="cut the answer at 50 rows.*ResultSetMaxRows"):
        s.select(f"SELECT ?s WHERE {{ GRAPH <{EX}big> {{ ?s ?p ?o }} }}")
    assert len(s.select(f"SELECT ?s WHERE {{ GRAPH <{EX}big> {{ ?s ?p ?o }} }} LIMIT 49")) == 49
    with pytest.raises(QueryError, match="at 50 rows"):  # exactly 50: Virtuoso cannot tell it from a cut
        s.select(f"SELECT ?s WHERE {{ GRAPH <{EX}big> {{ ?s ?p ?o }} }} LIMIT 50")
    with pytest.raises(StoreError, match=r"ResultSetMaxRows.*sent 5\d of the 60 triples"):  # a CONSTRUCT says nothing
        export_nquads(s, io.BytesIO())
    s.remove_graph(EX + "big")


def test_ask_without_case_mode(odd) -> None:  # noqa: ANN001
    """Without CaseMode = 2 Virtuoso answers an ASK as a SELECT of __ASK_RETVAL."""
    s = RemoteStore(odd.query, odd.update)
    s.put_graph(EX + "g", triples(2))
    assert s.has_graph(EX + "g") is True and s.has_graph(EX + "nothing") is False
    s.remove_graph(EX + "g")


# -- through KnowledgeGraph, with the recommended account ---------------------------------

def test_knowledge_graph_over_sparql_auth(vt, tmp_path: Path) -> None:  # noqa: ANN001
    text = "산업통상자원부는 5일 AI 자율제조 전략을 발표했다."
    doc = Document(title="AI 자율제조 전략", text=text, source="a.md", key="a.md", date="2024-03-05")
    doc.extraction = Extraction(entities=[Entity(0, 7, "산업통상자원부", "MINISTRY", sentence=0)],
                                sentences=[(0, len(text))])
    env = {"KG_SPARQL_ENDPOINT": f"{vt}/sparql-auth", "KG_SPARQL_USER": "kg", "KG_SPARQL_PASSWORD": "kg-secret",
           "KG_SPARQL_GRAPH_STORE": f"{vt}/sparql-graph-crud-auth"}
    settings = Settings.from_env(env, data_dir=tmp_path, base_iri="http://kg.test/")
    with KnowledgeGraph(settings) as kg:
        graph, ts, described = document_triples(doc, kg.base)
        kg.store.put_graph(str(graph), ts, described)  # a Graph Store PUT, Digest-authenticated
        iri = str(document_iri("http://kg.test/", doc.id))
        page = kg.document(iri)
        assert page is not None and page["text"] == text and page["title"] == doc.title
        assert kg.sparql(f"ASK {{ <{iri}> ?p ?o }}").boolean is True
        assert kg.store.stats()["documents"] == 1
