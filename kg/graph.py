"""The one object the CLI and the web layer use: a knowledge graph on a data directory
(graph store + text index), with the read queries the pages need.

Opening is lazy, so `kg search` does not pay for the graph store and vice versa.
"""
from __future__ import annotations

import csv
import io
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef

from kg import snapshots
from kg.errors import QueryError, StoreError
from kg.index import SearchBackend, SearchResult
from kg.remote import RemoteStore
from kg.settings import Settings
from kg.sparql_exec import QueryRunner, execute
from kg.sparql_text import check_read_only
from kg.store import GraphStore, _iri, nt_term
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

    def to_delimited(self, delimiter: str) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n")
        if self.kind == "ASK":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        if delimiter != ",":
            # SPARQL TSV: terms in Turtle/N-Triples form, never CSV-quoted; one row a line
            lines = ["\t".join("?" + v for v in self.vars)]
            lines += ["\t".join(_cell(r.get(v), delimiter) for v in self.vars) for r in self.rows]
            return "\n".join(lines) + "\n"
        w.writerow(self.vars)
        for r in self.rows:
            w.writerow([_cell(r.get(v), delimiter) for v in self.vars])
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


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _cell(t: Any, delimiter: str) -> str:
    if t is None:
        return ""
    if delimiter == ",":
        return f"_:{t}" if isinstance(t, BNode) else str(t)
    if isinstance(t, Literal) and str(t.datatype) == XSD_STRING:
        t = Literal(str(t))  # Oxigraph types every simple literal xsd:string; write it as "…"
    if isinstance(t, (URIRef, Literal, BNode)):
        return nt_term(t).replace("\t", "\\t")  # N-Triples escapes \n and \r; a tab would split the row
    return str(t)


