"""The data of an entity page, read so that an entity mentioned in thousands of
documents costs little more than a rare one.

- names and type come from kg.read.summary (no read of the thousands of graphs that restate
  them); the documents are a page of them, newest first, with the total by COUNT;
- relations are counted from the edges each document's graph states (`<e> kgr:announces
  ?o`, ontology.mapping.REPORTED), one GROUP BY over index ranges, instead of joining every reified
  statement with labels (each label once per graph that states it: thousands x
  thousands); then at most ITEMS per relation group, most documented first, get the
  sentences of their EVIDENCE newest documents from the reified statements.

Every pattern about a document's statements is inside GRAPH ?g: over the union default
graph Oxigraph yields a triple once per graph that states it.

What a hub's page counts is kept with the published snapshot it was read from (kept()):
a snapshot never changes, and `kg serve` visits the biggest hubs' pages after each
publish, so their visitors do not wait for the counting.
"""
# Over 400 lines, kept whole: the queries of one page, tuned together against entities in thousands of documents.
from __future__ import annotations

import math
import threading
import time
import weakref
from collections import OrderedDict
from typing import Any, Callable, Iterable

from rdflib import URIRef

from core.namespaces import DCTERMS_DATE, SKOS_ALT, SKOS_PREF, prefix_lines
from core.urls import link_or_none
from kg.store import GraphBackend
from kg.store.sparql_text import _iri
from ontology.mapping import RELATION_PROPERTIES, REPORTED, TIME_RELATIONS
from ontology.namespace import KGO

ITEMS = 20          # other ends shown per relation group (the most documented)
EVIDENCE = 3        # sentences shown per relation (the newest documents)
HASH_JOIN_DOCS = 500  # above this many documents, dates come from doc_dates (one scan, kept)
DATES_SECONDS = 60.0  # doc_dates of a store that may change (live, remote) is read again after this
# A hub's page of documents is found by walking all documents newest first while the
# walk is likely to check fewer than WALK_FACTOR × its documents (see documents())
WALK_FACTOR = 4
WALK_CHUNK = 400
# Results a snapshot keeps (see kept()), by kind: a hub's edges take megabytes (7,091
# edges, 12.9 MB with ten documents each, for 산업통상자원부 at 100,000 documents)
KEPT = {"count": 4096, "shared": 256, "edges": 16, "time": 64, "meetings": 128, "schedules": 256, "calendar": 64}
FOUND_KEPT = EVIDENCE  # documents kept per edge of a hub: its evidence is the newest few

_PREFIXES = prefix_lines('kgo', 'rdf', 'dcterms')
TIME_PROPS = [str(RELATION_PROPERTIES[r]) for r in sorted(TIME_RELATIONS)]
NODE_PROPS = [str(p) for r, p in RELATION_PROPERTIES.items() if r not in TIME_RELATIONS]
Store = GraphBackend  # the embedded store or a remote server (kg.store)


def _vals(props: list[str]) -> str:
    return " ".join(f"<{p}>" for p in props)


def reported_pairs(props: Iterable[str]) -> str:
    """A VALUES block body of (?p ?r) pairs: each property with the one that states it
    in a document's graph (kgr:announces for kgo:announces; the property itself where a
    document states it as is)."""
    return " ".join(f"(<{p}> <{REPORTED.get(URIRef(p), p)}>)" for p in props)


_dates: weakref.WeakKeyDictionary[Any, tuple[float, dict[str, str]]] = weakref.WeakKeyDictionary()
_kept: weakref.WeakKeyDictionary[Any, dict[str, OrderedDict]] = weakref.WeakKeyDictionary()
_orders: weakref.WeakKeyDictionary[Any, tuple[dict[str, str], list[str]]] = weakref.WeakKeyDictionary()
_dates_lock = threading.Lock()
# one reader of a store's dates at a time: a page request that arrives while the server's
# warm-up (app.serving.warm_up) reads them waits for that read instead of doing it again
_readers: weakref.WeakKeyDictionary[Any, threading.RLock] = weakref.WeakKeyDictionary()


def _reader_lock(store: Store) -> threading.RLock:
    with _dates_lock:
        lock = _readers.get(store)
        if lock is None:
            lock = _readers[store] = threading.RLock()
        return lock


