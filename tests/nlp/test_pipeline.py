"""The spaCy Language: built from config.cfg, components in order, streaming, Documents,
and the slot for a statistical NER."""
from __future__ import annotations

import itertools
import warnings
from pathlib import Path

import pytest
import spacy

from core.model import Document, Extraction
from ingest.nlp.pipeline import CONFIG, build_pipeline, extract, extract_document, extract_many, get_pipeline

COMPONENTS = ["kg_gazetteer", "kg_patterns", "kg_type_refiner", "kg_dates", "kg_relations", "kg_linker"]


def test_built_from_the_checked_in_config() -> None:
    nlp = build_pipeline(model_dir=None)
    assert nlp.lang == "ko" and nlp.pipe_names == COMPONENTS
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "kg.kiwi_tokenizer.v1"
    assert spacy.util.load_config(CONFIG)["nlp"]["pipeline"] == COMPONENTS


def test_pipeline_is_cached() -> None:
    assert get_pipeline() is get_pipeline()


def test_spacy_view_of_the_result() -> None:
    nlp = get_pipeline()
    doc = nlp("강경성 산업부 1차관이 참석했다.")  # no date: names are read as of today
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == [
        ("강경성", "PERSON", "강경성"), ("산업부", "MINISTRY", "산업통상부")]
    assert doc.ents[0]._.kg_attrs["title"] == "1차관"
    assert doc._.kg_relations == [("LEADS", (0, 3), (4, 7), 0)]


def test_extract_many_streams_in_order() -> None:
    texts = [(f"산업부는 {i}일 '전략 {i}호 계획'을 발표했다.", "2024-03-15") for i in range(1, 29)]
    out = list(extract_many(texts, batch_size=4))
    assert [ex.entities[1].value for ex in out] == [f"2024-03-{i:02d}" for i in range(1, 29)]
    assert all(isinstance(ex, Extraction) for ex in out)


def test_extract_many_is_lazy() -> None:
    """It can consume an endless stream: results come before the input ends."""
    endless = ((f"중기부는 {i % 28 + 1}일 회의를 열었다.", "2024-02-01") for i in itertools.count())
    first = list(itertools.islice(extract_many(endless, batch_size=8), 3))
    assert [ex.entities[1].value for ex in first] == ["2024-02-01", "2024-02-02", "2024-02-03"]


def test_extract_many_equals_extract() -> None:
    items = [("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.", "2024-03-07"), ("", None),
             ("LG전자와 삼성전자가 참석했다.", None)]
    assert list(extract_many(items)) == [extract(t, d) for t, d in items]


def test_extract_document_uses_the_text_only() -> None:
    doc = Document(title="산업부, AI 전략 발표", text="중기부는 7일 스마트공장 보급 사업을 시행한다.", source="test",
                   date="2024-03-07")
    assert extract_document(doc) is doc
    assert [(e.start, e.text) for e in doc.extraction.entities][:2] == [(0, "중기부"), (5, "7일")]
    assert all(doc.text[e.start:e.end] == e.text for e in doc.extraction.entities)


@pytest.fixture(scope="module")
def ner_model(tmp_path_factory) -> Path:
    """A tiny untrained NER with KLUE labels, saved like the trained model will be."""
    path = tmp_path_factory.mktemp("model")
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.kiwi_tokenizer.v1"}}})
    ner = nlp.add_pipe("ner")
    for label in ("PS", "OG", "LC", "DT"):
        ner.add_label(label)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp.initialize()
    nlp.to_disk(path)
    return path


def test_statistical_ner_is_sourced_when_present(ner_model: Path) -> None:
    nlp = build_pipeline(model_dir=ner_model)
    assert nlp.pipe_names == ["kg_gazetteer", "ner", *COMPONENTS[1:]]
    doc = nlp("산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. 홍길동 대표가 말했다.")
    labels = {e.label_ for e in doc.ents}
    assert labels <= {"MINISTRY", "COMPANY", "ORGANIZATION", "PERSON", "INITIATIVE", "DATE", "TIME", "QUANTITY",
                      "LOCATION"}
    assert ("산업통상자원부", "MINISTRY") in [(e.text, e.label_) for e in doc.ents]


def test_no_model_directory_means_no_ner(tmp_path: Path) -> None:
    assert "ner" not in build_pipeline(model_dir=tmp_path / "missing").pipe_names


def test_entities_set_by_another_component_are_picked_up() -> None:
    """A component between ours that writes doc.ents (like a statistical NER) is respected."""
    nlp = build_pipeline(model_dir=None)

    @spacy.Language.component("test_fake_ner")
    def fake_ner(doc):
        doc.ents = [*doc.ents, doc.char_span(8, 11, label="PS")]
        return doc

    nlp.add_pipe("test_fake_ner", after="kg_gazetteer")
    doc = nlp("산업부는 오늘 홍길동 씨를 만났다.")
    assert [(e.text, e.label_) for e in doc.ents] == [("산업부", "MINISTRY"), ("오늘", "DATE"), ("홍길동", "PERSON")]
