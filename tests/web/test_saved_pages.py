"""Saved searches and alerts on the web: one click on an entity page makes an alert, a
later ingest fills it, and the page, its Atom feed, its JSON twin (with ?since=) and the
calendar show what is new, with the sentence behind it. Who may save is checked."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ingest_paths
from kg.settings import Settings
from tests.kg.test_alerts import FIRST, SECOND
from tests.web.test_upload import BASE, TOKEN, make_app

ATOM = "{http://www.w3.org/2005/Atom}"


def _ingest(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "docs" / name
    path.write_text(text, encoding="utf-8")
    with KnowledgeGraph(Settings(data_dir=tmp_path / "data", base_iri=BASE)) as kg:
        assert ingest_paths(kg, [path], workers=1).ok


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    _ingest(tmp_path, "first.md", FIRST)
    app = make_app(tmp_path)
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


def _form(client: FlaskClient, page: str, action: str = "/saved") -> dict[str, str]:
    html = client.get(page).get_data(as_text=True)
    m = re.search(rf'<form class="save-view[^"]*" action="{action}" method="post".*?</form>', html, re.S)
    assert m, html
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', m.group(0)))


ALLIANCE = "/id/initiative/" + quote("AI_자율제조_얼라이언스")


def test_one_click_alert_then_news_in_page_feed_and_json(app: Flask, tmp_path: Path) -> None:
    client = app.test_client()
    fields = _form(client, ALLIANCE)
    assert fields["kind"] == "pattern" and fields["entity"].endswith("AI_자율제조_얼라이언스")
    html = client.get(ALLIANCE).get_data(as_text=True)
    assert "이 사업에 새로 참여하는 기업·기관" in html and "이 부처·기관이 새로 발표하는 정책" not in html
    res = client.post("/saved", data={**fields, "pattern": "joins"})
    assert res.status_code == 303
    page = res.headers["Location"]
    assert "아직 새 소식이 없습니다" in client.get(page).get_data(as_text=True)  # LG전자 took part before

    _ingest(tmp_path, "second.md", SECOND)
    html = client.get(page).get_data(as_text=True)
    assert "현대자동차 → 참여 → AI 자율제조 얼라이언스" in html and "새로 참여한다고 밝혔다" in html
    assert "AI 자율제조 얼라이언스에 현대자동차 합류" in html
    home = client.get("/").get_data(as_text=True)
    assert "새 소식" in home and "HD현대 → 참여 → AI 자율제조 얼라이언스" in home

    feed = ET.fromstring(client.get(page + ".atom").data)
    entries = feed.findall(f"{ATOM}entry")
    assert sorted(e.findtext(f"{ATOM}title") for e in entries) == [
        "HD현대 → 참여 → AI 자율제조 얼라이언스", "현대자동차 → 참여 → AI 자율제조 얼라이언스"]
    assert all("새로 참여한다고" in e.findtext(f"{ATOM}content") for e in entries)
    assert all(e.find(f"{ATOM}link").get("href").startswith(BASE + "id/doc/") for e in entries)

    data = client.get(page + ".json").get_json()
    assert len(data["hits"]) == 2 and data["hits"][0]["sentence"]
    assert client.get(page + ".json?since=2999-01-01").get_json()["hits"] == []
    assert client.get(page + ".json?since=yesterday").status_code == 400

    ics = client.get(page + ".ics").get_data(as_text=True)
    assert "BEGIN:VEVENT" in ics and "20301231" in ics


def test_search_and_query_pages_save_what_they_show(app: Flask, tmp_path: Path) -> None:
    client = app.test_client()
    fields = _form(client, "/search?q=" + quote("반도체") + "&type=COMPANY")
    assert fields["q"] == "반도체" and fields["type"] == "COMPANY"
    assert client.post("/saved", data=fields).status_code == 303
    q = "SELECT ?c ?i WHERE { ?c kgo:participatesIn ?i }"
    fields = _form(client, "/query?query=" + quote(q))
    assert fields["query"] == q
    assert client.post("/saved", data={**fields, "name": "참여 관계"}).status_code == 303
    bad = client.post("/saved", data={**fields, "query": "ASK { ?s ?p ?o }", "name": "x"})
    assert bad.status_code == 400 and "SELECT" in bad.get_data(as_text=True)
    _ingest(tmp_path, "second.md", SECOND)
    listed = client.get("/saved.json").get_json()["views"]
    assert [(v["name"], v["hits"]) for v in listed] == [("검색: 반도체", 1), ("참여 관계", 2)]
    html = client.get("/saved").get_data(as_text=True)
    assert "현대자동차 · AI 자율제조 얼라이언스" in html or "AI 자율제조 얼라이언스 · 현대자동차" in html


def test_calendar_lists_deadlines_with_status_filter_and_ics(app: Flask, tmp_path: Path) -> None:
    _ingest(tmp_path, "second.md", SECOND)
    client = app.test_client()
    html = client.get("/calendar?today=2031-01-05").get_data(as_text=True)
    assert "AI 자율제조 얼라이언스" in html and "2030년 말까지" in html and "기한 지남" in html
    data = client.get("/calendar.json?status=upcoming&today=2026-12-07").get_json()
    assert [(i["label"], i["end"]) for i in data["items"]] == [("AI 자율제조 얼라이언스", "2030-12-31")]
    assert client.get("/calendar.json?status=overdue&today=2026-12-07").get_json()["items"] == []
    ics = client.get("/calendar.ics").get_data(as_text=True)
    assert ics.startswith("BEGIN:VCALENDAR") and "SUMMARY:AI 자율제조 얼라이언스: 2030년 12월 (기한)" in ics


def test_who_may_save(tmp_path: Path) -> None:
    _ingest(tmp_path, "first.md", FIRST)
    public = make_app(tmp_path, host="0.0.0.0")
    locked = make_app(tmp_path / "t", upload_token=TOKEN)
    try:
        c = public.test_client()
        assert "알림 받기" not in c.get(ALLIANCE).get_data(as_text=True)
        assert c.post("/saved", data={"kind": "search", "q": "반도체"}).status_code == 403
        c = locked.test_client()
        assert c.post("/saved", data={"kind": "search", "q": "반도체"}).status_code == 403
        auth = {"Authorization": f"Bearer {TOKEN}".encode().decode("latin-1")}
        res = c.post("/saved", data={"kind": "search", "q": "반도체"}, headers=auth)
        assert res.status_code == 201 and res.get_json()["view"]["name"] == "검색: 반도체"
        vid = res.get_json()["view"]["id"]
        assert c.post(f"/saved/{vid}/remove").status_code == 403
        assert c.post(f"/saved/{vid}/remove", headers=auth).get_json() == {"ok": True, "removed": vid}
        assert c.get(f"/saved/{vid}").status_code == 404
    finally:
        for a in (public, locked):
            a.extensions["upload"].close()
            a.extensions["kg"].close()
