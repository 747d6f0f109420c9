"""The on-disk whoosh full-text index, Korean-aware (kg.analysis).

One whoosh document per stored document, keyed by the document IRI. Entity IRIs and
types are indexed as keywords for facets and filters; snippets are highlighted with
<mark>. Only this module touches the index.
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from whoosh import index as windex
from whoosh import query as Q
from whoosh import sorting
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.qparser import AndGroup, MultifieldParser

from kg.analysis import korean_analyzer
from kg.errors import QueryError, StoreError

SCHEMA_VERSION = 1
FACET_TYPES = ("MINISTRY", "COMPANY", "PERSON", "INITIATIVE", "EVENT", "ORGANIZATION", "LOCATION")


def make_schema() -> Schema:
    ana = korean_analyzer()
    return Schema(
        doc_iri=ID(stored=True, unique=True),
        key=ID(stored=True),
        title=TEXT(analyzer=ana, stored=True, field_boost=2.0),
        body=TEXT(analyzer=ana, stored=True),
        date=ID(stored=True, sortable=True),
        year=ID(stored=True),
        source=ID(stored=True),
        url=STORED(),
        source_kind=ID(stored=True),
        entities=KEYWORD(stored=True, commas=True),
        entity_types=KEYWORD(stored=True, commas=True),
        entity_labels=STORED(),  # JSON {iri: [label, type]} for facet display
    )


@dataclass
class IndexDoc:
    doc_iri: str
    key: str
    title: str
    body: str
    date: str | None
    source: str
    url: str | None = None
    source_kind: str | None = None
    entities: dict[str, tuple[str, str]] = field(default_factory=dict)  # iri → (label, type)


@dataclass
class Hit:
    doc_iri: str
    title: str
    date: str | None
    source: str
    url: str | None
    snippet: str  # HTML with <mark>; the text itself is escaped
    score: float


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, list[dict[str, Any]]]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


class TextIndex:
    def __init__(self, path: Path | str, create: bool = True) -> None:
        self.path = Path(path)
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

    # -- writing -------------------------------------------------------------------
    def write(self, add: Iterable[IndexDoc] = (), delete: Iterable[str] = ()) -> None:
        """Add or replace documents and delete others in one commit."""
        w = self.ix.writer(limitmb=128)
        try:
            for iri in delete:
                w.delete_by_term("doc_iri", iri)
            for d in add:
                ents = d.entities
                w.update_document(
                    doc_iri=d.doc_iri, key=d.key, title=d.title, body=d.body,
                    date=d.date or "", year=(d.date or "")[:4], source=d.source, url=d.url,
                    source_kind=d.source_kind or "",
                    entities=",".join(ents), entity_types=",".join(sorted({t for _l, t in ents.values()})),
                    entity_labels=json.dumps(ents, ensure_ascii=False),
                )
        except BaseException:
            w.cancel()
            raise
        w.commit()

    def has(self, doc_iri: str) -> bool:
        with self.ix.searcher() as s:
            return s.document_number(doc_iri=doc_iri) is not None

    def doc_count(self) -> int:
        return self.ix.doc_count()

    def all_iris(self) -> set[str]:
        with self.ix.searcher() as s:
            return {f["doc_iri"] for f in s.all_stored_fields()}

    # -- searching -----------------------------------------------------------------
    def parse(self, text: str) -> Q.Query:
        if not text.strip():
            return Q.Every()
        parser = MultifieldParser(["title", "body"], schema=self.ix.schema, group=AndGroup)
        try:
            return parser.parse(text)
        except Exception as e:
            raise QueryError(f"cannot parse search query {text!r}: {e}") from e

    def search(self, text: str, *, page: int = 1, page_size: int = 20, date_from: str | None = None,
               date_to: str | None = None, types: Iterable[str] = (), entities: Iterable[str] = (),
               source_kind: str | None = None, sort: str = "relevance") -> SearchResult:
        q = self.parse(text)
        filters: list[Q.Query] = [Q.Term("entity_types", t) for t in types]
        filters += [Q.Term("entities", e) for e in entities]
        if date_from or date_to:
            filters.append(Q.TermRange("date", date_from or "0000", (date_to or "9999") + "\uffff"))
        if source_kind:
            filters.append(Q.Term("source_kind", source_kind))
        if filters:
            q = Q.And([q, *filters])
        page = max(1, page)
        facets = sorting.Facets()
        facets.add_field("entity_types", allow_overlap=True)
        facets.add_field("entities", allow_overlap=True)
        facets.add_field("year")
        facets.add_field("source_kind")
        sortedby = sorting.FieldFacet("date", reverse=True) if sort == "date" or isinstance(q, Q.Every) else None
        with self.ix.searcher() as s:
            res = s.search_page(q, page, pagelen=page_size, groupedby=facets, maptype=sorting.Count,
                                sortedby=sortedby, terms=True)
            res.results.fragmenter = ContextFragmenter(maxchars=220, surround=60)
            res.results.formatter = HtmlFormatter(tagname="mark", classname="hl", termclass="t")
            hits = []
            labels: dict[str, tuple[str, str]] = {}
            for h in res:
                labels.update(json.loads(h.get("entity_labels") or "{}"))
                snippet = h.highlights("body", top=2) or _escape(h["body"][:200])
                hits.append(Hit(h["doc_iri"], h["title"], h.get("date") or None, h["source"],
                                h.get("url"), snippet, float(h.score or 0.0)))
            groups = {name: {k: n for k, n in res.results.groups(name).items() if k}
                      for name in ("entity_types", "entities", "year", "source_kind")}
            if groups["entities"]:
                labels.update(self._labels(s, groups["entities"]))
            total = res.total
        return SearchResult(text, total, page, page_size, hits, _facets(groups, labels))

    def _labels(self, s, counts: dict[str, int]) -> dict[str, tuple[str, str]]:
        """Labels for the top facet entities (read from stored fields of one hit each)."""
        out: dict[str, tuple[str, str]] = {}
        for iri, _n in sorted(counts.items(), key=lambda kv: -kv[1])[:40]:
            docnum = next(iter(s.docs_for_query(Q.Term("entities", iri))), None)
            if docnum is not None:
                out.update({k: tuple(v) for k, v in json.loads(s.stored_fields(docnum).get("entity_labels") or "{}").items() if k == iri})
        return out

    def close(self) -> None:
        self.ix.close()


def _escape(text: str) -> str:
    return html.escape(text)


def _facets(groups: dict[str, dict], labels: dict[str, tuple[str, str]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    out["type"] = [{"value": k, "count": n} for k, n in sorted(groups["entity_types"].items(), key=lambda kv: -kv[1]) if k]
    out["year"] = [{"value": k, "count": n} for k, n in sorted(groups["year"].items(), reverse=True) if k]
    out["source_kind"] = [{"value": k, "count": n} for k, n in sorted(groups["source_kind"].items(), key=lambda kv: -kv[1]) if k]
    ents = []
    for iri, n in sorted(groups["entities"].items(), key=lambda kv: -kv[1]):
        if iri in labels:
            label, typ = labels[iri]
            ents.append({"value": iri, "label": label, "type": typ, "count": n})
    out["entity"] = ents[:40]
    return out

