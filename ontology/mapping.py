"""Pure mapping: Document (with its Extraction) → triples of the document's named graph,
and the triples that describe its entities.

Knows the ontology, nothing of storage. Every statement a document makes lives in the
graph named by the document IRI; each mention and each relation points to the sentence
it came from (kgo:inSentence), so the UI can show the evidence for any edge.

Each fact once: at 100,000 documents the document graphs hold some 30M quads, and every
quad is six index entries that RocksDB compacts again and again. So nothing in a
document's graph says which document it is in (the graph name does), a mention is known
by its kgo:mentionType rather than also by rdf:type, and a sentence that nothing cites
is left out. Together that was 23% of the quads and 20% of the compaction.

What an entity *is* (its class, kgo:entityType, labels, post title, kind, status,
identifier) is not a statement of one document: it goes to one shared graph, the entity
graph (ontology.iris.ENTITY_GRAPH), where set semantics keep one copy however many
documents mention the entity. Restated in each document's graph, it was yielded once per
graph by the union default graph, so a plain `?e skos:prefLabel "산업통상자원부"@ko ;
kgo:entityType ?t` read thousands of copies and joins on it multiplied (oxigraph#1919).

So go the relations between entities (kgo:announces …): a plain two-hop question over
relations stated in every reporting document timed out. The document's graph says that
it reports one with the kgr: property of the same name (ontology.namespace.KGR), which
pages count documents by, and cites the sentence in an rdf:Statement.
"""
from __future__ import annotations

import calendar
import functools
import re
from typing import Iterable, Iterator

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD, Namespace

from core.model import Document, Entity
from ingest.publisher import publisher
from core.types import NODE_TYPES, TYPES
from ontology.iris import document_iri, entity_iri
from ontology.namespace import KGO, KGR, materialise

TIME = Namespace("http://www.w3.org/2006/time#")
for _ns in (RDF, DCTERMS, SKOS, XSD):  # the terms as plain attributes (see materialise)
    materialise(_ns)
Triple = tuple  # (s, p, o)

ENTITY_CLASSES = {t.code: KGO[t.cls] for t in TYPES if t.cls and t.code != "MINISTRY"}  # MINISTRY: by gov_kind
GOV_KIND_CLASSES = {
    "ministry": KGO.Ministry,
    "agency": KGO.Agency,
    "committee": KGO.Committee,
    "local": KGO.LocalGovernment,
    "public": KGO.PublicInstitution,
}
INITIATIVE_KINDS = {
    "plan": KGO.Plan, "strategy": KGO.Strategy, "program": KGO.Program, "project": KGO.Project,
    "law": KGO.Law, "fund": KGO.Fund, "taskforce": KGO.TaskForce,
}
RELATION_PROPERTIES = {
    "ANNOUNCES": KGO.announces,
    "PARTICIPATES_IN": KGO.participatesIn,
    "LEADS": KGO.leads,
    "SCHEDULED_FOR": KGO.scheduledFor,
    "PROPOSES": KGO.proposes,
    "REFERRED_TO": KGO.referredTo,
    "PROPOSED_ON": KGO.proposedOn,
}
TIME_RELATIONS = frozenset({"SCHEDULED_FOR", "PROPOSED_ON"})  # the tail is a date: an OWL-Time node
# Between two entities, a relation is stated once in the entity graph (kgo:announces)
# and, as each document reports it, in that document's graph (kgr:announces). A date
# is a node of the document's own, so SCHEDULED_FOR and PROPOSED_ON stay there.
REPORTED = {prop: KGR[prop[len(str(KGO._NS)):]] for r, prop in RELATION_PROPERTIES.items() if r not in TIME_RELATIONS}
MEETING_KINDS = frozenset({"meeting", "event"})


def node_type(ent: Entity) -> str:
    """The IRI type of an entity: meetings are events, not initiatives."""
    if ent.type == "INITIATIVE" and ent.attrs.get("kind") in MEETING_KINDS:
        return "EVENT"
    return ent.type


def entity_node(base: str, ent: Entity) -> URIRef | None:
    t = node_type(ent)
    if t not in NODE_TYPES:
        return None
    return entity_iri(base, t, ent.canonical or ent.text)


def entity_class(ent: Entity, gov_kind: str | None = None) -> URIRef:
    if ent.type == "MINISTRY":
        return GOV_KIND_CLASSES.get(gov_kind or ent.attrs.get("gov_kind", ""), KGO.GovernmentBody)
    return ENTITY_CLASSES[node_type(ent)]


