"""What a search page adds to its hits: names a short word included, an entity card when
the query names an entity, suggestions when the result is empty or thin."""
from __future__ import annotations

import re

from tests.web.test_search import hit_paths


def test_short_name_finds_the_companies_named_with_it(client, corpus) -> None:
    r = client.get("/search", query_string={"q": "삼성"})
    html = r.get_data(as_text=True)
    assert set(hit_paths(html)) >= {corpus.path(corpus.script), corpus.path(corpus.battery)}
    line = re.search(r'<p class="included">(.*?)</p>', html, re.S).group(1)
    assert "삼성전자" in line and "삼성SDI" in line and "포함" in line
    twin = client.get("/search.json", query_string={"q": "삼성"}).get_json()
    assert twin["total"] == 2 and {n["label"] for n in twin["included"][0]["names"]} == {"삼성전자", "삼성SDI"}
    # the CSV export follows the same search
    csv = client.get("/search.csv", query_string={"q": "삼성"}).get_data(as_text=True)
    assert corpus.battery.title in csv and corpus.script.title.split()[0] in csv


def test_entity_card_on_top_of_results(client, corpus) -> None:
    html = client.get("/search", query_string={"q": "마키나락스"}).get_data(as_text=True)
    card = re.search(r'<section class="entity-card".*?</section>', html, re.S).group(0)
    assert 'href="/id/company/마키나락스"' in card and "기업" in card and "문서 1건" in card
    assert html.index("entity-card") < html.index('class="hits"')
    twin = client.get("/search.json", query_string={"q": "산업부"}).get_json()  # an alias names it too
    assert twin["card"]["label"] == "산업통상자원부" and twin["card"]["page"] == "/id/gov/산업통상자원부"
    assert twin["card"]["relations"] and all(g["names"] for g in twin["card"]["relations"])
    assert client.get("/search.json", query_string={"q": "수출 동향"}).get_json()["card"] is None


def test_misspelled_name_suggests_the_one_that_exists(client) -> None:
    r = client.get("/search", query_string={"q": "산업퉁상자원부"})
    html = r.get_data(as_text=True)
    assert "찾는 문서가 없습니다" in html and "혹시 이것을 찾으셨나요?" in html
    box = re.search(r'<div class="suggestions".*?</div>', html, re.S).group(0)
    assert "산업통상자원부" in box and "/search?q=" in box
    twin = client.get("/search.json", query_string={"q": "산업퉁상자원부"}).get_json()
    assert twin["suggestions"][0]["label"] == "산업통상자원부"
    many = client.get("/search.json", query_string={"q": "발표"}).get_json()
    assert many["total"] >= 3 and many["suggestions"] == []  # a full result needs none


def test_misspelled_word_suggests_the_spelling_the_documents_use(client) -> None:
    twin = client.get("/search.json", query_string={"q": "반도채"}).get_json()
    assert twin["total"] == 0
    first = twin["suggestions"][0]
    assert first["label"] == "반도체" and first["type"] is None and first["documents"] >= 1
    assert client.get("/search.json", query_string={"q": first["label"]}).get_json()["total"] == first["documents"]


def test_cli_search_says_what_it_included(settings) -> None:
    from click.testing import CliRunner  # noqa: PLC0415

    from app.cli import main  # noqa: PLC0415

    env = {"KG_BASE_IRI": settings.base_iri}
    out = CliRunner().invoke(main, ["search", "삼성", "--data-dir", str(settings.data_dir)], env=env)
    assert out.exit_code == 0, out.output
    line = next(x for x in out.output.splitlines() if x.startswith("'삼성': "))
    assert "검색 결과 2건" in out.output and "삼성전자" in line and "삼성SDI" in line and "포함" in line
    exact = CliRunner().invoke(main, ["search", "삼성", "--exact", "--json", "--data-dir", str(settings.data_dir)], env=env)
    assert exact.exit_code == 0 and '"total": 0' in exact.output and '"included": []' in exact.output
