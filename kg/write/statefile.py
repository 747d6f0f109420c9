"""A small SQLite file of state in the data directory (watched sources, saved views, the
change journal): opened in autocommit mode, shared by threads, closed by `with`."""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class StateFile:
    DB_NAME = "state.sqlite"
    SCHEMA = ""

    def __init__(self, data_dir: Path | str) -> None:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        self.path = Path(data_dir) / self.DB_NAME
        self._lock = threading.Lock()
        self.db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.executescript(self.SCHEMA)

    @classmethod
    def exists(cls, data_dir: Path | str) -> bool:
        return (Path(data_dir) / cls.DB_NAME).exists()

    def close(self) -> None:
        self.db.close()

    def __enter__(self):  # noqa: ANN204 (the subclass)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One commit for many rows (autocommit would sync each row: 1,000 alerts' hits)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
