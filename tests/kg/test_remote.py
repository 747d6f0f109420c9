"""kg/ against real SPARQL servers: each test that takes `base_url` runs against Oxigraph
(`oxigraph serve`) and Virtuoso (tests/kg/conftest.py starts both); test_virtuoso.py has
what only Virtuoso does."""
from __future__ import annotations

import base64
import hashlib
import re
import sys
import threading
import time
import types
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from rdflib import Literal, URIRef

from core.model import Document, Entity, Extraction, Relation
from core.errors import QueryError, QueryTimeout, SettingsError, StoreError
from kg.read.graph import KnowledgeGraph
from kg.store.remote import RemoteStore
from kg.settings import Settings
from kg.store.embedded import GraphStore
from ontology.iris import document_iri
from ontology.namespace import KGO
from ontology.mapping import document_triples, entity_node

EX = "http://example.org/"
BASE = "http://kg.test/"
TRICKY = '첫 줄\n둘째 줄 "인용" 과 \'작은따옴표\'\r\n역슬래시 \\ 와 \\u0041 <태그> {중괄호} 탭\t끝'




def remote_settings(base_url, tmp_path: Path, gsp: bool = False, **kw: object) -> Settings:  # noqa: ANN001
    return Settings.from_env({}, data_dir=tmp_path, base_iri=BASE, sparql_endpoint=base_url.query,
                             sparql_update_endpoint=base_url.update,
                             sparql_graph_store=base_url.store if gsp else None, **kw)


def store(base_url, gsp: bool = False, **kw: object) -> RemoteStore:  # noqa: ANN001  (a conftest SparqlServer)
    return RemoteStore(base_url.query, base_url.update, base_url.store if gsp else None, **kw)


def triples(n: int, tag: str = "x") -> list[tuple]:
    return [(URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(f"{tag}{i}")) for i in range(n)]


def korean_document(title: str, text: str, key: str, date: str = "2024-03-05") -> Document:
    """A document with a hand-written extraction (no NLP needed)."""
    doc = Document(title=title, text=text, source=key, key=key, date=date)
    i = text.index("산업통상자원부")
    j = text.index("AI 자율제조 전략")
    doc.extraction = Extraction(
        entities=[Entity(i, i + 7, "산업통상자원부", "MINISTRY", canonical="산업통상자원부", sentence=0),
                  Entity(j, j + 10, "AI 자율제조 전략", "INITIATIVE", canonical="AI 자율제조 전략", sentence=0)],
        relations=[Relation("ANNOUNCES", 0, 1, sentence=0)],
        sentences=[(0, len(text))],
    )
    return doc


# -- settings --------------------------------------------------------------------------

def test_settings_from_environment() -> None:
    s = Settings.from_env({"KG_SPARQL_ENDPOINT": "http://db:7878/query", "KG_SPARQL_UPDATE_ENDPOINT": "http://db:7878/update",
                           "KG_SPARQL_GRAPH_STORE": "http://db:7878/store", "KG_SPARQL_USER": "kg",
                           "KG_SPARQL_PASSWORD": "s3cret"})
    assert s.sparql_endpoint == "http://db:7878/query" and s.sparql_graph_store == "http://db:7878/store"
    assert s.sparql_user == "kg" and "s3cret" not in repr(s)
    assert Settings.from_env({}).sparql_endpoint == ""


@pytest.mark.parametrize("env,needle", [
    ({"KG_SPARQL_ENDPOINT": "db:7878/query"}, "KG_SPARQL_ENDPOINT.*http"),
    ({"KG_SPARQL_ENDPOINT": "ftp://db/query"}, "http"),
    ({"KG_SPARQL_ENDPOINT": "http://db:99999/query"}, "KG_SPARQL_ENDPOINT"),
    ({"KG_SPARQL_ENDPOINT": "http://kg:pw@db/query"}, "KG_SPARQL_USER"),
    ({"KG_SPARQL_UPDATE_ENDPOINT": "http://db/update"}, "KG_SPARQL_ENDPOINT is not"),
    ({"KG_SPARQL_ENDPOINT": "http://db/q", "KG_SPARQL_PASSWORD": "pw"}, "KG_SPARQL_USER is not"),
])
def test_bad_remote_settings_are_clear_errors(env: dict[str, str], needle: str) -> None:
    with pytest.raises(SettingsError, match=needle):
        Settings.from_env(env)