def doc_dates(store: Store) -> dict[str, str]:
    """Every document's date (document IRI → date), read with one scan and kept for the
    store: a published snapshot never changes; another store (live or remote) is read
    again after DATES_SECONDS. A hub entity's pages need the dates of its tens of
    thousands of documents: joining them in each query scanned all dates every time
    (0.45 s of a 2.2 s entity page at 100,000 documents)."""
    def fresh() -> dict[str, str] | None:
        with _dates_lock:
            hit = _dates.get(store)
        if hit is not None and (store.frozen or time.monotonic() - hit[0] < DATES_SECONDS):
            return hit[1]
        return None

    dates = fresh()
    if dates is not None:
        return dates
    with _reader_lock(store):
        dates = fresh()
        if dates is not None:
            return dates
        now = time.monotonic()
        q = f"SELECT ?d ?date WHERE {{ GRAPH ?d {{ ?d <{DCTERMS_DATE}> ?date }} }}"
        # plain strings (straight from pyoxigraph when the store is embedded): no rdflib terms for 100,000 rows
        dates = {r["d"]: r["date"] for r in store.select_strings(q)}
        with _dates_lock:
            _dates[store] = (now, dates)
        return dates


def doc_order(store: Store) -> list[str]:
    """Every document newest first, then by IRI, undated last; kept with doc_dates."""
    dates = doc_dates(store)
    with _dates_lock:
        hit = _orders.get(store)
    if hit is not None and hit[0] is dates:
        return hit[1]
    with _reader_lock(store):
        with _dates_lock:
            hit = _orders.get(store)
        if hit is not None and hit[0] is dates:
            return hit[1]
        order = sorted(_iris(store, f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d a <{KGO.Document}> }} }}", "d"))
        order.sort(key=lambda d: dates.get(d, ""), reverse=True)  # stable: ties stay in IRI order
        with _dates_lock:
            _orders[store] = (dates, order)
        return order


def _mentioning(iris: tuple[str, ...]) -> str:
    """The pattern of the documents ?doc that mention every one of `iris`."""
    return "GRAPH ?doc { ?doc kgo:mentions " + " , ".join(f"<{_iri(i)}>" for i in iris) + " }"


def _newest_mentioning(store: Store, iris: tuple[str, ...], need: int) -> list[str]:
    """The `need` newest documents that mention all of `iris`, by walking doc_order a
    chunk at a time: for an entity in half of 100,000 documents, a page costs a few
    hundred documents checked instead of reading and sorting all 47,000 of its own."""
    found: list[str] = []
    order = doc_order(store)
    for k in range(0, len(order), WALK_CHUNK):
        chunk = order[k:k + WALK_CHUNK]
        values = " ".join(f"<{_iri(d)}>" for d in chunk)
        hit = set(_iris(store, _PREFIXES + f"SELECT ?doc WHERE {{ VALUES ?doc {{ {values} }} {_mentioning(iris)} }}",
                        "doc"))
        found += [d for d in chunk if d in hit]
        if len(found) >= need:
            break
    return found


