"""SPARQL queries that can really be stopped: a small pool of worker processes.

Oxigraph (and rdflib) ignore signals while a query runs, so a time limit inside the
process cannot stop the work. Each query runs in a worker process that opens the newest
published snapshot read-only (kg.snapshots); on time-out the worker is killed and
replaced, and the caller gets QueryTimeout — never a silent empty result.

A worker is also where a hostile query does its worst, so it is fenced in (kg.worker_limits):
- it runs queries on a thread with a large stack (Oxigraph's parser and optimiser
  recurse: 2 000 nested braces or 250 joined triple patterns overflow the default 8 MB);
  a query that still crashes the engine kills only its worker, which is replaced, and
  the caller gets a QueryError;
- on Linux (x86-64, aarch64) a seccomp filter stops it from opening network sockets:
  Oxigraph does call SERVICE endpoints over HTTP, so this backs up the text check of
  kg.sparql_text should a SERVICE ever slip past it;
- a query may grow its worker's address space by at most `memory_mb` (RLIMIT_AS, set
  afresh before each query above what the worker already maps: an idle worker maps
  over 1 GB of address space it barely touches). Past it, Python raises MemoryError and
  Oxigraph aborts the process ("memory allocation of N bytes failed"); the worker's
  stderr goes to a file the runner reads after a crash, so the caller gets
  QueryMemoryError either way and the worker is replaced.

Workers are shared fairly between clients (kg.query_queue): one client cannot hold
them all or fill the queue. New workers are forked from a fork server that has imported
the worker's modules (milliseconds; spawned, one to two seconds on a busy machine).
"""
from __future__ import annotations

import logging
import math
import multiprocessing as mp
import os
import tempfile
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg.store import snapshots
from core.errors import QueryError, QueryMemoryError, QueryTimeout, StoreError
from kg.read.query_queue import FairQueue, Lease
from kg.store.sparql_text import check_read_only
from kg.read.worker_limits import limit_memory, no_network

log = logging.getLogger(__name__)

READY = ("ready", None)   # what a new worker says once its imports are done
# How long a new worker may take to start (spawn, imports): not counted in a query's time
# limit. Counted in it, a worker that replaced a stopped one spent the next query's limit
# on its imports on a loaded machine, was stopped in turn, and so on.
STARTUP_SECONDS = 60.0
# How long a query may wait for a free worker, in time limits: long enough for a client
# that got no worker yet to be served when the next slow query is stopped (kg.query_queue
# gives it the next free worker), short enough that a flood of heavy queries is refused.
QUEUE_WAIT = 2.0
# What a worker's engine says on stderr as it dies for want of memory: Rust's allocation
# failure (Oxigraph), C++'s (RocksDB), Python's own
OUT_OF_MEMORY = ("memory allocation of", "std::bad_alloc", "MemoryError")

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
    variables = [str(v) for v in res.vars or []]
    for solution in _solutions(res):
        if len(rows) >= max_rows:
            _drop_solutions(res)
            return RawResult("SELECT", variables, rows, None, None, True)
        rows.append({str(k): v for k, v in solution.items() if v is not None})
    return RawResult("SELECT", variables, rows, None, None, False)


def _solutions(res: Any) -> Any:
    """The solutions as they come, every one of them: iterating an rdflib Result skips
    a solution that binds nothing (`SELECT * {}` has one), which SPARQL counts."""
    gen = getattr(res, "_genbindings", None)
    return gen if gen is not None else iter(res.bindings)


def _drop_solutions(res: Any) -> None:
    """Close the unfinished solution stream here and now. pyoxigraph's result objects
    must be freed by the thread that made them; left to the garbage collector, a
    truncated stream may be freed elsewhere (a RuntimeError, and a leak)."""
    gen = getattr(res, "_genbindings", None)
    if gen is not None and hasattr(gen, "close"):
        gen.close()
        res._genbindings = None


QUERY_STACK = 256 * 1024 * 1024  # bytes of stack for the query thread (virtual; touched only when used)


