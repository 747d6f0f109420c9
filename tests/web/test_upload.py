"""Upload from the web UI: off without a token (403), CSRF-protected (400), size-limited
(413), and a good upload becomes searchable once the background job is done — after
waiting (대기 중) while another process holds the data directory."""
from __future__ import annotations

import io
import re
import time
from pathlib import Path
from typing import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.store.locks import WriterLock
from kg.settings import Settings
from kg.write.upload_queue import safe_name
from web import create_app

BASE = "http://kg.test/"
TOKEN = "시크릿-token-123"
TEXT = ("과학기술정보통신부는 14일 '양자과학기술 산업화 전략'을 발표했다. 정부는 2035년까지 "
        "양자컴퓨터 전문 인력 2천 명을 길러 내기로 했다.")


def make_app(tmp_path: Path, **kw: object) -> Flask:
    s = Settings(data_dir=tmp_path / "data", base_iri=BASE, **kw)  # type: ignore[arg-type]
    app = create_app(s, query_workers=0)
    app.config["TESTING"] = True
    return app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(tmp_path, upload_token=TOKEN, max_upload_mb=1)
    app.extensions["upload"].queue.retry_seconds = 0.2
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


def csrf(client: FlaskClient) -> str:
    html = client.get("/upload").get_data(as_text=True)
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, html
    return m.group(1)


def login(client: FlaskClient) -> str:
    res = client.post("/upload/login", data={"token": TOKEN, "csrf_token": csrf(client)})
    assert res.status_code == 303, res.get_data(as_text=True)
    return csrf(client)


