"""The SPARQL updates both graph stores run (embedded.GraphStore through Oxigraph,
remote.RemoteStore on the server): orphan collection, the upgrades of data an older
version wrote, and the query listing stored documents."""
from __future__ import annotations

from typing import Iterable

from core.errors import StoreError
from core.namespaces import RDF_TYPE, SKOS_ALT, SKOS_PREF
from kg.store.sparql_text import _iri
from ontology.iris import ENTITY_GRAPH, GAZETTEER_GRAPH
from ontology.mapping import REPORTED
from ontology.namespace import KGO

# every stored document with its source key (a document has one key; OPTIONAL for old ones)
DOCUMENTS_QUERY = (f"SELECT ?d ?k WHERE {{ GRAPH ?d {{ ?d a <{KGO.Document}> . "
                   f"OPTIONAL {{ ?d <{KGO.sourceKey}> ?k }} }} }}")


# (kgo:announces kgr:announces) …: each relation with the property a document reports it by
_REPORTED_PAIRS = " ".join(f"(<{p}> <{r}>)" for p, r in REPORTED.items())


def orphan_update(entity_graph: str, entities: Iterable[str] | None) -> str:
    """A SPARQL update that, for `entities` (every entity of the entity graph when None),
    deletes what the entity graph says of an entity no document mentions any more, and
    the alternative labels of the others that no mention spells any more (an alias
    that came from a removed document), and the relations from them (kgo:announces …)
    that no document reports any more (kgr:announces …). Class, post title and the like stay until the
    entity itself goes."""
    eg = f"<{_iri(entity_graph)}>"
    values = "" if entities is None else "VALUES ?e { " + " ".join(f"<{_iri(e)}>" for e in entities) + " }"
    # every entity the entity graph says anything of (of one the gazetteer knows, it may
    # hold no class: see restated_update)
    pick = f"{{ SELECT DISTINCT ?e WHERE {{ GRAPH {eg} {{ ?e ?any ?thing }} }} }}" if entities is None else values
    alt = f"<{SKOS_ALT}>"
    return (f"DELETE {{ GRAPH {eg} {{ ?e ?p ?o }} }} WHERE {{ {pick} GRAPH {eg} {{ ?e ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?g <{KGO.mentions}> ?e }} }} }} ;\n"
            f"DELETE {{ GRAPH {eg} {{ ?e {alt} ?l }} }} WHERE {{ {pick} GRAPH {eg} {{ ?e {alt} ?l }} "
            f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?m <{KGO.mentionOf}> ?e ; <{KGO.text}> ?t }} FILTER(?t = STR(?l)) }} }} ;\n"
            # a relation no document reports any more (its subject is mentioned by every
            # document that reported it)
            f"DELETE {{ GRAPH {eg} {{ ?e ?p ?o }} }} WHERE {{ {values} VALUES (?p ?r) {{ {_REPORTED_PAIRS} }} "
            f"GRAPH {eg} {{ ?e ?p ?o }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?e ?r ?o }} }} }}")


def reported_upgrade(entity_graph: str) -> tuple[str, str]:
    """(ASK, update) for data written before relations were stated once in the entity
    graph (ontology.mapping.REPORTED): the ASK is true when a document graph states a
    relation with its kgo: property; the update moves each such triple to the kgr:
    property in its graph and states the relation once in the entity graph."""
    eg = f"<{_iri(entity_graph)}>"
    where = f"WHERE {{ VALUES (?p ?r) {{ {_REPORTED_PAIRS} }} GRAPH ?g {{ ?a ?p ?b }} FILTER(?g != {eg}) }}"
    return (f"ASK {where}",
            f"DELETE {{ GRAPH ?g {{ ?a ?p ?b }} }} INSERT {{ GRAPH ?g {{ ?a ?r ?b }} GRAPH {eg} {{ ?a ?p ?b }} }} {where}")


def gazetteer_graph(entity_graph: str) -> str:
    """The IRI of the gazetteer's graph beside the entity graph (same base IRI)."""
    if not entity_graph.endswith(ENTITY_GRAPH):
        raise StoreError(f"not an entity graph IRI: {entity_graph}")
    return entity_graph[: -len(ENTITY_GRAPH)] + GAZETTEER_GRAPH


def restated_update(entity_graph: str) -> tuple[str, str]:
    """(ASK, update) for what the entity graph states again of an entity that the
    gazetteer's graph already describes (class, type, Korean names): the update deletes
    it from the entity graph. The union default graph yields a triple once per graph that
    states it, so a plain join on the names and types of companies in the gazetteer read
    each row twice, and its names three times (the 2-hop co-participation at 100,000
    documents: 600 ms, 490 without them). Documents' descriptions leave these out as they
    are written (kg.pipeline); this is for data written before, and for a new gazetteer."""
    eg, gz = f"<{_iri(entity_graph)}>", f"<{_iri(gazetteer_graph(entity_graph))}>"
    where = f"WHERE {{ GRAPH {gz} {{ ?s ?p ?o }} GRAPH {eg} {{ ?s ?p ?o }} }}"
    return f"ASK {where}", f"DELETE {{ GRAPH {eg} {{ ?s ?p ?o }} }} {where}"


def kept_update(entity_graph: str) -> str:
    """Before the gazetteer's graph is replaced (a new gazetteer): what it says of an
    entity that documents mention, in the terms a document describes one (class, type,
    Korean names), is copied to the entity graph, so an entry the new gazetteer drops
    keeps its description. restated_update then deletes again what the new graph states."""
    eg, gz = f"<{_iri(entity_graph)}>", f"<{_iri(gazetteer_graph(entity_graph))}>"
    props = " ".join(f"<{p}>" for p in (RDF_TYPE, KGO.entityType, SKOS_PREF, SKOS_ALT))
    return (f"INSERT {{ GRAPH {eg} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?p {{ {props} }} GRAPH {gz} {{ ?s ?p ?o }} "
            f'FILTER(!isLiteral(?o) || lang(?o) != "en") '
            f"FILTER EXISTS {{ GRAPH ?g {{ ?g <{KGO.mentions}> ?s }} }} }}")


def upgrade_steps(entity_graph: str) -> list[tuple[str, str]]:
    """(ASK, update) pairs that bring data written by an older version up to date; each
    ASK is true when its update has work to do."""
    return [reported_upgrade(entity_graph), restated_update(entity_graph)]
