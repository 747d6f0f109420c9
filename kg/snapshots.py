"""Read snapshots of the graph store, so readers never block on (or see half of) a write.

Only one process can hold the Oxigraph store for writing, and opening a live store
read-only while another process writes to it is unsafe (RocksDB files move under the
reader). So the writer publishes a checkpoint after its commits: `Store.backup()` into
`snapshots/<n>/` (hard links on the same file system: milliseconds, little disk) and
then atomically points `snapshots/CURRENT` at it. Readers (the web server, query worker
processes) open the CURRENT snapshot read-only: a consistent view that no ingest can
disturb, refreshed when CURRENT changes.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

KEEP = 3                 # always keep the newest snapshots …
KEEP_SECONDS = 15 * 60   # … and any younger than this (a reader may still use it)


def snapshot_root(data_dir: Path) -> Path:
    return Path(data_dir) / "snapshots"


def current(data_dir: Path) -> Path | None:
    """The directory of the newest published snapshot, or None."""
    root = snapshot_root(data_dir)
    try:
        name = (root / "CURRENT").read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    path = root / name
    return path if name and path.is_dir() else None


def publish(store: ox.Store, data_dir: Path) -> Path:
    """Checkpoint the live store and make the checkpoint CURRENT."""
    root = snapshot_root(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    store.flush()
    name = f"{time.time_ns():020d}"
    target = root / name
    store.backup(str(target))
    tmp = root / f"CURRENT.{os.getpid()}.tmp"
    tmp.write_text(name + "\n", encoding="ascii")
    os.replace(tmp, root / "CURRENT")
    prune(root, keep=name)
    return target


def prune(root: Path, keep: str) -> None:
    snaps = sorted(p for p in root.iterdir() if p.is_dir() and p.name.isdigit())
    now = time.time_ns()
    for p in snaps[:-KEEP]:
        if p.name != keep and now - int(p.name) > KEEP_SECONDS * 1_000_000_000:
            shutil.rmtree(p, ignore_errors=True)
