"""The ingest pipeline: incremental and idempotent, `kg remove`, a failure anywhere in one
document's processing (loader, NLP, mapping, store, index) costs that document only,
and the NLP in worker processes gives the same graph as in-process."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.write.pipeline as pipeline
import kg.write.staging as staging
from core.model import Document
from app.cli import main
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ingest_documents, ingest_paths
from kg.settings import Settings
from kg.store.embedded import GraphStore, PreparedGraph
from ontology.iris import document_iri

BASE = "http://kg.test/"

TEXTS = {
    "hydrogen.md": ("# 수소경제 로드맵\n\n산업통상자원부는 17일 '수소경제 활성화 로드맵'을 발표했다. "
                    "현대자동차와 SK이노베이션이 간담회에 참석했다."),
    "chips.txt": "기획재정부는 12일 '반도체 산업 경쟁력 강화 방안'을 발표했다. 삼성전자와 SK하이닉스가 참석했다.",
    # dated: 산업부 is read as of the document's date (2024: 산업통상자원부; undated: today's body)
    "battery.txt": ("---\ndate: 2024-06-01\n---\n"
                    "산업부는 이차전지 수출이 지난해보다 늘었다고 밝혔다. LG에너지솔루션과 삼성SDI가 수출을 이끌었다."),
    "robots.md": "# 로봇 전략\n\n과학기술정보통신부는 5일 '첨단로봇 산업 비전'을 발표했다. 두산로보틱스가 참여했다.",
}


def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", base_iri=BASE)


def write_corpus(folder: Path, texts: dict[str, str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def consistent(kg: KnowledgeGraph) -> set[str]:
    """The document IRIs, asserting that the store and the index hold the same ones."""
    stored, indexed = set(kg.store.document_iris()), kg.index.all_iris()
    assert stored == indexed, (stored - indexed, indexed - stored)
    return stored


def test_incremental_and_idempotent(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    s = settings(tmp_path)
    with KnowledgeGraph(s) as kg:
        r = ingest_paths(kg, [folder])
        assert (r.ingested, r.updated, r.unchanged, r.failed) == (4, 0, 0, [])
        first = consistent(kg)
        triples = kg.store.stats()["triples"]
        r = ingest_paths(kg, [folder])  # nothing changed: nothing written
        assert (r.ingested, r.updated, r.unchanged, r.triples) == (0, 0, 4, 0)
        assert consistent(kg) == first and kg.store.stats()["triples"] == triples
        (folder / "chips.txt").write_text(TEXTS["chips.txt"].replace("12일", "13일"), encoding="utf-8")
        r = ingest_paths(kg, [folder])  # one changed: it replaces its old version
        assert (r.ingested, r.updated, r.unchanged) == (0, 1, 3)
        now = consistent(kg)
        assert len(now) == 4 and len(now - first) == 1
        assert kg.search("13일").total == 1 and kg.search("12일").total == 0
        assert len(kg.store.documents_with_key(str(folder / "chips.txt"))) == 1


def test_the_same_content_from_two_sources_is_one_document(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", {"a.txt": TEXTS["chips.txt"], "b.txt": TEXTS["chips.txt"],
                                                "c.txt": TEXTS["battery.txt"]})
    with KnowledgeGraph(settings(tmp_path)) as kg:
        r = ingest_paths(kg, [folder])
        assert (r.ingested, r.identical, r.failed) == (2, 1, [])
        assert "동일 내용 1건" in r.summary()
        assert len(consistent(kg)) == 2
        r = ingest_paths(kg, [folder])
        assert (r.ingested, r.unchanged, r.identical) == (0, 2, 1)


def test_kg_remove(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    (folder / "briefs.jsonl").write_text("".join(json.dumps(
        {"id": f"b{i}", "title": f"단신 {i}", "body": f"중소벤처기업부는 {i}일 창업 지원 사업 {i}건을 공고했다."},
        ensure_ascii=False) + "\n" for i in range(1, 4)), encoding="utf-8")
    data = tmp_path / "data"
    runner = CliRunner()
    env = {"KG_BASE_IRI": BASE, "KG_WORKERS": "1"}
    res = runner.invoke(main, ["ingest", str(folder), "--data-dir", str(data)], env=env)
    assert res.exit_code == 0, res.output
    assert "새로 수집 7건" in res.output
    s = settings(tmp_path)
    with KnowledgeGraph(s) as kg:
        docs = consistent(kg)
        chips = kg.store.documents_with_key(str(folder / "chips.txt"))[0]
        battery = kg.store.documents_with_key(str(folder / "battery.txt"))[0]
        robots = kg.store.documents_with_key(str(folder / "robots.md"))[0]
    # by source path, by content hash, by IRI, every record of a JSON Lines file, by record key
    for ref, gone in [(str(folder / "chips.txt"), {chips}), (battery.rsplit("/", 1)[1], {battery}),
                      (robots, {robots})]:
        res = runner.invoke(main, ["remove", ref, "--data-dir", str(data)], env=env)
        assert res.exit_code == 0, res.output
        assert all(f"삭제: {g}" in res.output for g in gone)
        docs -= gone
    res = runner.invoke(main, ["remove", str(folder / "briefs.jsonl") + "#b2", "--data-dir", str(data)], env=env)
    assert res.exit_code == 0 and res.output.count("삭제:") == 1
    res = runner.invoke(main, ["remove", str(folder / "briefs.jsonl"), "--data-dir", str(data)], env=env)
    assert res.exit_code == 0 and res.output.count("삭제:") == 2
    res = runner.invoke(main, ["remove", "no-such-document", "--data-dir", str(data)], env=env)
    assert res.exit_code == 1 and "no such document" in res.output
    assert res.output.startswith("오류: 그런 문서가 없습니다: no-such-document. ")  # Korean first, what to give instead
    with KnowledgeGraph(s) as kg:
        assert len(consistent(kg)) == 1  # hydrogen.md
        assert kg.search("반도체").total == 0
    # removed documents come back on the next ingest: as new ones
    res = runner.invoke(main, ["ingest", str(folder), "--data-dir", str(data)], env=env)
    assert "새로 수집 6건, 갱신 0건, 변경 없음 1건, 실패 0건" in res.output, res.output


def test_kg_entities_ranks_what_the_documents_mention(tmp_path: Path) -> None:
    from app.cli import ENTITY_TYPES  # noqa: PLC0415
    from ontology.iris import NODE_TYPES  # noqa: PLC0415

    assert set(ENTITY_TYPES) == NODE_TYPES
    folder, data = write_corpus(tmp_path / "corpus"), tmp_path / "data"
    runner, env = CliRunner(), {"KG_BASE_IRI": BASE, "KG_WORKERS": "1"}
    assert runner.invoke(main, ["ingest", str(folder), "--data-dir", str(data)], env=env).exit_code == 0
    res = runner.invoke(main, ["entities", "--json", "--data-dir", str(data)], env=env)
    assert res.exit_code == 0, res.output
    top = json.loads(res.output)["results"]
    assert top[0]["label"] == "산업통상자원부" and top[0]["documents"] == 2      # 산업통상자원부 and 산업부
    assert [r["documents"] for r in top] == sorted((r["documents"] for r in top), reverse=True)
    res = runner.invoke(main, ["entities", "--type", "company", "--json", "--data-dir", str(data)], env=env)
    companies = {r["label"] for r in json.loads(res.output)["results"]}
    assert companies == {"현대자동차", "SK이노베이션", "삼성전자", "SK하이닉스", "LG에너지솔루션", "삼성SDI", "두산로보틱스"}
    res = runner.invoke(main, ["entities", "산업부", "--data-dir", str(data)], env=env)  # an alias finds the entity
    assert res.exit_code == 0 and "산업통상자원부" in res.output and res.output.startswith("개체 ")
    res = runner.invoke(main, ["entities", "--type", "DATE", "--data-dir", str(data)], env=env)
    assert res.exit_code == 2 and "DATE" in res.output


# -- one bad document never stops the batch ------------------------------------------------
def docs_with_bad_one() -> list[Document]:
    docs = [Document(title=f"문서 {i}", text=f"산업통상자원부는 {i}일 '제{i}차 산업 전략'을 발표했다.",
                     source=f"mem/{i}.txt") for i in range(1, 8)]
    docs[3] = Document(title="나쁜 문서", text="BAD 문서: 처리 중 오류가 나는 문서다.", source="mem/bad.txt")
    return docs


def check_bad_one_failed(kg: KnowledgeGraph, r: pipeline.IngestReport, stage: str) -> None:
    assert r.ingested == 6, r.failed
    assert len(r.failed) == 1 and r.failed[0][0] == "mem/bad.txt" and f"{stage} failed" in r.failed[0][1]
    assert r.failed[0][1].startswith("mem/bad.txt: ") and "단계에서 실패했습니다" in r.failed[0][1]  # Korean first
    iris = consistent(kg)
    assert len(iris) == 6
    bad = str(document_iri(BASE, docs_with_bad_one()[3].id))
    assert bad not in iris and not kg.store.has_graph(bad)


def test_a_failing_nlp_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.nlp.pipeline as nlp

    real = nlp.extract_many

    def extract_many(items, batch_size=32, ner_model=False):  # noqa: ANN001, ANN202
        for text, date in items:
            if text.startswith("BAD"):
                raise RuntimeError("spaCy choked")
            yield from real([(text, date)])

    monkeypatch.setattr(nlp, "extract_many", extract_many)
    with KnowledgeGraph(settings(tmp_path)) as kg:
        r = ingest_documents(kg, docs_with_bad_one(), batch_size=3)
        check_bad_one_failed(kg, r, "NLP")
        assert "spaCy choked" in r.failed[0][1]


def test_a_failing_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = staging.document_triples

    def document_triples(doc, base):  # noqa: ANN001, ANN202
        if doc.text.startswith("BAD"):
            raise ValueError("mapping bug")
        return real(doc, base)

    monkeypatch.setattr(staging, "document_triples", document_triples)
    with KnowledgeGraph(settings(tmp_path)) as kg:
        check_bad_one_failed(kg, ingest_documents(kg, docs_with_bad_one(), batch_size=3), "mapping")


def test_a_failing_store_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = str(document_iri(BASE, docs_with_bad_one()[3].id))
    real = GraphStore.put_graphs

    def put_graphs(self, graphs):  # noqa: ANN001, ANN202
        if any(g.iri == bad for g in graphs):
            # the bulk load gets through the graphs before it and half of it, then the disk says no
            before = graphs[:[g.iri for g in graphs].index(bad)]
            half = graphs[len(before)]
            lines = str(half.payload).splitlines(keepends=True)
            real(self, [*before, PreparedGraph(half.iri, "".join(lines[: len(lines) // 2]), 0)])
            raise OSError("disk full")
        return real(self, graphs)

    monkeypatch.setattr(GraphStore, "put_graphs", put_graphs)
    with KnowledgeGraph(settings(tmp_path)) as kg:
        check_bad_one_failed(kg, ingest_documents(kg, docs_with_bad_one(), batch_size=3), "store")


def test_a_failing_index_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with KnowledgeGraph(settings(tmp_path)) as kg:
        cls = type(kg.index)
        real = cls.write

        def write(self, add=(), delete=()):  # noqa: ANN001, ANN202
            add = list(add)
            if any(d.body.startswith("BAD") for d in add):
                raise RuntimeError("index segment write failed")
            return real(self, add, delete)

        monkeypatch.setattr(cls, "write", write)
        check_bad_one_failed(kg, ingest_documents(kg, docs_with_bad_one(), batch_size=3), "index")


def test_a_failing_loader_and_a_bad_record(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus", {"a.txt": TEXTS["chips.txt"], "z.txt": TEXTS["battery.txt"]})
    (folder / "m.jsonl").write_text('{"title": "좋은 기록", "body": "환경부는 탄소중립 회의를 열었다."}\n'
                                    '{"title": "깨진 기록", "body": \n', encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with KnowledgeGraph(settings(tmp_path)) as kg:
        r = ingest_paths(kg, [folder])
        assert r.ingested == 3
        reasons = " ".join(reason for _p, reason in r.failed)
        assert len(r.failed) == 3 and "2행: JSON 형식이" in reasons and "empty" in reasons and "unsupported" in reasons
        assert len(consistent(kg)) == 3


def test_kg_ingest_reports_failures_korean_first(tmp_path: Path) -> None:
    """What `kg ingest` prints for files it cannot read, and what it writes to
    DATA_DIR/ingest-failures.tsv: the path, then the reason in Korean, the English after."""
    folder = write_corpus(tmp_path / "in", {})
    (folder / "fake.pdf").write_bytes(b"this is not a pdf at all" * 10)
    (folder / "notes.jsonl").write_text('{"body": "환경부는 회의를 열었다."}\n{oops}\n', encoding="utf-8")
    data = tmp_path / "data"
    res = CliRunner().invoke(main, ["ingest", str(folder), "--data-dir", str(data)],
                             env={"KG_BASE_IRI": BASE, "KG_WORKERS": "1"})
    assert res.exit_code == 0, res.output
    pdf, notes = folder / "fake.pdf", folder / "notes.jsonl"
    assert (f"실패: {pdf}: PDF 문서가 아닙니다: %PDF- 머리글이 없습니다 (not a PDF document: no %PDF- header)"
            in res.output), res.output
    assert f"실패: {notes}: 2행: JSON 형식이 2열에서 잘못됐습니다 (invalid JSON: " in res.output
    rows = [line.split("\t") for line in (data / "ingest-failures.tsv").read_text(encoding="utf-8").splitlines()]
    assert sorted(p for p, _r in rows) == [str(pdf), str(notes)]
    for p, r in rows:
        korean, _, english = r.removeprefix(f"{p}: ").partition(" (")
        assert re.search("[가-힣]", korean) and english.endswith(")") and not re.search("[가-힣]", english), r


# -- worker processes ------------------------------------------------------------------------
def test_worker_processes_give_the_same_graph(tmp_path: Path) -> None:
    folder = write_corpus(tmp_path / "corpus")
    graphs = []
    for workers in (1, 2):
        s = Settings(data_dir=tmp_path / f"data{workers}", base_iri=BASE)
        with KnowledgeGraph(s) as kg:
            r = ingest_paths(kg, [folder], workers=workers, batch_size=1)
            assert (r.ingested, r.failed, r.workers) == (4, [], workers)
            iris = sorted(consistent(kg))
            graphs.append([sorted(kg.store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{i}> {{ ?s ?p ?o }} }}"),
                                  key=repr) for i in iris])
    assert graphs[0] == graphs[1]


def test_workers_setting() -> None:
    import os

    from core.errors import SettingsError

    assert Settings.from_env({}).ingest_workers == max(1, os.cpu_count() or 1)  # 0: one per core
    assert Settings.from_env({"KG_WORKERS": "1"}).ingest_workers == 1
    assert Settings.from_env({"KG_WORKERS": "3"}, workers=2).ingest_workers == 2  # --workers wins
    with pytest.raises(SettingsError, match="KG_WORKERS"):
        Settings.from_env({"KG_WORKERS": "-1"})


# -- progress ----------------------------------------------------------------------------
def test_progress_of_one_big_file_moves_towards_the_end(tmp_path: Path) -> None:
    """One JSON Lines file of many records (Wikinews, the bills) still gets an ETA: the
    loaders say how far into the file they are."""
    lines = [json.dumps({"id": f"r{i}", "title": f"기사 {i}", "body": f"산업통상자원부는 {i}번째 계획을 발표했다."},
                        ensure_ascii=False) for i in range(40)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[float] = []
    with KnowledgeGraph(settings(tmp_path)) as kg:
        r = ingest_paths(kg, [path], batch_size=4, commit_every=4,
                         progress=lambda event, doc, rep: seen.append(rep.fraction))
    assert r.ingested == 40 and r.files_total == 1
    assert seen == sorted(seen), "the fraction never goes back"
    assert any(0.05 < f < 0.95 for f in seen), seen  # part way through the one file
    assert r.fraction == 1.0


def test_progress_line_has_an_eta() -> None:
    from app.progress import Progress as _Progress
    rep = pipeline.IngestReport(ingested=500, chars=1_000_000, files_total=1, files_done=1,
                                bytes_total=1000, bytes_read=250)
    bar = _Progress(tty=False)
    line = bar.status(rep, bar.start + 100.0)  # a quarter in 100 s: 300 s to go
    assert "문서 500" in line and "5.0 문서/s" in line and "25%" in line and "남은 시간 5:00" in line
    rep.bytes_read = 1000
    assert "남은 시간" not in bar.status(rep, bar.start + 400.0)


def test_a_large_whoosh_archive_gets_advice_to_use_tantivy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [Document(title=f"문서 {i}", text=f"산업통상자원부는 {i}일 계획을 발표했다.", source=f"mem/{i}.txt",
                     key=f"mem/{i}.txt") for i in range(3)]
    with KnowledgeGraph(settings(tmp_path)) as kg:
        assert not any("tantivy" in n for n in ingest_documents(kg, docs[:2]).notes)  # a small archive: no advice
        monkeypatch.setattr(pipeline, "WHOOSH_ADVICE_DOCS", 2)
        notes = ingest_documents(kg, docs).notes
    assert any("KG_SEARCH_BACKEND=tantivy" in n and "3건" in n for n in notes)


def test_only_a_run_that_wrote_a_good_share_compacts_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compaction rewrites the whole store (minutes at 100,000 documents): a first ingest
    compacts, adding one document to many does not, and a run that writes nothing
    does not either."""
    calls: list[int] = []
    real = GraphStore.optimize
    monkeypatch.setattr(GraphStore, "optimize", lambda self: (calls.append(1), real(self))[1])
    docs = [Document(title=f"문서 {i}", text=f"산업통상자원부는 {i}일 계획을 발표했다.", source=f"mem/{i}.txt",
                     key=f"mem/{i}.txt") for i in range(12)]
    with KnowledgeGraph(settings(tmp_path)) as kg:
        ingest_documents(kg, docs[:11])
        assert len(calls) == 1
        ingest_documents(kg, docs)  # 1 new of 12: under a tenth
        assert len(calls) == 1
        ingest_documents(kg, docs)  # nothing new
        assert len(calls) == 1
        assert kg.search("계획").total == 12


