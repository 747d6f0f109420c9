"""Server-side latency of the main web pages: p50 and p95 in milliseconds.

    python bench/web_latency.py                      # ingests corpus/ into a temp dir first
    python bench/web_latency.py --data-dir data      # an existing data directory
    python bench/web_latency.py -n 50 --json         # more requests, machine-readable
    python bench/web_latency.py --data-dir /tmp/kg-bench/data-10000-… --generated --budget 1000
                                                     # a data directory bench/run.py --keep left

Each page is requested N times (after one warm-up request) with the Flask test client,
through the same app `kg serve` runs (SPARQL in worker processes, the published
snapshot of the store). Target from the issue: every page under 200 ms on the sample
corpus. The exit status is 1 when a page's p95 is over --budget.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]

PAGES = [
    ("home", "/"),
    ("search", "/search?q=" + quote("산업부 자율제조")),
    ("search+facet", "/search?q=" + quote("반도체") + "&type=COMPANY&from=2023&sort=date"),
    ("search: short name", "/search?q=" + quote("삼성")),  # + 삼성전자, 삼성SDI … (kg/search/expand.py)
    ("search: entity card", "/search?q=" + quote("삼성전자")),
    ("search: misspelled", "/search?q=" + quote("산업퉁상자원부")),  # suggestions (kg/read/suggest.py)
    ("search.json", "/search.json?q=" + quote('"AI 자율제조"')),
    ("search.csv", "/search.csv?q=" + quote("산업부")),
    ("entities", "/entities?q=" + quote("산업")),
    ("entity list", "/entities"),
    ("entity list: people", "/entities?type=PERSON"),
    ("entity: ministry", "/id/gov/" + quote("산업통상자원부")),
    ("entity.json: ministry", "/id/gov/" + quote("산업통상자원부") + ".json"),
    ("entity: company", "/id/company/" + quote("마키나락스")),
    ("entity: initiative", "/id/initiative/" + quote("AI_자율제조_얼라이언스")),
    ("document", None),  # filled in from the first search hit
    ("network", "/id/gov/" + quote("산업통상자원부") + "/network"),
    ("network.json", "/id/company/" + quote("마키나락스") + "/network.json"),
    ("network: 3 expanded", "/id/gov/" + quote("산업통상자원부") + "/network?" + "&".join(
        "expand=" + quote(p) for p in ["/id/person/안덕근", "/id/initiative/수소경제_활성화_로드맵", "/id/company/삼성전자"])),
    ("network.graphml", "/id/gov/" + quote("산업통상자원부") + "/network.graphml"),
    ("path", "/path?from=" + quote("마키나락스") + "&to=" + quote("산업통상자원부")),
    ("query: example", "/query?example=initiatives-per-ministry"),
    ("stats", "/stats"),
    ("api page", "/api"),
    ("calendar", "/calendar"),
    ("calendar.ics", "/calendar.ics"),
    ("saved views", "/saved"),
    ("watched sources", "/watch"),
]


def ingest(corpus: Path, data_dir: Path) -> float:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "kg", "ingest", str(corpus), "--data-dir", str(data_dir)],
                       cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"kg ingest failed:\n{p.stdout}\n{p.stderr}")
    return time.perf_counter() - t0


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    k = (len(xs) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, help="an ingested data directory (default: ingest corpus/ into a temp dir)")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("-n", type=int, default=20, help="timed requests per page")
    ap.add_argument("--budget", type=float, default=200.0, help="p95 target in ms")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--generated", action="store_true",
                    help="the data directory holds bench/corpus.py's generated corpus (bench/run.py --keep): "
                         "ask for its most mentioned entities instead of the sample corpus's")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    pages = PAGES
    if args.generated:
        sys.path.insert(0, str(ROOT / "bench"))
        import corpus  # noqa: PLC0415
        import measure  # noqa: PLC0415

        measure.TOP.update(corpus.head())  # the entities bench/run.py asks for
        pages = measure.web_pages(PAGES)

    tmp = None
    if args.data_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
        args.data_dir = Path(tmp.name)
        secs = ingest(args.corpus, args.data_dir)
        print(f"ingested {args.corpus} in {secs:.1f}s", file=sys.stderr)

    from kg.settings import Settings  # noqa: PLC0415
    from web import create_app  # noqa: PLC0415

    settings = Settings.from_env(data_dir=str(args.data_dir))
    app = create_app(settings)
    client = app.test_client()
    results = []
    try:
        first = client.get("/search.json?q=" + quote("산업부")).get_json()
        doc_page = first["hits"][0]["page"] if first and first.get("hits") else None
        for name, url in pages:
            url = url or doc_page
            if url is None:
                continue
            r = client.get(url)  # warm-up (first Kiwi call, caches)
            status = r.status_code
            r.close()
            times = []
            for _ in range(args.n):
                t0 = time.perf_counter()
                r = client.get(url)
                r.get_data()
                times.append((time.perf_counter() - t0) * 1000)
                r.close()
            results.append({"page": name, "url": url, "status": status, "n": args.n,
                            "p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1),
                            "max_ms": round(max(times), 1)})
    finally:
        app.extensions["kg"].close()
        if tmp is not None:
            tmp.cleanup()
    over = [r for r in results if r["p95_ms"] > args.budget or r["status"] != 200]
    if args.json:
        print(json.dumps({"budget_ms": args.budget, "pages": results}, ensure_ascii=False, indent=2))
    else:
        width = max(len(r["page"]) for r in results)
        print(f"{'page':<{width}}  status    p50 ms    p95 ms    max ms")
        for r in results:
            flag = "  ← over budget" if r in over else ""
            print(f"{r['page']:<{width}}  {r['status']:>6}  {r['p50_ms']:>8.1f}  {r['p95_ms']:>8.1f}  {r['max_ms']:>8.1f}{flag}")
        print(f"\n{len(results) - len(over)}/{len(results)} pages within p95 < {args.budget:.0f} ms ({args.n} requests each)")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
