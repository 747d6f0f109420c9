"""Documents stored by earlier runs, read again for the names a run learned.

A brief stored last week writes 'K-휴머노이드 연합이 …' bare, where no rule reads a name;
today's release quotes it (kg.write.known). At the end of the run, after its own second
reading, the text index finds the stored documents that hold one of the names the run
learned (only those names: a phrase query each, no scan of the store); those where a
name stands outside all of their entities are rebuilt from the store (text, title, date,
source, publisher, flags), read again on the run's NLP workers with every known name,
and replace their graph and index entry.

Bounded: at most `Settings.reread_max` documents a run (KG_REREAD_MAX); the rest are
kept in a small file in the data directory and read at the next ingest, first.

Crash-safe: the IRIs of a chunk go into that file before anything is written; each
graph is replaced in one store transaction (GraphStore.replace_graph: old or new, whole),
then one index commit replaces the chunk's entries, and only then do the IRIs leave the
file. A kill in between leaves documents whole in both, some with an index entry that
lacks the new name; the next ingest reads those again. Unlike the run's own documents,
these are never taken out of the index: no file of this run would bring them back.
Records with facts from their fields (ingest.loaders.assembly.FACT_KINDS) are left as
first read: their text alone does not give the facts back.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from core.model import Document
from core.namespaces import DCTERMS
from ingest.loaders.assembly import FACT_KINDS
from ingest.nlp.known import KnownNames, unread
from kg.read.graph import KnowledgeGraph
from kg.store.sparql_text import _iri
from kg.write import changes, known
from kg.write.dedup import DedupIndex
from kg.write.report import IngestReport, Progress, _tell
from kg.write.staging import _Item, _stage
from kg.write.workers import Extractor
from ontology.namespace import KGO

PENDING_FILE = "reread-pending.json"
NAMES_PER_QUERY = 32   # names ORed in one search of the index
CHUNK = 64             # documents read from the store, staged and committed together


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


Where = tuple[str, "str | None"]  # a document's source and link, as its index entry has them


def earlier(kg: KnowledgeGraph, dedup: DedupIndex, learner: known.Learner, report: IngestReport,
            extractor: Extractor, progress: Progress | None = None) -> None:
    """Read again the stored documents of earlier runs that write a name this run learned
    bare, and those an earlier run left pending (see the module docstring)."""
    data_dir, cap = kg.settings.data_dir, kg.settings.reread_max
    pending = _load(data_dir)
    names = learner.learned()
    if cap <= 0 or (not pending and not len(names)):  # KG_REREAD_MAX=0: turned off
        return
    try:
        found = {i: w for i, w in _containing(kg, names).items() if i not in learner.iris and i not in pending}
        todo = _documents(kg, {**pending, **found}, names, set(pending))
    except Exception as e:  # noqa: BLE001 (the run's own documents are stored: only this step is lost)
        report.notes.append(f"새로 알게 된 이름으로 이전 문서를 찾지 못했습니다 (finding earlier documents failed: "
                            f"{type(e).__name__}: {e})")
        return
    _save(data_dir, {it.iri: (it.doc.source, it.doc.url) for it in todo})  # before anything is written
    now, later = todo[:cap], todo[cap:]
    refused = retried = 0
    for i in range(0, len(now), CHUNK):
        r, t = _read_again(kg, dedup, now[i:i + CHUNK], learner, report, extractor, progress)
        refused, retried = refused + r, retried + t
    if later:
        report.notes.append(f"새로 알게 된 이름을 쓰는 이전 문서 {len(later)}건은 이번에 다시 읽지 않고 다음 수집에서 "
                            f"읽습니다 (KG_REREAD_MAX={cap}; {len(later)} more earlier documents wait for the next ingest)")
    if refused:
        report.notes.append(f"이전 문서 {refused}건은 다시 읽지 못해 처음 추출한 대로 둡니다 "
                            f"(re-reading {refused} earlier documents failed)")
    if retried:
        report.notes.append(f"다시 읽은 이전 문서 {retried}건을 저장하지 못해 다음 수집에서 다시 시도합니다 "
                            f"(storing {retried} re-read earlier documents failed; the next ingest tries again)")


def _read_again(kg: KnowledgeGraph, dedup: DedupIndex, chunk: list[_Item], learner: known.Learner,
                report: IngestReport, extractor: Extractor, progress: Progress | None) -> tuple[int, int]:
    """One chunk: NLP, staging, each graph replaced in its own transaction, one index
    commit, then the chunk leaves the pending file. Returns (documents the NLP or the
    mapping refused: they leave the file, as first read; documents the store or the index
    refused: they stay for the next ingest)."""
    scratch = IngestReport()
    done: list[tuple[_Item, Any]] = []
    staged: set[str] = set()
    for part, results in extractor.run(chunk, key=lambda it: (it.doc.text, it.doc.date), known=learner.known()):
        for item, entry, graph in _stage(kg, dedup, part, results, scratch, None, undo=False):
            staged.add(item.iri)
            try:
                kg.store.replace_graph(graph)
            except Exception:  # noqa: BLE001 (the old graph stands: the transaction did not happen)
                continue
            done.append((item, entry))
    try:
        if done:
            kg.index.write(add=[e for _i, e in done])
    except Exception:  # noqa: BLE001 (new graphs, old entries: they stay pending, the next ingest reads them again)
        done = []
    iris = {item.iri for item, _e in done}
    refused = {it.iri for it in chunk} - staged
    if iris:
        changes.record(kg.settings.data_dir, [(iri, changes.REPLACED) for iri in iris])
    _save(kg.settings.data_dir, {i: w for i, w in _load(kg.settings.data_dir).items() if i not in iris | refused})
    for item, _entry in done:
        report.reread_earlier += 1
        _tell(progress, "reread", item.doc, report)
    return len(refused), len(staged) - len(done)


def _containing(kg: KnowledgeGraph, names: KnownNames) -> dict[str, Where]:
    """The indexed documents whose text holds one of `names` (a phrase each: the same
    Kiwi terms, adjacent), oldest first, with their source and link; `unread` then
    checks the text itself."""
    phrases = [f'"{n}"' for n in sorted(names.by_name) if '"' not in n]
    found: dict[str, Where] = {}
    for i in range(0, len(phrases), NAMES_PER_QUERY):
        query = " OR ".join(phrases[i:i + NAMES_PER_QUERY])
        page = 1
        while True:
            res = kg.index.search(query, page=page, page_size=500, facets=False, sort="date")
            found.update((h.doc_iri, (h.source, h.url)) for h in res.hits)
            if page >= res.pages:
                break
            page += 1
    return found


def _documents(kg: KnowledgeGraph, where: dict[str, Where], names: KnownNames, pending: set[str]) -> list[_Item]:
    """The stored documents of `where` rebuilt from their graphs (source and link from
    their index entries), those not pending kept only where a name stands outside all of
    their entities; pending ones first."""
    out: list[_Item] = []
    iris = list(where)
    for i in range(0, len(iris), CHUNK):
        part = iris[i:i + CHUNK]
        values = " ".join(f"<{_iri(d)}>" for d in part)
        k, dc = f"<{KGO}", f"<{DCTERMS}"
        rows = {r["d"]: r for r in kg.store.select_strings(f"""
            SELECT ?d ?title ?text ?key ?hash ?date ?kind ?pub ?dup WHERE {{ VALUES ?d {{ {values} }}
            GRAPH ?d {{ ?d a {k}Document> ; {dc}title> ?title ; {k}text> ?text ; {k}sourceKey> ?key ;
                           {k}contentHash> ?hash .
                OPTIONAL {{ ?d {dc}date> ?date }} OPTIONAL {{ ?d {k}sourceKind> ?kind }}
                OPTIONAL {{ ?d {dc}publisher> ?pub }} OPTIONAL {{ ?d {k}nearDuplicateOf> ?dup }} }} }}""")}
        spans: dict[str, list[tuple[int, int]]] = {}
        for r in kg.store.select_strings(f"""SELECT ?d ?s ?e WHERE {{ VALUES ?d {{ {values} }}
                GRAPH ?d {{ ?m <{KGO.mentionType}> ?t ; <{KGO.start}> ?s ; <{KGO.end}> ?e }} }}"""):
            spans.setdefault(r["d"], []).append((int(r["s"]), int(r["e"])))
        for iri in part:
            r = rows.get(iri)
            if r is None or r.get("kind") in FACT_KINDS:
                continue
            if iri not in pending and not unread(r["text"], names, sorted(spans.get(iri, []))):
                continue
            meta: dict[str, Any] = {k: r[f] for k, f in (("source_kind", "kind"), ("publisher", "pub"),
                                                          ("duplicate_of", "dup")) if r.get(f)}
            source, url = where[iri]
            doc = Document(title=r["title"], text=r["text"], source=source, key=r["key"], date=r.get("date"),
                           url=url, meta=meta, id=r["hash"])
            out.append(_Item(doc, iri, [], again=True))
    return out


def _load(data_dir: Path | str) -> dict[str, Where]:
    """The documents waiting in the pending file (none when it is missing or unreadable)."""
    try:
        data = json.loads((Path(data_dir) / PENDING_FILE).read_text(encoding="utf-8"))
        return {str(i): (str(s), u if isinstance(u, str) else None) for i, s, u in data}
    except (OSError, ValueError, TypeError):
        return {}


def _save(data_dir: Path | str, where: dict[str, Where]) -> None:
    """Write the pending file whole (a new file, synced, renamed over the old), or remove it."""
    path = Path(data_dir) / PENDING_FILE
    if not where:
        path.unlink(missing_ok=True)
        return
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump([[i, s, u] for i, (s, u) in where.items()], f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
