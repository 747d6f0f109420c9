"""The one object the CLI and the web layer use: a knowledge graph on a data directory
(graph store + text index): opening, publishing, search and SPARQL here, the data of
each page in kg.read.pages (mixed in), SPARQL results in kg.read.results.

Opening is lazy, so `kg search` does not pay for the graph store and vice versa.
"""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, Callable

from rdflib import Graph

from kg.store import snapshots
from kg.read import summary
from core.errors import QueryError, StoreError
from kg.search.index import SearchBackend, SearchResult
from kg.store import GraphBackend, open_store
from kg.settings import Settings
from kg.read.pages import PageData
from kg.read.results import QueryResult
from kg.read.sparql_exec import QueryRunner, execute
from kg.store.sparql_text import check_read_only
from kg.store.embedded import GraphStore
from ontology.iris import COUNTS_GRAPH
from ontology.namespace import PREFIXES


class KnowledgeGraph(PageData):
    """`read_only=True` (the web server, query workers) reads the newest published
    snapshot and follows new ones as ingests publish them; the default opens the live
    store for writing (one process at a time)."""

    def __init__(self, settings: Settings, read_only: bool = False, runner: QueryRunner | None = None) -> None:
        self.settings = settings
        self.read_only = read_only
        # Called in a thread of its own when a reader moves on to a newer snapshot: the web
        # server fills the caches kept per snapshot there (app.serving.warm_up), so the first
        # visitor after each publish does not wait for them.
        self.on_snapshot: Callable[[], None] | None = None
        # A remote server (KG_SPARQL_ENDPOINT) serves readers and writers alike: no
        # snapshots, and no worker processes (the HTTP time limit stops a slow query).
        self.remote = bool(settings.sparql_endpoint)
        self.runner = None if self.remote else runner
        self._store: GraphStore | None = None  # the embedded store: open_store without an endpoint
        # Kept apart from _store, so publish() (snapshots of the on-disk store) has nothing to do.
        self._remote: Any = None  # a RemoteStore: open_store with KG_SPARQL_ENDPOINT set
        self._snapshot: Path | None = None
        self._index: SearchBackend | None = None
        self._published = 0.0
        self._publisher: summary.Publisher | None = None
        self._summary: summary.Summary | None = None
        self._summary_key: object = None
        self._summary_lock = threading.Lock()

    @property
    def base(self) -> str:
        return self.settings.base_iri

    @property
    def store(self) -> GraphBackend:
        if self.remote:
            if self._remote is None:
                self._remote = open_store(self.settings, read_only=self.read_only)
                if not self.read_only:
                    self._remote.upgrade()
            return self._remote
        if self.read_only:
            snap = snapshots.current(self.settings.data_dir)
            if snap is None:
                raise StoreError(f"{self.settings.data_dir}에 데이터가 없습니다. 먼저 `kg ingest`로 문서를 "
                                 f"수집하세요 (no data in {self.settings.data_dir}: run `kg ingest` first)")
            if snap != self._snapshot:
                # the previous snapshot stays open for queries still running on it
                left, self._store, self._snapshot = self._snapshot, open_store(self.settings, read_only=True, path=snap), snap
                snapshots.prune(self.settings.data_dir, self._grace(), spare=left)
                if left is not None and self.on_snapshot is not None:
                    threading.Thread(target=self.on_snapshot, name="kg-snapshot-warm-up", daemon=True).start()
        elif self._store is None:
            self._store = open_store(self.settings)
            self._publisher = summary.Publisher(self.settings.data_dir, self._store, self.base + COUNTS_GRAPH)
            self._store.upgrade()  # data of an older version: published with the next snapshot
        assert self._store is not None
        return self._store

    @property
    def index(self) -> SearchBackend:
        """The text index (KG_SEARCH_BACKEND: whoosh, the default, or tantivy)."""
        if self._index is None:
            from kg.search import open_index  # noqa: PLC0415

            backend = self.settings.search_backend
            self._index = open_index(self.settings.index_dir, None if backend == "auto" else backend,
                                     create=not self.read_only)
        return self._index

    def publish(self, min_interval: float = 0.0) -> None:
        """Make what was written visible to readers (see kg.snapshots), with the
        numbers the writer keeps (kg.summary; the counts graph)."""
        if self.read_only:
            return
        now = time.monotonic()
        if self._remote is not None and self._remote.written and now - self._published >= min_interval:
            self._remote.write_counts(self.base + COUNTS_GRAPH)
            self._published = now
        if self._store is None:
            return
        if now - self._published >= min_interval:
            numbers = self._publisher.next(snapshots.current(self.settings.data_dir)) if self._publisher else None
            files = {summary.FILE: numbers.to_json()} if numbers is not None else None
            target = snapshots.publish(self._store.oxigraph, self.settings.data_dir, self._grace(), files=files)
            if self._publisher is not None and numbers is not None:
                self._publisher.published(numbers, target)
            self._published = now

    def _grace(self) -> float:
        """How long a superseded snapshot stays: longer than any query may run on it."""
        return max(snapshots.GRACE_SECONDS, 3 * self.settings.query_timeout)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._index is not None:
            self._index.close()
            self._index = None

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- search & SPARQL -------------------------------------------------------------
    def search(self, text: str, expand: bool = True, **kw: Any) -> SearchResult:
        """Full-text search; with `expand`, a short name also finds the known names that
        start with or contain it, ranked below, and compounds match spaced or not
        (kg.search.expand: the result says what it included)."""
        kw.setdefault("page_size", self.settings.page_size)
        if not expand or not text.strip():
            return self.index.search(text, **kw)
        from kg.search.expand import LOOKUP, expand as widen  # noqa: PLC0415

        known = lambda t: self.index.term_count(t) > 0  # noqa: E731
        try:
            names = self.summary()
        except StoreError:  # no graph yet (an index alone): compounds only
            wide = widen(text, known=known)
        else:
            wide = widen(text, lambda w: names.lookup(w, self.base, LOOKUP), known)
        res = self.index.search(wide.text, **kw)
        res.query, res.included, res.compounds, res.bodies = text, wide.included, wide.compounds, wide.bodies
        return res

    def search_aids(self, text: str, res: SearchResult) -> dict[str, Any]:
        """What helps beside a result: `card`, the entity the query names, and
        `suggestions` when the result is empty or thin (kg.suggest.aids)."""
        from kg.read import suggest  # noqa: PLC0415

        return suggest.aids(self, text, res)

    def sparql(self, query: str, max_rows: int | None = None, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None, client: str = "") -> QueryResult:
        """Run a read-only SPARQL query with a row cap; with a runner (the web server),
        in a worker process under the time and memory limits, in `client`'s fair share."""
        if not query.strip():
            raise QueryError("SPARQL 질의가 비어 있습니다 (empty SPARQL query)")
        check_read_only(query)
        max_rows = max_rows or self.settings.max_rows
        if self.runner is not None:
            raw = self.runner.run(query, self.settings.query_timeout, max_rows, default_graphs, named_graphs,
                                  client=client)
        else:
            raw = execute(self.store, query, max_rows, default_graphs, named_graphs)
        graph = None
        if raw.triples is not None:
            graph = Graph()
            for prefix, ns in PREFIXES.items():
                graph.bind(prefix, ns)
            for t in raw.triples:
                graph.add(t)
        return QueryResult(raw.kind, vars=raw.vars, rows=raw.rows, boolean=raw.boolean, graph=graph,
                           truncated=raw.truncated)

    def stats(self) -> dict[str, Any]:
        """Documents, triples, entities by type (kg.summary: no scan of the store)."""
        s = self.store.stats() if self.remote else self.summary().stats(self.base)
        s["indexed"] = self.index.doc_count()
        return s

    def summary(self) -> summary.Summary:
        """kg.summary of what this graph reads now: the published snapshot's (loaded
        once per snapshot), the live store's for a writer, a remote server's (counted,
        then kept REMOTE_SUMMARY_SECONDS)."""
        with self._summary_lock:
            store = self.store
            if self.remote:
                if self._summary is None or time.monotonic() - float(self._summary_key or 0) > REMOTE_SUMMARY_SECONDS:
                    # names and mention counts only: stats() asks the server itself
                    self._summary = summary.count_graphs(summary.rdflib_select(store.select), None, triples=lambda: 0)
                    self._summary_key = time.monotonic()
                return self._summary
            if not self.read_only:  # the last published summary if nothing was written since, else a count
                pub = self._publisher
                if pub is not None and pub.base is not None and not store.changed and not store.untracked:
                    return pub.base
                return summary.full(store.oxigraph)
            if self._summary is None or self._summary_key != self._snapshot:
                self._summary = summary.load(store.path) or summary.full(store.oxigraph)
                self._summary_key = self._snapshot
            return self._summary


REMOTE_SUMMARY_SECONDS = 60.0  # a remote server may change under us; a snapshot never does


def dumps_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
