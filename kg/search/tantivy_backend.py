"""The tantivy full-text index (KG_SEARCH_BACKEND=tantivy), with the same Kiwi analysis.

Tantivy cannot call our analyzer, so we analyse in Python (or reuse the NLP stage's
terms, IndexDoc.terms) and index the space-joined index terms with tantivy's
`whitespace` tokenizer: the terms, their order (phrase positions) and so every match
are the ones whoosh sees. Queries go through kg.search.query (the same syntax and
precedence as the whoosh parser) and are compiled to tantivy queries term by term.

Display fields live in one stored JSON blob; entity IRIs and types, year, source
origin and kind are raw fast fields, so facets are one aggregation call. The writer is
opened on the first write and kept (tantivy allows one per index), committing once per
write() call; close() waits for its merges.
"""
from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any, Iterable

import tantivy

from core.errors import QueryError, StoreError
from kg.search import query as Q
from kg.search.base import (FACET_ENTITIES, any_of, Hit, IndexDoc, SearchResult, body_terms, build_facets, date_bounds,
                            date_number, source_origin, text_terms, top_counts)
from kg.search.snippets import make_snippet

SCHEMA_VERSION = 2  # 2: a publisher field (the 출처 facet); an index of version 1 is still read
READABLE_VERSIONS = (1, 2)
MARKER = "kg-index.json"
TITLE_BOOST = 2.0  # as whoosh's field_boost on the title
WRITER_HEAP = 64_000_000
RAW_FIELDS = ("entities", "entity_types", "year", "origin", "source", "source_kind", "publisher")
_REGEX_META = set("\\.+*?()|[]{}^$#&-~")


def make_schema(version: int = SCHEMA_VERSION) -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_iri", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="position")
    sb.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    sb.add_integer_field("date", indexed=True, fast=True)  # YYYYMMDD, 0 when unknown
    for name in RAW_FIELDS if version >= 2 else RAW_FIELDS[:-1]:
        sb.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_bytes_field("stored", stored=True)  # JSON: what a hit shows
    return sb.build()


def joined(terms: Iterable[str]) -> str:
    """Terms for the whitespace tokenizer: whitespace inside a term (Kiwi's serial
    numbers, '2024. 3. 7') is dropped, at index and at query time alike."""
    return " ".join(c for c in (clean(t) for t in terms) if c)


def clean(term: str) -> str:
    return "".join(term.split())


