"""The shared entity graph: what an entity is (type, names) is stored once however many
documents mention it, so plain SPARQL over the default graph answers without copies;
removing documents takes away the entities and aliases nothing mentions any more."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal

from core.model import Entity
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import reconcile, remove_document
from kg.settings import Settings
from ontology.iris import ENTITY_GRAPH
from ontology.namespace import KGO

from .test_summary import BASE, doc, put

MOTIE = f"<{BASE}id/gov/산업통상자원부>"


@pytest.fixture()
def kg(tmp_path: Path):  # noqa: ANN201
    with KnowledgeGraph(Settings.from_env({}, data_dir=tmp_path, base_iri=BASE)) as kg:
        yield kg


def rows(kg: KnowledgeGraph, query: str) -> list[dict]:
    return kg.sparql(query).rows  # skos:, kgo: and kgr: are bound by the store


def labels(kg: KnowledgeGraph, iri: str, prop: str = "skos:prefLabel") -> list[str]:
    return [str(r["l"]) for r in rows(kg, f"SELECT ?l WHERE {{ {iri} {prop} ?l }}")]


def test_a_label_is_stated_once_however_many_documents_mention_the_entity(kg: KnowledgeGraph) -> None:
    for n in range(5):
        put(kg, doc(n))
    # no DISTINCT: one row, not one per document
    assert labels(kg, MOTIE) == ["산업통상자원부"]
    found = rows(kg, 'SELECT ?e ?t WHERE { ?e skos:prefLabel "산업통상자원부"@ko ; kgo:entityType ?t }')
    assert [(str(r["e"]), str(r["t"])) for r in found] == [(MOTIE[1:-1], "MINISTRY")]
    # the documents still say that they mention it, each in its own graph
    assert len(rows(kg, f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d kgo:mentions {MOTIE} }} }}")) == 5
    graphs = {str(r["g"]) for r in rows(kg, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {MOTIE} skos:prefLabel ?l }} }}")}
    assert graphs == {BASE + ENTITY_GRAPH}


def test_entities_of_a_type_are_entities_not_their_mentions(kg: KnowledgeGraph) -> None:
    for n in range(4):
        put(kg, doc(n, company="LG전자" if n % 2 else "마키나락스"))
    # no DISTINCT: one row per company, whatever the number of mentions
    found = rows(kg, 'SELECT ?e WHERE { ?e kgo:entityType "COMPANY" }')
    assert sorted(str(r["e"]) for r in found) == [BASE + "id/company/LG전자", BASE + "id/company/마키나락스"]
    # each mention keeps its own type code, within its document's graph
    types = rows(kg, f"SELECT ?t WHERE {{ GRAPH ?d {{ ?m kgo:mentionOf {MOTIE} ; kgo:mentionType ?t }} }}")
    assert [str(r["t"]) for r in types] == ["MINISTRY"] * 4


def test_removing_the_last_mention_removes_the_entity(kg: KnowledgeGraph) -> None:
    a = put(kg, doc(1, company="LG전자"))
    b = put(kg, doc(2, company="마키나락스"))
    c = put(kg, doc(3, company="마키나락스"))
    lg, makina = f"<{BASE}id/company/LG전자>", f"<{BASE}id/company/마키나락스>"
    assert labels(kg, lg) == ["LG전자"]
    assert remove_document(kg, a)
    assert labels(kg, lg) == []  # nothing mentions LG전자 any more
    assert not rows(kg, f"SELECT ?p WHERE {{ {lg} ?p ?o }}")
    assert labels(kg, MOTIE) == ["산업통상자원부"]  # still mentioned by b and c
    remove_document(kg, b)
    assert labels(kg, makina) == ["마키나락스"]
    remove_document(kg, c)
    assert labels(kg, makina) == [] and labels(kg, MOTIE) == []


def test_an_alias_goes_with_the_last_document_that_spells_it(kg: KnowledgeGraph) -> None:
    plain = put(kg, doc(1))                       # '산업부'
    spelled = doc(2)
    ex = spelled.extraction
    text = spelled.text.replace("산업부", "산자부")
    spelled = replace(spelled, text=text)
    ex.entities[0] = Entity(0, 3, "산자부", "MINISTRY", canonical="산업통상자원부", sentence=0)
    spelled.extraction = ex
    other = put(kg, spelled)
    assert sorted(labels(kg, MOTIE, "skos:altLabel")) == ["산업부", "산자부"]
    remove_document(kg, other)
    assert labels(kg, MOTIE, "skos:altLabel") == ["산업부"]
    assert plain


def test_orphans_left_by_a_crash_are_collected_on_the_next_run(kg: KnowledgeGraph) -> None:
    lg = f"<{BASE}id/company/LG전자>"
    # a crash between dropping a graph and collecting (two requests on some servers)...
    kg.store.oxigraph.update("DROP GRAPH <" + put(kg, doc(1, company="LG전자")) + ">")
    # ...while a document was written to the store but not yet to the index
    put(kg, doc(2))
    assert labels(kg, lg) == ["LG전자"]
    assert reconcile(kg) == 1
    assert labels(kg, lg) == [] and labels(kg, MOTIE) == []


def test_hub_entities_are_read_the_same_way_as_others(kg: KnowledgeGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entity mentioned in more than HASH_JOIN_DOCS documents (a hub) has its
    documents sorted and its relations dated from the kept document dates
    (kg.entity.doc_dates) instead of joins in each query: what the pages get is the same,
    newest first and ties by IRI."""
    from kg.read import entity
    from kg.read import queries

    # 산업부 in 12 documents over 8 dates; each plan announced again in later documents
    for n, (company, day) in enumerate([("마키나락스", 3), ("LG전자", 3), ("LS일렉트릭", 9), ("DN솔루션즈", 1)] * 3):
        put(kg, doc(n % 4, company=f"{company}{n}", day=day + n // 4))
    iri = f"{BASE}id/gov/산업통상자원부"

    def read() -> tuple:
        pages = [kg.entity_details(iri, page, 5) for page in (1, 2, 3)]
        rows, groups = pages[0]["relations"], pages[0]["relation_groups"]
        docs = [{k: v for k, v in p.items() if k not in ("relations", "relation_groups")} for p in pages]
        shared = [kg.shared_documents(iri, rows[0]["other"], limit) for limit in (2, 50)]
        return rows, groups, docs, kg.top_statements(iri, None)[0], shared

    monkeypatch.setattr(entity, "HASH_JOIN_DOCS", 10**9)
    monkeypatch.setattr(queries, "HASH_JOIN_DOCS", 10**9)
    joined = read()
    monkeypatch.setattr(entity, "HASH_JOIN_DOCS", 0)
    monkeypatch.setattr(queries, "HASH_JOIN_DOCS", 0)
    monkeypatch.setattr(entity, "WALK_CHUNK", 4)  # several chunks
    for walk in (0, 10**6):  # its documents sorted, or all documents walked newest first
        monkeypatch.setattr(entity, "WALK_FACTOR", walk)
        assert read() == joined, walk
    dates = [d["date"] for page in joined[2] for d in page["documents"]]
    assert len(dates) == 12 and dates == sorted(dates, reverse=True) and len(set(dates)) == 8  # ties too
    assert {r["documents"] for r in joined[0]} == {3}  # each plan announced in three documents
    first, every = joined[4]
    assert every["total"] == 3 and len(every["documents"]) == 3 and first["documents"] == every["documents"][:2]
    assert [d["date"] for d in every["documents"]] == sorted((d["date"] for d in every["documents"]), reverse=True)


def test_a_relation_is_stated_once_however_many_documents_report_it(kg: KnowledgeGraph) -> None:
    """A plain query over relations reads each edge once, so multi-hop joins do not
    multiply by the documents; which documents report an edge is in their own graphs
    (kgr:announces), and the entity page counts them."""
    a = put(kg, doc(1, company="LG전자"))
    b = put(kg, doc(1, company="마키나락스"))
    put(kg, doc(2))
    plan1, plan2 = f"{BASE}id/initiative/계획_1", f"{BASE}id/initiative/계획_2"
    # no DISTINCT: one row per edge, not one per reporting document
    assert sorted(str(r["i"]) for r in rows(kg, f"SELECT ?i WHERE {{ {MOTIE} kgo:announces ?i }}")) == [plan1, plan2]
    two_hops = rows(kg, f"SELECT ?i ?other WHERE {{ {MOTIE} kgo:announces ?i . ?other kgo:announces ?i }}")
    assert len(two_hops) == 2
    reporting = rows(kg, f"SELECT ?d WHERE {{ GRAPH ?d {{ {MOTIE} kgr:announces <{plan1}> }} }}")
    assert sorted(str(r["d"]) for r in reporting) == sorted([a, b])
    shown = kg.entity_details(MOTIE[1:-1])["relations"]
    assert {r["other"]: r["documents"] for r in shown} == {plan1: 2, plan2: 1}
    # the edge goes with the last document that reports it
    assert remove_document(kg, a)
    assert kg.sparql(f"ASK {{ {MOTIE} kgo:announces <{plan1}> }}").boolean  # b still reports it
    assert remove_document(kg, b)
    assert [str(r["i"]) for r in rows(kg, f"SELECT ?i WHERE {{ {MOTIE} kgo:announces ?i }}")] == [plan2]


@pytest.mark.parametrize("by", ["writer", "server"])
def test_data_written_the_older_way_is_brought_up_to_date(tmp_path: Path, by: str) -> None:
    """Before relations went to the entity graph, each document's graph stated them with
    the kgo: property: the next writer moves them, or `kg serve` at start when no writer
    is at work (and a reader then sees them)."""
    from app.serving import bring_up_to_date as _bring_up_to_date

    settings = Settings.from_env({}, data_dir=tmp_path, base_iri=BASE)
    eg = f"<{BASE}{ENTITY_GRAPH}>"
    with KnowledgeGraph(settings) as kg:
        a, b = put(kg, doc(1, company="LG전자")), put(kg, doc(1, company="마키나락스"))
        kg.store.oxigraph.update(
            "PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#> PREFIX kgr: <https://w3id.org/kor-policy-kg/ont/reported#> "
            "DELETE { GRAPH ?g { ?s kgr:announces ?o } } INSERT { GRAPH ?g { ?s kgo:announces ?o } } "
            "WHERE { GRAPH ?g { ?s kgr:announces ?o } } ; "
            f"DELETE WHERE {{ GRAPH {eg} {{ ?s kgo:announces ?o }} }}")
        assert len(rows(kg, f"SELECT ?i WHERE {{ {MOTIE} kgo:announces ?i }}")) == 2  # a copy per document
        kg.publish()
    if by == "server":
        _bring_up_to_date(settings)
        with KnowledgeGraph(settings, read_only=True) as kg:  # published by the server's upgrade
            assert len(rows(kg, f"SELECT ?i WHERE {{ {MOTIE} kgo:announces ?i }}")) == 1
    with KnowledgeGraph(settings) as kg:
        assert len(rows(kg, f"SELECT ?i WHERE {{ {MOTIE} kgo:announces ?i }}")) == 1
        assert not rows(kg, f"SELECT ?g WHERE {{ GRAPH ?g {{ ?s kgo:announces ?o }} FILTER(?g != {eg}) }}")
        reporting = rows(kg, f"SELECT ?d WHERE {{ GRAPH ?d {{ {MOTIE} kgr:announces ?i }} }}")
        assert sorted(str(r["d"]) for r in reporting) == sorted([a, b])
        kg.publish()
    with KnowledgeGraph(settings, read_only=True) as kg:
        shown = kg.entity_details(MOTIE[1:-1])["relations"]
        assert {(r["other"], r["documents"]) for r in shown} == {(f"{BASE}id/initiative/계획_1", 2)}


LG = f"<{BASE}id/company/LG전자>"


def described_once(kg: KnowledgeGraph, iri: str) -> dict[str, list[str]]:
    """Plain reads (no DISTINCT) of an entity's class, type and names, sorted."""
    return {p: sorted(str(r["o"]) for r in rows(kg, f"SELECT ?o WHERE {{ {iri} {p} ?o }}"))
            for p in ("a", "kgo:entityType", "skos:prefLabel")}


def test_what_the_gazetteer_says_is_not_said_again(tmp_path: Path) -> None:
    """An entity the gazetteer knows (LG전자, 산업통상자원부) has its class, type and
    names in the gazetteer's graph; the documents that mention it do not restate them
    in the entity graph, so a plain join over companies reads each once."""
    from kg.write.pipeline import ingest_documents

    settings = Settings.from_env({}, data_dir=tmp_path, base_iri=BASE)
    texts = ["산업통상자원부는 7일 AI 자율제조 전략을 발표했다. LG전자가 참여한다.",
             "산업통상자원부와 LG전자는 8일 간담회를 열었다."]
    docs = [replace(doc(n), text=t, extraction=None, key=f"g/{n}.txt", source=f"g/{n}.txt")
            for n, t in enumerate(texts)]
    with KnowledgeGraph(settings) as kg:
        report = ingest_documents(kg, docs)
        assert report.ingested == 2, report
        assert described_once(kg, LG) == {"a": [str(KGO.Company)], "kgo:entityType": ["COMPANY"],
                                          "skos:prefLabel": ["LG Electronics", "LG전자"]}
        assert rows(kg, f"SELECT ?l WHERE {{ {MOTIE} skos:prefLabel ?l FILTER(lang(?l) = 'ko') }}") == \
            [{"l": Literal("산업통상자원부", lang="ko")}]
        assert not rows(kg, f"SELECT ?s WHERE {{ GRAPH <{BASE}{ENTITY_GRAPH}> {{ ?s skos:prefLabel 'LG전자'@ko }} }}")


@pytest.mark.parametrize("by", ["writer", "server"])
def test_names_restated_by_an_older_version_are_said_once_after_the_upgrade(tmp_path: Path, by: str) -> None:
    """Data written before: each mention's description restated in the entity graph
    what the gazetteer's graph says. The next writer deletes the copies, or `kg serve`
    at start; what the entity graph says beyond the gazetteer (an alias) stays."""
    from app.serving import bring_up_to_date as _bring_up_to_date
    from kg.write.pipeline import ensure_gazetteer

    settings = Settings.from_env({}, data_dir=tmp_path, base_iri=BASE)
    with KnowledgeGraph(settings) as kg:
        ensure_gazetteer(kg)
        put(kg, doc(1, company="LG전자"))  # the older way: every description in the entity graph
        assert described_once(kg, LG)["kgo:entityType"] == ["COMPANY", "COMPANY"]
        kg.publish()
    if by == "server":
        _bring_up_to_date(settings)
        with KnowledgeGraph(settings, read_only=True) as kg:  # published by the server's upgrade
            assert described_once(kg, LG)["kgo:entityType"] == ["COMPANY"]
    with KnowledgeGraph(settings) as kg:
        kg.store  # noqa: B018 (a writer opening the store upgrades it)
        assert described_once(kg, LG) == {"a": [str(KGO.Company)], "kgo:entityType": ["COMPANY"],
                                          "skos:prefLabel": ["LG Electronics", "LG전자"]}
        assert labels(kg, MOTIE, "skos:altLabel").count("산업부") == 1
        assert not kg.store.upgrade()


def test_an_entity_the_gazetteer_drops_keeps_its_description(kg: KnowledgeGraph) -> None:
    """A new gazetteer without LG전자: the documents that mention it keep its class,
    type and Korean name (now in the entity graph), not the gazetteer's English name;
    a dropped entry nothing mentions leaves nothing behind."""
    from kg.write.pipeline import _gazetteer, ensure_gazetteer

    ensure_gazetteer(kg)
    put(kg, doc(1, company="LG전자"))
    kg.store.upgrade()
    samsung = f"<{BASE}id/company/삼성전자>"
    assert sorted(labels(kg, samsung)) == ["Samsung Electronics", "삼성전자"]
    gone = {f"{BASE}id/company/LG전자", samsung[1:-1]}
    kg.store.put_gazetteer([t for t in _gazetteer(BASE) if str(t[0]) not in gone])
    assert described_once(kg, LG) == {"a": [str(KGO.Company)], "kgo:entityType": ["COMPANY"],
                                      "skos:prefLabel": ["LG전자"]}
    assert not rows(kg, f"SELECT ?p WHERE {{ {samsung} ?p ?o }}")
    assert sorted(labels(kg, MOTIE)) == ["Ministry of Trade, Industry and Energy", "산업통상자원부"]
