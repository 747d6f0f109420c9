"""Linked data: every IRI we mint (`BASE/id/…`) dereferences to its RDF description.

`/id/<type>/<name>` and `/id/doc/<hash>` are HTML pages for browsers (web.pages), with
a JSON twin; this module answers the same URLs in RDF, by content negotiation
(`Accept: text/turtle`, `application/ld+json`, `application/n-triples`,
`application/rdf+xml`) or by suffix (`.ttl`, `.jsonld`, `.nt`, `.rdf`).

It is a `before_app_request` hook rather than routes of its own, so the page routes
stay as they are: the hook answers when RDF is asked for and otherwise lets the
request through to the page. The IRI described is always built from the KG_BASE_IRI
setting and the path, never from the Host header, so a deployment behind any name
describes the IRIs it minted.

What a description holds:
- an entity: every triple with it as subject (in any document graph): types, labels,
  relations, predecessors; the labels of the nodes it points to; the relations and
  mentions pointing at it (with the title of each document); the time intervals it is
  scheduled for; and the provenance of each of its relations (the reified statement,
  its sentence and document);
- a document: its named graph — title, date, source, text, mentions, sentences, the
  relations extracted from it with their evidence (the `#s…`, `#r…`, `#t…` hash IRIs
  of the document resolve here too).
"""
from __future__ import annotations

import json
import re
from typing import Any

from flask import Blueprint, Response, request
from rdflib import Graph
from werkzeug.urls import iri_to_uri

from ontology.iris import SLUG_TYPES, name_segment
from ontology.namespace import KGO, KGR, PREFIXES
from web.kg_access import get_kg
from web.helpers import client_address, settings
from web.sparql_formats import plain_strings

bp = Blueprint("linked", __name__)

# suffix → (media type sent, rdflib serializer)
SUFFIXES: dict[str, tuple[str, str]] = {
    ".ttl": ("text/turtle", "turtle"),
    ".jsonld": ("application/ld+json", "json-ld"),
    ".nt": ("application/n-triples", "nt"),
    ".rdf": ("application/rdf+xml", "xml"),
}
# media type asked for → suffix (the first four are the canonical ones)
ACCEPTED: dict[str, str] = {
    "text/turtle": ".ttl", "application/ld+json": ".jsonld", "application/n-triples": ".nt",
    "application/rdf+xml": ".rdf", "application/x-turtle": ".ttl", "text/n3": ".ttl", "text/plain": ".nt",
}
PAGE_TYPES = ("text/html", "application/xhtml+xml", "application/json")
_DOC_ID = re.compile(r"^[A-Za-z0-9_.~-]{1,128}$")

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DCT = "http://purl.org/dc/terms/"
TIME = "http://www.w3.org/2006/time#"


@bp.before_app_request
def linked_data() -> Any:
    """Answer GET/HEAD /id/… in RDF when RDF is asked for; otherwise None (the page)."""
    if request.method not in ("GET", "HEAD") or not request.path.startswith("/id/"):
        return None
    slug, sep, name = request.path[len("/id/"):].partition("/")
    if not sep or not name:
        return None
    suffix = next((s for s in SUFFIXES if name.endswith(s) and len(name) > len(s)), None)
    by_accept = suffix is None
    if suffix is not None:
        name = name[: -len(suffix)]
    else:
        suffix = negotiated_suffix()
        if suffix is None:
            return None
    iri = resource_iri(slug, name)
    if iri is None:
        return None  # not an IRI we mint: the page route answers 404
    graph, truncated = describe(iri, is_document=slug == "doc")
    if graph is None:
        # nothing known: the page route answers (its 404, or a page of its own such as
        # …/network; and `x.ttl` may be the literal name of an entity)
        return None
    mime, fmt = SUFFIXES[suffix]
    resp = Response(serialize(graph, fmt), content_type=f"{mime}; charset=utf-8")
    resp.vary.add("Accept")
    resp.headers["Access-Control-Allow-Origin"] = "*"
    page = request.script_root + "/id/" + slug + "/" + name
    if by_accept:
        resp.headers["Content-Location"] = page + suffix
    resp.headers["Link"] = alternates(page)
    if truncated:
        resp.headers["X-KG-Truncated"] = "true"
    return resp


@bp.after_app_request
def advertise(resp: Response) -> Response:
    """The page of an IRI, and its JSON and CSV twins, point to its RDF descriptions
    (the variants of the IRI itself: not of a twin, x.csv.ttl, nor of a sub-page such as
    …/network, which have none)."""
    if request.endpoint in ("pages.entity", "pages.document") and resp.status_code == 200 \
            and "Link" not in resp.headers:
        page, twin = request.path, {"application/json": ".json", "text/csv": ".csv"}.get(resp.mimetype)
        if twin and page.endswith(twin):  # (an entity named x.json has an HTML page at …/x.json)
            page = page[: -len(twin)]
        resp.headers["Link"] = alternates(request.script_root + page)
    return resp


def alternates(page: str) -> str:
    """A Link header naming the RDF variants (percent-encoded: headers are Latin-1)."""
    uri = iri_to_uri(page)
    return ", ".join(f'<{uri}{s}>; rel="alternate"; type="{m}"' for s, (m, _f) in SUFFIXES.items())


