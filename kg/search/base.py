"""What every text-index backend takes and returns, and the helpers they share.

A backend is one small interface (`SearchBackend`): write / search / has / doc_count /
all_iris / close, over `IndexDoc`s in and a `SearchResult` (hits with <mark> snippets,
facets) out. The shapes are the ones kg/search/index.py has always returned, so the web layer
and the CLI do not know which engine answers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Iterable, Protocol, Sequence, runtime_checkable

from core.urls import link_or_none
from ingest.nlp.kiwi import Morph, analyze, index_terms

def any_of(entity: str | tuple[str, ...]) -> tuple[str, ...]:
    """An entity filter is an IRI, or a tuple of IRIs meaning any of them (a government
    body and its predecessors: kg.lineage); the filters themselves are ANDed."""
    return (entity,) if isinstance(entity, str) else tuple(entity)


FACET_TYPES = ("MINISTRY", "COMPANY", "PERSON", "INITIATIVE", "EVENT", "ORGANIZATION", "LOCATION")
FACET_ENTITIES = 40  # entity facet values shown (and labelled)


@dataclass
class IndexDoc:
    """One document for the index. `terms`, when given, are the body's index terms as the
    NLP stage already computed them (`Extraction.tokens`: Kiwi index forms, aliases
    normalised, in text order) and the body is not analysed again; None analyses it."""

    doc_iri: str
    key: str
    title: str
    body: str
    date: str | None
    source: str
    url: str | None = None
    source_kind: str | None = None
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)  # iri → (label, type)
    terms: Sequence[str | Morph] | None = None
    publisher: str | None = None  # who to cite (ingest.publisher): the 출처 facet


@dataclass
class Hit:
    doc_iri: str
    title: str
    date: str | None
    source: str
    url: str | None
    snippet: str  # HTML with <mark>; the text itself is escaped
    score: float
    publisher: str | None = None

    def __post_init__(self) -> None:
        self.url = link_or_none(self.url)  # an index written before the loaders refused javascript:


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[dict[str, Any]]]
    # what kg.search.expand added to the words (KnowledgeGraph.search): names, compounds
    included: list[dict[str, Any]] = field(default_factory=list)
    compounds: list[dict[str, str]] = field(default_factory=list)
    bodies: list[dict[str, Any]] = field(default_factory=list)  # [{word, names}]: bodies that carried a name in turn

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


@runtime_checkable
class SearchBackend(Protocol):
    """The text index as the rest of kg/ sees it (kg.search.open_index picks one)."""

    name: str

    def write(self, add: Iterable[IndexDoc] = (), delete: Iterable[str] = ()) -> None:
        """Add or replace documents (by doc_iri) and delete others in one commit."""

    def search(self, text: str, *, page: int = 1, page_size: int = 20, date_from: str | None = None,
               date_to: str | None = None, types: Iterable[str] = (), entities: Iterable[str] = (),
               source_kind: str | None = None, source: str | None = None,
               sort: str = "relevance", facets: bool = True, publisher: str | None = None) -> SearchResult:
        """Korean full-text search with filters, facets, paging and <mark> snippets;
        `facets=False` skips counting them (the facet lists come back empty);
        `publisher` keeps the documents of one publisher (the 출처 facet)."""

    def vocabulary(self, prefix: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Body terms that start with `prefix`, with the documents that hold them, most
        frequent first (at most `limit`): spellings that exist, for suggestions."""

    def term_count(self, term: str) -> int:
        """Documents whose body holds the index term `term` (0: no document spells it so)."""

    def has(self, doc_iri: str) -> bool: ...

    def doc_count(self) -> int: ...

    def all_iris(self) -> set[str]: ...

    def close(self) -> None: ...


