"""The 출처 facet: documents counted and filtered by publisher, the same on both
backends; snippets leave out a page's headline and byline."""
from __future__ import annotations

import pytest

from kg.search import BACKENDS, open_index
from kg.search.base import IndexDoc
from kg.search.snippets import make_snippet


def doc(n: int, publisher: str | None, body: str = "반도체 지원 방안을 발표했다.") -> IndexDoc:
    return IndexDoc(f"http://x/id/doc/{n}", f"k{n}", f"제목 {n}", body, "2024-03-07", f"corpus/{n}.md",
                    publisher=publisher)


@pytest.mark.parametrize("backend", BACKENDS)
def test_publisher_facet_and_filter(tmp_path, backend: str) -> None:
    ix = open_index(tmp_path / "ix", backend)
    ix.write([doc(1, "산업통상자원부"), doc(2, "산업통상자원부"), doc(3, "example.org"), doc(4, None)])
    res = ix.search("반도체")
    assert res.facets["publisher"] == [{"value": "산업통상자원부", "count": 2}, {"value": "example.org", "count": 1}]
    assert {h.publisher for h in res.hits} == {"산업통상자원부", "example.org", None}
    only = ix.search("반도체", publisher="example.org")
    assert only.total == 1 and only.hits[0].doc_iri.endswith("/3")
    assert ix.search("반도체", publisher="없는 곳").total == 0
    ix.close()


def test_snippets_leave_out_headline_and_byline() -> None:
    text = ("산업부, 'AI 자율제조 얼라이언스' 출범\n\n보도자료 · 2024-07-22\n\n"
            "산업통상자원부는 22일 얼라이언스 출범식을 열었다.")
    assert make_snippet(text, []).startswith("산업통상자원부는 22일")
    marked = make_snippet(text, ["얼라이언스"])
    assert "보도자료 ·" not in marked and "<mark" in marked
    assert make_snippet("짧은 제목만", []) == "짧은 제목만"  # nothing after it: kept


@pytest.mark.parametrize("backend", BACKENDS)
def test_vocabulary_lists_the_spellings_that_exist(tmp_path, backend: str) -> None:
    ix = open_index(tmp_path / "ix", backend)
    ix.write([doc(1, None, "반도체 지원"), doc(2, None, "반도체 산업"), doc(3, None, "반면에 수소")])
    assert ix.vocabulary("반") == [("반도체", 2), ("반면", 1)]
    assert ix.vocabulary("") == [] and ix.vocabulary("없") == []
    ix.close()
