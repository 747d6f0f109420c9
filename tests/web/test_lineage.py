"""A ministry's page shows its lineage (names with periods, predecessors and successors
with links, the reorganisations with their legal basis) and offers its documents
together with its predecessors'; SPARQL asks for a body and its lineage with a
property path. Documents go through the real pipeline, so each mention is linked to the
body that carried the name on the document's date."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from core.model import Document
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, ingest_documents
from kg.settings import Settings
from web import create_app
from web.examples import EXAMPLES_BY_KEY

BASE = "http://kg.test/"
DOCS = [
    Document(title="2007 세제 개편안", text="재정경제부는 세제 개편안을 발표했다.", source="l/2007.txt", date="2007-08-01"),
    Document(title="2012 수출 대책", text="지경부는 수출 대책을 발표했다.", source="l/2012.txt", date="2012-05-10"),
    Document(title="2015 수출 대책", text="산업부는 수출 대책을 발표했다.", source="l/2015.txt", date="2015-06-01"),
    Document(title="2026 반도체 대책", text="산업부는 반도체 대책을 발표했다.", source="l/2026.txt", date="2026-03-02"),
    Document(title="2026 경제정책방향", text="재정경제부는 경제정책방향을 발표했다.", source="l/2026b.txt",
             date="2026-03-05"),
    # local governments: 창원시·마산시·진해시 merged into 창원시 on 2010-07-01
    Document(title="2009 창원시 계획", text="창원시는 기계산업 육성 계획을 발표했다.", source="l/c2009.txt", date="2009-05-01"),
    Document(title="2009 마산시 계획", text="마산시는 항만 재개발 계획을 발표했다.", source="l/m2009.txt", date="2009-06-01"),
    Document(title="2012 창원시 계획", text="창원시는 기계산업 육성 계획을 발표했다.", source="l/c2012.txt", date="2012-05-01"),
]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("lineage")), base_iri=BASE, page_size=10)
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        report = ingest_documents(kg, DOCS)
        assert report.ok, report.failed
    app = create_app(settings, query_workers=0)
    yield app
    app.extensions["kg"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _titles(client: FlaskClient, path: str, **args: str) -> list[str]:
    data = client.get(path + ".json", query_string=args).get_json()
    return [d["title"] for d in data["documents"]]


def test_mentions_are_linked_to_the_body_of_their_date(client: FlaskClient) -> None:
    assert _titles(client, "/id/gov/산업통상부") == ["2026 반도체 대책"]
    assert _titles(client, "/id/gov/산업통상자원부") == ["2015 수출 대책"]
    assert _titles(client, "/id/gov/재정경제부") == ["2026 경제정책방향"]
    assert _titles(client, "/id/gov/재정경제부_(1998–2008)") == ["2007 세제 개편안"]


def test_the_documents_of_a_body_and_its_predecessors(client: FlaskClient) -> None:
    assert _titles(client, "/id/gov/산업통상부", lineage="1") == ["2026 반도체 대책", "2015 수출 대책", "2012 수출 대책"]
    # 재정경제부 (2026) split from 기획재정부, which merged 재정경제부 (1998–2008) and 기획예산처 (1999–2008)
    assert _titles(client, "/id/gov/재정경제부", lineage="1") == ["2026 경제정책방향", "2007 세제 개편안"]
    html = client.get("/id/gov/산업통상부", query_string={"lineage": "1"}).get_data(as_text=True)
    assert "이 기관과 이전 기관" in html and "2012 수출 대책" in html


def test_the_page_shows_the_lineage_as_a_timeline(client: FlaskClient) -> None:
    html = client.get("/id/gov/산업통상부").get_data(as_text=True)
    lineage = html[html.index('id="lineage"'):html.index("</section>", html.index('id="lineage"'))]
    # names with periods, in order, the predecessors linked
    assert lineage.index("산업자원부") < lineage.index("지식경제부") < lineage.index("산업통상자원부")
    assert "2013-03-23 ~ 2025-09-30" in lineage and "2025-10-01 ~ 현재" in lineage
    assert 'href="/id/gov/%EC%A7%80%EC%8B%9D%EA%B2%BD%EC%A0%9C%EB%B6%80"' in lineage or 'href="/id/gov/지식경제부"' in lineage
    # the changes, with kind, legal basis and source
    assert "2025-10-01</time> 명칭 변경" in " ".join(lineage.split())
    assert "기능 이관" in lineage and "기후에너지환경부" in lineage  # energy policy moved out (a transfer)
    assert "zdnet.co.kr" in lineage
    # the filter on its documents
    assert "이 기관과 이전 기관" in html


def test_a_merged_city_and_its_predecessors(client: FlaskClient) -> None:
    """'창원시' in 2009 is the city before the 2010 merger, in 2012 the merged one; the
    merged city's lineage brings the documents of 마산시 and of the former 창원시."""
    assert _titles(client, "/id/gov/창원시") == ["2012 창원시 계획"]
    assert _titles(client, "/id/gov/창원시_(1980–2010)") == ["2009 창원시 계획"]
    assert _titles(client, "/id/gov/창원시", lineage="1") == ["2012 창원시 계획", "2009 마산시 계획", "2009 창원시 계획"]
    data = client.get("/id/gov/창원시.json").get_json()
    merge = [e for e in data["lineage"]["events"] if e["kind"] == "merge"]
    assert merge and merge[0]["date"] == "2010-07-01"
    assert [f["name"] for f in merge[0]["from"]] == ["창원시 (1980–2010)", "마산시", "진해시"]


