"""Query short links (/q/<id>): made by a POST from the /query and /search pages,
followed by a GET that redirects to the page; never anywhere else (kg.shortlinks,
web.shortlinks)."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import quote, urlencode

import pytest


QUERY = "SELECT ?t WHERE { ?d <http://purl.org/dc/terms/title> ?t FILTER(CONTAINS(?t, \"반도체\")) }"
QUERY_URL = "/query?" + urlencode({"query": QUERY})


def make(client, url: str, **headers: str):
    return client.post("/q", data={"url": url}, headers=headers)


def test_a_query_gets_a_short_link_that_leads_back_to_it(client) -> None:
    r = make(client, QUERY_URL, Accept="application/json")
    assert r.status_code == 201
    link = r.get_json()
    assert re.fullmatch(r"/q/[a-z2-7]{8}", link["path"]) and link["target"] == QUERY_URL
    assert len(link["path"]) < len(QUERY_URL) / 5
    back = client.get(link["path"])
    assert back.status_code == 302 and back.headers["Location"] == QUERY_URL
    page = client.get(link["path"], follow_redirects=True)
    assert page.status_code == 200 and "반도체" in page.get_data(as_text=True)


def test_the_same_address_gets_the_same_link_and_another_another(client) -> None:
    first = make(client, QUERY_URL, Accept="application/json").get_json()["path"]
    again = make(client, QUERY_URL, Accept="application/json").get_json()["path"]
    other = make(client, "/search?q=" + quote("반도체"), Accept="application/json").get_json()["path"]
    assert first == again != other
    assert client.get(other).headers["Location"] == "/search?q=" + quote("반도체")


def test_without_javascript_the_post_answers_a_page_with_the_link(client) -> None:
    r = make(client, "/search?q=" + quote("자율제조"))
    assert r.status_code == 201 and r.mimetype == "text/html"
    path = re.search(r'<a href="(/q/[a-z2-7]+)"><code>', r.get_data(as_text=True)).group(1)
    assert client.get(path).status_code == 302


@pytest.mark.parametrize("url, location", [
    ("http://evil.example/search?q=x", "/search?q=x"),     # the host is ignored: the link points here
    ("//evil.example/query?query=ASK%7B%7D", "/query?query=ASK%7B%7D"),
    ("http://localhost:5077/search?q=%EB%B0%98", "/search?q=%EB%B0%98"),
])
def test_a_short_link_only_ever_points_at_this_server(client, url: str, location: str) -> None:
    path = make(client, url, Accept="application/json").get_json()["path"]
    assert client.get(path).headers["Location"] == location


@pytest.mark.parametrize("url", ["/upload", "/id/gov/x", "/query/../upload", "https://evil.example/", "", "/q/abc"])
def test_only_query_and_search_addresses_are_taken(client, url: str) -> None:
    r = make(client, url)
    assert r.status_code == 400 and "짧은 링크는 SPARQL 질의(/query)와 검색(/search) 주소만" in r.get_data(as_text=True)


def test_an_unknown_link_is_a_404_and_a_get_never_makes_one(client) -> None:
    assert client.get("/q/aaaaaaaa").status_code == 404
    assert client.get("/q/..%2Fetc").status_code == 404
    assert client.get("/q", query_string={"url": QUERY_URL}).status_code == 405   # making one takes a POST


@pytest.mark.parametrize("path", ["/query?" + urlencode({"query": QUERY}), "/search?q=" + quote("반도체")])
def test_query_and_search_pages_have_the_button(client, path: str) -> None:
    page = client.get(path).get_data(as_text=True)
    form = re.search(r'<form class="shortlink" action="/q" method="post">.*?</form>', page, re.S)
    assert form and "짧은 링크</button>" in form.group(0)
    url = unescape(re.search(r'name="url" value="([^"]*)"', form.group(0)).group(1))
    made = make(client, url, Accept="application/json").get_json()
    assert made["target"] == url
