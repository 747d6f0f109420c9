"""Deterministic IRIs: entities from (type, canonical name), documents from a content hash.

The same entity found in two documents is one node; re-ingesting the same document
yields the same IRIs. IRIs keep Hangul as is (RFC 3987 IRIs); only characters that
would break a path are percent-encoded.
"""
from __future__ import annotations

import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from core.types import NODE_TYPES, SLUG_TYPES, TYPE_SLUGS  # noqa: F401 (NODE_TYPES: re-exported)

# The shared graph of entity descriptions (ontology.mapping), relative to the base IRI
ENTITY_GRAPH = "graph/entities"
# The gazetteer's names of known entities (kg.pipeline.ensure_gazetteer): what it states,
# the entity graph does not state again
GAZETTEER_GRAPH = "graph/gazetteer"
# The authority file's bodies, dated names and reorganisations (ontology.lineage)
AUTHORITY_GRAPH = "graph/authority"
# Derived numbers (kgo:documentCount of every mentioned entity), rewritten by the writer
# when it publishes (kg.summary.write_counts), relative to the base IRI
COUNTS_GRAPH = "graph/counts"

_SAFE = "-._~!$&'()*+,;=:@"  # RFC 3986 pchar minus '/' ('%' handled by quote)
_SPACE = re.compile(r"\s+")


def name_segment(canonical: str) -> str:
    """Path segment for a canonical name: spaces → '_', reserved characters escaped, and
    so are the non-ASCII ones an IRI may not hold (U+FFFD from a damaged file, controls,
    private use, noncharacters): the store refuses an IRI with them."""
    name = _SPACE.sub("_", canonical.strip())
    return "".join(c if _ucschar(c) else quote(c, safe=_SAFE) for c in name)


def _ucschar(c: str) -> bool:
    """RFC 3987 ucschar: the non-ASCII characters an IRI path may hold as they are."""
    o = ord(c)
    return (0xA0 <= o <= 0xD7FF or 0xF900 <= o <= 0xFDCF or 0xFDF0 <= o <= 0xFFEF
            or (0x10000 <= o <= 0xEFFFD and o & 0xFFFF < 0xFFFE and not 0xE0000 <= o < 0xE1000))


def entity_iri(base: str, type_: str, canonical: str) -> URIRef:
    return URIRef(f"{base}id/{TYPE_SLUGS[type_]}/{name_segment(canonical)}")


def document_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{base}id/doc/{doc_id}")


def parse_id_path(path: str) -> tuple[str, str] | None:
    """'company/LG전자' → ('COMPANY', 'LG전자'); 'doc/abc' → ('DOCUMENT', 'abc'); else None."""
    slug, _, rest = path.partition("/")
    if not rest or "/" in rest:
        return None
    if slug == "doc":
        return "DOCUMENT", rest
    if slug in SLUG_TYPES:
        return SLUG_TYPES[slug], unquote(rest).replace("_", " ")
    return None
