"""How the statistical NER's spans merge with the rule entities (components.merge_model).

The rules win where they fire; the model only adds spans that overlap no rule entity.
The first tests put a fake `ner` (fixed spans) between kg_gazetteer and kg_patterns, as
build_pipeline sources the real one; the last ones run the shipped model.
"""
from __future__ import annotations

import itertools

import pytest
import spacy

from ingest.nlp.pipeline import MODEL_DIR, build_pipeline, make_doc, to_extraction

_names = itertools.count()


def with_fake_ner(spans: list[tuple[str, str]]):
    """The rule pipeline plus a component writing `spans` (surface text, label) as a model would."""
    nlp = build_pipeline(model_dir=None)
    nlp.get_pipe("kg_gazetteer").write_ents = True
    name = f"test_fake_ner_{next(_names)}"

    @spacy.Language.component(name)
    def fake_ner(doc):
        ents = list(doc.ents)
        for surface, label in spans:
            start = doc.text.index(surface)
            span = doc.char_span(start, start + len(surface), label=label)
            assert span is not None, surface
            ents = [e for e in ents if e.end <= span.start or e.start >= span.end] + [span]
        doc.ents = sorted(ents, key=lambda e: e.start)
        return doc

    nlp.add_pipe(name, after="kg_gazetteer")
    return nlp


def run(nlp, text: str, date: str = "2024-03-07"):
    ex = to_extraction(nlp(make_doc(nlp, text, date)))
    return ex, [(e.text, e.type) for e in ex.entities]


def test_rule_places_beat_a_longer_overlapping_model_span() -> None:
    # the old merge let the longer span win: 서울 중구 (model) swallowed 서울 + 중구 (rules)
    nlp = with_fake_ner([("서울 중구", "LOCATION")])
    _ex, ents = run(nlp, "산업통상자원부는 21일 서울 중구에서 간담회를 열었다.")
    assert ("서울", "LOCATION") in ents and ("중구", "LOCATION") in ents
    assert ("서울 중구", "LOCATION") not in ents


def test_rule_places_beat_a_model_span_over_a_list_of_places() -> None:
    nlp = with_fake_ner([("미국 인디애나주 웨스트라피엣", "LOCATION")])
    _ex, ents = run(nlp, "SK하이닉스가 미국 인디애나주 웨스트라피엣에 공장을 짓는다.")
    assert [t for t, lab in ents if lab == "LOCATION"] == ["미국", "인디애나주", "웨스트라피엣"]


def test_gazetteer_name_dropped_by_the_model_comes_back() -> None:
    # the fake model overwrites the gazetteer's 산업통상자원부 with a wrong PERSON span
    nlp = with_fake_ner([("산업통상자원부 강경성", "PERSON")])
    _ex, ents = run(nlp, "산업통상자원부 강경성 1차관은 21일 간담회를 주재한다.")
    assert ("산업통상자원부", "MINISTRY") in ents and ("강경성", "PERSON") in ents
    assert ("산업통상자원부 강경성", "PERSON") not in ents


def test_titled_person_keeps_its_relations_against_a_model_span() -> None:
    # a wrong model type on a rule person's span loses (the old merge kept the rule person
    # only when it was longer)
    nlp = with_fake_ner([("강경성", "LOCATION"), ("서울 중구", "LOCATION")])
    ex, ents = run(nlp, "산업통상자원부 강경성 1차관은 21일 서울 중구에서 반도체 업계 간담회를 주재한다.")
    assert ("강경성", "PERSON") in ents
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    assert ("LEADS", "강경성", "산업통상자원부") in rels
    assert ("LEADS", "강경성", "반도체 업계 간담회") in rels


def test_model_person_without_rule_overlap_is_added_and_takes_part() -> None:
    nlp = with_fake_ner([("홍길동", "PERSON")])
    ex, ents = run(nlp, "홍길동은 7일 'AI 자율제조 얼라이언스'에 참여했다.")
    assert ("홍길동", "PERSON") in ents
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    assert ("PARTICIPATES_IN", "홍길동", "AI 자율제조 얼라이언스") in rels


