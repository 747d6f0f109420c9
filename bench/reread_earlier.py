"""Cost of reading documents of earlier runs again for names a run learns (kg/write/reread.py).

    python bench/reread_earlier.py 1000 0 0 1000    # KG_REREAD_MAX per measurement, in this order

On the sample corpus: run 1 ingests all but the two releases that quote alliance names
(37-…, 41-…), run 2 ingests those two and is timed, with the step on (a cap > 0) or off
(0), each into a new temporary data directory, NLP in this process (workers=1).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.read.graph import KnowledgeGraph  # noqa: E402
from kg.settings import Settings  # noqa: E402
from kg.write.pipeline import ingest_paths  # noqa: E402


def main(caps: list[int]) -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        first, second = tmp / "first", tmp / "second"
        first.mkdir()
        second.mkdir()
        for p in (ROOT / "corpus").iterdir():
            shutil.copy(p, (second if p.name.startswith(("37-", "41-")) else first) / p.name)
        for n, cap in enumerate(caps):
            s = Settings(data_dir=tmp / f"data{n}", base_iri="http://127.0.0.1:5000/", reread_max=cap)
            with KnowledgeGraph(s) as kg:
                ingest_paths(kg, [first], workers=1)
                t, c = time.perf_counter(), time.process_time()
                r = ingest_paths(kg, [second], workers=1)
                print(f"KG_REREAD_MAX={cap}: run 2 {time.perf_counter() - t:.2f} s wall, "
                      f"{time.process_time() - c:.2f} s CPU; earlier documents read again: {r.reread_earlier}")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 0])
