"""Time a hub entity's page (산업통상자원부) after the server's warm-up, as a visitor
after a publish sees it (app.serving.warm_up runs at start and at each new snapshot).

Run: .venv/bin/python bench/hub_page.py DATA_DIR [PAGE_PATH]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import quote

from app.cli import _warm_up
from kg.settings import Settings
from web import create_app


def main(argv: list[str]) -> int:
    settings = Settings.from_env({}, data_dir=Path(argv[0]))
    app = create_app(settings, query_workers=0)
    client = app.test_client()
    t = time.perf_counter()
    _warm_up(app)
    print(f"warm-up: {(time.perf_counter() - t) * 1000:.0f} ms")
    path = argv[1] if len(argv) > 1 else "/id/gov/" + quote("산업통상자원부")
    for visit in ("first", "second"):
        t = time.perf_counter()
        r = client.get(path)
        print(f"{visit} visit of {path}: HTTP {r.status_code}, {(time.perf_counter() - t) * 1000:.0f} ms")
    app.extensions["kg"].close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
