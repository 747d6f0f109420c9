"""Load test of the SPARQL endpoint and the linked-data/JSON API, on loopback only.

    python bench/sparql_load.py                          # ingests corpus/ into a temp dir first
    python bench/sparql_load.py --data-dir data -c 16 -d 20
    python bench/sparql_load.py --json

Starts the real server (`kg serve`, the same process a deployment runs: waitress,
SPARQL in worker processes under the time limit) on a free port of
127.0.0.1, then N client threads with keep-alive connections send a fixed mix of
requests for D seconds. Each client connects from its own loopback address
(127.0.0.10, .11, …): the server shares its SPARQL workers per client address
(kg.query_queue), and N threads from one address would be one client over its share. Prints requests/s, p50/p95/p99 latency overall and per kind,
and errors (any status but 200, or a failed connection). Exit status 1 on errors.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from web.examples import SPARQL_EXAMPLES  # noqa: E402

P = ("PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#> PREFIX dcterms: <http://purl.org/dc/terms/> "
     "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n")
QUERIES = {
    "ask": "ASK { ?s a kgo:Document }",
    "titles": "SELECT ?d ?t WHERE { ?d a kgo:Document ; dcterms:title ?t } ORDER BY ?t LIMIT 20",
    "count-by-type": "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kgo:entityType ?t } GROUP BY ?t",
    "labels": 'SELECT DISTINCT ?e ?l WHERE { ?e skos:prefLabel ?l FILTER(lang(?l) = "ko") } LIMIT 200',
    "construct": "CONSTRUCT { ?d dcterms:title ?t } WHERE { ?d a kgo:Document ; dcterms:title ?t }",
}


def _sparql(name: str, accept: str, post: bool = False) -> tuple[str, str, str, bytes | None, str]:
    q = P + QUERIES[name]
    if post:
        return (f"{name} (POST)", "POST", "/sparql", urlencode({"query": q}).encode(), accept)
    return (name, "GET", "/sparql?" + urlencode({"query": q}), None, accept)


# (kind, method, path, body, accept): a mix of protocol forms, formats and API calls
MIX: list[tuple[str, str, str, bytes | None, str]] = [
    _sparql("ask", "application/sparql-results+json"),
    _sparql("titles", "application/sparql-results+json"),
    _sparql("titles", "text/csv", post=True),
    _sparql("count-by-type", "application/sparql-results+xml"),
    _sparql("labels", "text/tab-separated-values"),
    _sparql("construct", "text/turtle"),
    *[(f"gallery:{e.key}", "GET", "/sparql?" + urlencode({"query": e.query}), None, "application/json")
      for e in SPARQL_EXAMPLES[:4]],
    ("linked: entity .ttl", "GET", "/id/gov/" + quote("산업통상자원부") + ".ttl", None, "*/*"),
    ("linked: entity jsonld", "GET", "/id/company/" + quote("삼성전자"), None, "application/ld+json"),
    ("api: search", "GET", "/api/search?" + urlencode({"q": "산업부 반도체"}), None, "application/json"),
    ("api: stats", "GET", "/api/stats", None, "application/json"),
    ("api: lookup", "GET", "/api/lookup?" + urlencode({"q": "산업"}), None, "application/json"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_data(data_dir: Path | None) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    """An ingested data directory: the one given, or the sample corpus in a temp dir."""
    if data_dir is not None:
        return data_dir, None
    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    path = Path(tmp.name)
    done = subprocess.run([sys.executable, "-m", "kg", "ingest", str(ROOT / "corpus"), "--data-dir", str(path)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"kg ingest failed:\n{done.stdout}{done.stderr}")
    return path, tmp


@contextmanager
def serve(data_dir: Path, timeout: float | None = None, max_rows: int | None = None) -> Iterator[str]:
    """`kg serve` on a free loopback port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_HOST": "127.0.0.1", "KG_PORT": str(port)}
    if timeout:
        env["KG_QUERY_TIMEOUT"] = str(timeout)
    if max_rows:
        env["KG_MAX_ROWS"] = str(max_rows)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                c.request("GET", "/sparql?query=ASK%7B%7D")
                if c.getresponse().status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"kg serve did not start (exit {proc.poll()})")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def percentile(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def load(base: str, clients: int, duration: float) -> dict[str, Any]:
    host, port = base.rsplit("//", 1)[1].split(":")
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    stop = time.monotonic() + duration
    lock = threading.Lock()

    def client(n: int) -> None:
        source = (f"127.0.0.{10 + n % 240}", 0)
        conn = http.client.HTTPConnection(host, int(port), timeout=60, source_address=source)
        i = n
        while time.monotonic() < stop:
            kind, method, path, body, accept = MIX[i % len(MIX)]
            i += 1
            headers = {"Accept": accept}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            t = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                r.read()
                status = r.status
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=60, source_address=source)
            ms = (time.perf_counter() - t) * 1000
            with lock:
                lat[kind].append(ms)
                if status != 200:
                    errors[f"{kind}: {status}"] += 1
        conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - t0
    everything = [x for xs in lat.values() for x in xs]
    return {
        "clients": clients, "seconds": round(wall, 2), "requests": len(everything),
        "requests_per_s": round(len(everything) / wall, 1),
        "p50_ms": round(percentile(everything, 0.5), 1), "p95_ms": round(percentile(everything, 0.95), 1),
        "p99_ms": round(percentile(everything, 0.99), 1), "errors": sum(errors.values()),
        "errors_by_kind": dict(errors),
        "by_kind": {k: {"n": len(v), "p50_ms": round(percentile(v, 0.5), 1), "p95_ms": round(percentile(v, 0.95), 1)}
                    for k, v in sorted(lat.items())},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="an ingested data directory (default: ingest corpus/ to a temp dir)")
    ap.add_argument("-c", "--clients", type=int, default=8, help="client threads (default 8)")
    ap.add_argument("-d", "--duration", type=float, default=10.0, help="seconds of load (default 10)")
    ap.add_argument("--json", action="store_true", help="print JSON")
    a = ap.parse_args(argv)
    data_dir, tmp = ensure_data(a.data_dir)
    try:
        with serve(data_dir) as base:
            res = load(base, a.clients, a.duration)
    finally:
        if tmp is not None:
            tmp.cleanup()
    if a.json:
        print(json.dumps(res, ensure_ascii=False, indent=2))
    else:
        print(f"{res['clients']} clients, {res['seconds']} s: {res['requests']} requests, "
              f"{res['requests_per_s']} req/s, p50 {res['p50_ms']} ms, p95 {res['p95_ms']} ms, "
              f"p99 {res['p99_ms']} ms, errors {res['errors']}")
        w = max(len(k) for k in res["by_kind"])
        for k, v in res["by_kind"].items():
            print(f"  {k:<{w}}  n={v['n']:<5} p50 {v['p50_ms']:>7.1f} ms  p95 {v['p95_ms']:>7.1f} ms")
        for k, n in res["errors_by_kind"].items():
            print(f"  error {k}: {n}")
    return 1 if res["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
