"""Korean-aware search: particles, spacing, aliases, phrases, operators, facets — the
same behaviours from every backend (whoosh, the default, and tantivy)."""
from __future__ import annotations

import pytest

from kg.search.index import IndexDoc, TextIndex
from kg.search import BACKENDS, open_index

MOTIE = "http://example.org/id/gov/산업통상자원부"
LG = "http://example.org/id/company/LG전자"
DOCS = [
    IndexDoc("http://example.org/id/doc/1", "a.md", "AI 자율제조 전략 발표",
             "산업통상자원부는 7일 AI 자율 제조 전략을 발표했다.", "2024-03-07", "corpus/a.md",
             source_kind="보도자료", entities={MOTIE: ("산업통상자원부", "MINISTRY")}),
    IndexDoc("http://example.org/id/doc/2", "b.md", "반도체 클러스터",
             "산업부는 용인 반도체 클러스터 조성을 서두른다. LG전자도 참여했다.", "2023-03-15",
             "https://news.example.org/b", url="https://news.example.org/b", source_kind="뉴스",
             entities={MOTIE: ("산업통상자원부", "MINISTRY"), LG: ("LG전자", "COMPANY")}),
    IndexDoc("http://example.org/id/doc/3", "c.md", "배터리 <script>", "이차전지 수출이 늘었다.", "2022-05-01", "corpus/c.md"),
]


@pytest.fixture(params=BACKENDS)
def ix(request, tmp_path):
    ix = open_index(tmp_path / "index", request.param)
    ix.write(DOCS)
    yield ix
    ix.close()


def titles(res) -> set[str]:
    return {h.title for h in res.hits}


def test_text_index_is_still_the_whoosh_default(tmp_path) -> None:
    ix = TextIndex(tmp_path / "index")
    assert ix.name == "whoosh"
    ix.write(DOCS[:1])
    assert titles(ix.search("산업부")) == {"AI 자율제조 전략 발표"}
    ix.close()


def test_particles_and_aliases(ix) -> None:
    # 산업부 finds the document that only says 산업통상자원부는, and vice versa
    assert titles(ix.search("산업부")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}
    assert titles(ix.search("산업통상자원부")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}
    assert titles(ix.search("MOTIE")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}
    assert titles(ix.search("산업부는")) == {"AI 자율제조 전략 발표", "반도체 클러스터"}


def test_spacing_does_not_matter(ix) -> None:
    assert titles(ix.search("자율제조")) == {"AI 자율제조 전략 발표"}
    assert titles(ix.search('"자율 제조"')) == {"AI 자율제조 전략 발표"}


def test_phrases_keep_order(ix) -> None:
    assert titles(ix.search('"용인 반도체 클러스터"')) == {"반도체 클러스터"}
    assert ix.search('"클러스터 반도체 용인"').total == 0


def test_boolean_operators(ix) -> None:
    assert titles(ix.search("산업부 NOT 반도체")) == {"AI 자율제조 전략 발표"}
    assert len(ix.search("반도체 OR 이차전지").hits) == 2
    assert titles(ix.search("산업부 반도체")) == {"반도체 클러스터"}
    assert titles(ix.search("(자율제조 OR 이차전지) NOT 산업부")) == {"배터리 <script>"}
    assert titles(ix.search("산업부 반도체 OR 이차전지")) == {"반도체 클러스터"}  # OR binds tighter
    assert titles(ix.search("NOT 산업부")) == {"배터리 <script>"}
    assert titles(ix.search("title:반도체")) == {"반도체 클러스터"}
    assert titles(ix.search("클러*")) == {"반도체 클러스터"}


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
    assert titles(ix.search("", date_from="2023", date_to="2023")) == {"반도체 클러스터"}
    assert titles(ix.search("", source_kind="뉴스")) == {"반도체 클러스터"}
    assert titles(ix.search("", source="corpus/")) == {"AI 자율제조 전략 발표", "배터리 <script>"}
    assert titles(ix.search("", source="https://news.example.org/")) == {"반도체 클러스터"}
    facets = ix.search("산업부").facets
    assert {"value": "MINISTRY", "count": 2} in facets["type"]
    assert any(e["label"] == "LG전자" and e["type"] == "COMPANY" and e["count"] == 1 for e in facets["entity"])
    assert facets["year"] == [{"value": "2024", "count": 1}, {"value": "2023", "count": 1}]
    assert {"value": "https://news.example.org/", "label": "news.example.org", "count": 1} in facets["source"]
    assert {"value": "뉴스", "count": 1} in facets["source_kind"]
    everything = ix.search("").facets
    assert {"value": "corpus/", "label": "corpus", "count": 2} in everything["source"]


def test_sort_by_date_and_paging(ix) -> None:
    res = ix.search("", sort="date", page_size=2)
    assert [h.date for h in res.hits] == ["2024-03-07", "2023-03-15"]
    assert res.total == 3 and res.pages == 2
    assert [h.date for h in ix.search("", sort="date", page=2, page_size=2).hits] == ["2022-05-01"]
    hits = ix.search("산업부", sort="date", page_size=1)
    assert hits.total == 2 and [h.date for h in hits.hits] == ["2024-03-07"]


def test_replace_and_delete(ix) -> None:
    assert ix.doc_count() == 3  # a searcher now in the pool: the counts below are the newest commit's
    ix.write(delete=["http://example.org/id/doc/3"])
    assert ix.search("이차전지").total == 0
    assert ix.doc_count() == 2
    assert not ix.has("http://example.org/id/doc/3") and ix.has("http://example.org/id/doc/1")
    changed = IndexDoc(DOCS[0].doc_iri, "a.md", "수소 경제", "수소 경제 로드맵을 내놨다.", "2019-01-17", "corpus/a.md")
    ix.write([changed])
    assert ix.doc_count() == 2
    assert ix.search("자율제조").total == 0 and titles(ix.search("수소")) == {"수소 경제"}
    assert ix.all_iris() == {"http://example.org/id/doc/1", "http://example.org/id/doc/2"}


def test_nothing_to_search_for(ix) -> None:
    assert ix.search("의").total == ix.search("의").total  # a particle alone: no error
    assert ix.search("없는단어xyz").total == 0


def test_facets_can_be_skipped(ix) -> None:
    res = ix.search("산업부", facets=False)
    assert res.total == 2 and all(v == [] for v in res.facets.values())