# -- through KnowledgeGraph ----------------------------------------------------------------

@pytest.mark.parametrize("gsp", [False, True], ids=["update", "graph-store"])
def test_document_round_trip_through_knowledge_graph(base_url: str, tmp_path: Path, gsp: bool) -> None:
    doc = korean_document("산업부, \"AI 자율제조\" 전략 발표",
                          "산업통상자원부는 5일 AI 자율제조 전략을 발표했다.\n둘째 줄에는 \"따옴표\"와 \\ 역슬래시.", "corpus/a.md")
    settings = remote_settings(base_url, tmp_path, gsp=gsp)
    with KnowledgeGraph(settings, runner=object()) as kg:  # type: ignore[arg-type]
        assert kg.remote and kg.runner is None  # the HTTP time limit replaces the worker processes
        graph, ts, described = document_triples(doc, kg.base)
        assert kg.store.put_graph(str(graph), ts, described) == len(ts)
        kg.publish()  # a no-op for a remote server
    assert not (tmp_path / "snapshots").exists() and not (tmp_path / "graph").exists()

    iri = str(document_iri(BASE, doc.id))
    with KnowledgeGraph(settings, read_only=True) as kg:
        assert isinstance(kg.store, RemoteStore) and kg.store.read_only
        page = kg.document(iri)
        assert page is not None and page["title"] == doc.title and page["text"] == doc.text
        assert [m["type"] for m in page["mentions"]] == ["MINISTRY", "INITIATIVE"]
        ministry = str(entity_node(BASE, doc.extraction.entities[0]))
        ent = kg.entity(ministry)  # no GRAPH clause: needs the union default graph
        assert ent is not None and ent["label"] == "산업통상자원부"
        assert [d["iri"] for d in ent["documents"]] == [iri]
        assert ent["relations"][0]["sentence"] == doc.text
        assert kg.store.documents_with_key("corpus/a.md") == [iri]
        assert list(kg.store.document_iris()) == [iri]
        res = kg.sparql(f"SELECT ?t WHERE {{ <{iri}> <http://purl.org/dc/terms/title> ?t }}")
        assert res.kind == "SELECT" and str(res.rows[0]["t"]) == doc.title
        res = kg.sparql(f"CONSTRUCT WHERE {{ <{iri}> <http://purl.org/dc/terms/title> ?t }}")
        assert res.kind == "CONSTRUCT" and len(res.graph) == 1
        assert kg.sparql(f"ASK {{ <{iri}> ?p ?o }}").boolean is True
        with pytest.raises(StoreError, match="read-only"):
            kg.store.put_graph(EX + "g", triples(1))


def test_a_reader_sees_what_another_process_writes_to_the_server(base_url: str, tmp_path: Path) -> None:
    """A server changes under a read-only connection (unlike a published snapshot), so the
    counts an entity page keeps for a snapshot are asked again."""
    settings = remote_settings(base_url, tmp_path)
    docs = [korean_document(f"산업부 전략 {n}", f"산업통상자원부는 {n}일 AI 자율제조 전략을 발표했다.", f"corpus/r{n}.md")
            for n in (1, 2)]
    ministry = str(entity_node(BASE, docs[0].extraction.entities[0]))
    with KnowledgeGraph(settings) as writer, KnowledgeGraph(settings, read_only=True) as reader:
        def write(doc: Document) -> None:
            graph, ts, described = document_triples(doc, writer.base)
            writer.store.put_graph(str(graph), ts, described)

        write(docs[0])
        assert not reader.store.frozen
        before = reader.entity_details(ministry)["total"]
        write(docs[1])
        assert reader.entity_details(ministry)["total"] == before + 1


