"""Graph storage behind one interface, as kg/search has SearchBackend + open_index:

    from kg.store import open_store
    store = open_store(settings)            # KG_SPARQL_ENDPOINT set: a remote server

`GraphBackend` is what the embedded Oxigraph store (embedded.GraphStore) and a remote
SPARQL 1.1 server (remote.RemoteStore, its HTTP side in sparql_http) both implement, the
queries they answer alike written once (base.StoreQueries), so no caller needs to ask
which one it holds. Beside them: published snapshots,
the writer lock, export/import (transfer) and the SPARQL text checks both share
(sparql_text). Nothing heavy is imported here, so `from kg.store import snapshots` stays
cheap for the CLI.
"""
from __future__ import annotations

from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Iterable, Iterator, Protocol, runtime_checkable

if TYPE_CHECKING:
    from rdflib.query import Result

    from kg.settings import Settings

__all__ = ["GraphBackend", "open_store"]


@runtime_checkable
class GraphBackend(Protocol):
    """A quad store the facade (kg.read.graph) and the pipeline (kg.write.pipeline) can
    use without knowing which one it is."""

    read_only: bool
    frozen: bool  # its data never changes (a published snapshot): what is read from it may be kept

    def close(self) -> None: ...
    def query(self, sparql: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Result: ...
    def select(self, sparql: str) -> list[dict[str, Any]]: ...
    def select_strings(self, sparql: str) -> list[dict[str, str]]: ...
    def has_graph(self, iri: str) -> bool: ...
    def documents_with_key(self, key: str) -> list[str]: ...
    def document_iris(self) -> Iterator[str]: ...
    def documents(self) -> list[tuple[str, str | None]]: ...
    def put_graph(self, graph_iri: str, triples: Iterable[tuple], described: Iterable[tuple] = ()) -> int: ...
    def prepare_graph(self, graph_iri: str, triples: Iterable[tuple], described: Iterable[tuple] = ()) -> Any: ...
    def put_graphs(self, graphs: list[Any]) -> None: ...
    def replace_graph(self, graph: Any) -> None: ...
    def put_gazetteer(self, triples: Iterable[tuple]) -> None: ...
    def remove_graph(self, graph_iri: str) -> None: ...
    def collect_orphans(self) -> None: ...
    def leftover_graphs(self, prefix: str) -> set[str]: ...
    def optimize(self) -> None: ...
    def upgrade(self) -> bool: ...
    def stats(self) -> dict[str, object]: ...
    # kg.store.transfer (`kg export`, `kg import`): each store moves quads its own way
    import_chunk: int
    def dump_nquads(self, out: IO[bytes]) -> int: ...
    def add_quads(self, quads: list[Any], replace: Iterable[str] = ()) -> int: ...


def open_store(settings: Settings, *, read_only: bool = False, create: bool = True,
               path: Path | str | None = None) -> GraphBackend:
    """The store the settings name: a remote server when KG_SPARQL_ENDPOINT is set, else
    the embedded Oxigraph store at `path` (a published snapshot, opened read-only) or at
    the data directory's live store (settings.graph_dir), with its shared entity graph;
    `create=False`: a StoreError rather than a new empty store where there is none."""
    if settings.sparql_endpoint:
        from kg.store.remote import RemoteStore  # noqa: PLC0415

        return RemoteStore.from_settings(settings, read_only=read_only)
    from kg.store.embedded import GraphStore  # noqa: PLC0415
    from ontology.iris import ENTITY_GRAPH  # noqa: PLC0415

    if read_only:
        return GraphStore(path or settings.graph_dir, read_only=True)
    return GraphStore(path or settings.graph_dir, create=create, entity_graph=settings.base_iri + ENTITY_GRAPH)
