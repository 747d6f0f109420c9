"""How fast do document graphs go into the on-disk Oxigraph store?

Compares GraphStore.put_graphs (what ingest uses: N-Quads through Oxigraph's bulk loader,
kg.store.BULK_DOCS documents a call), GraphStore.put_graph (N-Quads parsed by Oxigraph,
one transaction per document), rdflib's Dataset.addN per document, and adding triples
one at a time through rdflib. Wall seconds: the bulk loader uses more than one thread.
Run: .venv/bin/python bench/store_write.py [--docs 1000] [--triples 370]
"""
from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from rdflib import Literal, URIRef

from kg.store.embedded import GraphStore


def doc_triples(d: int, n: int) -> list[tuple]:
    base = f"http://example.org/id/doc/{d:08d}"
    return [(URIRef(f"{base}#m{i}"), URIRef("http://example.org/p" + str(i % 7)), Literal(f"값 {d} {i}"))
            for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--triples", type=int, default=370, help="per document (the generated news average)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    try:
        docs = [doc_triples(d, a.triples) for d in range(a.docs)]
        total = a.docs * a.triples
        with GraphStore(tmp / "bulkload") as s:
            t = time.perf_counter()
            s.put_graphs([s.prepare_graph(f"http://example.org/id/doc/{d:08d}", tr) for d, tr in enumerate(docs)])
            s.optimize()
            loader = time.perf_counter() - t
        with GraphStore(tmp / "bulk") as s:
            t = time.perf_counter()
            for d, tr in enumerate(docs):
                s.put_graph(f"http://example.org/id/doc/{d:08d}", tr)
            bulk = time.perf_counter() - t
        with GraphStore(tmp / "addn") as s:
            t = time.perf_counter()
            for d, tr in enumerate(docs):
                g = s.ds.graph(URIRef(f"http://example.org/id/doc/{d:08d}"))
                s.ds.addN((*triple, g) for triple in tr)
            addn = time.perf_counter() - t
        with GraphStore(tmp / "single") as s:
            t = time.perf_counter()
            for d, tr in enumerate(docs):
                g = s.ds.graph(URIRef(f"http://example.org/id/doc/{d:08d}"))
                for triple in tr:
                    g.add(triple)
            single = time.perf_counter() - t
        print(f"{'method':28s} {'seconds':>8s} {'triples/s':>12s}")
        print(f"{'put_graphs (bulk loader)':28s} {loader:8.2f} {total / loader:12,.0f}")
        print(f"{'put_graph (N-Quads load)':28s} {bulk:8.2f} {total / bulk:12,.0f}")
        print(f"{'rdflib addN per document':28s} {addn:8.2f} {total / addn:12,.0f}")
        print(f"{'one triple at a time':28s} {single:8.2f} {total / single:12,.0f}")
        print(f"the bulk loader is {bulk / loader:.1f}x faster than a transaction per document, "
              f"{single / loader:.1f}x faster than one triple at a time ({a.docs} documents x {a.triples} triples)")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
