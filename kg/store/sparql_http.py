"""The HTTP side of a remote SPARQL server (kg.store.remote): reading its answers
(SPARQL JSON/XML results, RDF), and turning its failures into errors a user can act on.
Servers differ in how they fail; remote.py's docstring lists what each one does."""
from __future__ import annotations

import functools
import http.client
import io
import re
import socket
import urllib.error
import urllib.parse
from typing import IO, Iterator

import pyoxigraph as ox
from oxrdflib._converter import from_ox
from rdflib import Graph
from rdflib.query import Result

from core.errors import KGError, QueryError, QueryTimeout, StoreError
from kg.store.sparql_text import syntax_error_message
from ontology.namespace import PREFIXES

WRITE_TIMEOUT = 60.0  # writes and exports wait at least this long (seconds)
RESULTS_JSON = "application/sparql-results+json"
RDF = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.5"
PARSER_ERROR = re.compile(r"error at \d+:\d+: expected ")  # Oxigraph's (what syntax_error_message reads)


@functools.lru_cache(maxsize=1)
def known_prefixes() -> dict[str, str]:
    """The prefixes the embedded store binds (rdflib's usual ones and ours), so a query
    that runs there without PREFIX lines runs on a server too."""
    from rdflib import Dataset  # noqa: PLC0415

    out = {p: str(ns) for p, ns in Dataset().namespaces() if p}
    out.update(PREFIXES)
    return out


def http_error(e: urllib.error.HTTPError, url: str, query: bool, sparql: str | None = None) -> KGError:
    try:
        message = e.read(4000).decode("utf-8", "replace").strip()
    except (OSError, http.client.HTTPException):
        message = ""
    finally:
        e.close()
    if re.match(r"(?is)\s*<(!doctype html|html)\b", message):  # an error page (Virtuoso): its text only
        message = re.sub(r"(?is)<head\b.*?</head>|<[^>]*>", " ", message)
        message = re.sub(r"\s+", " ", message).strip()
    answered = f"SPARQL 서버({url})가 {e.code} {e.reason} 오류를 돌려줬습니다"
    if query and e.code == 400 and sparql is not None and PARSER_ERROR.match(message):
        # Oxigraph's parser: read as the embedded store reads it (no Unicode ranges, a caret
        # under the place; no prefix is bound on the server), the server's answer after it
        syntax = QueryError(f"{syntax_error_message(sparql, message)}\n{answered} "
                            f"(the SPARQL server at {url} answered {e.code} {e.reason})")
        syntax.status = e.code  # type: ignore[attr-defined]
        return syntax
    kind: type[KGError]
    if query and e.code == 500 and re.search(r"\bS1T00\b|\bSR171\b", message):
        # Virtuoso's own limit (MaxQueryExecutionTime): "S1T00 Error SR171: Transaction timed out"
        kind, ko, en = QueryTimeout, "서버 자체의 시간 제한에 걸렸습니다", "the server's own time limit"
    elif re.search(r"\bSR186\b|\bSR619\b|SECURITY:|access denied", message):
        # Virtuoso refuses with 500: the account lacks SPARQL_UPDATE or rights on the graph
        kind, ko, en = (StoreError, "KG_SPARQL_USER, KG_SPARQL_PASSWORD와 계정의 권한을 확인하세요(README, \"Using a "
                        "remote SPARQL server\")", "check KG_SPARQL_USER and KG_SPARQL_PASSWORD, and the account's rights")
    else:
        kind, ko, en = classify(e.code, query)
    # Korean first, the server's own words next, the English last
    err = kind(answered + (f": {message}" if message else "")
               + (f" — {ko}" if ko else "") + f" (the SPARQL server at {url} answered {e.code} {e.reason}"
               + (f"; {en}" if en else "") + ")")
    err.status = e.code  # type: ignore[attr-defined]
    return err


def check_complete(headers: http.client.HTTPMessage, url: str) -> None:
    """Refuse an answer the server says it cut short. Virtuoso answers 200 either way:
    with `X-SQL-State: S1TAT` when an "anytime" query ran out of time (a `timeout`
    parameter) and returns what it found so far; with `X-SPARQL-MaxRows: N` when its
    ResultSetMaxRows cut a SELECT result (CONSTRUCT results are cut without a word)."""
    state = headers.get("X-SQL-State", "")
    if state.startswith("S1T"):
        raise QueryTimeout(f"SPARQL 서버({url})가 시간 제한에 걸려 질의를 멈추고 결과의 일부만 돌려줬습니다 "
                           f"(the SPARQL server at {url} stopped the query at its time limit and returned incomplete "
                           f"results; {state}: {headers.get('X-SQL-Message', '').strip()[:200]})")
    cap = headers.get("X-SPARQL-MaxRows")
    if cap:
        raise QueryError(f"SPARQL 서버({url})가 답을 {cap}행에서 잘랐습니다(답이 꼭 그만큼일 때도 이렇게 알립니다). "
                         f"LIMIT을 그보다 작게 두거나 virtuoso.ini [SPARQL] 절의 ResultSetMaxRows를 올리세요 "
                         f"(the SPARQL server at {url} cut the answer at {cap} rows: ResultSetMaxRows)")


