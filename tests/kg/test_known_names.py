"""Names known across documents at ingest (kg/write/known.py): a name one document quotes
is found where another writes it bare, whichever comes first in a batch and in a later
run, and a quoted common phrase never becomes an entity elsewhere."""
from __future__ import annotations

from pathlib import Path

from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.write.pipeline import ingest_paths
from ontology.iris import entity_iri
from ontology.namespace import KGO
from rdflib.namespace import SKOS

BASE = "http://kg.test/"
QUOTED = ("산업통상자원부는 10일 'K-휴머노이드 연합' 출범식을 열었다. 레인보우로보틱스와 LG전자가 참여한다. "
          "정부는 '디지털 전환'을 돕는다.")
BARE = ("산업통상자원부가 지난 4월 출범시킨 K-휴머노이드 연합이 27일 창립총회를 열었다. "
        "총회에서는 장병탁 서울대 AI연구원장이 위원장으로 추대됐다. 기업들은 디지털 전환을 서두른다.")


def corpus(folder: Path, texts: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def documents_naming(kg: KnowledgeGraph, name: str, typ: str = "INITIATIVE") -> int:
    iri = entity_iri(BASE, typ, name)
    rows = kg.store.select(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> <{iri}> }} }}")
    return int(rows[0]["n"])


def leaders(kg: KnowledgeGraph, name: str) -> set[str]:
    iri = entity_iri(BASE, "INITIATIVE", name)
    rows = kg.store.select(f"SELECT ?l WHERE {{ ?p <{KGO.leads}> <{iri}> ; <{SKOS.prefLabel}> ?l }}")
    return {str(r["l"]) for r in rows}


def test_a_batch_reads_a_bare_name_it_learns_later_in_the_batch(tmp_path: Path) -> None:
    # the bare brief comes first (a-…), the release that quotes the name after it (b-…)
    folder = corpus(tmp_path / "c", {"a-brief.txt": BARE, "b-release.txt": QUOTED})
    with KnowledgeGraph(Settings(data_dir=tmp_path / "data", base_iri=BASE)) as kg:
        r = ingest_paths(kg, [folder])
        assert r.ok and r.ingested == 2 and r.reread == 1
        assert "다시 읽음 1건" in r.summary()
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
        assert "장병탁" in leaders(kg, "K-휴머노이드 연합")
        # a quoted common phrase is no name: the brief's '디지털 전환' stays words
        assert documents_naming(kg, "디지털 전환") == 0
        # the re-read brief is in the index with its new entity, once
        hits = kg.index.search("휴머노이드", entities=[str(entity_iri(BASE, "INITIATIVE", "K-휴머노이드 연합"))])
        assert hits.total == 2
        assert len(kg.index.all_iris()) == 2
        # a second run changes nothing and reads nothing again
        again = ingest_paths(kg, [folder])
        assert (again.unchanged, again.reread, again.ingested) == (2, 0, 0)


def test_a_later_run_finds_the_names_the_graph_holds(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    with KnowledgeGraph(s) as kg:
        ingest_paths(kg, [corpus(tmp_path / "one", {"release.txt": QUOTED})])
        r = ingest_paths(kg, [corpus(tmp_path / "two", {"brief.txt": BARE})], workers=2)  # the workers get the names
        assert r.ok and r.ingested == 1 and r.reread == 0
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
        assert "장병탁" in leaders(kg, "K-휴머노이드 연합")


def test_without_a_document_that_quotes_it_a_bare_name_stays_unread(tmp_path: Path) -> None:
    with KnowledgeGraph(Settings(data_dir=tmp_path / "data", base_iri=BASE)) as kg:
        r = ingest_paths(kg, [corpus(tmp_path / "c", {"brief.txt": BARE})])
        assert r.ok and r.reread == 0
        assert documents_naming(kg, "K-휴머노이드 연합") == 0


def test_a_kill_while_reading_again_leaves_a_document_the_next_run_reads_whole(tmp_path: Path) -> None:
    """Killed after the re-read brief left the index and its new graph went in, before its
    new index entry: the next run drops the graph, reads the brief again from its file,
    with the names the graph holds, and the two documents are each there once."""
    import signal  # noqa: PLC0415

    from tests.kg.test_crash import ingest, killing, state  # noqa: PLC0415 (the kill -9 harness)

    folder = corpus(tmp_path / "c", {"a-brief.txt": BARE, "b-release.txt": QUOTED})
    data = tmp_path / "data"
    cmd, environ = killing(tmp_path, "index.write", 3)  # 1: the run's commit, 2: the brief out, 3: back in
    res = ingest(folder, data, "--workers", "1", cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL, res.stderr
    stored, indexed = state(data)
    assert len(stored) == 2 and len(indexed) == 1
    res = ingest(folder, data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert "이전에 중단된 수집을 정리했습니다: 1건" in res.stdout
    assert "새로 수집 1건, 갱신 0건, 변경 없음 1건, 실패 0건" in res.stdout, res.stdout
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        assert set(kg.store.document_iris()) == kg.index.all_iris()
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
