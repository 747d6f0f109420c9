"""The on-disk whoosh full-text index, Korean-aware (kg.analysis): the embedded default.

One whoosh document per stored document, keyed by the document IRI. Entity IRIs and
types are indexed as keywords for facets and filters; snippets are highlighted with
<mark> by kg.snippets. A document that carries its index terms (IndexDoc.terms, from the
NLP stage) is indexed from them: whoosh takes a list of strings as a pre-tokenized field
value (positions in list order) and `_stored_body` keeps the text for display.
"""
from __future__ import annotations

import json
import sys
import threading
from collections import Counter, OrderedDict
from pathlib import Path
from typing import Iterable

from whoosh import collectors, columns
from whoosh import index as windex
from whoosh import query as Q
from whoosh import sorting
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.searching import ResultsPage

from kg.analysis import korean_analyzer
from kg.errors import QueryError, StoreError
from kg.search.base import (FACET_ENTITIES, Hit, IndexDoc, SearchResult, body_terms, build_facets, date_bounds,
                            date_number)
from kg.snippets import make_snippet

SCHEMA_VERSION = 2
GROUPS = ("entity_types", "entities", "year", "source_kind", "source")


class ListKeyword(KEYWORD):
    """Comma-separated keywords that are also kept in a list column. Facet counting over
    a field without a column walks every posting list of the field in every search
    (whoosh's OverlappingCategorizer): O(corpus) per query. With the column it reads the
    values of the matching documents only. (Pickled into the schema: keep this name.)"""

    def __init__(self, **kw) -> None:
        super().__init__(commas=True, sortable=True, **kw)
        self.column_type = columns.VarBytesListColumn()

    def to_column_value(self, value) -> list[bytes]:
        values = value.split(",") if isinstance(value, str) else list(value or ())
        return [v.strip().encode("utf-8") for v in values if v.strip()]

    def from_column_value(self, value) -> list[str]:
        return [v.decode("utf-8") for v in value]


def make_schema() -> Schema:
    """Version 2: facet fields have columns (year, source, source_kind sortable; entities
    and entity_types list columns) and dates are also numbers (date_num), so a date range
    is a handful of trie terms instead of one term per distinct date. An index made with
    version 1 keeps its own schema and still works, with slower facets and date filters."""
    ana = korean_analyzer()
    return Schema(
        doc_iri=ID(stored=True, unique=True),
        key=ID(stored=True),
        title=TEXT(analyzer=ana, stored=True, field_boost=2.0),
        body=TEXT(analyzer=ana, stored=True),
        date=ID(stored=True, sortable=True),
        date_num=NUMERIC(int, bits=32, signed=False),  # YYYYMMDD: date ranges as a few trie terms
        year=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        url=STORED(),
        source_kind=ID(stored=True, sortable=True),
        entities=ListKeyword(stored=True),
        entity_types=ListKeyword(stored=True),
        entity_labels=STORED(),  # JSON {iri: [label, type]} for facet display
    )