@pytest.mark.parametrize("gsp", [False, True], ids=["update", "graph-store"])
def test_tricky_literals_survive(base_url: str, gsp: bool) -> None:
    ts = [(URIRef(EX + "a"), URIRef(EX + "p"), Literal(TRICKY)),
          (URIRef(EX + "a"), URIRef(EX + "label"), Literal("산업부", lang="ko")),
          (URIRef(EX + "a"), URIRef(EX + "n"), Literal(42)),
          (URIRef("http://kg.test/id/gov/산업통상자원부"), URIRef(EX + "p"), Literal("한글 IRI"))]
    s = store(base_url, gsp)
    s.put_graph(EX + "g", ts)
    got = {str(r["p"]): r["o"] for r in s.select(f"SELECT ?p ?o WHERE {{ <{EX}a> ?p ?o }}")}
    assert str(got[EX + "p"]) == TRICKY
    assert got[EX + "label"].language == "ko" and got[EX + "n"].toPython() == 42
    assert s.select("SELECT ?o WHERE { <http://kg.test/id/gov/산업통상자원부> ?p ?o }")[0]["o"] == Literal("한글 IRI")


@pytest.mark.parametrize("gsp", [False, True], ids=["update", "graph-store"])
def test_put_graph_replaces_in_chunks_and_remove(base_url: str, gsp: bool) -> None:
    s = store(base_url, gsp, chunk=100)
    assert s.put_graph(EX + "g1", triples(1234, "a")) == 1234  # 13 INSERT DATA requests without GSP
    s.put_graph(EX + "g2", triples(3, "b"))
    assert s.stats()["triples"] == 1237
    s.put_graph(EX + "g1", triples(250, "c"))  # replaces g1's content
    rows = s.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}g1> {{ ?s ?p ?o }} }}")
    assert int(rows[0]["n"]) == 250
    assert s.select(f"SELECT ?o WHERE {{ GRAPH <{EX}g1> {{ <{EX}s7> ?p ?o }} }}")[0]["o"] == Literal("c7")
    s.remove_graph(EX + "g2")
    assert not s.has_graph(EX + "g2") and s.has_graph(EX + "g1")
    s.remove_graph(EX + "never-there")  # silent
    s.put_graph(EX + "g1", [])
    assert s.stats() == {"documents": 0, "triples": 0, "entities": {}}


def test_stats_counts_documents_triples_and_entities(base_url: str, tmp_path: Path) -> None:
    with KnowledgeGraph(remote_settings(base_url, tmp_path)) as kg:
        for n, key in enumerate(["a.md", "b.md"]):
            doc = korean_document(f"제목 {n}", f"{n}일 산업통상자원부가 AI 자율제조 전략을 내놓았다.", key)
            graph, ts, described = document_triples(doc, kg.base)
            kg.store.put_graph(str(graph), ts, described)
        stats = kg.store.stats()
    assert stats["documents"] == 2 and stats["triples"] > 20
    assert stats["entities"] == {"MINISTRY": 1, "INITIATIVE": 1}


def test_dataset_parameters_limit_the_default_graph(base_url: str) -> None:
    s = store(base_url)
    s.put_graph(EX + "g1", triples(5))
    s.put_graph(EX + "g2", triples(3, "y"))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(s.select(count)[0]["n"]) == 8
    assert int(next(iter(s.query(count, default_graphs=[EX + "g2"]))).asdict()["n"]) == 3
    res = s.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", named_graphs=[EX + "g1"])
    assert [str(r["g"]) for r in res] == [EX + "g1"]


def test_bad_iri_is_refused_before_anything_is_sent(base_url: str) -> None:
    s = store(base_url)
    s.put_graph(EX + "g", triples(1))
    with pytest.raises((StoreError, QueryError)):
        s.put_graph(EX + "g", [(URIRef(EX + "a b>"), URIRef(EX + "p"), Literal("x"))])
    assert s.has_graph(EX + "g")


# -- errors ----------------------------------------------------------------------------

def test_malformed_query_carries_the_servers_message(base_url) -> None:  # noqa: ANN001  (a conftest SparqlServer)
    """Virtuoso's own words; Oxigraph's parser message read as the embedded store reads it."""
    with pytest.raises(QueryError) as err:
        store(base_url).query("SELECT ?x WHERE { ?x ")
    message = str(err.value)
    assert err.value.status == 400 and re.search(r"\(the SPARQL server at \S+ answered 400 [^\n]*\)$", message)
    if base_url.kind == "oxigraph":
        assert message.startswith("SPARQL 구문 오류 (1행 22열; syntax error at 1:22): 여기에는 다음 가운데 하나가 와야 "
                                  "합니다: ")
        assert "\n  SELECT ?x WHERE { ?x \n" + " " * 23 + "^\nSPARQL 서버(" in message
    else:
        assert re.match(r"(?s)^SPARQL 서버.*400 .*SP030: SPARQL compiler.*answered 400", message)


