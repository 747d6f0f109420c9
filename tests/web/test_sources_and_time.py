"""Sources a journalist can cite and the documents over time: the 출처 facet by publisher,
the document page's publisher and citations, the chart of a search and of an entity."""
from __future__ import annotations

import dataclasses
import html as htmllib
import re
from urllib.parse import parse_qs, unquote, urlsplit

from web import create_app


def test_publisher_facet_filters_and_shows_on_hits(client, corpus) -> None:
    data = client.get("/search.json", query_string={"q": "발표"}).get_json()
    pubs = {f["value"]: f["count"] for f in data["facets"]["publisher"]}
    assert pubs.get("산업통상자원부") == 1 and pubs.get("환경부") == 1  # press releases, by their opening
    assert "corpus" not in pubs
    only = client.get("/search.json", query_string={"q": "발표", "publisher": "환경부"}).get_json()
    assert [h["title"] for h in only["hits"]] == [corpus.env.title] and only["hits"][0]["publisher"] == "환경부"
    page = client.get("/search", query_string={"q": "발표"}).get_data(as_text=True)
    facet = re.search(r"<h2>출처</h2>.*?</ul>", page, re.S).group(0)
    assert "publisher=" in facet and "환경부" in facet


def test_document_page_names_the_publisher_and_offers_citations(client, corpus) -> None:
    page = client.get(corpus.path(corpus.ai)).get_data(as_text=True)
    assert '<dd class="publisher">산업통상자원부</dd>' in page
    assert corpus.ai.source not in page  # not the local file path
    cites = [htmllib.unescape(c) for c in re.findall(r'<button type="button" class="cite" data-cite="([^"]*)"', page)]
    assert cites, "no 인용 복사 button"
    first = cites[0]
    assert first.startswith(f"산업통상자원부, 「{corpus.ai.title}」, ")
    assert f"{corpus.year}년 3월 7일" in first and corpus.path(corpus.ai) in first
    assert re.search(r': "[^"]+다\."$', first)  # the sentence itself, in quotes
    assert "<script" not in page.split("<main", 1)[1].split("</main>", 1)[0]  # the copying is in web/static/cite.js


def test_search_chart_counts_every_match_and_links_to_periods(client, corpus) -> None:
    page = client.get("/search", query_string={"q": "발표"}).get_data(as_text=True)
    chart = re.search(r'<figure class="timechart">.*?</figure>', page, re.S).group(0)
    links = [htmllib.unescape(h) for h in re.findall(r'<a href="([^"]+)" aria-label', chart)]
    assert links
    total = client.get("/search.json", query_string={"q": "발표"}).get_json()["total"]
    counts = [int(n) for n in re.findall(r'aria-label="[^"]*?(\d+)건"', chart)]
    assert sum(counts) == total
    for link in links:  # each bar narrows the same search to its period
        q = parse_qs(urlsplit(link).query)
        assert q["q"] == ["발표"] and q["from"] == q["to"]
        narrowed = client.get("/search.json", query_string={"q": "발표", "from": q["from"][0], "to": q["to"][0]}).get_json()
        assert 0 < narrowed["total"] <= total
    months = client.get("/search.json", query_string={"q": "발표"}).get_json()["facets"]["month"]
    assert sum(m["count"] for m in months) == total and months == sorted(months, key=lambda m: m["value"])


def test_entity_timeline_covers_all_its_documents(settings) -> None:
    # one document a page: the page shows one, the chart counts both
    small = create_app(dataclasses.replace(settings, page_size=1), query_workers=1)
    try:
        client = small.test_client()
        ent = client.get("/id/gov/산업통상자원부.json").get_json()
        assert ent["total"] == 2 and len(ent["documents"]) == 1
        assert sum(m["count"] for m in ent["months"]) == ent["total"]
        page = client.get("/id/gov/산업통상자원부").get_data(as_text=True)
    finally:
        small.extensions["kg"].close()
    chart = re.search(r'<figure class="timechart">.*?</figure>', page, re.S).group(0)
    assert "언급한 문서 2건 전체의 시기" in chart and len(re.findall(r'<a href=', chart)) == 2
    link = htmllib.unescape(re.search(r'<a href="([^"]+)"', chart).group(1))
    assert unquote(parse_qs(urlsplit(link).query)["entity"][0]) == ent["iri"]


def test_dates_in_words_on_entity_pages(client) -> None:
    page = client.get("/id/gov/산업통상자원부").get_data(as_text=True)
    assert "../" not in re.sub(r'title="[^"]*"|datetime="[^"]*"|href="[^"]*"', "", page)
    assert "말까지" in page or "년" in page
