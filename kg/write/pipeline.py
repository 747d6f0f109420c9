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
"""
# Over 400 lines, kept whole: its crash-safety argument (stage, commit, publish, reconcile) spans these functions: keep it readable in one place.
from __future__ import annotations

import functools
import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from rdflib import Literal, URIRef

from core.model import Document
from ingest.publisher import publisher
from kg.write import changes, known
from kg.write.dedup import THRESHOLD, DedupIndex, signature, similarity
from core.errors import KGError, LoadError
from kg.write.facts import merge_facts
from kg.read.graph import KnowledgeGraph
from kg.search.index import IndexDoc
from kg.store.embedded import PreparedGraph, nt_term
from kg.write.workers import Extractor
from ontology.iris import AUTHORITY_GRAPH, GAZETTEER_GRAPH, document_iri
from ontology.lineage import authority_triples
from ontology.groups import group_triples
from ontology.mapping import document_triples, entity_node, gazetteer_triples, node_type
from ontology.namespace import KGO

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
Catalog = tuple[list[tuple[str, "str | None"]], set[str]]  # stored (IRI, source key), indexed IRIs
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


def publish_interval(elapsed: float) -> float:
    """Least seconds between published snapshots `elapsed` seconds into a run: every
    snapshot pins the store files of its moment for a while (kg.snapshots.GRACE_SECONDS);
    a 10k-document ingest left 7.8 GB of snapshots beside a 1.4 GB store publishing at
    most every 60 s, so the interval grows to 5 minutes on long runs."""
    return min(300.0, max(5.0, elapsed / 10))


@dataclass
class IngestReport:
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    identical: int = 0        # same content as a stored document from another source (one node)
    duplicates: int = 0       # of ingested + updated: flagged near duplicates of an earlier story
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    chars: int = 0
    seconds: float = 0.0
    files_total: int = 0
    files_done: int = 0
    bytes_total: int = 0      # sizes of the files of this run
    bytes_read: float = 0.0   # input bytes behind the documents done so far (for the ETA)
    offsets: dict[str, float] = field(default_factory=dict, repr=False)  # key → input bytes up to it
    repaired: int = 0
    reread: int = 0           # documents read again for names learned later in the run (kg.write.known)
    reread_earlier: int = 0   # documents of earlier runs read again for names this run learned (kg.write.reread)
    workers: int = 1
    notes: list[str] = field(default_factory=list)  # things the user should know (not failures)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document key, what a loader made do with)
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def fraction(self) -> float:
        """How much of the input is done (0–1): what the ETA is from."""
        if self.bytes_total:
            return min(1.0, self.bytes_read / self.bytes_total)
        return min(1.0, self.files_done / self.files_total) if self.files_total else 0.0

    @property
    def documents(self) -> int:
        return self.ingested + self.updated + self.unchanged + self.identical + len(self.failed)

    def summary(self) -> str:
        extra = ""
        if self.identical:
            extra += f", 동일 내용 {self.identical}건"
        if self.duplicates:
            extra += f" (그중 유사 중복 {self.duplicates}건은 원문에 연결)"
        if self.warnings:
            extra += f", 경고 {len(self.warnings)}건"
        if self.reread:
            extra += f", 다른 문서의 이름으로 다시 읽음 {self.reread}건"
        if self.reread_earlier:
            extra += f", 이전 문서 다시 읽음 {self.reread_earlier}건"
        rate = (self.ingested + self.updated) / self.seconds if self.seconds else 0.0
        return (f"새로 수집 {self.ingested}건, 갱신 {self.updated}건, 변경 없음 {self.unchanged}건, "
                f"실패 {len(self.failed)}건{extra} · {self.triples:,} triples · {self.seconds:.1f}s"
                f" ({rate:.1f} 문서/s)")


Progress = Callable[[str, Document | None, IngestReport], None]


@dataclass
class _Item:
    doc: Document
    iri: str
    old: list[str]            # graphs of earlier versions (same source key) to replace
    again: bool = False       # a document read again for known names: its near-duplicate row stays as it is


class _StageError(Exception):
    """A document failed in a stage that reports an error as a value (the NLP workers)."""


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
        from kg.write import reread as rereading  # noqa: PLC0415 (it builds on this module's staging)

        rereading.earlier(kg, dedup, learner, report, extractor, progress)
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


def _stage(kg: KnowledgeGraph, dedup: DedupIndex, chunk: list[_Item], results: list[Any],
           report: IngestReport, progress: Progress | None,
           learner: known.Learner | None = None, undo: bool = True) -> list[tuple[_Item, IndexDoc, PreparedGraph]]:
    """Stage a chunk whose NLP is done: facts merged, near duplicates found, mapped
    (graph N-Quads and index entry), near-duplicate rows written; `learner` learns the
    names it marks (kg.write.known). Returns what _commit writes to the store and the
    index. `undo`: take back a failing document's rows (not for a stored one read again)."""
    with dedup.batch():
        return _stage_chunk(kg, dedup, chunk, results, report, progress, learner, undo)