def _worker(conn: Connection, memory_mb: int = 0, err_path: str = "") -> None:  # pragma: no cover (child)
    if not no_network():
        logging.getLogger(__name__).warning("query worker runs without a network sandbox (no seccomp here)")
    if err_path:  # what the engine says as it dies (Oxigraph: "memory allocation of N bytes failed")
        fd = os.open(err_path, os.O_WRONLY | os.O_APPEND)
        os.dup2(fd, 2)
        os.close(fd)
        try:
            os.unlink(err_path)  # the runner reads it through the descriptor it keeps
        except OSError:
            pass
    try:
        threading.stack_size(QUERY_STACK)
    except (ValueError, RuntimeError):
        pass
    t = threading.Thread(target=_serve, args=(conn, memory_mb, bool(err_path)), name="kg-sparql-query")
    t.start()
    t.join()


def _serve(conn: Connection, memory_mb: int = 0, own_stderr: bool = False) -> None:  # pragma: no cover (child)
    from kg.store.embedded import GraphStore

    conn.send(READY)
    opened: dict[str, GraphStore] = {}
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        snap, query, max_rows, default_graphs, named_graphs = job
        if own_stderr:
            os.ftruncate(2, 0)  # the file keeps what this query's run says, nothing older
        try:
            if snap not in opened:
                opened.clear()
                opened[snap] = GraphStore(Path(snap), read_only=True)
            limit_memory(memory_mb)
            try:
                reply = ("ok", execute(opened[snap], query, max_rows, default_graphs, named_graphs))
            finally:
                limit_memory(0)
        except MemoryError:
            reply = ("memory", None)
        except Exception as e:  # noqa: BLE001 (every failure goes back as a message)
            reply = ("error", str(e) if isinstance(e, QueryError) else
                     f"질의를 실행하지 못했습니다 ({type(e).__name__}: {e})")
        conn.send(reply)