def document_triples(doc: Document, base: str) -> tuple[URIRef, list[Triple], list[Triple]]:
    """(graph IRI, triples of the document's graph, triples for the entity graph). The
    graph IRI is the document IRI."""
    d = document_iri(base, doc.id)
    described: list[Triple] = []
    out: list[Triple] = [
        (d, RDF.type, KGO.Document),
        (d, DCTERMS.title, Literal(doc.title)),
        (d, KGO.sourceKey, Literal(doc.key)),
        (d, KGO.contentHash, Literal(doc.id)),
        (d, KGO.text, Literal(doc.text)),
    ]
    if doc.date:
        out.append((d, DCTERMS.date, _date_literal(doc.date)))
    out.append((d, DCTERMS.source, URIRef(doc.url) if doc.url and _is_http(doc.url) else Literal(doc.source)))
    if doc.meta.get("source_kind"):
        out.append((d, KGO.sourceKind, Literal(str(doc.meta["source_kind"]))))
    if (pub := publisher(doc)) is not None:  # who to cite (ingest.publisher)
        out.append((d, DCTERMS.publisher, Literal(pub)))
    dup = doc.meta.get("duplicate_of")
    if isinstance(dup, str) and _is_http(dup):  # set by kg.dedup: the earlier copy of this story
        out.append((d, KGO.nearDuplicateOf, URIRef(dup)))
    ex = doc.extraction
    if ex is None:
        return d, out, described
    sent = [URIRef(f"{d}#s{i}") for i in range(len(ex.sentences))]
    cited = {e.sentence for e in ex.entities} | {r.sentence for r in ex.relations}
    for i, (s, e) in enumerate(ex.sentences):
        if i not in cited:
            continue
        out += [
            (sent[i], RDF.type, KGO.Sentence),
            (sent[i], KGO.start, _int(s)),
            (sent[i], KGO.end, _int(e)),
            (sent[i], KGO.text, Literal(doc.text[s:e])),
        ]
    nodes: list[URIRef | None] = []
    for i, ent in enumerate(ex.entities):
        node = entity_node(base, ent)
        nodes.append(node)
        m = URIRef(f"{d}#m{i}")
        out += [
            (m, KGO.start, _int(ent.start)),
            (m, KGO.end, _int(ent.end)),
            (m, KGO.text, Literal(ent.text)),
            (m, KGO.mentionType, Literal(ent.type)),  # not entityType: that one is for entities only
        ]
        if ent.sentence is not None and 0 <= ent.sentence < len(sent):
            out.append((m, KGO.inSentence, sent[ent.sentence]))
        if ent.value:
            out.append((m, KGO.normalizedValue, Literal(ent.value)))
        if ent.attrs.get("quoted"):  # a name other documents may be read for (kg.write.known)
            out.append((m, KGO.quotedName, _TRUE))
        if node is None:
            continue
        out += [(m, KGO.mentionOf, node), (d, KGO.mentions, node)]
        described += entity_description(node, ent)
    for i, rel in enumerate(ex.relations):
        prop = RELATION_PROPERTIES.get(rel.type)
        if prop is None or not (0 <= rel.head < len(nodes) and 0 <= rel.tail < len(nodes)):
            continue
        head = nodes[rel.head]
        tail_ent = ex.entities[rel.tail]
        if rel.type in TIME_RELATIONS:
            tail: URIRef | None = URIRef(f"{d}#t{rel.tail}")
            out += list(time_triples(tail, tail_ent))
        else:
            tail = nodes[rel.tail]
        if head is None or tail is None:
            continue
        r = URIRef(f"{d}#r{i}")
        if rel.type in TIME_RELATIONS:
            out.append((head, prop, tail))
        else:
            out.append((head, REPORTED[prop], tail))
            described.append((head, prop, tail))
        out += [
            (r, RDF.type, RDF.Statement),
            (r, RDF.subject, head),
            (r, RDF.predicate, prop),
            (r, RDF.object, tail),
        ]
        s_idx = rel.sentence if rel.sentence is not None else ex.entities[rel.head].sentence
        if s_idx is not None and 0 <= s_idx < len(sent):
            out.append((r, KGO.inSentence, sent[s_idx]))
    return d, out, list(dict.fromkeys(described))


_TRUE = Literal(True)


@functools.lru_cache(maxsize=65536)
def _int(n: int) -> Literal:
    """Literal(n), made once: offsets repeat from document to document, and rdflib
    takes 3 µs to make an integer literal."""
    return Literal(n)


def is_alias(ent: Entity, name: str) -> bool:
    """Whether a mention's text is another name of its entity (산업부 for 산업통상자원부), and
    not a word that only points to it in this document: a back reference ('전략은' after
    'AI 자율제조 전략'), a bare meeting word named after its context ('출범식'), an
    undated meeting word ('간담회' for '간담회 (2024-03-07)')."""
    if ent.attrs.get("coref") or ent.attrs.get("generic"):
        return False
    return not (ent.type in ("INITIATIVE", "EVENT") and name.endswith(" " + ent.text))


