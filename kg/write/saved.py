"""Saved searches, saved SPARQL queries and alerts on graph patterns, and their hits.

One SQLite file (DATA_DIR/saved.sqlite) shared by `kg saved …`, the web server and the
ingest that evaluates them (kg/write/alerts.py). A view has a kind and a spec:

- search:  {"q", "types", "entities", "from", "to", "source", "source_kind"}
- sparql:  {"query"} — a SELECT; each new result row is a hit
- pattern: {"pattern", "entity"} — one of PATTERNS, filled in from an entity page

and a cursor into the change journal (kg/write/changes.py): the last change it has seen. A hit
is kept once per key (a relation, a document, a row), with the document and the sentence
it came from, so the feed says "new since" without re-running anything.
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from core.errors import KGError
from kg.write.statefile import StateFile

DB_NAME = "saved.sqlite"
KINDS = ("search", "sparql", "pattern")
# pattern → (Korean label, the property, the side the entity is on, the types it fits)
PATTERNS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "joins": ("이 사업에 새로 참여하는 기업·기관", "participatesIn", "object", ("INITIATIVE", "EVENT")),
    "leads": ("이 사업을 새로 이끌거나 주재하는 사람·기관", "leads", "object", ("INITIATIVE", "EVENT")),
    "announces": ("이 부처·기관이 새로 발표하는 정책", "announces", "subject", ("MINISTRY", "COMPANY", "ORGANIZATION",
                                                                       "PERSON")),
    "mentions": ("이 개체가 나오는 새 문서", "mentions", "object", ()),
    "deadline": ("이 사업의 일정이 다가오거나 지남", "scheduledFor", "subject", ("INITIATIVE",)),
}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS views (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE NOT NULL, kind TEXT NOT NULL, spec TEXT NOT NULL,
  created REAL NOT NULL, cursor INTEGER NOT NULL DEFAULT 0, email TEXT);
CREATE TABLE IF NOT EXISTS hits (
  view INTEGER NOT NULL, key TEXT NOT NULL, at REAL NOT NULL, doc TEXT, title TEXT, date TEXT,
  summary TEXT NOT NULL, sentence TEXT, data TEXT NOT NULL, PRIMARY KEY (view, key));
CREATE INDEX IF NOT EXISTS hits_by_time ON hits (at);
CREATE TABLE IF NOT EXISTS known (view INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (view, key));
"""


class SavedError(KGError):
    """A saved view that cannot be made (no name, an unknown pattern, not a SELECT …)."""


@dataclass
class View:
    id: int
    name: str
    kind: str
    spec: dict[str, Any]
    created: float
    cursor: int = 0
    email: str | None = None

    @property
    def description(self) -> str:
        if self.kind == "pattern":
            return PATTERNS[self.spec["pattern"]][0]
        if self.kind == "search":
            return f"검색 «{self.spec.get('q', '')}»"
        return "SPARQL 질의"

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "created": _iso(self.created), "description": self.description}


@dataclass
class Hit:
    view: int
    key: str
    at: float
    summary: str                 # one line: '마키나락스 → 참여 → AI 자율제조 얼라이언스'
    doc: str | None = None
    title: str | None = None
    date: str | None = None
    sentence: str | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "at": _iso(self.at)}


