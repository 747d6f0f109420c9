"""The SPARQL editor page: example gallery, bar chart and graph of results, the editor
and graph libraries served from /vendor/ (allow-listed), and the page without them."""
from __future__ import annotations

import json
import re
from html import unescape

from web.charts import result_chart, result_graph
from web.examples import EXAMPLES_BY_KEY

XSD = "http://www.w3.org/2001/XMLSchema#"


def lit(v: str, dt: str | None = None) -> dict:
    return {"type": "literal", "value": v, **({"datatype": XSD + dt} if dt else {})}


def uri(v: str) -> dict:
    return {"type": "uri", "value": v, "href": "/id/" + v.rsplit("/", 1)[-1]}


def test_bar_chart_for_a_label_and_a_number() -> None:
    table = {"vars": ["m", "name", "n"], "rows": [[uri("http://x/id/gov/A"), lit("가"), lit("4", "integer")],
                                                  [uri("http://x/id/gov/B"), lit("나"), lit("2", "integer")]]}
    chart = result_chart(table)
    assert chart["label_var"] == "name" and chart["value_var"] == "n"
    assert [(b["label"], b["value"], b["pct"], b["href"]) for b in chart["bars"]] == [
        ("가", 4.0, 100.0, "/id/A"), ("나", 2.0, 50.0, "/id/B")]
    assert result_graph(table) is None                             # one IRI column: no graph
    assert result_chart({"vars": ["a"], "rows": [[lit("x")], [lit("y")]]}) is None  # no number


def test_graph_for_two_iri_columns() -> None:
    rows = [[uri("http://x/id/gov/A"), lit("가"), uri("http://x/id/initiative/P_1"), lit("n", None)]]
    g = result_graph({"vars": ["a", "aName", "b", "bName"], "rows": rows})
    assert [n["label"] for n in g["nodes"]] == ["가", "n"]
    assert g["edges"] == [{"id": "e0", "source": "http://x/id/gov/A", "target": "http://x/id/initiative/P_1", "label": ""}]
    g2 = result_graph({"vars": ["a", "b"], "rows": [[uri("http://x/id/gov/A"), uri("http://x/id/initiative/P_1")]]})
    assert [n["label"] for n in g2["nodes"]] == ["A", "P 1"]    # the IRI's end, underscores as spaces


def test_query_page_draws_a_bar_chart(client) -> None:
    page = client.get("/query", query_string={"example": "initiatives-per-ministry"}).get_data(as_text=True)
    chart = re.search(r'<figure class="chart".*?</figure>', page, re.S).group(0)
    assert "막대그래프" in chart and '<svg class="bar" width="100.0%" aria-hidden="true">' in chart
    assert 'href="/id/gov/' in chart


def test_query_page_embeds_graph_data(client, corpus) -> None:
    page = client.get("/query", query_string={"example": "announcement-graph"}).get_data(as_text=True)
    raw = re.search(r'data-graph="([^"]*)"', page).group(1)
    g = json.loads(unescape(raw))
    assert {"산업통상자원부", "AI 자율제조 전략"} <= {n["label"] for n in g["nodes"]}
    assert g["edges"] and "<figure class=\"result-graph\" hidden>" in page  # shown by JavaScript only


def test_gallery_has_the_newcomer_queries(client, corpus) -> None:
    for key in ("initiatives-per-ministry", "companies-per-initiative", "deadlines-this-year", "co-participation",
                "announcement-graph"):
        assert key in EXAMPLES_BY_KEY
    page = client.get("/query").get_data(as_text=True)
    assert page.count('data-example="') == len(EXAMPLES_BY_KEY)
    assert "PREFIX kgo:" in page and 'src="/static/query.js"' in page
    data = client.get("/sparql", query_string={"query": EXAMPLES_BY_KEY["companies-per-initiative"].query}).get_json()
    counts = {b["name"]["value"]: int(b["companies"]["value"]) for b in data["results"]["bindings"]}
    assert counts[f"간담회 (산업통상자원부, {corpus.year}-03-07)"] == 3


def test_vendor_files_are_allow_listed(client, app, tmp_path, monkeypatch) -> None:
    assert client.get("/vendor/../package.json").status_code == 404
    assert client.get("/vendor/cytoscape.js").status_code == 404            # not on the list
    (tmp_path / "node_modules/cytoscape/dist").mkdir(parents=True)
    (tmp_path / "node_modules/cytoscape/dist/cytoscape.min.js").write_text("window.cytoscape = 1;")
    monkeypatch.setitem(app.config, "KG_VENDOR_ROOT", str(tmp_path))
    with client.get("/vendor/cytoscape.min.js") as r:
        assert r.status_code == 200 and r.mimetype == "text/javascript" and b"cytoscape" in r.data
        assert "max-age" in r.headers["Cache-Control"]
    page = client.get("/id/company/마키나락스/network").get_data(as_text=True)
    assert 'src="/vendor/cytoscape.min.js"' in page and 'src="/static/network.js"' in page
    assert client.get("/vendor/editor.js").status_code == 404               # not built in tmp_path
    assert 'src="/vendor/editor.js"' not in client.get("/query").get_data(as_text=True)


def test_pages_work_without_the_vendor_files(client, app, tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(app.config, "KG_VENDOR_ROOT", str(tmp_path))     # empty: npm never ran
    page = client.get("/id/company/마키나락스/network").get_data(as_text=True)
    assert "/vendor/" not in page and '<table class="data" id="net-edges">' in page
    q = client.get("/query", query_string={"example": "announcement-graph"}).get_data(as_text=True)
    assert "/vendor/" not in q and '<textarea id="query"' in q and '<table class="data results">' in q
