"""Watched sources (kg watch): a real HTTP server on loopback serves a ministry's feed and
listing page that change between polls; new items are ingested through the real pipeline."""
from __future__ import annotations

import hashlib
import http.server
import json
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from app.cli import main
from app.cli_watch import ingest_function, schedule
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.write.watch import WatchError, WatchList, backoff, parse_every
from kg.write.watch_poll import Answer, listing_links, poll, run_due

RELEASE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><p>{body}</p></body></html>"""


def _rss(items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>/release/{i}.html</link><guid>motie-{i}</guid>"
                      f"<pubDate>Mon, 07 Dec 2026 09:00:00 +0900</pubDate></item>" for i, t in items)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>보도자료</title>{entries}</channel></rss>'


class Site:
    """Pages by path, each served with an ETag; every request is logged."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, str]] = {}
        self.requests: list[tuple[str, str | None]] = []
        self.fail: set[str] = set()

    def handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                site.requests.append((self.path, self.headers.get("If-None-Match")))
                if self.path in site.fail or self.path not in site.pages:
                    self.send_error(500 if self.path in site.fail else 404)
                    return
                text, ctype = site.pages[self.path]
                body = text.encode("utf-8")
                etag = '"' + hashlib.sha1(body).hexdigest() + '"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def fetched(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture()
def site() -> Iterator[tuple[Site, str]]:
    s = Site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), s.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _release(site: Site, n: int, title: str, body: str) -> None:
    site.pages[f"/release/{n}.html"] = (RELEASE.format(title=title, body=body), "text/html; charset=utf-8")


def _documents(settings: Settings) -> set[str]:
    with KnowledgeGraph(settings) as kg:
        rows = kg.store.query("SELECT ?t WHERE { ?d a kgo:Document ; dcterms:title ?t }")
        return {str(r[0]) for r in rows}


