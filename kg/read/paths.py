"""Paths between two entities, for the path page (web/network.py shows them): all
shortest chains of relation edges, and a chain of co-mentions through documents when no
relation joins them. The edge graph is read once per store (relation_edges,
mention_pairs) and kept."""
from __future__ import annotations

import threading
import time
import weakref
from collections import defaultdict, deque
from typing import Any

from kg.read.queries import GRAPH_PROPERTIES
from kg.store import GraphBackend
from ontology.namespace import KGO

MAX_PATHS = 10
MAX_HOPS = 6


class PathGraph:
    """Relation edges as adjacency lists (undirected), and the document mentions
    (read on first use: only a co-mention chain needs them, and there are many)."""

    def __init__(self, edges: list[tuple[str, str, str]], mentions: list[tuple[str, str]] | None = None,
                 load_mentions: Any = None) -> None:
        self.adj: dict[str, list[tuple[str, tuple[str, str, str]]]] = defaultdict(list)
        for s, p, o in edges:
            if s != o:
                self.adj[s].append((o, (s, p, o)))
                self.adj[o].append((s, (s, p, o)))
        for v in self.adj.values():
            v.sort()
        self._load = load_mentions
        self._docs_of: dict[str, list[str]] | None = None
        self._ents_of: dict[str, list[str]] = {}
        self._lock = threading.Lock()
        if mentions is not None:
            self._index(mentions)
        self.built = time.monotonic()

    def _index(self, mentions: list[tuple[str, str]]) -> None:
        docs_of: dict[str, list[str]] = defaultdict(list)
        ents_of: dict[str, list[str]] = defaultdict(list)
        for d, e in sorted(mentions):
            docs_of[e].append(d)
            ents_of[d].append(e)
        self._docs_of, self._ents_of = docs_of, ents_of

    @property
    def docs_of(self) -> dict[str, list[str]]:
        with self._lock:
            if self._docs_of is None:
                self._index(self._load() if self._load else [])
        assert self._docs_of is not None
        return self._docs_of

    @property
    def ents_of(self) -> dict[str, list[str]]:
        self.docs_of  # noqa: B018 (loads both)
        return self._ents_of


def relation_edges(store: GraphBackend) -> list[tuple[str, str, str]]:
    """Every relation edge between entities (GRAPH_PROPERTIES), for path finding: each
    is stated once, in the entity graph (or the gazetteer's)."""
    props = " ".join(f"<{p}>" for p in GRAPH_PROPERTIES)
    rows = store.select(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o FILTER(isIRI(?o)) }}")
    return [(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows]


def mention_pairs(store: GraphBackend) -> list[tuple[str, str]]:
    """(document, entity) for every kgo:mentions, for co-mention paths (154,000 at
    10,000 documents: as plain strings, straight from pyoxigraph when the store is embedded)."""
    q = f"SELECT ?d ?e WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> ?e }} }}"
    return [(r["d"], r["e"]) for r in store.select_strings(q)]


_cache: "weakref.WeakKeyDictionary[Any, PathGraph]" = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()
CACHE_SECONDS = 60.0  # a remote store may change under us; a snapshot store never does


def graph_of(store: Any, remote: bool = False) -> PathGraph:
    """The edge graph of `store`, built once per store (a published snapshot never
    changes; a remote store's is built again after CACHE_SECONDS)."""
    with _cache_lock:
        g = _cache.get(store)
        if g is None or (remote and time.monotonic() - g.built > CACHE_SECONDS):
            g = PathGraph(relation_edges(store), load_mentions=lambda: mention_pairs(store))
            _cache[store] = g
    return g


def shortest_paths(g: PathGraph, a: str, b: str, max_hops: int = MAX_HOPS,
                   limit: int = MAX_PATHS) -> list[list[tuple[str, str, tuple[str, str, str]]]]:
    """All shortest paths from a to b over relation edges (at most `limit`), each a list
    of hops (from, to, edge triple)."""
    if a == b or a not in g.adj or b not in g.adj:
        return []
    dist = {a: 0}
    parents: dict[str, list[tuple[str, tuple[str, str, str]]]] = defaultdict(list)
    frontier = deque([a])
    while frontier:
        n = frontier.popleft()
        if dist[n] >= max_hops or (b in dist and dist[n] >= dist[b]):
            continue
        for m, edge in g.adj[n]:
            if m not in dist:
                dist[m] = dist[n] + 1
                frontier.append(m)
            if dist[m] == dist[n] + 1:
                parents[m].append((n, edge))
    if b not in dist:
        return []
    out: list[list[tuple[str, str, tuple[str, str, str]]]] = []

    def walk(node: str, tail: list[tuple[str, str, tuple[str, str, str]]]) -> None:
        if len(out) >= limit:
            return
        if node == a:
            out.append(list(reversed(tail)))
            return
        for prev, edge in parents[node]:
            walk(prev, tail + [(prev, node, edge)])

    walk(b, [])
    return out


def mention_path(g: PathGraph, a: str, b: str, max_hops: int = 3) -> list[tuple[str, str, str]] | None:
    """A shortest chain of co-mentions a —doc— x —doc— … b, as (entity, document,
    entity) hops, or None. Breadth-first over the entity–document graph."""
    if a == b or a not in g.docs_of or b not in g.docs_of:
        return None
    prev: dict[str, tuple[str, str] | None] = {a: None}  # entity → (previous entity, document)
    seen_docs: set[str] = set()
    frontier = [a]
    for _hop in range(max_hops):
        nxt = []
        for e in frontier:
            for d in g.docs_of[e]:
                if d in seen_docs:
                    continue
                seen_docs.add(d)
                for x in g.ents_of[d]:
                    if x not in prev:
                        prev[x] = (e, d)
                        nxt.append(x)
        if b in prev:
            hops = []
            node = b
            while prev[node] is not None:
                p, d = prev[node]  # type: ignore[misc]
                hops.append((p, d, node))
                node = p
            return list(reversed(hops))
        frontier = nxt
    return None
