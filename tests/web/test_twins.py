"""A page and its JSON twin come from one payload (web.helpers.page_or_json): what the
JSON says is what the page was rendered from, under the same names (the pages over
the session's corpus, and the saved, watch and upload pages over a data directory of their own)."""
from __future__ import annotations

import json
import time
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