def _stage_chunk(kg: KnowledgeGraph, dedup: DedupIndex, chunk: list[_Item], results: list[Any],
                 report: IngestReport, progress: Progress | None,
                 learner: known.Learner | None = None, undo: bool = True) -> list[tuple[_Item, IndexDoc, PreparedGraph]]:
    done: list[tuple[_Item, IndexDoc, PreparedGraph]] = []
    for item, res in zip(chunk, results):
        doc, stage = item.doc, "NLP"
        try:
            if isinstance(res, str):
                raise _StageError(res)
            stage = "facts merge"
            doc.extraction = merge_facts(res, doc.facts, doc.date)
            stage = "near-duplicate check"
            sig = signature(doc.text) if doc.facts is None and not item.again else None
            # read again, a document keeps its flag (found afresh, an original would be
            # flagged a duplicate of its own duplicate)
            match = dedup.find(sig, exclude=[item.iri, *item.old])
            if match:
                doc.meta["duplicate_of"] = match[0]
            stage = "mapping"
            _graph, triples, described = document_triples(doc, kg.base)
            # what the gazetteer's graph says of an entity is not said again (kg.store.restated_update)
            known = _gazetteer(kg.base)
            described = [t for t in described if t not in known]
            graph = kg.store.prepare_graph(item.iri, triples, described)
            entry = index_doc(doc, item.iri, kg.base)
            stage = "near-duplicate index"
            if not item.again:
                dedup.add([(item.iri, doc.key, sig, match[0] if match else None)])
            if learner is not None:
                learner.seen(item.iri, doc)
        except Exception as e:  # noqa: BLE001
            if undo:
                _undo(kg, dedup, item, False)
            _failed(report, progress, doc, stage, e)
            continue
        done.append((item, entry, graph))
        item.doc.extraction = None  # mapped: let the memory go
    return done


