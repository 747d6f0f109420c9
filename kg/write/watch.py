"""Watched sources: feeds and press-release listing pages that `kg watch run` polls.

The list lives in DATA_DIR/watch.sqlite so it survives restarts and is shared by
`kg watch …`, `kg serve` (the /watch page) and a `kg watch run --forever` beside them.
Per source it keeps what a polite, incremental poller needs: the server's ETag and
Last-Modified (conditional requests), a hash of the last body (servers that send
neither), the items already ingested (feed item ids, release addresses), and the
outcome of every fetch, so a failing source shows its last error and backs off.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from typing import Any, Iterable
from urllib.parse import urlsplit

from core.errors import KGError
from kg.write.statefile import StateFile

DB_NAME = "watch.sqlite"
MIN_EVERY = 60            # seconds: no source is polled more often than once a minute
DEFAULT_EVERY = 3600
MAX_BACKOFF = 24 * 3600   # a failing source is tried at least once a day
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT UNIQUE NOT NULL, every INTEGER NOT NULL,
  added REAL NOT NULL, etag TEXT, last_modified TEXT, body_hash TEXT,
  last_checked REAL, last_ok REAL, last_status TEXT, last_error TEXT,
  failures INTEGER NOT NULL DEFAULT 0, next_due REAL NOT NULL, items_total INTEGER NOT NULL DEFAULT 0,
  public_only INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value REAL NOT NULL);
CREATE TABLE IF NOT EXISTS seen (
  source INTEGER NOT NULL, item TEXT NOT NULL, at REAL NOT NULL, PRIMARY KEY (source, item));
CREATE TABLE IF NOT EXISTS tries (
  source INTEGER NOT NULL, item TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (source, item));
CREATE TABLE IF NOT EXISTS fetches (
  source INTEGER NOT NULL, at REAL NOT NULL, status TEXT NOT NULL, new INTEGER NOT NULL,
  ingested INTEGER NOT NULL, failed INTEGER NOT NULL, message TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS fetches_by_source ON fetches (source, at);
"""


class WatchError(KGError):
    """A watch command that cannot be done (a bad address or interval, an unknown source)."""


def parse_every(text: str | int) -> int:
    """'30m', '1h', '2d', '90s' or a number of seconds → seconds (at least a minute)."""
    raw = str(text).strip().lower()
    unit = raw[-1:] if raw[-1:] in _UNITS else "s"
    number = raw[:-1] if raw[-1:] in _UNITS else raw
    try:
        seconds = int(float(number) * _UNITS[unit])
    except ValueError:
        raise WatchError(f"주기는 30m, 1h, 1d 처럼 숫자와 단위(s, m, h, d)로 쓰세요: {text!r} "
                         f"(the interval must be a number with a unit, e.g. 30m, 1h, 1d)") from None
    if seconds < MIN_EVERY:
        raise WatchError(f"주기는 1분(1m) 이상이어야 합니다: {text!r} (the interval must be at least 1 minute)")
    return seconds


def format_every(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


@dataclass
class Source:
    id: int
    url: str
    every: int
    added: float
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_checked: float | None = None
    last_ok: float | None = None
    last_status: str | None = None   # 'new', 'unchanged', 'failed'
    last_error: str | None = None
    failures: int = 0
    next_due: float = 0.0
    items_total: int = 0
    public_only: int = 0   # added on the web page: only public addresses are fetched for it

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("body_hash")
        d["public_only"] = bool(self.public_only)
        d["every"] = format_every(self.every)
        for k in ("added", "last_checked", "last_ok", "next_due"):
            d[k] = _iso(d[k])
        return d


@dataclass
class Fetch:
    """One poll of a source: what came of it."""
    at: float
    status: str
    new: int
    ingested: int
    failed: int
    message: str

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "at": _iso(self.at)}


def _iso(t: float | None) -> str | None:
    return None if t is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def backoff(every: int, failures: int) -> int:
    """Seconds until the next try of a source that failed `failures` times in a row:
    the interval doubled per failure, at most a day (or the interval, if longer)."""
    return min(every * 2 ** min(failures, 10), max(MAX_BACKOFF, every)) if failures else every


