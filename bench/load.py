"""Load test of `kg serve` as deployed (waitress), on loopback only.

    python bench/load.py                                 # ingests corpus/ into a temp dir first
    python bench/load.py --data-dir data -c 16 64 -d 20 --hold 1000
    python bench/load.py --dev                           # the same against Werkzeug's server

Starts the real server on a free port of 127.0.0.1, then for each client count N, N
threads with keep-alive connections send a mix of pages for D seconds: search (HTML and
JSON), entity pages, SPARQL queries. Prints requests/s, p50/p95 latency overall and per
kind, and errors (any status but 200, or a failed connection). Then --hold connections
each send half a request and wait, as a slow-loris client would: the server's memory
(RSS) before and with them, its threads, and how long another client waits for
/api/stats meanwhile; then the held requests (a search each) are completed at once: the
peak memory until all are answered, and another client's wait. Exit status 1 on errors under load.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sparql_load import ROOT, ensure_data, free_port, percentile  # noqa: E402

P = "PREFIX kgo: <https://w3id.org/kor-policy-kg/ont#> PREFIX dcterms: <http://purl.org/dc/terms/>\n"

# (kind, path, accept): what visitors and analysts ask most
MIX: list[tuple[str, str, str]] = [
    ("search", "/search?" + urlencode({"q": "산업부 반도체"}), "text/html"),
    ("search", "/search?" + urlencode({"q": "수소 경제"}), "text/html"),
    ("search", "/search.json?" + urlencode({"q": "인공지능"}), "application/json"),
    ("entity", "/id/gov/" + quote("산업통상자원부"), "text/html"),
    ("entity", "/id/company/" + quote("삼성전자"), "text/html"),
    ("sparql", "/sparql?" + urlencode({"query": P + "SELECT ?d ?t WHERE { ?d a kgo:Document ; dcterms:title ?t } "
                                                    "ORDER BY ?t LIMIT 20"}), "application/sparql-results+json"),
    ("sparql", "/sparql?" + urlencode({"query": P + "SELECT ?t (COUNT(DISTINCT ?e) AS ?n) WHERE "
                                                    "{ ?e kgo:entityType ?t } GROUP BY ?t"}), "text/csv"),
]


class Server:
    def __init__(self, proc: subprocess.Popen, port: int) -> None:
        self.proc, self.port = proc, port

    def status(self, key: str) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
        return -1

    def get(self, path: str, timeout: float = 60) -> tuple[int | str, float]:
        """(status or the error's name, seconds) of one request on a new connection."""
        t = time.perf_counter()
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
            c.request("GET", path)
            r = c.getresponse()
            r.read()
            c.close()
            return r.status, time.perf_counter() - t
        except (OSError, http.client.HTTPException) as e:
            return type(e).__name__, time.perf_counter() - t


@contextmanager
def serve(data_dir: Path, dev: bool) -> Iterator[Server]:
    port = free_port()
    env = {**os.environ, "KG_DATA_DIR": str(data_dir), "KG_HOST": "127.0.0.1", "KG_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", *(["--dev"] if dev else [])], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    srv = Server(proc, port)
    try:
        deadline = time.monotonic() + 90
        while srv.get("/api/stats", 5)[0] != 200:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"kg serve did not start (exit {proc.poll()})")
            time.sleep(0.3)
        for kind, path, _accept in MIX:  # the caches a visitor would fill, and the warm-up's
            srv.get(path)
        time.sleep(5)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def load(srv: Server, clients: int, duration: float) -> dict[str, Any]:
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    stop = time.monotonic() + duration
    lock = threading.Lock()

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        i = n
        while time.monotonic() < stop:
            kind, path, accept = MIX[i % len(MIX)]
            i += 1
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": accept})
                r = conn.getresponse()
                r.read()
                status: int | str = r.status
                if r.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
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
    every = [x for xs in lat.values() for x in xs]
    return {
        "clients": clients, "seconds": round(wall, 1), "requests": len(every),
        "requests_per_s": round(len(every) / wall, 1),
        "p50_ms": round(percentile(every, 0.5), 1), "p95_ms": round(percentile(every, 0.95), 1),
        "errors": sum(errors.values()), "errors_by_kind": dict(errors),
        "by_kind": {k: {"n": len(v), "p50_ms": round(percentile(v, 0.5), 1), "p95_ms": round(percentile(v, 0.95), 1)}
                    for k, v in sorted(lat.items())},
        "rss_mb_after": round(srv.status("VmRSS") / 1024),
    }