def _commit(kg: KnowledgeGraph, dedup: DedupIndex, done: list[tuple[_Item, IndexDoc, PreparedGraph]],
            report: IngestReport, progress: Progress | None) -> None:
    """The staged documents' graphs into the store, one index commit for them (new
    entries in, replaced ones out), then drop the replaced graphs (see the module
    docstring for why this order)."""
    done = _store(kg, dedup, done, report, progress)
    if not done:
        return
    try:
        kg.index.write(add=[e for _i, e, _g in done], delete=[o for i, _e, _g in done for o in i.old])
        ok = done
    except Exception:  # noqa: BLE001 (find the document the index refuses: one commit each)
        ok = []
        for item, entry, graph in done:
            try:
                kg.index.write(add=[entry], delete=item.old)
                ok.append((item, entry, graph))
            except Exception as e:  # noqa: BLE001
                _undo(kg, dedup, item, True)
                _failed(report, progress, item.doc, "index", e)
    replaced = [o for item, _e, _n in ok for o in item.old]
    for o in replaced:
        try:
            kg.store.remove_graph(o)
        except Exception:  # noqa: BLE001, S110 (left for reconcile: it is in the store only)
            pass
    if replaced:
        try:
            dedup.remove(replaced)
            relink_duplicates(kg, dedup, replaced)
        except Exception:  # noqa: BLE001, S110 (reconcile drops rows of graphs that are gone)
            pass
    changes.record(kg.settings.data_dir, [(e.doc_iri, changes.REPLACED if i.old else changes.STORED)
                                          for i, e, _g in ok])
    for item, _entry, graph in ok:
        report.triples += graph.triples
        report.chars += len(item.doc.text)
        report.duplicates += "duplicate_of" in item.doc.meta
        if item.old:
            report.updated += 1
        else:
            report.ingested += 1
        _tell(progress, "updated" if item.old else "ingested", item.doc, report)
    # readers follow a long ingest as it goes: every 5 s at first, then less often
    _publish(kg, report, min_interval=publish_interval(time.monotonic() - report.started))


def _store(kg: KnowledgeGraph, dedup: DedupIndex, done: list[tuple[_Item, IndexDoc, PreparedGraph]],
           report: IngestReport, progress: Progress | None) -> list[tuple[_Item, IndexDoc, PreparedGraph]]:
    """Write the staged graphs in one bulk load; if the store refuses, one at a time to
    find the documents it refuses (their near-duplicate rows and any part written go)."""
    if not done:
        return done
    try:
        kg.store.put_graphs([g for _i, _e, g in done])
        return done
    except Exception:  # noqa: BLE001
        pass
    ok = []
    for item, entry, graph in done:
        try:
            kg.store.put_graphs([graph])
            ok.append((item, entry, graph))
        except Exception as e:  # noqa: BLE001
            _undo(kg, dedup, item, True)
            _failed(report, progress, item.doc, "store", e)
    return ok


def _stored_names(kg: KnowledgeGraph, report: IngestReport) -> list:
    """The names the graph already holds (kg.write.known); failing to read them costs
    only the look-up, not the ingest."""
    try:
        return known.stored(kg)
    except Exception as e:  # noqa: BLE001
        report.notes.append(f"저장된 이름 목록을 읽지 못해 다른 문서의 이름은 찾지 않았습니다 ({type(e).__name__}: {e})")
        return []


def reread(kg: KnowledgeGraph, dedup: DedupIndex, learner: known.Learner, report: IngestReport,
           extractor: Extractor) -> None:
    """Read again the run's documents that write a name the run learned after they were
    handed to the NLP (kg.write.known), with every known name, and replace their graph and
    index entry. Crash-safe as a commit is: the index entries go first, so a kill leaves
    graphs the index does not know, which reconcile drops and the next run reads whole.
    A document that fails here keeps what the first reading found (a note says so)."""
    if learner.broken:
        report.notes.append(f"수집한 문서를 임시 파일에 두지 못해, 나중에 알게 된 이름으로 다시 읽지 않았습니다 ({learner.broken})")
    todo = [_Item(doc, iri, [], again=True) for iri, doc in learner.rereads() if kg.index.has(iri)]
    if not todo:
        return
    scratch = IngestReport()
    # the run's workers (their pipeline is loaded), the names sent along with each chunk
    for chunk, results in extractor.run(todo, key=lambda it: (it.doc.text, it.doc.date), known=learner.known()):
        staged = _stage(kg, dedup, chunk, results, scratch, None, undo=False)
        if not staged:
            continue
        iris = [i.iri for i, _e, _g in staged]
        try:
            kg.index.write(delete=iris)
            kg.store.put_graphs([g for _i, _e, g in staged])
            kg.index.write(add=[e for _i, e, _g in staged])
        except Exception as e:  # noqa: BLE001 (reconcile at the next run puts it right)
            report.notes.append(f"다시 읽은 문서 {len(staged)}건을 저장하지 못했습니다; 다음 수집에서 다시 읽습니다 "
                                f"({type(e).__name__}: {e})")
            continue
        changes.record(kg.settings.data_dir, [(iri, changes.REPLACED) for iri in iris])
        report.reread += len(staged)
    if scratch.failed:
        report.notes.append(f"다른 문서의 이름으로 다시 읽지 못한 문서 {len(scratch.failed)}건은 처음 추출한 대로 둡니다 "
                            f"(re-reading failed: {scratch.failed[0][1]})")


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


