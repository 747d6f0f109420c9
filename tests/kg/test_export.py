"""`kg export` / `kg import`: a whole graph between the on-disk store and a SPARQL server
(each test that takes `base_url` runs against Oxigraph and Virtuoso: conftest.py)."""
from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from core.model import Document, Entity, Extraction
from kg.store import snapshots
from kg.read import summary
from app.cli import main
from core.errors import StoreError
from kg.store.remote import RemoteStore
from kg.store.transfer import export_nquads, import_nquads
from kg.store.embedded import GraphStore
from ontology.iris import COUNTS_GRAPH, ENTITY_GRAPH
from ontology.mapping import document_triples

BASE = "http://kg.test/"
EX = "http://example.org/"
TRICKY = '줄\n바꿈 "따옴표" \\ 역슬래시 \\u0041 <꺾쇠>'




def remote(base_url, gsp: bool = False, **kw: object) -> RemoteStore:  # noqa: ANN001  (a conftest SparqlServer)
    return RemoteStore(base_url.query, base_url.update, base_url.store if gsp else None, **kw)


def remote_env(base_url, gsp: bool = False) -> dict[str, str | None]:  # noqa: ANN001
    return {"KG_SPARQL_ENDPOINT": base_url.query, "KG_SPARQL_UPDATE_ENDPOINT": base_url.update,
            "KG_SPARQL_GRAPH_STORE": base_url.store if gsp else None, "KG_BASE_IRI": BASE}


# -- data ----------------------------------------------------------------------------------

def documents(n: int) -> list[Document]:
    out = []
    for k in range(n):
        text = f"{k}일 산업통상자원부는 \"AI 자율제조 전략\"을 발표했다.\n둘째 줄 {k}."
        doc = Document(title=f"발표 {k}", text=text, source=f"corpus/{k}.md", date="2024-03-05")
        i = text.index("산업통상자원부")
        doc.extraction = Extraction(entities=[Entity(i, i + 7, "산업통상자원부", "MINISTRY", sentence=0)],
                                    sentences=[(0, len(text))])
        out.append(doc)
    return out


def fill(store: GraphStore | RemoteStore, n: int = 12) -> None:
    for doc in documents(n):
        graph, ts, described = document_triples(doc, BASE)
        store.put_graph(str(graph), ts, described)
    store.put_graph(EX + "extra", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal(TRICKY)),
                                   (URIRef(EX + "a"), URIRef(EX + "l"), Literal("산업부", lang="ko")),
                                   (URIRef(EX + "a"), URIRef(EX + "n"), Literal(7))])


def quads(data: bytes) -> set[str]:
    return {str(q) for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)}


def dump(store: GraphStore | RemoteStore) -> bytes:
    buf = io.BytesIO()
    export_nquads(store, buf)
    return buf.getvalue()