def kept(store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
    """compute(), kept for a published snapshot (which never changes) under `key`, whose
    first item is its kind: of each kind the KEPT[kind] results asked for last. Another
    store (live, remote) computes every time. Callers must not change what they get."""
    if not store.frozen:
        return compute()
    with _dates_lock:
        memo = _kept.get(store)
        if memo is None:
            memo = _kept[store] = {}
        kind = memo.setdefault(key[0], OrderedDict())
        if key in kind:
            kind.move_to_end(key)
            return kind[key]
    value = compute()
    with _dates_lock:
        kind[key] = value
        while len(kind) > KEPT[key[0]]:
            kind.popitem(last=False)
    return value


def newest_documents(store: Store, iri: str, need: int, total: int | None = None,
                     also: str | None = None) -> list[str]:
    """The `need` newest documents that mention `iri` (and `also`, if given) (newest
    first, then by IRI, undated last), ordered by the kept dates (doc_dates) rather than
    by a join with every date in the store: for an entity in many documents, a walk down
    doc_order while it is likely to check fewer than WALK_FACTOR × its documents, else
    its own documents sorted. `total` is how many there are (document_count(store, iri)
    if not given; required with `also`)."""
    iris = (iri,) if also is None else (iri, also)
    if total is None:
        total = document_count(store, iri)
    if total <= 0:
        return []
    dates = doc_dates(store)
    if need * max(len(dates), total) <= WALK_FACTOR * total * total:  # checks ≈ need × all / total
        return _newest_mentioning(store, iris, need)[:need]
    order = sorted(_iris(store, _PREFIXES + f"SELECT ?doc WHERE {{ {_mentioning(iris)} }}", "doc"))
    order.sort(key=lambda d: dates.get(d, ""), reverse=True)  # stable: newest first, then by IRI
    return order[:need]


def _strings(store: Store, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as {variable: string} (pyoxigraph's strings when the store is ours)."""
    return store.select_strings(sparql)


def _iris(store: Store, sparql: str, var: str) -> list[str]:
    """One IRI column of a SELECT, as strings (select_strings: no rdflib terms)."""
    return [r[var] for r in store.select_strings(sparql) if var in r]


def document_count(store: Store, iri: str) -> int:
    """How many documents mention `iri` (a count over one index range; kept per
    snapshot: a hub's page asks three times, 20 ms each for a ministry at 100,000)."""
    def count() -> int:
        rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> <{_iri(iri)}> }} }}")
        return int(rows[0]["n"]) if rows else 0
    return kept(store, ("count", iri), count)


def documents(store: Store, iri: str, page: int, page_size: int) -> dict[str, Any]:
    """One page of the documents that mention `iri`, newest first (undated last):
    {documents, total, page_number, pages, page_size} (`page` is the entity's own URL
    in the page's JSON twin)."""
    iri = _iri(iri)
    total = document_count(store, iri)
    pages = max(1, math.ceil(total / page_size))
    offset = (max(1, page) - 1) * page_size
    docs: list[dict[str, Any]] = []
    if offset < total:
        mentions = f"GRAPH ?doc {{ ?doc kgo:mentions <{iri}> }}"
        if total > HASH_JOIN_DOCS:
            # a hub: its documents sorted here by the kept dates (Oxigraph would join and
            # sort every one of them in each request: 0.9 s at 100,000 documents)
            order = newest_documents(store, iri, offset + page_size, total)[offset:offset + page_size]
            dates = doc_dates(store)
            dated = {d: dates[d] for d in order if d in dates}
        else:  # Oxigraph looks each date up (15 µs a row)
            rows = store.select(_PREFIXES + f"""
                SELECT ?doc ?date WHERE {{ {{ SELECT ?doc WHERE {{ {mentions} }} }} OPTIONAL {{ ?doc dcterms:date ?date }} }}
                ORDER BY DESC(?date) ?doc LIMIT {int(page_size)} OFFSET {int(offset)}""")
            order = [str(r["doc"]) for r in rows]
            dated = {str(r["doc"]): str(r["date"]) for r in rows if "date" in r}
        titles = doc_titles(store, order)
        docs = [{"iri": d, "title": titles.get(d, d.rsplit("/", 1)[-1]), "date": dated.get(d)} for d in order]
    return {"documents": docs, "total": total, "page_number": max(1, page), "pages": pages, "page_size": page_size}


def doc_titles(store: Store, docs: list[str]) -> dict[str, str]:
    """Titles of documents (IRI → title), each read from its own graph."""
    out: dict[str, str] = {}
    uniq = sorted({_iri(d) for d in docs})
    for k in range(0, len(uniq), 400):
        values = " ".join(f"<{d}>" for d in uniq[k:k + 400])
        rows = store.select(_PREFIXES + f"SELECT ?d ?t WHERE {{ VALUES ?d {{ {values} }} "
                                        "GRAPH ?d { ?d dcterms:title ?t } }")
        out.update({str(r["d"]): str(r["t"]) for r in rows})
    return out