def _publish(kg: KnowledgeGraph, report: IngestReport, min_interval: float = 0.0) -> None:
    """Publish a snapshot for readers; failing to (a full disk) does not stop the ingest."""
    try:
        kg.publish(min_interval=min_interval)
    except Exception as e:  # noqa: BLE001
        note = f"읽기용 스냅숏을 만들지 못했습니다 ({type(e).__name__}: {e}); 웹 화면에는 다음 수집 뒤에 보입니다"
        if note not in report.notes:
            report.notes.append(note)
    run_alerts(kg, report.notes)


def run_alerts(kg: KnowledgeGraph, notes: list[str]) -> None:
    """Saved searches and alerts see what this publish added (kg/write/alerts.py); failing to
    evaluate them does not fail the ingest."""
    from kg.write import alerts  # noqa: PLC0415
    from kg.write import notify  # noqa: PLC0415

    try:
        alerts.evaluate(kg, notify=notify.mailer(kg.settings, notes))
    except Exception as e:  # noqa: BLE001
        note = f"저장한 검색·알림을 평가하지 못했습니다 ({type(e).__name__}: {e})"
        if note not in notes:
            notes.append(note)


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


def _undo(kg: KnowledgeGraph, dedup: DedupIndex, item: _Item, written: bool) -> None:
    """Take back what was written for a document that failed later on."""
    try:
        if written:
            kg.store.remove_graph(item.iri)
        dedup.remove([item.iri])
        relink_duplicates(kg, dedup, [item.iri])
    except Exception:  # noqa: BLE001, S110 (reconcile finishes the job on the next run)
        pass


_STAGES_KO = {"lookup": "기존 문서 조회", "NLP": "개체 추출(NLP)", "facts merge": "사실 병합",
              "near-duplicate check": "유사 문서 확인", "mapping": "RDF 변환", "near-duplicate index": "유사 문서 색인",
              "index": "검색 색인", "store": "그래프 저장"}


def _failed(report: IngestReport, progress: Progress | None, doc: Document, stage: str, e: BaseException) -> None:
    what = str(e) if isinstance(e, (_StageError, KGError)) else f"{type(e).__name__}: {e}"
    where = doc.key if doc.key != doc.source else doc.source
    report.failed.append((doc.source, f"{where}: {_STAGES_KO.get(stage, stage)} 단계에서 실패했습니다 "
                                      f"({stage} failed): {what}"))
    _tell(progress, "failed", doc, report)


def index_doc(doc: Document, iri: str, base: str) -> IndexDoc:
    ents: dict[str, tuple[str, str]] = {}
    for e in (doc.extraction.entities if doc.extraction else []):
        node = entity_node(base, e)
        if node is not None:
            ents.setdefault(str(node), (e.canonical or e.text, node_type(e)))
    # the body's index terms as the NLP already computed them (the same Kiwi analysis):
    # the index does not run Kiwi over the text a second time
    terms = doc.extraction.tokens if doc.extraction and doc.extraction.tokens else None
    return IndexDoc(doc_iri=iri, key=doc.key, title=doc.title, body=doc.text, date=doc.date,
                    source=doc.source, url=doc.url, source_kind=doc.meta.get("source_kind"), entities=ents,
                    terms=terms, publisher=publisher(doc))