def hold(srv: Server, n: int) -> dict[str, Any]:
    """n connections that send half a request and wait; what the server spends on them."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < n + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n + 100), hard))
    before = srv.status("VmRSS") / 1024
    socks, refused = [], 0
    for _ in range(n):
        try:
            s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
            s.sendall(b"GET /search?q=%EC%A0%95%EC%B1%85 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            socks.append(s)
        except OSError:
            refused += 1
    try:
        time.sleep(2)
        held_rss = srv.status("VmRSS") / 1024
        threads = srv.status("Threads")
        status, seconds = srv.get("/api/stats", timeout=120)
        out = {"held": len(socks), "refused": refused, "rss_mb_before": round(before),
               "rss_mb_held": round(held_rss), "threads_held": threads,
               "other_client": status, "other_client_s": round(seconds, 2)}
        out.update(release(srv, socks))
        return out
    finally:
        for s in socks:
            s.close()


def release(srv: Server, socks: list[socket.socket]) -> dict[str, Any]:
    """The held requests completed at once (the probe's 250 took Werkzeug to 3.8 GB):
    the peak memory until all are answered, and another client's wait meanwhile."""
    peak, done = 0, threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, srv.status("VmRSS"))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    t0 = time.monotonic()
    for s in socks:
        try:
            s.sendall(b"Connection: close\r\n\r\n")
        except OSError:
            pass
    other = srv.get("/api/stats", timeout=120)
    ok = 0
    for s in socks:
        s.settimeout(120)
        try:
            first = s.recv(16)
            while s.recv(65536):
                pass
            ok += first.startswith(b"HTTP/1.1 200")
        except OSError:
            pass
    done.set()
    sampler.join()
    return {"released_ok": ok, "released_s": round(time.monotonic() - t0, 1), "rss_mb_peak_released": round(peak / 1024),
            "other_client_released": other[0], "other_client_released_s": round(other[1], 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, help="an ingested data directory (default: ingest corpus/ to a temp dir)")
    ap.add_argument("-c", "--clients", type=int, nargs="+", default=[16, 64], help="client counts (default 16 64)")
    ap.add_argument("-d", "--duration", type=float, default=20.0, help="seconds of load per count (default 20)")
    ap.add_argument("--hold", type=int, default=1000, help="held connections afterwards (default 1000; 0: none)")
    ap.add_argument("--dev", action="store_true", help="serve with `kg serve --dev` (Werkzeug) to compare")
    ap.add_argument("--json", action="store_true", help="print JSON")
    a = ap.parse_args(argv)
    data_dir, tmp = ensure_data(a.data_dir)
    try:
        with serve(data_dir, a.dev) as srv:
            runs = [load(srv, n, a.duration) for n in a.clients]
            held = hold(srv, a.hold) if a.hold else None
    finally:
        if tmp is not None:
            tmp.cleanup()
    if a.json:
        print(json.dumps({"server": "werkzeug" if a.dev else "waitress", "runs": runs, "held": held},
                         ensure_ascii=False, indent=2))
    else:
        for r in runs:
            print(f"{r['clients']} clients, {r['seconds']} s: {r['requests']} requests, {r['requests_per_s']} req/s, "
                  f"p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, errors {r['errors']}, RSS {r['rss_mb_after']} MB")
            for k, v in r["by_kind"].items():
                print(f"  {k:<7} n={v['n']:<5} p50 {v['p50_ms']:>7.1f} ms  p95 {v['p95_ms']:>7.1f} ms")
            for k, n in r["errors_by_kind"].items():
                print(f"  error {k}: {n}")
        if held:
            print(f"{held['held']} held connections ({held['refused']} refused): RSS {held['rss_mb_before']} -> "
                  f"{held['rss_mb_held']} MB, {held['threads_held']} threads; another client: "
                  f"{held['other_client']} in {held['other_client_s']} s")
            print(f"  released together: {held['released_ok']} answered 200 in {held['released_s']} s, peak RSS "
                  f"{held['rss_mb_peak_released']} MB; another client meanwhile: {held['other_client_released']} "
                  f"in {held['other_client_released_s']} s")
    return 1 if any(r["errors"] for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
