"""Search pages: Korean queries, highlighted snippets, facets, pagination, JSON and CSV twins."""
from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, unquote_plus, urlsplit

HIT_LINK = re.compile(r'<h3><a href="(/id/doc/[^"]+)">')


def hit_paths(html: str) -> list[str]:
    return HIT_LINK.findall(html)


def test_home_has_search_box_stats_and_examples(client) -> None:
    r = client.get("/")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and '<html lang="ko">' in html
    assert 'action="/search"' in html and 'name="q"' in html
    assert 'action="/entities"' in html                      # entity search box
    assert "<strong>4</strong> 문서" in html                  # stats
    assert "/search?q=" in html and "/query?query=" in html  # example searches and queries
    twin = client.get("/", headers={"Accept": "application/json"}).get_json()
    assert twin["stats"]["documents"] == 4 and len(twin["sparql_examples"]) >= 5
    # the page and its twin come from one payload: the same example searches and questions, in order
    shown = re.findall(r'/search\?q=([^"&]+)"', html.split('class="examples"')[1].split("</p>")[0])
    assert [unquote_plus(x) for x in shown] == twin["search_examples"] != []
    assert all(q["question"] in html for q in twin["questions"])


def test_korean_query_finds_document_with_highlighted_snippet(client, corpus) -> None:
    r = client.get("/search", query_string={"q": "자율제조"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert hit_paths(html) == [corpus.path(corpus.ai)]
    assert corpus.ai.title in html
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert "<mark" in snippet and "</mark>" in snippet
    assert f'datetime="{corpus.ai.date}"' in html
    # who published it (a press release opening with its ministry), not the file it came from
    assert '<span class="publisher">산업통상자원부</span>' in html and corpus.ai.source not in html


def test_alias_finds_the_canonical_name(client, corpus) -> None:
    # DOC_AI only says 산업통상자원부는; the query says 산업부
    assert "산업부" not in corpus.ai.text
    paths = hit_paths(client.get("/search", query_string={"q": "산업부", "sort": "date"}).get_data(as_text=True))
    assert corpus.path(corpus.ai) in paths
    assert corpus.path(corpus.battery) in paths


def test_type_facet_narrows_results(client, corpus) -> None:
    all_hits = client.get("/search.json", query_string={"q": "발표"}).get_json()
    assert all_hits["total"] == 3
    types = {f["value"]: f["count"] for f in all_hits["facets"]["type"]}
    assert "COMPANY" in types and types["COMPANY"] < all_hits["total"]
    html = client.get("/search", query_string={"q": "발표"}).get_data(as_text=True)
    assert "type=COMPANY" in html                                   # the facet is a link that adds the filter
    narrowed = client.get("/search.json", query_string={"q": "발표", "type": "COMPANY"}).get_json()
    iris = {h["iri"] for h in narrowed["hits"]}
    assert narrowed["total"] == types["COMPANY"] < all_hits["total"]
    assert corpus.iri(corpus.env) not in iris and corpus.iri(corpus.ai) in iris
    assert narrowed["filters"]["type"] == ["COMPANY"]


def test_facet_links_add_filters_and_keep_the_query(client) -> None:
    html = client.get("/search", query_string={"q": "발표"}).get_data(as_text=True)
    facet_links = re.findall(r'<aside id="facets".*?</aside>', html, re.S)[0]
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', facet_links)]
    assert hrefs
    for href in hrefs:
        args = parse_qs(urlsplit(href).query)
        assert args["q"] == ["발표"]
        assert "page" not in args
    years = [parse_qs(urlsplit(h).query) for h in hrefs if "from=" in h]
    assert years and all(a["from"] == a["to"] for a in years)


def test_entity_and_year_filters(client, corpus) -> None:
    motie = corpus.base + "id/gov/산업통상자원부"
    res = client.get("/search.json", query_string={"entity": motie, "sort": "date"}).get_json()
    iris = [h["iri"] for h in res["hits"]]
    assert corpus.iri(corpus.ai) in iris and corpus.iri(corpus.env) not in iris
    last_year = str(corpus.year - 1)
    res = client.get("/search.json", query_string={"from": last_year, "to": last_year}).get_json()
    assert {h["iri"] for h in res["hits"]} <= {corpus.iri(corpus.env), corpus.iri(corpus.battery)}
    assert res["total"] == 2


def test_json_twins_return_the_same_hits(client) -> None:
    params = {"q": "발표", "sort": "date"}
    html_paths = hit_paths(client.get("/search", query_string=params).get_data(as_text=True))
    by_suffix = client.get("/search.json", query_string=params)
    by_accept = client.get("/search", query_string=params, headers={"Accept": "application/json"})
    assert by_suffix.content_type.startswith("application/json")
    data = by_suffix.get_json()
    twin = by_accept.get_json()
    assert twin["next"] == data["next"].replace("/search.json", "/search")  # each twin pages through its own kind
    assert {**twin, "next": None} == {**data, "next": None}
    assert [h["page"] for h in data["hits"]] == html_paths
    assert data["page"] == 1 and data["pages"] == 2 and data["next"] and data["prev"] is None
    assert all({"iri", "title", "date", "source", "snippet", "score"} <= set(h) for h in data["hits"])


def test_pagination(client) -> None:
    first = client.get("/search", query_string={"q": "발표", "sort": "date"}).get_data(as_text=True)
    assert len(hit_paths(first)) == 2 and 'rel="next"' in first
    second = client.get("/search", query_string={"q": "발표", "sort": "date", "page": 2})
    html = second.get_data(as_text=True)
    assert len(hit_paths(html)) == 1 and 'rel="prev"' in html and 'start="3"' in html
    assert not set(hit_paths(html)) & set(hit_paths(first))


def test_csv_export(client) -> None:
    r = client.get("/search.csv", query_string={"q": "발표", "sort": "date"})
    assert r.status_code == 200 and r.content_type.startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    data = client.get("/search.json", query_string={"q": "발표", "sort": "date"}).get_json()
    assert len(rows) == data["total"] == 3                # every hit, not one page
    assert [r["iri"] for r in rows[:2]] == [h["iri"] for h in data["hits"]]
    assert all("<mark" not in r["snippet"] for r in rows)


def test_title_with_script_is_escaped_in_results(client) -> None:
    html = client.get("/search", query_string={"q": "반도체"}).get_data(as_text=True)
    assert "<script>" not in html
    assert "&lt;script&gt;alert(" in html
    assert "<b>태그</b>" not in html


def test_bad_parameters_are_400_in_korean(client) -> None:
    r = client.get("/search", query_string={"q": "발표", "from": "어제"})
    assert r.status_code == 400 and "날짜 형식" in r.get_data(as_text=True)
    r = client.get("/search.json", query_string={"page": "0"})
    assert r.status_code == 400 and r.get_json()["status"] == 400
    assert client.get("/search", query_string={"sort": "random"}).status_code == 400


def test_no_hits_message(client) -> None:
    r = client.get("/search", query_string={"q": "존재하지않는낱말"})
    assert r.status_code == 200 and "찾는 문서가 없습니다" in r.get_data(as_text=True)


def test_source_facet_and_filter(client, corpus) -> None:
    data = client.get("/search.json", query_string={"q": "발표"}).get_json()
    assert data["facets"]["source"] == [{"value": "corpus/", "label": "corpus", "count": 3}]
    assert client.get("/search.json", query_string={"q": "발표", "source": "corpus/"}).get_json()["total"] == 3
    none = client.get("/search.json", query_string={"q": "발표", "source": "https://example.org/"}).get_json()
    assert none["total"] == 0 and none["filters"]["source"] == "https://example.org/"
    html = client.get("/search", query_string={"q": "발표", "source": "corpus/"}).get_data(as_text=True)
    assert "출처: corpus" in html                                  # the active filter, removable
    assert '<input type="hidden" name="source" value="corpus/">' in html  # kept when the form is sent again


def test_source_origin_groups_by_site_or_folder() -> None:
    from kg.search.index import source_origin

    assert source_origin("https://example.org/briefs/001") == ("https://example.org/", "example.org")
    assert source_origin("corpus/a.md") == ("corpus/", "corpus")
    assert source_origin("a.md") == ("a.md", "a.md")


def test_search_form_has_date_range_source_and_sort(client) -> None:
    html = client.get("/search", query_string={"q": "발표", "from": "2020", "to": "2030-12"}).get_data(as_text=True)
    form = re.search(r'<form class="search".*?</form>', html, re.S).group(0)
    assert 'name="from" value="2020"' in form and 'name="to" value="2030-12"' in form
    assert '<select name="kind">' in form and '<select name="publisher">' in form and '<select name="sort">' in form
    # the entity box beside the results jumps to entity pages (autocomplete over /api/lookup)
    assert 'data-autocomplete="jump"' in html and 'src="/static/autocomplete.js"' in html


def test_phrase_or_and_not(client, corpus) -> None:
    def iris(q: str) -> set[str]:
        return {h["iri"] for h in client.get("/search.json", query_string={"q": q}).get_json()["hits"]}

    assert iris('"AI 자율제조"') == {corpus.iri(corpus.ai)}
    both = client.get("/search.json", query_string={"q": "이차전지 OR 탄소중립"}).get_json()
    assert both["total"] == 2
    assert corpus.iri(corpus.battery) not in iris("산업부 NOT 이차전지")
    assert corpus.iri(corpus.ai) in iris("산업부 NOT 이차전지")


def test_home_answers_newcomer_questions(client) -> None:
    html = client.get("/").get_data(as_text=True)
    assert 'href="/path?from=마키나락스&amp;to=산업통상자원부"' in html
    assert 'href="/id/gov/산업통상자원부#announced"' in html
    assert 'action="/path"' in html and 'data-autocomplete="fill"' in html
    assert client.get("/", headers={"Accept": "application/json"}).get_json()["questions"]