def classify(code: int, query: bool) -> tuple[type[KGError], str, str]:
    """The error class for an HTTP status, and what to check (Korean, English)."""
    if code in (401, 403):
        return StoreError, "KG_SPARQL_USER와 KG_SPARQL_PASSWORD를 확인하세요", "check KG_SPARQL_USER and KG_SPARQL_PASSWORD"
    if code in (404, 405):
        return (StoreError, "URL이 맞는지 KG_SPARQL_ENDPOINT, KG_SPARQL_UPDATE_ENDPOINT, KG_SPARQL_GRAPH_STORE를 "
                "확인하세요", "is this the right URL? see KG_SPARQL_ENDPOINT, KG_SPARQL_UPDATE_ENDPOINT, "
                "KG_SPARQL_GRAPH_STORE")
    if query and code in (400, 500):  # a malformed query, or one the engine failed on
        return QueryError, "", ""
    return StoreError, "", ""


def failure(e: BaseException, url: str, query: bool, timeout: float | None = None) -> KGError:
    reason = e.reason if isinstance(e, urllib.error.URLError) else e
    if isinstance(reason, (TimeoutError, socket.timeout)):
        limit = f" of {timeout:g} s" if timeout else ""
        if query:
            return QueryTimeout(f"SPARQL 서버({url})가 제한 시간{f' {timeout:g}초' if timeout else ''} 안에 답하지 "
                                f"않았습니다(KG_QUERY_TIMEOUT) (the SPARQL server at {url} did not answer within the "
                                f"limit{limit})")
        return StoreError(f"SPARQL 서버({url})가 {timeout or WRITE_TIMEOUT:g}초 안에 답하지 않았습니다 "
                          f"(the SPARQL server at {url} did not answer within {timeout or WRITE_TIMEOUT:g} s)")
    if isinstance(reason, ConnectionRefusedError):
        return StoreError(f"SPARQL 서버({url})가 연결을 거부했습니다. 서버가 실행 중인지, KG_SPARQL_ENDPOINT가 맞는지 "
                          f"확인하세요 (cannot reach the SPARQL server at {url}: connection refused)")
    return StoreError(f"SPARQL 서버({url})와 통신할 수 없습니다 (cannot talk to the SPARQL server at {url}: {reason})")


def parse_result(ctype: str, body: bytes, url: str) -> Result:
    media = media_type(ctype)
    try:
        if media in (RESULTS_JSON, "application/json"):
            return Result.parse(io.BytesIO(body), format="json")
        if media in ("application/sparql-results+xml", "application/xml"):
            return Result.parse(io.BytesIO(body), format="xml")
    except (ValueError, KeyError, TypeError, SyntaxError) as e:
        raise unreadable(body, url, e) from e
    out = Result("CONSTRUCT")
    out.graph = Graph()
    out.graph += ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                  for q in parse_rdf(ctype, body, url))
    return out


def parse_rdf(ctype: str, body: bytes, url: str) -> Iterator[ox.Quad]:
    fmt = ox.RdfFormat.from_media_type(media_type(ctype))
    if fmt is None:
        raise QueryError(f"SPARQL 서버({url})가 예상하지 못한 형식으로 답했습니다: {ctype!r} "
                         f"(the SPARQL server at {url} answered in an unexpected format)")
    try:
        return iter(list(ox.parse(body, format=fmt, without_named_graphs=True)))
    except (SyntaxError, ValueError) as e:
        raise unreadable(body, url, e) from e


def unreadable(body: bytes, url: str, e: Exception) -> QueryError:
    """A broken answer. Servers that stream report a failure after the 200 header, at
    the end of the body (Oxigraph: "The SPARQL operation has been cancelled" when its
    --timeout-s stops a query), so the tail goes into the message."""
    tail = body[-300:].decode("utf-8", "replace").strip()
    if re.search(r"cancel|time ?out|timed out", tail, re.I):
        return QueryTimeout(f"SPARQL 서버({url})가 질의를 멈췄습니다. 서버 자체의 시간 제한일 수 있습니다 "
                            f"(the SPARQL server at {url} stopped the query, its own time limit?): …{tail}")
    return QueryError(f"SPARQL 서버({url})의 답을 읽을 수 없습니다 (cannot read the answer of the SPARQL server at "
                      f"{url}: {e}): …{tail}")


def media_type(ctype: str) -> str:
    return ctype.split(";", 1)[0].strip().lower()


def form_body(fields: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(fields).encode("ascii")


def gsp_url(base: str, graph_iri: str | None) -> str:
    sep = "&" if "?" in base else "?"
    return base + sep + ("default" if graph_iri is None else urllib.parse.urlencode({"graph": graph_iri}))


def copy_counting(src: IO[bytes], out: IO[bytes], url: str) -> int:
    n = 0
    try:
        while block := src.read(1 << 16):
            n += block.count(b"\n")
            out.write(block)
    except (OSError, http.client.HTTPException) as e:
        raise StoreError(f"{url}에서 받던 덤프가 끊겼습니다 (the dump from {url} broke off: {e})") from e
    return n
