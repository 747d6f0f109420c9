"""Shared fixtures of tests/kg: real SPARQL servers, started here.

- Oxigraph (`oxigraph serve`, from the `oxigraph` package in requirements-dev.txt);
- Virtuoso open source 7 (`virtuoso-t` and `isql-vt`, Debian's virtuoso-opensource-7-bin,
  installed by tools/install-virtuoso.sh from `make test`). Without it the Virtuoso tests
  are skipped with that advice, except in CI (CI=true), where they fail.

The `server` fixture runs a test module once per server (ids `oxigraph`, `virtuoso`);
`base_url` is that server emptied: a `SparqlServer`, which is its base URL as a str, so
f"{base_url}/..." works, with the query, update and Graph Store URLs as attributes.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

VIRTUOSO_INSTALL = ("install it with `apt-get install virtuoso-opensource-7-bin` (Debian/Ubuntu), "
                    "or tools/install-virtuoso.sh")


class SparqlServer(str):
    """A server under test: its base URL, and where its endpoints are."""

    kind: str
    query: str
    update: str
    store: str

    def __new__(cls, base: str, kind: str, query: str, update: str, store: str) -> "SparqlServer":
        self = super().__new__(cls, base)
        self.kind, self.query, self.update, self.store = kind, query, update, store
        return self

    def clear(self) -> None:
        """Drop every graph this server shows us. Not DROP ALL: Virtuoso answers it 200
        and drops nothing. Not SELECT DISTINCT ?g either: Virtuoso answers that from its
        list of graphs, private ones included."""
        if self.kind == "oxigraph":
            _post(self.update, {"update": "DROP ALL"})
            return
        body = _post(self.query, {"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"},
                     accept="application/sparql-results+json")
        graphs = [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]
        if graphs:
            _post(self.update, {"update": " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs)})


def _post(url: str, fields: dict[str, str], accept: str | None = None) -> bytes:
    req = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode("ascii"), method="POST")
    if accept:
        req.add_header("Accept", accept)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read()


def unavailable(reason: str) -> None:
    """Skip, or in CI (CI=true) fail: CI installs every server, so a missing one is a bug there."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI=true: CI must install it)", pytrace=False)
    pytest.skip(reason)


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"  # the virtualenv's, without activating it
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path, *flags: str) -> Iterator[SparqlServer]:
    """Start `oxigraph serve` on a free port, wait until it answers, yield it."""
    exe = oxigraph_binary()
    if exe is None:
        unavailable("the `oxigraph` server binary is missing: pip install oxigraph==0.5.13")
        raise AssertionError("unreachable")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = location.parent / f"{location.name}.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {log.read_text(errors='replace')}")
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield SparqlServer(base, "oxigraph", f"{base}/query", f"{base}/update", f"{base}/store")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def start_oxigraph() -> Callable[..., object]:
    """`with start_oxigraph(location, *flags) as url:` — a server of a test's own."""
    return oxigraph_server


@pytest.fixture
def unused_port() -> int:
    return free_port()


# -- Virtuoso ------------------------------------------------------------------------------

# Small and quick: a fresh database (about 2-5 s to create), little memory, loopback only.
# CaseMode = 2 as in Debian's own virtuoso.ini (without it an ASK is answered as a SELECT
# of one variable, __ASK_RETVAL). MaxQueryExecutionTime: a query the client gave up on
# does not keep the server busy long.
VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
ServerThreads = 10
CheckpointInterval = 0
NumberOfBuffers = 2000
MaxDirtyBuffers = 1200
DirsAllowed = .
{case_mode}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 6
MaxClientConnections = 6

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryExecutionTime = {max_seconds}
"""

# What the README's recipe does: anonymous /sparql may update (GRANT), Virtuoso's own
# graphs are private so the union default graph holds ours only, and a user `kg` for
# the Digest-authenticated /sparql-auth (read, write; no private graphs).
PRIVATE = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
VIRTUOSO_SETUP = f"""\
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_GRAPH_GROUP_CREATE ('{PRIVATE}', 1);
DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE}', 'http://www.openlinksw.com/schemas/virtrdf#');
DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE}', 'http://www.w3.org/ns/ldp#');
DB.DBA.RDF_GRAPH_GROUP_INS ('{PRIVATE}', 'http://localuriqaserver/sparql');
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7, 0);
DB.DBA.USER_CREATE ('kg', 'kg-secret');
GRANT SPARQL_UPDATE TO "kg";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('kg', 0, 1);
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('kg', 7, 0);
"""


def virtuoso_binaries() -> tuple[str, str] | None:
    exe, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql-v")
    return (exe, isql) if exe and isql else None


@contextmanager
def virtuoso_server(location: Path, max_rows: int = 1_000_000, max_seconds: int = 3,
                    case_mode: bool = True) -> Iterator[SparqlServer]:
    """Start `virtuoso-t` in the foreground on free loopback ports with a fresh database
    in `location`, wait until /sparql answers, run VIRTUOSO_SETUP, yield the server.
    `max_rows`, `max_seconds`: its ResultSetMaxRows and MaxQueryExecutionTime;
    `case_mode`: CaseMode = 2 (else the default)."""
    found = virtuoso_binaries()
    if found is None:
        unavailable(f"Virtuoso (virtuoso-t, isql-vt) is not installed: {VIRTUOSO_INSTALL}")
        raise AssertionError("unreachable")
    exe, isql = found
    sql_port, http_port = free_port(), free_port()
    location.mkdir(parents=True, exist_ok=True)
    (location / "virtuoso.ini").write_text(VIRTUOSO_INI.format(
        sql_port=sql_port, http_port=http_port, max_rows=max_rows, max_seconds=max_seconds,
        case_mode="CaseMode = 2" if case_mode else ""))
    base = f"http://127.0.0.1:{http_port}"
    log = location / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([exe, "+foreground", "+configfile", "virtuoso.ini"], cwd=location,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited ({proc.returncode}): {log.read_text(errors='replace')}")
            try:
                urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"Virtuoso did not answer within 60 s: {log.read_text(errors='replace')}")
                time.sleep(0.1)
        (location / "setup.sql").write_text(VIRTUOSO_SETUP)
        done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", "setup.sql"], cwd=location,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt setup failed: {done.stdout}{done.stderr}")
        yield SparqlServer(base, "virtuoso", f"{base}/sparql", f"{base}/sparql", f"{base}/sparql-graph-crud")
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    """One Virtuoso for the whole session (tests empty it through `base_url`)."""
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as s:
        yield s


@pytest.fixture(scope="session")
def start_virtuoso() -> Callable[..., object]:
    """`with start_virtuoso(location, **settings) as server:` — a Virtuoso of a test's own."""
    return virtuoso_server


# -- the server a test runs against -----------------------------------------------------------

@pytest.fixture(scope="module", params=["oxigraph", "virtuoso"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    """Each server in turn (a test pins one with @pytest.mark.parametrize("server",
    ["oxigraph"], indirect=True))."""
    if request.param == "virtuoso":
        yield request.getfixturevalue("virtuoso")
        return
    # --timeout-s: a query the client gave up on does not keep the server busy
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db", "--union-default-graph", "--timeout-s", "5") as b:
        yield b


@pytest.fixture
def base_url(server: SparqlServer) -> SparqlServer:
    """The server, emptied."""
    server.clear()
    return server