class WhooshIndex:
    """The whoosh backend (KG_SEARCH_BACKEND=whoosh, the default)."""

    name = "whoosh"

    def __init__(self, path: Path | str, create: bool = True) -> None:
        self.path = Path(path)
        if (self.path / "meta.json").exists():
            raise StoreError(f"the text index at {self.path} was built with tantivy: set KG_SEARCH_BACKEND=tantivy "
                             "(or move the directory away and ingest again)")
        try:
            if windex.exists_in(str(self.path)):
                self.ix = windex.open_dir(str(self.path))
            elif create:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ix = windex.create_in(str(self.path), make_schema())
            else:
                raise StoreError(f"no text index at {self.path}: run `kg ingest` first")
        except StoreError:
            raise
        except Exception as e:  # whoosh raises many kinds on a damaged index
            raise StoreError(f"cannot open the text index at {self.path}: {e}") from e
        # read once: ix.schema re-reads the newest TOC file, which a concurrent commit may delete
        self.schema = self.ix.schema

    def _searcher(self):  # noqa: ANN202
        """A searcher on the newest commit; retried once if a concurrent commit removed
        the TOC file between finding and opening it."""
        try:
            return self.ix.searcher()
        except FileNotFoundError:
            return self.ix.searcher()

    # -- writing -------------------------------------------------------------------
    def write(self, add: Iterable[IndexDoc] = (), delete: Iterable[str] = ()) -> None:
        """Add or replace documents and delete others in one commit."""
        w = self.ix.writer(limitmb=128)
        try:
            for iri in delete:
                w.delete_by_term("doc_iri", iri)
            for d in add:
                ents = d.entities
                body: dict = {"body": d.body} if d.terms is None else {"body": body_terms(d), "_stored_body": d.body}
                w.update_document(
                    doc_iri=d.doc_iri, key=d.key, title=d.title, **body,
                    date=d.date or "", year=(d.date or "")[:4], **self._date_num(d.date), source=d.source, url=d.url,
                    source_kind=d.source_kind or "",
                    entities=",".join(ents), entity_types=",".join(sorted({t for _l, t in ents.values()})),
                    entity_labels=json.dumps(ents, ensure_ascii=False),
                )
        except BaseException:
            w.cancel()
            raise
        w.commit()

    def _date_num(self, date: str | None) -> dict[str, int]:
        return {"date_num": date_number(date)} if "date_num" in self.ix.schema else {}

    def has(self, doc_iri: str) -> bool:
        with self._searcher() as s:
            return s.document_number(doc_iri=doc_iri) is not None

    def doc_count(self) -> int:
        return self.ix.doc_count()

    def all_iris(self) -> set[str]:
        with self._searcher() as s:
            # the doc_iri terms of live documents, without loading every stored body
            # (the lexicon keeps deleted documents' terms until a merge: check each is live)
            iris = (t.decode("utf-8") for t in s.reader().lexicon("doc_iri"))
            return {i for i in iris if s.document_number(doc_iri=i) is not None}

    # -- searching -----------------------------------------------------------------
    def parse(self, text: str) -> Q.Query:
        if not text.strip():
            return Q.Every()
        parser = MultifieldParser(["title", "body"], schema=self.schema, group=AndGroup)
        try:
            return parser.parse(text)
        except Exception as e:
            raise QueryError(f"cannot parse search query {text!r}: {e}") from e

    def search(self, text: str, *, page: int = 1, page_size: int = 20, date_from: str | None = None,
               date_to: str | None = None, types: Iterable[str] = (), entities: Iterable[str] = (),
               source_kind: str | None = None, source: str | None = None, sort: str = "relevance",
               facets: bool = True) -> SearchResult:
        q = self.parse(text)
        filters: list[Q.Query] = [Q.Term("entity_types", t) for t in types]
        filters += [Q.Term("entities", e) for e in entities]
        if (date_from or date_to) and "date_num" in self.ix.schema:
            lo, hi = date_bounds(date_from, date_to)
            filters.append(Q.NumericRange("date_num", lo if lo is not None else 1, hi))
        elif date_from or date_to:
            filters.append(Q.TermRange("date", date_from or "0000", (date_to or "9999") + "\uffff"))
        if source_kind:
            filters.append(Q.Term("source_kind", source_kind))
        if source:  # a prefix of the source: a site (https://host/) or a folder (corpus/)
            filters.append(Q.Prefix("source", source))
        if filters:
            q = Q.And([q, *filters])
        page = max(1, page)
        sortedby = _NewestFirst("date") if sort == "date" or isinstance(q, Q.Every) else None
        with self._searcher() as s:
            cached = facets and all(r.has_column(name) for r, _o in _leaf_readers(s) for name in GROUPS)
            groupedby = None
            if facets and not cached:  # an index of schema version 1: whoosh's own (slower) counting
                groupedby = sorting.Facets()
                for name in GROUPS:
                    groupedby.add_field(name, allow_overlap=name in ("entity_types", "entities"))
            # no block skipping: the page shows the total, which whoosh would otherwise
            # count in a second pass over every match (960 ms instead of 60 for a
            # four-word query over 77,000 records)
            c = s.collector(limit=page * page_size, sortedby=sortedby, groupedby=groupedby, maptype=sorting.Count,
                            terms=True, optimize=False)
            counter = _FacetCounter(c, self.path) if cached else None
            s.search_with_collector(q, counter or c)
            res = ResultsPage((counter or c).results(), page, page_size)
            hits = []
            labels: dict[str, tuple[str, str]] = {}
            for h in res:
                labels.update(json.loads(h.get("entity_labels") or "{}"))
                # kg.snippets marks the matched terms without running Kiwi again (20 ms a hit)
                matched = [t.decode("utf-8") for f, t in (h.matched_terms() or []) if f in ("body", "title")]
                snippet = make_snippet(h["body"], matched)
                hits.append(Hit(h["doc_iri"], h["title"], h.get("date") or None, h["source"],
                                h.get("url"), snippet, float(h.score or 0.0)))
            if counter is not None:
                groups = counter.groups()
            else:
                groups = {name: {_text(k): n for k, n in res.results.groups(name).items() if k} if facets else {}
                          for name in GROUPS}
            if groups["entities"]:
                labels.update(self._labels(s, groups["entities"]))
            total = res.total
        return SearchResult(text, total, page, page_size, hits, build_facets(groups, labels))

    def _labels(self, s, counts: dict[str, int]) -> dict[str, tuple[str, str]]:
        """Labels for the top facet entities (read from stored fields of one hit each)."""
        out: dict[str, tuple[str, str]] = {}
        for iri, _n in sorted(counts.items(), key=lambda kv: -kv[1])[:FACET_ENTITIES]:
            docnum = next(iter(s.docs_for_query(Q.Term("entities", iri))), None)
            if docnum is not None:
                out.update({k: tuple(v) for k, v in json.loads(s.stored_fields(docnum).get("entity_labels") or "{}").items() if k == iri})
        return out

    def close(self) -> None:
        self.ix.close()