def ensure_gazetteer(kg: KnowledgeGraph) -> bool:
    """Write the graph of known names (aliases, English names, predecessors) and the
    authority graph (dated names, reorganisations) when either file changed since it was
    last written. Returns True when it wrote."""
    wrote = ensure_authority(kg)
    graph = URIRef(kg.base + GAZETTEER_GRAPH)
    triples = list(_gazetteer(kg.base))
    digest = hashlib.sha256("".join(sorted(nt_term(s) + nt_term(p) + nt_term(o) for s, p, o in triples))
                            .encode("utf-8")).hexdigest()[:16]
    stored = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> {Literal(digest).n3()} }} }}"
    if kg.store.query(stored).askAnswer:
        return wrote
    kg.store.put_gazetteer([*triples, (graph, KGO.contentHash, Literal(digest))])
    return True


def ensure_authority(kg: KnowledgeGraph) -> bool:
    """Write the authority graph (ontology.lineage) when the authority file changed since
    it was last written. Returns True when it wrote."""
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    graph = URIRef(kg.base + AUTHORITY_GRAPH)
    known = _gazetteer(kg.base)  # what the gazetteer's graph says (class, names) is not said again
    triples = [t for t in authority_triples(load_authority(), kg.base) if t not in known]
    digest = hashlib.sha256("".join(sorted(nt_term(s) + nt_term(p) + nt_term(o) for s, p, o in triples))
                            .encode("utf-8")).hexdigest()[:16]
    stored = f"ASK {{ GRAPH <{graph}> {{ <{graph}> <{KGO.contentHash}> {Literal(digest).n3()} }} }}"
    if kg.store.query(stored).askAnswer:
        return False
    kg.store.put_graph(str(graph), [*triples, (graph, KGO.contentHash, Literal(digest))])
    return True


@functools.lru_cache(maxsize=4)
def _gazetteer(base: str) -> frozenset[tuple]:
    """The gazetteer graph's triples (load_gazetteer is read once per process), with the
    business groups' member companies (ontology.groups)."""
    from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415

    return frozenset([*gazetteer_triples(load_gazetteer().entries, base), *group_triples(base)])


def reconcile(kg: KnowledgeGraph) -> int:
    """Make the store, the index and the near-duplicate index agree after a crash: a
    document must be in both or in neither. Graphs without an index entry are dropped
    (the next ingest re-adds them), index entries without a graph are deleted, and
    near-duplicate rows follow. Returns how many documents were repaired."""
    return _reconcile(kg)[0]


def _reconcile(kg: KnowledgeGraph) -> tuple[int, Catalog | None]:
    """reconcile, also returning the stored documents and indexed IRIs it read when it
    changed nothing (the run's catalogue then needs no second read: 8 s at 100,000
    documents)."""
    documents = kg.store.documents()
    stored = {d for d, _k in documents}
    indexed = kg.index.all_iris()
    orphans = (stored | kg.store.leftover_graphs(str(document_iri(kg.base, "")))) - indexed
    ghosts = indexed - stored
    for iri in orphans:
        kg.store.remove_graph(iri)
    if ghosts:
        kg.index.write(delete=ghosts)
    with DedupIndex(kg.settings.data_dir) as dedup:
        good = stored & indexed
        stale = dedup.iris() - good
        if stale:
            dedup.remove(stale)
            relink_duplicates(kg, dedup, stale)
        dangling = {orig for _dup, orig in dedup.dangling()}
        if dangling:
            relink_duplicates(kg, dedup, dangling)
        _backfill(kg, dedup, good - dedup.iris())
    if orphans or ghosts:  # a run was cut short: perhaps between a drop and its collection
        kg.store.collect_orphans()
        kg.publish()
        return len(orphans) + len(ghosts), None
    return 0, (documents, indexed)


