"""Python mirror of ontology/kgo.ttl (the Turtle file is the source of truth;
tests/ontology/test_namespace.py keeps the two in step)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from core.namespaces import KGO_NS, KGR_NS, PREFIXES  # noqa: F401 (PREFIXES: re-exported)

TTL = Path(__file__).with_name("kgo.ttl")


class KGO(DefinedNamespace):
    _NS = Namespace(KGO_NS)
    _fail = True

    # classes
    Document: URIRef
    Sentence: URIRef
    Mention: URIRef
    GovernmentBody: URIRef
    Ministry: URIRef
    Agency: URIRef
    Committee: URIRef
    LocalGovernment: URIRef
    PublicInstitution: URIRef
    Company: URIRef
    Organization: URIRef
    Person: URIRef
    Initiative: URIRef
    Event: URIRef
    Meeting: URIRef
    Place: URIRef
    # initiative kinds
    InitiativeKinds: URIRef
    Plan: URIRef
    Strategy: URIRef
    Program: URIRef
    Project: URIRef
    Law: URIRef
    Fund: URIRef
    TaskForce: URIRef
    # relations
    announces: URIRef
    participatesIn: URIRef
    leads: URIRef
    scheduledFor: URIRef
    mentions: URIRef
    predecessor: URIRef
    changeKind: URIRef
    legalBasis: URIRef
    dateCertain: URIRef
    nameKind: URIRef
    postTitle: URIRef
    initiativeKind: URIRef
    proposes: URIRef
    referredTo: URIRef
    proposedOn: URIRef
    status: URIRef
    # provenance and metadata
    inDocument: URIRef
    inSentence: URIRef
    mentionOf: URIRef
    quotedName: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    entityType: URIRef
    mentionType: URIRef
    sourceKey: URIRef
    contentHash: URIRef
    nearDuplicateOf: URIRef
    sourceKind: URIRef
    expression: URIRef
    normalizedValue: URIRef
    documentCount: URIRef


class KGR(DefinedNamespace):
    """Relations as one document reports them, in that document's graph. The entity
    graph states each relation once, with the kgo: property of the same name: a plain
    `?a kgo:announces ?b` over the default graph yields every edge once, however many
    documents report it, and `GRAPH ?doc { ?a kgr:announces ?b }` says which do."""

    _NS = Namespace(KGR_NS)
    _fail = True

    announces: URIRef
    participatesIn: URIRef
    leads: URIRef
    proposes: URIRef
    referredTo: URIRef


def materialise(ns: type[DefinedNamespace]) -> None:
    """Store each term of a DefinedNamespace as a class attribute. rdflib looks terms up
    through the metaclass's __getattr__ (about 1 µs each: the mapping does millions per
    100,000 documents); afterwards KGO.text is a plain attribute. Unknown names still
    fail as before."""
    for name in ns.__annotations__:
        if not name.startswith("_"):
            type.__setattr__(ns, name, ns[name])


materialise(KGO)
materialise(KGR)


@lru_cache(maxsize=1)
def korean_labels() -> dict[str, str]:
    """IRI → the Korean rdfs:label kgo.ttl gives our classes and properties (발표, 참여 …)."""
    from rdflib import RDFS, Graph  # noqa: PLC0415

    g = Graph().parse(TTL, format="turtle")
    return {str(s): str(o) for s, o in g.subject_objects(RDFS.label) if getattr(o, "language", None) == "ko"}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace we use, to prepend to user queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