def _iso(t: float | None) -> str | None:
    return None if t is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def check_spec(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    """The spec, cleaned, or a SavedError that says what is wrong (Korean first)."""
    if kind not in KINDS:
        raise SavedError(f"종류는 {', '.join(KINDS)} 가운데 하나여야 합니다 (kind must be one of {', '.join(KINDS)})")
    if kind == "search":
        if not str(spec.get("q", "")).strip():
            raise SavedError("저장할 검색어가 비어 있습니다 (the search query is empty)")
        return {k: v for k, v in spec.items() if v not in (None, "", [], ())}
    if kind == "sparql":
        from kg.store.sparql_text import query_form  # noqa: PLC0415

        query = str(spec.get("query", "")).strip()
        if not query:
            raise SavedError("저장할 SPARQL 질의가 비어 있습니다 (the SPARQL query is empty)")
        if query_form(query) != "SELECT":
            raise SavedError("알림으로 저장할 수 있는 것은 SELECT 질의뿐입니다 (only SELECT queries can be saved)")
        return {"query": query}
    pattern, entity = spec.get("pattern"), str(spec.get("entity", ""))
    if pattern not in PATTERNS:
        raise SavedError(f"알 수 없는 알림 유형입니다: {pattern} ({', '.join(PATTERNS)} 가운데 하나)")
    if not entity.startswith(("http://", "https://")):
        raise SavedError("알림의 대상 개체(IRI)가 필요합니다 (the pattern needs an entity IRI)")
    return {"pattern": pattern, "entity": entity}


class SavedViews(StateFile):
    DB_NAME, SCHEMA = DB_NAME, _SCHEMA

    def add(self, name: str, kind: str, spec: dict[str, Any], *, cursor: int, email: str | None = None) -> View:
        name = " ".join(name.split())[:200]
        if not name:
            raise SavedError("이름을 붙여 주세요 (give the saved view a name)")
        if email and ("@" not in email or any(c.isspace() for c in email)):
            raise SavedError(f"전자우편 주소가 올바르지 않습니다: {email} (not an e-mail address)")
        spec = check_spec(kind, spec)
        with self._lock:
            if self.db.execute("SELECT 1 FROM views WHERE name = ?", (name,)).fetchone():
                raise SavedError(f"같은 이름이 이미 있습니다: {name} (a saved view of that name exists)")
            cur = self.db.execute("INSERT INTO views (name, kind, spec, created, cursor, email) VALUES (?, ?, ?, ?, ?, ?)",
                                  (name, kind, json.dumps(spec, ensure_ascii=False), time.time(), cursor, email or None))
        return self.get(cur.lastrowid)

    def get(self, ref: int | str) -> View:
        row = self.db.execute("SELECT * FROM views WHERE id = ? OR name = ?",
                              (int(ref) if str(ref).isdigit() else -1, str(ref))).fetchone()
        if row is None:
            raise SavedError(f"저장된 검색·알림이 없습니다: {ref} (no such saved view)")
        return View(**{**dict(row), "spec": json.loads(row["spec"])})

    def views(self) -> list[View]:
        return [View(**{**dict(r), "spec": json.loads(r["spec"])}) for r in self.db.execute("SELECT * FROM views ORDER BY id")]

    def remove(self, ref: int | str) -> View:
        view = self.get(ref)
        with self._lock:
            self.db.execute("DELETE FROM views WHERE id = ?", (view.id,))
            self.db.execute("DELETE FROM hits WHERE view = ?", (view.id,))
            self.db.execute("DELETE FROM known WHERE view = ?", (view.id,))
        return view

    def advance(self, views: list[View], cursor: int) -> None:
        with self._lock, self.transaction():
            self.db.executemany("UPDATE views SET cursor = ? WHERE id = ? AND cursor < ?",
                                [(cursor, v.id, cursor) for v in views])

    def remember(self, view: View, keys: list[str]) -> None:
        """What the graph already said when the view was made: never news."""
        with self._lock, self.transaction():
            self.db.executemany("INSERT OR IGNORE INTO known VALUES (?, ?)", [(view.id, k) for k in keys])

    def known(self, view: View) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM known WHERE view = ? UNION SELECT key FROM hits "
                                              "WHERE view = ?", (view.id, view.id))}

    def add_hits(self, hits: list[Hit]) -> list[Hit]:
        """Store hits; those whose key the view already has are not new and are dropped."""
        new = []
        with self._lock, self.transaction():
            for h in hits:
                cur = self.db.execute("INSERT OR IGNORE INTO hits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                      (h.view, h.key, h.at, h.doc, h.title, h.date, h.summary, h.sentence,
                                       json.dumps(h.data, ensure_ascii=False)))
                if cur.rowcount:
                    new.append(h)
        return new

    def hits(self, view: View | None = None, *, since: float | None = None, limit: int = 50) -> list[Hit]:
        """Newest first; of one view or of all; only those found after `since`."""
        where, args = self._where(view, since)
        rows = self.db.execute(f"SELECT * FROM hits WHERE {where} ORDER BY at DESC, rowid DESC "  # noqa: S608
                               "LIMIT ?", (*args, limit))
        return [Hit(**{**dict(r), "data": json.loads(r["data"])}) for r in rows]

    def count(self, view: View | None = None, *, since: float | None = None) -> int:
        """How many hits `hits` would give without its limit (a page says 20 of how many)."""
        where, args = self._where(view, since)
        return self.db.execute(f"SELECT COUNT(*) FROM hits WHERE {where}", args).fetchone()[0]  # noqa: S608

    @staticmethod
    def _where(view: View | None, since: float | None) -> tuple[str, list[Any]]:
        where, args = ["1 = 1"], []
        if view is not None:
            where.append("view = ?")
            args.append(view.id)
        if since is not None:
            where.append("at > ?")
            args.append(since)
        return " AND ".join(where), args

    def counts(self) -> dict[int, int]:
        return {r[0]: r[1] for r in self.db.execute("SELECT view, COUNT(*) FROM hits GROUP BY view")}


def parse_since(text: str | None) -> float | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise SavedError(f"since는 2026-12-01 이나 2026-12-01T09:00:00Z 처럼 쓰세요: {text} "
                      f"(since must be a date or an ISO 8601 time)") from None
    return moment.timestamp() if moment.tzinfo else time.mktime(moment.timetuple())
