"""The shipped statistical NER model (ingest/nlp/model) loads, is small, and finds the
obvious entities of sentences written for this test (not from the training data)."""
from __future__ import annotations

import pytest
import spacy

from ingest.nlp.train import MODEL_DIR, load_model
from ingest.nlp.train.prepare import LABELS


@pytest.fixture(scope="module")
def nlp():
    assert (MODEL_DIR / "config.cfg").is_file(), f"no model in {MODEL_DIR}: run ingest/nlp/train/train.sh"
    return load_model()


def ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in nlp(text).ents}


def has(found: set[tuple[str, str]], key: str, label: str, slack: int = 0) -> bool:
    """An entity of `label` that is `key`, or holds it with at most `slack` more characters
    (KLUE dates may take a modifier along: 지난 3월 12일)."""
    return any(lab == label and key in text and len(text) <= len(key) + slack for text, lab in found)


def test_model_is_small_and_has_our_labels(nlp):
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 30_000_000  # issue #3: tens of MB at most (17 MB of it are the vectors)
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.get_pipe("ner").labels) == set(LABELS)
    assert nlp.meta["license"] == "CC BY-SA 4.0"


def test_person_with_title_and_date(nlp):
    found = ents(nlp, "김민수 장관은 지난 3월 12일 세종시에서 기자들과 만나 이같이 말했다.")
    assert ("김민수", "PERSON") in found
    assert has(found, "3월 12일", "DATE", slack=3)
    assert not any(text == "장관" for text, _ in found)  # the title is not part of the name


def test_company_quantity_and_year(nlp):
    found = ents(nlp, "삼성전자는 2024년 평택 반도체 공장에 20조 원을 투자한다고 밝혔다.")
    assert ("삼성전자", "COMPANY") in found
    assert ("2024년", "DATE") in found
    assert ("20조 원", "QUANTITY") in found


def test_ministry_and_time(nlp):
    found = ents(nlp, "기획재정부는 다음 달 5일 오후 2시 정부서울청사에서 경제관계장관회의를 연다.")
    assert ("기획재정부", "MINISTRY") in found
    assert ("오후 2시", "TIME") in found


def test_sentence_without_names_has_no_person(nlp):
    found = ents(nlp, "이 영화는 정말 재미있고 감동적이었다.")
    assert not any(label == "PERSON" for _, label in found)


def test_static_vectors_put_like_words_together(nlp):
    # The vectors come from Kiwi's language model (kiwi_vectors.py): they know that 롯데 is
    # a company like 삼성, 부산 a city like 서울, 차관 an office like 장관.
    vectors = nlp.vocab.vectors
    assert vectors.shape[0] > 50_000

    def sim(a: str, b: str) -> float:
        return float(vectors[nlp.vocab.strings[a]] @ vectors[nlp.vocab.strings[b]])

    assert sim("삼성", "롯데") > sim("삼성", "오전") + 0.2
    assert sim("서울", "부산") > sim("서울", "장관") + 0.2
    assert sim("장관", "차관") > sim("장관", "부산") + 0.2
    assert sim("오전", "오후") > sim("오전", "롯데") + 0.2


def test_ner_can_be_sourced_into_another_pipeline(nlp):
    # The pipeline sources only `ner` from the model: it must carry its own tok2vec.
    # Its static vectors live in the vocab, so they go along.
    other = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "kg.ner_kiwi_tokenizer.v1"}}})
    other.vocab.vectors = nlp.vocab.vectors
    other.add_pipe("ner", source=nlp)
    assert ("삼성전자", "COMPANY") in {(e.text, e.label_) for e in other("삼성전자는 신제품을 공개했다.").ents}


def test_model_carries_its_name_lexicon(nlp):
    # The lexicon feature (ingest/nlp/train/lexicon.py) is saved inside the model: the
    # shipped config names no file, yet the loaded layer knows the KLUE-train names.
    layer = next(n for n in nlp.get_pipe("ner").model.walk() if n.name == "kiwi_affix_features")
    lexicon = layer.attrs["lexicon"]
    assert len(lexicon) > 20_000
    assert lexicon["삼성전자"] == "OG"


def test_lexicon_tags_take_the_longest_name():
    from ingest.nlp.train.lexicon import tags

    lexicon = {"서울": "LC", "서울중앙지법": "OG", "김정은": "PS"}
    text = "서울중앙지법 김정은이"
    # tokens 서울 | 중앙 | 지법 | 김정 | 은 | 이: the court, not the city; a name cut in two still matches
    starts, ends = [0, 2, 4, 7, 9, 10], [2, 4, 6, 9, 10, 11]
    assert tags(text, starts, ends, lexicon) == ["B-OG", "I-OG", "I-OG", "B-PS", "I-PS", "O"]
    # a name ending inside a token is no match (김정은이 as one token)
    assert tags(text, [0, 7], [6, 11], lexicon) == ["B-OG", "O"]


