"""Versions of a plan: the page of 'K-디지털 전략 2.0' links the series ('K-디지털 전략')
and the other versions, oldest first; a plan with no version elsewhere shows none."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask

from core.model import Document, Entity, Extraction, Relation
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, index_doc
from kg.settings import Settings
from ontology.mapping import document_triples
from web import create_app

BASE = "http://kg.test/"
PLANS = ["K-디지털 전략", "K-디지털 전략 10.0", "K-디지털 전략 2.0", "K-디지털 전략 1.0", "K-디지털 전략위원회", "바이오 전략 1.0"]


def announcement(n: int, plan: str) -> Document:
    text = f"산업부는 '{plan}'을 발표했다."
    d = Document(title=f"{plan} 발표", text=text, source=f"v/{n}.txt", key=f"v/{n}.txt", date=f"2024-0{n + 1}-01")
    j = text.index(plan)
    d.extraction = Extraction(
        entities=[Entity(0, 3, "산업부", "MINISTRY", canonical="산업통상자원부", sentence=0),
                  Entity(j, j + len(plan), plan, "INITIATIVE", canonical=plan, sentence=0)],
        relations=[Relation("ANNOUNCES", 0, 1, sentence=0)], sentences=[(0, len(text))])
    return d


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("versions")), base_iri=BASE)
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        entries = []
        for n, plan in enumerate(PLANS):
            d = announcement(n, plan)
            iri, triples, described = document_triples(d, BASE)
            kg.store.put_graph(str(iri), triples, described)
            entries.append(index_doc(d, str(iri), BASE))
        kg.index.write(add=entries)
        kg.publish()
    app = create_app(settings, query_workers=0)
    yield app
    app.extensions["kg"].close()


def page(app: Flask, name: str) -> dict:
    r = app.test_client().get("/id/initiative/" + name.replace(" ", "_") + ".json")
    assert r.status_code == 200
    return r.get_json()


def test_a_version_links_its_series_and_the_other_versions_in_order(app: Flask) -> None:
    two = page(app, "K-디지털 전략 2.0")
    assert two["version"] == "2.0" and two["series"]["label"] == "K-디지털 전략"
    assert [v["label"] for v in two["versions"]] == ["K-디지털 전략 1.0", "K-디지털 전략 10.0"]  # 10.0 after 2.0
    html = app.test_client().get("/id/initiative/K-디지털_전략_2.0").get_data(as_text=True)
    assert "<dt>버전 없는 이름</dt>" in html and "<dt>다른 버전</dt>" in html
    assert 'href="/id/initiative/K-디지털_전략_1.0">K-디지털 전략 1.0</a>' in html


def test_the_series_lists_its_versions_and_unrelated_names_are_left_alone(app: Flask) -> None:
    series = page(app, "K-디지털 전략")
    assert series["version"] is None and series["series"] is None
    assert [v["version"] for v in series["versions"]] == ["1.0", "2.0", "10.0"]
    assert "<dt>버전</dt>" in app.test_client().get("/id/initiative/K-디지털_전략").get_data(as_text=True)
    assert page(app, "K-디지털 전략위원회")["versions"] == []       # another name, not a version
    alone = page(app, "바이오 전략 1.0")                           # the only one of its series
    assert alone["series"] is None and alone["versions"] == []