@pytest.mark.parametrize("server", ["oxigraph"], indirect=True)
def test_oxigraph_syntax_error_reads_like_the_embedded_stores(base_url, tmp_path: Path) -> None:  # noqa: ANN001
    """Oxigraph server answers 400 with its parser's message (`error at 3:35: expected one
    of …`, with raw Unicode ranges): shown as kg.store shows it, where, what may come there
    and the line with a caret (Hangul two columns wide), the server's answer after it."""
    s = store(base_url)
    s.put_graph(EX + "g", triples(1))
    query = 'PREFIX ex: <http://example.org/>\nSELECT ?x WHERE {\n  ?x ex:이름 "산업부" . FILTER(?x = ) }'
    with pytest.raises(QueryError) as err:
        s.query(query)
    message = str(err.value)
    assert "error at" not in message.replace("syntax error at", "")  # the parser's own text is not repeated
    assert "\\u" not in message and "..=" not in message and "['" not in message  # no Unicode ranges
    head, line, caret, server = message.split("\n")
    assert head.startswith("SPARQL 구문 오류 (3행 35열; syntax error at 3:35): 여기에는 다음 가운데 하나가 와야 합니다: ")
    assert line == '    ?x ex:이름 "산업부" . FILTER(?x = ) }'
    # where Oxigraph's parser gave up (the line's end): 34 characters before it, 5 of them Hangul
    assert caret == "  " + " " * (34 + 5) + "^"
    assert server == (f"SPARQL 서버({base_url.query})가 400 Bad Request 오류를 돌려줬습니다 "
                      f"(the SPARQL server at {base_url.query} answered 400 Bad Request)")
    with GraphStore(tmp_path / "embedded") as embedded, pytest.raises(QueryError) as local:
        embedded.query(query)
    assert str(local.value) == f"{head}\n{line}\n{caret}"  # the same words as the embedded store's
    # a prefix nobody binds: named at its first use
    with pytest.raises(QueryError) as err:
        s.query('SELECT ?n WHERE {\n  ?x <http://example.org/이름> "산업부" ; ex:name ?n }')
    head, line, caret, _ = str(err.value).split("\n")
    assert head == ("SPARQL 구문 오류 (2행 38열; syntax error at 2:38): 선언되지 않은 접두사 'ex:'입니다. "
                    "질의 앞에 PREFIX ex: <…> 를 쓰세요.")
    assert caret == "  " + " " * (37 + 5) + "^"  # 37 characters before it, 5 of them Hangul
    # the store still answers a well-formed query
    assert int(s.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == 1


def test_a_query_without_prefix_lines_runs_as_on_the_embedded_store(base_url, tmp_path: Path) -> None:  # noqa: ANN001
    """kgo:, skos:, rdfs: … are bound in the embedded store; the same query, with no PREFIX
    line, runs on a server too (the README's examples have none)."""
    s = store(base_url)
    s.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
                            Literal("산업부", lang="ko"))])
    rows = s.select('SELECT ?l WHERE { ?x skos:prefLabel ?l FILTER(lang(?l) = "ko") }')
    assert [str(r["l"]) for r in rows] == ["산업부"]
    with GraphStore(tmp_path / "embedded") as embedded:
        embedded.put_graph(EX + "g", [(URIRef(EX + "a"), URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"),
                                       Literal("산업부", lang="ko"))])
        assert [str(r["l"]) for r in embedded.select('SELECT ?l WHERE { ?x skos:prefLabel ?l }')] == ["산업부"]


def test_server_down_is_a_clear_store_error(tmp_path: Path, unused_port: int) -> None:
    url = f"http://127.0.0.1:{unused_port}/query"
    with KnowledgeGraph(Settings.from_env({}, data_dir=tmp_path, sparql_endpoint=url)) as kg:
        with pytest.raises(StoreError, match=re.escape(url) + ".*connection refused"):
            kg.store.stats()
        with pytest.raises(StoreError, match="connection refused"):
            kg.store.put_graph(EX + "g", triples(1))