def test_an_unchanged_district_shows_no_timeline() -> None:
    from kg.read.lineage import timeline  # noqa: PLC0415

    assert timeline(BASE + "id/gov/종로구", BASE) is None  # listed in the authority file, nothing dated
    assert timeline(BASE + "id/gov/미추홀구", BASE) is not None  # renamed from 인천 남구 in 2018


def test_a_former_body_links_to_its_successors(client: FlaskClient) -> None:
    data = client.get("/id/gov/기획재정부.json").get_json()
    roles = {b["name"]: b["role"] for b in data["lineage"]["bodies"]}
    assert roles["재정경제부"] == roles["기획예산처"] == "successor"
    assert roles["재정경제부 (1998–2008)"] == "predecessor" and roles["기획재정부"] == "self"
    split = [e for e in data["lineage"]["events"] if e["kind"] == "split"]
    assert split and split[0]["date"] == "2026-01-02" and [t["name"] for t in split[0]["to"]] == ["재정경제부", "기획예산처"]


def test_a_body_without_reorganisations_has_no_lineage_filter(client: FlaskClient) -> None:
    html = client.get("/id/gov/산업통상부").get_data(as_text=True)
    assert "lineage-filter" in html
    solo = client.get("/id/gov/우주항공청").get_data(as_text=True)
    assert 'id="lineage"' in solo and "lineage-filter" not in solo


def test_sparql_asks_for_a_body_and_its_lineage(client: FlaskClient) -> None:
    data = client.get("/sparql", query_string={"query": EXAMPLES_BY_KEY["lineage-documents"].query},
                      headers={"Accept": "application/sparql-results+json"}).get_json()
    titles = {b["title"]["value"] for b in data["results"]["bindings"]}
    assert titles == {"2026 반도체 대책", "2015 수출 대책", "2012 수출 대책"}
    data = client.get("/sparql", query_string={"query": EXAMPLES_BY_KEY["short-name-periods"].query},
                      headers={"Accept": "application/sparql-results+json"}).get_json()
    rows = [(b["bodyName"]["value"], b.get("from", {}).get("value")) for b in data["results"]["bindings"]]
    assert rows == [("산업통상자원부", "2013-03-23"), ("산업통상부", "2025-10-01")]


