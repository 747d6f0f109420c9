"""Keeping the store, the text index and the near-duplicate index in step (see the
crash-safety argument in kg.write.pipeline's docstring): reconcile after a crash, the
near-duplicate flags when an original goes, and removing a document."""
from __future__ import annotations

from typing import Iterable

from rdflib import Literal, URIRef

from kg.read.graph import KnowledgeGraph
from kg.write import changes
from kg.write.dedup import THRESHOLD, DedupIndex, signature, similarity
from ontology.iris import document_iri
from ontology.namespace import KGO

Catalog = tuple[list[tuple[str, "str | None"]], set[str]]  # stored (IRI, source key), indexed IRIs


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
