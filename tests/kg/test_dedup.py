"""Near-duplicate articles (one wire story, several outlets): detected with MinHash over
character 5-grams and an on-disk LSH index, linked with kgo:nearDuplicateOf to the first
copy, still stored and searchable, counted once by `kg stats`."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from core.model import Document
from app.cli import main
from kg.write.dedup import THRESHOLD, DedupIndex, count_unique, normalise, signature, similarity
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ingest_documents, remove_document
from kg.settings import Settings
from ontology.iris import document_iri

BASE = "http://kg.test/"
KGO = "https://w3id.org/kor-policy-kg/ont#"

STORY = ("산업통상자원부는 7일 정부세종청사에서 '반도체 산업 경쟁력 강화 방안'을 발표했다. 정부는 용인 반도체 "
         "클러스터의 전력과 용수 공급을 앞당기고, 2030년까지 첨단 반도체 인력 15만 명을 길러 내기로 했다. "
         "설비 투자에 대한 세액공제율도 대기업은 15%에서 20%로, 중소기업은 25%에서 30%로 높인다. "
         "안덕근 장관은 이날 삼성전자와 SK하이닉스 등 업계 대표들과 간담회를 열고 \"반도체는 우리 경제의 "
         "버팀목\"이라며 \"규제 개선과 기반시설 지원에 속도를 내겠다\"고 말했다. 업계는 전력망 확충과 인허가 "
         "기간 단축을 건의했고, 정부는 관계부처 합동 점검회의를 매달 열어 이행 상황을 살피기로 했다.")
# the same wire story as another outlet ran it: a byline, different spacing and quotes, a tail
COPY = ("[세종=한국경제] " + STORY.replace("'", "“").replace("  ", " ").replace("발표했다.", "발표했다 .")
        + " (사진=산업부 제공)")
OTHER = ("환경부는 10일 탄소중립 이행 점검 회의를 열고 온실가스 감축 목표의 추진 상황을 발표했다. 2030년 국가 "
         "감축목표를 달성하려면 산업 부문에서 연평균 3% 이상 배출을 줄여야 한다는 분석이 나왔다. 정부는 "
         "재생에너지 보급을 늘리고 수소 환원 제철과 같은 저탄소 공정 전환을 지원하기로 했다. 회의에는 "
         "기획재정부와 산업통상자원부, 국토교통부 차관들이 참석했으며, 지방자치단체의 감축 실적도 함께 "
         "점검했다. 환경부는 상반기 중 부문별 이행 계획을 다시 내놓겠다고 밝혔다.")


def doc(text: str, source: str) -> Document:
    return Document(title="반도체 경쟁력 강화 방안", text=text, source=source, date="2024-03-07")


def jaccard(a: str, b: str) -> float:
    a, b = normalise(a), normalise(b)
    sa, sb = {a[i:i + 5] for i in range(len(a) - 4)}, {b[i:i + 5] for i in range(len(b) - 4)}
    return len(sa & sb) / len(sa | sb)


def test_minhash_estimates_jaccard() -> None:
    assert jaccard(STORY, COPY) >= THRESHOLD
    est = similarity(signature(STORY), signature(COPY))
    assert abs(est - jaccard(STORY, COPY)) < 0.1 and est >= THRESHOLD
    assert similarity(signature(STORY), signature(OTHER)) < 0.2
    assert normalise("반도체  산업 ‘경쟁력’!") == "반도체산업경쟁력"
    assert signature("짧은 글은 비교하지 않는다.") is None  # too few 5-grams to mean anything


def test_lsh_index_on_disk(tmp_path: Path) -> None:
    a, b, c = signature(STORY), signature(COPY), signature(OTHER)
    with DedupIndex(tmp_path) as ix:
        ix.add([("doc:a", "a", a, None), ("doc:c", "c", c, None)])
        assert ix.find(b)[0] == "doc:a"
        assert ix.find(b, exclude=["doc:a"]) is None
        ix.add([("doc:b", "b", b, "doc:a")])
    with DedupIndex(tmp_path) as ix:  # persisted
        assert ix.duplicates_of("doc:a") == ["doc:b"] and ix.count() == (3, 1)
        assert ix.find(signature(COPY + " 끝"))[0] == "doc:a"  # the cluster's original, not the copy
        ix.remove(["doc:a"])
        assert ix.dangling() == [("doc:b", "doc:a")]


def test_a_batch_is_one_transaction_that_sees_its_own_rows(tmp_path: Path) -> None:
    """An ingest chunk writes its rows in one transaction (kg.pipeline): a copy later in the
    same chunk still finds the original, and a batch cut short by an error leaves nothing."""
    a, b, c = signature(STORY), signature(COPY), signature(OTHER)
    with DedupIndex(tmp_path) as ix:
        with ix.batch():
            ix.add([("doc:a", "a", a, None)])
            assert ix.find(b)[0] == "doc:a"
            with ix.batch():  # nested: the outer one commits
                ix.add([("doc:b", "b", b, "doc:a")])
        try:
            with ix.batch():
                ix.add([("doc:c", "c", c, None)])
                raise RuntimeError("the chunk failed")
        except RuntimeError:
            pass
    with DedupIndex(tmp_path) as ix:
        assert ix.count() == (2, 1) and ix.find(c) is None and ix.duplicates_of("doc:a") == ["doc:b"]


def test_near_duplicates_are_linked_stored_and_counted_once(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    first, copy, other = doc(STORY, "wire/a.txt"), doc(COPY, "outlet/b.txt"), doc(OTHER, "wire/c.txt")
    third = doc(COPY.replace("한국경제", "서울신문"), "outlet/d.txt")
    iri = {d.source: str(document_iri(BASE, d.id)) for d in (first, copy, other, third)}
    with KnowledgeGraph(s) as kg:
        r = ingest_documents(kg, [first, copy, other, third])
        assert (r.ingested, r.duplicates, r.failed) == (4, 2, [])
        assert "유사 중복 2건" in r.summary()

        def original_of(d: str) -> str | None:
            rows = kg.store.select(f"SELECT ?o WHERE {{ <{iri[d]}> <{KGO}nearDuplicateOf> ?o }}")
            return str(rows[0]["o"]) if rows else None

        assert original_of("outlet/b.txt") == iri["wire/a.txt"]
        assert original_of("outlet/d.txt") == iri["wire/a.txt"]  # a star around the first copy
        assert original_of("wire/a.txt") is None and original_of("wire/c.txt") is None
        assert kg.search("세액공제율").total == 3  # still stored and searchable
        assert count_unique(kg.store) == (4, 2)
        # re-ingest: nothing changes
        r = ingest_documents(kg, [first, copy, other, third])
        assert (r.unchanged, r.duplicates) == (4, 0) and count_unique(kg.store) == (4, 2)
        # the original goes: the earliest copy becomes the original, the other points to it
        assert remove_document(kg, iri["wire/a.txt"])
        assert original_of("outlet/b.txt") is None
        assert original_of("outlet/d.txt") == iri["outlet/b.txt"]
        assert count_unique(kg.store) == (3, 1)
    res = CliRunner().invoke(main, ["stats", "--data-dir", str(s.data_dir)])
    assert res.exit_code == 0 and "문서 3건 (고유 2건, 유사 중복 1건" in res.output, res.output


def test_structured_and_short_records_are_never_flagged(tmp_path: Path) -> None:
    from core.model import Extraction

    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    a = doc(STORY, "a.txt")
    b = doc(COPY, "b.txt")
    b.facts = Extraction()  # a structured record: its text is built from fields
    with KnowledgeGraph(s) as kg:
        r = ingest_documents(kg, [a, b, doc("짧은 단신이다.", "c.txt"), doc("짧은 단신이다!", "d.txt")])
        assert (r.ingested, r.duplicates) == (4, 0)


def test_legacy_data_directory_is_backfilled(tmp_path: Path) -> None:
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    with KnowledgeGraph(s) as kg:
        ingest_documents(kg, [doc(STORY, "a.txt")])
    (s.data_dir / "dedup.sqlite").unlink()  # as before near-duplicate detection existed
    for extra in ("dedup.sqlite-wal", "dedup.sqlite-shm"):
        (s.data_dir / extra).unlink(missing_ok=True)
    from kg.write.pipeline import ingest_paths

    (tmp_path / "b.txt").write_text(COPY, encoding="utf-8")
    with KnowledgeGraph(s) as kg:
        r = ingest_paths(kg, [tmp_path / "b.txt"])
        assert (r.ingested, r.duplicates) == (1, 1)
