"""The change journal: which documents were stored, replaced or removed, in order.

Saved searches, saved queries and alerts (kg/write/alerts.py) ask "what is new since I last
looked"; the graph itself does not know when a document arrived. The pipeline appends
one row per document it commits (DATA_DIR/changes.sqlite, a sequence number and a time),
so an alert evaluates only the documents after its cursor: its cost follows what changed,
not the size of the archive.
"""
from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kg.write.statefile import StateFile

DB_NAME = "changes.sqlite"
STORED, REPLACED, REMOVED = "stored", "replaced", "removed"


@dataclass(frozen=True)
class Change:
    seq: int
    at: float
    doc: str
    kind: str


class ChangeLog(StateFile):
    DB_NAME = DB_NAME
    SCHEMA = ("CREATE TABLE IF NOT EXISTS changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
              "at REAL NOT NULL, doc TEXT NOT NULL, kind TEXT NOT NULL)")

    def append(self, docs: Iterable[tuple[str, str]]) -> None:
        """(document IRI, kind) of one commit."""
        now = time.time()
        rows = [(now, d, k) for d, k in docs]
        if rows:
            self.db.executemany("INSERT INTO changes (at, doc, kind) VALUES (?, ?, ?)", rows)

    def last(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes").fetchone()[0]

    def since(self, seq: int, limit: int | None = None) -> list[Change]:
        sql = "SELECT seq, at, doc, kind FROM changes WHERE seq > ? ORDER BY seq"
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (seq, limit) if limit else (seq,))
        return [Change(*r) for r in rows]

    def seq_at(self, t: float) -> int:
        """The last sequence number recorded before time `t` (for 'new since <time>')."""
        return self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM changes WHERE at < ?", (t,)).fetchone()[0]


def record(data_dir: Path | str, docs: Iterable[tuple[str, str]]) -> None:
    """Append one commit's documents; a journal that cannot be written does not fail an
    ingest (the documents are stored; only 'new since' misses them)."""
    docs = list(docs)
    if not docs:
        return
    try:
        with ChangeLog(data_dir) as log:
            log.append(docs)
    except sqlite3.Error:
        pass