class KnowledgeGraph:
    """`read_only=True` (the web server, query workers) reads the newest published
    snapshot and follows new ones as ingests publish them; the default opens the live
    store for writing (one process at a time)."""

    def __init__(self, settings: Settings, read_only: bool = False, runner: QueryRunner | None = None) -> None:
        self.settings = settings
        self.read_only = read_only
        # A remote server (KG_SPARQL_ENDPOINT) serves readers and writers alike: no
        # snapshots, and no worker processes (the HTTP time limit stops a slow query).
        self.remote = bool(settings.sparql_endpoint)
        self.runner = None if self.remote else runner
        self._store: GraphStore | None = None
        # Kept apart from _store, so publish() (snapshots of the on-disk store) has nothing to do.
        self._remote: RemoteStore | None = None
        self._snapshot: Path | None = None
        self._index: SearchBackend | None = None
        self._published = 0.0

    @property
    def base(self) -> str:
        return self.settings.base_iri

    @property
    def store(self) -> GraphStore | RemoteStore:
        if self.remote:
            if self._remote is None:
                self._remote = RemoteStore.from_settings(self.settings, read_only=self.read_only)
            return self._remote
        if self.read_only:
            snap = snapshots.current(self.settings.data_dir)
            if snap is None:
                raise StoreError(f"no data in {self.settings.data_dir}: run `kg ingest` first")
            if snap != self._snapshot:
                # the previous snapshot stays open for queries still running on it
                left, self._store, self._snapshot = self._snapshot, GraphStore(snap, read_only=True), snap
                snapshots.prune(self.settings.data_dir, self._grace(), spare=left)
        elif self._store is None:
            self._store = GraphStore(self.settings.graph_dir)
        assert self._store is not None
        return self._store

    @property
    def index(self) -> SearchBackend:
        """The text index (KG_SEARCH_BACKEND: whoosh, the default, or tantivy)."""
        if self._index is None:
            from kg.search import open_index  # noqa: PLC0415

            self._index = open_index(self.settings.index_dir, self.settings.search_backend,
                                     create=not self.read_only)
        return self._index

    def publish(self, min_interval: float = 0.0) -> None:
        """Make what was written visible to readers (see kg.snapshots)."""
        if self.read_only or self._store is None:
            return
        now = time.monotonic()
        if now - self._published >= min_interval:
            snapshots.publish(self._store.oxigraph, self.settings.data_dir, self._grace())
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
    def search(self, text: str, **kw: Any) -> SearchResult:
        kw.setdefault("page_size", self.settings.page_size)
        return self.index.search(text, **kw)

    def sparql(self, query: str, max_rows: int | None = None, default_graphs: list[str] | None = None,
               named_graphs: list[str] | None = None) -> QueryResult:
        """Run a read-only SPARQL query with a row cap; with a runner (the web server),
        in a worker process under the time limit."""
        if not query.strip():
            raise QueryError("empty SPARQL query")
        check_read_only(query)
        max_rows = max_rows or self.settings.max_rows
        if self.runner is not None:
            raw = self.runner.run(query, self.settings.query_timeout, max_rows, default_graphs, named_graphs)
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
        s = self.store.stats()
        s["indexed"] = self.index.doc_count()
        return s

    # -- pages ---------------------------------------------------------------------
    def document(self, iri: str) -> dict[str, Any] | None:
        """Metadata, text and mentions of one document, or None."""
        iri = _iri(iri)
        rows = self.store.select(f"""
            SELECT ?title ?date ?source ?text ?kind WHERE {{ GRAPH <{iri}> {{
              <{iri}> a <{KGO.Document}> ; <http://purl.org/dc/terms/title> ?title ; <{KGO.text}> ?text .
              OPTIONAL {{ <{iri}> <http://purl.org/dc/terms/date> ?date }}
              OPTIONAL {{ <{iri}> <http://purl.org/dc/terms/source> ?source }}
              OPTIONAL {{ <{iri}> <{KGO.sourceKind}> ?kind }} }} }}""")
        if not rows:
            return None
        r = rows[0]
        mentions = self.store.select(f"""
            SELECT ?start ?end ?type ?entity ?value WHERE {{ GRAPH <{iri}> {{
              ?m <{KGO.inDocument}> <{iri}> ; a <{KGO.Mention}> ; <{KGO.start}> ?start ; <{KGO.end}> ?end ;
                 <{KGO.entityType}> ?type .
              OPTIONAL {{ ?m <{KGO.mentionOf}> ?entity }} OPTIONAL {{ ?m <{KGO.normalizedValue}> ?value }} }} }}
            ORDER BY ?start""")
        return {
            "iri": iri,
            "title": str(r["title"]),
            "date": str(r["date"]) if "date" in r else None,
            "source": str(r["source"]) if "source" in r else None,
            "source_kind": str(r["kind"]) if "kind" in r else None,
            "text": str(r["text"]),
            "mentions": [
                {"start": int(m["start"]), "end": int(m["end"]), "type": str(m["type"]),
                 "entity": str(m["entity"]) if "entity" in m else None,
                 "value": str(m["value"]) if "value" in m else None}
                for m in mentions
            ],
        }

    def entity(self, iri: str) -> dict[str, Any] | None:
        """Labels, type, relations (with the sentence each came from) and documents."""
        iri = _iri(iri)
        labels = self.store.select(f"""
            SELECT ?p ?l WHERE {{ <{iri}> ?p ?l . FILTER(?p IN (<http://www.w3.org/2004/02/skos/core#prefLabel>,
              <http://www.w3.org/2004/02/skos/core#altLabel>, <{KGO.entityType}>, <{KGO.postTitle}>)) }}""")
        if not labels:
            return None
        pref, alt, types, titles = [], [], [], []
        for r in labels:
            p, lit = str(r["p"]), r["l"]
            item = {"value": str(lit), "lang": getattr(lit, "language", None)}
            if p.endswith("prefLabel"):
                pref.append(item)
            elif p.endswith("altLabel"):
                alt.append(item)
            elif p == str(KGO.entityType):
                types.append(str(lit))
            else:
                titles.append(str(lit))
        ko = [x["value"] for x in pref if x["lang"] == "ko"]
        label = ko[0] if ko else (pref[0]["value"] if pref else iri.rsplit("/", 1)[-1])
        rels = self.store.select(f"""
            SELECT DISTINCT ?dir ?prop ?other ?otherLabel ?doc ?docTitle ?sentence ?expr ?value WHERE {{
              {{ ?r <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> <{iri}> ;
                    <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?other . BIND("out" AS ?dir) }}
              UNION
              {{ ?r <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> <{iri}> ;
                    <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?other . BIND("in" AS ?dir) }}
              ?r <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?prop ; <{KGO.inDocument}> ?doc .
              ?doc <http://purl.org/dc/terms/title> ?docTitle .
              OPTIONAL {{ ?r <{KGO.inSentence}> ?s . ?s <{KGO.text}> ?sentence }}
              OPTIONAL {{ ?other <http://www.w3.org/2004/02/skos/core#prefLabel> ?otherLabel .
                         FILTER(lang(?otherLabel) = "ko") }}
              OPTIONAL {{ ?other <{KGO.expression}> ?expr }}
              OPTIONAL {{ ?other <{KGO.normalizedValue}> ?value }}
            }} LIMIT 500""")
        docs = self.store.select(f"""
            SELECT DISTINCT ?doc ?title ?date WHERE {{ ?doc <{KGO.mentions}> <{iri}> ;
              <http://purl.org/dc/terms/title> ?title . OPTIONAL {{ ?doc <http://purl.org/dc/terms/date> ?date }} }}
            ORDER BY DESC(?date) LIMIT 200""")
        return {
            "iri": iri,
            "label": label,
            "types": sorted(set(types)),
            "pref_labels": pref,
            "alt_labels": alt,
            "titles": sorted(set(titles)),
            "relations": [
                {"direction": str(r["dir"]), "property": str(r["prop"]), "other": str(r["other"]),
                 "other_label": str(r.get("otherLabel") or r.get("expr") or str(r["other"]).rsplit("/", 1)[-1]),
                 "value": str(r["value"]) if "value" in r else None,
                 "document": str(r["doc"]), "document_title": str(r["docTitle"]),
                 "sentence": str(r["sentence"]) if "sentence" in r else None}
                for r in rels
            ],
            "documents": [{"iri": str(d["doc"]), "title": str(d["title"]),
                           "date": str(d["date"]) if "date" in d else None} for d in docs],
        }

    def lookup(self, prefix: str, limit: int = 10) -> list[dict[str, str]]:
        """Entities whose Korean or English label contains `prefix` (for autocomplete)."""
        from kg.queries import lookup  # noqa: PLC0415

        return lookup(self.store, prefix, limit)  # type: ignore[return-value]

    def succession(self, iri: str) -> dict[str, list[dict[str, str]]]:
        """Predecessor and successor bodies of a reorganised government body."""
        from kg.queries import succession  # noqa: PLC0415

        return succession(self.store, iri)

    def labels(self, iris: list[str]) -> dict[str, str]:
        """Korean preferred labels of many entities (IRI → label)."""
        from kg.queries import labels  # noqa: PLC0415

        return labels(self.store, iris)


def dumps_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
