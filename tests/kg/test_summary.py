"""kg.summary: the numbers and names published with each snapshot stay those of a full
count after incremental ingests, replaced and removed documents, a crash between a
write and a publish, and `kg import`; lookup and name resolution read them."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from core.model import Document, Entity, Extraction, Relation
from kg.store import snapshots
from kg.read import summary
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ensure_gazetteer, remove_document
from kg.settings import Settings
from kg.store.embedded import GraphStore
from kg.store.transfer import export_nquads, import_nquads
from ontology.iris import document_iri
from ontology.mapping import document_triples
from ontology.namespace import KGO

BASE = "http://kg.test/"
MOTIE = BASE + "id/gov/산업통상자원부"


def doc(n: int, company: str = "마키나락스", day: int | None = None) -> Document:
    """A document with a hand-written extraction: 산업부 announces plan n, a company named."""
    text = f"산업부는 '계획 {n}'을 발표했다. {company}가 참여한다."
    d = Document(title=f"계획 {n} 발표", text=text, source=f"t/{n}.txt", key=f"t/{n}.txt",
                 date=f"2024-03-{day or n + 1:02d}")
    i, j, k = text.index("산업부"), text.index(f"계획 {n}"), text.index(company)
    d.extraction = Extraction(
        entities=[Entity(i, i + 3, "산업부", "MINISTRY", canonical="산업통상자원부", sentence=0),
                  Entity(j, j + len(f"계획 {n}"), f"계획 {n}", "INITIATIVE", canonical=f"계획 {n}", sentence=0),
                  Entity(k, k + len(company), company, "COMPANY", canonical=company, sentence=1)],
        relations=[Relation("ANNOUNCES", 0, 1, sentence=0)],
        sentences=[(0, text.index(".") + 1), (text.index(".") + 2, len(text))])
    return d


def put(kg: KnowledgeGraph, d: Document) -> str:
    iri, triples, described = document_triples(d, BASE)
    kg.store.put_graph(str(iri), triples, described)
    return str(iri)


def published(settings: Settings) -> summary.Summary:
    loaded = summary.load(snapshots.current(settings.data_dir))
    assert loaded is not None, "the snapshot has no summary"
    return loaded


def counts_agree(settings: Settings) -> dict[str, int]:
    """kgo:documentCount in the published snapshot's counts graph, checked against a
    count of the mentions, entity by entity."""
    store = GraphStore(snapshots.current(settings.data_dir), read_only=True)
    try:
        kept = {str(r["e"]): int(r["n"]) for r in store.select(
            f"SELECT ?e ?n WHERE {{ GRAPH <{BASE}graph/counts> {{ ?e <{KGO.documentCount}> ?n }} }}")}
        counted = {str(r["e"]): int(r["n"]) for r in store.select(
            f"SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> ?e }} }} GROUP BY ?e")}
    finally:
        store.close()
    assert kept == counted
    return kept


def recount(settings: Settings) -> summary.Summary:
    store = GraphStore(snapshots.current(settings.data_dir), read_only=True)
    try:
        return summary.full(store.oxigraph)
    finally:
        store.close()


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", base_iri=BASE)


def test_incremental_summary_equals_a_full_count(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    full = summary.full
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        iris = [put(kg, doc(n)) for n in range(3)]
        kg.publish()
        first = published(settings)
        assert first == recount(settings) and first.documents == 3
        assert counts_agree(settings)[MOTIE] == 3
        # then only what changed is counted: one document replaced by a new version, one
        # removed, one added
        monkeypatch.setattr(summary, "full", lambda store: pytest.fail("counted in full"))
        put(kg, doc(10, company="LG전자"))
        kg.store.remove_graph(iris[0])
        put(kg, doc(0, company="LG전자", day=9))
        remove_document(kg, iris[1])          # publishes
    monkeypatch.setattr(summary, "full", full)
    after = published(settings)
    assert after == recount(settings)
    assert after.documents == 3 and after != first
    counts = counts_agree(settings)   # only the changed entities' counts were rewritten
    assert counts[MOTIE] == 3 and counts[BASE + "id/company/LG전자"] == 2
    assert BASE + "id/initiative/계획_1" not in counts   # no document mentions it any more
    with KnowledgeGraph(settings, read_only=True) as reader:
        s = reader.stats()
        assert s["documents"] == 3 and s["entities"] == {"INITIATIVE": 3, "COMPANY": 2, "MINISTRY": 1}
        direct = GraphStore(snapshots.current(settings.data_dir), read_only=True)
        assert s["triples"] == direct.stats()["triples"] and s["entities"] == direct.stats()["entities"]
        direct.close()
        assert not (Path(settings.data_dir) / summary.PENDING).exists()


def test_a_write_left_unpublished_is_counted_afresh(settings: Settings) -> None:
    with KnowledgeGraph(settings) as kg:
        put(kg, doc(1))
        kg.publish()
    with KnowledgeGraph(settings) as kg:   # a run that stops before it publishes (a crash)
        put(kg, doc(2))
    assert (Path(settings.data_dir) / summary.PENDING).exists()
    with KnowledgeGraph(settings) as kg:
        put(kg, doc(3))
        kg.publish()
    assert published(settings) == recount(settings) and published(settings).documents == 3
    assert counts_agree(settings)[MOTIE] == 3


def test_counts_missing_from_an_older_data_directory_are_all_written(settings: Settings) -> None:
    with KnowledgeGraph(settings) as kg:   # as a writer from before the counts graph
        for n in range(3):
            put(kg, doc(n))
        kg._publisher.counts_graph = None
        kg.publish()
    old = GraphStore(snapshots.current(settings.data_dir), read_only=True)
    assert not old.query(f"ASK {{ GRAPH <{BASE}graph/counts> {{ ?s ?p ?o }} }}").askAnswer
    old.close()
    with KnowledgeGraph(settings) as kg:   # the next run writes one document …
        put(kg, doc(7, company="LG전자"))
        kg.publish()
    counts = counts_agree(settings)       # … and every entity's count, not only its own
    assert counts[MOTIE] == 4 and counts[BASE + "id/initiative/계획_0"] == 1
    assert published(settings) == recount(settings)


def test_import_is_counted_afresh(settings: Settings, tmp_path: Path) -> None:
    other = Settings(data_dir=tmp_path / "other", base_iri=BASE)
    with KnowledgeGraph(other) as kg:
        for n in range(2):
            put(kg, doc(n, company="삼성전자"))
        buf = io.BytesIO()
        export_nquads(kg.store, buf)
    with KnowledgeGraph(settings) as kg:
        put(kg, doc(5))
        kg.publish()
        import_nquads(kg.store, io.BytesIO(buf.getvalue()))
        kg.publish()
    assert published(settings) == recount(settings) and published(settings).documents == 3
    assert counts_agree(settings)[BASE + "id/company/삼성전자"] == 2


def test_lookup_and_resolve_read_the_summary(settings: Settings) -> None:
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        for n in range(3):
            put(kg, doc(n, company="마키나락스" if n else "LG전자"))
        kg.publish()
    with KnowledgeGraph(settings, read_only=True) as kg:
        motie = BASE + "id/gov/산업통상자원부"
        hits = kg.lookup("산업부")                      # an alias from the documents
        assert hits[0] == {"iri": motie, "label": "산업통상자원부", "type": "MINISTRY", "documents": 3}
        assert kg.lookup("motie")[0]["iri"] == motie    # an English alias, any case
        ranked = kg.lookup("계획")
        # the documents' plans first; gazetteer bodies that match (세계식량계획) follow, with no document
        got = [(h["label"], h["documents"]) for h in ranked]
        assert got[:3] == [("계획 0", 1), ("계획 1", 1), ("계획 2", 1)] and all(n == 0 for _l, n in got[3:])
        assert kg.resolve("산자부") == motie and kg.resolve("MOTIE") == motie and kg.resolve("없는 이름") is None
        assert kg.labels([motie, BASE + "id/company/LG전자"]) == {motie: "산업통상자원부",
                                                                 BASE + "id/company/LG전자": "LG전자"}
        ent = kg.entity(motie, page_size=2)
        assert ent["total"] == 3 and ent["pages"] == 2 and len(ent["documents"]) == 2
        assert {"value": "산업부", "lang": "ko"} in ent["alt_labels"]
        assert str(document_iri(BASE, doc(2).id)) in {d["iri"] for d in ent["documents"]}
