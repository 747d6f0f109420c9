"""Korean-aware search: particles, spacing, aliases, phrases, operators, facets."""
from __future__ import annotations

import pytest

from kg.index import IndexDoc, TextIndex

MOTIE = "http://example.org/id/gov/산업통상자원부"
LG = "http://example.org/id/company/LG전자"


@pytest.fixture()
def ix(tmp_path):
    ix = TextIndex(tmp_path / "index")
    ix.write([
        IndexDoc("http://example.org/id/doc/1", "a.md", "AI 자율제조 전략 발표",
                 "산업통상자원부는 7일 AI 자율 제조 전략을 발표했다.", "2024-03-07", "a.md",
                 entities={MOTIE: ("산업통상자원부", "MINISTRY")}),
        IndexDoc("http://example.org/id/doc/2", "b.md", "반도체 클러스터",
                 "산업부는 용인 반도체 클러스터 조성을 서두른다. LG전자도 참여했다.", "2023-03-15", "b.md",
                 entities={MOTIE: ("산업통상자원부", "MINISTRY"), LG: ("LG전자", "COMPANY")}),
        IndexDoc("http://example.org/id/doc/3", "c.md", "배터리 <script>", "이차전지 수출이 늘었다.", "2022-05-01", "c.md"),
    ])
    yield ix
    ix.close()


def titles(res) -> set[str]:
    return {h.title for h in res.hits}


def test_particles_and_aliases(ix) -> None:
    # 산업부 finds the document that only says 산업통상자원부는, and vice versa
    assert titles(ix.search("산업부")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}
    assert titles(ix.search("산업통상자원부")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}


def test_spacing_does_not_matter(ix) -> None:
    assert titles(ix.search("자율제조")) == {"AI 자율제조 전략 발표"}
    assert titles(ix.search('"자율 제조"')) == {"AI 자율제조 전략 발표"}


def test_boolean_operators(ix) -> None:
    assert titles(ix.search("산업부 NOT 반도체")) == {"AI 자율제조 전략 발표"}
    assert len(ix.search("반도체 OR 이차전지").hits) == 2
    assert titles(ix.search("산업부 반도체")) == {"반도체 클러스터"}


def test_snippet_is_highlighted_and_escaped(ix) -> None:
    hit = ix.search("산업부").hits[0]
    assert "<mark" in hit.snippet
    res = ix.search("이차전지")
    assert res.hits[0].title == "배터리 <script>"  # titles are raw; templates escape them
    assert "<script>" not in res.hits[0].snippet


def test_filters_and_facets(ix) -> None:
    assert titles(ix.search("산업부", types=["COMPANY"])) == {"반도체 클러스터"}
    assert titles(ix.search("산업부", entities=[LG])) == {"반도체 클러스터"}
    assert titles(ix.search("", date_from="2024-01-01")) == {"AI 자율제조 전략 발표"}
    facets = ix.search("산업부").facets
    assert {"value": "MINISTRY", "count": 2} in facets["type"]
    assert any(e["label"] == "LG전자" and e["count"] == 1 for e in facets["entity"])


def test_sort_by_date_and_paging(ix) -> None:
    res = ix.search("", sort="date", page_size=2)
    assert [h.date for h in res.hits] == ["2024-03-07", "2023-03-15"]
    assert res.total == 3 and res.pages == 2
    assert [h.date for h in ix.search("", sort="date", page=2, page_size=2).hits] == ["2022-05-01"]


def test_replace_and_delete(ix) -> None:
    ix.write(delete=["http://example.org/id/doc/3"])
    assert ix.search("이차전지").total == 0
    assert ix.doc_count() == 2