def test_wrong_path_is_a_store_error_with_the_url(base_url: str) -> None:
    with pytest.raises(StoreError, match=r"/nothing answered 404.*KG_SPARQL_ENDPOINT"):
        RemoteStore(f"{base_url}/nothing").stats()


def test_slow_query_times_out(base_url: str) -> None:
    s = store(base_url, timeout=0.3)
    s.put_graph(EX + "slow", triples(300))
    cube = " ".join(f"GRAPH <{EX}slow> {{ ?s{i} ?p{i} ?o{i} }}" for i in range(3))  # 27 million rows
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout, match="0.3 s"):  # the FILTER: Virtuoso counts a bare cube in no time
        s.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {cube} FILTER(STRLEN(CONCAT(?o0, ?o1, ?o2)) > 5) }}")
    assert time.monotonic() - t0 < 3


def test_server_side_time_limit_is_reported_as_a_timeout(tmp_path: Path, start_oxigraph) -> None:
    """Oxigraph reports its own limit after the 200 header, inside the body."""
    with start_oxigraph(tmp_path / "db", "--union-default-graph", "--timeout-s", "1") as url:
        s = store(url, timeout=30)
        s.put_graph(EX + "slow", triples(300))
        cube = " ".join(f"GRAPH <{EX}slow> {{ ?s{i} ?p{i} ?o{i} }}" for i in range(3))
        with pytest.raises(QueryTimeout, match="cancelled"):
            s.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {cube} }}")


def test_default_graph_without_union_is_refused(tmp_path: Path, start_oxigraph) -> None:
    with start_oxigraph(tmp_path / "db") as url:  # no --union-default-graph
        s = store(url)
        assert s.stats()["triples"] == 0  # an empty store cannot tell: checked again later
        s.put_graph(EX + "g", triples(2))
        with pytest.raises(StoreError, match="--union-default-graph"):
            s.stats()


# -- credentials -------------------------------------------------------------------------

class _AuthServer(ThreadingHTTPServer):
    scheme = "Basic"
    seen: list[str]


class _AuthHandler(BaseHTTPRequestHandler):
    server: _AuthServer

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization", "")
        self.server.seen.append(auth)
        if self._ok(auth):
            body = b'{"head":{},"boolean":true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
        else:
            body = "인증 필요".encode()
            self.send_response(401)
            challenge = ('Basic realm="kg"' if self.server.scheme == "Basic"
                         else 'Digest realm="kg", nonce="abc123", qop="auth", algorithm="MD5"')
            self.send_header("WWW-Authenticate", challenge)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _ok(self, auth: str) -> bool:
        if self.server.scheme == "Basic":
            return auth == "Basic " + base64.b64encode("kg:비밀".encode()).decode()
        if not auth.startswith("Digest "):
            return False
        f = dict(re.findall(r'(\w+)="?([^",]*)"?', auth[7:]))
        md5 = lambda s: hashlib.md5(s.encode()).hexdigest()  # noqa: E731
        ha1, ha2 = md5("kg:kg:secret"), md5(f"POST:{f['uri']}")
        return f["username"] == "kg" and f["response"] == md5(f"{ha1}:abc123:{f['nc']}:{f['cnonce']}:auth:{ha2}")

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def auth_server(scheme: str) -> Iterator[_AuthServer]:
    srv = _AuthServer(("127.0.0.1", 0), _AuthHandler)
    srv.scheme, srv.seen = scheme, []
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        t.join(5)


def test_basic_credentials_are_sent_up_front() -> None:
    with auth_server("Basic") as srv:
        url = f"http://127.0.0.1:{srv.server_address[1]}/sparql"
        settings = Settings.from_env({"KG_SPARQL_ENDPOINT": url, "KG_SPARQL_USER": "kg", "KG_SPARQL_PASSWORD": "비밀"})
        s = RemoteStore.from_settings(settings)
        assert s._query("ASK { ?s ?p ?o }").askAnswer is True
        assert len(srv.seen) == 1 and srv.seen[0].startswith("Basic ")
        with pytest.raises(StoreError, match="401.*인증 필요.*KG_SPARQL_USER"):
            RemoteStore(url, user="kg", password="wrong")._query("ASK { ?s ?p ?o }")


