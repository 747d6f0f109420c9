"""The one object the CLI and the web layer use: a knowledge graph on a data directory
(graph store + text index), with the read queries the pages need.

Opening is lazy, so `kg search` does not pay for the graph store and vice versa.
"""
# Over 400 lines, kept whole: the one facade the CLI and web use; its methods mostly delegate to kg.read, kg.store and kg.search.
from __future__ import annotations

import csv
import io
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from rdflib import BNode, Graph, Literal, URIRef

from kg.read import entity as entity_queries
from kg.store import snapshots
from kg.read import summary
from kg.csvsafe import needs_quote, safe_text
from core.errors import QueryError, StoreError
from core.namespaces import DCTERMS, XSD_STRING
from kg.search.index import SearchBackend, SearchResult
from kg.store import GraphBackend, open_store
from kg.settings import Settings
from kg.read.sparql_exec import QueryRunner, execute
from kg.store.sparql_text import check_read_only
from kg.store.embedded import GraphStore, _iri, nt_term
from ontology.iris import COUNTS_GRAPH
from ontology.namespace import KGO, PREFIXES


@dataclass
class QueryResult:
    """A SPARQL result in plain Python: SELECT rows, an ASK boolean, or CONSTRUCT triples."""

    kind: str                           # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # var → rdflib term
    boolean: bool | None = None
    graph: Any = None                   # rdflib Graph for CONSTRUCT/DESCRIBE
    truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        if self.kind == "ASK":
            return {"head": {}, "boolean": bool(self.boolean)}
        return {
            "head": {"vars": self.vars},
            "results": {"bindings": [{k: term_json(v) for k, v in r.items()} for r in self.rows]},
            **({"truncated": True} if self.truncated else {}),
        }

    def to_delimited(self, delimiter: str, *, for_people: bool = False) -> str:
        """SPARQL 1.1 CSV (`,`) or TSV (`\\t`) results. `for_people` (a download from the
        UI, opened in a spreadsheet) quotes values that would start a formula (kg.csvsafe),
        which bends the standard: machine clients leave it off."""
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n")
        if self.kind == "ASK":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        if delimiter != ",":
            # SPARQL TSV: terms in Turtle/N-Triples form, never CSV-quoted; one row a line
            lines = ["\t".join("?" + v for v in self.vars)]
            lines += ["\t".join(_cell(r.get(v), delimiter, for_people) for v in self.vars) for r in self.rows]
            return "\n".join(lines) + "\n"
        w.writerow(self.vars)
        for r in self.rows:
            w.writerow([_cell(r.get(v), delimiter, for_people) for v in self.vars])
        return buf.getvalue()


def term_json(t: Any) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    d = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal):
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype and str(t.datatype) != XSD_STRING:  # a simple literal carries no datatype
            d["datatype"] = str(t.datatype)
    return d




def _cell(t: Any, delimiter: str, for_people: bool = False) -> str:
    if t is None:
        return ""
    if delimiter == ",":
        text = f"_:{t}" if isinstance(t, BNode) else str(t)
        return safe_text(text) if for_people else text
    if isinstance(t, Literal) and str(t.datatype) == XSD_STRING:
        t = Literal(str(t))  # Oxigraph types every simple literal xsd:string; write it as "…"
    if isinstance(t, (URIRef, Literal, BNode)):
        text = nt_term(t).replace("\t", "\\t")  # N-Triples escapes \n and \r; a tab would split the row
        if for_people and isinstance(t, Literal) and needs_quote(str(t)):
            text = "\"'" + text[1:]  # a spreadsheet drops the quotes of "=1+1": the mark goes inside
        return text
    return str(t)


