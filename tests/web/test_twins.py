"""A page and its JSON twin come from one payload (web.helpers.page_or_json): what the
JSON says is what the page was rendered from, under the same names."""
from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask, template_rendered
from flask.testing import FlaskClient

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