def upload(client: FlaskClient, token: str, name: str = "양자 전략(초안).txt", data: bytes = TEXT.encode(),
           **kw: object):  # noqa: ANN201
    return client.post("/upload", data={"csrf_token": token, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data", **kw)


def wait_for(client: FlaskClient, want: set[str], timeout: float = 120.0, **kw: object) -> list[dict]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = client.get("/upload/status.json", **kw).get_json()["jobs"]
        if jobs and all(j["status"] in want for j in jobs):
            return jobs
        time.sleep(0.2)
    raise AssertionError(f"jobs not {want}: {jobs}")


def test_upload_is_off_without_a_token(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    client = app.test_client()
    page = client.get("/upload")
    assert page.status_code == 200 and "업로드가 꺼져 있습니다" in page.get_data(as_text=True)
    assert client.get("/upload.json").get_json()["enabled"] is False
    res = client.post("/upload", data={"file": (io.BytesIO(b"x"), "a.txt")}, content_type="multipart/form-data")
    assert res.status_code == 403
    assert client.post("/upload", headers={"Authorization": "Bearer anything"}).status_code == 403
    assert client.get("/upload/status.json").status_code == 403
    app.extensions["kg"].close()


def test_no_token_no_upload(app: Flask) -> None:
    client = app.test_client()
    assert upload(client, csrf(client)).status_code == 403  # not logged in
    assert client.post("/upload/login", data={"token": "wrong", "csrf_token": csrf(client)}).status_code == 403
    assert upload(client, csrf(client)).status_code == 403
    res = client.post("/upload", data={"file": (io.BytesIO(b"x"), "a.txt")}, content_type="multipart/form-data",
                      headers={"Authorization": "Bearer wrong"})
    assert res.status_code == 403
    assert client.get("/upload/status.json").status_code == 403


def test_wrong_csrf_is_refused(app: Flask) -> None:
    client = app.test_client()
    assert client.post("/upload/login", data={"token": TOKEN, "csrf_token": "forged"}).status_code == 400
    good = login(client)
    assert upload(client, "forged").status_code == 400
    assert upload(client, "").status_code == 400
    other = app.test_client()  # another browser's CSRF token is no good in this session
    assert upload(client, csrf(other)).status_code == 400
    assert good and not list((Path(app.config["KG_SETTINGS"].data_dir) / "uploads").glob("0*"))


def test_too_large_is_refused(app: Flask) -> None:
    client = app.test_client()
    token = login(client)
    # a real multipart body of 1.8 MB (> 1 MB), as bytes: the test client would spool a
    # dict body to a temporary file that an early 413 leaves unclosed
    body = (f"--b0undary\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{token}\r\n"
            "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + "가".encode() * (600 * 1024) + b"\r\n--b0undary--\r\n"
    res = client.post("/upload", data=body, content_type="multipart/form-data; boundary=b0undary")
    assert res.status_code == 413
    assert "너무 큽니다" in res.get_data(as_text=True)
    assert client.get("/upload/status.json").get_json()["jobs"] == []


def test_a_good_upload_becomes_searchable(app: Flask) -> None:
    client = app.test_client()
    token = login(client)
    res = upload(client, token)
    assert res.status_code == 303 and res.headers["Location"].endswith("/upload/status")
    jobs = wait_for(client, {"done", "failed"})
    assert [j["status"] for j in jobs] == ["done"], jobs
    assert jobs[0]["name"] == "양자 전략(초안).txt" and jobs[0]["documents"] == 1 and jobs[0]["label"] == "완료"
    saved = list((Path(app.config["KG_SETTINGS"].data_dir) / "uploads").glob("0*"))
    assert [p.name for p in saved] == ["000001-양자_전략_초안.txt"]
    hits = client.get("/search.json?q=양자컴퓨터").get_json()
    assert hits["total"] == 1, hits
    page = client.get("/upload/status").get_data(as_text=True)
    assert "완료" in page and "양자 전략(초안).txt" in page
    # a script with the token: no session, no CSRF token
    res = client.post("/upload", data={"file": (io.BytesIO("환경부는 회의를 열었다.".encode()), "b.txt")},
                      content_type="multipart/form-data", headers={"Authorization": f"Bearer {TOKEN}"})
    assert res.status_code == 202 and res.get_json()["jobs"][0]["status"] == "queued"
    # an upload no loader can read fails with its reason
    upload(client, token, "picture.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    jobs = {j["name"]: j for j in wait_for(client, {"done", "failed"})}
    assert jobs["b.txt"]["status"] == "done"
    assert jobs["picture.png"]["status"] == "failed" and "unsupported format" in jobs["picture.png"]["message"]
    assert jobs["picture.png"]["message"].startswith("지원하지 않는 형식입니다: '.png' 파일(PNG 이미지로 보입니다)")
    assert "/uploads/" not in jobs["picture.png"]["message"]  # no server paths in the reason


def test_the_job_waits_while_another_process_writes(app: Flask) -> None:
    client = app.test_client()
    token = login(client)
    data_dir = app.config["KG_SETTINGS"].data_dir
    with WriterLock(data_dir, "kg ingest corpus/"):
        assert upload(client, token).status_code == 303
        jobs = wait_for(client, {"waiting"}, timeout=30)
        assert jobs[0]["label"] == "대기 중" and "kg ingest corpus/" in jobs[0]["message"]
        assert "대기 중" in client.get("/upload/status").get_data(as_text=True)
    jobs = wait_for(client, {"done", "failed"})
    assert jobs[0]["status"] == "done", jobs


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd", "passwd"), ("보도자료 2024.03.07.HWP", "보도자료_2024.03.07.hwp"),
    (".bashrc", "upload.bashrc"), ("a\x00b\n.txt", "ab.txt"), ("", "upload"), ("C:\\temp\\x.md", "x.md"),
])
def test_safe_names(name: str, safe: str) -> None:
    assert safe_name(name) == safe


class _Page(__import__("http.server").server.BaseHTTPRequestHandler):
    """A press release on a web server of this machine (loopback)."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path != "/press/view.do":
            self.send_error(404)
            return
        body = (f"<html><head><meta charset='utf-8'><title>양자 전략 발표</title></head><body><p>{TEXT}</p>"
                "</body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    import http.server  # noqa: PLC0415
    import threading  # noqa: PLC0415

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_web_addresses_are_fetched_by_the_job_when_the_admin_allows_local_ones(tmp_path: Path, site: str) -> None:
    app = make_app(tmp_path, upload_token=TOKEN, upload_private_urls=True)
    try:
        client = app.test_client()
        token = login(client)
        res = client.post("/upload", data={"csrf_token": token, "urls": f"{site}/press/view.do\n\n{site}/gone\n"})
        assert res.status_code == 303
        jobs = {j["name"]: j for j in wait_for(client, {"done", "failed"})}
        page = jobs[f"{site}/press/view.do"]
        assert page["status"] == "done" and page["documents"] == 1 and page["path"] == f"{site}/press/view.do"
        assert jobs[f"{site}/gone"]["status"] == "failed"
        assert jobs[f"{site}/gone"]["message"].startswith("웹 서버가 404")      # the address is the job's name
        hit = client.get("/search.json?q=양자컴퓨터").get_json()["hits"][0]
        assert hit["source"] == hit["url"] == f"{site}/press/view.do"
        status = client.get("/upload/status").get_data(as_text=True)
        assert f"<td>{site}/press/view.do</td>" in status and "<td class=\"num\">–</td>" in status
    finally:
        app.extensions["upload"].close()
        app.extensions["kg"].close()


def test_by_default_the_server_fetches_no_address_of_this_machine_or_the_intranet(app: Flask, site: str) -> None:
    client = app.test_client()
    token = login(client)
    for url in (f"{site}/press/view.do", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/"):
        assert client.post("/upload", data={"csrf_token": token, "urls": url}).status_code == 303
    jobs = wait_for(client, {"done", "failed"})
    assert [j["status"] for j in jobs] == ["failed"] * 3
    assert all("내부망을 가리켜" in j["message"] and "KG_UPLOAD_PRIVATE_URLS" in j["message"] for j in jobs), jobs
    assert client.get("/search.json?q=양자컴퓨터").get_json()["total"] == 0
    bad = client.post("/upload", data={"csrf_token": token, "urls": "ftp://example.org/a.txt"})
    assert bad.status_code == 400 and "http나 https" in bad.get_data(as_text=True)
    none = client.post("/upload", data={"csrf_token": token, "urls": "  \n"})
    assert none.status_code == 400 and "웹 주소를 넣어 주세요" in none.get_data(as_text=True)
