"""The authority graph: government bodies with dated names and the reorganisations
between them, in W3C ORG, SKOS-XL and OWL-Time (pure: data in, triples out).

    <body> skosxl:prefLabel|altLabel <body#name-0> ; time:hasTime <body#period> .
    <body#name-1> skosxl:literalForm "산업부"@ko ; kgo:nameKind "short" ; time:hasTime <its period> .
    <graph/authority#2026-01-02-split-n> a org:ChangeEvent ; kgo:changeKind "split" ; dcterms:date "2026-01-02"^^xsd:date ;
        org:originalOrganization <기획재정부> ; org:resultingOrganization <재정경제부>, <기획예산처> .
    <기획재정부> org:changedBy <event> .  <재정경제부> org:resultedFrom <event> ; kgo:predecessor <기획재정부> .

Names, periods and events are hash IRIs (of the body, of the graph): the body's page
describes them.

`authority` is an ingest.nlp.authority.Authority (duck-typed: bodies, events).
"""
from __future__ import annotations

from typing import Any

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS, XSD, Namespace

from core.model import Entity
from ontology.iris import AUTHORITY_GRAPH, entity_iri
from ontology.mapping import TIME, entity_class
from ontology.namespace import KGO

ORG = Namespace("http://www.w3.org/ns/org#")
SKOSXL = Namespace("http://www.w3.org/2008/05/skos-xl#")
LINEAGE_KINDS = ("rename", "merge", "split", "upgrade")
KIND_KO = {"rename": "명칭 변경", "merge": "통합", "split": "분리", "transfer": "기능 이관",
           "establish": "신설", "upgrade": "승격", "move": "관할 변경"}

Triple = tuple[Any, Any, Any]


def _period(node: URIRef, start: str | None, end: str | None) -> list[Triple]:
    """An OWL-Time interval for [start, end] (either may be open) hung on `node`."""
    if not start and not end:
        return []
    period = URIRef(f"{node}-period" if "#" in node else f"{node}#period")
    out: list[Triple] = [(node, TIME.hasTime, period), (period, RDF.type, TIME.ProperInterval)]
    for prop, day, suffix in ((TIME.hasBeginning, start, "b"), (TIME.hasEnd, end, "e")):
        if day:
            inst = URIRef(f"{period}-{suffix}")
            out += [(period, prop, inst), (inst, RDF.type, TIME.Instant),
                    (inst, TIME.inXSDDate, Literal(day, datatype=XSD.date))]
    return out


def _about(node: URIRef, certain: bool, source: str, note: str) -> list[Triple]:
    out: list[Triple] = []
    if not certain:
        out.append((node, KGO.dateCertain, Literal(False)))
    if source.startswith(("http://", "https://")) and " " not in source:
        out.append((node, DCTERMS.source, URIRef(source)))
    if note:
        out.append((node, RDFS.comment, Literal(note, lang="ko")))
    return out


def body_iri(base: str, body: Any) -> URIRef:
    return entity_iri(base, body.type, body.name)


def authority_triples(authority: Any, base: str) -> list[Triple]:
    """Every body with its dated names, and every change event."""
    out: list[Triple] = []
    iris = {name: body_iri(base, b) for name, b in authority.bodies.items()}
    for name, b in authority.bodies.items():
        node = iris[name]
        ent = Entity(0, 0, name, b.type, canonical=name)
        out += [(node, RDF.type, entity_class(ent, b.kind)), (node, RDF.type, ORG.Organization),
                (node, KGO.entityType, Literal(b.type)), (node, SKOS.prefLabel, Literal(name, lang="ko"))]
        if b.english:
            out.append((node, SKOS.prefLabel, Literal(b.english, lang="en")))
        out += [(node, ORG.subOrganizationOf, iris[w.name]) for w in getattr(b, "within", ()) if w.end is None]
        out += _period(node, b.start, b.end) + _about(node, b.certain, b.source, b.note)
        for i, n in enumerate(b.names):
            label = URIRef(f"{node}#name-{i}")
            lang = "en" if n.kind in ("english", "acronym") else "ko"
            out += [(node, SKOSXL.prefLabel if n.kind == "official" else SKOSXL.altLabel, label),
                    (label, RDF.type, SKOSXL.Label), (label, SKOSXL.literalForm, Literal(n.text, lang=lang)),
                    (label, KGO.nameKind, Literal(n.kind))]
            out += _period(label, n.start, n.end)
            if n.note:
                out.append((label, RDFS.comment, Literal(n.note, lang="ko")))
    for i, e in enumerate(sorted(authority.events, key=lambda e: e.date)):
        ev = URIRef(f"{base}{AUTHORITY_GRAPH}#{e.date}-{e.kind}-{i}")
        title = f"{e.date} {KIND_KO.get(e.kind, e.kind)}: {'·'.join(e.original) or '—'} → {'·'.join(e.resulting)}"
        out += [(ev, RDF.type, ORG.ChangeEvent), (ev, KGO.changeKind, Literal(e.kind)),
                (ev, RDFS.label, Literal(title, lang="ko")), (ev, DCTERMS.date, Literal(e.date, datatype=XSD.date))]
        for o in e.original:
            out += [(ev, ORG.originalOrganization, iris[o]), (iris[o], ORG.changedBy, ev)]
        for r in e.resulting:
            out += [(ev, ORG.resultingOrganization, iris[r]), (iris[r], ORG.resultedFrom, ev)]
            if e.kind in LINEAGE_KINDS:
                out += [(iris[r], KGO.predecessor, iris[o]) for o in e.original]
        for m in getattr(e, "bodies", ()):  # kind move: the bodies whose metropolitan government changed
            out += [(ev, DCTERMS.subject, iris[m]), (iris[m], ORG.changedBy, ev)]
        if e.what:
            out.append((ev, DCTERMS.description, Literal(e.what, lang="ko")))
        if e.law:
            law = e.law if e.law_certain else f"{e.law} (법률 번호 미대조)"
            out.append((ev, KGO.legalBasis, Literal(law, lang="ko")))
        out += _about(ev, e.certain, e.source, e.note)
    return out
