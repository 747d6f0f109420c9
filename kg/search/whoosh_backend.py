"""The on-disk whoosh full-text index, Korean-aware (kg.analysis): the embedded default.

One whoosh document per stored document, keyed by the document IRI. Entity IRIs and
types are indexed as keywords for facets and filters; snippets are highlighted with
<mark> by kg.snippets. A document that carries its index terms (IndexDoc.terms, from the
NLP stage) is indexed from them: whoosh takes a list of strings as a pre-tokenized field
value (positions in list order) and `_stored_body` keeps the text for display.

Searching parses with whoosh and answers with kg.search.whoosh_arrays (every match
counted, facets and filters from per-segment columns, whoosh's scores); an index of
schema version 1, without the columns, is searched by whoosh's own collectors.
"""
# Over 400 lines, kept whole: the whole whoosh backend behind the SearchBackend interface (schema, writer, reader).
from __future__ import annotations

import heapq
import itertools
import json
import math
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from whoosh import columns
from whoosh import index as windex
from whoosh import query as Q
from whoosh import sorting
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.codec import whoosh3
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.reading import SegmentReader
from whoosh.searching import ResultsPage
from whoosh.writing import SegmentWriter

from kg.search.analysis import korean_analyzer
from core.errors import QueryError, StoreError
from kg.search import whoosh_arrays as arrays
from kg.search.query import with_names_joined
from kg.search.base import (FACET_ENTITIES, any_of, Hit, IndexDoc, SearchResult, body_terms, build_facets, date_bounds,
                            date_number, top_counts)
from kg.search.whoosh_arrays import GROUPS, LIST_GROUPS
from kg.search.snippets import make_snippet