def _context() -> Any:
    """Where it exists, a fork server that has imported the worker's modules once: a
    new worker is a fork of it, ready in milliseconds. Spawned (a fresh interpreter,
    its imports) a replacement took one to two seconds on a busy machine, and while slow
    queries were stopped one after another, the next query, anyone's, waited that long."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kg.read.sparql_exec", "kg.store.embedded"])  # no effect once the server runs
        return ctx
    return mp.get_context("spawn")


class _Worker:
    def __init__(self, ctx: Any, memory_mb: int) -> None:
        # the worker's stderr: a file this process keeps open and the worker unlinks once
        # it has opened it too, so nothing is left behind however the server ends
        fd, self.err_path = tempfile.mkstemp(prefix="kg-sparql-worker-", suffix=".err")
        self.err = os.fdopen(fd, "rb")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, memory_mb, self.err_path), daemon=True,
                                name="kg-sparql-worker")
        self.proc.start()
        child.close()
        self.ready = False

    def started(self) -> bool:
        """Wait (up to STARTUP_SECONDS) for a new worker to say it is ready."""
        if not self.ready:
            try:
                self.ready = self.conn.poll(STARTUP_SECONDS) and self.conn.recv() == READY
            except (EOFError, OSError):
                return False
        return self.ready

    def last_words(self) -> str:
        """The start of what the worker wrote to stderr during its last query (the
        engine's message comes first, a backtrace may follow)."""
        try:
            self.err.seek(0)
            return self.err.read(4096).decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.close()

    def close(self) -> None:
        self.conn.close()
        self.err.close()
        self._unlink()

    def _unlink(self) -> None:
        try:
            os.unlink(self.err_path)
        except OSError:
            pass


class QueryRunner:
    """Run queries on the published snapshot of `data_dir` with a time limit, a memory
    limit per query (`memory_mb`, 0: none) and fair shares between clients: see
    kg.query_queue for `queue_size` and `client_share`."""

    def __init__(self, data_dir: Path, workers: int = 2, *, queue_size: int = 16, client_share: int = 4,
                 memory_mb: int = 1024, retry_after: float = 10.0) -> None:
        self.data_dir = Path(data_dir)
        self.memory_mb = memory_mb
        self._ctx = _context()
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self.replaced = 0  # workers killed (time-out) or lost (crash) and replaced
        self._slots = FairQueue([self._new() for _ in range(workers)], queue_size=queue_size,
                                client_share=client_share, retry_after=math.ceil(retry_after))

    def _new(self) -> _Worker:
        w = _Worker(self._ctx, self.memory_mb)
        with self._lock:
            self._all.append(w)
        return w

    @property
    def pids(self) -> list[int]:
        with self._lock:
            return [w.proc.pid for w in self._all if w.proc.pid is not None]

    def run(self, query: str, timeout: float, max_rows: int, default_graphs: list[str] | None = None,
            named_graphs: list[str] | None = None, client: str = "") -> RawResult:
        """`default_graphs`/`named_graphs`: the protocol's default-graph-uri and named-graph-uri;
        `client`: who asks (the web server passes the address), for fair shares."""
        check_read_only(query)
        snap = snapshots.current(self.data_dir)
        if snap is None:
            raise StoreError(f"{self.data_dir}에 데이터가 없습니다. 먼저 `kg ingest`로 문서를 수집하세요 "
                             f"(no data in {self.data_dir}: run `kg ingest` first)")
        job = (str(snap), query, max_rows, default_graphs, named_graphs)
        lease = self._slots.acquire(client, QUEUE_WAIT * timeout)
        try:
            status, payload = self._on_worker(lease, job, timeout)
        finally:
            self._slots.release(lease)
        if status == "error":
            raise QueryError(payload)
        return payload

    def _on_worker(self, lease: Lease[_Worker], job: tuple, timeout: float) -> tuple[str, Any]:
        """Run `job` on the lease's worker; a worker that is stopped or dies is replaced
        in the lease (so the replacement goes back to the pool)."""
        assert lease.slot is not None
        w = lease.slot
        for attempt in range(2):
            if not w.started():
                w = lease.slot = self._replace(w)
                if attempt:
                    raise QueryError("질의 엔진이 시작되지 않았습니다. 잠시 뒤 다시 시도하세요 (the query engine did not start)")
                continue
            try:
                w.conn.send(job)
            except OSError:
                w = lease.slot = self._replace(w)  # the worker had died while idle: the query never ran
                if attempt:
                    raise QueryError("질의 엔진을 쓸 수 없습니다. 잠시 뒤 다시 시도하세요 (the query engine is unavailable)") from None
                continue
            break
        try:
            if not w.conn.poll(timeout):
                raise QueryTimeout(f"질의가 제한 시간 {timeout:g}초를 넘어 중단됐습니다 "
                                   f"(the query ran longer than the limit of {timeout:g} s and was stopped)")
            status, payload = w.conn.recv()
        except QueryTimeout:
            lease.slot = self._replace(w)
            raise
        except (EOFError, OSError):
            said = w.last_words()
            lease.slot = self._replace(w)
            if any(m in said for m in OUT_OF_MEMORY):
                raise self._too_big() from None
            log.warning("a query worker died and was replaced: %s", said.strip()[:500] or "(no message)")
            raise QueryError("질의가 질의 엔진을 멈추게 했습니다(처리 프로세스를 새로 띄웠습니다). 중첩된 묶음이나 "
                             "트리플 패턴을 줄여 질의를 단순하게 하세요 (the query stopped the query engine; its worker "
                             "process died and was replaced)") from None
        if status == "memory":
            lease.slot = self._replace(w)  # a MemoryError may have left the worker's heap in any state
            raise self._too_big()
        return status, payload

    def _too_big(self) -> QueryMemoryError:
        return QueryMemoryError(
            f"질의가 메모리 한도 {self.memory_mb:,} MB를 넘어 중단됐습니다. 큰 문자열을 만드는 식(REPLACE, CONCAT 등)이나 "
            f"결과를 줄여 보세요 (the query used more than the memory limit of {self.memory_mb:,} MB and was stopped)")

    def _replace(self, w: _Worker) -> _Worker:
        """A new worker in place of `w` (killed), to go back where `w` was."""
        w.kill()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
            self.replaced += 1
        return self._new()

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
            else:
                w.close()
