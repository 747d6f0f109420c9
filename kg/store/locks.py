"""One writer per data directory, with a clear message when another one is at work.

Oxigraph (RocksDB's LOCK), whoosh (MAIN_WRITELOCK) and SQLite all lock with fcntl/flock,
which the kernel drops when the holder dies, even by kill -9: a lock *file* left behind
by a killed process never blocks the next run, so we never delete one (deleting a lock
another live process holds would let two writers in). This module's own lock works the
same way (DATA_DIR/write.lock, flock) and records who holds it, so a second `kg ingest`,
`kg remove` or the server's upload worker learns which process is writing, and the
upload worker can wait for it instead of failing.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from core.errors import StoreError

LOCK_NAME = "write.lock"


class StoreBusy(StoreError):
    """Another process is writing to this data directory."""

    def __init__(self, data_dir: Path, holder: dict[str, Any] | None) -> None:
        self.holder = holder or {}
        who = ""
        if holder:
            since = time.strftime("%H:%M:%S", time.localtime(holder.get("since", 0)))
            who = f" (pid {holder.get('pid')}: {holder.get('what', '?')}, {since}부터)"
        super().__init__(f"다른 프로세스가 {data_dir}에 쓰고 있습니다{who}. 끝난 뒤 다시 시도하세요.")


class WriterLock:
    """`with WriterLock(data_dir, "kg ingest"):` — raises StoreBusy when held elsewhere."""

    def __init__(self, data_dir: Path | str, what: str = "") -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_NAME
        self.what = what or " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv[:3]))
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            return
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise StoreBusy(self.data_dir, read_holder(self.data_dir)) from None
        info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "what": self.what,
                           "since": time.time()}).encode("utf-8")
        os.ftruncate(fd, 0)
        os.pwrite(fd, info, 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def __enter__(self) -> "WriterLock":
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def read_holder(data_dir: Path | str) -> dict[str, Any] | None:
    """Who holds (or last held) the lock, from the lock file; None when unknown."""
    try:
        raw = (Path(data_dir) / LOCK_NAME).read_bytes()
        return json.loads(raw) if raw.strip() else None
    except (OSError, ValueError):
        return None
