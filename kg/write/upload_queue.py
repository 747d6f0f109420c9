"""Uploaded files waiting to be ingested, and the one thread that ingests them.

The web server reads published snapshots and never writes the store from a request.
An upload is saved under DATA_DIR/uploads/ with a safe name and becomes a job in a small
SQLite table (DATA_DIR/uploads/jobs.sqlite), so the list survives a restart; one
background thread takes the jobs in order, opens a writer KnowledgeGraph for each (and
closes it after), and runs the ordinary ingest on the file. While another process holds
the data directory (a `kg ingest` from the command line), the job waits and retries,
shown as 대기 중. A job that was running when the server died is run again: ingest is
idempotent and crash-safe.

Retention: a refused upload (too large, empty, unreadable, unsupported, a zip or XML
bomb) is deleted at once; the file of a finished job is kept, deleted once ingested, or
kept for some days, as KG_UPLOAD_KEEP says (on, off, days: swept when the queue opens
and hourly).
"""
from __future__ import annotations

import logging
import re
import sqlite3
import threading
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any, Callable

from core.errors import KGError, StoreError
from kg.settings import Settings

log = logging.getLogger(__name__)

QUEUED, WAITING, RUNNING, DONE, FAILED = "queued", "waiting", "running", "done", "failed"
STATUS_LABELS = {QUEUED: "대기", WAITING: "대기 중", RUNNING: "처리 중", DONE: "완료", FAILED: "실패"}
NAME_MAX = 80
URL_MAX = 2000
SWEEP_SECONDS = 3600.0  # how often kept files are checked against KG_UPLOAD_KEEP days
_UNSAFE = re.compile(r"[^\w.\-가-힣]+")


