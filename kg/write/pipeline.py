"""Ingest: paths → loaders → NLP (worker processes) → record facts merged → near-duplicate
check → mapping → graph store + text index.

Incremental: a document whose content hash is already stored (in both the store and the
index) is skipped; a document whose source key is stored under another hash replaces
the old graph and index entry. Anything that goes wrong with one document — its loader,
the NLP, the mapping, the store or the index — is recorded with its reason and the batch
goes on.

Crash-safe (kill -9 at any instant): for each document the near-duplicate row is written
first; at a commit (see COMMIT_DOCS) the new graphs of all documents staged so far go to
the store (Oxigraph's bulk loader), then one index commit (new entries in, replaced ones
out), and only then are replaced graphs dropped from the store. So at any instant the
store holds every indexed document, plus perhaps graphs the index does not know (new
ones not yet committed, perhaps half written; old ones not yet dropped); `reconcile` at
the start of the next run drops those, and the run re-does their documents: afterwards
every document is in both or in neither, exactly once.

The stages live in their own modules, in the order a document meets them: this one
(what needs work, the run), kg.write.staging (stage, commit, publish), kg.write.reread
(the second readings for names learned late), kg.write.repair (reconcile, near-duplicate
flags, removal); kg.write.report holds the run's report, kg.write.gazetteer the graphs
of names written before any document.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Iterable, Iterator

from core.errors import LoadError
from core.model import Document
from kg.read.graph import KnowledgeGraph
from kg.search.index import IndexDoc
from kg.store.embedded import PreparedGraph
from kg.write import known
from kg.write.dedup import DedupIndex
from kg.write.workers import Extractor
from ontology.iris import document_iri

# the stages of a run, each in its module; the names stay importable from here
from kg.write.gazetteer import _gazetteer, ensure_authority, ensure_gazetteer  # noqa: F401
from kg.write.repair import (Catalog, _reconcile, find_documents, reconcile, relink_duplicates,  # noqa: F401
                             remove_document)
from kg.write.report import IngestReport, Progress, _tell
from kg.write.reread import earlier, reread
from kg.write.staging import (_commit, _failed, _Item, _publish, _stage, _StageError, index_doc,  # noqa: F401
                              publish_interval, run_alerts)

# The text index is committed when this many documents are staged in the store, or when
# commit_interval() has passed since the last commit, and at the end: a whoosh commit
# flushes and merges segments, which per chunk of 16 cost more than the NLP itself (bench:
# 17 of 41 s on Korean Wikinews; per 1,000 documents a whoosh commit costs a quarter of
# what the same documents cost in commits of 16). A kill loses at most the
# uncommitted documents (reconcile drops them and the next run redoes them).
# Commits of 3,000 would save whoosh a merge tier (writing 100,000 documents: 340 CPU s
# against 386 in commits of 1,000), but they send RocksDB three times the bulk loads at
# once: at 93,000 documents of a 100,000 run the loads waited minutes on one compaction
# thread with both cores nearly idle.
COMMIT_DOCS = 1000
# Documents handed to the NLP workers ahead of the one being staged. A commit keeps this
# process busy for seconds (the index flush, the bulk load) without handing out more
# work, so the workers must hold enough to stay busy meanwhile: with 64 (4 chunks) they
# sat idle through every commit. 1,536 (was 512) came with the inlined whoosh terms in
# the 29.6-minute run of 100,000 documents; its own share of that was not measured apart.
IN_FLIGHT_DOCS = 1536
# A run compacts the graph store at its end when it wrote at least this share of the
# documents (see _optimize)
OPTIMIZE_SHARE = 0.1
# Above this many documents the ingest summary suggests tantivy: whoosh's index writes
# (pure Python, with segment merges) take about 6 CPU minutes of a 100,000-document ingest
# where tantivy's take about one; search stays fast on both (README, Benchmarks)
WHOOSH_ADVICE_DOCS = 30_000
COMMIT_SECONDS = 5.0      # at the start of a run, so the first documents show up quickly
COMMIT_SECONDS_MAX = 60.0  # on a long run


def commit_interval(elapsed: float) -> float:
    """Seconds between index commits `elapsed` seconds into a run: 5 s at first, growing
    with the run (a tenth of it) up to a minute, so a long ingest spends its time on
    documents rather than on merging small segments."""
    return min(COMMIT_SECONDS_MAX, max(COMMIT_SECONDS, elapsed / 10))


def ingest_paths(kg: KnowledgeGraph, paths: Iterable[Path | str], *, batch_size: int = 16,
                 progress: Progress | None = None, workers: int = 1, commit_every: int | None = None,
                 public_only: bool = False) -> IngestReport:
    """Load, extract, store and index files, folders and web addresses (http, https:
    ingest.loaders.fetch; `public_only`: only public ones). `workers` > 1 runs the NLP in
    that many processes (kg.workers); the store and index are written here only."""
    from ingest.loaders import iter_paths, load_path  # noqa: PLC0415 (keeps `kg search` start-up light)
    from ingest.loaders.fetch import is_url, load_url  # noqa: PLC0415

    report = IngestReport(workers=max(1, workers))
    t0 = time.perf_counter()
    report.repaired, catalog = _reconcile(kg)
    max_bytes = kg.settings.max_upload_mb * 1024 * 1024
    paths = [str(p) if is_url(str(p)) else Path(p) for p in paths]
    files: list[Path | str] = [*iter_paths(p for p in paths if isinstance(p, Path)), *dict.fromkeys(
        p for p in paths if isinstance(p, str))]
    report.files_total = len(files)
    sizes = [0 if isinstance(f, str) else _size(f) for f in files]
    report.bytes_total = sum(sizes)

    def documents() -> Iterator[Document]:
        done = 0
        for path, size in zip(files, sizes):
            report.files_done += 1
            try:
                for item in (load_url(path, max_bytes, public_only=public_only) if isinstance(path, str)
                             else load_path(path, max_bytes=max_bytes)):
                    if isinstance(item, Exception):
                        report.failed.append((str(path), str(item)))
                        _tell(progress, "failed", None, report)
                    else:  # the loaders read ahead of the pipeline: count a document when it is done
                        report.warnings += ((item.key, w) for w in item.meta.get("warnings", ()))
                        report.offsets[item.key] = done + (1.0 if item.position is None else item.position) * size
                        yield item
            except (LoadError, OSError) as e:
                report.failed.append((str(path), str(e)))
                _tell(progress, "failed", None, report)
            done += size

    try:
        ingest_documents(kg, documents(), report=report, batch_size=batch_size, progress=progress, workers=workers,
                         commit_every=commit_every, catalog=catalog)
        report.bytes_read, report.offsets = report.bytes_total, {}
    finally:
        report.seconds = time.perf_counter() - t0
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the loader reports why


def ingest_documents(kg: KnowledgeGraph, docs: Iterable[Document], *, report: IngestReport | None = None,
                     batch_size: int = 16, progress: Progress | None = None, workers: int = 1,
                     commit_every: int | None = None, catalog: Catalog | None = None) -> IngestReport:
    """Extract, store and index documents (see the module docstring). `batch_size`
    documents go through the NLP together; the index commits every `commit_every`
    documents (default COMMIT_DOCS) or COMMIT_SECONDS. `catalog`: what reconcile read
    just before, if it repaired nothing (else the stored documents are read here)."""
    report = report or IngestReport(workers=max(1, workers))
    commit_docs = max(1, commit_every or COMMIT_DOCS)
    t0 = time.perf_counter()
    ensure_gazetteer(kg)
    in_flight = max(2 * workers, IN_FLIGHT_DOCS // max(1, batch_size))
    with DedupIndex(kg.settings.data_dir) as dedup, known.Learner(_stored_names(kg, report), kg.settings.data_dir) as learner, \
            Extractor(workers, chunk_size=batch_size, in_flight=in_flight,
                      ner_model=kg.settings.ner_model, known=learner.start) as extractor:
        todo = _todo(kg, docs, report, progress, catalog)
        staged: list[tuple[_Item, IndexDoc, PreparedGraph]] = []
        last = time.monotonic()
        for chunk, results in extractor.run(todo, key=lambda it: (it.doc.text, it.doc.date)):
            staged += _stage(kg, dedup, chunk, results, report, progress, learner)
            now = time.monotonic()
            if len(staged) >= commit_docs or now - last >= commit_interval(now - report.started):
                _commit(kg, dedup, staged, report, progress)
                staged, last = [], time.monotonic()
        _commit(kg, dedup, staged, report, progress)
        if extractor.fallback:
            report.notes.append(f"NLP 작업 프로세스가 계속 죽어 주 프로세스에서 처리했습니다 ({extractor.fallback})")
        reread(kg, dedup, learner, report, extractor)
        earlier(kg, dedup, learner, report, extractor, progress)
    if report.ingested or report.updated:
        _optimize(kg, report)
    _publish(kg, report)
    _advise_backend(kg, report)
    if not report.seconds:
        report.seconds = time.perf_counter() - t0
    return report


def _catalog(kg: KnowledgeGraph, known: Catalog | None = None) -> tuple[dict[str, list[str]], set[str]]:
    """(source key → stored document IRIs, IRIs in both the store and the index), read
    once per run: asking per document costs a whoosh searcher each (77 ms on a 7-segment
    index: 80 minutes to find 60,925 bills unchanged, against seconds this way)."""
    documents, indexed = known if known is not None else (kg.store.documents(), kg.index.all_iris())
    by_key: dict[str, list[str]] = {}
    stored: set[str] = set()
    for d, k in documents:
        stored.add(d)
        if k is not None:
            by_key.setdefault(k, []).append(d)
    return by_key, stored & indexed


def _todo(kg: KnowledgeGraph, docs: Iterable[Document], report: IngestReport,
          progress: Progress | None, catalog: Catalog | None = None) -> Iterator[_Item]:
    """The documents that need work; unchanged and identical ones are counted here."""
    seen_keys: set[str] = set()
    seen_iris: set[str] = set()
    by_key, present = _catalog(kg, catalog)
    for doc in docs:
        if doc.key in seen_keys:
            continue
        seen_keys.add(doc.key)
        try:
            iri = str(document_iri(kg.base, doc.id))
            if iri in seen_iris:  # the same content twice in this run, from two sources
                report.identical += 1
                _tell(progress, "identical", doc, report)
                continue
            seen_iris.add(iri)
            keyed = by_key.get(doc.key, [])
            old = [d for d in keyed if d != iri]
            if not old and iri in present:
                report.unchanged += (iri in keyed)
                report.identical += (iri not in keyed)
                _tell(progress, "unchanged" if iri in keyed else "identical", doc, report)
                continue
        except Exception as e:  # noqa: BLE001 (a store or index error costs this document only)
            _failed(report, progress, doc, "lookup", e)
            continue
        yield _Item(doc, iri, old)


def _stored_names(kg: KnowledgeGraph, report: IngestReport) -> list:
    """The names the graph already holds (kg.write.known); failing to read them costs
    only the look-up, not the ingest."""
    try:
        return known.stored(kg)
    except Exception as e:  # noqa: BLE001
        report.notes.append(f"저장된 이름 목록을 읽지 못해 다른 문서의 이름은 찾지 않았습니다 ({type(e).__name__}: {e})")
        return []


def _optimize(kg: KnowledgeGraph, report: IngestReport) -> None:
    """Compact the store after the run's bulk loads (faster reads from the snapshot the
    run publishes at its end) when they were a good share of it (OPTIMIZE_SHARE):
    compaction rewrites the whole store, 95 CPU s at 100,000 documents, which a run
    that adds 20 documents must not pay (RocksDB compacts those few in the background).
    Failing to compact does not fail the ingest."""
    written = report.ingested + report.updated
    try:
        if written < OPTIMIZE_SHARE * kg.index.doc_count():
            return
        kg.store.optimize()
    except Exception as e:  # noqa: BLE001
        report.notes.append(f"그래프 저장소 정리(compaction)에 실패했습니다 ({type(e).__name__}: {e}); 검색과 조회는 그대로 됩니다")


def _advise_backend(kg: KnowledgeGraph, report: IngestReport) -> None:
    """A note when the archive has outgrown the whoosh index."""
    try:
        n = kg.index.doc_count() if kg.index.name == "whoosh" else 0
    except Exception:  # noqa: BLE001 (advice only)
        return
    if n > WHOOSH_ADVICE_DOCS:
        report.notes.append(f"문서가 {n:,}건입니다. 이 규모에서는 whoosh 색인 쓰기가 느립니다(10만 건 수집에서 색인 단계만 "
                            "CPU 약 6분, tantivy는 1분 남짓). 검색 속도는 유지되지만 수집이 잦다면 "
                            "KG_SEARCH_BACKEND=tantivy 로 새 데이터 디렉터리에 다시 수집하기를 권합니다 "
                            "(README의 Configuration과 Benchmarks 참고).")
