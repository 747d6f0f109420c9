"""One chunk of an ingest from NLP results to readers (kg.write.pipeline): stage (facts
merged, near duplicates found, mapped to N-Quads and an index entry), commit (the store's
bulk load, one index commit, replaced graphs dropped) and publish a snapshot. The order
of the commit is the crash-safety argument of kg.write.pipeline's docstring."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from core.errors import KGError
from core.model import Document
from ingest.publisher import publisher
from kg.read.graph import KnowledgeGraph
from kg.search.index import IndexDoc
from kg.store.embedded import PreparedGraph
from kg.write import changes, known
from kg.write.dedup import DedupIndex, signature
from kg.write.facts import merge_facts
from kg.write.gazetteer import _gazetteer
from kg.write.repair import relink_duplicates
from kg.write.report import IngestReport, Progress, _tell
from ontology.mapping import document_triples, entity_node, node_type


def publish_interval(elapsed: float) -> float:
    """Least seconds between published snapshots `elapsed` seconds into a run: every
    snapshot pins the store files of its moment for a while (kg.snapshots.GRACE_SECONDS);
    a 10k-document ingest left 7.8 GB of snapshots beside a 1.4 GB store publishing at
    most every 60 s, so the interval grows to 5 minutes on long runs."""
    return min(300.0, max(5.0, elapsed / 10))


@dataclass
class _Item:
    doc: Document
    iri: str
    old: list[str]            # graphs of earlier versions (same source key) to replace
    again: bool = False       # a document read again for known names: its near-duplicate row stays as it is


class _StageError(Exception):
    """A document failed in a stage that reports an error as a value (the NLP workers)."""


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