def _backfill(kg: KnowledgeGraph, dedup: DedupIndex, iris: set[str], chunk: int = 200) -> None:
    """Near-duplicate rows for stored documents that have none (a data directory from
    before near-duplicate detection), from the text in the store."""
    todo = sorted(iris)
    for i in range(0, len(todo), chunk):
        values = " ".join(f"<{d}>" for d in todo[i:i + chunk])
        rows = kg.store.select(f"""SELECT ?d ?key ?text ?dup WHERE {{ VALUES ?d {{ {values} }}
            GRAPH ?d {{ ?d <{KGO.text}> ?text . OPTIONAL {{ ?d <{KGO.sourceKey}> ?key }}
                       OPTIONAL {{ ?d <{KGO.nearDuplicateOf}> ?dup }} }} }}""")
        dedup.add([(str(r["d"]), str(r.get("key", "")), signature(str(r["text"])),
                    str(r["dup"]) if "dup" in r else None) for r in rows])


def relink_duplicates(kg: KnowledgeGraph, dedup: DedupIndex, removed: Iterable[str]) -> int:
    """Documents flagged as near duplicates of a removed document: the earliest becomes
    the original, the others point to it if they are similar enough (else they stand
    alone). Their graphs are rewritten. Returns how many were changed."""
    changed = 0
    for gone in removed:
        dups = dedup.duplicates_of(gone)
        if not dups:
            continue
        root, rest = dups[0], dups[1:]
        root_row = dedup.get(root)
        _set_flag(kg, root, None)
        dedup.set_original(root, None)
        for d in rest:
            row = dedup.get(d)
            ok = root_row and row and root_row["sig"] is not None and row["sig"] is not None \
                and similarity(root_row["sig"], row["sig"]) >= THRESHOLD
            target = root if ok else None
            _set_flag(kg, d, target)
            dedup.set_original(d, target)
        changed += len(dups)
    return changed


def _set_flag(kg: KnowledgeGraph, iri: str, original: str | None) -> None:
    """Rewrite the graph of `iri` with kgo:nearDuplicateOf `original` (or none)."""
    if not kg.store.has_graph(iri):
        return
    res = kg.store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    doc = URIRef(iri)
    triples = [t for t in res.graph if not (t[0] == doc and t[1] == KGO.nearDuplicateOf)]
    if original:
        triples.append((doc, KGO.nearDuplicateOf, URIRef(original)))
    kg.store.put_graph(iri, triples)


def find_documents(kg: KnowledgeGraph, ref: str) -> list[str]:
    """IRIs of the stored documents `ref` names: a document IRI, a content hash, a source
    key (a path, path#record id, a URL) or a file path of a multi-record file (all its
    records)."""
    if ref.startswith(("http://", "https://")):
        if kg.store.has_graph(ref):
            return [ref]
        return kg.store.documents_with_key(ref)
    iris = kg.store.documents_with_key(ref)
    if iris:
        return iris
    prefix = Literal(ref.rstrip("/") + "#").n3()
    rows = kg.store.select(f"""SELECT ?d WHERE {{ GRAPH ?d {{ ?d <{KGO.sourceKey}> ?k .
        FILTER(STRSTARTS(STR(?k), {prefix})) }} }}""")
    if rows:
        return sorted(str(r["d"]) for r in rows)
    iri = str(document_iri(kg.base, ref))
    return [iri] if kg.store.has_graph(iri) else []


def remove_document(kg: KnowledgeGraph, iri: str) -> bool:
    """Remove one document from the store, the index and the near-duplicate index; its
    near duplicates, if any, get a new original."""
    if not kg.store.has_graph(iri):
        return False
    kg.store.remove_graph(iri)
    kg.index.write(delete=[iri])
    changes.record(kg.settings.data_dir, [(iri, changes.REMOVED)])
    with DedupIndex(kg.settings.data_dir) as dedup:
        dedup.remove([iri])
        relink_duplicates(kg, dedup, [iri])
    kg.publish()
    return True


def _tell(progress: Progress | None, event: str, doc: Document | None, report: IngestReport) -> None:
    if doc is not None and (offset := report.offsets.pop(doc.key, None)) is not None:
        report.bytes_read = max(report.bytes_read, offset)
    if progress is not None:
        progress(event, doc, report)
