"""The graph store: an rdflib Dataset over the on-disk Oxigraph store (oxrdflib).

One named graph per document (the graph IRI is the document IRI), one shared graph of
entity descriptions (`entity_graph`, see ontology.mapping); the default graph seen by
queries is the union of all graphs. Only this module touches the store.

Two oxrdflib traps (see the end-to-end issue): prepared queries silently fall back to
rdflib's slow Python engine, and a plain Graph() writes into a random named graph. So we
only ever pass query *strings* to a Dataset, and write quads into explicit graphs.
"""
# Over 400 lines, kept whole: the whole of the one module that touches the on-disk store (its traps are guarded in one place).
from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from core.errors import QueryError, StoreError
from kg.store.base import PreparedGraph, StoreQueries
from kg.store.sparql_text import _iri, has_dataset_clause, syntax_error_message
from kg.store.updates import DOCUMENTS_QUERY, gazetteer_graph, kept_update, orphan_update, restated_update, upgrade_steps
from ontology.namespace import KGO, PREFIXES


# Documents per call of Oxigraph's bulk loader in put_graphs: 64–200 were fastest
# (2.4 ms a document against 8.4 for one transaction each; 16 a call: 3.3 ms, 1,000: 3.1)
# Documents per bulk load. A commit's worth (1,000) left RocksDB less to compact at
# 10,000 documents (46 CPU s against 71-76) but was no faster: 200 against 191 s there,
# and 2,531 against 2,440 s at 100,000, where compaction took 1,190 CPU s either way.
BULK_DOCS = 128
IMPORT_CHUNK = 10_000  # quads per Oxigraph transaction in `kg import`


