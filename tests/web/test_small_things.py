"""The small things of issue #21 item 7 that a person notices: Excel-readable SPARQL
CSV downloads, the marked place of a syntax error on a Hangul line, Korean particles,
the /entities list and its page size, the Link header's RDF variants, the favicon,
the API page."""
from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

SELECT = "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t } ORDER BY ?t"


def test_sparql_csv_downloads_have_a_bom_for_excel_but_the_protocol_answer_has_none(client, corpus) -> None:
    page = client.get("/query", query_string={"query": SELECT}).get_data(as_text=True)
    href = unescape(re.search(r'<a href="(/sparql\?[^"]*format=csv[^"]*)">CSV</a>', page).group(1))
    download = client.get(href).data
    assert download.startswith(b"\xef\xbb\xbf")                  # Excel then reads UTF-8, not ANSI
    rows = list(csv.reader(io.StringIO(download.decode("utf-8-sig"))))
    assert rows[0] == ["t"] and corpus.ai.title in {r[0] for r in rows}
    plain = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "text/csv"}).data
    assert plain.startswith(b"t\r\n")                            # SPARQL 1.1 CSV as machine clients expect
    tsv = client.get(href.replace("format=csv", "format=tsv")).data
    assert tsv.startswith(b"?t")


def test_a_syntax_error_on_a_hangul_line_marks_the_character_itself(client) -> None:
    query = 'SELECT * WHERE {\n  ?s ?p "산업통상자원부" ; 발표 ?o }'
    r = client.get("/query", query_string={"query": query})
    assert r.status_code == 400
    text = r.get_data(as_text=True)
    m = re.search(r'<span class="err-line">2행:</span> (.*?)<mark class="err-at" title="2행 (\d+)열">(.*?)</mark>', text)
    assert m, text[text.find('class="message"'):][:400]
    before, col, at = unescape(m[1]), int(m[2]), unescape(m[3])
    line = query.split("\n")[1]
    assert before == line[:col - 1] and (at == line[col - 1:col] or (at == " " and col > len(line)))
    assert "^" not in text[text.find('class="message"'):text.find("</pre>", text.find('class="message"'))]


def test_entities_by_name_leave_out_names_no_document_mentions(client) -> None:
    data = client.get("/entities.json", query_string={"q": "부"}).get_json()
    assert data["results"] and all(r["documents"] > 0 for r in data["results"])
    assert data["unmentioned"] > 0                                  # old ministries the gazetteer knows
    page = client.get("/entities", query_string={"q": "부"}).get_data(as_text=True)
    assert f"이름만 알려진 개체 {data['unmentioned']}개" in page and "all=1" in page
    everything = client.get("/entities.json", query_string={"q": "부", "all": "1"}).get_json()
    assert everything["total"] == data["total"] + data["unmentioned"]
    assert any(r["documents"] == 0 for r in everything["results"])


@pytest.mark.parametrize("name", ["size", "per_page"])
def test_entities_take_a_page_size(client, name: str) -> None:
    everything = client.get("/entities.json").get_json()
    assert everything["total"] > 2
    two = client.get("/entities.json", query_string={name: "2"}).get_json()
    assert [r["iri"] for r in two["results"]] == [r["iri"] for r in everything["results"][:2]]
    assert two["page_size"] == 2 and two["pages"] == -(-everything["total"] // 2)
    second = client.get("/entities.json", query_string={name: "2", "page": "2"}).get_json()
    assert [r["iri"] for r in second["results"]] == [r["iri"] for r in everything["results"][2:4]]
    page = client.get("/entities", query_string={name: "2"}).get_data(as_text=True)
    assert f"{name}=2&amp;page=2" in page or f"page=2&amp;{name}=2" in page   # the pager keeps the size
    assert client.get("/entities.json", query_string={name: "100000"}).get_json()["page_size"] == 500
    bad = client.get("/entities", query_string={name: "many"})
    assert bad.status_code == 400 and "쪽 크기" in bad.get_data(as_text=True)


def test_every_rdf_variant_a_link_header_offers_exists(client, corpus) -> None:
    from urllib.parse import quote, unquote

    motie = "/id/gov/" + quote("산업통상자원부")
    offered = 0
    for path in (motie, motie + ".json", motie + ".csv", corpus.path(corpus.ai), corpus.path(corpus.ai) + ".json",
                 corpus.path(corpus.ai) + ".csv", motie + "/network"):
        r = client.get(path)
        assert r.status_code == 200
        for target in re.findall(r"<([^>]+)>", r.headers.get("Link", "")):
            offered += 1
            assert ".csv." not in target and ".json." not in target
            assert client.get(unquote(target)).status_code == 200, f"{path} offers {target}"
    assert offered >= 24


def test_the_footer_links_a_readable_api_page_listing_every_operation(client, app) -> None:
    home = client.get("/").get_data(as_text=True)
    assert 'href="/api">API</a>' in home
    r = client.get("/api")
    assert r.status_code == 200 and r.mimetype == "text/html"
    page = r.get_data(as_text=True)
    spec = client.get("/api/openapi.json").get_json()
    for path, methods in spec["paths"].items():
        for method in methods:
            assert f"<code>{method.upper()} {path}</code>" in page
    assert "개체 목록: 많이 언급된 순" in page and 'href="/api/openapi.json"' in page
    examples = re.findall(r'해 보기: <a href="([^"]+)"', page)
    assert len(examples) >= 5 and all(" " not in e and "{" not in e for e in examples)   # percent-encoded
    for example in examples:
        assert client.get(unescape(example)).status_code == 200, example


def test_a_favicon_is_shipped_and_linked(client) -> None:
    home = client.get("/").get_data(as_text=True)
    href = re.search(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">', home).group(1)
    with client.get(href) as icon:
        assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and b"<svg" in icon.data
    r = client.get("/favicon.ico")
    assert r.status_code == 302 and r.headers["Location"] == href


def test_what_an_entity_announced_is_shown_once(client, corpus) -> None:
    from urllib.parse import quote

    page = client.get("/id/gov/" + quote("산업통상자원부")).get_data(as_text=True)
    relations = page[page.index('id="relations"'):page.index('id="cooccurring"')]
    announced = page[page.index('id="announced"'):page.index('id="relations"')]
    assert "AI 자율제조 전략" in announced
    assert "발표한 정책·사업" not in relations and "AI 자율제조 전략</a>" not in relations
    data = client.get("/id/gov/" + quote("산업통상자원부") + ".json").get_json()
    assert all(a["type"] != "EVENT" for a in data["announced"])
    assert all(a["type"] == "EVENT" for a in data["announced_events"])
    assert any(g["property"].endswith("#announces") for g in data["relation_groups"])  # the JSON keeps them all


def test_dates_in_text_are_kept_whole_and_the_rest_escaped() -> None:
    from web.helpers import whole_dates

    html = str(whole_dates("2022-12-01 ~ 2022-12 <b>까지</b>"))
    assert html == '<span class="nw">2022-12-01</span> ~ <span class="nw">2022-12</span> &lt;b&gt;까지&lt;/b&gt;'
