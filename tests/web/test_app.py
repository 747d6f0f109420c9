"""The application factory: settings, shared graph, statistics, error pages, threads."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

from kg.settings import Settings
from web import create_app


def test_settings_default_from_environment(settings, monkeypatch) -> None:
    monkeypatch.setenv("KG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("KG_BASE_IRI", settings.base_iri)
    app = create_app(query_workers=0)
    try:
        assert app.config["KG_SETTINGS"].data_dir == settings.data_dir
        assert app.test_client().get("/api/stats").get_json()["documents"] == 4
    finally:
        app.extensions["kg"].close()


def test_stats_page_and_api(client) -> None:
    data = client.get("/api/stats").get_json()
    assert data["documents"] == 4 and data["indexed"] == 4 and data["triples"] > 100
    assert data["entities"]["MINISTRY"] >= 2 and data["entities"]["COMPANY"] >= 3
    page = client.get("/stats").get_data(as_text=True)
    assert "<h1>통계</h1>" in page and "정부기관" in page and "기업" in page
    assert client.get("/stats.json").get_json() == data


def test_pages_are_small_screen_ready(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    with client.get("/static/style.css") as css:
        assert css.status_code == 200 and "@media" in css.get_data(as_text=True)
    # works without JavaScript: scripts only enhance (external, deferred), forms submit by GET
    scripts = re.findall(r"<script[^>]*>", page)
    assert all(re.fullmatch(r'<script src="/(static|vendor)/[\w./-]+\.js" defer>', s) for s in scripts), scripts
    assert 'action="/search" method="get"' in page


def test_empty_data_dir_gives_a_clear_503(tmp_path) -> None:
    app = create_app(Settings(data_dir=tmp_path), query_workers=0)
    try:
        c = app.test_client()
        home = c.get("/")
        assert home.status_code == 200 and "아직 데이터가 없습니다" in home.get_data(as_text=True)
        r = c.get("/search", query_string={"q": "산업부"})
        assert r.status_code == 503 and "kg ingest" in r.get_data(as_text=True)
        j = c.get("/api/stats")
        assert j.status_code == 503 and j.get_json()["ok"] is False
    finally:
        app.extensions["kg"].close()


def test_500_shows_no_stack_trace(settings) -> None:
    app = create_app(settings, query_workers=0)

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    try:
        c = app.test_client()
        r = c.get("/boom")
        body = r.get_data(as_text=True)
        assert r.status_code == 500 and "서버 오류" in body
        assert "secret" not in body and "Traceback" not in body
        j = c.get("/boom", headers={"Accept": "application/json"})
        assert j.status_code == 500 and "secret" not in j.get_data(as_text=True)
    finally:
        app.extensions["kg"].close()


def test_one_graph_is_shared_by_many_threads(client, corpus) -> None:
    urls = ["/search?q=발표", "/id/gov/산업통상자원부", corpus.path(corpus.ai), "/api/stats",
            "/api/lookup?q=LG", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_kg_serve_warms_the_search_caches(app, settings, monkeypatch) -> None:
    """`kg serve` runs a home page and a search before the first visitor does, so the
    facet columns of the index are already read when the first search comes."""
    from kg.read import entity
    from app.serving import warm_up as _warm_up
    from kg.search import whoosh_arrays

    from kg.read import paths

    monkeypatch.setattr(whoosh_arrays, "SEGMENTS", whoosh_arrays._Cache(1 << 30))
    monkeypatch.setattr(paths, "_cache", type(paths._cache)())
    monkeypatch.setattr(entity, "_dates", type(entity._dates)())
    monkeypatch.setattr(entity, "_kept", type(entity._kept)())
    _warm_up(app)
    # the column arrays of every segment of the index are read
    with app.extensions["kg"].kg.index._searcher() as s:
        segments = {(str(settings.index_dir), r.segment().segment_id()) for r, _o in s.reader().leaf_readers()}
    assert set(whoosh_arrays.SEGMENTS.keys()) == segments
    # and the path view's edge graph of the current snapshot is built, and its document dates read
    assert len(paths._cache) == 1 and next(iter(paths._cache.values())).adj
    kg = app.extensions["kg"].kg
    ((dated, (_at, dates)),) = entity._dates.items()  # kept for the snapshot the server reads
    assert dated is kg.store and len(dates) == kg.stats()["documents"]
    # and the pages of the entities in the most documents were visited: what they count is kept
    top = [iri for iri, _n in kg.summary().docs.most_common(3)]
    assert {("count", iri) for iri in top} <= set(entity._kept[kg.store]["count"])


def test_a_failed_warm_up_is_quiet(tmp_path) -> None:
    from app.serving import warm_up as _warm_up

    class Broken:
        def test_client(self):
            raise RuntimeError("no data yet")

    _warm_up(Broken())  # a slower first request, not a crash


def test_the_server_warms_up_again_when_an_ingest_publishes(tmp_path, monkeypatch) -> None:
    """Dates, document order and the path view's graph are kept per snapshot: after each
    publish, the server reads them for the new snapshot in the background, not in the
    first visitor's request (2.5 s and more at 100,000 documents)."""
    import threading

    from rdflib import Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF

    from kg.read import entity
    from app.serving import warm_up_once as _warm_up_once
    from kg.read.graph import KnowledgeGraph
    from ontology.namespace import KGO
    from kg.read import paths

    monkeypatch.setattr(paths, "_cache", type(paths._cache)())
    monkeypatch.setattr(entity, "_dates", type(entity._dates)())
    settings = Settings(data_dir=tmp_path)
    writer = KnowledgeGraph(settings)
    assert writer.index is not None  # opening it for writing creates the (empty) text index

    def publish(n: int) -> None:
        d = URIRef(f"{settings.base_iri}doc/d{n}")
        writer.store.put_graph(str(d), [(d, RDF.type, KGO.Document), (d, DCTERMS.title, Literal(f"문서 {n}")),
                                        (d, DCTERMS.date, Literal(f"2024-03-0{n}"))])
        writer.publish()

    publish(1)
    app = create_app(settings, query_workers=0)
    try:
        kg = app.extensions["kg"].kg
        kg.on_snapshot = lambda: _warm_up_once(app)  # as `kg serve` sets it
        first = kg.store
        publish(2)
        assert app.test_client().get("/api/stats").status_code == 200  # opens the new snapshot
        second = kg.store
        assert second is not first
        for t in threading.enumerate():
            if t.name == "kg-snapshot-warm-up":
                t.join(30)
        # the new snapshot's dates, order and path graph were read by the warm-up
        assert entity._dates[second][1] == {f"{settings.base_iri}doc/d1": "2024-03-01",
                                            f"{settings.base_iri}doc/d2": "2024-03-02"}
        assert entity._orders[second][1] == [f"{settings.base_iri}doc/d2", f"{settings.base_iri}doc/d1"]
        assert any(k for k in paths._cache.keys())
    finally:
        app.extensions["kg"].close()
        writer.close()
