"""Names known across documents at ingest (kg/write/known.py, kg/write/reread.py): a name
one document quotes is found where another writes it bare, whichever comes first in a
batch, in a later run, and in documents stored by earlier runs; a quoted common phrase
never becomes an entity elsewhere."""
from __future__ import annotations

from pathlib import Path

import pytest

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


def brief_record(folder: Path, rid: str = "b1", body: str = BARE) -> Path:
    """The bare brief as a JSON Lines record: title, date, link, kind and publisher, and a
    source (the file) that differs from its link, which the re-read must all keep."""
    import json  # noqa: PLC0415

    folder.mkdir(parents=True, exist_ok=True)
    rec = {"id": rid, "title": "K-휴머노이드 연합 창립총회", "date": "2025-05-27", "source": "보도자료",
           "url": f"https://www.motie.go.kr/brief/{rid}", "publisher": "산업통상자원부", "body": body}
    with open(folder / "briefs.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return folder


def test_a_later_run_reads_again_the_stored_documents_that_write_a_name_it_learns(tmp_path: Path) -> None:
    """Run 1 stores a brief that writes the alliance bare (no rule reads it); run 2 ingests
    the release that quotes it: the stored brief is read again from the store, its page
    names the alliance and its chair, and nothing else of it changes or doubles."""
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    with KnowledgeGraph(s) as kg:
        first = ingest_paths(kg, [brief_record(tmp_path / "one")])
        assert first.ok and documents_naming(kg, "K-휴머노이드 연합") == 0
        (brief,) = kg.store.document_iris()
        before = kg.document(brief)
        alliance = str(entity_iri(BASE, "INITIATIVE", "K-휴머노이드 연합"))
        assert alliance not in {m["entity"] for m in before["mentions"]}

        r = ingest_paths(kg, [corpus(tmp_path / "two", {"release.txt": QUOTED})])
        assert r.ok and r.ingested == 1 and r.reread == 0 and r.reread_earlier == 1
        assert "이전 문서 다시 읽음 1건" in r.summary()
        after = kg.document(brief)
        # the brief's page now shows the alliance, and the chair elected at its meeting leads it
        assert alliance in {m["entity"] for m in after["mentions"]}
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
        assert "장병탁" in leaders(kg, "K-휴머노이드 연합")
        # nothing else of the brief is lost: its metadata, and each mention it had
        assert {k: v for k, v in after.items() if k != "mentions"} == {k: v for k, v in before.items() if k != "mentions"}
        assert {(m["start"], m["end"], m["type"]) for m in before["mentions"]} <= \
            {(m["start"], m["end"], m["type"]) for m in after["mentions"]}
        # one index entry each, the brief's with its file as source, its link and the alliance
        assert len(kg.index.all_iris()) == 2 == kg.index.doc_count()
        hits = kg.index.search("휴머노이드", entities=[alliance]).hits
        assert [(h.source, h.url, h.publisher) for h in hits if h.doc_iri == brief] == \
            [(str(tmp_path / "one" / "briefs.jsonl"), "https://www.motie.go.kr/brief/b1", "산업통상자원부")]
        # a run that learns nothing reads nothing again
        again = ingest_paths(kg, [tmp_path / "one", tmp_path / "two"])
        assert (again.unchanged, again.reread, again.reread_earlier) == (2, 0, 0)


def test_a_run_reads_at_most_reread_max_stored_documents_and_the_next_run_the_rest(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE, reread_max=1)
    with KnowledgeGraph(s) as kg:
        folder = brief_record(brief_record(tmp_path / "one", "b1"), "b2", BARE.replace("27일", "28일"))
        ingest_paths(kg, [folder])
        r = ingest_paths(kg, [corpus(tmp_path / "two", {"release.txt": QUOTED})])
        assert r.reread_earlier == 1 and documents_naming(kg, "K-휴머노이드 연합") == 2
        assert any("KG_REREAD_MAX=1" in n and "다음 수집에서" in n for n in r.notes), r.notes
        # the next ingest, with nothing new, reads the one left
        nxt = ingest_paths(kg, [tmp_path / "two"])
        assert (nxt.unchanged, nxt.reread_earlier) == (1, 1) and not nxt.notes
        assert documents_naming(kg, "K-휴머노이드 연합") == 3
        assert ingest_paths(kg, [tmp_path / "two"]).reread_earlier == 0


def test_a_kill_while_reading_a_stored_document_again_is_finished_by_the_next_run(tmp_path: Path) -> None:
    """Killed after the stored brief's graph was replaced (one transaction), before its new
    index entry: both still hold the brief, once; the next run reads it again and the
    index entry gets the alliance. The brief is never dropped (no file of run 2 brings it back)."""
    import signal  # noqa: PLC0415

    from tests.kg.test_crash import ingest, killing, state  # noqa: PLC0415 (the kill -9 harness)

    data = tmp_path / "data"
    res = ingest(brief_record(tmp_path / "one"), data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    two = corpus(tmp_path / "two", {"release.txt": QUOTED})
    cmd, environ = killing(tmp_path, "index.write", 2)  # 1: the run's commit, 2: the brief's new entry
    res = ingest(two, data, "--workers", "1", cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL, res.stderr
    stored, indexed = state(data)
    assert len(stored) == 2 and stored == indexed
    res = ingest(two, data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert "이전 문서 1건을 새로 알게 된 이름으로 다시 읽었습니다" in res.stdout, res.stdout
    assert "새로 수집 0건, 갱신 0건, 변경 없음 1건, 실패 0건" in res.stdout, res.stdout
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        assert set(kg.store.document_iris()) == kg.index.all_iris() == stored
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
        alliance = str(entity_iri(BASE, "INITIATIVE", "K-휴머노이드 연합"))
        assert kg.index.search("휴머노이드", entities=[alliance]).total == 2


def test_reading_a_story_again_keeps_which_copy_is_the_original(tmp_path: Path) -> None:
    """The brief and a near copy of it are both read again in the run: the copy stays the
    near duplicate of the brief (found afresh, the brief would point to its own copy)."""
    brief = BARE + (" 연합은 올해 하반기까지 휴머노이드 로봇의 핵심 부품과 소프트웨어를 함께 개발하고, 제조 현장과 물류 "
                    "현장에서 실증을 거쳐 2030년까지 상용화를 추진한다. 참여 기업들은 기술 교류와 인력 양성에도 힘을 "
                    "모으기로 했다. 정부는 연구개발 예산을 늘리고 규제를 개선해 기업의 투자를 뒷받침할 계획이다.")
    copy = brief + " 관계자는 성황리에 끝났다고 밝혔다."
    folder = corpus(tmp_path / "c", {"a-brief.txt": brief, "b-release.txt": QUOTED, "c-copy.txt": copy})
    with KnowledgeGraph(Settings(data_dir=tmp_path / "data", base_iri=BASE)) as kg:
        r = ingest_paths(kg, [folder])
        assert r.ok and r.reread == 2 and r.duplicates == 1
        rows = kg.store.select(f"SELECT ?d ?o WHERE {{ GRAPH ?d {{ ?d <{KGO.nearDuplicateOf}> ?o }} }}")
        keys = {str(d): k for d, k in kg.store.documents()}
        assert [(Path(keys[str(x["d"])]).name, Path(keys[str(x["o"])]).name) for x in rows] == \
            [("c-copy.txt", "a-brief.txt")]


def test_a_stored_document_the_store_refuses_to_replace_keeps_its_reading_until_the_next_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.store.embedded import GraphStore  # noqa: PLC0415

    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    with KnowledgeGraph(s) as kg:
        ingest_paths(kg, [brief_record(tmp_path / "one")])
        (brief,) = kg.store.document_iris()
        before = kg.document(brief)
        with monkeypatch.context() as m:
            m.setattr(GraphStore, "replace_graph", lambda self, graph: (_ for _ in ()).throw(OSError("disk full")))
            r = ingest_paths(kg, [corpus(tmp_path / "two", {"release.txt": QUOTED})])
        assert r.ok and r.reread_earlier == 0
        assert any("다음 수집에서 다시 시도합니다" in n for n in r.notes), r.notes
        assert kg.document(brief) == before and len(kg.index.all_iris()) == 2
        nxt = ingest_paths(kg, [tmp_path / "two"])
        assert (nxt.unchanged, nxt.reread_earlier) == (1, 1) and not nxt.notes
        assert documents_naming(kg, "K-휴머노이드 연합") == 2
