"""SPARQL: the `/query` page (editor, example gallery, results table, downloads) and
the `/sparql` endpoint (SPARQL 1.1 Protocol, query only — the endpoint is read-only).

/sparql accepts GET ?query=, POST form-encoded (query=) and POST
application/sparql-query, with default-graph-uri / named-graph-uri; the result format
follows `format=` or the Accept header (see web.sparql_formats).

Refused, each with a clear message: SPARQL Update and SERVICE (403), Graph Store
Protocol writes (an RDF body: 403; PUT/DELETE/PATCH on /sparql, /id/… and /api/…: 405),
queries over MAX_QUERY_CHARS (413), Accept headers over MAX_ACCEPT_CHARS (431); a query
the workers cannot take now (queue full, the client's share in use: 503 with
Retry-After, kg.query_queue) or that needs too much memory (503)."""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, make_response, render_template, request, url_for
from werkzeug.exceptions import MethodNotAllowed

from core.errors import QueryBusy, QueryError, QueryMemoryError, QueryTimeout, StoreError
from kg.read.results import QueryResult, term_json
from kg.store.sparql_text import QueryRefused, check_read_only, query_form
from web.kg_access import get_kg
from web.examples import DEFAULT_QUERY, SPARQL_EXAMPLES
from web.helpers import client_address, error_response, iri_href, json_response, settings, short_iri, wants_json
from web.sparql_formats import NotAcceptable, acceptable_at_all, negotiate, serialize, service_description

bp = Blueprint("sparql", __name__)

HTML_MAX_ROWS = 1000  # rows drawn in the HTML table; downloads get the full row cap
MAX_QUERY_CHARS = 100_000
# the largest body a query can need: 100 000 Hangul syllables, form-encoded (%XX×3 each)
MAX_BODY_BYTES = 1024 * 1024
MAX_ACCEPT_CHARS = 4096  # browsers send ~200; a longer one only makes negotiation slow
WRITE_METHODS = frozenset({"PUT", "DELETE", "PATCH"})
READ_ONLY_PATHS = ("/sparql", "/id/", "/api/")
# Graph Store Protocol bodies: a POST of RDF data is a write
RDF_BODIES = frozenset({"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
                        "application/n-quads", "application/trig", "text/n3", "application/x-turtle"})
READ_ONLY = "이 엔드포인트는 읽기 전용입니다"


@bp.before_app_request
def guard() -> None:
    """App-wide checks before any view: headers too big to negotiate with, and writes."""
    if len(request.headers.get("Accept", "")) > MAX_ACCEPT_CHARS:
        abort(431, f"Accept 헤더가 너무 깁니다 (최대 {MAX_ACCEPT_CHARS:,}자).")
    if request.method in WRITE_METHODS and request.path.startswith(READ_ONLY_PATHS):
        allowed = ["GET", "HEAD", "OPTIONS"] + (["POST"] if request.path == "/sparql" else [])
        raise MethodNotAllowed(valid_methods=allowed,
                               description=f"{READ_ONLY}: {request.method} 요청으로 데이터를 바꿀 수 없습니다 "
                                           "(Graph Store Protocol 쓰기와 SPARQL Update는 허용되지 않습니다).")


@bp.after_request
def cors(resp: Response) -> Response:
    """Browser tools (YASGUI and the like) may query the endpoint from other origins."""
    if request.path == "/sparql":
        resp.headers["Access-Control-Allow-Origin"] = "*"
        resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        resp.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    return resp


@bp.app_errorhandler(QueryBusy)
def busy(e: QueryBusy) -> Response:
    """503 with Retry-After (RFC 9110): a client can tell when to come back."""
    resp = make_response(error_response(503, str(e)))
    resp.headers["Retry-After"] = str(e.retry_after)
    return resp


@bp.app_errorhandler(QueryMemoryError)
def too_big(e: QueryMemoryError) -> Any:
    return error_response(503, str(e))  # a limit of this service, like the time limit


# -- the protocol endpoint ------------------------------------------------------------
@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Any:
    # this endpoint's own body limit, whatever the app allows elsewhere (uploads); also
    # for form bodies, which Flask otherwise caps at 500 kB (60 000 Hangul syllables)
    request.max_content_length = request.max_form_memory_size = MAX_BODY_BYTES
    query, default_graphs, named_graphs = _protocol_request()
    if query is None:
        return _describe()
    fmt = request.values.get("format") or None
    if not acceptable_at_all(request.accept_mimetypes, fmt):
        abort(406, f"요청한 형식({request.headers.get('Accept', '')})으로 줄 수 없습니다. "
                   "SELECT/ASK: application/sparql-results+json, application/sparql-results+xml, text/csv, "
                   "text/tab-separated-values; CONSTRUCT/DESCRIBE: text/turtle, application/n-triples, "
                   "application/ld+json, application/rdf+xml")
    _refuse_updates(query)
    kind = query_form(query)
    if kind is not None:  # refuse before spending a worker on a result nobody can take
        _format_for(kind, fmt)
    res = get_kg().sparql(query, default_graphs=default_graphs or None, named_graphs=named_graphs or None,
                          client=client_address())
    f = _format_for(res.kind, fmt)
    download = bool(request.values.get("download"))  # the /query page's links: opened in a spreadsheet
    body = serialize(res, f, for_people=download)
    if download and f.name == "csv":
        body = "\ufeff" + body  # a file for Excel (which reads Hangul as ANSI without it); clients get plain CSV
    resp = Response(body, content_type=f"{f.mime}; charset=utf-8")
    resp.vary.add("Accept")
    if res.truncated:
        resp.headers["X-KG-Truncated"] = "true"
    if download:
        resp.headers["Content-Disposition"] = f"attachment; filename=result.{f.extension}"
    return resp


