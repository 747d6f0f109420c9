"""The network view around an entity and the path view between two entities, with
their JSON and CSV twins."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest

from web.graphml import to_graphml
from kg.read.paths import PathGraph, mention_path, shortest_paths

MOTIE = "/id/gov/산업통상자원부"


def iri(corpus, path: str) -> str:
    return corpus.base + path.lstrip("/")


# -- network ----------------------------------------------------------------------------
def test_network_json_has_nodes_and_edges_with_evidence(client, corpus) -> None:
    r = client.get("/id/company/마키나락스/network.json")
    assert r.status_code == 200 and r.content_type.startswith("application/json")
    data = r.get_json()
    center = iri(corpus, "/id/company/마키나락스")
    assert data["center"] == center and data["label"] == "마키나락스"
    ids = {n["id"] for n in data["nodes"]}
    assert center in ids and all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    (part,) = [e for e in data["edges"] if e["relation"] == "participatesIn"]
    assert part["source"] == center and "간담회" in part["target"]
    assert "마키나락스 등 기업이 참석했다" in part["evidence"][0]["sentence"]
    assert part["evidence"][0]["document_page"] == corpus.path(corpus.ai)
    # every node can be expanded through its own JSON twin
    event = next(n for n in data["nodes"] if n["id"] == part["target"])
    assert event["network"].endswith("/network.json") and event["page"] in event["network"]
    more = client.get(event["network"]).get_json()
    assert {"LG전자", "강경성"} <= {n["label"] for n in more["nodes"]}
    # co-mentions: entities of the same documents, with the number of documents
    co = [e for e in data["edges"] if e["relation"] == "comention"]
    assert any(e["target"] == iri(corpus, MOTIE) and e["documents"] == 1 for e in co)


def test_network_filters_by_relation(client) -> None:
    only = client.get("/id/company/마키나락스/network.json", query_string={"rel": "participatesIn"}).get_json()
    assert {e["relation"] for e in only["edges"]} == {"participatesIn"}
    none = client.get("/id/company/마키나락스/network.json", query_string={"comention": "0"}).get_json()
    assert all(e["relation"] != "comention" for e in none["edges"])
    assert client.get("/id/company/마키나락스/network.json", query_string={"comention": "x"}).status_code == 400


def test_network_page_is_a_plain_table_without_javascript(client, corpus) -> None:
    r = client.get("/id/company/마키나락스/network")
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "<h1>마키나락스 관계망</h1>" in page
    edges = re.search(r'<table class="data" id="net-edges">.*?</table>', page, re.S).group(0)
    assert "참여" in edges and "마키나락스 등 기업이 참석했다" in edges
    assert f'href="{corpus.path(corpus.ai)}"' in edges
    assert 'data-src="/id/company/마키나락스/network.json"' in page
    assert 'name="rel" value="leads"' in page                   # the filter form works by GET
    assert client.get("/id/company/마키나락스/network", headers={"Accept": "application/json"}).get_json()["center"]


def test_network_csv(client) -> None:
    r = client.get("/id/company/마키나락스/network.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert any(row["relation"] == "participatesIn" and "참석했다" in row["sentence"] for row in rows)


def test_a_hub_shows_its_best_attested_edges_and_says_how_many_more(client) -> None:
    """Of each relation the edges stated in the most documents, ?per= of them; the
    page says what is left out and the CSV has everything."""
    first = client.get("/id/company/마키나락스/network.json").get_json()
    event = next(e["target"] for e in first["edges"] if e["relation"] == "participatesIn")
    page_of = next(n["page"] for n in first["nodes"] if n["id"] == event)   # the meeting they took part in
    q = {"comention": "0", "rel": "participatesIn"}
    full = client.get(page_of + "/network.json", query_string=q).get_json()
    edges = full["edges"]
    assert len(edges) >= 3 and full["more"] == []          # LG전자, 마키나락스, …: nothing left out
    top = client.get(page_of + "/network.json", query_string={**q, "per": "1"}).get_json()
    (kept,) = top["edges"]
    best = max(e["documents"] for e in edges)
    assert kept["documents"] == best and kept["source"] == min(e["source"] for e in edges if e["documents"] == best)
    assert [(m["relation"], m["hidden"]) for m in top["more"]] == [("participatesIn", len(edges) - 1)]
    page = client.get(page_of + "/network", query_string={**q, "per": "1"}).get_data(as_text=True)
    note = re.search(r'<p class="notice" role="status" id="net-more">(.*?)</p>', page, re.S).group(1)
    assert f"{len(edges) - 1}개" in note and "per=5" in note     # how many more, and a link to see them
    rows = list(csv.DictReader(io.StringIO(client.get(page_of + "/network.csv", query_string={**q, "per": "1"})
                                          .get_data(as_text=True).lstrip("\ufeff"))))
    assert len({(r["source"], r["target"]) for r in rows if r["relation"] == "participatesIn"}) == len(edges)
    assert client.get(page_of + "/network.json", query_string={"per": "x"}).status_code == 400


GML = "{http://graphml.graphdrawing.org/xmlns}"


def graphml(client, path: str, **query) -> ET.Element:  # noqa: ANN003
    r = client.get(path, query_string=query)
    assert r.status_code == 200 and r.mimetype == "application/graphml+xml"
    assert "attachment" in r.headers["Content-Disposition"]
    return ET.fromstring(r.data)


def test_network_graphml_has_the_json_twins_nodes_and_edges_with_keys(client, corpus) -> None:
    """Gephi/yEd/networkx read it: declared keys for node labels and types, edge types and weights."""
    data = client.get("/id/company/마키나락스/network.json").get_json()
    root = graphml(client, "/id/company/마키나락스/network.graphml")
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(GML + "key")}
    assert keys[("node", "label")] == "string" and keys[("node", "type")] == "string"
    assert keys[("edge", "relation")] == "string" and keys[("edge", "weight")] == "int"
    (graph,) = root.iter(GML + "graph")
    assert graph.get("edgedefault") == "directed"

    def values(el: ET.Element) -> dict[str, str]:
        return {d.get("key"): d.text for d in el.iter(GML + "data")}

    nodes = {n.get("id"): values(n) for n in graph.iter(GML + "node")}
    assert set(nodes) == {n["id"] for n in data["nodes"]}
    center = iri(corpus, "/id/company/마키나락스")
    assert nodes[center]["label"] == "마키나락스" and nodes[center]["type"] == "COMPANY"
    assert nodes[center]["type_label"] == "기업" and nodes[center]["center"] == "true"
    assert nodes[center]["page"].startswith("http://") and nodes[center]["page"].endswith("/id/company/마키나락스")
    edges = {e.get("id"): (e, values(e)) for e in graph.iter(GML + "edge")}
    assert len(edges) == len(data["edges"])
    for e in data["edges"]:
        el, v = edges[e["id"]]
        assert (el.get("source"), el.get("target")) == (e["source"], e["target"])
        assert v["relation"] == e["relation"] and int(v["weight"]) == e["documents"]
        assert (el.get("directed") == "false") == (e["relation"] == "comention")    # co-mentions have no direction
    part = next(v for _el, v in edges.values() if v["relation"] == "participatesIn")
    assert part["relation_label"] == "참여" and "참석했다" in part["sentence"]
    assert {v["relation_label"] for _el, v in edges.values() if v["relation"] == "comention"} == {"함께 언급"}
    # the filters apply as on the page
    only = graphml(client, "/id/company/마키나락스/network.graphml", rel="participatesIn")
    assert {d.text for d in only.iter(GML + "data") if d.get("key") == "relation"} == {"participatesIn"}


def test_graphml_stays_valid_xml_whatever_the_documents_hold() -> None:
    """Names and sentences come from anybody's files: markup is escaped, and characters
    XML cannot hold (a stray \\x0b from a PDF) are dropped rather than breaking the file."""
    data = {"center": "a", "nodes": [{"id": "a", "label": '<b>"&\x0b', "type": "COMPANY", "center": True},
                                     {"id": "b", "label": "]]> 삼성\x01", "type": "MINISTRY"}],
            "edges": [{"id": "a announces b", "source": "a", "target": "b", "relation": "announces", "label": "발표",
                       "documents": 2, "evidence": [{"sentence": "<script>x</script>\x1f 발표했다", "document": "d"}]}]}
    root = ET.fromstring(to_graphml(data))
    texts = [(d.get("key"), d.text) for d in root.iter(GML + "data")]
    assert [t for k, t in texts if k == "label"] == ['<b>"&', "]]> 삼성"]
    assert ("sentence", "<script>x</script> 발표했다") in texts and ("weight", "2") in texts


def test_expanded_nodes_in_the_url_are_restored_in_every_twin(client, corpus) -> None:
    """?expand=<node path> (what the page writes into its address as a reader opens nodes)
    gives the centre's network plus those nodes' neighbourhoods, in the page, JSON, CSV and GraphML."""
    base = client.get("/id/company/마키나락스/network.json", query_string={"comention": "0"}).get_json()
    event = next(e["target"] for e in base["edges"] if e["relation"] == "participatesIn")
    event_path = next(n["page"] for n in base["nodes"] if n["id"] == event)
    assert base["expanded"] == [] and base["filters"]["expand"] == []
    q = {"comention": "0", "expand": [event_path, "/id/company/없는회사", "/id/person/강경성"]}
    data = client.get("/id/company/마키나락스/network.json", query_string=q).get_json()
    labels = {n["label"] for n in data["nodes"]}
    assert {"LG전자", "강경성"} <= labels and "LG전자" not in {n["label"] for n in base["nodes"]}
    assert len(data["nodes"]) > len(base["nodes"]) and len(data["edges"]) > len(base["edges"])
    # only a shown node expands (강경성 is shown only once the meeting is open: it comes after it, so it counts)
    assert data["expanded"][0] == event and data["filters"]["expand"][0] == event_path
    assert iri(corpus, "/id/company/없는회사") not in data["expanded"]
    assert [n["id"] for n in data["nodes"] if n["center"]] == [iri(corpus, "/id/company/마키나락스")]
    alone = client.get("/id/company/마키나락스/network.json",
                       query_string={"comention": "0", "expand": "/id/person/강경성"}).get_json()
    assert alone["expanded"] == []                            # not shown without the meeting: ignored
    page = client.get("/id/company/마키나락스/network", query_string=q).get_data(as_text=True)
    assert "LG전자" in page and f'<input type="hidden" name="expand" value="{event_path}">' in page
    assert "펼친 노드" in page and 'data-src="/id/company/마키나락스/network.json?comention=0&amp;expand=' in page
    assert 'network.graphml?comention=0&amp;expand=' in page    # the downloads carry the state too
    nodes = {n.get("id"): {d.get("key"): d.text for d in n.iter(GML + "data")}
             for n in graphml(client, "/id/company/마키나락스/network.graphml", **q).iter(GML + "node")}
    assert nodes[event]["expanded"] == "true" and len(nodes) == len(data["nodes"])
    rows = list(csv.DictReader(io.StringIO(client.get("/id/company/마키나락스/network.csv", query_string=q)
                                          .get_data(as_text=True).lstrip("\ufeff"))))
    assert "LG전자" in {r["source_label"] for r in rows} | {r["target_label"] for r in rows}
    # with a relation filter, the expansion follows only those relations
    rel = client.get("/id/company/마키나락스/network.json", query_string={**q, "rel": "participatesIn"}).get_json()
    assert {e["relation"] for e in rel["edges"]} == {"participatesIn"} and rel["filters"]["rel"] == ["participatesIn"]


def test_network_page_has_a_legend_and_export_buttons(client) -> None:
    page = client.get("/id/company/마키나락스/network").get_data(as_text=True)
    legend = re.search(r'<div class="net-legend" id="net-legend".*?</div>', page, re.S).group(0)
    for word in ("정부기관", "기업", "인물", "정책·사업", "발표", "참여", "주재·대표", "함께 언급", "근거 문서"):
        assert word in legend, word
    assert 'id="net-png"' in page and 'id="net-svg"' in page
    assert "style=" not in page and "<script>" not in page     # the CSP allows neither


def test_network_of_unknown_entity_is_404(client) -> None:
    assert client.get("/id/company/없는회사/network").status_code == 404
    assert client.get("/id/nothing/x/network.json").get_json()["status"] == 404


# -- path ------------------------------------------------------------------------------
def test_path_json_between_company_and_person(client, corpus) -> None:
    r = client.get("/path.json", query_string={"from": "마키나락스", "to": "강경성"})
    data = r.get_json()
    assert r.status_code == 200 and data["hops"] == 2
    hops = data["paths"][0]
    assert [h["relation"] for h in hops] == ["participatesIn", "leads"]
    assert hops[0]["forward"] is True and hops[1]["forward"] is False     # 강경성 leads the meeting
    assert "강경성 1차관 주재로 열린 간담회" in hops[1]["evidence"][0]["sentence"]
    assert data["shared_documents"][0]["page"] == corpus.path(corpus.ai)


def test_path_resolves_aliases_and_finds_co_mentions(client, corpus) -> None:
    data = client.get("/path.json", query_string={"from": "산업부", "to": "마키나락스"}).get_json()
    assert data["from"]["id"] == iri(corpus, MOTIE)
    docs = data["shared_documents"]
    assert [d["iri"] for d in docs] == [corpus.iri(corpus.ai)]
    # IRIs and local paths work as well as names
    same = client.get("/path.json", query_string={"from": iri(corpus, MOTIE), "to": "/id/company/마키나락스"}).get_json()
    assert same["shared_documents"] == docs


def test_path_page_shows_hops_with_sentences(client, corpus) -> None:
    page = client.get("/path", query_string={"from": "마키나락스", "to": "강경성"}).get_data(as_text=True)
    assert "관계로 이어진 경로" in page and "<strong>2단계</strong>" in page
    assert "—참여→" in page and "←주재·대표—" in page
    assert "<blockquote>" in page and f'href="{corpus.path(corpus.ai)}"' in page
    assert 'href="/path.csv?from=' in page and 'href="/path.json?from=' in page


def test_path_csv(client) -> None:
    r = client.get("/path.csv", query_string={"from": "마키나락스", "to": "강경성"})
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["relation"] for row in rows] == ["participatesIn", "leads"]
    assert rows[1]["direction"] == "backward" and "주재" in rows[1]["sentence"]


def test_path_form_and_errors(client) -> None:
    empty = client.get("/path")
    assert empty.status_code == 200 and 'name="from"' in empty.get_data(as_text=True)
    page = client.get("/path", query_string={"from": "없는이름xyz", "to": "산업부"}).get_data(as_text=True)
    assert "찾을 수 없는 개체입니다: 없는이름xyz" in page
    j = client.get("/path.json", query_string={"from": "없는이름xyz", "to": "산업부"})
    assert j.status_code == 404 and "없는이름xyz" in j.get_json()["message"]


# -- the search itself --------------------------------------------------------------------
def test_shortest_paths_finds_all_of_equal_length() -> None:
    edges = [("a", "p", "x"), ("x", "p", "b"), ("a", "q", "y"), ("b", "q", "y"), ("a", "p", "z"), ("z", "p", "w"),
             ("w", "p", "b")]
    paths = shortest_paths(PathGraph(edges, []), "a", "b")
    assert sorted([h[1] for h in p] for p in paths) == [["x", "b"], ["y", "b"]]
    assert shortest_paths(PathGraph(edges, []), "a", "b", max_hops=1) == []
    assert shortest_paths(PathGraph(edges, []), "a", "nowhere") == []


@pytest.mark.parametrize("max_hops, expected", [(1, None), (2, [("a", "d1", "x"), ("x", "d2", "b")])])
def test_mention_path_goes_through_documents(max_hops, expected) -> None:
    g = PathGraph([], [("d1", "a"), ("d1", "x"), ("d2", "x"), ("d2", "b"), ("d3", "c")])
    assert mention_path(g, "a", "b", max_hops=max_hops) == expected
    assert mention_path(g, "a", "c") is None
