"""NLP on every core: chunks of documents go to worker processes, results come back in
input order, and only a bounded number of chunks is in flight (memory stays flat on a
60,000-record file).

Worker processes are started with the *spawn* method (no forked copy of the parent's
open store, index or threads) and each loads the spaCy pipeline once, at start-up.
They only compute: the parent alone writes the graph store and the text index.

A document the NLP chokes on comes back as an error string in its slot (the rest of
its chunk is redone one by one), so one bad document never costs its neighbours. A
worker that dies outright (a crash in native code, the OOM killer) breaks the pool: the
pool is restarted and the chunks it held are retried one document at a time, so only
the document that kills a worker by itself is reported as failed.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

from core.model import Extraction

T = TypeVar("T")
log = logging.getLogger(__name__)
MAX_BROKEN_IN_A_ROW = 3
Item = tuple[str, "str | None"]       # (text, date)
Result = "Extraction | str"           # an Extraction, or why there is none


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def extract_chunk(items: list[tuple[str, str | None]], ner_model: bool = False, known: Any = None) -> list[Extraction | str]:
    """Extractions of (text, date) items in order; a failing item gets its error message.
    `ner_model`: the setting of that name (add the statistical NER); `known`: the names
    other documents marked as names (ingest.nlp.known.KnownNames)."""
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415

    kw = {"known": known} if known else {}  # none known: the call as it was
    try:
        return list(extract_many(items, batch_size=max(1, len(items)), ner_model=ner_model, **kw))
    except Exception:  # noqa: BLE001 (find the culprit: redo one by one)
        pass
    out: list[Extraction | str] = []
    for item in items:
        try:
            out.append(next(iter(extract_many([item], ner_model=ner_model, **kw))))
        except Exception as e:  # noqa: BLE001
            out.append(f"{type(e).__name__}: {e}")
    return out


_KNOWN: Any = None  # a worker's table of known names, built once at its start (see Extractor)


def _extract_in_worker(items: list[tuple[str, str | None]], ner_model: bool = False) -> list[Extraction | str]:
    return extract_chunk(items, ner_model, _KNOWN)


def _worker_init(parent: int, warm: bool, ner_model: bool = False, known: tuple = ()) -> None:
    """Worker initialiser: die with the parent, build the table of known names, and build
    the pipeline now, not on the first chunk."""
    global _KNOWN
    _die_with_parent(parent)
    if known:
        from ingest.nlp.known import KnownNames  # noqa: PLC0415

        _KNOWN = KnownNames(known)
    if warm:
        from ingest.nlp.pipeline import get_pipeline  # noqa: PLC0415

        get_pipeline(ner_model)


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive a parent killed with SIGKILL: the pool's queues do not
    tell it (each worker holds both ends of its pipes), so it would wait forever. Linux
    delivers SIGKILL on the parent's death (PR_SET_PDEATHSIG); elsewhere, and as a
    fallback, a thread checks once a second whether the process was re-parented."""
    try:
        import ctypes  # noqa: PLC0415

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()


