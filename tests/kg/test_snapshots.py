"""Readers see published snapshots: consistent, and never blocked by the writer."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kg.errors import StoreError
from kg.graph import KnowledgeGraph
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