# -- analysis ------------------------------------------------------------------------
def body_terms(doc: IndexDoc) -> list[str]:
    """The body's index terms: the pre-computed ones when the document carries them
    (strings are taken as index forms; Morphs go through index_terms, which is
    idempotent on index terms), else Kiwi's analysis of the body."""
    if doc.terms is None:
        return [m.form for m in index_terms(analyze(doc.body), doc.date)]
    if all(isinstance(t, str) for t in doc.terms):
        return list(doc.terms)  # type: ignore[arg-type]
    return [m.form for m in index_terms([t for t in doc.terms if not isinstance(t, str)], doc.date)]


def text_terms(text: str) -> list[str]:
    """Index terms of a short text (a title, a query word)."""
    return [m.form for m in index_terms(analyze(text))] if text else []


# -- results ---------------------------------------------------------------------------
def build_facets(groups: dict[str, dict[str, int]], labels: dict[str, tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    """The facet lists of a SearchResult from raw counts: `groups` maps entity_types,
    entities, year, source_kind, source to {value: count}; `labels` entity IRI →
    (label, type)."""
    out: dict[str, list[dict[str, Any]]] = {}
    out["type"] = [{"value": k, "count": n} for k, n in sorted(groups["entity_types"].items(), key=lambda kv: -kv[1]) if k]
    out["year"] = [{"value": k, "count": n} for k, n in sorted(groups["year"].items(), reverse=True) if k]
    out["source_kind"] = [{"value": k, "count": n}
                          for k, n in sorted(groups["source_kind"].items(), key=lambda kv: -kv[1]) if k]
    origins: dict[tuple[str, str], int] = {}
    for src, n in groups.get("source", {}).items():
        key = source_origin(src)
        origins[key] = origins.get(key, 0) + n
    out["source"] = [{"value": v, "label": label, "count": n}
                     for (v, label), n in sorted(origins.items(), key=lambda kv: (-kv[1], kv[0]))]
    ents = []
    for iri, n in top_counts(groups["entities"]):
        if iri in labels:
            label, typ = labels[iri]
            ents.append({"value": iri, "label": label, "type": typ, "count": n})
            if len(ents) == FACET_ENTITIES:
                break
    out["entity"] = ents
    out["publisher"] = [{"value": k, "count": n} for k, n in top_counts(groups.get("publisher", {})) if k]
    out["month"] = month_facet(groups.get("month", {}))
    return out


def month_facet(counts: dict[int, int]) -> list[dict[str, Any]]:
    """{YYYYMM: n} → [{value: 'YYYY-MM', count}], oldest first, undated (0) left out:
    the documents over time (the chart on a result page)."""
    return [{"value": f"{m // 100:04d}-{m % 100:02d}", "count": int(n)}
            for m, n in sorted(counts.items()) if m and n and 1 <= m % 100 <= 12]


def top_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """(value, count), most counted first, ties by value (two sorts in C, no key function
    called per value)."""
    return sorted(sorted(counts.items()), key=itemgetter(1), reverse=True)


def source_origin(source: str) -> tuple[str, str]:
    """(filter prefix, label) of a document source: its site for a URL
    ('https://example.org/', 'example.org'), its folder for a path ('corpus/', 'corpus')."""
    if source.startswith(("http://", "https://")):
        scheme, _, rest = source.partition("://")
        host = rest.split("/", 1)[0]
        return f"{scheme}://{host}/", host
    if "/" in source:
        folder = source.rsplit("/", 1)[0]
        return folder + "/", folder
    return source, source


def date_bounds(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """Inclusive YYYYMMDD bounds of a (possibly partial) date range: '2023' → 20230000
    as a lower bound and 20239999 as an upper one, as whoosh's string range does."""
    return (date_number(date_from, "0") if date_from else None,
            date_number(date_to, "9") if date_to else None)


def date_number(date: str | None, pad: str = "0") -> int:
    """'2024-03-07' → 20240307; partial dates are padded ('2024' → 20240000); 0 if none."""
    digits = "".join(c for c in (date or "") if c.isdigit())[:8]
    return int(digits.ljust(8, pad)) if digits else 0
