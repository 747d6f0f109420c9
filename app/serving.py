"""What `kg serve` does besides serving: bring data of an older version up to date at
start, and warm the caches kept per published snapshot (at start, and again in the
background whenever the server opens a newer snapshot), so the first visitor does not
wait for them."""
from __future__ import annotations

import logging
import threading
from typing import Any
from urllib.parse import quote

import click

from kg.settings import Settings

log = logging.getLogger("kg.serving")  # the name it had before app/, so log filters keep working


def bring_up_to_date(settings: Settings) -> None:
    """Data that an older version wrote is brought up to date by the next writer
    (kg.store.GraphStore.upgrade); the server does it at start when the data needs it
    and no writer is at work, so its pages are right before the next `kg ingest`."""
    from kg.store import snapshots  # noqa: PLC0415
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415
    from kg.store.locks import StoreBusy, WriterLock  # noqa: PLC0415
    from kg.store.embedded import GraphStore  # noqa: PLC0415
    from kg.store.updates import upgrade_steps  # noqa: PLC0415
    from ontology.iris import ENTITY_GRAPH  # noqa: PLC0415

    snap = None if settings.sparql_endpoint else snapshots.current(settings.data_dir)
    if snap is None:
        return
    with GraphStore(snap, read_only=True) as published:
        if not any(published.oxigraph.query(ask, use_default_graph_as_union=True)
                   for ask, _update in upgrade_steps(settings.base_iri + ENTITY_GRAPH)):
            return
    try:
        with WriterLock(settings.data_dir, "kg serve (upgrade)"), KnowledgeGraph(settings) as kg:
            click.echo("이전 버전이 쓴 데이터를 새 형식으로 옮기는 중…", err=True)
            kg.store  # noqa: B018 (opening the live store upgrades it)
            kg.publish()
    except StoreBusy:
        log.info("data of an older version: the writer at work brings it up to date")


_warming = threading.Lock()


def warm_up_once(app: Any) -> None:
    """warm_up, unless one is running (snapshots published in quick succession)."""
    if _warming.acquire(blocking=False):
        try:
            warm_up(app)
        finally:
            _warming.release()


def warm_up(app: Any) -> None:
    """Fill the caches the first visitor would otherwise wait for: the snapshot's summary,
    the search facet columns (on the 77,000 Assembly and Wikinews records: the first
    home page 6.3 s and the first search 3.9 s cold, 0.1 s once warm), the path view's
    graph of all relation edges (at 100,000 documents: 2–11 s for the first path asked,
    0.5 s after), the entity list's order, and the document dates and order hub entity
    pages use (KnowledgeGraph.doc_order: 2.5 s at 100,000 documents). Run at start and whenever the server opens a newer
    snapshot (KnowledgeGraph.on_snapshot). Last, the pages of the entities in the most
    documents (WARM_PAGES, and the first of each type), whose relation counts and
    meetings the snapshot then keeps (kg.entity.kept): 1–2 s each at 100,000 documents
    on a first visit, 0.2–0.4 s after."""
    try:
        with app.test_client() as c:
            c.get("/")
            c.get("/search?q=" + quote("정책"))
            c.get("/entities")  # the snapshot's entities ranked by documents (0.5 s for 300,000)
        with app.app_context():
            from web.kg_access import get_kg  # noqa: PLC0415

            kg = get_kg()
            kg.path_graph()
            kg.doc_order()  # and the documents' dates
            hubs = hubs_of(kg.summary().docs.most_common(), kg.base)
        with app.test_client() as c:
            for iri in hubs:
                c.get("/" + quote(iri[len(kg.base):], safe="/%"))
    except Exception:  # noqa: BLE001 (a failed warm-up only means a slower first request)
        log.debug("warm-up failed", exc_info=True)


WARM_PAGES = 5


def hubs_of(ranked: list[tuple[str, int]], base: str) -> list[str]:
    """The WARM_PAGES entities in the most documents, then the first of each other type."""
    from kg.read.summary import entity_type  # noqa: PLC0415

    out, types = [], set()
    for iri, _n in ranked:
        t = entity_type(iri, base)
        if t is None:
            continue
        if len(out) < WARM_PAGES or t not in types:
            out.append(iri)
            types.add(t)
    return out