class GraphStore(StoreQueries):
    """Open (or create) the store at `path`. Use as a context manager or call close()."""

    def __init__(self, path: Path | str, create: bool = True, read_only: bool = False,
                 entity_graph: str | None = None) -> None:
        """`read_only` is for published snapshots (kg.snapshots), never a live store.
        `entity_graph` is the IRI of the shared graph that put_graph(described=…)
        writes to and remove_graph collects orphans from."""
        self.path = Path(path)
        self.read_only = read_only
        self.entity_graph = entity_graph
        self._lock = threading.RLock()
        # What was written since the last publish, for kg.summary: the graphs written or
        # removed, whether anything was written around put_graph/remove_graph (untracked),
        # and a hook called before the first such write
        self.changed: set[str] = set()
        self.untracked = False
        self.on_change: Callable[[], None] | None = None
        try:
            exists = self.path.exists()
            if not exists and (read_only or not create):
                raise StoreError(f"{self.path}에 그래프 저장소가 없습니다. 먼저 `kg ingest`로 문서를 수집하세요 "
                                 f"(no graph store at {self.path}: run `kg ingest` first)")
            if read_only:
                inner = ox.Store.read_only(str(self.path))
                self.ds = Dataset(store=OxigraphStore(store=inner), default_union=True)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.ds = Dataset(store="Oxigraph", default_union=True)
                # oxrdflib refuses create=True on an existing directory; Oxigraph creates as needed
                self.ds.open(str(self.path), create=not exists)
        except StoreError:
            raise
        except (OSError, RuntimeError) as e:
            raise StoreError(
                f"그래프 저장소 {self.path}를 열 수 없습니다. 다른 `kg` 프로세스(ingest나 serve)가 쓰고 있는지 "
                f"확인하세요 (cannot open the graph store at {self.path}: {e}; is another `kg` process using it?)"
            ) from e
        for prefix, ns in PREFIXES.items():
            self.ds.bind(prefix, ns, override=True)
        self._prefixes = {p: str(ns) for p, ns in self.ds.namespaces()}

    @property
    def frozen(self) -> bool:
        """A read-only store is a published snapshot, which never changes (kg.store.snapshots)."""
        return self.read_only

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self.ds.close()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------
    def query(self, sparql: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Result:
        """Run a SPARQL query string with Oxigraph's engine. The default graph is the
        union of all graphs, unless the query has FROM clauses or the caller names
        graphs (the protocol's default-graph-uri / named-graph-uri)."""
        with _query_errors(sparql), self._lock:
            if default_graphs or named_graphs or has_dataset_clause(sparql):
                return self._query_dataset(sparql, default_graphs, named_graphs)
            return self.ds.query(sparql)

    def _query_dataset(self, sparql: str, default_graphs: list[str] | None,
                       named_graphs: list[str] | None) -> Result:
        prefixes = {p: str(ns) for p, ns in self.ds.namespaces()}
        kw: dict = {"prefixes": prefixes}
        if default_graphs:
            kw["default_graph"] = [ox.NamedNode(_iri(g)) for g in default_graphs]
        if named_graphs:
            kw["named_graphs"] = [ox.NamedNode(_iri(g)) for g in named_graphs]
        res = self.oxigraph.query(sparql, **kw)
        if isinstance(res, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(res)
        elif isinstance(res, ox.QuerySolutions):
            out = Result("SELECT")
            out.vars = [Variable(v.value) for v in res.variables]
            out.bindings = [{v: from_ox(val) for v, val in zip(out.vars, sol) if val is not None} for sol in res]
        else:
            out = Result("CONSTRUCT")
            out.graph = Graph()
            out.graph += (from_ox(t) for t in res)
        return out

    def select(self, sparql: str) -> list[dict[str, object]]:
        """SELECT as a list of {variable: rdflib term} rows (unbound variables omitted).
        Straight through pyoxigraph, with the terms oxrdflib would make: the same engine,
        a quarter less time on results of thousands of rows."""
        if has_dataset_clause(sparql):
            return self.select_results(sparql)
        with _query_errors(sparql), self._lock:
            res = self.oxigraph.query(sparql, use_default_graph_as_union=True, prefixes=self._prefixes)
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("select() runs SELECT queries only")
            names = [v.value for v in res.variables]
            return [{n: from_ox(t) for n, t in zip(names, sol) if t is not None} for sol in res]

    def select_strings(self, sparql: str) -> list[dict[str, str]]:
        """select() with each term as its string (IRI, lexical form, blank node id): no
        rdflib terms, for the big internal queries of entity pages (7,600 rows, 30,000
        terms for a hub ministry at 100,000 documents: 0.4 s of conversion saved)."""
        if has_dataset_clause(sparql):
            return [{k: str(v) for k, v in r.items()} for r in self.select_results(sparql)]
        with _query_errors(sparql), self._lock:
            res = self.oxigraph.query(sparql, use_default_graph_as_union=True, prefixes=self._prefixes)
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("select_strings() runs SELECT queries only")
            names = [v.value for v in res.variables]
            return [{n: t.value for n, t in zip(names, sol) if t is not None} for sol in res]

    def documents(self) -> list[tuple[str, str | None]]:
        """(IRI, source key or None) of every stored document: what an ingest run reads
        once at its start. Plain strings straight from pyoxigraph: at 100,000 documents
        making rdflib terms of the rows took longer than the query."""
        with _query_errors(), self._lock:
            res = self.oxigraph.query(DOCUMENTS_QUERY, use_default_graph_as_union=True)
            return [(s[0].value, s[1].value if s[1] is not None else None) for s in res]

    # -- writing -------------------------------------------------------------------
    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store under rdflib (for bulk loads and snapshots)."""
        return self.ds.store._inner

    def put_graph(self, graph_iri: str, triples: Iterable[tuple], described: Iterable[tuple] = ()) -> int:
        """Replace the named graph `graph_iri` with `triples` and add `described` (the
        descriptions of the entities it mentions) to the entity graph, in one Oxigraph
        transaction (one SPARQL update): a kill or a bad term part-way leaves the old
        graph whole, never an empty one. Returns the count of the graph's triples."""
        self._writable()
        lines = [f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in triples]
        blocks = {nt_term(URIRef(graph_iri)): lines}
        shared = [f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in described]
        if shared:
            blocks.setdefault(self._entity_graph_nt(shared), []).extend(shared)
        self._touch(graph_iri)
        with self._lock:
            self._replace(graph_iri, blocks)
        return len(lines)

    def prepare_graph(self, graph_iri: str, triples: Iterable[tuple], described: Iterable[tuple] = ()) -> PreparedGraph:
        """What put_graph would write, as N-Quads text, for put_graphs to write later
        with others (the text takes less memory than the rdflib triples)."""
        graph_nt = nt_term(URIRef(graph_iri))
        lines = _quads(triples, graph_nt)
        shared = _quads(described, self._entity_graph_nt(described))
        return PreparedGraph(graph_iri, "".join(lines + shared), len(lines))

    def put_graphs(self, graphs: list[PreparedGraph]) -> None:
        """Write prepared document graphs with Oxigraph's bulk loader, BULK_DOCS at a
        time: 3.4 times faster than put_graph's transaction per graph, but not atomic. A
        crash part-way leaves some quads of some of these graphs; so what a graph holds
        already is dropped first, and kg.pipeline.reconcile drops any document graph the
        text index does not know (leftover_graphs), whether or not it got its type."""
        self._writable()
        for g in graphs:
            self._touch(g.iri)
        try:
            with self._lock:
                for g in graphs:
                    node = ox.NamedNode(_iri(g.iri))
                    if next(self.oxigraph.quads_for_pattern(None, None, None, node), None) is not None:
                        self.oxigraph.remove_graph(node)
                for i in range(0, len(graphs), BULK_DOCS):
                    text = "".join(str(g.payload) for g in graphs[i:i + BULK_DOCS])
                    self.oxigraph.bulk_load(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"그래프 {len(graphs)}개를 쓰지 못했습니다 (writing {len(graphs)} graphs failed: {e})") from e

    def replace_graph(self, graph: PreparedGraph) -> None:
        """Replace one stored document graph with a prepared one in a single Oxigraph
        transaction (one SPARQL update: drop, insert, collect the descriptions of the
        entities the old graph mentioned and nothing mentions now): a stored document read
        again (kg.write.reread) is old or new, whole, at any instant a kill comes, where
        put_graphs' bulk load may leave half a graph for reconcile to drop."""
        self._writable()
        self._touch(graph.iri)
        blocks: dict[str, list[str]] = {}
        try:
            for q in ox.parse(str(graph.payload).encode("utf-8"), format=ox.RdfFormat.N_QUADS):
                blocks.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
        except SyntaxError as e:
            raise StoreError(f"그래프를 쓰지 못했습니다: {graph.iri} (writing graph {graph.iri} failed: {e})") from e
        with self._lock:
            entities = self._mentioned(graph.iri)
            gc = orphan_update(self.entity_graph, entities) if self.entity_graph and entities else ""
            self._replace(graph.iri, blocks, gc)

    def _replace(self, graph_iri: str, blocks: dict[str, list[str]], then: str = "") -> None:
        """Drop `graph_iri` and insert `blocks` (graph term → triple lines), then run the
        update `then`, as one SPARQL update: one transaction. (Oxigraph's load and
        remove_graph are one transaction each; a failure between them lost the graph.)"""
        data = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in blocks.items() if lines)
        update = f"DROP SILENT GRAPH <{_iri(graph_iri)}>" + (f" ;\nINSERT DATA {{\n{data}\n}}" if data else "")
        try:
            with _query_errors():
                self.oxigraph.update(f"{update} ;\n{then}" if then else update)
        except QueryError as e:
            raise StoreError(f"그래프를 쓰지 못했습니다: {graph_iri} (writing graph {graph_iri} failed: {e})") from e

    def optimize(self) -> None:
        """Compact the store after bulk loads: each leaves its own files, which reads
        must all look into (the bench's aggregation over 10,000 documents: 966 ms before,
        730 after, as after one transaction per document; 1.8 s of compaction)."""
        self._writable()
        with self._lock:
            self.oxigraph.optimize()

    def leftover_graphs(self, prefix: str) -> set[str]:
        """The named graphs whose IRI starts with `prefix` (document graphs), with or
        without their `a kgo:Document` (which a bulk load cut short may lack)."""
        return {g.value for g in self.oxigraph.named_graphs() if g.value.startswith(prefix)}

    def _entity_graph_nt(self, described: Iterable[tuple]) -> str:
        if self.entity_graph is None and described:
            raise StoreError("this store has no entity graph for entity descriptions")
        return nt_term(URIRef(self.entity_graph)) if self.entity_graph else ""

    def remove_graph(self, graph_iri: str) -> None:
        """Drop a named graph and, in the same transaction, the descriptions of the
        entities that no document mentions any more (see orphan_update)."""
        self._writable()
        self._touch(graph_iri)
        with self._lock, _query_errors():
            entities = self._mentioned(graph_iri)
            drop = f"DROP SILENT GRAPH <{_iri(graph_iri)}>"
            gc = orphan_update(self.entity_graph, entities) if self.entity_graph and entities else ""
            self.oxigraph.update(f"{drop} ;\n{gc}" if gc else drop)

    def _mentioned(self, graph_iri: str) -> list[str]:
        g = _iri(graph_iri)
        return [str(r["e"]) for r in self.select(
            f"SELECT DISTINCT ?e WHERE {{ GRAPH <{g}> {{ <{g}> <{KGO.mentions}> ?e }} }}")]

    def collect_orphans(self) -> None:
        """Remove the descriptions of every entity no document mentions (after a crash
        between dropping a graph and collecting, which are one transaction here but
        not on every remote server)."""
        self._writable()
        if self.entity_graph:
            self._touch(None)
            with self._lock, _query_errors():
                self.oxigraph.update(orphan_update(self.entity_graph, None))

    def upgrade(self) -> bool:
        """Bring data written by an older version up to date (upgrade_steps); True
        when anything changed. Each step one transaction: moving the relations took 8 s
        at 10,000 documents, 84 s and 3.1 GB at 100,000."""
        self._writable()
        if not self.entity_graph:
            return False
        changed = False
        with self._lock, _query_errors():
            for ask, update in upgrade_steps(self.entity_graph):
                if self.oxigraph.query(ask, use_default_graph_as_union=True):
                    self._touch(None)
                    self.oxigraph.update(update)
                    changed = True
        return changed

    def put_gazetteer(self, triples: Iterable[tuple]) -> None:
        """Replace the gazetteer's graph with `triples`, keeping in the entity graph the
        descriptions of mentioned entities that it no longer states (kept_update), and
        deleting from the entity graph what it now states (restated_update)."""
        self._writable()
        if not self.entity_graph:
            raise StoreError("this store has no entity graph for the gazetteer's names")
        with self._lock, _query_errors():
            self._touch(None)
            self.oxigraph.update(kept_update(self.entity_graph))
            self.put_graph(gazetteer_graph(self.entity_graph), triples)
            self.oxigraph.update(restated_update(self.entity_graph)[1])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("이 그래프 저장소는 읽기 전용 스냅숏이라 쓸 수 없습니다 (this graph store is a read-only snapshot)")

    def _touch(self, graph_iri: str | None) -> None:
        """Record a write (of one graph, or None: anything) before it happens."""
        if not self.changed and not self.untracked and self.on_change is not None:
            self.on_change()
        if graph_iri is None:
            self.untracked = True
        else:
            self.changed.add(graph_iri)

    def untracked_write(self) -> None:
        """Say that quads are about to be written other than by put_graph (kg import)."""
        self._writable()
        self._touch(None)

    # -- export and import (kg.store.transfer) ---------------------------------------
    import_chunk = IMPORT_CHUNK

    def dump_nquads(self, out: IO[bytes]) -> int:
        """Write the whole dataset to `out` as N-Quads with Oxigraph's own dump (one
        consistent read snapshot, never in memory); returns the quad count."""
        counter = _LineCounter(out)
        try:
            self.oxigraph.dump(counter, format=ox.RdfFormat.N_QUADS)
        except OSError as e:
            raise StoreError(f"내보내지 못했습니다 (export failed: {e})") from e
        return counter.lines

    def add_quads(self, quads: list[ox.Quad], replace: Iterable[str] = ()) -> int:
        """Append quads (as parsed by pyoxigraph) in one transaction, the graphs named in
        `replace` dropped first (kg import; kg.summary counts the store afresh at the
        next publish)."""
        for g in replace:
            self.remove_graph(g)
        self.untracked_write()
        try:
            self.oxigraph.extend(quads)
        except OSError as e:
            raise StoreError(f"가져오지 못했습니다 (import failed: {e})") from e
        return len(quads)


class _LineCounter(io.RawIOBase):
    """A write-through binary stream that counts lines (one N-Quads statement each)."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__()
        self.out, self.lines = out, 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        data = bytes(b)
        self.lines += data.count(b"\n")
        self.out.write(data)
        return len(data)


def _quads(triples: Iterable[tuple], graph_nt: str) -> list[str]:
    return [f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {graph_nt} .\n" for s, p, o in triples]


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


_NT_IRIS: dict[URIRef, str] = {}
_NT_IRIS_MAX = 200_000


def nt_term(t: object) -> str:
    """N-Triples form of an rdflib term (rdflib's n3() may emit Turtle long strings).
    IRIs are kept once made (a bounded cache): properties, classes, entities and a
    document's own nodes recur."""
    if type(t) is URIRef:
        nt = _NT_IRIS.get(t)
        if nt is None:
            if len(_NT_IRIS) >= _NT_IRIS_MAX:
                _NT_IRIS.clear()
            nt = _NT_IRIS[t] = f"<{_iri(str(t))}>"
        return nt
    if isinstance(t, URIRef):
        return f"<{_iri(str(t))}>"
    if isinstance(t, Literal):
        body = '"' + str(t).translate(_NT_ESCAPES) + '"'
        if t.language:
            return f"{body}@{t.language}"
        if t.datatype:
            return f"{body}^^<{_iri(str(t.datatype))}>"
        return body
    if isinstance(t, BNode):
        return f"_:{t}"
    raise StoreError(f"cannot store term {t!r}")


# the prefixes every query may use undeclared (GraphStore binds rdflib's and ours)
_BOUND = frozenset(p for p, _ns in Dataset().namespaces()) | frozenset(PREFIXES)


@contextmanager
def _query_errors(query: str | None = None) -> Iterator[None]:
    """Oxigraph's exceptions as QueryError with a message a user can act on (for a
    syntax error in `query`: where, what may come there, the prefixes needing no PREFIX)."""
    try:
        yield
    except SyntaxError as e:
        if query is not None:
            raise QueryError(syntax_error_message(query, str(e), _BOUND, PREFIXES)) from e
        raise QueryError(f"SPARQL 구문 오류입니다 (SPARQL syntax error: {e})") from e
    except (ValueError, NotImplementedError) as e:
        raise QueryError(f"질의를 실행할 수 없습니다 ({e})") from e
    except OSError as e:
        raise QueryError(f"질의가 실패했습니다 (query failed: {e})") from e
