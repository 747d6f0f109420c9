"""Short links for long query and search addresses (`/q/<id>`, as the Wikidata Query
Service has): a /query URL with its SPARQL is ~640 characters, too long to paste in a
message or an article.

The table lives in the data directory (`shortlinks.sqlite`), apart from the graph store
and its snapshots, so re-ingesting keeps the links. The id comes from a hash of the
address, so the same query always gets the same link (made longer only on a clash).
Looking a link up never writes, nor creates the file: only `put` (a POST) does."""
from __future__ import annotations

import base64
import hashlib
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from core.errors import StoreError

DB_NAME = "shortlinks.sqlite"
MAX_TARGET = 256 * 1024  # a SPARQL query of 100,000 characters, percent-encoded, and its path
ID_LENGTH = 8            # 40 bits of base32: a clash needs about a million links


def link_id(target: str, length: int = ID_LENGTH) -> str:
    digest = hashlib.sha256(target.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower().rstrip("=")[:length]


class ShortLinks:
    """id → target (a path and query on this server), in SQLite; opened per call, so
    request threads and server processes share it without a held connection."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / DB_NAME

    def get(self, link: str) -> str | None:
        """The target of `link`, or None (also when no link was ever made)."""
        if not self.path.exists():
            return None
        try:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)) as db:
                row = db.execute("SELECT target FROM links WHERE id = ?", (link,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def put(self, target: str) -> str:
        """The id of a link to `target`, made if there is none yet."""
        if len(target) > MAX_TARGET:
            raise ValueError(f"주소가 너무 깁니다 (최대 {MAX_TARGET:,}자; address too long)")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(str(self.path), timeout=10, isolation_level=None)) as db:
                db.execute("CREATE TABLE IF NOT EXISTS links (id TEXT PRIMARY KEY, target TEXT NOT NULL, "
                           "created TEXT NOT NULL)")
                for length in range(ID_LENGTH, 53):
                    link = link_id(target, length)
                    db.execute("INSERT OR IGNORE INTO links VALUES (?, ?, ?)",
                               (link, target, datetime.now(timezone.utc).isoformat(timespec="seconds")))
                    if db.execute("SELECT target FROM links WHERE id = ?", (link,)).fetchone()[0] == target:
                        return link
        except (sqlite3.Error, OSError) as e:
            raise StoreError(f"짧은 링크를 저장할 수 없습니다: {self.path} ({e}; cannot store the short link)") from e
        raise StoreError("짧은 링크를 만들 수 없습니다 (no free short link id)")
