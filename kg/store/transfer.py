"""Move a whole graph between backends: `kg export` / `kg import` (N-Quads, streaming).

Export never holds the dataset in memory: the embedded store is written by Oxigraph's
own dump (one consistent read snapshot), a remote server by RemoteStore.dump_nquads.
Import parses the input as a stream and writes it in chunks; each named graph in the
input replaces the graph of that name (dropped when first seen), other graphs stay.
"""
from __future__ import annotations

import io
from typing import IO

import pyoxigraph as ox

from core.errors import StoreError
from kg.store.remote import GSP_CHUNK, RemoteStore
from kg.store.embedded import GraphStore

EMBEDDED_CHUNK = 10_000  # quads per Oxigraph transaction


class _LineCounter(io.RawIOBase):
    """A write-through binary stream that counts lines (one N-Quads statement each)."""

    def __init__(self, out: IO[bytes]) -> None:
        super().__init__()
        self.out, self.lines = out, 0

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:  # type: ignore[override]
        data = bytes(b)
        self.lines += data.count(b"\n")
        self.out.write(data)
        return len(data)


def export_nquads(store: GraphStore | RemoteStore, out: IO[bytes]) -> int:
    """Write the whole dataset as N-Quads without holding it in memory; returns the quad
    count. Embedded: Oxigraph's own dump (one consistent read snapshot)."""
    if isinstance(store, RemoteStore):
        n = store.dump_nquads(out)
    else:
        counter = _LineCounter(out)
        try:
            store.oxigraph.dump(counter, format=ox.RdfFormat.N_QUADS)
        except OSError as e:
            raise StoreError(f"내보내지 못했습니다 (export failed: {e})") from e
        n = counter.lines
    out.flush()
    return n


def import_nquads(store: GraphStore | RemoteStore, source: IO[bytes], chunk: int | None = None) -> tuple[int, int]:
    """Load N-Quads from `source`, streaming, in chunks; each named graph in the input
    replaces the graph of that name in `store` (dropped when first seen), other graphs
    stay. Returns (quads, graphs)."""
    if isinstance(store, GraphStore) and store.read_only:
        raise StoreError("읽기 전용 스냅숏에는 가져올 수 없습니다 (cannot import into a read-only snapshot)")
    if chunk is None:
        chunk = EMBEDDED_CHUNK if not isinstance(store, RemoteStore) else GSP_CHUNK if store.graph_store else store.chunk
    seen: set[str] = set()
    batch: list[ox.Quad] = []
    n = 0

    def flush() -> None:
        new = [g.value for g in dict.fromkeys(q.graph_name for q in batch)
               if isinstance(g, ox.NamedNode) and g.value not in seen]
        seen.update(new)
        if isinstance(store, RemoteStore):
            store.add_quads(batch, replace=new)
        else:
            for g in new:
                store.remove_graph(g)
            store.untracked_write()  # kg.summary counts the store afresh at the next publish
            try:
                store.oxigraph.extend(batch)  # one transaction per chunk
            except OSError as e:
                raise StoreError(f"가져오지 못했습니다 (import failed: {e})") from e
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
