"""Structured records: a bill's facts are merged with the NLP extraction and land on the
same entity IRIs as the text extraction of any other document."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from core.model import Document, Entity, Extraction, Relation
from app.cli import main
from kg.write.facts import merge_facts
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ingest_documents, ingest_paths
from kg.settings import Settings
from ontology.iris import document_iri, entity_iri

BASE = "http://kg.test/"
KGO = "https://w3id.org/kor-policy-kg/ont#"
BILL = {"bill_id": "PRC_A1", "bill_no": 2201234, "assembly": 22,
        "bill_name": "반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법안", "committee": "산업통상자원중소벤처기업위원회",
        "propose_date": "2024-07-01", "result": "대안반영폐기", "proposer": "이철규", "proposer_id": "X1"}
NEWS = Document(title="산자위, 반도체 특별법 심사", source="news/chips.md", date="2024-11-20",
                text="국회 산자위는 20일 법안심사소위를 열고 반도체 특별법을 심사했다. 산업통상자원부도 참석했다.")


def test_merge_keeps_one_entity_per_span() -> None:
    text = "김병관 의원이 2020년 5월 22일 대표발의한 「지방세법 일부개정법률안」은 행정안전위원회로 회부되었다."
    nlp = Extraction(entities=[Entity(0, 3, "김병관", "PERSON", canonical="김병관", attrs={"title": "의원"}, sentence=0),
                               Entity(4, 6, "의원", "ORGANIZATION", canonical="의원", sentence=0),
                               Entity(28, 40, "지방세법 일부개정법률안", "INITIATIVE", canonical="지방세법 일부개정법률안",
                                      attrs={"kind": "plan"}, sentence=0),
                               Entity(29, 33, "방세법", "LOCATION", sentence=0)],
                     relations=[Relation("PARTICIPATES_IN", 0, 2, 0)], sentences=[(0, len(text))], tokens=["김병관"])
    s = text.index("행정안전위원회")
    facts = Extraction(entities=[Entity(0, 3, "김병관", "PERSON", canonical="김병관", attrs={"title": "국회의원"}),
                                 Entity(28, 40, "지방세법 일부개정법률안", "INITIATIVE", canonical="지방세법 (1)",
                                        attrs={"kind": "law"}),
                                 Entity(s, s + 7, "행정안전위원회", "MINISTRY", attrs={"gov_kind": "committee"})],
                       relations=[Relation("PROPOSES", 0, 1), Relation("REFERRED_TO", 1, 2)])
    ex = merge_facts(nlp, facts)
    assert [(e.text, e.type) for e in ex.entities] == [("김병관", "PERSON"), ("의원", "ORGANIZATION"),
                                                       ("지방세법 일부개정법률안", "INITIATIVE"),
                                                       ("행정안전위원회", "MINISTRY")]  # 방세법 overlapped a fact
    person, _org, bill, body = ex.entities
    assert person.attrs["title"] == "국회의원" and person.sentence == 0
    assert bill.attrs["kind"] == "law" and bill.canonical == "지방세법 (1)"
    assert body.canonical == "행정안전위원회" and body.sentence == 0  # the linker's name, found by the merge
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    assert rels == {("PARTICIPATES_IN", "김병관", "지방세법 일부개정법률안"),
                    ("PROPOSES", "김병관", "지방세법 일부개정법률안"),
                    ("REFERRED_TO", "지방세법 일부개정법률안", "행정안전위원회")}
    assert ex.tokens == ["김병관"] and merge_facts(nlp, None) is nlp


def test_bill_records_link_to_the_entities_text_extraction_finds(tmp_path: Path) -> None:
    path = tmp_path / "bills.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps(BILL, ensure_ascii=False) + "\n").encode("utf-8")))
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE)
    with KnowledgeGraph(s) as kg:
        r = ingest_paths(kg, [path])
        assert (r.ingested, r.failed) == (1, [])
        ingest_documents(kg, [NEWS])
        committee = str(entity_iri(BASE, "MINISTRY", "산업통상자원중소벤처기업위원회"))
        bill = str(entity_iri(BASE, "INITIATIVE", "반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법안 (의안번호 2201234)"))
        person = str(entity_iri(BASE, "PERSON", "이철규"))
        # the news article says 산자위: the same committee node as the bill's record
        mentioned = {str(r["d"]) for r in kg.store.select(f"SELECT ?d WHERE {{ ?d <{KGO}mentions> <{committee}> }}")}
        assert mentioned == {str(document_iri(BASE, NEWS.id)),
                             kg.store.documents_with_key(f"{path}#PRC_A1")[0]}
        ask = f"""ASK {{ <{person}> <{KGO}proposes> <{bill}> . <{bill}> <{KGO}referredTo> <{committee}> ;
                   <{KGO}initiativeKind> <{KGO}Law> ; <{KGO}status> "대안반영폐기"@ko ;
                   <http://purl.org/dc/terms/identifier> "2201234" ; <{KGO}proposedOn> ?t .
                   ?t <http://www.w3.org/2006/time#inXSDDate> "2024-07-01"^^<http://www.w3.org/2001/XMLSchema#date> .
                   <{committee}> a <{KGO}Committee> }}"""
        assert kg.store.query(ask).askAnswer
        # every relation keeps its evidence: the sentence of the record's text
        ent = kg.entity(bill)
        assert ent is not None and {r["sentence"] is not None for r in ent["relations"]} == {True}
        assert kg.search("반도체 특별법안").total >= 1


def test_kg_ingest_of_a_bills_file(tmp_path: Path) -> None:
    path = tmp_path / "bills_20-22.jsonl.gz"
    records = [dict(BILL, bill_id=f"PRC_{i}", bill_no=2200000 + i, proposer=f"의원{i}") for i in range(5)]
    path.write_bytes(gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()))
    res = CliRunner().invoke(main, ["ingest", str(path), "--data-dir", str(tmp_path / "data"), "--workers", "1"],
                             env={"KG_BASE_IRI": BASE})
    assert res.exit_code == 0, res.output
    assert "새로 수집 5건, 갱신 0건, 변경 없음 0건, 실패 0건" in res.output


def test_a_fact_names_the_body_of_the_documents_date() -> None:
    """A record's government body is read as of the record's date, as the linker reads
    text: 재정경제부 in 2007 is the former body, in 2026 the new one; 창원시 in 2009 the
    city before the 2010 merger; an undated record is read as of today."""
    def fact_body(text: str, date: str | None) -> str | None:
        facts = Extraction(entities=[Entity(0, len(text), text, "MINISTRY")])
        return merge_facts(Extraction(sentences=[(0, len(text))]), facts, date).entities[0].canonical

    assert fact_body("재정경제부", "2007-08-01") == "재정경제부 (1998–2008)"
    assert fact_body("재정경제부", "2026-05-01") == "재정경제부"
    assert fact_body("재경부", "2008-02-28") == "재정경제부 (1998–2008)"
    assert fact_body("산업부", "2015-06-01") == "산업통상자원부"
    assert fact_body("산업부", "2026-06-01") == "산업통상부"
    assert fact_body("창원시", "2009-05-01") == "창원시 (1980–2010)"
    assert fact_body("창원시", "2010-07-01") == "창원시"
    assert fact_body("산업부", None) == "산업통상부"  # read as of today (2026-12)