def entity_description(node: URIRef, ent: Entity) -> list[Triple]:
    """What one mention says an entity is, for the entity graph."""
    name = ent.canonical or ent.text
    out: list[Triple] = [
        (node, RDF.type, entity_class(ent)),
        (node, KGO.entityType, Literal(node_type(ent))),
        (node, SKOS.prefLabel, Literal(name, lang="ko")),
    ]
    if ent.text != name and is_alias(ent, name):
        out.append((node, SKOS.altLabel, Literal(ent.text, lang="ko")))
    if ent.type == "PERSON" and ent.attrs.get("title"):
        out.append((node, KGO.postTitle, Literal(str(ent.attrs["title"]), lang="ko")))
    kind = INITIATIVE_KINDS.get(str(ent.attrs.get("kind", "")))
    if ent.type == "INITIATIVE" and kind is not None:
        out.append((node, KGO.initiativeKind, kind))
    if ent.type == "INITIATIVE" and ent.attrs.get("status"):  # from a record, e.g. a bill's result
        out.append((node, KGO.status, Literal(str(ent.attrs["status"]), lang="ko")))
    if ent.attrs.get("identifier"):  # e.g. a bill number
        out.append((node, DCTERMS.identifier, Literal(str(ent.attrs["identifier"]))))
    return out


def time_triples(node: URIRef, ent: Entity) -> Iterator[Triple]:
    """An OWL-Time entity for a date expression: an Instant for a day, else an Interval
    with whichever of beginning and end is known ('연내' has an end only)."""
    begin, end = value_bounds(ent.value)
    yield (node, KGO.expression, Literal(ent.text, lang="ko"))
    if ent.value:
        yield (node, KGO.normalizedValue, Literal(ent.value))
    if begin and begin == end:
        yield (node, RDF.type, TIME.Instant)
        yield (node, TIME.inXSDDate, Literal(begin, datatype=XSD.date))
        return
    yield (node, RDF.type, TIME.Interval)
    for prop, value, suffix in ((TIME.hasBeginning, begin, "b"), (TIME.hasEnd, end, "e")):
        if value:
            inst = URIRef(f"{node}{suffix}")
            yield (node, prop, inst)
            yield (inst, RDF.type, TIME.Instant)
            yield (inst, TIME.inXSDDate, Literal(value, datatype=XSD.date))


_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def value_bounds(value: str | None) -> tuple[str | None, str | None]:
    """ISO value → (first day, last day). '2024' → (2024-01-01, 2024-12-31);
    '2024-03' → (2024-03-01, 2024-03-31); 'a/b' → bounds of a and b; '..' is open."""
    if not value:
        return None, None
    if "/" in value:
        a, _, b = value.partition("/")
        return (value_bounds(a)[0] if a not in ("", "..") else None,
                value_bounds(b)[1] if b not in ("", "..") else None)
    if _DAY.match(value):
        return value, value
    if m := _MONTH.match(value):
        y, mo = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            return f"{y:04d}-{mo:02d}-01", f"{y:04d}-{mo:02d}-{calendar.monthrange(y, mo)[1]:02d}"
    if _YEAR.match(value):
        return f"{value}-01-01", f"{value}-12-31"
    return None, None


def gazetteer_triples(entries: Iterable, base: str) -> list[Triple]:
    """Names of known entities (Korean, English, aliases, predecessors) for the
    gazetteer graph, so 산업부 and MOTIE resolve to the 산업통상자원부 node."""
    out: list[Triple] = []
    for e in entries:
        if e.type not in NODE_TYPES:
            continue
        ent = Entity(0, 0, e.canonical, e.type, canonical=e.canonical)
        node = entity_iri(base, e.type, e.canonical)
        out += [
            (node, RDF.type, entity_class(ent, e.kind)),
            (node, KGO.entityType, Literal(e.type)),
            (node, SKOS.prefLabel, Literal(e.canonical, lang="ko")),
        ]
        if e.english:
            out.append((node, SKOS.prefLabel, Literal(e.english, lang="en")))
        for a in e.aliases:
            out.append((node, SKOS.altLabel, Literal(a, lang="en" if a.isascii() else "ko")))
        for p in e.predecessors:
            pred = entity_iri(base, e.type, p)
            out += [
                (node, KGO.predecessor, pred),
                (pred, RDF.type, entity_class(ent, e.kind)),
                (pred, KGO.entityType, Literal(e.type)),
                (pred, SKOS.prefLabel, Literal(p, lang="ko")),
            ]
    return out


def _date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.date) if _DAY.match(value) else Literal(value)


def _is_http(u: str) -> bool:
    """A URL usable as an IRI (anything else is kept as a literal)."""
    return (u.startswith("http://") or u.startswith("https://")) and not any(c in u for c in '<>"{}|^`\\ \n\r\t')