def test_search_for_a_body_and_its_lineage(client: FlaskClient) -> None:
    body = BASE + "id/gov/산업통상부"
    alone = client.get("/search.json", query_string={"entity": body}).get_json()
    assert [h["title"] for h in alone["hits"]] == ["2026 반도체 대책"] and alone["lineage"] == []
    data = client.get("/search.json", query_string={"entity": body, "lineage": "1", "sort": "date"}).get_json()
    assert [h["title"] for h in data["hits"]] == ["2026 반도체 대책", "2015 수출 대책", "2012 수출 대책"]
    assert {x["label"] for x in data["lineage"][0]["with"]} >= {"산업통상자원부", "지식경제부"}
    html = client.get("/search", query_string={"entity": body, "lineage": "1"}).get_data(as_text=True)
    assert "이전 기관의 문서도 포함" in html and "2012 수출 대책" in html
    page = client.get("/id/gov/산업통상부").get_data(as_text=True)
    assert "이 기관과 이전 기관의 문서 검색" in page


def test_search_lineage_on_tantivy_too(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, base_iri=BASE, search_backend="tantivy")
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        assert ingest_documents(kg, DOCS).ok
        group = (BASE + "id/gov/산업통상부", BASE + "id/gov/산업통상자원부", BASE + "id/gov/지식경제부")
        res = kg.search("", entities=[group], sort="date", page_size=10)
        assert [h.title for h in res.hits] == ["2026 반도체 대책", "2015 수출 대책", "2012 수출 대책"]
        assert [h.title for h in kg.search("", entities=[group[1]], page_size=10).hits] == ["2015 수출 대책"]


PLANS = [
    Document(title="수출 방안", text="산업부는 1일 '수출 활력 제고 방안'을 발표했다.", source="p/2015.txt", date="2015-06-01"),
    Document(title="수출 대책", text="지경부는 10일 '중소기업 수출 지원 대책'을 발표했다.", source="p/2012.txt", date="2012-05-10"),
    Document(title="반도체 방안", text="산업부는 2일 '반도체 산업 경쟁력 강화 방안'을 발표했다.", source="p/2026.txt",
             date="2026-03-02"),
]


def test_relations_and_initiatives_of_a_body_and_its_lineage(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, base_iri=BASE)
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        assert ingest_documents(kg, PLANS).ok
    app = create_app(settings, query_workers=0)
    client = app.test_client()
    try:
        def announced(**args: str) -> set[str]:
            data = client.get("/id/gov/산업통상부.json", query_string=args).get_json()
            return {r["other_label"] for r in data["relations"] if r["property"].endswith("#announces")}

        assert announced() == {"반도체 산업 경쟁력 강화 방안"}
        assert announced(lineage="1") == {"반도체 산업 경쟁력 강화 방안", "수출 활력 제고 방안", "중소기업 수출 지원 대책"}
        data = client.get("/id/gov/산업통상부.json", query_string={"lineage": "1"}).get_json()
        assert {r.get("via") for r in data["relations"]} == {None, "산업통상자원부", "지식경제부"}
        assert {a["label"] for a in data["announced"]} >= {"수출 활력 제고 방안", "중소기업 수출 지원 대책"}
        html = client.get("/id/gov/산업통상부", query_string={"lineage": "1"}).get_data(as_text=True)
        assert "관계·발표·문서를 함께 보여 줍니다" in html and "중소기업 수출 지원 대책" in html
        assert "이 기관과 이전 기관 함께 보기" in client.get("/id/gov/산업통상부").get_data(as_text=True)
    finally:
        app.extensions["kg"].close()


def test_a_name_bodies_carried_in_turn_finds_each_body(client: FlaskClient) -> None:
    """'산업부' was indexed as 산업통상자원부 in the 2015 text and as 산업통상부 in the 2026
    one: the search finds both and says why."""
    data = client.get("/search.json", query_string={"q": "산업부", "sort": "date"}).get_json()
    titles = [h["title"] for h in data["hits"]]
    assert "2026 반도체 대책" in titles and "2015 수출 대책" in titles
    assert data["bodies"] == [{"word": "산업부", "names": ["산업통상부"]}]
    html = client.get("/search", query_string={"q": "산업부"}).get_data(as_text=True)
    assert "시기에 따라 다른 기관의 이름" in html
    only_new = client.get("/search.json", query_string={"q": "산업통상부"}).get_json()
    assert [h["title"] for h in only_new["hits"]] == ["2026 반도체 대책"]
