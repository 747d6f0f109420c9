"""Readers see published snapshots: consistent, and never blocked by the writer."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from core.errors import StoreError
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings

EX = "http://example.org/"


def test_reader_sees_only_published_data_and_follows_new_snapshots(tmp_path) -> None:
    settings = Settings(data_dir=tmp_path)
    writer = KnowledgeGraph(settings)
    reader = KnowledgeGraph(settings, read_only=True)
    with pytest.raises(StoreError, match="kg ingest"):
        reader.sparql("ASK { ?s ?p ?o }")
    writer.store.put_graph(EX + "g1", [(URIRef(EX + "a"), URIRef(EX + "p"), Literal(1))])
    writer.publish()
    assert reader.sparql("ASK { <http://example.org/a> ?p ?o }").boolean
    # an unpublished write is invisible, the writer keeps its lock, the reader is not blocked
    writer.store.put_graph(EX + "g2", [(URIRef(EX + "b"), URIRef(EX + "p"), Literal(2))])
    assert not reader.sparql("ASK { <http://example.org/b> ?p ?o }").boolean
    writer.publish()
    assert reader.sparql("ASK { <http://example.org/b> ?p ?o }").boolean
    # a reader cannot write
    with pytest.raises(StoreError, match="read-only"):
        reader.store.put_graph(EX + "g3", [])
    writer.close()
    reader.close()


def _publish_some(writer: KnowledgeGraph, start: int, n: int) -> None:
    for i in range(start, start + n):
        writer.store.put_graph(EX + f"g{i}", [(URIRef(EX + f"s{i}"), URIRef(EX + "p"), Literal(i))])
        writer.publish()


def test_superseded_snapshots_are_deleted_after_the_grace_time(tmp_path, monkeypatch) -> None:
    """A long ingest publishes many snapshots; each pins store files the writer has since
    compacted away, so they must not pile up on disk."""
    from kg.store import snapshots

    settings = Settings(data_dir=tmp_path, query_timeout=0.001)
    writer = KnowledgeGraph(settings)
    reader = KnowledgeGraph(settings, read_only=True)
    _publish_some(writer, 0, 5)
    root = snapshots.snapshot_root(tmp_path)
    # within the grace time they stay: a reader may be in the middle of a query on them
    assert len([p for p in root.iterdir() if p.is_dir()]) == 5
    assert reader.sparql("ASK { <http://example.org/s4> ?p ?o }").boolean
    monkeypatch.setattr(snapshots, "GRACE_SECONDS", 0.0)
    _publish_some(writer, 5, 1)
    left = sorted(p.name for p in root.iterdir() if p.is_dir())
    assert len(left) == snapshots.KEEP and snapshots.current(tmp_path).name == left[-1]
    assert reader.sparql("ASK { <http://example.org/s5> ?p ?o }").boolean  # the reader moved on
    writer.close()
    reader.close()


def test_a_reader_clears_what_an_ended_ingest_left(tmp_path, monkeypatch) -> None:
    from kg.store import snapshots

    settings = Settings(data_dir=tmp_path, query_timeout=0.001)
    with KnowledgeGraph(settings) as writer:
        _publish_some(writer, 0, 4)
    root = snapshots.snapshot_root(tmp_path)
    assert len([p for p in root.iterdir() if p.is_dir()]) == 4
    monkeypatch.setattr(snapshots, "GRACE_SECONDS", 0.0)  # as if the grace time had passed
    reader = KnowledgeGraph(settings, read_only=True)
    assert reader.sparql("ASK { <http://example.org/s3> ?p ?o }").boolean
    assert len([p for p in root.iterdir() if p.is_dir()]) == snapshots.KEEP
    reader.close()