def test_digest_challenge_is_answered() -> None:
    with auth_server("Digest") as srv:
        url = f"http://127.0.0.1:{srv.server_address[1]}/sparql-auth"
        assert RemoteStore(url, user="kg", password="secret")._query("ASK { ?s ?p ?o }").askAnswer is True
        assert srv.seen[-1].startswith("Digest ")


# -- the ingest pipeline against the server ----------------------------------------------

def _fake_nlp(hand: dict[str, Extraction]) -> types.ModuleType:
    """ingest.nlp.pipeline stand-in that returns hand-written extractions."""
    mod = types.ModuleType("ingest.nlp.pipeline")

    def extract_many(items, **_kw):  # noqa: ANN001, ANN003, ANN202
        for text, _date in items:
            yield hand[text]

    mod.extract_many = extract_many  # type: ignore[attr-defined]
    return mod


def test_pipeline_writes_updates_and_skips_on_the_server(base_url: str, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.pipeline against the server, with the NLP step stubbed (see the next test)."""
    from kg.write.pipeline import ingest_documents

    a = korean_document("AI 자율제조 전략", "산업통상자원부는 5일 AI 자율제조 전략을 발표했다.", "a.md")
    b = korean_document("\"공장\" 회의", "산업통상자원부가 AI 자율제조 전략 회의를 열었다.\n참석 기업 10곳.", "b.md")
    b2 = korean_document("\"공장\" 회의 (수정)", "산업통상자원부가 AI 자율제조 전략 회의를 다시 열었다.", "b.md")
    hand = {}
    for d in (a, b, b2):  # the pipeline fills `extraction` itself
        hand[d.text], d.extraction = d.extraction, None
    monkeypatch.setitem(sys.modules, "ingest.nlp.pipeline", _fake_nlp(hand))

    settings = remote_settings(base_url, tmp_path)
    with KnowledgeGraph(settings) as kg:
        report = ingest_documents(kg, [a, b])
        assert (report.ingested, report.failed) == (2, [])
        assert ingest_documents(kg, [a, b]).unchanged == 2  # has_graph + the local index
        report = ingest_documents(kg, [b2])
        assert report.updated == 1
        iris = {str(document_iri(BASE, d.id)) for d in (a, b2)}
        assert set(kg.store.document_iris()) == iris
        assert not kg.store.has_graph(str(document_iri(BASE, b.id)))
        assert kg.stats()["documents"] == 2 and kg.stats()["indexed"] == 2
        assert kg.search("자율제조").total == 2
        # the server counted each entity's documents into the counts graph at the publish
        counts = {str(r["e"]): int(r["n"]) for r in kg.store.select(
            f"SELECT ?e ?n WHERE {{ GRAPH <{BASE}graph/counts> {{ ?e <{KGO.documentCount}> ?n }} }}")}
        assert counts == {BASE + "id/gov/산업통상자원부": 2, BASE + "id/initiative/AI_자율제조_전략": 2}
        assert not kg.store.written


def test_real_nlp_ingest_against_the_server(base_url: str, tmp_path: Path) -> None:
    pytest.importorskip("ingest.nlp.pipeline", reason="the NLP pipeline (ingest/nlp/pipeline.py) is not there yet")
    from kg.write.pipeline import ingest_documents

    docs = [Document(title="AI 자율제조 마스터플랜 발표",
                     text="산업통상자원부는 5일 \"AI 자율제조 마스터플랜\"을 발표했다.\n안덕근 장관이 회의를 주재했다.",
                     source="a.md", date="2024-03-05"),
            Document(title="마키나락스, 산업부 회의 참석",
                     text="마키나락스는 산업부가 주관한 AI 자율제조 회의에 참석했다.", source="b.md", date="2024-03-06")]
    with KnowledgeGraph(remote_settings(base_url, tmp_path)) as kg:
        report = ingest_documents(kg, docs)
        assert (report.ingested, report.failed) == (2, [])
        assert kg.store.stats()["documents"] == 2
        page = kg.document(str(document_iri(BASE, docs[0].id)))
        assert page is not None and page["text"] == docs[0].text and page["mentions"]
        linked = next(m["entity"] for m in page["mentions"] if m["entity"])
        ent = kg.entity(linked)
        assert ent is not None and page["iri"] in [d["iri"] for d in ent["documents"]]
        assert ingest_documents(kg, docs).unchanged == 2


def test_a_relation_is_stated_once_and_goes_with_its_last_report(base_url: str, tmp_path: Path) -> None:
    """On the server as in the embedded store: the entity graph states an edge once; it
    stays while a document reports it, and data of the older form is moved on open."""
    q = "SELECT ?i WHERE { ?m <https://w3id.org/kor-policy-kg/ont#announces> ?i }"
    with KnowledgeGraph(remote_settings(base_url, tmp_path)) as kg:
        graphs = []
        for n, key in enumerate(["a.md", "b.md"]):
            doc = korean_document(f"제목 {n}", f"{n}일 산업통상자원부가 AI 자율제조 전략을 내놓았다.", key)
            graph, ts, described = document_triples(doc, kg.base)
            kg.store.put_graph(str(graph), ts, described)
            graphs.append(str(graph))
        assert len(kg.store.select(q)) == 1  # not one per document
        kg.store.remove_graph(graphs[0])
        assert len(kg.store.select(q)) == 1
        # the older form: the relation restated in each document's graph, as kgo:announces
        kg.store._update(
            "DELETE { GRAPH ?g { ?s <https://w3id.org/kor-policy-kg/ont/reported#announces> ?o } } "
            "INSERT { GRAPH ?g { ?s <https://w3id.org/kor-policy-kg/ont#announces> ?o } } "
            "WHERE { GRAPH ?g { ?s <https://w3id.org/kor-policy-kg/ont/reported#announces> ?o } } ; "
            f"DELETE WHERE {{ GRAPH <{kg.base}graph/entities> {{ ?s <https://w3id.org/kor-policy-kg/ont#announces> ?o }} }}")
        assert kg.store.upgrade() and not kg.store.upgrade()
        assert len(kg.store.select(q)) == 1
        kg.store.remove_graph(graphs[1])
        assert kg.store.select(q) == []


def test_what_the_gazetteer_says_is_said_once_on_the_server(base_url: str, tmp_path: Path) -> None:
    """On the server as in the embedded store: names restated in the entity graph by
    an older version go on open, and an entry a new gazetteer drops keeps the Korean
    name its documents gave it."""
    from kg.write.pipeline import _gazetteer, ensure_gazetteer

    with KnowledgeGraph(remote_settings(base_url, tmp_path)) as kg:
        motie = URIRef(f"{kg.base}id/gov/산업통상자원부")
        q = f"SELECT ?l WHERE {{ <{motie}> <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }}"
        ensure_gazetteer(kg)
        doc = korean_document("제목", "5일 산업통상자원부가 AI 자율제조 전략을 내놓았다.", "a.md")
        graph, ts, described = document_triples(doc, kg.base)
        kg.store.put_graph(str(graph), ts, described)  # the older way: the name restated
        assert sorted(str(r["l"]) for r in kg.store.select(q)) == \
            ["Ministry of Trade, Industry and Energy", "산업통상자원부", "산업통상자원부"]
        assert kg.store.upgrade() and not kg.store.upgrade()
        assert sorted(str(r["l"]) for r in kg.store.select(q)) == ["Ministry of Trade, Industry and Energy", "산업통상자원부"]
        kg.store.put_gazetteer([t for t in _gazetteer(kg.base) if t[0] != motie])
        assert [str(r["l"]) for r in kg.store.select(q)] == ["산업통상자원부"]


def test_replace_graph_swaps_a_document_and_collects_what_it_alone_described(base_url: str) -> None:
    """kg.write.reread's write on a server: the graph replaced, the entity nothing
    mentions any more no longer described (as the embedded store does)."""
    eg, doc, old_e, new_e = EX + "entities", URIRef(EX + "d1"), URIRef(EX + "e-old"), URIRef(EX + "e-new")
    s = store(base_url, entity_graph=eg)
    s.put_graph(str(doc), [(doc, KGO.mentions, old_e)], described=[(old_e, URIRef(EX + "label"), Literal("옛"))])
    s.replace_graph(s.prepare_graph(str(doc), [(doc, KGO.mentions, new_e)],
                                    described=[(new_e, URIRef(EX + "label"), Literal("새"))]))
    rows = s.select("SELECT ?g ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {(str(r["g"]), str(r["s"]), str(r["o"])) for r in rows} == {(str(doc), str(doc), str(new_e)),
                                                                       (eg, str(new_e), "새")}
