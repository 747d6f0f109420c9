"""Short names and compounds find their documents, the same on both backends
(kg.search.expand, applied before the backend parses the query)."""
from __future__ import annotations

import pytest

from kg.search import BACKENDS, open_index
from kg.search import query as Q
from kg.search.base import IndexDoc
from kg.search.expand import NAME_BOOST, expand

NAMES = [  # what Summary.lookup answers: most mentioned first
    {"iri": "http://x/id/company/삼성전자", "label": "삼성전자", "type": "COMPANY", "documents": 3},
    {"iri": "http://x/id/company/삼성SDI", "label": "삼성SDI", "type": "COMPANY", "documents": 1},
    {"iri": "http://x/id/company/삼성물산", "label": "삼성물산", "type": "COMPANY", "documents": 0},
    {"iri": "http://x/id/company/레인보우로보틱스", "label": "레인보우로보틱스", "type": "COMPANY", "documents": 2},
]


def lookup(word: str) -> list[dict]:
    return [n for n in NAMES if word.lower() in n["label"].lower() or word == "ai"]


def doc(n: int, body: str) -> IndexDoc:
    return IndexDoc(f"http://x/id/doc/{n}", f"k{n}", f"제목 {n}", body, f"2024-03-0{n}", "corpus/x.md")


DOCS = [doc(1, "삼성은 그룹 차원의 투자 계획을 밝혔다."), doc(2, "삼성전자가 반도체 공장을 짓는다."),
        doc(3, "삼성SDI는 배터리를 만든다."), doc(4, "수소 경제 활성화를 위한 계획."),
        doc(5, "수소경제 로드맵이 나왔다."), doc(6, "레인보우로보틱스의 로봇.")]


def test_a_short_name_includes_the_names_that_contain_it() -> None:
    wide = expand("삼성", lookup)
    assert [n["label"] for n in wide.included[0]["names"]] == ["삼성전자", "삼성SDI"]  # 삼성물산: no documents
    assert f"삼성전자^{NAME_BOOST}" in wide.text
    assert expand("삼성", None).text == "삼성"  # no names known: as typed
    assert expand("ai", lookup).included == []  # a Latin word only at a name's word start ('rAInbow')
    assert expand('"삼성" title:삼성 삼성*', lookup).included == []  # phrases, fields, prefixes as typed


def test_boost_syntax_is_parsed_for_tantivy() -> None:
    node = Q.parse("(삼성 OR 삼성전자^0.2)")
    assert isinstance(node, Q.Or) and node.items[1].boost == 0.2 and node.items[1].terms == ["삼성전자"]


@pytest.mark.parametrize("backend", BACKENDS)
def test_short_name_and_compounds_on_each_backend(tmp_path, backend: str) -> None:
    ix = open_index(tmp_path / "ix", backend)
    ix.write(DOCS)
    res = ix.search(expand("삼성", lookup).text)
    keys = [h.doc_iri[-1] for h in res.hits]
    assert res.total == 3 and keys[0] == "1", keys  # the word as typed ranks first
    assert "삼성전자</mark>" in " ".join(h.snippet for h in res.hits)
    assert ix.search("삼성").total == 1  # without expansion, the word alone
    # compounds both ways
    for q in ("수소경제", "수소 경제"):
        found = {h.doc_iri[-1] for h in ix.search(expand(q).text).hits}
        assert found == {"4", "5"}, (q, found)
    assert expand("수소경제").compounds == [{"word": "수소경제", "also": "수소 경제"}]
    assert expand("수소 경제").compounds == [{"word": "수소 경제", "also": "수소경제"}]
    # the other spelling only when documents hold its terms: no made-up pieces
    known = lambda t: ix.term_count(t) > 0  # noqa: E731
    assert ix.term_count("경제") >= 1 and ix.term_count("없는말") == 0
    assert expand("수소경제", known=known).compounds  # the index holds 수소 and 경제
    assert not expand("수소 경제", known=known).compounds  # but no document spells 수소경제 as one term here
    assert expand("얼라이언스").compounds and not expand("얼라이언스", known=known).compounds
    ix.close()


def test_a_name_bodies_carried_in_turn_asks_for_each_body() -> None:
    """A query has no date: '산업부' (산업통상자원부 until 2025-09-30, then 산업통상부) asks
    for both bodies; a name one body carried is left alone."""
    r = expand("산업부")
    assert r.bodies == [{"word": "산업부", "names": ["산업통상부"]}]  # 산업부 itself is indexed as 산업통상자원부
    assert "산업통상부" in r.text
    assert expand("과기정통부").bodies == []
    assert expand("산업부", known=lambda t: t != "산업통상부").bodies == []  # no document holds it