SCHEMA_VERSION = 2
POOL_SIZE = 4  # idle searchers kept open
MERGE_FACTOR = 10  # segments of one size class (a power of 10 documents) merged together
# Memory for the postings of one commit before whoosh sorts them through temporary files
# (whoosh's default is 128; a commit of 3,000 news documents fits in 512)
WRITE_MB = 512
# A term with at most this many postings in a segment keeps them in its term-table entry
# (see _PostingsWriter). Writing 20,000 documents 1,000 at a time: 81.8 CPU s with none,
# 74.5 with up to 2, 67.5 with 8, 62.9 with 32 (index 179 → 190 MB), 61.0 with 128 (211 MB)
INLINE_POSTINGS = 32
# A posting block with fewer postings is written uncompressed: zlib gains nothing on a few bytes
COMPRESS_MIN_POSTINGS = 8
VOCABULARY_SCAN = 20_000  # terms of one prefix read for spelling suggestions


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
        publisher=ID(stored=True, sortable=True),  # added with version 2; an older index has none
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
            raise StoreError(f"텍스트 색인 {self.path}는 tantivy로 만들어졌습니다. KG_SEARCH_BACKEND=tantivy 로 "
                             f"설정하거나 디렉터리를 옮기고 다시 수집하세요 (the text index at {self.path} was "
                             "built with tantivy)")
        try:
            if windex.exists_in(str(self.path)):
                self.ix = windex.open_dir(str(self.path))
            elif create:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ix = windex.create_in(str(self.path), make_schema())
            else:
                raise StoreError(f"{self.path}에 텍스트 색인이 없습니다. 먼저 `kg ingest`로 문서를 수집하세요 "
                                 f"(no text index at {self.path}: run `kg ingest` first)")
        except StoreError:
            raise
        except Exception as e:  # whoosh raises many kinds on a damaged index
            raise StoreError(f"텍스트 색인 {self.path}를 열 수 없습니다 (cannot open the text index at {self.path}: {e})") from e
        # read once: ix.schema re-reads the newest TOC file, which a concurrent commit may delete
        self.schema = self.ix.schema
        self._idle: list = []
        self._pool_lock = threading.Lock()
        self._closed = False

    @contextmanager
    def _searcher(self) -> Iterator:
        """A searcher on the newest commit, borrowed from a small pool: opening one costs
        a file open per segment (15 ms at 10,000 documents), so idle ones are kept and
        a new one is opened after each commit. whoosh searchers are not thread-safe, so each
        is lent to one search at a time."""
        with self._pool_lock:
            s = self._idle.pop() if self._idle else None
        if s is not None and not _current(s):
            s.close()  # not s.refresh(): whoosh's reader reuse keeps stale deletions and merged segments
            s = None
        if s is None:
            s = self._open_searcher()
        try:
            yield s
        finally:
            with self._pool_lock:
                if len(self._idle) < POOL_SIZE and not self._closed:
                    self._idle.append(s)
                    s = None
            if s is not None:
                s.close()

    def _open_searcher(self):  # noqa: ANN202
        """Retried once if a concurrent commit removed the TOC file between finding and
        opening it."""
        try:
            return self.ix.searcher()
        except FileNotFoundError:
            return self.ix.searcher()

    # -- writing -------------------------------------------------------------------
    def write(self, add: Iterable[IndexDoc] = (), delete: Iterable[str] = ()) -> None:
        """Add or replace documents and delete others in one commit."""
        w = _Writer(self.ix, limitmb=WRITE_MB)
        try:
            for iri in delete:
                w.delete_by_term("doc_iri", iri)
            # what update_document does, but the older copy is looked for in each segment's
            # term table first: nearly every document is new, and whoosh's lookup reads the
            # term's postings in every segment (0.5 ms a document at 100,000)
            readers = [r for r, _off in w.searcher().reader().leaf_readers()]
            for d in add:
                if any(("doc_iri", d.doc_iri) in r for r in readers):
                    w.delete_by_term("doc_iri", d.doc_iri)
                ents = d.entities
                body: dict = {"body": d.body} if d.terms is None else {"body": body_terms(d), "_stored_body": d.body}
                w.add_document(
                    doc_iri=d.doc_iri, key=d.key, title=d.title, **body,
                    date=d.date or "", year=(d.date or "")[:4], **self._date_num(d.date), source=d.source, url=d.url,
                    source_kind=d.source_kind or "", **self._publisher(d.publisher),
                    entities=",".join(ents), entity_types=",".join(sorted({t for _l, t in ents.values()})),
                    entity_labels=json.dumps(ents, ensure_ascii=False),
                )
        except BaseException:
            w.cancel()
            raise
        w.commit(mergetype=merge_tiers)

    def _date_num(self, date: str | None) -> dict[str, int]:
        # self.schema, not ix.schema: that one reads the TOC file again (0.3 ms a document)
        return {"date_num": date_number(date)} if "date_num" in self.schema else {}

    def _publisher(self, publisher: str | None) -> dict[str, str]:
        return {"publisher": publisher or ""} if "publisher" in self.schema else {}

    def vocabulary(self, prefix: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Body terms starting with `prefix` and their document counts (a replaced
        document counts until its segment is merged: a suggestion, not a figure)."""
        if not prefix:
            return []
        out: dict[str, int] = {}
        with self._searcher() as s:
            r = s.reader()
            for t in itertools.islice(r.expand_prefix("body", prefix), VOCABULARY_SCAN):
                text = t.decode("utf-8") if isinstance(t, bytes) else t
                out[text] = r.doc_frequency("body", text)
        return top_counts(out)[:limit]

    def term_count(self, term: str) -> int:
        with self._searcher() as s:
            return s.reader().doc_frequency("body", term) if term else 0

    def has(self, doc_iri: str) -> bool:
        with self._searcher() as s:
            return s.document_number(doc_iri=doc_iri) is not None

    def doc_count(self) -> int:
        """From a pooled searcher: Index.doc_count() opens every segment again (0.37 s of
        a 0.44 s home page at 100,000 documents)."""
        with self._searcher() as s:
            return s.doc_count()

    def all_iris(self) -> set[str]:
        """The doc_iri terms of live documents, without loading every stored body: a
        segment's lexicon keeps deleted documents' terms until a merge, so the terms of a
        segment with deletions are checked one by one (a segment without is taken whole:
        asking a searcher per term took 15 s at 100,000 documents)."""
        out: set[str] = set()
        with self._searcher() as s:
            for sub, _offset in s.leaf_searchers():
                r = sub.reader()
                terms = r.lexicon("doc_iri") if "doc_iri" in r.indexed_field_names() else ()
                if not r.has_deletions():
                    out.update(t.decode("utf-8") for t in terms)
                    continue
                for t in terms:
                    if any(not r.is_deleted(d) for d in r.postings("doc_iri", t).all_ids()):
                        out.add(t.decode("utf-8"))
        return out

    # -- searching -----------------------------------------------------------------
    def parse(self, text: str) -> Q.Query:
        if not text.strip():
            return Q.Every()
        parser = MultifieldParser(["title", "body"], schema=self.schema, group=AndGroup)
        try:
            return parser.parse(with_names_joined(text))
        except Exception as e:
            raise QueryError(f"검색어를 읽을 수 없습니다: {text!r} (cannot parse search query: {e})") from e

    def search(self, text: str, *, page: int = 1, page_size: int = 20, date_from: str | None = None,
               date_to: str | None = None, types: Iterable[str] = (), entities: Iterable[str] = (),
               source_kind: str | None = None, source: str | None = None, sort: str = "relevance",
               facets: bool = True, publisher: str | None = None) -> SearchResult:
        q = self.parse(text)
        page = max(1, page)
        by_date = sort == "date" or isinstance(q, Q.Every)
        types, entities = list(types), list(entities)
        with self._searcher() as s:
            if not all(r.has_column(name) for r, _o in _leaf_readers(s) for name in (*GROUPS, "date")):
                return self._search_v1(s, q, text, page, page_size, date_from, date_to, types, entities,
                                       source_kind, source, by_date, facets, publisher)
            ctx = s.context()
            counter = arrays.FacetCounts()
            found_ids, found_scores, found_dates = [], [], []
            for sub, offset in s.leaf_searchers():
                ev = arrays.Evaluator(str(self.path), s, sub, ctx)
                seg = ev.seg
                if isinstance(q, Q.Every):
                    ids = np.flatnonzero(seg.live[1]).astype(np.int32)
                    scores = np.zeros(len(ids))
                else:
                    ids, scores = ev.run(q)
                mask = _filter_mask(seg, date_from, date_to, types, entities, source_kind, source, publisher)
                if mask is not None:
                    keep = mask[ids]
                    ids, scores = ids[keep], scores[keep]
                if facets:
                    counter.add(seg, ids)
                found_ids.append(ids.astype(np.int64) + offset)
                found_scores.append(scores)
                found_dates.append(seg.date[ids])
            # the entity facet's first values (and more for those without a label)
            counts = counter.result(top={"entities": 2 * FACET_ENTITIES})
            gids = np.concatenate([np.zeros(0, dtype=np.int64), *found_ids])
            scores = np.concatenate([np.zeros(0), *found_scores])
            dates = np.concatenate([np.zeros(0, dtype=np.int32), *found_dates])
            if facets:  # documents per month (YYYYMM), for the chart over time
                months, n = np.unique(dates // 100, return_counts=True)
                counts["month"] = dict(zip(months.tolist(), n.tolist()))
            key = dates if by_date else scores
            # best first (newest first by date), then the lower document number, as whoosh orders
            order = np.lexsort((gids, -key.astype(np.float64)))[(page - 1) * page_size:page * page_size]
            marks = arrays.positive_terms(q, s.reader())
            hits = []
            labels: dict[str, tuple[str, str]] = {}
            for k in order:
                f = s.stored_fields(int(gids[k]))
                labels.update(json.loads(f.get("entity_labels") or "{}"))
                hits.append(Hit(f["doc_iri"], f["title"], f.get("date") or None, f["source"], f.get("url"),
                                make_snippet(f["body"], marks), float(scores[k]), f.get("publisher") or None))
            if counts["entities"]:
                labels.update(self._labels(s, counts["entities"], labels))
        return SearchResult(text, len(gids), page, page_size, hits, build_facets(counts, labels))

    def _search_v1(self, s, q, text, page, page_size, date_from, date_to, types, entities,  # noqa: ANN001, PLR0913
                   source_kind, source, by_date, facets, publisher=None) -> SearchResult:
        """An index of schema version 1 (no facet columns): whoosh's own collectors,
        counting every match (no block skipping, no matcher replacement), slower."""
        filters: list[Q.Query] = [Q.Term("entity_types", t) for t in types]
        filters += [Q.Or([Q.Term("entities", x) for x in any_of(e)]) for e in entities]
        if date_from or date_to:
            filters.append(Q.TermRange("date", date_from or "0000", (date_to or "9999") + "\uffff"))
        if source_kind:
            filters.append(Q.Term("source_kind", source_kind))
        if source:
            filters.append(Q.Prefix("source", source))
        if publisher:
            filters.append(Q.Term("publisher", publisher) if "publisher" in self.schema else Q.NullQuery)
        if filters:
            q = Q.And([q, *filters])
        groupedby = None
        if facets:
            groupedby = sorting.Facets()
            for name in GROUPS:
                groupedby.add_field(name, allow_overlap=name in LIST_GROUPS)
        sortedby = sorting.FieldFacet("date", reverse=True) if by_date else None
        c = s.collector(limit=page * page_size, sortedby=sortedby, groupedby=groupedby, maptype=sorting.Count,
                        terms=True, optimize=False)
        for inner in _chain(c):
            if hasattr(inner, "replace"):
                inner.replace = 0  # a replaced matcher skips documents that cannot reach the page
        s.search_with_collector(q, c)
        res = ResultsPage(c.results(), page, page_size)
        hits = []
        labels: dict[str, tuple[str, str]] = {}
        for h in res:
            labels.update(json.loads(h.get("entity_labels") or "{}"))
            matched = [t.decode("utf-8") for f, t in (h.matched_terms() or []) if f in ("body", "title")]
            hits.append(Hit(h["doc_iri"], h["title"], h.get("date") or None, h["source"],
                            h.get("url"), make_snippet(h["body"], matched), float(h.score or 0.0)))
        groups = {name: {_text(k): n for k, n in res.results.groups(name).items() if k} if facets else {}
                  for name in GROUPS}
        if groups["entities"]:
            labels.update(self._labels_v1(s, groups["entities"]))
        return SearchResult(text, res.total, page, page_size, hits, build_facets(groups, labels))

    def _labels(self, s, counts: dict[str, int], known: dict) -> dict[str, tuple[str, str]]:  # noqa: ANN001
        """Labels for the top facet entities: from the hits where they are there, else
        from the stored fields of one document per entity (kept per segment)."""
        out: dict[str, tuple[str, str]] = {}
        for iri, _n in top_counts(counts)[:FACET_ENTITIES]:
            if iri in known:
                continue
            for sub, offset in s.leaf_searchers():
                seg = arrays.segment(str(self.path), sub.reader())
                if iri not in seg.labels:
                    doc = seg.first_doc(iri)
                    if doc is None:
                        continue
                    stored = json.loads(s.stored_fields(offset + doc).get("entity_labels") or "{}")
                    seg.labels.update({k: tuple(v) for k, v in stored.items()})
                if iri in seg.labels:
                    out[iri] = seg.labels[iri]
                    break
        return out

    def _labels_v1(self, s, counts: dict[str, int]) -> dict[str, tuple[str, str]]:  # noqa: ANN001
        out: dict[str, tuple[str, str]] = {}
        for iri, _n in top_counts(counts)[:FACET_ENTITIES]:
            docnum = next(iter(s.docs_for_query(Q.Term("entities", iri))), None)
            if docnum is not None:
                out.update({k: tuple(v) for k, v in json.loads(s.stored_fields(docnum).get("entity_labels") or "{}").items() if k == iri})
        return out

    def close(self) -> None:
        with self._pool_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for s in idle:
            s.close()
        self.ix.close()


class _Writer(SegmentWriter):
    """whoosh's segment writer, with two costs of large indexes taken out.

    - Each document's field lengths are read once per segment flush: whoosh reads them
      from the length column again for every posting (1.1 million column reads for 6,000
      news documents, 16% of the write time).
    - A merged segment's postings are not re-sorted: whoosh puts every posting of every
      merged segment through its posting pool, which sorts them in runs written to
      temporary files and read back (half of the time of a merge). They are in (field,
      term, document) order already and keep that order under their new document numbers,
      so the flush merges them, one stream per segment, with the pool's sorted output of
      the documents added in this commit. The readers stay open until then (merge_tiers
      hands them over; the writer closes them)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fieldwriter._codec = _Codec(self.fieldwriter._codec)
        self._streams: list[Iterator] = []
        self._readers: list = []

    def add_reader(self, reader) -> None:  # noqa: ANN001
        self._check_state()
        basedoc = self.docnum
        indexed = {f for f in reader.indexed_field_names() if f in self.schema}
        docmap = self.write_per_doc(set(self.schema.names()) | indexed, reader)
        self._streams.append(self._process_posts(reader.iter_postings(), basedoc, docmap))
        self._readers.append(reader)
        self._added = True

    def _flush_segment(self) -> None:  # whoosh-reloaded 2.7.5's, with the two changes
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        posts = self.pool.iter_postings()
        if self._streams:
            posts = heapq.merge(posts, *self._streams)
        try:
            self.fieldwriter.add_postings(self.schema, _Lengths(pdr) if pdr else None, posts)
        finally:
            self._close_readers()
        self.fieldwriter.close()
        if pdr:
            pdr.close()

    def _close_readers(self) -> None:
        for r in self._readers:
            r.close()
        self._readers, self._streams = [], []

    def cancel(self) -> None:
        self._close_readers()
        super().cancel()


def merge_tiers(writer: _Writer, segments: list) -> list:
    """The merge policy of each commit: segments are grouped in size classes by their live
    documents (1–9, 10–99, 100–999, …) and a class that holds MERGE_FACTOR segments is
    merged into the new one. A segment that lost half its documents to deletions
    (replaced documents) is merged too, which drops them. Each document is rewritten about
    log10(N / commit size) times in an index of N documents.

    whoosh's own MERGE_SMALL merges the smallest segments up to a Fibonacci bound: once
    an index has about 19 segments it merges all of them, the biggest included, so a long
    ingest rewrote the whole index every 15 or so commits (232 s for 100,000 documents
    each time; 72% of the time of adding 4,000 documents to 100,000)."""
    classes: dict[int, list] = {}
    merge = []
    for seg in segments:
        live = seg.doc_count()
        if seg.deleted_count() * 2 > seg.doc_count_all():
            merge.append(seg)
        else:
            classes.setdefault(int(math.log10(max(live, 1))), []).append(seg)
    keep = []
    for segs in classes.values():
        (merge if len(segs) >= MERGE_FACTOR else keep).extend(segs)
    for seg in merge:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))  # closed by the writer
    return keep


