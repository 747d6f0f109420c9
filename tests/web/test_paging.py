"""An entity mentioned in more documents than a page holds: the page shows the total,
the newest documents first and a way to the next page; the JSON twin says the total
and is paged; a relation group with more members than the page shows says how many
there are and the CSV has them all; the home and statistics pages count everything."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from core.model import Document, Entity, Extraction, Relation
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, index_doc
from kg.settings import Settings
from ontology.mapping import document_triples
from web import create_app

BASE = "http://kg.test/"
DOCS = 25          # documents that mention 산업통상자원부, each announcing another plan
PAGE = 2           # documents per page
MOTIE = "/id/gov/산업통상자원부"


def announcement(n: int) -> Document:
    """산업부 announces plan n (a hand-written extraction: no NLP needed); newer with n."""
    text = f"산업부는 '성장 계획 {n:02d}'을 발표했다."
    d = Document(title=f"성장 계획 {n:02d} 발표", text=text, source=f"p/{n}.txt", key=f"p/{n}.txt",
                 date=f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}")
    j = text.index("성장")
    d.extraction = Extraction(
        entities=[Entity(0, 3, "산업부", "MINISTRY", canonical="산업통상자원부", sentence=0),
                  Entity(j, j + 8, f"성장 계획 {n:02d}", "INITIATIVE", canonical=f"성장 계획 {n:02d}", sentence=0)],
        relations=[Relation("ANNOUNCES", 0, 1, sentence=0)], sentences=[(0, len(text))])
    return d


def add_announcements(settings: Settings, numbers: range) -> None:
    """Write and publish the announcements `numbers` (graphs and index entries)."""
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        entries = []
        for n in numbers:
            d = announcement(n)
            iri, triples, described = document_triples(d, BASE)
            kg.store.put_graph(str(iri), triples, described)
            entries.append(index_doc(d, str(iri), BASE))
        kg.index.write(add=entries)
        kg.publish()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("paging")), base_iri=BASE, page_size=PAGE)
    add_announcements(settings, range(DOCS))
    app = create_app(settings, query_workers=0)
    yield app
    app.extensions["kg"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def test_entity_json_twin_is_paged_with_the_total(client: FlaskClient) -> None:
    first = client.get(MOTIE + ".json").get_json()
    assert first["total"] == DOCS and first["page_number"] == 1 and first["page_size"] == PAGE
    assert first["pages"] == (DOCS + PAGE - 1) // PAGE and first["prev"] is None
    assert [d["title"] for d in first["documents"]] == ["성장 계획 24 발표", "성장 계획 23 발표"]  # newest first
    second = client.get(first["next"]).get_json()
    assert second["page_number"] == 2 and second["prev"] and [d["title"] for d in second["documents"]] == [
        "성장 계획 22 발표", "성장 계획 21 발표"]
    seen = []
    for page in range(1, first["pages"] + 1):
        seen += [d["iri"] for d in client.get(MOTIE + ".json", query_string={"page": page}).get_json()["documents"]]
    assert len(seen) == len(set(seen)) == DOCS                      # every document once, over all pages
    last = client.get(MOTIE + ".json", query_string={"page": first["pages"]}).get_json()
    assert last["next"] is None and len(last["documents"]) == DOCS % PAGE
    beyond = client.get(MOTIE + ".json", query_string={"page": 99})
    assert beyond.status_code == 200 and beyond.get_json()["documents"] == [] and beyond.get_json()["total"] == DOCS
    bad = client.get(MOTIE + ".json", query_string={"page": "둘"})
    assert bad.status_code == 400 and "쪽 번호" in bad.get_json()["message"]


def test_entity_page_shows_the_total_and_a_way_to_the_rest(client: FlaskClient) -> None:
    page = client.get(MOTIE).get_data(as_text=True)
    docs = re.search(r'<section id="documents".*?</section>', page, re.S).group(0)
    assert f"{DOCS}건, 최신순" in docs and "1/13쪽" in docs
    assert len(re.findall(r"<li><time", docs)) == PAGE
    more = re.search(r'<a href="([^"]+)" rel="next">더 보기', docs)
    assert more and "page=2" in more.group(1)
    nxt = client.get(more.group(1).split("#")[0]).get_data(as_text=True)
    assert "성장 계획 22 발표" in nxt and "2/13쪽" in nxt and 'rel="prev">이전' in nxt
    assert '<ol class="docs" start="3">' in nxt                      # numbering goes on from page 1


def test_relation_group_says_how_many_and_the_csv_has_all(client: FlaskClient) -> None:
    data = client.get(MOTIE + ".json").get_json()
    (group,) = [g for g in data["relation_groups"] if g["property"].endswith("#announces")]
    assert group["total"] == DOCS and group["documents"] == DOCS
    shown = {r["other"] for r in data["relations"] if r["property"].endswith("#announces")}
    assert len(shown) == 20 < DOCS                                   # the page holds 20 of them
    page = client.get(MOTIE).get_data(as_text=True)
    # the 발표 section says so (the 관계 section does not list them again)
    assert f"발표 {DOCS}건 중 문서가 많은 20건 (모두: <a href=\"{MOTIE}.csv\">관계 CSV</a>)" in page
    rows = list(csv.DictReader(io.StringIO(client.get(MOTIE + ".csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert len({r["other"] for r in rows if r["property"] == "kgo:announces"}) == DOCS
    assert all(r["sentence"].startswith("산업부는") for r in rows if r["property"] == "kgo:announces")


def test_home_and_stats_count_everything(client: FlaskClient) -> None:
    stats = client.get("/stats.json").get_json()
    assert stats["documents"] == DOCS and stats["indexed"] == DOCS
    assert stats["entities"] == {"INITIATIVE": DOCS, "MINISTRY": 1} and stats["triples"] > 10 * DOCS
    home = client.get("/").get_data(as_text=True)
    assert f"<strong>{DOCS}</strong> 문서" in home
    hits = client.get("/api/lookup", query_string={"q": "성장 계획"}).get_json()
    assert len(hits) == 10 and all(h["type"] == "INITIATIVE" and h["documents"] == 1 for h in hits)


@pytest.mark.parametrize("walk", [True, False])
def test_co_mentions_of_an_entity_in_more_documents_than_the_sample_come_from_the_newest(
        app: Flask, walk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `sample` documents, co-mentions are counted in the newest of them only, found
    either by walking all documents newest first or by sorting the entity's own."""
    from kg.read import entity  # noqa: PLC0415

    monkeypatch.setattr(entity, "WALK_FACTOR", 1000 if walk else 0)
    co = app.extensions["kg"].kg.cooccurring(BASE + "id/gov/산업통상자원부", limit=None, sample=5)
    assert co["documents"] == DOCS and co["sampled"] == 5
    assert [(i["iri"].rsplit("/", 1)[-1], i["documents"]) for i in co["items"]] == [
        (f"성장_계획_{n}", 1) for n in range(DOCS - 5, DOCS)]