class WatchList(StateFile):
    """The watched sources of one data directory (thread-safe; one SQLite file)."""

    DB_NAME, SCHEMA = DB_NAME, _SCHEMA

    def add(self, url: str, every: int = DEFAULT_EVERY, *, public_only: bool = False) -> Source:
        u = urlsplit(url.strip())
        if u.scheme not in ("http", "https") or not u.hostname:
            raise WatchError(f"http:// 나 https:// 로 시작하는 주소만 지켜볼 수 있습니다: {url} "
                             f"(only http and https addresses can be watched)")
        url = url.strip()
        with self._lock:
            if self.db.execute("SELECT 1 FROM sources WHERE url = ?", (url,)).fetchone():
                raise WatchError(f"이미 지켜보는 주소입니다: {url} (already watched)")
            now = time.time()
            cur = self.db.execute("INSERT INTO sources (url, every, added, next_due, public_only) "
                                  "VALUES (?, ?, ?, ?, ?)", (url, every, now, now, int(public_only)))
        return self.get(str(cur.lastrowid))

    def get(self, ref: str) -> Source:
        """A source by its number or its address."""
        row = self.db.execute("SELECT * FROM sources WHERE id = ? OR url = ?",
                              (int(ref) if ref.isdigit() else -1, ref)).fetchone()
        if row is None:
            raise WatchError(f"지켜보는 출처가 아닙니다: {ref} (no such watched source; see `kg watch list`)")
        return Source(**dict(row))

    def sources(self) -> list[Source]:
        return [Source(**dict(r)) for r in self.db.execute("SELECT * FROM sources ORDER BY id")]

    def due(self, now: float | None = None) -> list[Source]:
        now = time.time() if now is None else now
        return [s for s in self.sources() if s.next_due <= now]

    def remove(self, ref: str) -> Source:
        source = self.get(ref)
        with self._lock:
            for table, col in (("sources", "id"), ("seen", "source"), ("tries", "source"), ("fetches", "source")):
                self.db.execute(f"DELETE FROM {table} WHERE {col} = ?", (source.id,))  # noqa: S608 (fixed names)
        return source

    def unseen(self, source: Source, items: Iterable[str]) -> list[str]:
        """The items (ids or addresses) not yet ingested from `source`, in the given order."""
        seen = {r[0] for r in self.db.execute("SELECT item FROM seen WHERE source = ?", (source.id,))}
        return [i for i in dict.fromkeys(items) if i not in seen]

    def mark_seen(self, source: Source, items: Iterable[str]) -> None:
        now = time.time()
        with self._lock:
            self.db.executemany("INSERT OR IGNORE INTO seen (source, item, at) VALUES (?, ?, ?)",
                                [(source.id, i, now) for i in items])

    def tries(self, source: Source) -> dict[str, int]:
        """Items of `source` that failed to ingest, with how often they were tried."""
        return {r[0]: r[1] for r in self.db.execute("SELECT item, count FROM tries WHERE source = ?", (source.id,))}

    def tried(self, source: Source, items: Iterable[str]) -> None:
        with self._lock:
            self.db.executemany("INSERT INTO tries (source, item, count) VALUES (?, ?, 1) "
                                "ON CONFLICT (source, item) DO UPDATE SET count = count + 1",
                                [(source.id, i) for i in items])

    def record(self, source: Source, fetch: Fetch, *, etag: str | None = None, last_modified: str | None = None,
               body_hash: str | None = None) -> Source:
        """Store one poll's outcome and schedule the next (backing off after failures)."""
        failed = fetch.status == "failed"
        failures = source.failures + 1 if failed else 0
        with self._lock:
            self.db.execute("INSERT INTO fetches VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (source.id, fetch.at, fetch.status, fetch.new, fetch.ingested, fetch.failed,
                             fetch.message))
            if failed:
                self.db.execute("UPDATE sources SET last_checked = ?, last_status = ?, last_error = ?, failures = ?, "
                                "next_due = ? WHERE id = ?",
                                (fetch.at, "failed", fetch.message, failures,
                                 fetch.at + backoff(source.every, failures), source.id))
            else:
                self.db.execute("UPDATE sources SET last_checked = ?, last_ok = ?, last_status = ?, last_error = NULL, "
                                "failures = 0, next_due = ?, etag = COALESCE(?, etag), "
                                "last_modified = COALESCE(?, last_modified), body_hash = COALESCE(?, body_hash), "
                                "items_total = items_total + ? WHERE id = ?",
                                (fetch.at, fetch.at, fetch.status, fetch.at + source.every, etag, last_modified, body_hash,
                                 fetch.ingested, source.id))
            # keep the last 200 fetches of a source: enough to see a pattern, bounded forever
            self.db.execute("DELETE FROM fetches WHERE source = ? AND at < (SELECT MIN(at) FROM (SELECT at FROM "
                            "fetches WHERE source = ? ORDER BY at DESC LIMIT 200))", (source.id, source.id))
        return self.get(str(source.id))

    def beat(self) -> None:
        """The scheduled poller is alive (`kg watch run --forever` calls this every tick)."""
        with self._lock:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('poller', ?)", (time.time(),))

    def last_beat(self) -> float | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'poller'").fetchone()
        return row[0] if row else None

    def fetches(self, source: Source, limit: int = 20) -> list[Fetch]:
        rows = self.db.execute("SELECT at, status, new, ingested, failed, message FROM fetches WHERE source = ? "
                               "ORDER BY at DESC LIMIT ?", (source.id, limit))
        return [Fetch(**dict(r)) for r in rows]
