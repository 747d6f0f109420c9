"""Result formats of the SPARQL endpoint: content negotiation and serialisers.

SELECT/ASK: SPARQL Results JSON (default), XML, CSV, TSV.
CONSTRUCT/DESCRIBE: Turtle (default), N-Triples, JSON-LD, RDF/XML.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF
from werkzeug.datastructures import MIMEAccept

from core.namespaces import XSD_STRING
from kg.read.results import QueryResult


@dataclass(frozen=True)
class Format:
    name: str        # json | xml | csv | tsv | turtle | nt | jsonld | rdfxml
    mime: str        # the Content-Type we send
    extension: str


# media type asked for → format; the first entry of each table is the default
RESULT_FORMATS: dict[str, Format] = {
    "application/sparql-results+json": Format("json", "application/sparql-results+json", "srj"),
    "application/sparql-results+xml": Format("xml", "application/sparql-results+xml", "srx"),
    "text/csv": Format("csv", "text/csv", "csv"),
    "text/tab-separated-values": Format("tsv", "text/tab-separated-values", "tsv"),
    "application/json": Format("json", "application/json", "json"),
    "application/xml": Format("xml", "application/xml", "xml"),
    "text/xml": Format("xml", "text/xml", "xml"),
}
GRAPH_FORMATS: dict[str, Format] = {
    "text/turtle": Format("turtle", "text/turtle", "ttl"),
    "application/n-triples": Format("nt", "application/n-triples", "nt"),
    "application/ld+json": Format("jsonld", "application/ld+json", "jsonld"),
    "application/rdf+xml": Format("rdfxml", "application/rdf+xml", "rdf"),
    "application/x-turtle": Format("turtle", "text/turtle", "ttl"),
    "text/plain": Format("nt", "text/plain", "nt"),
    "application/json": Format("jsonld", "application/ld+json", "jsonld"),
    "application/xml": Format("rdfxml", "application/rdf+xml", "rdf"),
}
# the `format=` parameter: a short name or a media type
FORMAT_ALIASES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "srj": ("application/sparql-results+json", None),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "srx": ("application/sparql-results+xml", None),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"),
    "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"), "rdf": (None, "application/rdf+xml"),
}


class NotAcceptable(Exception):
    """No format the client accepts fits this kind of result."""


def _table(kind: str) -> dict[str, Format]:
    return GRAPH_FORMATS if kind == "CONSTRUCT" else RESULT_FORMATS


def from_param(kind: str, fmt: str) -> Format:
    """The format named by `format=` (short name or media type) for a result of `kind`."""
    f = fmt.strip().lower()
    table = _table(kind)
    if f in FORMAT_ALIASES:
        mime = FORMAT_ALIASES[f][1 if kind == "CONSTRUCT" else 0]
        if mime is not None:
            return table[mime]
    elif f in table:
        return table[f]
    what = "그래프(CONSTRUCT/DESCRIBE)" if kind == "CONSTRUCT" else "SELECT/ASK"
    names = "turtle, nt, jsonld, rdfxml" if kind == "CONSTRUCT" else "json, xml, csv, tsv"
    raise NotAcceptable(f"{what} 결과는 format={fmt} 형식으로 줄 수 없습니다 (가능: {names})")


def negotiate(kind: str, accept: MIMEAccept, fmt: str | None = None) -> Format:
    """The format for a result of `kind`: `format=` first, then Accept; no Accept (or
    */*) gives the default. Raises NotAcceptable."""
    if fmt:
        return from_param(kind, fmt)
    table = _table(kind)
    if not accept:
        return next(iter(table.values()))
    best = accept.best_match(list(table))
    if best is None:
        offered = ", ".join(dict.fromkeys(f.mime for f in table.values()))
        raise NotAcceptable(f"요청한 형식({accept.to_header()})으로 줄 수 없습니다. 가능한 형식: {offered}")
    return table[best]


def acceptable_at_all(accept: MIMEAccept, fmt: str | None) -> bool:
    """Could any result be served? (checked before running the query)"""
    if fmt:
        f = fmt.strip().lower()
        return f in FORMAT_ALIASES or f in RESULT_FORMATS or f in GRAPH_FORMATS
    return not accept or accept.best_match([*RESULT_FORMATS, *GRAPH_FORMATS]) is not None


def serialize(res: QueryResult, fmt: Format, *, for_people: bool = False) -> str:
    """The result in `fmt`. `for_people` (a `download=1` link of the /query page) makes
    CSV/TSV cells safe to open in a spreadsheet (kg.csvsafe); protocol clients get the
    standard formats untouched."""
    if res.kind == "CONSTRUCT":
        graph = plain_strings(res.graph if res.graph is not None else Graph())
        name = {"turtle": "turtle", "nt": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[fmt.name]
        return graph.serialize(format=name)
    if fmt.name == "json":
        return json.dumps(res.to_json(), ensure_ascii=False)
    if fmt.name == "xml":
        return results_xml(res)
    return res.to_delimited("," if fmt.name == "csv" else "\t", for_people=for_people)


def plain_strings(graph: Graph) -> Graph:
    """The graph with xsd:string literals written as simple literals. Oxigraph types
    every simple literal xsd:string (the same thing in RDF 1.1), and rdflib would write
    `"…"^^xsd:string` everywhere and compare them unequal to plain literals."""
    out = Graph()
    for prefix, ns in graph.namespaces():
        out.bind(prefix, ns, override=True)
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype is not None and str(o.datatype) == XSD_STRING:
            o = Literal(str(o))
        out.add((s, p, o))
    return out


# -- SPARQL Query Results XML ----------------------------------------------------------
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str, attr: bool = False) -> str:
    """Escape for XML 1.0 text or a double-quoted attribute (characters XML cannot
    carry at all are dropped)."""
    text = _XML_BAD.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attr else text


def _term_xml(t: Any) -> str:
    if isinstance(t, URIRef):
        return f"<uri>{_x(str(t))}</uri>"
    if isinstance(t, BNode):
        return f"<bnode>{_x(str(t))}</bnode>"
    attrs = ""
    if isinstance(t, Literal) and t.language:
        attrs = f' xml:lang="{_x(t.language, True)}"'
    elif isinstance(t, Literal) and t.datatype and str(t.datatype) != XSD_STRING:
        attrs = f' datatype="{_x(str(t.datatype), True)}"'
    return f"<literal{attrs}>{_x(str(t))}</literal>"


def results_xml(res: QueryResult) -> str:
    """https://www.w3.org/TR/rdf-sparql-XMLres/ (written by hand: rdflib terms in plain rows)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n']
    if res.kind == "ASK":
        out.append(f"  <head/>\n  <boolean>{'true' if res.boolean else 'false'}</boolean>\n</sparql>\n")
        return "".join(out)
    out.append("  <head>\n")
    out += [f'    <variable name="{_x(v, True)}"/>\n' for v in res.vars]
    out.append("  </head>\n")
    if res.truncated:
        out.append("  <!-- truncated: the row cap was reached -->\n")
    out.append("  <results>\n")
    for row in res.rows:
        out.append("    <result>\n")
        out += [f'      <binding name="{_x(v, True)}">{_term_xml(row[v])}</binding>\n'
                for v in res.vars if row.get(v) is not None]
        out.append("    </result>\n")
    out.append("  </results>\n</sparql>\n")
    return "".join(out)


# -- service description -----------------------------------------------------------------
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")


def service_description(endpoint: str) -> Graph:
    g = Graph()
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    s = URIRef(endpoint + "#service")
    g.add((s, RDF.type, SD.Service))
    g.add((s, SD.endpoint, URIRef(endpoint)))
    g.add((s, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((s, SD.feature, SD.UnionDefaultGraph))
    for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
              "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((s, SD.resultFormat, FORMATS[f]))
    g.add((s, DCTERMS.title, Literal("한국 정책·산업 지식그래프 SPARQL 엔드포인트 (읽기 전용)", lang="ko")))
    g.add((s, DCTERMS.title, Literal("Korean policy knowledge graph SPARQL endpoint (read-only)", lang="en")))
    ds = BNode()
    g.add((s, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    dg = BNode()
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    return g
