"""A page and its JSON twin come from one payload (web.helpers.page_or_json): what the
JSON says is what the page was rendered from, under the same names (the pages over
the session's corpus, and the saved, watch and upload pages over a data directory of their own)."""
from __future__ import annotations

import json
import re
import time
from html import escape
from pathlib import Path
from typing import Any, Iterator

import pytest
from flask import Flask, template_rendered
from flask.testing import FlaskClient

from kg.write.saved import Hit, SavedViews
from kg.write.watch import Fetch, WatchList
from tests.web.test_upload import BASE, TOKEN, login, make_app, upload, wait_for

MOTIE = "/id/gov/산업통상자원부"

# (page, the name its template reads the payload by; None: each key by its own name)
PAGES = [
    ("/", None),
    ("/search?q=발표", "data"),
    ("/entities", "data"),
    ("/entities?type=COMPANY&q=마키", "data"),
    ("/calendar", None),
    ("/stats", "stats"),
    (MOTIE, "ent"),
    ("/id/company/마키나락스", "ent"),
    (MOTIE + "/network", "data"),
]


def _rendered(app: Flask, client: FlaskClient, url: str) -> dict[str, Any]:
    seen: list[dict[str, Any]] = []

    def record(sender: Flask, template: Any, context: dict[str, Any], **extra: Any) -> None:
        seen.append(context)

    with template_rendered.connected_to(record, app):
        r = client.get(url)
    assert r.status_code == 200 and r.content_type.startswith("text/html")
    return seen[0]


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize(("url", "name"), PAGES)
def test_the_page_shows_what_its_json_twin_says(app: Flask, client: FlaskClient, url: str, name: str | None) -> None:
    context = _rendered(app, client, url)
    r = client.get(url, headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.content_type.startswith("application/json")
    twin = r.get_json()
    page = context[name] if name else {k: context.get(k) for k in twin}
    assert _plain(page) == twin


def test_a_document_page_and_its_twin(app: Flask, client: FlaskClient, corpus: Any) -> None:
    url = corpus.path(corpus.ai)
    context = _rendered(app, client, url)
    assert _plain(context["doc"]) == client.get(url + ".json").get_json()


@pytest.fixture()
def own_app(tmp_path: Path) -> Iterator[Flask]:
    """An app of its own, with the upload login on: a saved view with a hit, a watched
    source with a fetch, a finished upload."""
    app = make_app(tmp_path, upload_token=TOKEN)
    data = tmp_path / "data"
    with SavedViews(data) as sv:
        view = sv.add("반도체 소식", "search", {"q": "반도체"}, cursor=0)
        sv.add_hits([Hit(view.id, "k1", time.time(), "삼성전자 → 참여 → 반도체 전략", doc=BASE + "id/doc/abc",
                         title="반도체 전략 발표", date="2026-04-12", sentence="삼성전자가 간담회에 참석했다.")])
    with WatchList(data) as wl:
        source = wl.add("https://www.korea.kr/rss/dept_motie.xml", 3600)
        wl.record(source, Fetch(time.time(), "new", 3, 3, 0, "새 항목 3건: 3건 수집"))
        wl.beat()
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


def test_the_saved_watch_and_upload_pages_show_what_their_twins_say(own_app: Flask) -> None:
    client = own_app.test_client()
    token = login(client)
    assert upload(client, token).status_code == 303
    wait_for(client, {"done", "failed"})  # a job that still runs changes between page and twin
    for url in ("/saved", "/saved/1", "/watch", "/upload", "/upload/status"):
        context = _rendered(own_app, client, url)
        twin = client.get(url, headers={"Accept": "application/json"}).get_json()
        assert twin, url
        assert _plain({k: context.get(k) for k in twin}) == twin, url


def _news_items(html: str) -> list[str]:
    section = re.search(r'<section aria-labelledby="news-title".*?</section>', html, re.S)
    return re.findall(r'<span class="view-name">', section.group(0)) if section else []


def test_news_lists_on_page_and_twin_are_the_same_and_offer_the_rest(tmp_path: Path) -> None:
    """With more hits than a page shows, the page lists what its twin lists, says how many
    there are in all, and links to the rest (which the twin names too)."""
    app = make_app(tmp_path)
    now = time.time()
    with SavedViews(tmp_path / "data") as sv:
        view = sv.add("반도체 소식", "search", {"q": "반도체"}, cursor=0)
        sv.add_hits([Hit(view.id, f"k{i}", now - i, f"반도체 문서 {i}", doc=BASE + f"id/doc/d{i}", title=f"문서 {i}")
                     for i in range(75)])
    client = app.test_client()
    try:
        for url, shown in (("/", 8), ("/saved", 20), ("/saved?news=40", 40)):
            html = client.get(url).get_data(as_text=True)
            twin = client.get(url, headers={"Accept": "application/json"}).get_json()
            assert len(twin["news"]) == len(_news_items(html)) == shown, url
            assert twin["news_total"] == 75 and f"75건 중 최근 {shown}건" in html, url
            assert twin["news_more"] and f'href="{escape(twin["news_more"])}">새 소식 더 보기' in html, url
        more = client.get("/saved", headers={"Accept": "application/json"}).get_json()["news_more"]
        assert len(client.get(more, headers={"Accept": "application/json"}).get_json()["news"]) == 40
        assert client.get("/saved?news=80").get_json() is None  # a page, not JSON
        assert "새 소식 더 보기" not in client.get("/saved?news=80").get_data(as_text=True)  # all 75 shown
        assert client.get("/saved?news=many").status_code == 400

        html = client.get(f"/saved/{view.id}").get_data(as_text=True)
        twin = client.get(f"/saved/{view.id}.json").get_json()
        assert len(twin["hits"]) == html.count("<li><strong>") == 50 and twin["total"] == 75
        assert "새 소식 75건 중 최근 50건" in html and f'href="{escape(twin["more"])}">더 보기' in html
        rest = client.get(twin["more"], headers={"Accept": "application/json"}).get_json()
        assert len(rest["hits"]) == 75 and rest["more"] is None
    finally:
        app.extensions["upload"].close()
        app.extensions["kg"].close()