class Extractor(Generic[T]):
    """`run(items, key)` yields (chunk of items, their results) in input order.

    `workers` = 1 runs in this process; more start that many worker processes, lazily,
    on the first chunk. Use as a context manager (or call close()) to stop them.
    """

    def __init__(self, workers: int = 1, chunk_size: int = 16, in_flight: int | None = None,
                 chunk_fn: Callable[[list[Item]], list[Extraction | str]] | None = None, *,
                 ner_model: bool = False, known: Any = None) -> None:
        """`chunk_fn` defaults to the NLP extraction (`extract_chunk`) with the setting
        `ner_model`; tests pass their own. `known` (ingest.nlp.known.KnownNames): names
        to look up; worker processes get them once, at their start, not with each chunk."""
        self.workers = max(1, workers)
        self._nlp = chunk_fn is None  # the default: warm the pipeline in each worker
        self.ner_model = ner_model
        self.chunk_size = max(1, chunk_size)
        self.in_flight = max(1, in_flight or 2 * self.workers)
        self.chunk_fn = chunk_fn or partial(extract_chunk, ner_model=ner_model, known=known)
        # what a worker process runs: the default reads the known names its start-up built
        self._pool_fn = chunk_fn or partial(_extract_in_worker, ner_model=ner_model)
        self._known = tuple(known.names()) if known else ()
        self._pool: ProcessPoolExecutor | None = None
        self._generation = 0   # bumped on every restart: futures of a dead pool do not restart the new one
        self.restarts = 0
        self._broken_in_a_row = 0
        self.fallback: str | None = None  # why the work went back in-process, if it did

    # -- lifecycle -------------------------------------------------------------------
    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_worker_init,
                                             initargs=(os.getpid(), self._nlp, self.ner_model, self._known))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "Extractor[T]":
        return self

    def __exit__(self, *exc: object) -> None:
        if exc and exc[0] is not None and self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)  # interrupted: do not wait for chunks
            self._pool = None
        self.close()

    # -- work ------------------------------------------------------------------------
    def run(self, items: Iterable[T], key: Callable[[T], Item],
            known: Any = None) -> Iterator[tuple[list[T], list[Extraction | str]]]:
        """`known`: other names to look up than the ones the workers started with, sent
        with each chunk (for a few documents read again: kg.write.reread.reread)."""
        if known is None or not self._nlp:
            yield from self._run(items, key)
            return
        saved = self.chunk_fn, self._pool_fn
        self.chunk_fn = self._pool_fn = partial(extract_chunk, ner_model=self.ner_model, known=known)
        try:
            yield from self._run(items, key)
        finally:
            self.chunk_fn, self._pool_fn = saved

    def _run(self, items: Iterable[T], key: Callable[[T], Item]) -> Iterator[tuple[list[T], list[Extraction | str]]]:
        chunks = _chunked(items, self.chunk_size)
        if self.workers == 1:
            for chunk in chunks:
                yield chunk, self.chunk_fn([key(x) for x in chunk])
            return
        pending: deque[tuple[list[T], list[Item], tuple[int, Future] | None]] = deque()
        for chunk in chunks:
            args = [key(x) for x in chunk]
            pending.append((chunk, args, None if self.fallback else self._submit(args)))
            while len(pending) >= self.in_flight:
                c, a, f = pending.popleft()
                yield c, self._result(a, f)
        while pending:
            c, a, f = pending.popleft()
            yield c, self._result(a, f)

    def _submit(self, args: list[Item]) -> tuple[int, Future]:
        try:
            return self._generation, self._get_pool().submit(self._pool_fn, args)
        except BrokenProcessPool:
            self._restart(self._generation)
            return self._generation, self._get_pool().submit(self._pool_fn, args)

    def _result(self, args: list[Item], sub: tuple[int, Future] | None) -> list[Extraction | str]:
        if sub is None or self.fallback:
            return self.chunk_fn(args)
        gen, fut = sub
        try:
            res = fut.result()
            self._broken_in_a_row = 0
            return res
        except BrokenProcessPool:
            self._restart(gen)
        out: list[Extraction | str] = []
        for item in args:  # alone, so that only the document that kills a worker fails
            if self.fallback:
                out += self.chunk_fn([item])
                continue
            gen, fut = self._submit([item])
            try:
                out.append(fut.result()[0])
                self._broken_in_a_row = 0
            except BrokenProcessPool:
                self._restart(gen)
                out.append("NLP worker process died on this document (crash or out of memory)")
        return out

    def _restart(self, generation: int) -> None:
        if generation != self._generation:
            return  # that pool is already gone and replaced
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None
        self._generation += 1
        self.restarts += 1
        self._broken_in_a_row += 1
        if self._broken_in_a_row >= MAX_BROKEN_IN_A_ROW and self.fallback is None:
            # workers that die whatever they are given cannot start at all (a broken
            # environment, no memory for another process): carry on in this process
            self.fallback = f"worker processes died {self._broken_in_a_row} times in a row"
            log.warning("NLP goes on in the main process: %s", self.fallback)


def _chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for x in items:
        chunk.append(x)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