class TantivyIndex:
    name = "tantivy"

    def __init__(self, path: Path | str, create: bool = True) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._writer: Any = None
        marker = self.path / MARKER
        try:
            if self.path.is_dir() and tantivy.Index.exists(str(self.path)):
                info = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else {}
                if info.get("schema_version") not in READABLE_VERSIONS:
                    raise StoreError(f"tantivy 색인 {self.path}의 스키마 버전({info.get('schema_version')})이 이 "
                                     f"프로그램에 필요한 버전({SCHEMA_VERSION})과 다릅니다. 색인을 다른 곳으로 옮기고 다시 수집하세요 "
                                     f"(the tantivy index at {self.path} has schema {info.get('schema_version')}, "
                                     f"this version needs {SCHEMA_VERSION})")
                self.ix = tantivy.Index.open(str(self.path))
                self.version = int(info["schema_version"])
            elif self.path.is_dir() and any(self.path.glob("_MAIN_*.toc")):
                raise StoreError(f"텍스트 색인 {self.path}는 whoosh로 만들어졌습니다. KG_SEARCH_BACKEND=whoosh 로 "
                                 f"설정하거나 디렉터리를 옮기고 다시 수집하세요 (the text index at {self.path} was "
                                 "built with whoosh)")
            elif create:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ix = tantivy.Index(make_schema(), path=str(self.path), reuse=False)
                self.version = SCHEMA_VERSION
                marker.write_text(json.dumps({"backend": "tantivy", "schema_version": SCHEMA_VERSION}) + "\n",
                                  encoding="utf-8")
            else:
                raise StoreError(f"{self.path}에 텍스트 색인이 없습니다. 먼저 `kg ingest`로 문서를 수집하세요 "
                                 f"(no text index at {self.path}: run `kg ingest` first)")
        except StoreError:
            raise
        except (OSError, ValueError, RuntimeError) as e:
            raise StoreError(f"텍스트 색인 {self.path}를 열 수 없습니다 (cannot open the text index at {self.path}: {e})") from e
        self.schema = self.ix.schema

    # -- writing -------------------------------------------------------------------
    def write(self, add: Iterable[IndexDoc] = (), delete: Iterable[str] = ()) -> None:
        """Add or replace documents and delete others in one commit."""
        with self._lock:
            if self._writer is None:
                try:
                    self._writer = self.ix.writer(heap_size=WRITER_HEAP, num_threads=1)
                except (OSError, ValueError, RuntimeError) as e:
                    raise StoreError(f"텍스트 색인 {self.path}에 쓸 수 없습니다. 다른 프로세스가 쓰고 있는지 확인하세요 "
                                     f"(cannot write the text index at {self.path}: {e})") from e
            w = self._writer
            try:
                for iri in delete:
                    w.delete_documents_by_term("doc_iri", iri)
                for d in add:
                    w.delete_documents_by_term("doc_iri", d.doc_iri)
                    w.add_document(self._document(d))
                w.commit()
            except BaseException:
                w.rollback()
                raise
            self.ix.reload()

    def _document(self, d: IndexDoc) -> tantivy.Document:
        doc = tantivy.Document()
        doc.add_text("doc_iri", d.doc_iri)
        doc.add_text("title", joined(text_terms(d.title)))
        doc.add_text("body", joined(body_terms(d)))
        doc.add_integer("date", date_number(d.date))
        if d.date:
            doc.add_text("year", d.date[:4])
        doc.add_text("source", d.source)
        doc.add_text("origin", source_origin(d.source)[0])
        if d.source_kind:
            doc.add_text("source_kind", d.source_kind)
        if d.publisher and self.version >= 2:
            doc.add_text("publisher", d.publisher)
        for iri in d.entities:
            doc.add_text("entities", iri)
        for t in sorted({t for _l, t in d.entities.values()}):
            doc.add_text("entity_types", t)
        stored = {"doc_iri": d.doc_iri, "key": d.key, "title": d.title, "body": d.body, "date": d.date or "",
                  "source": d.source, "url": d.url, "publisher": d.publisher, "entity_labels": d.entities}
        doc.add_bytes("stored", json.dumps(stored, ensure_ascii=False).encode("utf-8"))
        return doc

    def vocabulary(self, prefix: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Body terms starting with `prefix` and the live documents that hold them."""
        if not (prefix := clean(prefix)):
            return []
        found = self.ix.searcher().terms_with_prefix("body", prefix, filter_query=tantivy.Query.all_query(),
                                                     limit=limit)
        return [(t, n) for t, n in found if n]

    def term_count(self, term: str) -> int:
        if not (term := clean(term)):
            return 0
        found = self.ix.searcher().terms_with_prefix("body", term, filter_query=tantivy.Query.all_query())
        return next((n for t, n in found if t == term), 0)

    def has(self, doc_iri: str) -> bool:
        q = tantivy.Query.term_query(self.schema, "doc_iri", doc_iri, index_option="basic")
        return self.ix.searcher().search(q, 1, count=True).count > 0

    def doc_count(self) -> int:
        return self.ix.searcher().num_docs

    def all_iris(self) -> set[str]:
        # the term dictionary, counting live documents only (deleted ones wait for a merge)
        terms = self.ix.searcher().terms_with_prefix("doc_iri", "", filter_query=tantivy.Query.all_query())
        return {t for t, n in terms if n}

    # -- searching -----------------------------------------------------------------
    def compile(self, node: Q.Node) -> tantivy.Query:
        """A tantivy query for a kg.search.query tree."""
        q = self._compile(node)
        return q if q is not None else tantivy.Query.empty_query()

    def _compile(self, node: Q.Node) -> tantivy.Query | None:
        T = tantivy.Query
        if node is None:
            return None
        if isinstance(node, Q.Every):
            return T.all_query()
        if isinstance(node, Q.Terms):
            terms = [c for c in (clean(t) for t in node.terms) if c]
            if not terms:
                return None
            per_field = []
            for f in node.fields:
                if len(terms) == 1:
                    q = T.term_query(self.schema, f, terms[0])
                elif node.phrase:
                    q = T.phrase_query(self.schema, f, terms)
                else:
                    q = T.boolean_query([(tantivy.Occur.Must, T.term_query(self.schema, f, t)) for t in terms])
                per_field.append(T.boost_query(q, TITLE_BOOST) if f == "title" else q)
            found = _any(per_field)
            return T.boost_query(found, node.boost) if found is not None and node.boost != 1.0 else found
        if isinstance(node, Q.Prefix):
            pattern = "".join("\\" + c if c in _REGEX_META else c for c in clean(node.prefix)) + ".*"
            per_field = [T.regex_query(self.schema, f, pattern) for f in node.fields]
            return _any(per_field)
        if isinstance(node, Q.Not):
            inner = self._compile(node.item)  # type: ignore[arg-type]
            if inner is None:
                return None
            return T.boolean_query([(tantivy.Occur.Must, T.all_query()), (tantivy.Occur.MustNot, inner)])
        if isinstance(node, Q.And):
            must, must_not = [], []
            for item in node.items:
                if isinstance(item, Q.Not):
                    inner = self._compile(item.item)  # type: ignore[arg-type]
                    if inner is not None:
                        must_not.append(inner)
                else:
                    q = self._compile(item)
                    if q is not None:
                        must.append(q)
            if not must and not must_not:
                return None
            if not must:
                must = [T.all_query()]
            if len(must) == 1 and not must_not:
                return must[0]
            return T.boolean_query([*((tantivy.Occur.Must, q) for q in must),
                                    *((tantivy.Occur.MustNot, q) for q in must_not)])
        if isinstance(node, Q.Or):
            return _any([q for q in (self._compile(i) for i in node.items) if q is not None])
        raise QueryError(f"cannot compile {node!r}")

    def search(self, text: str, *, page: int = 1, page_size: int = 20, date_from: str | None = None,
               date_to: str | None = None, types: Iterable[str] = (), entities: Iterable[str] = (),
               source_kind: str | None = None, source: str | None = None, sort: str = "relevance",
               facets: bool = True, publisher: str | None = None) -> SearchResult:
        T = tantivy.Query
        tree = Q.parse(text)
        q = self.compile(tree)
        filters = [T.term_query(self.schema, "entity_types", t, index_option="basic") for t in types]
        filters += [T.boolean_query([(tantivy.Occur.Should, T.term_query(self.schema, "entities", x, index_option="basic"))
                                     for x in any_of(e)]) for e in entities]
        lo, hi = date_bounds(date_from, date_to)
        if lo is not None or hi is not None:
            filters.append(T.range_query(self.schema, "date", tantivy.FieldType.Integer, lo, hi))
        if source_kind:
            filters.append(T.term_query(self.schema, "source_kind", source_kind, index_option="basic"))
        if source:  # a prefix of the source: a site (https://host/) or a folder (corpus/)
            pattern = "".join("\\" + c if c in _REGEX_META else c for c in source) + ".*"
            filters.append(T.regex_query(self.schema, "source", pattern))
        if publisher:
            filters.append(T.term_query(self.schema, "publisher", publisher, index_option="basic")
                           if self.version >= 2 else T.empty_query())
        if filters:
            q = T.boolean_query([(tantivy.Occur.Must, x) for x in (q, *filters)])
        page = max(1, page)
        by_date = sort == "date" or isinstance(tree, Q.Every)
        s = self.ix.searcher()
        try:
            res = s.search(q, page_size, count=True, offset=(page - 1) * page_size,
                           order_by_field="date" if by_date else None)
            wanted: dict[str, Any] = {name: {"terms": {"field": name, "size": FACET_ENTITIES * 3 if name == "entities" else 200}}
                                      for name in ("entities", "entity_types", "year", "origin", "source_kind",
                                                   "publisher")[:6 if self.version >= 2 else 5]}
            # documents per month: dates are YYYYMMDD numbers, so a bucket of 100 is a month
            wanted["month"] = {"histogram": {"field": "date", "interval": 100, "min_doc_count": 1}}
            aggs = s.aggregate(q, wanted) if facets else {}
        except ValueError as e:
            raise QueryError(f"검색하지 못했습니다: {text!r} (search failed: {e})") from e
        matched = Q.positive_terms(tree)
        hits: list[Hit] = []
        labels: dict[str, tuple[str, str]] = {}
        for key, addr in res.hits:
            st = json.loads(s.doc(addr).get_first("stored"))
            labels.update({k: tuple(v) for k, v in st["entity_labels"].items()})
            hits.append(Hit(st["doc_iri"], st["title"], st["date"] or None, st["source"], st.get("url"),
                            make_snippet(st["body"], matched), 0.0 if by_date else float(key), st.get("publisher")))
        groups = {name: {b["key"]: b["doc_count"] for b in aggs.get(agg, {}).get("buckets", []) if b["key"]}
                  for name, agg in (("entity_types", "entity_types"), ("entities", "entities"), ("year", "year"),
                                    ("source_kind", "source_kind"), ("source", "origin"), ("publisher", "publisher"))}
        groups["month"] = {int(b["key"]) // 100: b["doc_count"] for b in aggs.get("month", {}).get("buckets", [])}
        missing = [iri for iri, _n in top_counts(groups["entities"])[:FACET_ENTITIES]
                   if iri not in labels]
        for iri in missing:  # labels of the top facet entities, from one document each
            r = s.search(T.term_query(self.schema, "entities", iri, index_option="basic"), 1, count=False)
            if r.hits:
                st = json.loads(s.doc(r.hits[0][1]).get_first("stored"))
                if iri in st["entity_labels"]:
                    labels[iri] = tuple(st["entity_labels"][iri])
        return SearchResult(text, res.count or 0, page, page_size, hits, build_facets(groups, labels))

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                w, self._writer = self._writer, None
                w.wait_merging_threads()


def _any(queries: list) -> tantivy.Query | None:
    if not queries:
        return None
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])