def test_eojeol_place_marks_where_a_token_sits_in_its_word():
    # The optional place feature (layers.py, place_rows): a name starts its eojeol and ends
    # before the particle, so 삼성전자 is B, 는 E; a lone token is S, a second space SP.
    from ingest.nlp.train.layers import eojeol_places
    from ingest.nlp.train.prepare import make_nlp

    doc = make_nlp().make_doc("삼성전자는 서울에서  발표했다 김")
    places = dict(zip([t.text for t in doc], eojeol_places(doc)))
    assert places["삼성전자"] == "B4" and places["는"] == "E1"
    assert places["서울"] == "B2" and places["에서"] == "E2"
    assert places[" "] == "SP" and places["발표"] == "B2"
    assert places["김"] == "S1"


def test_place_feature_trains_saves_and_loads(tmp_path):
    # A model built with place_rows keeps the feature after saving (the shipped config
    # without it still loads: test_ner_can_be_sourced_into_another_pipeline).
    from spacy.training import Example
    from spacy.util import fix_random_seed

    from ingest.nlp.train.prepare import make_nlp

    nlp = make_nlp()
    cfg = {"model": {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
                     "hidden_width": 16, "maxout_pieces": 2, "use_upper": True, "nO": None,
                     "tok2vec": {"@architectures": "spacy.Tok2Vec.v2",
                                 "embed": {"@architectures": "kg.KoreanHashEmbed.v1", "width": 16,
                                           "attrs": ["NORM", "TAG"], "rows": [100, 20],
                                           "prefix_lengths": [2], "suffix_lengths": [1], "affix_rows": 50,
                                           "place_rows": 20},
                                 "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 16,
                                            "depth": 1, "window_size": 1, "maxout_pieces": 2}}}}
    ner = nlp.add_pipe("ner", config=cfg)
    doc = nlp.make_doc("삼성전자는 서울에서 발표했다")
    examples = [Example.from_dict(doc, {"entities": [(0, 4, "COMPANY"), (6, 8, "LOCATION")]})]
    fix_random_seed(0)
    nlp.initialize(lambda: examples)
    for _ in range(100):
        nlp.update(examples)
    found = [(e.text, e.label_) for e in nlp("삼성전자는 서울에서 발표했다").ents]
    assert found == [("삼성전자", "COMPANY"), ("서울", "LOCATION")]
    nlp.to_disk(tmp_path)
    again = spacy.load(tmp_path)
    layer = next(n for n in again.get_pipe("ner").model.walk() if n.name == "kiwi_affix_features")
    assert layer.attrs["place"] is True
    assert [(e.text, e.label_) for e in again("삼성전자는 서울에서 발표했다").ents] == found
    assert ner.labels


def test_vote_keeps_what_most_members_find():
    # ensemble.py: three members, a span found by two of them stays, one found by one goes;
    # the entities already set (the gazetteer's, in the pipeline) stay and bind every member.
    from spacy.tokens import Span

    from ingest.nlp.train.ensemble import NerVote

    class Member:
        labels = ("PERSON", "COMPANY")

        def __init__(self, spans):
            self.spans = spans

        def __call__(self, doc):
            assert [e.text for e in doc.ents] == ["세종시"]  # each member starts from the preset spans
            doc.ents = [*doc.ents, *(Span(doc, s, e, label=lab) for s, e, lab in self.spans)]
            return doc

    vote = NerVote.__new__(NerVote)
    vote.members = [Member([(0, 1, "PERSON"), (2, 3, "COMPANY")]), Member([(0, 1, "PERSON")]), Member([(2, 3, "PERSON")])]
    doc = spacy.blank("xx")("김민수 는 네패스 와 세종시 에")  # whitespace tokens
    doc.ents = [Span(doc, 4, 5, label="LOCATION")]
    assert [(e.text, e.label_) for e in vote(doc).ents] == [("김민수", "PERSON"), ("세종시", "LOCATION")]


def test_a_vote_of_models_saves_and_loads(nlp, tmp_path):
    # SEEDS="42 7 13" ingest/nlp/train/train.sh ships a vote; here three copies of the
    # shipped model, which must agree with it after a round trip through the disk.
    from ingest.nlp.train.package import package

    out = package([MODEL_DIR] * 3, tmp_path / "vote")
    voted = load_model(out)
    assert voted.pipe_names == ["ner"] and set(voted.get_pipe("ner").labels) == set(LABELS)
    text = "삼성전자는 2024년 평택 반도체 공장에 20조 원을 투자한다고 밝혔다."
    assert ents(voted, text) == ents(nlp, text)