def count(store: GraphStore | RemoteStore) -> int:
    return int(store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")[0]["n"])


@pytest.fixture
def embedded(tmp_path: Path) -> Path:
    """A data directory whose on-disk store holds 12 documents, the entity graph, the
    counts graph and one extra graph."""
    data = tmp_path / "src"
    with GraphStore(data / "graph", entity_graph=BASE + ENTITY_GRAPH) as s:
        fill(s)
        # and the counts graph, as a writer's publish keeps it (imports count afresh)
        summary.write_counts(s.oxigraph, BASE + COUNTS_GRAPH, summary.full(s.oxigraph).docs, None)
    return data


# -- functions -----------------------------------------------------------------------------

def test_embedded_round_trip(embedded: Path, tmp_path: Path) -> None:
    with GraphStore(embedded / "graph", create=False) as s:
        buf = io.BytesIO()
        n = export_nquads(s, buf)
        assert n == count(s) > 100
    with GraphStore(tmp_path / "dst") as d:
        assert import_nquads(d, io.BytesIO(buf.getvalue()), chunk=50) == (n, 15)
        assert count(d) == n and quads(dump(d)) == quads(buf.getvalue())
        got = d.select(f"SELECT ?o WHERE {{ <{EX}a> <{EX}p> ?o }}")
        assert str(got[0]["o"]) == TRICKY


@pytest.mark.parametrize("gsp", ["", "dataset", "per-graph"])
def test_embedded_to_remote_and_back(embedded: Path, base_url: str, tmp_path: Path, gsp: str) -> None:
    with GraphStore(embedded / "graph", create=False) as s:
        data = dump(s)
    r = remote(base_url, bool(gsp))
    if gsp == "per-graph":
        r._gsp_quads = False  # as with a Graph Store that takes no N-Quads (found out on the first chunk)
    n, graphs = import_nquads(r, io.BytesIO(data), chunk=40)
    assert n == len(quads(data)) == count(r) and graphs == 15
    if gsp == "dataset":  # Virtuoso's Graph Store takes no N-Quads (and says 200): found out, per graph
        assert r._gsp_quads is (base_url.kind != "virtuoso")
    back = dump(r)  # GSP: one GET of the whole dataset; else a CONSTRUCT per graph
    assert quads(back) == quads(data)
    with GraphStore(tmp_path / "again") as d:
        import_nquads(d, io.BytesIO(back))
        assert quads(dump(d)) == quads(data)


@pytest.mark.parametrize("gsp", [False, True], ids=["update", "graph-store"])
def test_import_replaces_the_graphs_it_contains(base_url: str, gsp: bool) -> None:
    r = remote(base_url, gsp)
    r.put_graph(EX + "g1", [(URIRef(EX + "old"), URIRef(EX + "p"), Literal("stale"))])
    r.put_graph(EX + "g9", [(URIRef(EX + "keep"), URIRef(EX + "p"), Literal("kept"))])
    data = (f'<{EX}s1> <{EX}p> "새 값" <{EX}g1> .\n'
            f'<{EX}s2> <{EX}p> "둘" <{EX}g2> .\n'
            f'<{EX}s3> <{EX}p> "셋" <{EX}g1> .\n').encode()
    assert import_nquads(r, io.BytesIO(data), chunk=1) == (3, 2)  # g1 spans chunks: dropped only once
    assert quads(dump(r)) == quads(data) | {f'<{EX}keep> <{EX}p> "kept" <{EX}g9>'}


@pytest.mark.parametrize("gsp", [False, True], ids=["update", "graph-store"])
def test_blank_nodes_survive_import_and_export(base_url, gsp: bool) -> None:  # noqa: ANN001
    """Virtuoso refuses blank nodes in INSERT DATA: those chunks go as INSERT {} WHERE {}.
    (A blank node split across chunks would become two: see kg/store/remote.py.)"""
    b = ox.BlankNode()
    g = ox.NamedNode(EX + "g")
    data = [ox.Quad(ox.NamedNode(EX + "x"), ox.NamedNode(EX + "r"), b, g),
            ox.Quad(b, ox.NamedNode(EX + "q"), ox.Literal("끝", language="ko"), g)]
    s = remote(base_url, gsp)
    assert import_nquads(s, io.BytesIO(ox.serialize(data, format=ox.RdfFormat.N_QUADS))) == (2, 1)
    rows = s.select(f"SELECT ?o WHERE {{ GRAPH <{EX}g> {{ <{EX}x> <{EX}r> ?b . ?b <{EX}q> ?o }} }}")
    assert [str(r["o"]) for r in rows] == ["끝"]
    out = io.BytesIO()
    assert export_nquads(s, out) == 2
    assert len({q.object for q in ox.parse(out.getvalue(), format=ox.RdfFormat.N_QUADS)
                if isinstance(q.object, ox.BlankNode)}) == 1


def test_bad_input_is_a_clear_error(base_url: str) -> None:
    data = f'<{EX}s> <{EX}p> "ok" <{EX}g> .\n<{EX}s> <{EX}p> "unterminated <{EX}g> .\n'.encode()
    with pytest.raises(StoreError, match=r"^입력이 올바른 N-Quads가 아닙니다.*not valid N-Quads; "
                                         r"0 quads before the error were imported\).*line 2"):
        import_nquads(remote(base_url), io.BytesIO(data))


# -- the commands --------------------------------------------------------------------------

def test_cli_moves_a_graph_to_the_server_and_back(embedded: Path, base_url: str, tmp_path: Path) -> None:
    cli = CliRunner()
    res = cli.invoke(main, ["export", "--data-dir", str(embedded)], env={"KG_SPARQL_ENDPOINT": None})
    assert res.exit_code == 0, res.output
    data = res.stdout_bytes
    n = len(quads(data))
    assert f"{n:,} quads" in res.stderr
    nq = tmp_path / "all.nq"
    nq.write_bytes(data)

    res = cli.invoke(main, ["import", str(nq), "--data-dir", str(tmp_path / "work")], env=remote_env(base_url, gsp=True))
    assert res.exit_code == 0, res.output
    assert f"{n:,} quads" in res.stderr and base_url in res.stderr
    assert "주의: 문서 12건" in res.stderr  # no text index in that data directory
    assert count(remote(base_url)) == n

    out = tmp_path / "back.nq"
    res = cli.invoke(main, ["export", "-o", str(out), "--data-dir", str(tmp_path / "work")], env=remote_env(base_url))
    assert res.exit_code == 0, res.output
    assert quads(out.read_bytes()) == quads(data)

    # --embedded: into the on-disk store even with the server configured; readers see it
    dst = tmp_path / "dst"
    res = cli.invoke(main, ["import", "--embedded", "-", "--data-dir", str(dst)], input=out.read_bytes(),
                     env=remote_env(base_url))
    assert res.exit_code == 0, res.output
    snap = snapshots.current(dst)
    assert snap is not None
    with GraphStore(snap, read_only=True) as s:
        assert quads(dump(s)) == quads(data)


def test_cli_export_uses_the_snapshot_while_the_store_is_busy(embedded: Path) -> None:
    with GraphStore(embedded / "graph", create=False) as live:
        snapshots.publish(live.oxigraph, embedded)
        live.put_graph(EX + "unpublished", [(URIRef(EX + "x"), URIRef(EX + "p"), Literal("not yet"))])
        res = CliRunner().invoke(main, ["export", "--data-dir", str(embedded)], env={"KG_SPARQL_ENDPOINT": None})
        assert res.exit_code == 0, res.output
        assert "스냅숏" in res.stderr
        got = quads(res.stdout_bytes)
        assert len(got) == count(live) - 1 and not any("unpublished" in q for q in got)


def test_cli_import_of_a_broken_file_fails_clearly(base_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nq"
    bad.write_text("this is not n-quads\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["import", str(bad), "--data-dir", str(tmp_path)], env=remote_env(base_url))
    assert res.exit_code == 1 and "N-Quads" in res.stderr


def test_cli_export_with_the_server_down_fails_clearly(tmp_path: Path, unused_port: int) -> None:
    url = f"http://127.0.0.1:{unused_port}/query"
    res = CliRunner().invoke(main, ["export", "--data-dir", str(tmp_path)], env={"KG_SPARQL_ENDPOINT": url})
    assert res.exit_code == 1 and "connection refused" in res.stderr
