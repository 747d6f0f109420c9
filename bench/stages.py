"""Ingest with a stopwatch on each stage, calling the functions kg/write/pipeline.py calls.

The stages of kg.pipeline.ingest_documents/_flush, in order, per batch of documents:

    load     ingest.loaders (iter_paths + load_path: read, decode, JSONL records → Document)
    check    the skip test per document, against the catalogue read once (kg.pipeline._catalog)
    nlp      ingest.nlp.pipeline.extract_many — or, with --skip-nlp, the document's
             Extraction assembled from the cached per-unit extractions (bench/corpus.py)
    map      ontology.mapping.document_triples + kg.store.prepare_graph (N-Quads text)
    graph    kg.store.put_graphs at each commit (Oxigraph's bulk loader), then the
             replaced graphs dropped; kg.store.optimize (compaction) at the end
    index    kg.pipeline.index_doc + kg.index.write, with the NLP stage's terms
             (IndexDoc.terms = Extraction.tokens) unless reuse_terms=False; one commit per
             COMMIT_DOCS documents or kg.pipeline.commit_interval, as the product commits
    publish  kg.publish after each commit, at most every kg.pipeline.publish_interval, and
             once at the end (snapshots)

and, with `also`, the same batches written to a second index (another backend) so the
two can be compared on identical input.
"""
from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from core.model import Document, Entity, Extraction, Relation
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import COMMIT_DOCS, _catalog, commit_interval, ensure_gazetteer, index_doc, publish_interval
from ontology.iris import document_iri
from ontology.mapping import document_triples

STAGES = ("load", "check", "nlp", "map", "graph", "index", "publish")


@dataclass
class Timer:
    """Wall seconds and CPU seconds (this process, all its threads) per stage. CPU time
    is what the scaling ratios use: on a shared machine, wall time also measures the
    neighbours."""

    seconds: dict[str, float] = field(default_factory=dict)
    cpu: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        t, c = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - t
            self.cpu[stage] = self.cpu.get(stage, 0.0) + time.process_time() - c


@dataclass
class IngestStats:
    docs: int = 0
    chars: int = 0
    triples: int = 0
    entities: int = 0
    relations: int = 0
    terms: int = 0
    wall: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    stages_cpu: dict[str, float] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)


def timed_documents(docs_dir: Path, timer: Timer) -> Iterator[Document]:
    """Documents from the loaders, the time spent inside them counted as `load`."""
    from ingest.loaders import iter_paths, load_path  # noqa: PLC0415

    it = iter(_load_all(docs_dir, iter_paths, load_path))
    while True:
        with timer("load"):
            doc = next(it, None)
        if doc is None:
            return
        yield doc


def _load_all(docs_dir: Path, iter_paths, load_path) -> Iterator[Document]:
    for path in iter_paths([docs_dir]):
        for item in load_path(path, max_bytes=None):
            if isinstance(item, Exception):
                raise item
            yield item


class Recipes:
    """Document key ('…/docs/<source>/part-N.jsonl#id') → recipe (its unit ids per
    paragraph), read one shard at a time as the loader reaches it (bench/corpus.py)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._shard: str | None = None
        self._recipes: dict[str, list] = {}

    def __getitem__(self, key: str) -> list:
        shard, _, rid = key.rpartition("#")
        if shard != self._shard:
            doc_path = Path(shard)
            rec_path = self.root / "recipes" / doc_path.parent.name / doc_path.name
            with doc_path.open(encoding="utf-8") as docs, rec_path.open(encoding="utf-8") as recs:
                self._recipes = {json.loads(d)["id"]: json.loads(r) for d, r in zip(docs, recs)}
            self._shard = shard
        return self._recipes[rid]


def assemble(recipe: list[list[int]], units: list[str], exs: list[Extraction]) -> tuple[str, Extraction]:
    """The text and Extraction of a document made of pool units: each unit's cached
    extraction shifted to the unit's place (offsets, sentence and entity indexes)."""
    ents: list[Entity] = []
    rels: list[Relation] = []
    sents: list[tuple[int, int]] = []
    toks: list[str] = []
    parts: list[str] = []
    pos = 0
    for pi, para in enumerate(recipe):
        for ui, u in enumerate(para):
            if pi or ui:
                parts.append("\n" if ui == 0 else " ")
                pos += 1
            ex = exs[u]
            e0, s0 = len(ents), len(sents)
            sents += [(a + pos, b + pos) for a, b in ex.sentences]
            ents += [Entity(e.start + pos, e.end + pos, e.text, e.type, e.canonical, e.iri, e.value,
                            None if e.sentence is None else e.sentence + s0, e.attrs) for e in ex.entities]
            rels += [Relation(r.type, r.head + e0, r.tail + e0, None if r.sentence is None else r.sentence + s0)
                     for r in ex.relations]
            toks += ex.tokens
            parts.append(units[u])
            pos += len(units[u])
    return "".join(parts), Extraction(entities=ents, relations=rels, sentences=sents, tokens=toks)


