"""`kg ingest https://…`: pages and files fetched from a real HTTP server started here
(loopback), loaded as the files would be, keyed by their address; every failure (404,
refused connection, too large, unsupported) is reported with the address, Korean first,
and the batch goes on."""
from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

import docgen
from ingest.loaders.fetch import load_url
from core.model import Document
from app.cli import main
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings

BASE = "http://kg.test/"
HTML = ("<html><head><meta charset='utf-8'><title>산업부, 'AI 자율제조 전략' 발표</title></head><body>"
        "<article><p>산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. LG전자와 마키나락스가 참여한다.</p>"
        "</article></body></html>")
CP949 = "중소벤처기업부는 3일 '스마트공장 고도화 방안'을 발표했다.".encode("cp949")
PDF = docgen.make_pdf(["과학기술정보통신부는 '디지털 전략'을 발표했다."], korean=True, title="디지털 전략")
FEED = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>보도자료</title>"
        "<item><title>첫 소식</title><link>https://example.org/1</link><description>환경부는 '탄소중립 계획'을 "
        "발표했다.</description></item></channel></rss>")

PAGES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/press/view.do": (200, {"Content-Type": "text/html; charset=utf-8"}, HTML.encode("utf-8")),
    "/brief": (200, {"Content-Type": "text/plain; charset=euc-kr"}, CP949),
    "/download?id=7": (200, {"Content-Type": "application/octet-stream",
                              "Content-Disposition": "attachment; filename*=UTF-8''%EB%94%94%EC%A7%80%ED%84%B8.pdf"}, PDF),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, FEED.encode("utf-8")),
    "/old": (301, {"Location": "/press/view.do"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "/big": (200, {"Content-Type": "text/plain", "Content-Length": str(3 * 1024 * 1024)}, b""),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, headers, body = PAGES.get(self.path, (404, {"Content-Type": "text/html"}, "<p>없음</p>".encode()))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.path != "/big":
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def loaded(url: str, max_bytes: int | None = 1024 * 1024) -> list:
    return list(load_url(url, max_bytes, timeout=5))


def test_a_page_a_cp949_text_an_attachment_and_a_feed_load_under_their_address(site: str) -> None:
    (page,) = loaded(site + "/press/view.do")
    assert isinstance(page, Document) and page.title == "산업부, 'AI 자율제조 전략' 발표"
    assert page.source == page.key == page.url == site + "/press/view.do"
    assert "마키나락스가 참여한다" in page.text
    (brief,) = loaded(site + "/brief")
    assert isinstance(brief, Document) and brief.text == "중소벤처기업부는 3일 '스마트공장 고도화 방안'을 발표했다."
    (pdf,) = loaded(site + "/download?id=7")      # octet-stream: the server's file name tells the format
    assert isinstance(pdf, Document) and "디지털 전략" in pdf.text and pdf.source == site + "/download?id=7"
    (item,) = loaded(site + "/feed")
    assert isinstance(item, Document) and item.url == "https://example.org/1"   # the feed item's own link
    assert item.source == site + "/feed" and item.key.startswith(site + "/feed#")
    (moved,) = loaded(site + "/old")                # a redirect: the document links where it landed
    assert isinstance(moved, Document) and moved.key == site + "/old" and moved.url == site + "/press/view.do"


@pytest.mark.parametrize("path,words", [
    ("/missing", ["404", "웹 서버가"]),
    ("/big", ["너무 큽니다", "3.0 MB"]),
    ("/image.png", ["PNG"]),
    ("/to-file", ["file:///etc/passwd"]),
])
def test_what_cannot_be_fetched_or_read_is_one_error_naming_the_address(site: str, path: str, words: list[str]) -> None:
    (err,) = loaded(site + path)
    assert isinstance(err, Exception) and str(err).startswith(site + path + ": ")
    assert all(w in str(err) for w in words), str(err)


def test_a_refused_connection_is_reported(site: str) -> None:
    import socket  # noqa: PLC0415

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (err,) = loaded(f"http://127.0.0.1:{port}/x")
    assert "연결을 거부했습니다" in str(err)


def test_kg_ingest_takes_addresses_with_files_and_reports_failures(site: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    local = tmp_path / "local.txt"
    local.write_text("기획재정부는 '경제정책방향'을 발표했다.", encoding="utf-8")
    runner, env = CliRunner(), {"KG_BASE_IRI": BASE, "KG_WORKERS": "1"}
    args = ["ingest", site + "/press/view.do", site + "/missing", str(local), "--data-dir", str(data)]
    res = runner.invoke(main, args, env=env)
    assert res.exit_code == 0, res.output
    assert "새로 수집 2건" in res.output and "실패 1건" in res.output
    assert f"실패: {site}/missing: 웹 서버가 404" in res.output
    failures = (data / "ingest-failures.tsv").read_text(encoding="utf-8")
    assert failures.startswith(site + "/missing\t")
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        hits = kg.search("마키나락스").hits
        assert [h.source for h in hits] == [site + "/press/view.do"] and hits[0].url == site + "/press/view.do"
    PAGES["/missing"] = PAGES["/brief"]                            # the page exists now: a retry takes it
    try:
        res = runner.invoke(main, ["ingest", "--retry-failed", "--data-dir", str(data)], env=env)
        assert "새로 수집 1건" in res.output and not (data / "ingest-failures.tsv").exists()
    finally:
        del PAGES["/missing"]
    again = runner.invoke(main, args[:2] + ["--data-dir", str(data)], env=env)
    assert "변경 없음 1건" in again.output                          # the same page again: unchanged
    res = runner.invoke(main, ["ingest", "ftp://example.org/x", "--data-dir", str(data)], env=env)
    assert res.exit_code == 2 and "http나 https 주소만" in res.output


def test_the_json_of_a_fetched_document_names_its_address(site: str, tmp_path: Path) -> None:
    runner, env = CliRunner(), {"KG_BASE_IRI": BASE, "KG_WORKERS": "1"}
    data = tmp_path / "data"
    assert runner.invoke(main, ["ingest", site + "/brief", "--data-dir", str(data)], env=env).exit_code == 0
    res = runner.invoke(main, ["search", "스마트공장", "--json", "--data-dir", str(data)], env=env)
    hit = json.loads(res.output)["hits"][0]
    assert hit["source"] == site + "/brief"