class KnowledgeGraph:
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
        res.query, res.included, res.compounds = text, wide.included, wide.compounds
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

    # -- pages ---------------------------------------------------------------------
    def document(self, iri: str) -> dict[str, Any] | None:
        """Metadata, text and mentions of one document, or None."""
        iri = _iri(iri)
        rows = self.store.select(f"""
            SELECT ?title ?date ?source ?text ?kind ?publisher WHERE {{ GRAPH <{iri}> {{
              <{iri}> a <{KGO.Document}> ; <{DCTERMS}title> ?title ; <{KGO.text}> ?text .
              OPTIONAL {{ <{iri}> <{DCTERMS}date> ?date }}
              OPTIONAL {{ <{iri}> <{DCTERMS}source> ?source }}
              OPTIONAL {{ <{iri}> <{KGO.sourceKind}> ?kind }}
              OPTIONAL {{ <{iri}> <{DCTERMS}publisher> ?publisher }} }} }}""")
        if not rows:
            return None
        r = rows[0]
        mentions = self.store.select(f"""
            SELECT ?start ?end ?type ?entity ?value WHERE {{ GRAPH <{iri}> {{
              ?m <{KGO.start}> ?start ; <{KGO.end}> ?end .  # a sentence has offsets too, but no type
              {{ ?m <{KGO.mentionType}> ?type }} UNION {{ ?m <{KGO.entityType}> ?type }}  # the latter: older data
              OPTIONAL {{ ?m <{KGO.mentionOf}> ?entity }} OPTIONAL {{ ?m <{KGO.normalizedValue}> ?value }} }} }}
            ORDER BY ?start""")
        return {
            "iri": iri,
            "title": str(r["title"]),
            "date": str(r["date"]) if "date" in r else None,
            "source": str(r["source"]) if "source" in r else None,
            "source_kind": str(r["kind"]) if "kind" in r else None,
            "publisher": str(r["publisher"]) if "publisher" in r else None,
            "url": str(r["source"]) if isinstance(r.get("source"), URIRef) else None,  # the original address
            "text": str(r["text"]),
            "mentions": [
                {"start": int(m["start"]), "end": int(m["end"]), "type": str(m["type"]),
                 "entity": str(m["entity"]) if "entity" in m else None,
                 "value": str(m["value"]) if "value" in m else None}
                for m in mentions
            ],
        }

    def entity(self, iri: str, page: int = 1, page_size: int | None = None) -> dict[str, Any] | None:
        """Names, type, relations (with the sentence each came from) and one page of the
        documents that mention it, newest first, with their total (see kg.entity)."""
        head = self.entity_names(iri)
        return None if head is None else {**head, **self.entity_details(head["iri"], page, page_size)}

    def entity_names(self, iri: str) -> dict[str, Any] | None:
        """Labels and type of an entity (kg.summary; the store for one it does not know), or None."""
        iri = _iri(iri)
        s = self.summary()
        if s.known(iri):
            names = s.names(iri)
            types = [t] if (t := summary.entity_type(iri, self.base)) else []
        else:
            found = entity_queries.names(self.store, iri)
            if found is None:
                return None
            names, types = found, sorted({t["value"] for t in found["type"]})
        pref = names["pref"]
        ko = [x["value"] for x in pref if x["lang"] == "ko"]
        return {"iri": iri, "label": ko[0] if ko else (pref[0]["value"] if pref else iri.rsplit("/", 1)[-1]),
                "types": types, "pref_labels": pref, "alt_labels": names["alt"],
                "titles": sorted({t["value"] for t in names["title"]})}

    def entity_details(self, iri: str, page: int = 1, page_size: int | None = None) -> dict[str, Any]:
        """The relations shown on an entity page, how many there are in all, and a page
        of its documents: {relations, relation_groups, documents, total, page_number, pages, page_size}."""
        rows, groups = entity_queries.relations(self.store, iri, self.summary().label)
        docs = entity_queries.documents(self.store, iri, page, page_size or self.settings.page_size)
        return {"relations": rows, "relation_groups": groups, **docs}

    def entity_relations(self, iri: str) -> list[dict[str, Any]]:
        """Every relation of an entity with its evidence (the CSV export), at most max_rows."""
        return entity_queries.all_relations(self.store, iri, self.summary().label, self.settings.max_rows)

    def nodes(self, iris: list[str]) -> dict[str, dict[str, str | None]]:
        """Korean label and type code of many entities (IRI → {label, type})."""
        s = self.summary()
        out = {i: {"label": s.label(i), "type": summary.entity_type(i, self.base)} for i in iris if s.known(i)}
        missing = [i for i in dict.fromkeys(iris) if i not in out]
        if missing:
            from kg.read.queries import node_info  # noqa: PLC0415

            out.update(node_info(self.store, missing))
        return out

    def lookup(self, prefix: str, limit: int = 10) -> list[dict[str, Any]]:
        """Entities whose name or alias contains `prefix`, most mentioned first (autocomplete)."""
        return self.summary().lookup(prefix, self.base, limit)

    def resolve(self, name: str) -> str | None:
        """The entity an exact name or alias stands for (then ignoring case), or None."""
        return self.summary().resolve(name, self.base)

    def document_sources(self, iris: list[str]) -> dict[str, dict[str, str | None]]:
        """Title, date, publisher and original address of documents, for citations."""
        return entity_queries.doc_sources(self.store, iris)

    def document_relations(self, iri: str) -> list[dict[str, Any]]:
        """The relations a document reports, in text order, each with its sentence."""
        from kg.read.queries import document_relations  # noqa: PLC0415

        return document_relations(self.store, iri)

    def succession(self, iri: str) -> dict[str, list[dict[str, str]]]:
        """Predecessor and successor bodies of a reorganised government body; the business
        group of a company and the companies of a group."""
        from kg.read.queries import succession  # noqa: PLC0415

        return succession(self.store, iri)

    def month_siblings(self, iri: str, label: str) -> list[dict[str, str]]:
        """Events that may be this one, reported by the month alone (kg.read.events)."""
        from kg.read.events import month_siblings  # noqa: PLC0415

        return month_siblings(self.store, iri, label)

    def same_initiative(self, iri: str, label: str) -> list[dict[str, str]]:
        """A law under its short name and under its full title (kg.read.same_names)."""
        from kg.read.same_names import same_initiative  # noqa: PLC0415

        return same_initiative(self.store, iri, label)

    def lineage(self, iri: str) -> dict[str, Any] | None:
        """A government body's dated lineage (kg.lineage.timeline), or None."""
        from kg.read.lineage import timeline  # noqa: PLC0415

        return timeline(_iri(iri), self.base)

    def deadlines(self, entity: str | None = None, today: Any = None) -> list[dict[str, Any]]:
        """Scheduled dates of initiatives (of `entity`, or all), with today's status (kg.read.calendar)."""
        from kg.read.calendar import deadlines  # noqa: PLC0415

        return deadlines(self.store, entity=entity, today=today)

    def lineage_documents(self, iris: list[str], page: int = 1, page_size: int | None = None) -> dict[str, Any]:
        """One page of the documents of a body and its predecessors (kg.lineage.documents)."""
        from kg.read.lineage import documents  # noqa: PLC0415

        return documents(self.store, iris, page, page_size or self.settings.page_size)

    def labels(self, iris: list[str]) -> dict[str, str]:
        """Korean preferred labels of many entities (IRI → label)."""
        return {i: n["label"] for i, n in self.nodes(iris).items() if n.get("label")}


REMOTE_SUMMARY_SECONDS = 60.0  # a remote server may change under us; a snapshot never does


def dumps_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
