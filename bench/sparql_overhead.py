"""What does the endpoint cost on top of the store? The same queries three ways:

  direct   GraphStore.query on the published snapshot, in this process, results
           materialised as the worker does (kg.sparql_exec.execute)
  worker   QueryRunner.run: the query shipped to a worker process and the rows pickled back
  http     GET /sparql on a live `kg serve` (loopback): protocol parsing, the worker,
           serialisation (SPARQL Results JSON / Turtle) and the HTTP round trip

    python bench/sparql_overhead.py                      # ingests corpus/ into a temp dir first
    python bench/sparql_overhead.py --data-dir data -n 50 --json

Prints p50/p95 per query and way, and the overhead of http over direct (p50, ms).
"""
from __future__ import annotations

import argparse
import http.client
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sparql_load import P, QUERIES, ensure_data, percentile, serve  # noqa: E402

from kg.store import snapshots  # noqa: E402
from kg.read.sparql_exec import QueryRunner, execute  # noqa: E402
from kg.store.embedded import GraphStore  # noqa: E402
from web.examples import SPARQL_EXAMPLES  # noqa: E402

MAX_ROWS = 10_000


def cases() -> dict[str, tuple[str, str]]:
    """name → (query, Accept for the HTTP way)."""
    out = {name: (P + q, "text/turtle" if q.startswith("CONSTRUCT") else "application/sparql-results+json")
           for name, q in QUERIES.items()}
    out["all-triples (10k cap)"] = ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json")
    for e in SPARQL_EXAMPLES[:3]:
        out[f"gallery:{e.key}"] = (e.query, "application/sparql-results+json")
    return out


def timed(fn: Callable[[], Any], n: int) -> list[float]:
    fn()  # warm-up
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def stats(ms: list[float]) -> dict[str, float]:
    return {"p50_ms": round(percentile(ms, 0.5), 2), "p95_ms": round(percentile(ms, 0.95), 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="an ingested data directory (default: ingest corpus/ to a temp dir)")
    ap.add_argument("-n", type=int, default=30, help="runs per query and way (default 30)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    a = ap.parse_args(argv)
    data_dir, tmp = ensure_data(a.data_dir)
    results: dict[str, dict[str, Any]] = {}
    try:
        snap = snapshots.current(data_dir)
        if snap is None:
            raise SystemExit(f"no published snapshot in {data_dir}: run `kg ingest` first")
        store = GraphStore(snap, read_only=True)
        runner = QueryRunner(data_dir, workers=1)
        try:
            with serve(data_dir) as base:
                host, port = base.rsplit("//", 1)[1].split(":")
                conn = http.client.HTTPConnection(host, int(port), timeout=60)

                def over_http(q: str, accept: str) -> None:
                    conn.request("GET", "/sparql?" + urlencode({"query": q}), headers={"Accept": accept})
                    r = conn.getresponse()
                    r.read()
                    if r.status != 200:
                        raise SystemExit(f"HTTP {r.status} for {q[:60]}")

                for name, (q, accept) in cases().items():
                    rows = execute(store, q, MAX_ROWS)
                    size = len(rows.rows) if rows.triples is None else len(rows.triples)
                    results[name] = {
                        "rows": size,
                        "direct": stats(timed(lambda: execute(store, q, MAX_ROWS), a.n)),
                        "worker": stats(timed(lambda: runner.run(q, 30, MAX_ROWS), a.n)),
                        "http": stats(timed(lambda: over_http(q, accept), a.n)),
                    }
                    r = results[name]
                    r["overhead_p50_ms"] = round(r["http"]["p50_ms"] - r["direct"]["p50_ms"], 2)
                conn.close()
        finally:
            runner.close()
            store.close()
    finally:
        if tmp is not None:
            tmp.cleanup()
    if a.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    w = max(len(k) for k in results)
    print(f"{'query':<{w}}  {'rows':>5}  {'direct p50/p95':>15}  {'worker p50/p95':>15}  {'http p50/p95':>15}"
          f"  {'overhead p50':>12}")
    for name, r in results.items():
        cells = [f"{r[k]['p50_ms']:6.1f}/{r[k]['p95_ms']:6.1f}" for k in ("direct", "worker", "http")]
        print(f"{name:<{w}}  {r['rows']:>5}  {cells[0]:>15}  {cells[1]:>15}  {cells[2]:>15}"
              f"  {r['overhead_p50_ms']:>9.1f} ms")
    print(f"(ms; {a.n} runs each after a warm-up; direct = GraphStore.query + materialising rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
