"""The /watch page: everyone sees the watched sources and their state; only the holder
of the upload token adds or removes them (CSRF-protected); a source added on the web is
fetched from public addresses only."""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask

from kg.write.watch import Fetch, WatchList
from tests.web.test_upload import TOKEN, csrf, login, make_app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(tmp_path, upload_token=TOKEN)
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


def test_page_shows_sources_with_their_state_and_error(app: Flask, tmp_path: Path) -> None:
    with WatchList(tmp_path / "data") as wl:
        ok = wl.add("https://www.korea.kr/rss/dept_motie.xml", 3600)
        bad = wl.add("https://www.example.go.kr/press/list.do", 86400)
        wl.record(ok, Fetch(time.time(), "new", 3, 3, 0, "새 항목 3건: 3건 수집"))
        wl.record(bad, Fetch(time.time(), "failed", 0, 0, 0, "웹 서버가 503 Service Unavailable 오류로 답했습니다"))
    client = app.test_client()
    html = client.get("/watch").get_data(as_text=True)
    assert "dept_motie.xml" in html and "1h" in html and "1d" in html
    assert "503 Service Unavailable" in html and "실패" in html
    assert "자동 확인 꺼짐" in html and "kg watch run --forever" in html
    assert "지켜보기</button>" not in html  # not logged in: no form
    data = client.get("/watch.json").get_json()
    assert [(s["url"], s["last_status"], s["items_total"]) for s in data["sources"]] == [
        ("https://www.korea.kr/rss/dept_motie.xml", "new", 3), ("https://www.example.go.kr/press/list.do", "failed", 0)]
    assert data["sources"][1]["last_error"].startswith("웹 서버가 503") and data["poller_running"] is False
    with WatchList(tmp_path / "data") as wl:
        wl.beat()
    assert client.get("/watch.json").get_json()["poller_running"] is True


def test_only_the_token_holder_adds_and_removes(app: Flask, tmp_path: Path) -> None:
    client = app.test_client()
    assert client.post("/watch", data={"url": "https://www.korea.kr/rss/dept_msit.xml"}).status_code == 403
    token = login(client)
    html = client.get("/watch").get_data(as_text=True)
    assert "지켜보기</button>" in html
    assert client.post("/watch", data={"url": "https://www.korea.kr/rss/dept_msit.xml", "every": "6h"}).status_code == 400  # no CSRF
    res = client.post("/watch", data={"url": "https://www.korea.kr/rss/dept_msit.xml", "every": "6h", "csrf_token": token})
    assert res.status_code == 303
    bad = client.post("/watch", data={"url": "file:///etc/passwd", "csrf_token": token})
    assert bad.status_code == 400 and "http" in bad.get_data(as_text=True)
    short = client.post("/watch", data={"url": "https://www.korea.kr/rss/x.xml", "every": "5s", "csrf_token": token})
    assert short.status_code == 400 and "1분" in short.get_data(as_text=True)
    with WatchList(tmp_path / "data") as wl:
        [source] = wl.sources()
    assert (source.every, source.public_only) == (6 * 3600, 1)
    html = client.get("/watch").get_data(as_text=True)
    assert "dept_msit.xml" in html and "6h" in html
    form = re.search(r'action="(/watch/\d+/remove)"', html)
    assert form and client.post(form.group(1), data={"csrf_token": token}).status_code == 303
    assert "아직 지켜보는 출처가 없습니다" in client.get("/watch").get_data(as_text=True)


def test_bearer_token_client_gets_json(app: Flask) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {TOKEN}".encode().decode("latin-1")}
    res = client.post("/watch", data={"url": "https://www.korea.kr/rss/dept_me.xml"}, headers=auth)
    assert res.status_code == 201 and res.get_json()["source"]["every"] == "1h"
    sid = res.get_json()["source"]["id"]
    assert client.post(f"/watch/{sid}/remove", headers=auth).get_json() == {"ok": True, "removed": sid}
    assert client.post(f"/watch/{sid}/remove", headers=auth).status_code == 404


def test_watch_is_read_only_without_token(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    try:
        client = app.test_client()
        assert client.get("/watch").status_code == 200
        assert client.post("/watch", data={"url": "https://www.korea.kr/rss/dept_me.xml"}).status_code == 403
        assert csrf  # the shared helper stays importable
    finally:
        app.extensions["upload"].close()
        app.extensions["kg"].close()