def negotiated_suffix() -> str | None:
    """The RDF suffix the Accept header prefers to HTML and JSON, or None.

    RDF wins when its quality is higher, or equal and the client names the RDF type
    itself (browsers and `*/*` get the page; `Accept: text/turtle, text/html` gets Turtle)."""
    accept = request.accept_mimetypes
    if not accept:
        return None
    best = accept.best_match(list(ACCEPTED))
    if best is None:
        return None
    q_rdf = accept[best]
    q_page = max(accept[m] for m in PAGE_TYPES)
    named = any(value.split(";", 1)[0].strip().lower() == best for value, _q in accept)
    if q_rdf > q_page or (q_rdf == q_page and named):
        return ACCEPTED[best]
    return None


def resource_iri(slug: str, name: str) -> str | None:
    """The IRI of /id/<slug>/<name> under KG_BASE_IRI, or None if we never mint it."""
    base = settings().base_iri
    if slug == "doc":
        return base + "id/doc/" + name if _DOC_ID.match(name) else None
    if slug not in SLUG_TYPES or not name.strip() or "\x00" in name:
        return None
    return base + "id/" + slug + "/" + name_segment(name)


def describe(iri: str, *, is_document: bool) -> tuple[Graph | None, bool]:
    """(graph, truncated), or (None, False) when the store knows nothing of `iri`.
    Runs in a query worker, under the time limit and row cap like any query."""
    query = document_query(iri) if is_document else entity_query(iri)
    res = get_kg().sparql(query, client=client_address())
    if res.graph is None or len(res.graph) == 0:
        return None, False
    return res.graph, res.truncated


def document_query(iri: str) -> str:
    return f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"


def entity_query(iri: str) -> str:
    """The description of an entity: its edges both ways (each once, as the entity graph
    states it: what each document reports, kgr:…, is left out, and the rdf:Statements
    say which documents report it), made DISTINCT before the labels of the other ends
    are joined (a date node or a mention is one per document)."""
    e = f"<{iri}>"
    reported = f'FILTER(!STRSTARTS(STR(?p), "{KGR._NS}"))'

    return f"""CONSTRUCT {{
  {e} ?p ?o . ?o <{SKOS}prefLabel> ?ol .
  ?o ?tp ?tv . ?tv <{TIME}inXSDDate> ?td .
  ?s ?ip {e} . ?s <{SKOS}prefLabel> ?sl . ?s <{DCT}title> ?st .
  ?r a <{RDF}Statement> ; <{RDF}subject> ?rs ; <{RDF}predicate> ?rp ; <{RDF}object> ?ro ;
     <{KGO.inDocument}> ?rd ; <{KGO.inSentence}> ?rsen . ?rsen <{KGO.text}> ?rtext .
}} WHERE {{
  {{ {{ SELECT DISTINCT ?p ?o WHERE {{ {e} ?p ?o {reported} }} }}
     OPTIONAL {{ {{ SELECT DISTINCT ?o ?ol WHERE {{ {{ SELECT DISTINCT ?o WHERE {{ {e} ?p ?o FILTER(isIRI(?o)) }} }}
                                                  ?o <{SKOS}prefLabel> ?ol }} }} }}
     OPTIONAL {{ GRAPH ?tg {{ ?o a ?tclass ; ?tp ?tv . FILTER(?tclass IN (<{TIME}Interval>, <{TIME}Instant>))
                OPTIONAL {{ ?tv <{TIME}inXSDDate> ?td }} }} }} }}
  UNION
  {{ {{ SELECT DISTINCT ?s ?ip WHERE {{ ?s ?ip {e} FILTER(?ip NOT IN (<{RDF}subject>, <{RDF}object>, <{KGO.mentionOf}>))
                                         {reported.replace("?p", "?ip")} }} }}
     OPTIONAL {{ {{ SELECT DISTINCT ?s ?sl WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ ?s ?ip {e} FILTER(?ip NOT IN
                    (<{RDF}subject>, <{RDF}object>, <{KGO.mentionOf}>, <{KGO.mentions}>)) }} }}
                  ?s <{SKOS}prefLabel> ?sl }} }} }}
     OPTIONAL {{ GRAPH ?s {{ ?s <{DCT}title> ?st }} }} }}
  UNION
  {{ {{ GRAPH ?rd {{ ?r <{RDF}subject> {e} }} }} UNION {{ GRAPH ?rd {{ ?r <{RDF}object> {e} }} }}
     GRAPH ?rd {{ ?r <{RDF}subject> ?rs ; <{RDF}predicate> ?rp ; <{RDF}object> ?ro }}
     OPTIONAL {{ GRAPH ?rd {{ ?r <{KGO.inSentence}> ?rsen . ?rsen <{KGO.text}> ?rtext }} }} }}
}}"""


def serialize(graph: Graph, fmt: str) -> str:
    graph = plain_strings(graph)
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    if fmt == "json-ld":
        # compact, with our prefixes as the context: readable without a JSON-LD processor
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
        return json.dumps(data, ensure_ascii=False, indent=2)
    return graph.serialize(format=fmt)