LIST_GROUPS = ("entity_types", "entities")
_COLUMNS: OrderedDict[tuple[str, str, str], list] = OrderedDict()  # (index, segment, field) → values
_COLUMNS_MAX = 256
_COLUMNS_LOCK = threading.Lock()


class _FacetCounter(collectors.WrappingCollector):
    """Counts the facet values of every match, in the same single pass that scores them,
    from the facet columns of each segment, read once per segment and kept (segments
    never change). whoosh's own facet counting opens every column of every segment again
    in each search and reads its offsets for all documents: O(corpus) per query (about
    200 ms of a 300 ms search over the 77,000 Assembly and Wikinews records)."""

    def __init__(self, child, index: Path) -> None:  # noqa: ANN001
        super().__init__(child)
        self.index = index
        self.counts: dict[str, Counter] = {name: Counter() for name in GROUPS}
        self.total = 0
        self.columns: dict[str, list] = {}

    def set_subsearcher(self, subsearcher, offset: int) -> None:  # noqa: ANN001
        super().set_subsearcher(subsearcher, offset)
        reader = subsearcher.reader()
        self.columns = {name: _column(self.index, reader, name) for name in GROUPS}

    def collect(self, sub_docnum: int):  # noqa: ANN201
        self.total += 1
        for name in GROUPS:
            value = self.columns[name][sub_docnum]
            if name in LIST_GROUPS:
                self.counts[name].update(value)
            else:
                self.counts[name][value] += 1
        return self.child.collect(sub_docnum)

    def count(self) -> int:
        return self.total

    def groups(self) -> dict[str, dict[str, int]]:
        return {name: {k: n for k, n in c.items() if k} for name, c in self.counts.items()}


class _NewestFirst(sorting.FieldFacet):
    """Sort by a text column, largest first. whoosh's own reversed column sort looks each
    document's value up with list.index over all distinct values: O(documents × dates),
    400 ms of a 480 ms date-ordered browse of 10,000 documents."""

    def __init__(self, fieldname: str) -> None:
        super().__init__(fieldname, reverse=True)

    def categorizer(self, global_searcher):  # noqa: ANN001, ANN201
        if not global_searcher.reader().has_column(self.fieldname):
            return super().categorizer(global_searcher)
        return _RankedReverse(global_searcher, self.fieldname)


class _RankedReverse(sorting.ReversedColumnCategorizer):
    def __init__(self, global_searcher, fieldname: str) -> None:  # noqa: ANN001
        super().__init__(global_searcher, fieldname)
        self._rank = {v: i for i, v in enumerate(self._values)}

    def key_for(self, matcher, segment_docnum: int) -> int:  # noqa: ANN001
        return -self._rank[self._creader[segment_docnum]]


def _leaf_readers(s) -> list:  # noqa: ANN001
    return [(sub.reader(), off) for sub, off in s.leaf_searchers()]


def _column(index: Path, reader, name: str) -> list:  # noqa: ANN001
    """The values of one facet column for every document of one segment (by local
    document number), cached: a segment is immutable, and a merged one has a new id."""
    key = (str(index), reader.segment().segment_id(), name)
    with _COLUMNS_LOCK:
        if key in _COLUMNS:
            _COLUMNS.move_to_end(key)
            return _COLUMNS[key]
    col = reader.column_reader(name)
    if name in LIST_GROUPS:
        values: list = [tuple(sys.intern(v) for v in col[i]) for i in range(reader.doc_count_all())]
    else:
        values = [sys.intern(_text(col[i])) for i in range(reader.doc_count_all())]
    with _COLUMNS_LOCK:
        _COLUMNS[key] = values
        while len(_COLUMNS) > _COLUMNS_MAX:
            _COLUMNS.popitem(last=False)
    return values


def _text(key: object) -> str:
    """A facet key as text (list columns give bytes)."""
    return key.decode("utf-8") if isinstance(key, bytes) else str(key)
