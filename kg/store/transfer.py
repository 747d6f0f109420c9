"""Move a whole graph between backends: `kg export` / `kg import` (N-Quads, streaming).

Export never holds the dataset in memory; each store writes itself out (dump_nquads)
and takes a chunk of parsed quads in (add_quads), as kg.store.GraphBackend says.
Import parses the input as a stream and writes it in chunks; each named graph in the
input replaces the graph of that name (dropped when first seen), other graphs stay.
"""
from __future__ import annotations

from typing import IO

import pyoxigraph as ox

from core.errors import StoreError
from kg.store import GraphBackend


def export_nquads(store: GraphBackend, out: IO[bytes]) -> int:
    """Write the whole dataset as N-Quads without holding it in memory; returns the quad
    count (each store's dump_nquads: Oxigraph's own dump, or a remote server's graphs)."""
    n = store.dump_nquads(out)
    out.flush()
    return n


def import_nquads(store: GraphBackend, source: IO[bytes], chunk: int | None = None) -> tuple[int, int]:
    """Load N-Quads from `source`, streaming, in chunks (the store's import_chunk); each
    named graph in the input replaces the graph of that name in `store` (dropped when
    first seen), other graphs stay. Returns (quads, graphs)."""
    if store.read_only:
        raise StoreError("읽기 전용 저장소에는 가져올 수 없습니다 (cannot import into a read-only store)")
    if chunk is None:
        chunk = store.import_chunk
    seen: set[str] = set()
    batch: list[ox.Quad] = []
    n = 0

    def flush() -> None:
        new = [g.value for g in dict.fromkeys(q.graph_name for q in batch)
               if isinstance(g, ox.NamedNode) and g.value not in seen]
        seen.update(new)
        store.add_quads(batch, replace=new)
        batch.clear()

    try:
        for quad in ox.parse(source, format=ox.RdfFormat.N_QUADS):
            batch.append(quad)
            n += 1
            if len(batch) >= chunk:
                flush()
    except SyntaxError as e:
        raise StoreError(f"입력이 올바른 N-Quads가 아닙니다. 오류 앞의 쿼드 {n - len(batch)}개는 가져왔습니다 (the input "
                         f"is not valid N-Quads; {n - len(batch)} quads before the error were imported): {e}") from e
    if batch:
        flush()
    return n, len(seen)
