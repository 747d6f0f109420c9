"""A law known by a short name that one document defined: the page of the short name and
the page of the full title point to each other (kg/read/same_names.py)."""
from __future__ import annotations

import pytest

from core.model import Document
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.write.pipeline import ensure_gazetteer, ingest_documents
from web import create_app

FULL = "반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법"
DOCS = [
    Document(title="반도체특별법 의결", source="a.md", date="2025-02-27",
             text=f"국회는 27일 「{FULL}」(약칭: 반도체특별법)을 의결했다. 반도체특별법은 내년 시행된다."),
    Document(title="반도체특별법 시행령", source="b.md", date="2025-03-10",
             text="정부는 반도체특별법이 다음 달 시행되면 지원을 늘린다."),
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    s = Settings(data_dir=tmp_path_factory.mktemp("laws"), base_iri="http://kg.test/")
    with KnowledgeGraph(s) as kg:
        ensure_gazetteer(kg)
        assert ingest_documents(kg, DOCS).ok
    app = create_app(s, query_workers=1)
    app.config["TESTING"] = True
    yield app.test_client()
    app.extensions["kg"].close()


def test_the_short_names_page_and_the_full_titles_point_to_each_other(client) -> None:
    full = client.get(f"/id/initiative/{FULL.replace(' ', '_')}.json").get_json()
    assert "반도체특별법" in {a["value"] for a in full["alt_labels"]}
    assert [p["label"] for p in full["same_names"]] == ["반도체특별법"]
    short = client.get("/id/initiative/반도체특별법").get_data(as_text=True)
    assert "같은 대상의 다른 이름" in short and FULL in short