def test_a_hubs_relations_are_kept_per_snapshot_and_a_newer_snapshot_counts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hub's relation counts are kept for the snapshot they were read from: a second
    visit shows the same, and after an ingest publishes more the page counts them."""
    from kg.read import entity  # noqa: PLC0415

    monkeypatch.setattr(entity, "HASH_JOIN_DOCS", 3)  # 산업통상자원부 is a hub from 4 documents on
    settings = Settings(data_dir=tmp_path, base_iri=BASE, page_size=PAGE)

    def announces(client: FlaskClient) -> tuple[int, int, list[str]]:
        data = client.get(MOTIE + ".json").get_json()
        (group,) = [g for g in data["relation_groups"] if g["property"].endswith("#announces")]
        shown = sorted({r["other"].rsplit("/", 1)[-1] for r in data["relations"] if r["property"].endswith("#announces")})
        return group["total"], group["documents"], shown

    add_announcements(settings, range(6))
    app = create_app(settings, query_workers=0)
    try:
        client = app.test_client()
        first = announces(client)
        assert first == (6, 6, [f"성장_계획_{n:02d}" for n in range(6)])
        assert announces(client) == first                    # kept: the same on the second visit
        assert entity._kept, "nothing was kept for the snapshot"
        add_announcements(settings, range(6, 10))
        assert announces(client) == (10, 10, [f"성장_계획_{n:02d}" for n in range(10)])
    finally:
        app.extensions["kg"].close()


@pytest.mark.parametrize("walk", [True, False])
def test_documents_shared_by_two_hubs_are_counted_and_the_newest_listed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, walk: bool) -> None:
    """The path view's shared documents of two entities in many documents: the same
    total and the same newest documents as counted and sorted the plain way."""
    from kg.read import entity  # noqa: PLC0415
    from kg.read import queries  # noqa: PLC0415

    settings = Settings(data_dir=tmp_path, base_iri=BASE, page_size=PAGE)
    with KnowledgeGraph(settings) as kg:
        for n in range(12):
            d = announcement(n)
            if n % 3:  # 삼성전자 in 8 of the 12
                d.text += " 삼성전자도 참여했다."
                j = d.text.index("삼성전자")
                d.extraction.entities.append(Entity(j, j + 4, "삼성전자", "COMPANY", canonical="삼성전자", sentence=0))
            iri, triples, described = document_triples(d, BASE)
            kg.store.put_graph(str(iri), triples, described)
        kg.publish()
        motie, samsung = BASE + "id/gov/산업통상자원부", BASE + "id/company/삼성전자"
        plain = kg.shared_documents(motie, samsung, limit=3)
        monkeypatch.setattr(queries, "HASH_JOIN_DOCS", 2)  # both are hubs now
        monkeypatch.setattr(entity, "WALK_FACTOR", 1000 if walk else 0)
        hubs = kg.shared_documents(motie, samsung, limit=3)
    assert plain["total"] == hubs["total"] == 8
    assert [d["title"] for d in hubs["documents"]] == [d["title"] for d in plain["documents"]] == [
        "성장 계획 11 발표", "성장 계획 10 발표", "성장 계획 08 발표"]


def test_the_entity_list_ranks_every_entity_by_documents_and_pages_through_them(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """/entities without a name lists what the documents mention, the most mentioned
    first; `type` keeps one type; pages hold ENTITY_PAGE rows and together list each
    entity once; the CSV has the whole list, not one page."""
    from web import pages  # noqa: PLC0415

    monkeypatch.setattr(pages, "ENTITY_PAGE", 10)
    first = client.get("/entities.json").get_json()
    assert first["total"] == DOCS + 1 and first["pages"] == 3 and first["page"] == 1
    assert first["results"][0]["label"] == "산업통상자원부" and first["results"][0]["documents"] == DOCS
    assert [r["label"] for r in first["results"][1:4]] == ["성장 계획 00", "성장 계획 01", "성장 계획 02"]
    seen = [r["iri"] for p in (1, 2, 3) for r in client.get("/entities.json", query_string={"page": p}).get_json()["results"]]
    assert len(seen) == len(set(seen)) == DOCS + 1
    plans = client.get("/entities.json", query_string={"type": "initiative"}).get_json()
    assert plans["type"] == "INITIATIVE" and plans["total"] == DOCS
    assert all(r["type"] == "INITIATIVE" for r in plans["results"])
    rows = list(csv.DictReader(io.StringIO(client.get("/entities.csv", query_string={"type": "INITIATIVE"})
                                           .get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == DOCS and rows[0]["label"] == "성장 계획 00" and rows[0]["documents"] == "1"

    page = client.get("/entities", query_string={"page": 2}).get_data(as_text=True)
    assert '<ol class="entity-list" start="11">' in page and "(2/3쪽)" in page
    assert 'rel="prev">이전' in page and 'rel="next">다음' in page
    assert re.search(r'<a href="[^"]*type=INITIATIVE[^"]*">정책·사업 <span class="n">25</span>', page)
    assert re.search(r'<a href="[^"]*type=MINISTRY[^"]*">정부기관 <span class="n">1</span>', page)

    beyond = client.get("/entities.json", query_string={"page": 4})
    assert beyond.status_code == 200 and beyond.get_json()["results"] == [] and beyond.get_json()["total"] == DOCS + 1
    assert "모두 3쪽입니다" in client.get("/entities", query_string={"page": 4}).get_data(as_text=True)
    bad = client.get("/entities", query_string={"type": "DATE"})
    assert bad.status_code == 400 and "개체 유형이 잘못되었습니다" in bad.get_data(as_text=True)


def test_a_name_search_in_the_entity_list_keeps_the_type_and_pages(
        client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from web import pages  # noqa: PLC0415

    monkeypatch.setattr(pages, "ENTITY_PAGE", 10)
    found = client.get("/entities.json", query_string={"q": "계획 1", "type": "INITIATIVE"}).get_json()
    assert found["total"] == 10 and [r["label"] for r in found["results"]][:2] == ["성장 계획 10", "성장 계획 11"]
    spaced = client.get("/entities.json", query_string={"q": "성장계획 2"}).get_json()   # spaces do not matter
    assert [r["label"] for r in spaced["results"]] == [f"성장 계획 {n}" for n in range(20, 25)]
    none = client.get("/entities", query_string={"q": "산업", "type": "PERSON"}).get_data(as_text=True)
    assert "인물 가운데 이 이름을 가진 개체가 없습니다" in none and "모든 유형에서 찾기" in none
    assert client.get("/entities.json", query_string={"q": "산업"}).get_json()["results"][0]["type"] == "MINISTRY"
    stats = client.get("/stats").get_data(as_text=True)
    assert 'href="/entities?type=INITIATIVE">정책·사업</a>' in stats   # a type on the statistics page lists its entities


def test_the_entity_list_follows_a_newer_snapshot(tmp_path: Path) -> None:
    """The order is kept per published snapshot: after an ingest publishes more, the list
    counts again."""
    settings = Settings(data_dir=tmp_path, base_iri=BASE, page_size=PAGE)
    add_announcements(settings, range(3))
    app = create_app(settings, query_workers=0)
    try:
        client = app.test_client()
        assert client.get("/entities.json").get_json()["total"] == 4
        add_announcements(settings, range(3, 5))
        after = client.get("/entities.json").get_json()
        assert after["total"] == 6 and after["results"][0]["documents"] == 5
    finally:
        app.extensions["kg"].close()
