"""What the embedded store (embedded.GraphStore) and a remote server (remote.RemoteStore)
do alike, written once in terms of the two methods each implements its own way,
query() and select(). Each store inherits this and implements the rest of
kg.store.GraphBackend itself, so neither borrows the other's methods."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from rdflib import Literal

from kg.store.sparql_text import _iri
from ontology.namespace import KGO

if TYPE_CHECKING:
    from rdflib.query import Result


@dataclass
class PreparedGraph:
    """A document graph made ready for put_graphs: for the embedded store its N-Quads
    text (graph and entity descriptions), for a remote one its triples."""

    iri: str
    payload: object
    triples: int


class StoreQueries:
    """The read queries both stores answer the same way (through query() and select())."""

    def query(self, sparql: str, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> Result:
        raise NotImplementedError

    def select(self, sparql: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    def documents(self) -> list[tuple[str, str | None]]:
        raise NotImplementedError

    def select_results(self, sparql: str) -> list[dict[str, object]]:
        """SELECT through query() (an rdflib Result), as {variable: rdflib term} rows."""
        return [{str(k): v for k, v in row.asdict().items()} for row in self.query(sparql)]

    def has_graph(self, iri: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{_iri(iri)}> {{ ?s ?p ?o }} }}").askAnswer)

    def documents_with_key(self, key: str) -> list[str]:
        """IRIs of the stored documents whose source key is `key` (normally 0 or 1)."""
        q = f"SELECT ?d WHERE {{ GRAPH ?d {{ ?d <{KGO.sourceKey}> {Literal(key).n3()} }} }}"
        return [str(r["d"]) for r in self.select(q)]

    def document_iris(self) -> Iterator[str]:
        for iri, _key in self.documents():
            yield iri

    def stats(self) -> dict[str, object]:
        docs = self.select(f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d a <{KGO.Document}> }} }}")
        triples = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        # the distinct mentioned entities, then their types (in the entity graph, or
        # restated in document graphs written before it): DISTINCT on both sides before
        # the join, as each is stated once per graph
        by_type = self.select(
            f"SELECT ?t (COUNT(?e) AS ?n) WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ GRAPH ?d {{ ?d <{KGO.mentions}> ?e }} }} }} "
            f"{{ SELECT DISTINCT ?e ?t WHERE {{ GRAPH ?x {{ ?e <{KGO.entityType}> ?t }} }} }} }} GROUP BY ?t ORDER BY DESC(?n)"
        )
        return {
            "documents": int(docs[0]["n"]) if docs else 0,
            "triples": int(triples[0]["n"]) if triples else 0,
            "entities": {str(r["t"]): int(r["n"]) for r in by_type},
        }