def _cached_reader(self, fieldname, column):  # noqa: ANN001, ANN202
    """W3PerDocReader._cached_reader, remembering columns that are not there too: whoosh
    asks the file system again on every call for a field without lengths (an ID field),
    eleven times per document when a merge copies documents."""
    try:
        return self._readers[fieldname]
    except KeyError:
        pass
    reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
    self._readers[fieldname] = reader
    return reader


whoosh3.W3PerDocReader._cached_reader = _cached_reader


class _Codec:
    """The segment's codec, for the field writer only: its postings writers are
    _PostingsWriter. The segment keeps whoosh's own codec, which reads what this writes."""

    def __init__(self, codec: whoosh3.W3Codec) -> None:
        self.codec = codec

    def postings_writer(self, dbfile, byteids: bool = False) -> whoosh3.W3PostingsWriter:  # noqa: ANN001
        c = self.codec
        return _PostingsWriter(dbfile, blocklimit=c._blocklimit, byteids=byteids, compression=c._compression,
                               inlinelimit=c._inlinelimit)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.codec, name)


class _PostingsWriter(whoosh3.W3PostingsWriter):
    """whoosh 3's postings writer, with two of its intentions carried out: 23% less CPU
    for the index writes (see INLINE_POSTINGS), the same answers and scores.

    - A term with few postings is stored inline in the term table, as whoosh's reader
      expects (terminfo.is_inlined); whoosh's writer calls a method that does not exist
      (set_inline), so its default inline limit of 1 (never) hides that, and every term
      got a block of its own in the postings file: a pickle, a zlib call, a header.
    - Small blocks are not compressed: whoosh means to skip zlib under 20 bytes, but
      overwrites that decision. Each block records its compression, so readers follow.

    An inlined term of a field without values (an ID) reads back with the value "" (str)
    where a block reads b"", so a merge hands add_posting a str: taken as b"" here."""

    def add_posting(self, id_, weight, vbytes, length=None) -> None:  # noqa: ANN001
        super().add_posting(id_, weight, b"" if vbytes == "" else vbytes, length)

    def finish_postings(self):  # noqa: ANN201
        if not self.written() and len(self) <= INLINE_POSTINGS:
            terminfo = self._terminfo
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()

    def _write_block(self, last: bool = False) -> None:
        level = self._compression
        if len(self._ids) < COMPRESS_MIN_POSTINGS:
            self._compression = 0
        try:
            super()._write_block(last)
        finally:
            self._compression = level


