"""Time every query of the SPARQL gallery (web/examples.py) on a data directory, as the
/query page runs it: on the published snapshot, in a query worker, with the product's
time limit (KG_QUERY_TIMEOUT, default 10 s; --timeout to change it).

Run: .venv/bin/python bench/gallery.py DATA_DIR [--timeout S]

Prints, per example, the first and second run in ms and the rows (or TIME-OUT).
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from core.errors import QueryTimeout
from kg.read.graph import KnowledgeGraph
from kg.settings import Settings
from kg.read.sparql_exec import QueryRunner
from web.examples import SPARQL_EXAMPLES


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--timeout", type=float, default=None, help="time limit per query, s (default: the setting)")
    a = ap.parse_args()
    settings = Settings.from_env(data_dir=str(a.data_dir))
    if a.timeout:
        settings = settings.with_(query_timeout=a.timeout)
    runner = QueryRunner(a.data_dir, workers=1)
    slow = 0
    try:
        with KnowledgeGraph(settings, read_only=True, runner=runner) as kg:
            print(f"{a.data_dir}: {kg.stats()['documents']:,} documents, limit {settings.query_timeout:g} s")
            for ex in SPARQL_EXAMPLES:
                times, rows = [], None
                for _ in range(2):
                    t = time.perf_counter()
                    try:
                        res = kg.sparql(ex.query)
                    except QueryTimeout:
                        times.append(None)
                        break
                    times.append((time.perf_counter() - t) * 1000)
                    rows = len(res.rows) if res.kind == "SELECT" else len(res.graph) if res.graph is not None else 1
                shown = " / ".join("TIME-OUT" if ms is None else f"{ms:,.0f}" for ms in times)
                slow += times[-1] is None
                print(f"  {ex.key:36s} {shown:>20s} ms  {'' if rows is None else f'{rows:,} rows'}", flush=True)
    finally:
        runner.close()
    print(f"{slow} of {len(SPARQL_EXAMPLES)} over the limit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
