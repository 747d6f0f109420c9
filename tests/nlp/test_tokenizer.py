"""The Kiwi tokenizer for spaCy: lossless, morpheme-cut, with Kiwi's tags and sentences."""
from __future__ import annotations

import pytest

from ingest.nlp.kiwi import analyze, analyze_many
from ingest.nlp.pipeline import get_pipeline
from ingest.nlp.tokenizer import KiwiTokenizer, segment


@pytest.fixture(scope="module")
def tok() -> KiwiTokenizer:
    return KiwiTokenizer(get_pipeline().vocab)  # a Korean vocab: lexeme attributes such as is_space


ROUND_TRIP = [
    "산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다.",
    "산업부는 7일 발표했다.  두 번째\n\n셋째 문장이다. ",
    "", " ", "   ", "\n앞 공백", "끝 공백 ", "a\tb", "a  b", " 한 칸\n", "\r\n윈도우 줄바꿈\r\n",
    "😀 산업부는 𠀀 7일 발표했다.\n두 번째 문단입니다 그리고 세 번째",
    "2024. 3. 7. 발표", "LG전자(066570)·SK하이닉스 https://example.kr/a?b=1 메일 a@b.kr #해시태그",
    "「산업발전법」 제3조 ① 정부는…", "ＡＩ　전각\u3000공백", "혼합된 English words and 한국어.",
]


@pytest.mark.parametrize("text", ROUND_TRIP)
def test_round_trip(tok: KiwiTokenizer, text: str) -> None:
    doc = tok(text)
    assert doc.text == text
    assert all(t.text.strip() for t in doc if not t.is_space)
    if text.strip():
        assert doc[0].is_sent_start


def test_tokens_are_morpheme_segments_with_kiwi_tags(tok: KiwiTokenizer) -> None:
    doc = tok("산업부는 발표했다.")
    assert [(t.text, t.tag_, t.lemma_) for t in doc] == [
        ("산업부", "NNP", "산업부"), ("는", "JX", "는"), ("발표", "NNG", "발표"), ("했", "XSV", "하"),
        ("다", "EF", "다"), (".", "SF", ".")]
    assert [t.whitespace_ for t in doc] == ["", " ", "", "", "", ""]


def test_gazetteer_names_stay_whole(tok: KiwiTokenizer) -> None:
    doc = tok("산업통상자원부와 과학기술정보통신부")
    assert [t.text for t in doc] == ["산업통상자원부", "와", "과학기술정보통신부"]


def test_sentences(tok: KiwiTokenizer) -> None:
    doc = tok("산업부는 발표했다. 중기부도 동참했다\n삼성전자가 참석했다")
    assert [s.text for s in doc.sents] == ["산업부는 발표했다.", "중기부도 동참했다\n", "삼성전자가 참석했다"]
    assert doc._.sent_spans == [(0, 10), (11, 20), (21, 31)]


def test_morphemes_are_kept_on_the_doc(tok: KiwiTokenizer) -> None:
    doc = tok("산업부는")
    assert [(m.form, m.tag, m.start, m.end) for m in doc._.kiwi_morphs] == [("산업부", "NNP", 0, 3), ("는", "JX", 3, 4)]


def test_segment_covers_every_non_space_character() -> None:
    text = "발표했다 2024. 3. 7."
    segs = segment(text, analyze(text))
    covered = "".join(text[s:e] for s, e, _t, _l in segs)
    assert covered == text.replace(" ", "")
    assert segs[0][:2] == (0, 2)


def test_pipe_keeps_order_and_matches_call(tok: KiwiTokenizer) -> None:
    texts = ["가 나", "", "산업부는 발표했다.", "다라"] * 5
    docs = list(tok.pipe(iter(texts)))
    assert [d.text for d in docs] == texts
    assert [[t.text for t in d] for d in docs] == [[t.text for t in tok(x)] for x in texts]


def test_analyze_many_matches_analyze() -> None:
    texts = ["산업부는 7일 발표했다.", "", "LG전자"]
    assert list(analyze_many(texts)) == [analyze(t) for t in texts]


def test_serialisation_hooks(tok: KiwiTokenizer, tmp_path) -> None:
    assert tok.to_bytes() == b"" and tok.from_bytes(b"") is tok
    tok.to_disk(tmp_path)
    assert tok.from_disk(tmp_path) is tok


def test_long_texts_are_analysed_in_pieces(tok: KiwiTokenizer) -> None:
    """Texts longer than kiwi.CHUNK are cut for Kiwi; offsets and sentences stay whole-text."""
    from ingest.nlp.kiwi import CHUNK, chunks

    para = "산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. 중기부도 동참했다.\n"
    for text in (para * 200, para.replace("\n", " ") * 200, "가" * (3 * CHUNK)):
        pieces = chunks(text)
        assert len(pieces) > 1 and "".join(p for _o, p in pieces) == text
        assert all(len(p) <= CHUNK for _o, p in pieces)
        morphs = analyze(text)
        assert all(0 <= m.start <= m.end <= len(text) for m in morphs)
        assert [m.start for m in morphs] == sorted(m.start for m in morphs)
        assert [m.sent for m in morphs] == sorted(m.sent for m in morphs)
        doc = tok(text)
        assert doc.text == text
    spans = tok(para * 200)._.sent_spans
    assert len(spans) == 400 and spans[-1][1] == len(para * 200) - 1
