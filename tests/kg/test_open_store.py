"""open_store picks the graph store the settings name; both stores answer to GraphBackend."""
from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import StoreError
from kg.settings import Settings
from kg.store import GraphBackend, open_store
from kg.store.embedded import GraphStore
from kg.store.remote import RemoteStore


def test_without_an_endpoint_the_embedded_store_opens_in_the_data_directory(tmp_path: Path) -> None:
    settings = Settings.from_env({}, data_dir=tmp_path)
    store = open_store(settings)
    try:
        assert isinstance(store, GraphStore) and isinstance(store, GraphBackend)
        assert store.entity_graph == settings.base_iri + "graph/entities"
        assert store.select_strings("SELECT ?s WHERE { ?s ?p ?o }") == []
    finally:
        store.close()


def test_with_an_endpoint_the_remote_store_answers_to_the_same_interface(tmp_path: Path) -> None:
    settings = Settings.from_env({}, data_dir=tmp_path, sparql_endpoint="http://127.0.0.1:9/query")
    store = open_store(settings, read_only=True)
    assert isinstance(store, RemoteStore) and isinstance(store, GraphBackend)
    assert store.read_only


def test_without_create_a_missing_store_is_an_error_not_a_new_empty_one(tmp_path: Path) -> None:
    """`kg export` of a data directory with nothing ingested says so, and leaves nothing behind."""
    settings = Settings.from_env({}, data_dir=tmp_path)
    with pytest.raises(StoreError, match="kg ingest"):
        open_store(settings, create=False)
    assert not settings.graph_dir.exists()