def safe_name(filename: str) -> str:
    """A file name that cannot leave the uploads folder or confuse a shell: the last path
    component, NFC, word characters (Hangul included), dots and dashes; never hidden."""
    name = unicodedata.normalize("NFC", filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = _UNSAFE.sub("_", stem).strip("._-")[:NAME_MAX] or "upload"
    ext = _UNSAFE.sub("", ext)[:12].lower()
    return f"{stem}.{ext}" if ext else stem


@dataclass
class Job:
    id: int
    name: str          # the name the user gave
    path: str          # where it was saved
    size: int
    status: str
    message: str
    created: float
    updated: float
    documents: int = 0

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def is_url(self) -> bool:
        return self.path.startswith(("http://", "https://"))

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["label"] = self.label
        d["path"] = self.path if self.is_url else Path(self.path).name
        return d


class UploadQueue:
    """Jobs on disk plus the worker thread (started on the first job, or at once when
    jobs are pending from an earlier run)."""

    def __init__(self, settings: Settings, *, retry_seconds: float = 2.0,
                 ingest: Callable[[Settings, Path | str], Any] | None = None) -> None:
        self.settings = settings
        self.dir = Path(settings.data_dir) / "uploads"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.retry_seconds = retry_seconds
        self._ingest = ingest or _ingest_file
        self._db_lock = threading.Lock()
        self.db = sqlite3.connect(str(self.dir / "jobs.sqlite"), timeout=30, check_same_thread=False,
                                  isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("""CREATE TABLE IF NOT EXISTS jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,
            path TEXT NOT NULL, size INTEGER NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL DEFAULT '',
            created REAL NOT NULL, updated REAL NOT NULL, documents INTEGER NOT NULL DEFAULT 0)""")
        with self._db_lock:  # a job the last server process did not finish runs again
            self.db.execute("UPDATE jobs SET status = ?, message = ? WHERE status IN (?, ?)",
                            (QUEUED, "서버가 다시 시작되어 다시 처리합니다", RUNNING, WAITING))
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._swept = 0.0
        self.sweep()
        if self._pending():
            self.start()

    # -- jobs ------------------------------------------------------------------------
    def add(self, stream: IO[bytes], filename: str, max_bytes: int) -> Job:
        """Save an upload and queue it. Raises ValueError when it is empty or too large."""
        now = time.time()
        name = safe_name(filename)
        with self._db_lock:
            cur = self.db.execute("INSERT INTO jobs (name, path, size, status, created, updated) VALUES (?, '', 0, ?, ?, ?)",
                                  (filename or name, "saving", now, now))
            job_id = int(cur.lastrowid or 0)
        path = self.dir / f"{job_id:06d}-{name}"
        size = 0
        try:
            with path.open("xb") as out:
                while chunk := stream.read(1024 * 1024):
                    size += len(chunk)
                    if size > max_bytes:
                        raise ValueError(f"파일이 너무 큽니다 (한도 {max_bytes // (1024 * 1024)} MB)")
                    out.write(chunk)
            if size == 0:
                raise ValueError("빈 파일입니다")
        except BaseException:
            path.unlink(missing_ok=True)
            with self._db_lock:
                self.db.execute("DELETE FROM jobs WHERE id = ?", (job_id,))
            raise
        with self._db_lock:
            self.db.execute("UPDATE jobs SET path = ?, size = ?, status = ?, updated = ? WHERE id = ?",
                            (str(path), size, QUEUED, time.time(), job_id))
        self.start()
        self._wake.set()
        job = self.get(job_id)
        assert job is not None
        return job

    def add_url(self, url: str) -> Job:
        """Queue a web address (fetched by the job, ingest.loaders.fetch). Raises ValueError
        when it is no http(s) address."""
        url = url.strip()
        if not url.startswith(("http://", "https://")) or len(url) > URL_MAX or any(c.isspace() for c in url):
            raise ValueError(f"http나 https로 시작하는 웹 주소를 넣어 주세요: {url[:100]}")
        now = time.time()
        with self._db_lock:
            cur = self.db.execute("INSERT INTO jobs (name, path, size, status, created, updated) VALUES (?, ?, 0, ?, ?, ?)",
                                  (url, url, QUEUED, now, now))
            job_id = int(cur.lastrowid or 0)
        self.start()
        self._wake.set()
        job = self.get(job_id)
        assert job is not None
        return job

    def get(self, job_id: int) -> Job | None:
        with self._db_lock:
            row = self.db.execute(f"SELECT {_COLS} FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return Job(*row) if row else None

    def jobs(self, limit: int = 200) -> list[Job]:
        with self._db_lock:
            rows = self.db.execute(f"SELECT {_COLS} FROM jobs WHERE status != 'saving' ORDER BY id DESC LIMIT ?",
                                   (limit,)).fetchall()
        return [Job(*r) for r in rows]

    def _set(self, job_id: int, status: str, message: str = "", documents: int | None = None) -> None:
        with self._db_lock:
            if documents is None:
                self.db.execute("UPDATE jobs SET status = ?, message = ?, updated = ? WHERE id = ?",
                                (status, message, time.time(), job_id))
            else:
                self.db.execute("UPDATE jobs SET status = ?, message = ?, documents = ?, updated = ? WHERE id = ?",
                                (status, message, documents, time.time(), job_id))

    def _pending(self) -> Job | None:
        with self._db_lock:
            row = self.db.execute(f"SELECT {_COLS} FROM jobs WHERE status IN (?, ?) ORDER BY id LIMIT 1",
                                  (QUEUED, WAITING)).fetchone()
        return Job(*row) if row else None

    # -- the worker thread ---------------------------------------------------------------
    def start(self) -> None:
        with self._start_lock:
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="kg-upload-worker", daemon=True)
                self._thread.start()

    def close(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        with self._db_lock:
            self.db.close()

    def sweep(self, now: float | None = None) -> int:
        """Delete the files of finished jobs older than KG_UPLOAD_KEEP days (none when it
        is on); the number deleted."""
        days = self.settings.upload_keep_days
        now = time.time() if now is None else now
        self._swept = now
        if days is None:
            return 0
        with self._db_lock:
            rows = self.db.execute("SELECT path FROM jobs WHERE status = ? AND updated < ? AND path != ''",
                                   (DONE, now - days * 86400)).fetchall()
        return sum(_discard(path) for (path,) in rows)

    def _run(self) -> None:
        while not self._stop.is_set():
            if time.time() - self._swept >= SWEEP_SECONDS:
                self.sweep()
            job = self._pending()
            if job is None:
                self._wake.wait(5.0)
                self._wake.clear()
                continue
            try:
                self._process(job)
            except Exception:  # noqa: BLE001 (the thread must survive any job)
                log.exception("upload job %s failed unexpectedly", job.id)
                self._set(job.id, FAILED, "내부 오류로 처리하지 못했습니다")

    def _process(self, job: Job) -> None:
        from kg.store.locks import StoreBusy, WriterLock  # noqa: PLC0415

        lock = WriterLock(self.settings.data_dir, "kg serve (upload)")
        try:
            lock.acquire()
        except StoreBusy as e:
            who = e.holder.get("what") or "다른 프로세스"
            self._set(job.id, WAITING, f"다른 수집 작업({who}, pid {e.holder.get('pid', '?')})이 끝나기를 기다리는 중")
            self._stop.wait(self.retry_seconds)
            return
        try:
            self._set(job.id, RUNNING, "")
            try:
                report = self._ingest(self.settings, job.path if job.is_url else Path(job.path))
            except StoreError as e:  # the store is held by a process that does not take our lock
                log.info("upload job %s waits: %s", job.id, e)
                self._set(job.id, WAITING, "그래프 저장소를 다른 프로세스가 쓰고 있어 기다리는 중")
                self._stop.wait(self.retry_seconds)
                return
            except KGError as e:
                self._set(job.id, FAILED, str(e))
                return
        finally:
            lock.release()
        docs = report.ingested + report.updated + report.unchanged + report.identical
        reasons = "; ".join(_short_reason(r) for _p, r in report.failed[:5])
        if report.failed and not docs:
            self._set(job.id, FAILED, reasons or "문서를 읽지 못했습니다", documents=0)
            _discard(job.path)  # refused (unreadable, unsupported, a bomb): nothing to keep it for
        else:
            msg = report.summary() + (f" — 실패: {reasons}" if reasons else "")
            self._set(job.id, DONE, msg, documents=docs)
            if self.settings.upload_keep_days == 0:
                _discard(job.path)


_COLS = "id, name, path, size, status, message, created, updated, documents"


def _short_reason(reason: str) -> str:
    """A failure reason without the server-side path of the saved file (or the address,
    which the job's name already shows)."""
    m = re.match(r"^(?:(?:\S*/)?\d{6}-[^:]*|https?://\S*): (.*)$", reason)
    return m.group(1) if m else reason


def _discard(path: str) -> bool:
    """Delete an uploaded file (never a web address); True when one was deleted."""
    if not path or path.startswith(("http://", "https://")):
        return False
    try:
        Path(path).unlink()
    except FileNotFoundError:
        return False
    except OSError as e:
        log.warning("upload file %s not deleted: %s", path, e)
        return False
    return True


def _ingest_file(settings: Settings, path: Path | str) -> Any:
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415
    from kg.write.pipeline import ingest_paths  # noqa: PLC0415

    with KnowledgeGraph(settings) as kg:
        return ingest_paths(kg, [path], workers=1, public_only=not settings.upload_private_urls)