class _Lengths:
    def __init__(self, pdr) -> None:  # noqa: ANN001
        self.pdr = pdr
        self.fields: dict[str, list] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0):  # noqa: ANN201
        lengths = self.fields.get(fieldname)
        if lengths is None:
            get = self.pdr.doc_field_length
            lengths = self.fields[fieldname] = [get(d, fieldname) for d in range(self.pdr.doc_count_all())]
        return lengths[docnum]


def _current(s) -> bool:  # noqa: ANN001
    try:
        return s.up_to_date()
    except OSError:  # a concurrent commit removed the TOC file it looked for
        return False


def _leaf_readers(s) -> list:  # noqa: ANN001
    return [(sub.reader(), off) for sub, off in s.leaf_searchers()]


def _chain(c):  # noqa: ANN001, ANN202
    """A collector and the collectors it wraps."""
    while c is not None:
        yield c
        c = getattr(c, "child", None)


def _filter_mask(seg: arrays.Segment, date_from: str | None, date_to: str | None, types: list[str],
                 entities: list[str], source_kind: str | None, source: str | None,
                 publisher: str | None = None) -> np.ndarray | None:
    """The documents of one segment that pass the filters (None: no filter)."""
    masks = [arrays.with_value(seg, "entity_types", lambda v, t=t: v == t) for t in types]
    masks += [arrays.with_value(seg, "entities", lambda v, g=frozenset(any_of(e)): v in g) for e in entities]
    if date_from or date_to:
        lo, hi = date_bounds(date_from, date_to)
        m = seg.date >= max(lo or 1, 1)
        masks.append(m & (seg.date <= hi) if hi is not None else m)
    if source_kind:
        masks.append(arrays.with_value(seg, "source_kind", lambda v: v == source_kind))
    if source:  # a prefix of the source: a site (https://host/) or a folder (corpus/)
        masks.append(arrays.with_value(seg, "source", lambda v: v.startswith(source)))
    if publisher:
        masks.append(arrays.with_value(seg, "publisher", lambda v: v == publisher))
    if not masks:
        return None
    out = masks[0]
    for m in masks[1:]:
        out = out & m
    return out


def _text(key: object) -> str:
    """A facet key as text (list columns give bytes)."""
    return key.decode("utf-8") if isinstance(key, bytes) else str(key)