def doc_sources(store: Store, docs: list[str]) -> dict[str, dict[str, str | None]]:
    """What a citation of each document needs (IRI → {title, date, publisher, url}): the
    original address is dcterms:source when it is an IRI, not a local file path. One
    query per property, each a required pattern: with OPTIONALs in one GRAPH ?d block
    Oxigraph read every graph's dates (0.6 s for 150 documents at 10,000)."""
    uniq = sorted({_iri(d) for d in docs})
    out: dict[str, dict[str, str | None]] = {d: {"title": None, "date": None, "publisher": None, "url": None}
                                             for d in uniq}
    for k in range(0, len(uniq), 400):
        values = " ".join(f"<{d}>" for d in uniq[k:k + 400])
        for key, pattern in (("title", "?d dcterms:title ?v"), ("date", "?d dcterms:date ?v"),
                             ("publisher", "?d dcterms:publisher ?v"),
                             ("url", "?d dcterms:source ?v FILTER(isIRI(?v))")):
            for r in _strings(store, _PREFIXES + f"SELECT ?d ?v WHERE {{ VALUES ?d {{ {values} }} GRAPH ?d {{ {pattern} }} }}"):
                out[r["d"]][key] = link_or_none(r["v"]) if key == "url" else r["v"]
    return {d: v for d, v in out.items() if v["title"] is not None}


def with_dates(pattern: str, hub: bool) -> str:
    """`pattern` (binding ?g) with the date of each graph ?g in ?date, if it has one: a
    lookup per row (15 µs each). For a hub entity the pattern alone: the dates come from
    doc_dates (see _grouped). The OPTIONAL stays outside the GRAPH block (see
    evidence_of)."""
    if hub:
        return pattern
    return f"{pattern} OPTIONAL {{ GRAPH ?g {{ ?g dcterms:date ?date }} }}"


def edges(store: Store, iri: str, props: list[str], hub: bool = False) -> list[dict[str, Any]]:
    """The direct edges of `props` between `iri` and other nodes, both ways, one row per
    (direction, property, other end) with the number of documents (graphs) stating it
    and `found`: [(date, graph, node)], newest first, for picking evidence.

    A hub's edges are kept per snapshot (kept()), with the newest FOUND_KEPT of each
    edge's documents: counting a ministry's edges by document reads every statement of
    half the corpus (0.76 s at 100,000 documents). Callers must not change the rows."""
    if not hub:
        return _edges(store, iri, props, hub)
    return kept(store, ("edges", iri, tuple(props)), lambda: [
        {**ed, "found": ed["found"][:FOUND_KEPT]} for ed in _edges(store, iri, props, hub)])


def _edges(store: Store, iri: str, props: list[str], hub: bool) -> list[dict[str, Any]]:
    e, vals = f"<{_iri(iri)}>", reported_pairs(props)
    out = []
    dates = doc_dates(store) if hub else None
    for direction, triple in (("out", f"{e} ?r ?o"), ("in", f"?o ?r {e}")):
        where = with_dates(f"VALUES (?p ?r) {{ {vals} }} GRAPH ?g {{ {triple} }}", hub)
        out += _grouped(store, direction, f"SELECT ?p ?o (COUNT(DISTINCT ?g) AS ?n) ({_CONCAT}) WHERE {{ {where} }} "
                                          "GROUP BY ?p ?o", dates)
    return out


_CONCAT = 'GROUP_CONCAT(CONCAT(COALESCE(STR(?date), ""), " ", STR(?g), " ", STR(?o)); separator="\\n") AS ?gs'