def test_without_the_model_the_untitled_person_is_not_found() -> None:
    _ex, ents = run(build_pipeline(model_dir=None), "홍길동은 7일 'AI 자율제조 얼라이언스'에 참여했다.")
    assert ("홍길동", "PERSON") not in ents


def test_model_organisation_is_typed_by_the_suffix_rules() -> None:
    nlp = with_fake_ner([("한국가상현실진흥원", "ORGANIZATION")])
    _ex, ents = run(nlp, "한국가상현실진흥원은 7일 새 사업을 공고했다.")
    assert ("한국가상현실진흥원", "MINISTRY") in ents


def test_model_organisation_does_not_lead_or_join() -> None:
    # model organisations are no relation arguments (they lowered precision on the dev set)
    nlp = with_fake_ner([("국제기구", "ORGANIZATION")])
    ex, ents = run(nlp, "회의에는 국제기구 관계자 등 4000여 명이 참석했다.")
    assert ("국제기구", "ORGANIZATION") in ents
    assert not [r for r in ex.relations if ex.entities[r.head].text == "국제기구"]


def test_bare_number_cut_off_a_title_is_dropped() -> None:
    nlp = with_fake_ner([("1", "QUANTITY")])
    _ex, ents = run(nlp, "산업통상자원부 강경성 1차관은 21일 간담회를 주재한다.")
    assert ("1", "QUANTITY") not in ents


def test_model_span_keeping_a_word_whole_beats_a_place_cutting_it() -> None:
    # 김해 (a place rule) inside the name 김해숙
    nlp = with_fake_ner([("김해숙", "PERSON")])
    _ex, ents = run(nlp, "배우 김해숙이 7일 시상식에 참석했다.")
    assert ("김해숙", "PERSON") in ents
    assert ("김해", "LOCATION") not in ents


def test_model_full_name_extends_a_titled_surname() -> None:
    nlp = with_fake_ner([("프랑수아 올랑드", "PERSON")])
    ex, ents = run(nlp, "프랑수아 올랑드 프랑스 대통령은 7일 파리에서 회견을 열었다.")
    assert ("프랑수아 올랑드", "PERSON") in ents
    person = next(e for e in ex.entities if e.type == "PERSON")
    assert person.attrs.get("title") == "대통령"


@pytest.fixture(scope="module")
def hybrid():
    if not (MODEL_DIR / "config.cfg").is_file():
        pytest.skip("no shipped model")
    return build_pipeline(model_dir=MODEL_DIR)


def test_shipped_model_keeps_rule_places_and_titles(hybrid) -> None:
    # with the shipped model the old merge gave 서울 중구, a QUANTITY 1 and no LEADS
    ex, ents = run(hybrid, "산업통상자원부 강경성 1차관은 21일 오전 10시 서울 중구 대한상공회의소에서 "
                           "반도체 업계 간담회를 주재한다.")
    assert ("서울", "LOCATION") in ents and ("중구", "LOCATION") in ents
    assert ("1", "QUANTITY") not in ents
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    assert ("LEADS", "강경성", "산업통상자원부") in rels


def test_shipped_model_adds_an_untitled_person(hybrid) -> None:
    _ex, ents = run(hybrid, "김민수는 어제 친구들과 함께 부산 해운대에서 영화를 봤다.")
    assert ("김민수", "PERSON") in ents
    assert ("부산", "LOCATION") in ents


def test_the_pipeline_gives_the_sourced_model_its_vectors(hybrid) -> None:
    # The model's static vectors live in its vocab; sourced without them, its ner would
    # read zeros for every token and lose what the vectors taught it.
    from ingest.nlp.train import load_model  # noqa: PLC0415

    alone = load_model()
    assert hybrid.vocab.vectors.shape == alone.vocab.vectors.shape
    text = "김민수는 어제 친구들과 함께 부산 해운대에서 영화를 봤다."
    assert [(e.text, e.label_) for e in hybrid.get_pipe("ner")(hybrid.make_doc(text)).ents] == \
        [(e.text, e.label_) for e in alone(text).ents]
