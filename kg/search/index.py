"""The text index as it has always been imported: `kg.index.TextIndex` is the whoosh
backend (the embedded default); kg.search holds the backend interface, the tantivy
backend and `open_index`, which picks one by name (KG_SEARCH_BACKEND).
"""
from __future__ import annotations

from kg.search import BACKENDS, detect_backend, open_index
from kg.search.base import FACET_TYPES, Hit, IndexDoc, SearchBackend, SearchResult, source_origin
from kg.search.base import build_facets as _facets
from kg.search.whoosh_backend import SCHEMA_VERSION, WhooshIndex, make_schema

TextIndex = WhooshIndex

__all__ = ["BACKENDS", "FACET_TYPES", "SCHEMA_VERSION", "Hit", "IndexDoc", "SearchBackend", "SearchResult",
           "TextIndex", "WhooshIndex", "_facets", "detect_backend", "make_schema", "open_index", "source_origin"]
