"""SPARQL queries that can really be stopped: a small pool of worker processes.

Oxigraph (and rdflib) ignore signals while a query runs, so a time limit inside the
process cannot stop the work. Each query runs in a worker process that opens the newest
published snapshot read-only (kg.snapshots); on time-out the worker is killed and
replaced, and the caller gets QueryTimeout — never a silent empty result.
"""
from __future__ import annotations

import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg import snapshots
from kg.errors import QueryError, QueryTimeout, StoreError
from kg.sparql_text import check_read_only

@dataclass
class RawResult:
    """A picklable query result: rdflib terms in plain containers."""

    kind: str
    vars: list[str]
    rows: list[dict[str, Any]]
    boolean: bool | None
    triples: list[tuple] | None
    truncated: bool


def execute(store: Any, query: str, max_rows: int, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None) -> RawResult:
    res = store.query(query, default_graphs=default_graphs, named_graphs=named_graphs)
    if res.type == "ASK":
        return RawResult("ASK", [], [], bool(res.askAnswer), None, False)
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        triples = []
        for t in res.graph:
            if len(triples) >= max_rows:
                return RawResult("CONSTRUCT", [], [], None, triples, True)
            triples.append(t)
        return RawResult("CONSTRUCT", [], [], None, triples, False)
    rows: list[dict[str, Any]] = []
    for row in res:
        if len(rows) >= max_rows:
            return RawResult("SELECT", [str(v) for v in res.vars or []], rows, None, None, True)
        rows.append({str(k): v for k, v in row.asdict().items()})
    return RawResult("SELECT", [str(v) for v in res.vars or []], rows, None, None, False)


def _worker(conn: Connection) -> None:  # pragma: no cover (runs in the child process)
    from kg.store import GraphStore

    opened: dict[str, GraphStore] = {}
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        snap, query, max_rows, default_graphs, named_graphs = job
        try:
            if snap not in opened:
                opened.clear()
                opened[snap] = GraphStore(Path(snap), read_only=True)
            conn.send(("ok", execute(opened[snap], query, max_rows, default_graphs, named_graphs)))
        except Exception as e:  # noqa: BLE001 (every failure goes back as a message)
            conn.send(("error", f"{type(e).__name__}: {e}" if not isinstance(e, QueryError) else str(e)))


class _Worker:
    def __init__(self, ctx: Any) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child,), daemon=True, name="kg-sparql-worker")
        self.proc.start()
        child.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryRunner:
    """Run queries on the published snapshot of `data_dir` with a time limit."""

    def __init__(self, data_dir: Path, workers: int = 2) -> None:
        self.data_dir = Path(data_dir)
        self._ctx = mp.get_context("spawn")
        self._free: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        for _ in range(workers):
            self._add()

    def _add(self) -> None:
        w = _Worker(self._ctx)
        with self._lock:
            self._all.append(w)
        self._free.put(w)

    def run(self, query: str, timeout: float, max_rows: int, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None) -> RawResult:
        """`default_graphs`/`named_graphs`: the protocol's default-graph-uri and named-graph-uri."""
        check_read_only(query)
        snap = snapshots.current(self.data_dir)
        if snap is None:
            raise StoreError(f"no data in {self.data_dir}: run `kg ingest` first")
        try:
            w = self._free.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"all query workers are busy; try again in a moment (limit {timeout:g} s)") from None
        try:
            w.conn.send((str(snap), query, max_rows, default_graphs, named_graphs))
            if not w.conn.poll(timeout):
                raise QueryTimeout(f"the query ran longer than the limit of {timeout:g} s and was stopped")
            status, payload = w.conn.recv()
        except (QueryTimeout, EOFError, OSError, BrokenPipeError):
            self._replace(w)
            raise
        self._free.put(w)
        if status == "error":
            raise QueryError(payload)
        return payload

    def _replace(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.remove(w)
        self._add()

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
            w.proc.join(2)
            if w.proc.is_alive():
                w.kill()