def ingest(kg: KnowledgeGraph, docs: Iterator[Document], timer: Timer, *, batch_size: int = 16,
           pre: tuple[Recipes, list[str], list[Extraction]] | None = None, reuse_terms: bool = True,
           also=None, also_timer: Timer | None = None) -> IngestStats:
    """kg.pipeline's ingest, stage by stage. `pre` = (recipes by key, pool units, pool
    extractions) replaces NLP with assembly; `also` is a second index written the same way."""
    from ingest.nlp.pipeline import extract_many  # noqa: PLC0415

    ner = kg.settings.ner_model  # the setting (KG_NER_MODEL), as kg.write.pipeline reads it
    st = IngestStats()
    t0 = time.perf_counter()
    ensure_gazetteer(kg)
    batch: list[tuple[Document, list[str]]] = []

    def flush() -> None:
        nonlocal batch
        with timer("nlp"):
            if pre is None:
                try:
                    exs = list(extract_many(((d.text, d.date) for d, _o in batch), ner_model=ner))
                except Exception:  # as kg.pipeline: retry one by one, record the failing ones
                    kept, exs = [], []
                    for item in batch:
                        try:
                            exs += list(extract_many([(item[0].text, item[0].date)], ner_model=ner))
                            kept.append(item)
                        except Exception as e:  # noqa: BLE001
                            st.failed.append((item[0].key, f"{type(e).__name__}: {e}"))
                    batch = kept
            else:
                exs = []
                for d, _o in batch:
                    text, ex = assemble(pre[0][d.key], pre[1], pre[2])
                    if text != d.text:
                        raise AssertionError(f"generated and loaded texts differ for {d.key}")
                    exs.append(ex)
        for (doc, old), ex in zip(batch, exs):
            doc.extraction = ex
            with timer("map"):
                graph, triples, described = document_triples(doc, kg.base)
                prepared = kg.store.prepare_graph(str(graph), triples, described)
            graphs.append(prepared)
            st.triples += prepared.triples
            delete_graphs.extend(old)
            with timer("index"):
                idoc = index_doc(doc, str(graph), kg.base)
                if reuse_terms:
                    idoc.terms = ex.tokens
            add.append(idoc)
            delete.extend(old)
            st.docs += 1
            st.chars += len(doc.text)
            st.entities += len(ex.entities)
            st.relations += len(ex.relations)
            st.terms += len(ex.tokens)
        now = time.monotonic()
        if len(add) >= COMMIT_DOCS or now - last[0] >= commit_interval(now - started):
            commit()

    def commit() -> None:
        nonlocal add, delete, graphs, delete_graphs
        with timer("graph"):
            kg.store.put_graphs(graphs)
        with timer("index"):
            kg.index.write(add=add, delete=delete)
        if also is not None:
            with (also_timer or timer)("index"):
                also.write(add=add, delete=delete)
        with timer("graph"):
            for o in delete_graphs:
                kg.store.remove_graph(o)
        add, delete, graphs, delete_graphs = [], [], [], []
        last[0] = time.monotonic()
        with timer("publish"):
            kg.publish(min_interval=publish_interval(last[0] - started))

    add: list = []
    delete: list[str] = []
    graphs: list = []
    delete_graphs: list[str] = []
    started = time.monotonic()
    last = [started]
    seen: set[str] = set()
    with timer("check"):
        by_key, present = _catalog(kg)
    for doc in docs:
        if doc.key in seen:
            continue
        seen.add(doc.key)
        with timer("check"):
            iri = str(document_iri(kg.base, doc.id))
            old = [d for d in by_key.get(doc.key, []) if d != iri]
            unchanged = not old and iri in present
        if unchanged:
            continue
        batch.append((doc, old))
        if len(batch) >= batch_size:
            flush()
            batch = []
    if batch:
        flush()
    if add or delete:
        commit()
    with timer("graph"):
        if st.docs:
            kg.store.optimize()
    with timer("publish"):
        kg.publish()
    st.wall = time.perf_counter() - t0
    st.stages = dict(timer.seconds)
    st.stages_cpu = dict(timer.cpu)
    return st
