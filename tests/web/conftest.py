"""Fixtures of the web tests: a small Korean corpus ingested once per session through
the real pipeline (NLP, mapping, store, index), and one app over it.

The app reads the published snapshot like `kg serve` does, and runs SPARQL in one
real worker process (time limit included)."""
from __future__ import annotations

from datetime import date
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from core.model import Document
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, ingest_documents
from kg.settings import Settings
from ontology.iris import document_iri
from web import create_app

YEAR = date.today().year  # "올해" in the texts resolves to the document's year
BASE = "http://kg.test/"

DOC_AI = Document(
    title="AI 자율제조 전략 발표",
    text=("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. 강경성 1차관 주재로 열린 간담회에는 "
          "LG전자, LS일렉트릭, 마키나락스 등 기업이 참석했다. 정부는 연내 'AI 자율제조 얼라이언스'를 출범할 계획이다."),
    source="corpus/ai-manufacturing.md", date=f"{YEAR}-03-07", meta={"source_kind": "보도자료"},
)
DOC_SCRIPT = Document(
    title="반도체 <script>alert('xss')</script> 지원 방안",
    text=("기획재정부는 12일 '<script>alert(1)</script> 반도체 전략'을 발표했다. 삼성전자와 SK하이닉스가 간담회에 참석했다. "
          "본문의 <b>태그</b>와 & 기호는 글자 그대로 보여야 한다."),
    source="corpus/chips.html", date=f"{YEAR}-04-12", meta={"source_kind": "기사"},
)
DOC_ENV = Document(
    title="탄소중립 이행 점검 회의",
    text="환경부는 10일 탄소중립 이행 점검 회의를 열고 온실가스 감축 목표의 추진 상황을 발표했다.",
    source="corpus/carbon.txt", date=f"{YEAR - 1}-11-10", meta={"source_kind": "보도자료"},
)
DOC_BATTERY = Document(
    title="이차전지 수출 동향",
    text="산업부는 이차전지 수출이 지난해보다 늘었다고 밝혔다. LG에너지솔루션과 삼성SDI가 수출을 이끌었다.",
    source="corpus/battery.md", date=f"{YEAR - 1}-06-01", meta={"source_kind": "기사"},
)
DOCS = [DOC_AI, DOC_SCRIPT, DOC_ENV, DOC_BATTERY]
PAGE_SIZE = 2  # small, so three hits already make two pages


class Corpus:
    """The test documents and their page paths, handed to tests as a fixture."""

    ai, script, env, battery = DOC_AI, DOC_SCRIPT, DOC_ENV, DOC_BATTERY
    all = DOCS
    base = BASE
    year = YEAR

    @staticmethod
    def iri(doc: Document) -> str:
        return str(document_iri(BASE, doc.id))

    @staticmethod
    def path(doc: Document) -> str:
        """The local page of a document: /id/doc/<hash>."""
        return str(document_iri(BASE, doc.id))[len(BASE) - 1:]


@pytest.fixture(scope="session")
def corpus() -> type[Corpus]:
    return Corpus


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data directory filled once per session (ingest is the slow part)."""
    s = Settings(data_dir=tmp_path_factory.mktemp("kgdata"), base_iri=BASE, page_size=PAGE_SIZE)
    with KnowledgeGraph(s) as kg:
        ensure_gazetteer(kg)
        report = ingest_documents(kg, DOCS)
        assert report.ok and report.ingested == len(DOCS), report.failed
    return s


@pytest.fixture(scope="session")
def app(settings: Settings) -> Iterator[Flask]:
    app = create_app(settings, query_workers=1)
    app.config["TESTING"] = True
    yield app
    app.extensions["kg"].close()


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def kg(app: Flask) -> KnowledgeGraph:
    """The app's own (read-only) graph, for looking things up in assertions."""
    return app.extensions["kg"].kg
