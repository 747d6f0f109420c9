"""The network view around an entity and the path view between two entities, with
their JSON and CSV twins."""
from __future__ import annotations

import csv
import io
import re

import pytest

from web.network import _Graph, mention_path, shortest_paths

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
    paths = shortest_paths(_Graph(edges, []), "a", "b")
    assert sorted([h[1] for h in p] for p in paths) == [["x", "b"], ["y", "b"]]
    assert shortest_paths(_Graph(edges, []), "a", "b", max_hops=1) == []
    assert shortest_paths(_Graph(edges, []), "a", "nowhere") == []


@pytest.mark.parametrize("max_hops, expected", [(1, None), (2, [("a", "d1", "x"), ("x", "d2", "b")])])
def test_mention_path_goes_through_documents(max_hops, expected) -> None:
    g = _Graph([], [("d1", "a"), ("d1", "x"), ("d2", "x"), ("d2", "b"), ("d3", "c")])
    assert mention_path(g, "a", "b", max_hops=max_hops) == expected
    assert mention_path(g, "a", "c") is None