def _format_for(kind: str, fmt: str | None) -> Any:
    try:
        return negotiate(kind, request.accept_mimetypes, fmt)
    except NotAcceptable as e:
        abort(406, str(e))


def _protocol_request() -> tuple[str | None, list[str], list[str]]:
    """(query, default-graph-uri list, named-graph-uri list) from a protocol request."""
    args = request.args
    if "update" in args or "update" in (request.form if request.method == "POST" else {}):
        abort(403, "SPARQL Update는 허용되지 않습니다: 이 엔드포인트는 읽기 전용입니다.")
    default_graphs = args.getlist("default-graph-uri")
    named_graphs = args.getlist("named-graph-uri")
    if request.method == "GET":
        queries = args.getlist("query")
    else:
        mime = request.mimetype
        if mime in ("application/x-www-form-urlencoded", "multipart/form-data", ""):
            queries = request.form.getlist("query") + args.getlist("query")
            default_graphs += request.form.getlist("default-graph-uri")
            named_graphs += request.form.getlist("named-graph-uri")
        elif mime == "application/sparql-query":
            try:
                queries = [request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))]
            except (UnicodeDecodeError, LookupError):
                abort(400, "질의 본문을 읽을 수 없습니다: UTF-8로 보내 주세요.")
        elif mime == "application/sparql-update":
            abort(403, "SPARQL Update는 허용되지 않습니다: 이 엔드포인트는 읽기 전용입니다.")
        elif mime in RDF_BODIES:
            abort(403, f"{READ_ONLY}: RDF 데이터를 올릴 수 없습니다 (Graph Store Protocol 쓰기는 허용되지 않습니다).")
        else:
            abort(415, "POST 본문은 application/x-www-form-urlencoded 또는 application/sparql-query 여야 합니다.")
    if len(queries) > 1:
        abort(400, "query 매개변수는 하나만 보낼 수 있습니다.")
    if not queries:
        if request.method == "POST":
            abort(400, "query 매개변수가 없습니다.")
        return None, [], []
    query = queries[0]
    if not query.strip():
        abort(400, "빈 질의입니다.")
    if len(query) > MAX_QUERY_CHARS:
        abort(413, f"질의가 너무 깁니다 (최대 {MAX_QUERY_CHARS:,}자).")
    return query, default_graphs, named_graphs


def _refuse_updates(query: str) -> None:
    """Update and SERVICE → 403; a query too deeply nested to parse safely → 400."""
    try:
        check_read_only(query)
    except QueryRefused as e:
        abort(403, str(e))  # says what is refused and that the endpoint is read-only, Korean first
    except QueryError as e:
        abort(400, str(e))


def _describe() -> Any:
    """GET /sparql without a query: a service description (Turtle), or a page for browsers."""
    endpoint_url = settings().base_iri + "sparql"  # from the setting, never the request's Host
    accept = request.accept_mimetypes
    if accept and accept.best_match(["text/turtle", "text/html"]) == "text/html" \
            and accept["text/html"] > accept["text/turtle"]:
        return render_template("sparql_service.html", endpoint=endpoint_url)
    g = service_description(endpoint_url)
    wants = accept.best_match(["text/turtle", "application/ld+json", "application/n-triples",
                               "application/rdf+xml"]) if accept else "text/turtle"
    fmt = {"application/ld+json": "json-ld", "application/n-triples": "nt",
           "application/rdf+xml": "xml"}.get(wants or "", "turtle")
    mime = wants or "text/turtle"
    resp = Response(g.serialize(format=fmt), content_type=f"{mime}; charset=utf-8")
    resp.vary.add("Accept")
    return resp


# -- the query page --------------------------------------------------------------------
@bp.get("/query")
@bp.get("/query.json", endpoint="query_json")
def query_page() -> Any:
    query = request.args.get("query", "")
    example = request.args.get("example")
    if not query and example:
        query = next((e.query for e in SPARQL_EXAMPLES if e.key == example), "")
    try:
        res, error, status = _run_for_page(query) if query.strip() else (None, None, 200)
    except QueryBusy as e:  # the page shows it under the editor, and says when to retry
        res, error, status = None, str(e), 503
        headers = {"Retry-After": str(e.retry_after)}
    else:
        headers = {}
    if wants_json():
        if error:
            return json_response({"ok": False, "status": status, "message": error}, status), headers
        return json_response(_result_json(res) if res else {"query": query})
    table = _table(res) if res is not None else None
    downloads = _downloads(query, res) if res is not None else []
    return render_template("query.html", query=query or DEFAULT_QUERY, ran=bool(query.strip()), res=res,
                           table=table, error=error, error_at=error_place(error, query) if error else None,
                           examples=SPARQL_EXAMPLES, downloads=downloads,
                           html_cap=min(settings().max_rows, HTML_MAX_ROWS)), status, headers


