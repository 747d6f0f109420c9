"""Is the SPARQL endpoint fair? Slow clients flood it while one client asks quick ones.

    python bench/sparql_fairness.py                      # ingests corpus/ into a temp dir first
    python bench/sparql_fairness.py --data-dir data --slow 4 -d 20 --timeout 2

Starts `kg serve` on loopback (bench/sparql_load.serve) with a short time limit, then
--slow clients, each from its own loopback address, send a query that runs until the
time limit stops it, again and again; one more client (its own address) sends a quick
ASK every 0.2 s. Prints the quick client's p50/p95 and errors, and what the slow
clients got (their queries end in 503: stopped at the limit, or refused with
Retry-After). Before the fair shares of kg.query_queue, four slow clients made every
other client's query 503. Exit status 1 if a quick query failed.
"""
from __future__ import annotations

import argparse
import http.client
import json
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sparql_load import ensure_data, percentile, serve  # noqa: E402

SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }")  # every 4-tuple of triples
QUICK = "ASK { ?s ?p ?o }"


def get(base: str, source: str, query: str) -> tuple[int, float, str]:
    host, port = base.rsplit("//", 1)[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=120, source_address=(source, 0))
    t = time.perf_counter()
    try:
        conn.request("GET", "/sparql?" + urlencode({"query": query}),
                     headers={"Accept": "application/sparql-results+json"})
        r = conn.getresponse()
        r.read()
        return r.status, (time.perf_counter() - t) * 1000, r.getheader("Retry-After") or ""
    except (OSError, http.client.HTTPException) as e:
        return 0, (time.perf_counter() - t) * 1000, type(e).__name__
    finally:
        conn.close()


def run(base: str, slow_clients: int, duration: float) -> dict:
    stop = threading.Event()
    slow: Counter[str] = Counter()

    def flood(n: int) -> None:
        while not stop.is_set():
            status, _ms, retry = get(base, f"127.0.0.{10 + n}", SLOW)
            slow[f"{status}{' Retry-After' if retry else ''}"] += 1

    floods = [threading.Thread(target=flood, args=(n,)) for n in range(slow_clients)]
    for t in floods:
        t.start()
    quick: list[tuple[int, float]] = []
    end = time.monotonic() + duration
    while time.monotonic() < end:
        status, ms, _ = get(base, "127.0.0.250", QUICK)
        quick.append((status, ms))
        time.sleep(0.2)
    stop.set()
    for t in floods:
        t.join()
    ok = [ms for s, ms in quick if s == 200]
    return {"slow_clients": slow_clients, "seconds": duration, "quick_requests": len(quick),
            "quick_errors": len(quick) - len(ok), "quick_p50_ms": round(percentile(ok, 0.5), 1),
            "quick_p95_ms": round(percentile(ok, 0.95), 1), "quick_max_ms": round(max(ok, default=0), 1),
            "slow_outcomes": dict(slow)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="an ingested data directory (default: ingest corpus/ to a temp dir)")
    ap.add_argument("--slow", type=int, default=4, help="slow clients (default 4)")
    ap.add_argument("-d", "--duration", type=float, default=15.0, help="seconds (default 15)")
    ap.add_argument("--timeout", type=float, default=2.0, help="KG_QUERY_TIMEOUT of the server (default 2 s)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    a = ap.parse_args(argv)
    data_dir, tmp = ensure_data(a.data_dir)
    try:
        with serve(data_dir, timeout=a.timeout) as base:
            res = run(base, a.slow, a.duration)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print(f"{res['slow_clients']} slow clients, {res['seconds']:g} s, time limit {a.timeout:g} s")
        print(f"quick client: {res['quick_requests']} requests, {res['quick_errors']} errors, "
              f"p50 {res['quick_p50_ms']} ms, p95 {res['quick_p95_ms']} ms, max {res['quick_max_ms']} ms")
        print(f"slow clients: {res['slow_outcomes']}")
    return 1 if res["quick_errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
