"""Upload blueprint: `/upload` takes files, or web addresses to fetch (form field `urls`,
one a line; public addresses only unless KG_UPLOAD_PRIVATE_URLS), into the ingest queue, `/upload/status` lists
the jobs (대기 / 대기 중 / 처리 중 / 완료 / 실패, with the reason), each with a JSON twin.

Off unless KG_UPLOAD_TOKEN is set (the page says so; a POST is 403). A browser logs in
once with the token (kept in the signed session cookie, KG_SECRET_KEY) and every form
carries a per-session CSRF token; a script sends `Authorization: Bearer <token>` and
needs no CSRF token (no cookie is involved). Wrong tokens, at login or as a Bearer,
lock the address out after KG_UPLOAD_LOCKOUT_AFTER of them, for doubling times
(web.lockout): 429 with Retry-After, the right token too, and a log line. Files larger than KG_MAX_UPLOAD_MB are
refused (413) before they are read. The server never writes the store from a request:
kg.upload_queue's background thread does, one job at a time.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
import weakref
from typing import Any, NoReturn

from flask import Blueprint, Flask, abort, current_app, redirect, request, session, url_for
from flask.blueprints import BlueprintSetupState
from werkzeug.exceptions import TooManyRequests

from kg.write.upload_queue import STATUS_LABELS, URL_MAX, UploadQueue
from web.helpers import client_address, json_response, page_or_json, settings, wants_json
from web.lockout import Lockout

bp = Blueprint("upload", __name__)
log = logging.getLogger(__name__)

FORM_OVERHEAD = 64 * 1024  # multipart boundaries and the small fields around the file
URLS_MAX = 20  # web addresses one form may queue


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    app: Flask = state.app
    s = app.config["KG_SETTINGS"]
    if not app.secret_key:
        # no KG_SECRET_KEY: a random key per process (sessions end when the server restarts)
        app.secret_key = s.secret_key or secrets.token_hex(32)
    app.extensions["upload"] = _Uploads(app)


class _Uploads:
    """The app's upload queue, opened on first use (only when uploads are on)."""

    def __init__(self, app: Flask) -> None:
        self.settings = app.config["KG_SETTINGS"]
        self._queue: UploadQueue | None = None
        self.lockout = Lockout(self.settings.upload_lockout_after, self.settings.upload_lockout_seconds)
        self._finalizer = weakref.finalize(app, self.close)
        if self.settings.upload_token and (self.settings.data_dir / "uploads" / "jobs.sqlite").exists():
            self.queue  # noqa: B018 (jobs left by the last server process resume now)

    @property
    def queue(self) -> UploadQueue:
        if self._queue is None:
            self._queue = UploadQueue(self.settings)
        return self._queue

    def close(self) -> None:
        if self._queue is not None:
            self._queue.close()
            self._queue = None


def uploads() -> _Uploads:
    return current_app.extensions["upload"]


# -- who may upload -------------------------------------------------------------------
def _token() -> str:
    return settings().upload_token


def _token_tag(token: str) -> str:
    """What the session keeps instead of the token: changing the token logs everyone out."""
    return hashlib.sha256(b"kg-upload\x00" + token.encode("utf-8")).hexdigest()[:32]


def _same(sent: str, expected: str, *, header: bool = False) -> bool:
    """Constant-time comparison of two secrets (bytes: the token may be Korean). A header
    arrives as Latin-1 text (WSGI): its bytes are what the client sent, UTF-8."""
    try:
        raw = sent.encode("latin-1" if header else "utf-8")
    except UnicodeEncodeError:  # a header value some WSGI servers (and test clients) pass on as text
        raw = sent.encode("utf-8", "replace")
    return hmac.compare_digest(raw, expected.encode("utf-8"))


def _bearer() -> bool:
    """True for the right Bearer token; a wrong one counts towards a lock-out."""
    auth = request.headers.get("Authorization", "")
    token = _token()
    if not token or not auth.startswith("Bearer "):
        return False
    _refuse_if_locked_out()
    if _same(auth[7:].strip(), token, header=True):
        uploads().lockout.succeeded(client_address())
        return True
    _wrong_token()
    return False


def _refuse_if_locked_out() -> None:
    wait = uploads().lockout.wait(client_address())
    if wait > 0:
        _too_many(wait)


def _wrong_token() -> None:
    """Count a wrong token from this address; 429 at once when it starts a lock-out."""
    addr = client_address()
    lockout = uploads().lockout
    seconds = lockout.failed(addr)
    if seconds:
        log.warning("upload: %s locked out for %g s after %d wrong tokens", addr or "(unknown address)",
                    seconds, lockout.failures(addr))
        _too_many(seconds)