def test_feed_is_followed_incrementally(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    _release(s, 1, "산업부, AI 자율제조 얼라이언스 출범", "산업통상자원부는 7일 AI 자율제조 얼라이언스를 출범시켰다.")
    _release(s, 2, "중기부, 스마트공장 지원사업 공고", "중소벤처기업부는 스마트공장 구축 지원사업 참여기업을 모집한다.")
    s.pages["/rss.xml"] = (_rss([("2", "스마트공장"), ("1", "얼라이언스")]), "application/rss+xml")
    settings = Settings.from_env(data_dir=tmp_path)
    ingest = ingest_function(settings)
    with WatchList(tmp_path) as wl:
        source = wl.add(base + "/rss.xml", parse_every("1h"))
        first = poll(wl, source, ingest)
        assert (first.status, first.new, first.ingested) == ("new", 2, 2), first.message
        assert {"산업부, AI 자율제조 얼라이언스 출범", "중기부, 스마트공장 지원사업 공고"} <= _documents(settings)

        # unchanged feed: the server answers 304 to the validator, no release fetched again
        second = poll(wl, wl.get(str(source.id)), ingest)
        assert second.status == "unchanged"
        assert s.requests[-1] == ("/rss.xml", s.requests[0][1] or s.requests[-1][1])
        assert s.requests[-1][1] is not None  # If-None-Match was sent
        assert s.fetched("/release/1.html") == 1 and s.fetched("/release/2.html") == 1

        # a new entry: only it is fetched
        _release(s, 3, "산업부, 제3차 반도체 전략회의 개최", "안덕근 장관은 제3차 반도체 전략회의를 주재했다.")
        s.pages["/rss.xml"] = (_rss([("3", "전략회의"), ("2", "스마트공장"), ("1", "얼라이언스")]), "application/rss+xml")
        third = poll(wl, wl.get(str(source.id)), ingest)
        assert (third.status, third.new, third.ingested) == ("new", 1, 1)
        assert s.fetched("/release/1.html") == 1 and s.fetched("/release/3.html") == 1
        assert "산업부, 제3차 반도체 전략회의 개최" in _documents(settings)
        state = wl.get(str(source.id))
        assert state.items_total == 3 and state.last_error is None and [f.status for f in wl.fetches(state)] == [
            "new", "unchanged", "new"]


def test_listing_page_links_lead_to_releases_and_attachments(site: tuple[Site, str]) -> None:
    _, base = site
    page = """<html><body><nav><a href="/">홈</a><a href="/press/list.do?page=2">2</a>
      <a href="javascript:fn_view('9')">스크립트로 여는 글</a><a href="https://other.example/news/view?id=1">다른 누리집 기사입니다</a></nav>
      <ul><li><a href="/press/view.do?newsId=101">산업부, 수출 지원 대책 발표</a>
          <a href="/files/101.hwpx">첨부</a></li>
      <li><a href="view.do?newsId=102#top">과기정통부, 6G 전략 수립 착수</a>
          <a href="/common/fileDown.do?atchFileId=7">붙임 PDF</a></li>
      <li><a href="/press/view.do?newsId=103">짧음</a></li></ul></body></html>"""
    links = listing_links(page, base + "/press/list.do")
    assert links == [base + "/press/view.do?newsId=101", base + "/files/101.hwpx",
                     base + "/press/view.do?newsId=102", base + "/common/fileDown.do?atchFileId=7"]


def test_listing_page_source_ingests_new_releases(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    _release(s, 1, "과기정통부, 양자 전략 발표", "과학기술정보통신부는 양자 과학기술 전략을 발표했다.")
    s.pages["/list.html"] = ('<html><body><a href="/release/1.html">과기정통부, 양자 전략 발표</a></body></html>',
                             "text/html; charset=utf-8")
    settings = Settings.from_env(data_dir=tmp_path)
    with WatchList(tmp_path) as wl:
        source = wl.add(base + "/list.html")
        result = poll(wl, source, ingest_function(settings))
        assert (result.status, result.ingested) == ("new", 1)
    assert "과기정통부, 양자 전략 발표" in _documents(settings)


def test_failing_source_keeps_schedule_with_backoff_and_shows_its_error(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    s.pages["/rss.xml"] = (_rss([]), "application/rss+xml")
    s.fail.add("/rss.xml")
    with WatchList(tmp_path) as wl:
        source = wl.add(base + "/rss.xml", 3600)
        for n in (1, 2):
            before = time.time()
            result = poll(wl, wl.get(str(source.id)), lambda u, d: (0, []))
            state = wl.get(str(source.id))
            assert result.status == "failed" and "500" in state.last_error and state.failures == n
            assert state.next_due >= before + backoff(3600, n) - 1 and backoff(3600, n) == 3600 * 2 ** n
        assert wl.due(time.time()) == []  # still watched, not due again for a while
        s.fail.clear()
        ok = poll(wl, wl.get(str(source.id)), lambda u, d: (0, []))
        state = wl.get(str(source.id))
        assert ok.status == "unchanged" and state.failures == 0 and state.last_error is None
        assert state.next_due == pytest.approx(state.last_checked + 3600)


def test_item_that_fails_is_retried_then_given_up(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    s.pages["/rss.xml"] = (_rss([("404", "없는 글")]), "application/rss+xml")
    calls: list[list[str]] = []

    def ingest(urls: list[str], docs: list) -> tuple[int, list[tuple[str, str]]]:
        calls.append(urls)
        return 0, [(u, "웹 서버가 404 Not Found 오류로 답했습니다") for u in urls]

    with WatchList(tmp_path) as wl:
        source = wl.add(base + "/rss.xml")
        results = []
        for _ in range(4):
            s.pages["/rss.xml"] = (s.pages["/rss.xml"][0] + " ", "application/rss+xml")  # a new ETag each time
            results.append(poll(wl, wl.get(str(source.id)), ingest))
    assert [r.failed for r in results] == [1, 1, 1, 0]
    assert "404" in results[0].message and len(calls) == 3


def test_scheduler_polls_due_sources(site: tuple[Site, str], tmp_path: Path) -> None:
    from apscheduler.schedulers.background import BackgroundScheduler

    s, base = site
    s.pages["/rss.xml"] = (_rss([]), "application/rss+xml")
    seen: list[str] = []
    with WatchList(tmp_path) as wl:
        wl.add(base + "/rss.xml", 3600)
        scheduler = BackgroundScheduler()
        schedule(scheduler, wl, lambda u, d: (0, []), tick=0.2)
        scheduler.start()
        try:
            deadline = time.time() + 10
            while time.time() < deadline and not wl.sources()[0].last_checked:
                time.sleep(0.1)
            time.sleep(0.6)  # a few more ticks: the source is not due again for an hour
        finally:
            scheduler.shutdown()
        seen = [p for p, _ in s.requests]
    assert seen == ["/rss.xml"]


def test_cli_add_list_remove_and_errors(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    s.pages["/rss.xml"] = (_rss([]), "application/rss+xml")
    runner = CliRunner()
    d = ["--data-dir", str(tmp_path)]
    r = runner.invoke(main, ["watch", "add", base + "/rss.xml", "--every", "30m", *d])
    assert r.exit_code == 0 and "30m" in r.output
    assert "이미 지켜보는" in runner.invoke(main, ["watch", "add", base + "/rss.xml", *d]).output
    assert "1분" in runner.invoke(main, ["watch", "add", base + "/x", "--every", "10s", *d]).output
    assert "http" in runner.invoke(main, ["watch", "add", "ftp://example.org/feed", *d]).output
    r = runner.invoke(main, ["watch", "run", *d])
    assert r.exit_code == 0 and ("변경 없음" in r.output or "새 항목 없음" in r.output)
    listed = json.loads(runner.invoke(main, ["watch", "list", "--json", *d]).output)
    assert [(x["url"], x["every"], x["last_status"]) for x in listed] == [(base + "/rss.xml", "30m", "unchanged")]
    s.fail.add("/rss.xml")
    r = runner.invoke(main, ["watch", "run", "1", *d])
    assert r.exit_code == 1 and "실패" in r.output and "500" in r.output
    assert "마지막 오류" in runner.invoke(main, ["watch", "list", *d]).output
    assert runner.invoke(main, ["watch", "remove", "1", *d]).exit_code == 0
    assert "없습니다" in runner.invoke(main, ["watch", "list", *d]).output
    assert runner.invoke(main, ["watch", "remove", "7", *d]).exit_code == 1


def test_example_file_adds_nothing_until_asked(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "press-release-feeds.tsv"
    assert not (tmp_path / "watch.sqlite").exists()
    r = CliRunner().invoke(main, ["watch", "add", "--from-file", str(example), "--every", "6h",
                                  "--data-dir", str(tmp_path)])
    assert r.exit_code == 0, r.output
    with WatchList(tmp_path) as wl:
        sources = wl.sources()
    assert len(sources) >= 10 and all(x.url.startswith("https://") and x.last_checked is None for x in sources)


def test_every_parsing() -> None:
    assert [parse_every(x) for x in ("90s", "30m", "1h", "2d", "120")] == [90, 1800, 3600, 172800, 120]
    with pytest.raises(WatchError):
        parse_every("often")


def test_not_a_feed_nor_a_page_is_a_clear_failure(tmp_path: Path) -> None:
    def fetch(url: str, etag: str | None, lm: str | None) -> Answer:
        return Answer(200, b"%PDF-1.4 ...", "application/pdf", url)

    with WatchList(tmp_path) as wl:
        source = wl.add("https://www.example.go.kr/file.pdf")
        result = poll(wl, source, lambda u, d: (0, []), fetch=fetch)
        assert result.status == "failed" and "피드" in result.message
        assert run_due(wl, lambda u, d: (0, []), fetch=fetch) == []  # backing off: not due now


def test_source_added_on_the_web_is_fetched_from_public_addresses_only(site: tuple[Site, str], tmp_path: Path) -> None:
    s, base = site
    s.pages["/rss.xml"] = (_rss([]), "application/rss+xml")
    with WatchList(tmp_path) as wl:
        source = wl.add(base + "/rss.xml", public_only=True)
        result = poll(wl, source, lambda u, d, public_only=False: (0, []))
    assert result.status == "failed" and "내부망" in result.message
    assert s.requests == []  # nothing reached the loopback server