def test_ner_model_setting_reaches_the_nlp_without_the_environment(tmp_path: Path, monkeypatch) -> None:
    """Settings(ner_model=True) turns the statistical NER on for ingest; KG_NER_MODEL is
    only one way to fill the setting (Settings.from_env), not read by the NLP itself."""
    import ingest.nlp.pipeline as nlp_pipeline  # noqa: PLC0415

    monkeypatch.delenv("KG_NER_MODEL", raising=False)
    real, asked = nlp_pipeline.get_pipeline, []

    def spy(ner_model: bool = False):  # noqa: ANN202 (the rules pipeline stands in: no model load)
        asked.append(ner_model)
        return real(False)

    monkeypatch.setattr(nlp_pipeline, "get_pipeline", spy)
    folder = write_corpus(tmp_path / "corpus", {"chips.txt": TEXTS["chips.txt"]})
    with KnowledgeGraph(Settings(data_dir=tmp_path / "data", base_iri=BASE, ner_model=True)) as kg:
        assert ingest_paths(kg, [folder], workers=1).ingested == 1
    assert asked and all(asked)
    asked.clear()
    with KnowledgeGraph(settings(tmp_path / "off")) as kg:
        assert ingest_paths(kg, [folder], workers=1).ingested == 1
    assert asked and not any(asked)
    monkeypatch.setenv("KG_NER_MODEL", "on")
    assert Settings.from_env(data_dir=tmp_path / "data").ner_model is True