def _too_many(wait: float) -> NoReturn:
    secs = math.ceil(wait)
    raise TooManyRequests(f"업로드 토큰이 여러 번 틀려 이 주소에서 {secs}초 동안은 토큰을 받지 않습니다. 그 뒤에 다시 "
                          f"시도해 주세요 (too many wrong upload tokens from this address; retry in {secs} s)",
                          retry_after=secs)


def _session_ok() -> bool:
    token = _token()
    return bool(token) and _same(str(session.get("upload", "")), _token_tag(token))


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _check_csrf() -> None:
    sent = request.form.get("csrf_token", "") or request.headers.get("X-CSRF-Token", "")
    if not sent or "csrf" not in session or not _same(sent, str(session["csrf"])):
        abort(400, "보안 토큰(CSRF)이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.")


def _require_on() -> None:
    if not _token():
        abort(403, "업로드가 꺼져 있습니다. 서버에 KG_UPLOAD_TOKEN을 설정해야 켜집니다.")


def _require_auth() -> bool:
    """True for a bearer-token request (no CSRF check needed), False for a logged-in
    session; 403 for anyone else."""
    _require_on()
    if _bearer():
        return True
    if _session_ok():
        return False
    abort(403, "업로드 권한이 없습니다. 업로드 토큰으로 로그인해 주세요.")


# -- pages ------------------------------------------------------------------------------
@bp.get("/upload")
@bp.get("/upload.json", endpoint="upload_json")
def upload_page() -> Any:
    on = bool(_token())
    authed = on and (_session_ok() or _bearer())
    s = settings()
    payload = {"enabled": on, "authenticated": authed, "max_upload_mb": s.max_upload_mb,
               "status": url_for("upload.status_json")}
    jobs = uploads().queue.jobs(10) if authed else []  # the recent ones, on the page only
    return page_or_json("upload.html", payload, urls_max=URLS_MAX, csrf=csrf_token() if on else "",
                        jobs=[j.to_json() for j in jobs])


@bp.post("/upload/login")
def login() -> Any:
    _require_on()
    _check_csrf()
    _refuse_if_locked_out()
    sent = request.form.get("token", "")
    if not _same(sent, _token()):
        _wrong_token()
        abort(403, "업로드 토큰이 맞지 않습니다.")
    uploads().lockout.succeeded(client_address())
    session["upload"] = _token_tag(_token())
    session["csrf"] = secrets.token_urlsafe(32)  # a fresh CSRF token after login
    return redirect(url_for("upload.upload_page"), 303)


@bp.post("/upload/logout")
def logout() -> Any:
    _check_csrf()
    session.pop("upload", None)
    return redirect(url_for("upload.upload_page"), 303)


@bp.post("/upload")
def upload() -> Any:
    bearer = _require_auth()
    limit = settings().max_upload_mb * 1024 * 1024
    if request.content_length is not None and request.content_length > limit + FORM_OVERHEAD:
        abort(413, f"파일이 너무 큽니다. 한도는 {settings().max_upload_mb} MB입니다.")
    request.max_content_length = limit + FORM_OVERHEAD  # a chunked body is cut off here too
    if not bearer:
        _check_csrf()
    files = [f for f in request.files.getlist("file") if f and f.filename]
    urls = [u.strip() for u in request.form.get("urls", "").splitlines() if u.strip()]
    if not files and not urls:
        abort(400, "올릴 파일을 고르거나 가져올 웹 주소를 넣어 주세요.")
    if len(urls) > URLS_MAX:
        abort(400, f"웹 주소는 한 번에 {URLS_MAX}개까지 넣을 수 있습니다.")
    queue = uploads().queue
    for u in urls:  # every address checked before any job is queued
        if not u.startswith(("http://", "https://")) or len(u) > URL_MAX or any(c.isspace() for c in u):
            abort(400, f"http나 https로 시작하는 웹 주소를 넣어 주세요: {u[:100]}")
    jobs = []
    for f in files:
        try:
            jobs.append(queue.add(f.stream, f.filename or "", limit))
        except ValueError as e:
            abort(413 if "너무 큽니다" in str(e) else 400, str(e))
    jobs += [queue.add_url(u) for u in urls]
    if wants_json() or bearer:
        return json_response({"ok": True, "jobs": [j.to_json() for j in jobs],
                              "status": url_for("upload.status_json")}, 202)
    return redirect(url_for("upload.status"), 303)


@bp.get("/upload/status")
@bp.get("/upload/status.json", endpoint="status_json")
def status() -> Any:
    _require_auth()
    jobs = uploads().queue.jobs()
    payload = {"jobs": [j.to_json() for j in jobs],
               "counts": {label: sum(j.status == st for j in jobs) for st, label in STATUS_LABELS.items()}}
    return page_or_json("upload.html", payload, enabled=True, authenticated=True, csrf=csrf_token(),
                        status_page=True)
