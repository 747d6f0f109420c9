"""Ingest: paths → loaders → NLP → mapping → graph store + text index.

Incremental: a document whose content hash is already stored (in both the store and the
index) is skipped; a document whose source key is stored under another hash replaces
the old graph and index entry. A failing file is recorded with its reason and the batch
goes on. The store is written before the index, and "unchanged" requires both, so a run
that died between the two is completed by the next one.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Literal, URIRef

from ingest.model import Document
from kg.errors import KGError, LoadError
from kg.graph import KnowledgeGraph
from kg.index import IndexDoc
from kg.store import nt_term
from ontology.iris import document_iri
from ontology.mapping import document_triples, entity_node, gazetteer_triples, node_type
from ontology.namespace import KGO

GAZETTEER_GRAPH = "graph/gazetteer"


@dataclass
class IngestReport:
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    chars: int = 0
    seconds: float = 0.0
    files_total: int = 0
    files_done: int = 0
    repaired: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (f"새로 수집 {self.ingested}건, 갱신 {self.updated}건, 변경 없음 {self.unchanged}건, "
                f"실패 {len(self.failed)}건 · {self.triples:,} triples · {self.seconds:.1f}s")


Progress = Callable[[str, Document | None, IngestReport], None]


def ingest_paths(kg: KnowledgeGraph, paths: Iterable[Path | str], *, batch_size: int = 16,
                 progress: Progress | None = None) -> IngestReport:
    from ingest.loaders import iter_paths, load_path  # noqa: PLC0415 (keeps `kg search` start-up light)

    report = IngestReport()
    t0 = time.perf_counter()
    report.repaired = reconcile(kg)
    max_bytes = kg.settings.max_upload_mb * 1024 * 1024
    files = list(iter_paths([Path(p) for p in paths]))
    report.files_total = len(files)

    def documents() -> Iterator[Document]:
        for path in files:
            report.files_done += 1
            try:
                for item in load_path(path, max_bytes=max_bytes):
                    if isinstance(item, Exception):
                        report.failed.append((str(path), str(item)))
                        _tell(progress, "failed", None, report)
                    else:
                        yield item
            except (LoadError, OSError) as e:
                report.failed.append((str(path), str(e)))
                _tell(progress, "failed", None, report)

    ingest_documents(kg, documents(), report=report, batch_size=batch_size, progress=progress)
    report.seconds = time.perf_counter() - t0
    return report


def ingest_documents(kg: KnowledgeGraph, docs: Iterable[Document], *, report: IngestReport | None = None,
                     batch_size: int = 16, progress: Progress | None = None) -> IngestReport:
    report = report or IngestReport()
    ensure_gazetteer(kg)
    seen: set[str] = set()
    batch: list[tuple[Document, list[str]]] = []
    for doc in docs:
        if doc.key in seen:
            continue
        seen.add(doc.key)
        iri = str(document_iri(kg.base, doc.id))
        old = [d for d in kg.store.documents_with_key(doc.key) if d != iri]
        if not old and kg.store.has_graph(iri) and kg.index.has(iri):
            report.unchanged += 1
            _tell(progress, "unchanged", doc, report)
            continue
        batch.append((doc, old))
        if len(batch) >= batch_size:
            _flush(kg, batch, report, progress)
            batch = []
    if batch:
        _flush(kg, batch, report, progress)
    kg.publish()
    return report


def _flush(kg: KnowledgeGraph, batch: list[tuple[Document, list[str]]], report: IngestReport,
           progress: Progress | None) -> None:
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415

    try:
        extractions = list(extract_many((d.text, d.date) for d, _old in batch))
    except Exception as e:  # one bad document must not sink the batch: retry one by one
        if len(batch) > 1:
            for item in batch:
                _flush(kg, [item], report, progress)
            return
        report.failed.append((batch[0][0].source, f"extraction failed: {e}"))
        _tell(progress, "failed", batch[0][0], report)
        return
    add: list[IndexDoc] = []
    delete: list[str] = []
    for (doc, old), ex in zip(batch, extractions):
        doc.extraction = ex
        graph, triples = document_triples(doc, kg.base)
        try:
            report.triples += kg.store.put_graph(str(graph), triples)
            for o in old:
                kg.store.remove_graph(o)
        except KGError as e:
            report.failed.append((doc.source, str(e)))
            _tell(progress, "failed", doc, report)
            continue
        delete += old
        add.append(index_doc(doc, str(graph), kg.base))
        report.chars += len(doc.text)
        if old:
            report.updated += 1
        else:
            report.ingested += 1
        _tell(progress, "updated" if old else "ingested", doc, report)
    kg.index.write(add=add, delete=delete)
    kg.publish(min_interval=5.0)  # readers follow a long ingest as it goes


def index_doc(doc: Document, iri: str, base: str) -> IndexDoc:
    ents: dict[str, tuple[str, str]] = {}
    for e in (doc.extraction.entities if doc.extraction else []):
        node = entity_node(base, e)
        if node is not None:
            ents.setdefault(str(node), (e.canonical or e.text, node_type(e)))
    return IndexDoc(doc_iri=iri, key=doc.key, title=doc.title, body=doc.text, date=doc.date,
                    source=doc.source, url=doc.url, source_kind=doc.meta.get("source_kind"), entities=ents)


def ensure_gazetteer(kg: KnowledgeGraph) -> bool:
    """Write the graph of known names (aliases, English names, predecessors) when the
    gazetteer changed since it was last written. Returns True when it wrote."""
    from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415

    graph = URIRef(kg.base + GAZETTEER_GRAPH)
    triples = gazetteer_triples(load_gazetteer().entries, kg.base)
    digest = hashlib.sha256("".join(sorted(nt_term(s) + nt_term(p) + nt_term(o) for s, p, o in triples))
                            .encode("utf-8")).hexdigest()[:16]
    stored = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> {Literal(digest).n3()} }} }}"
    if kg.store.query(stored).askAnswer:
        return False
    kg.store.put_graph(str(graph), [*triples, (graph, KGO.contentHash, Literal(digest))])
    return True


def reconcile(kg: KnowledgeGraph) -> int:
    """Make the store and the index agree after a crash: a document must be in both or
    in neither. Graphs without an index entry are dropped (the next ingest re-adds
    them), index entries without a graph are deleted. Returns how many were repaired."""
    stored = set(kg.store.document_iris())
    indexed = kg.index.all_iris()
    orphans = stored - indexed
    ghosts = indexed - stored
    for iri in orphans:
        kg.store.remove_graph(iri)
    if ghosts:
        kg.index.write(delete=ghosts)
    if orphans or ghosts:
        kg.publish()
    return len(orphans) + len(ghosts)


def remove_document(kg: KnowledgeGraph, iri: str) -> bool:
    if not kg.store.has_graph(iri):
        return False
    kg.store.remove_graph(iri)
    kg.index.write(delete=[iri])
    kg.publish()
    return True


def _tell(progress: Progress | None, event: str, doc: Document | None, report: IngestReport) -> None:
    if progress is not None:
        progress(event, doc, report)
