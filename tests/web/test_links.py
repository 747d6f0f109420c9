"""Links resolve on the server that shows them (issue #21): the IRIs stay under the
base (http://kg.test/ here, http://127.0.0.1:5000/ by default) while the server answers
somewhere else, so every link a page shows is a path on this server; and a name or
alias of an entity in a URL finds the entity's page."""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

import pytest

MOTIE = "/id/gov/" + quote("산업통상자원부")
ALIAS = "/id/gov/" + quote("산업부")

_LINK = re.compile(r'\b(?:href|src|action)="([^"]*)"')


@pytest.mark.parametrize("path", [
    "/", "/search?q=" + quote("반도체"), MOTIE, MOTIE + "/network", "/entities", "/stats",
    "/path?from=" + quote("마키나락스") + "&to=" + quote("산업부"),
    "/query?example=initiatives-per-ministry",
    "/query?query=" + quote("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 20"),
])
def test_no_link_points_at_the_base_host(client, corpus, path: str) -> None:
    r = client.get(path, base_url="http://localhost:5077")
    assert r.status_code == 200
    links = _LINK.findall(r.get_data(as_text=True))
    assert links
    dead = [x for x in links if x.startswith(corpus.base)]
    assert not dead, f"{path} links to the base IRI's host, not this server: {dead[:3]}"


def test_document_page_links_stay_on_this_server(client, corpus) -> None:
    r = client.get(corpus.path(corpus.ai), base_url="http://localhost:5077")
    links = _LINK.findall(r.get_data(as_text=True))
    assert any(x.startswith("/id/gov/") for x in links)
    assert not [x for x in links if x.startswith(corpus.base)]


def test_an_alias_in_the_url_goes_to_the_canonical_page(client) -> None:
    r = client.get(ALIAS)
    assert r.status_code == 302
    assert r.headers["Location"] == MOTIE                    # a path: whatever the Host
    assert client.get(ALIAS, follow_redirects=True).status_code == 200


@pytest.mark.parametrize("tail", [".json", ".csv", ".ttl", "/network", "/network.json", "?page=2"])
def test_an_alias_keeps_the_twin_sub_page_and_query(client, tail: str) -> None:
    r = client.get(ALIAS + tail)
    assert r.status_code == 302
    assert r.headers["Location"] == MOTIE + tail


def test_an_alias_redirect_ignores_the_host_header(client) -> None:
    r = client.get(ALIAS, headers={"Host": "evil.example"})
    assert "evil.example" not in r.headers["Location"]


def test_an_english_name_and_spaces_as_underscores_find_the_page(client) -> None:
    r = client.get("/id/gov/motie")
    assert r.status_code == 302 and unquote(r.headers["Location"]) == "/id/gov/산업통상자원부"


def test_an_unknown_name_is_still_a_404(client) -> None:
    assert client.get("/id/gov/" + quote("없는기관")).status_code == 404
    assert client.get("/id/gov/" + quote("없는기관") + ".json").status_code == 404