def _grouped(store: Store, direction: str, query: str, date_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The rows of an edge query grouped with _CONCAT; `date_of` (doc_dates) gives the
    documents' dates where the query did not join them."""
    out = []
    for r in _strings(store, _PREFIXES + query):
        found = [tuple(line.split(" ", 2)) for line in r["gs"].split("\n") if line.count(" ") >= 2]
        if date_of is not None:
            found = [(date_of.get(g, ""), g, n) for _d, g, n in found]
        found.sort(reverse=True)
        node = str(r["o"]) if "o" in r else found[0][2]
        dates = [d for d, _g, _n in found if d]
        out.append({"direction": direction, "property": str(r["p"]), "other": node, "documents": int(r["n"]),
                    "expression": str(r["expr"]) if "expr" in r else None,
                    "value": str(r["value"]) if "value" in r else None, "found": found,
                    "first_date": dates[-1] if dates else None})
    return out


def _time_edges(store: Store, iri: str, hub: bool) -> list[dict[str, Any]]:
    """Date and time edges (kgo:scheduledFor) point to a node of their own in each
    document: grouped by expression and value, so "연내" in 100 documents is one item."""
    where = with_dates(f"VALUES ?p {{ {_vals(TIME_PROPS)} }} GRAPH ?g {{ <{_iri(iri)}> ?p ?o }}", hub)

    def group() -> list[dict[str, Any]]:
        return _grouped(store, "out", f"""SELECT ?p ?expr ?value (COUNT(DISTINCT ?g) AS ?n) ({_CONCAT}) WHERE {{
            {where} OPTIONAL {{ GRAPH ?g {{ ?o kgo:expression ?expr }} }}
            OPTIONAL {{ GRAPH ?g {{ ?o kgo:normalizedValue ?value }} }} }} GROUP BY ?p ?expr ?value""",
            doc_dates(store) if hub else None)
    if not hub:
        return group()
    # kept per snapshot, as edges(): a big initiative's dates are stated in thousands of documents
    return kept(store, ("time", iri), lambda: [{**ed, "found": ed["found"][:FOUND_KEPT]} for ed in group()])


def relations(store: Store, iri: str, label_of: Callable[[str], str | None],
              items: int = ITEMS, evidence: int = EVIDENCE) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(rows, groups): rows are the relations shown, one per piece of evidence (the
    page's `relations`, as before, with `documents`: how many documents state the
    relation, and `first_date`: the earliest of them); groups are {property, direction,
    total, documents}: how many other ends each relation group has in all, and the sum
    of their documents."""
    iri = _iri(iri)
    hub = document_count(store, iri) > HASH_JOIN_DOCS
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    label: dict[int, str] = {}  # by id(): a hub's edges are kept per snapshot and not changed here
    for ed in edges(store, iri, NODE_PROPS, hub) + _time_edges(store, iri, hub):
        g = groups.setdefault((ed["property"], ed["direction"]), {"property": ed["property"], "direction": ed["direction"],
                                                                  "total": 0, "documents": 0, "edges": []})
        g["total"] += 1
        g["documents"] += ed["documents"]
        label[id(ed)] = ed["expression"] or label_of(ed["other"]) or ed["other"].rsplit("/", 1)[-1]
        g["edges"].append(ed)
    shown: list[dict[str, Any]] = []
    for g in groups.values():
        g["edges"].sort(key=lambda ed: (-ed["documents"], label[id(ed)]))
        shown += g.pop("edges")[:items]
    wanted = []
    for ed in shown:
        for _date, graph, node in ed["found"][:evidence]:
            s, o = (iri, node) if ed["direction"] == "out" else (node, iri)
            wanted.append((graph, s, ed["property"], o, ed))
    ev = evidence_of(store, [(g, s, p, o) for g, s, p, o, _ed in wanted])
    rows = []
    for graph, s, p, o, ed in wanted:
        for title, sentence in ev.get((graph, s, p, o), [(None, None)]):
            rows.append({"direction": ed["direction"], "property": p, "other": ed["other"],
                         "other_label": label[id(ed)], "value": ed["value"], "documents": ed["documents"],
                         "first_date": ed["first_date"], "document": graph,
                         "document_title": title or graph.rsplit("/", 1)[-1], "sentence": sentence})
    return rows, sorted(groups.values(), key=lambda g: (g["property"], g["direction"]))


Quad = tuple[str, str, str, str]  # (graph, subject, property, object)


def evidence_of(store: Store, keys: list[Quad]) -> dict[Quad, list[tuple[str | None, str | None]]]:
    """(title, sentence) of the reified statements (graph, s, p, o). The OPTIONALs stand
    outside the GRAPH block: inside it, with ?g bound by VALUES, Oxigraph 0.5 reads
    every graph's sentences before the join (2 s instead of 10 ms at 10,000 documents)."""
    out: dict[Quad, list[tuple[str | None, str | None]]] = {}
    uniq = sorted(set(keys))
    for k in range(0, len(uniq), 200):
        values = " ".join(f"(<{_iri(g)}> <{_iri(s)}> <{_iri(p)}> <{_iri(o)}>)" for g, s, p, o in uniq[k:k + 200])
        rows = store.select(_PREFIXES + f"""
            SELECT ?g ?s ?p ?o ?title ?sentence WHERE {{ VALUES (?g ?s ?p ?o) {{ {values} }}
              GRAPH ?g {{ ?r rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
              OPTIONAL {{ GRAPH ?g {{ ?r kgo:inSentence ?sen . ?sen kgo:text ?sentence }} }}
              OPTIONAL {{ GRAPH ?g {{ ?g dcterms:title ?title }} }} }}""")
        for r in rows:
            item = (str(r["title"]) if "title" in r else None, str(r["sentence"]) if "sentence" in r else None)
            lst = out.setdefault((str(r["g"]), str(r["s"]), str(r["p"]), str(r["o"])), [])
            if item not in lst:
                lst.append(item)
    return out


def all_relations(store: Store, iri: str, label_of: Callable[[str], str | None], limit: int) -> list[dict[str, Any]]:
    """Every relation of `iri` with its document and sentence, for the CSV export (at
    most `limit` rows): one pass over its reified statements, graph by graph; titles,
    and the expressions of date nodes, are read apart for the distinct ones."""
    e = f"<{_iri(iri)}>"
    rows = store.select(_PREFIXES + f"""
        SELECT ?dir ?p ?other ?g ?sentence WHERE {{
          {{ GRAPH ?g {{ ?r rdf:subject {e} ; rdf:object ?other ; rdf:predicate ?p }} BIND("out" AS ?dir) }}
          UNION {{ GRAPH ?g {{ ?r rdf:object {e} ; rdf:subject ?other ; rdf:predicate ?p }} BIND("in" AS ?dir) }}
          OPTIONAL {{ GRAPH ?g {{ ?r kgo:inSentence ?sen . ?sen kgo:text ?sentence }} }}
        }} LIMIT {int(limit)}""")  # sorted here: Oxigraph's ORDER BY on IRIs costs more than the query
    rows.sort(key=lambda r: (str(r["p"]), str(r["dir"]), str(r["other"]), str(r["g"])))
    titles = doc_titles(store, [str(r["g"]) for r in rows])
    times = _time_nodes(store, sorted({(str(r["g"]), str(r["other"])) for r in rows if "#" in str(r["other"])}))
    out = []
    for r in rows:
        other, g = str(r["other"]), str(r["g"])
        expr, value = times.get(other, (None, None))
        out.append({"direction": str(r["dir"]), "property": str(r["p"]), "other": other,
                    "other_label": expr or label_of(other) or other.rsplit("/", 1)[-1], "value": value,
                    "document": g, "document_title": titles.get(g, g.rsplit("/", 1)[-1]),
                    "sentence": str(r["sentence"]) if "sentence" in r else None})
    return out


def _time_nodes(store: Store, nodes: list[tuple[str, str]]) -> dict[str, tuple[str | None, str | None]]:
    """(expression, normalised value) of date nodes, given as (graph, node)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for k in range(0, len(nodes), 400):
        values = " ".join(f"(<{_iri(g)}> <{_iri(n)}>)" for g, n in nodes[k:k + 400])
        for r in store.select(_PREFIXES + f"""SELECT ?t ?expr ?value WHERE {{ VALUES (?g ?t) {{ {values} }}
                OPTIONAL {{ GRAPH ?g {{ ?t kgo:expression ?expr }} }}
                OPTIONAL {{ GRAPH ?g {{ ?t kgo:normalizedValue ?value }} }} }}"""):
            out[str(r["t"])] = (str(r["expr"]) if "expr" in r else None, str(r["value"]) if "value" in r else None)
    return out


def names(store: Store, iri: str) -> dict[str, list[dict[str, Any]]] | None:
    """The names of an entity read from the store (when kg.summary does not know it
    yet: a remote server's summary is a minute old at most), or None."""
    rows = store.select(f"""SELECT DISTINCT ?p ?l WHERE {{
        VALUES ?p {{ <{SKOS_PREF}> <{SKOS_ALT}>
                    <{KGO.postTitle}> <{KGO.entityType}> }} <{_iri(iri)}> ?p ?l }}""")
    if not rows:
        return None
    kinds = {"prefLabel": "pref", "altLabel": "alt", "postTitle": "title"}
    out: dict[str, list[dict[str, Any]]] = {"pref": [], "alt": [], "title": [], "type": []}
    for r in rows:
        kind = kinds.get(str(r["p"]).rsplit("#", 1)[-1], "type")
        out[kind].append({"value": str(r["l"]), "lang": getattr(r["l"], "language", None)})
    return out