_PLACE = re.compile(r"\((\d+)행 (\d+)열;")


def error_place(error: str, query: str) -> dict[str, Any] | None:
    """A syntax error's line split at its column, for the page to mark the character
    itself: a caret under it (the message's text form) lands right only where the font
    draws Hangul exactly two columns wide, which a browser's fallback fonts need not."""
    m = _PLACE.search(error)
    lines = query.split("\n")
    if m is None or not 0 < int(m[1]) <= len(lines):
        return None
    text, col = lines[int(m[1]) - 1].rstrip("\r"), max(1, int(m[2]))
    before = text[:col - 1]
    if len(before) > 100:  # a long line: the 100 characters before the place
        before = "…" + before[-100:]
    return {"message": error.split("\n", 1)[0], "line": int(m[1]), "column": col, "before": before,
            "at": text[col - 1:col], "after": text[col:col + 100]}


# What makes an analyst's query slow here, and the shape that is fast. Relations between
# entities are stated once (the entity graph), so joining them is cheap; what is stated
# once per document (mentions, what each document reports, its date nodes) is not.
TIMEOUT_HINT = ("관계(kgo:announces, kgo:participatesIn 등)는 관계마다 한 번 저장되어 있어 여러 번 이어도 빠릅니다. "
                "오래 걸리는 것은 문서마다 저장된 것(kgo:mentions, 문서별 보도 kgr:announces 등, "
                "kgo:scheduledFor 날짜)을 많은 문서에 걸쳐 잇는 질의입니다. "
                "이름·유형처럼 결과를 줄이는 조건을 먼저 두고 LIMIT을 쓰세요. "
                "개체별 문서 수는 kgo:documentCount 에 미리 세어 두었습니다.")


def _run_for_page(query: str) -> tuple[QueryResult | None, str | None, int]:
    """(result, error message, HTTP status) for the /query page: errors are shown
    on the page itself, under the editor, with the status they would have at /sparql."""
    if len(query) > MAX_QUERY_CHARS:
        return None, f"질의가 너무 깁니다 (최대 {MAX_QUERY_CHARS:,}자)", 413
    try:
        check_read_only(query)
    except QueryRefused as e:
        return None, str(e), 403
    except QueryError as e:
        return None, str(e), 400
    try:
        return get_kg().sparql(query, max_rows=min(settings().max_rows, HTML_MAX_ROWS),
                               client=client_address()), None, 200
    except QueryBusy:
        raise
    except QueryMemoryError as e:
        return None, str(e), 503
    except QueryTimeout as e:
        return None, f"{e}. {TIMEOUT_HINT}", 503
    except StoreError as e:
        return None, str(e), 503
    except QueryError as e:
        return None, str(e), 400


def _result_json(res: QueryResult) -> dict[str, Any]:
    if res.kind != "CONSTRUCT":
        return res.to_json()
    triples = list(res.graph) if res.graph is not None else []
    return {"triples": [{"s": term_json(s), "p": term_json(p), "o": term_json(o)} for s, p, o in triples],
            **({"truncated": True} if res.truncated else {})}


def cell(t: Any) -> dict[str, Any] | None:
    """A table cell: text, link (local page for our IRIs) and language or datatype."""
    if t is None:
        return None
    d = term_json(t)
    if d["type"] == "uri":
        d["href"] = iri_href(d["value"])
        d["short"] = short_iri(d["value"])
    elif "datatype" in d:
        d["short_datatype"] = short_iri(d["datatype"])
    return d


def _table(res: QueryResult) -> dict[str, Any]:
    if res.kind == "ASK":
        return {"vars": [], "rows": []}
    if res.kind == "CONSTRUCT":
        triples = sorted(res.graph, key=lambda t: tuple(str(x) for x in t)) if res.graph is not None else []
        return {"vars": ["subject", "predicate", "object"],
                "rows": [[cell(s), cell(p), cell(o)] for s, p, o in triples[:HTML_MAX_ROWS]]}
    return {"vars": res.vars, "rows": [[cell(r.get(v)) for v in res.vars] for r in res.rows]}


def _downloads(query: str, res: QueryResult) -> list[tuple[str, str]]:
    names = (("Turtle", "turtle"), ("N-Triples", "nt"), ("JSON-LD", "jsonld"), ("RDF/XML", "rdfxml")) \
        if res.kind == "CONSTRUCT" else (("CSV", "csv"), ("TSV", "tsv"), ("JSON", "json"), ("XML", "xml"))
    base = url_for("sparql.endpoint")
    return [(label, base + "?" + urlencode({"query": query, "format": f, "download": "1"})) for label, f in names]
