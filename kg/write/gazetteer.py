"""The graphs of names the ingest writes before any document (kg.write.pipeline): the
gazetteer's (aliases, English names, predecessors, business groups) and the authority
graph (dated names, reorganisations), each rewritten only when its file changed."""
from __future__ import annotations

import functools
import hashlib

from rdflib import Literal, URIRef

from kg.read.graph import KnowledgeGraph
from kg.store.embedded import nt_term
from ontology.groups import group_triples
from ontology.iris import AUTHORITY_GRAPH, GAZETTEER_GRAPH
from ontology.lineage import authority_triples
from ontology.mapping import gazetteer_triples
from ontology.namespace import KGO


def ensure_gazetteer(kg: KnowledgeGraph) -> bool:
    """Write the graph of known names (aliases, English names, predecessors) and the
    authority graph (dated names, reorganisations) when either file changed since it was
    last written. Returns True when it wrote."""
    wrote = ensure_authority(kg)
    graph = URIRef(kg.base + GAZETTEER_GRAPH)
    triples = list(_gazetteer(kg.base))
    digest = hashlib.sha256("".join(sorted(nt_term(s) + nt_term(p) + nt_term(o) for s, p, o in triples))
                            .encode("utf-8")).hexdigest()[:16]
    stored = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> {Literal(digest).n3()} }} }}"
    if kg.store.query(stored).askAnswer:
        return wrote
    kg.store.put_gazetteer([*triples, (graph, KGO.contentHash, Literal(digest))])
    return True


def ensure_authority(kg: KnowledgeGraph) -> bool:
    """Write the authority graph (ontology.lineage) when the authority file changed since
    it was last written. Returns True when it wrote."""
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    graph = URIRef(kg.base + AUTHORITY_GRAPH)
    known = _gazetteer(kg.base)  # what the gazetteer's graph says (class, names) is not said again
    triples = [t for t in authority_triples(load_authority(), kg.base) if t not in known]
    digest = hashlib.sha256("".join(sorted(nt_term(s) + nt_term(p) + nt_term(o) for s, p, o in triples))
                            .encode("utf-8")).hexdigest()[:16]
    stored = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> {Literal(digest).n3()} }} }}"
    if kg.store.query(stored).askAnswer:
        return False
    kg.store.put_graph(str(graph), [*triples, (graph, KGO.contentHash, Literal(digest))])
    return True


@functools.lru_cache(maxsize=4)
def _gazetteer(base: str) -> frozenset[tuple]:
    """The gazetteer graph's triples (load_gazetteer is read once per process), with the
    business groups' member companies (ontology.groups)."""
    from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415

    return frozenset([*gazetteer_triples(load_gazetteer().entries, base), *group_triples(base)])
