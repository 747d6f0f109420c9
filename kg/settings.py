"""One table of settings: name, default, help text; overridable by KG_* environment
variables; validated at start-up with a clear error (Datasette's style)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from core.errors import SettingsError


class _Invalid(ValueError):
    """What a setting's value must be, in Korean and in English (Python's own message,
    e.g. "invalid literal for int() with base 10", is never shown)."""

    def __init__(self, ko: str, en: str) -> None:
        super().__init__(en)
        self.ko, self.en = ko, en


_POSITIVE_INT = _Invalid("양의 정수여야 합니다", "must be a positive integer")


def _number(v: str, kind: type, expected: _Invalid) -> Any:
    try:
        return kind(v)
    except ValueError:
        raise expected from None


def _positive_int(v: str) -> int:
    n = _number(v, int, _POSITIVE_INT)
    if n <= 0:
        raise _POSITIVE_INT
    return n


def _positive_float(v: str) -> float:
    expected = _Invalid("0보다 큰 수여야 합니다(예: 10 또는 2.5)", "must be a positive number")
    n = _number(v, float, expected)
    if not n > 0:  # NaN too
        raise expected
    return n


def _non_negative_int(v: str) -> int:
    expected = _Invalid("0(CPU 코어마다 하나)이나 양의 정수여야 합니다",
                        "must be 0 (one per CPU core) or a positive integer")
    n = _number(v, int, expected)
    if n < 0:
        raise expected
    return n


def _access_log(v: str) -> str:
    """'' (off), '-' (standard error) or a file whose folder exists."""
    v = v.strip()
    if v.lower() in ("", "off", "no", "0", "false"):
        return ""
    if v != "-" and not Path(v).expanduser().parent.is_dir():
        raise _Invalid("off, '-'(표준 오류) 또는 있는 폴더 안의 파일 경로여야 합니다",
                       "must be off, '-' (standard error) or a file in an existing folder")
    return v if v == "-" else str(Path(v).expanduser())


def _proxy_count(v: str) -> int:
    expected = _Invalid("0(프록시 없음)이나 양의 정수여야 합니다", "must be 0 (no proxy) or a positive integer")
    n = _number(v, int, expected)
    if n < 0:
        raise expected
    return n


def _port(v: str) -> int:
    expected = _Invalid("1에서 65535 사이의 정수여야 합니다", "must be between 1 and 65535")
    n = _number(v, int, expected)
    if not 0 < n < 65536:
        raise expected
    return n


def _iri_base(v: str) -> str:
    if not (v.startswith("http://") or v.startswith("https://")):
        raise _Invalid("http:// 나 https:// 로 시작하는 IRI여야 합니다(예: http://127.0.0.1:5000/)",
                       "must be an http(s) IRI, e.g. http://127.0.0.1:5000/")
    return v if v.endswith("/") else v + "/"


def _http_url(v: str) -> str:
    v = v.strip()
    u = urlsplit(v)
    if u.scheme not in ("http", "https") or not u.hostname:
        raise _Invalid("http:// 나 https:// 로 시작하는 URL이어야 합니다(예: http://127.0.0.1:7878/query)",
                       "must be an http(s) URL, e.g. http://127.0.0.1:7878/query")
    if u.username or u.password:
        raise _Invalid("사용자 이름과 비밀번호는 URL에 넣지 말고 KG_SPARQL_USER와 KG_SPARQL_PASSWORD에 넣으세요",
                       "put credentials in KG_SPARQL_USER and KG_SPARQL_PASSWORD, not in the URL")
    try:
        u.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        raise _Invalid("URL의 포트 번호는 1에서 65535 사이여야 합니다", "the port must be between 1 and 65535") from None
    return v


def _search_backend(v: str) -> str:
    name = v.strip().lower() or "auto"
    if name not in ("auto", "whoosh", "tantivy"):  # kg.search.BACKENDS (not imported: settings load first)
        raise _Invalid("auto, whoosh, tantivy 가운데 하나여야 합니다", "must be 'auto', 'whoosh' or 'tantivy'")
    return name


def _host_list(v: str) -> str:
    names = [n.strip() for n in v.split(",") if n.strip()]
    for n in names:
        if "/" in n or "://" in n or " " in n:
            raise _Invalid("쉼표로 구분한 호스트 이름이어야 합니다(예: kg.example.org,.example.org)",
                           "must be host names separated by commas, e.g. kg.example.org,.example.org")
    return ",".join(names)


def _flag(v: str) -> bool:
    low = v.strip().lower()
    if low in ("1", "on", "true", "yes"):
        return True
    if low in ("0", "off", "false", "no", ""):
        return False
    raise _Invalid("on이나 off여야 합니다", "must be on or off")


def _keep(v: str) -> str:
    """'on' (keep), 'off' (delete once ingested) or a number of days: normalised to one of them."""
    low = v.strip().lower()
    if low in ("on", "off"):
        return low
    if low.isdigit() and int(low) > 0:
        return str(int(low))
    raise _Invalid("on, off, 또는 보관할 일수(1 이상의 정수)여야 합니다", "must be on, off or a number of days (1 or more)")


# name → (default, parser, help)
SETTINGS: dict[str, tuple[Any, Callable[[str], Any], str]] = {
    "data_dir": ("data", Path, "Directory holding the graph store (graph/) and the text index (index/)."),
    "host": ("127.0.0.1", str, "Host the web server binds to."),
    "port": (5000, _port, "Port the web server listens on."),
    "threads": (8, _positive_int, "Threads of `kg serve` that answer pages; more requests wait their turn (a "
                                  "connection still sending its request holds no thread). SPARQL queries running "
                                  "or waiting for a worker get threads of their own (KG_QUERY_WORKERS + "
                                  "KG_QUERY_QUEUE)."),
    "connection_limit": (2000, _positive_int,
                         "Open connections `kg serve` accepts at once (each costs a file descriptor, not a "
                         "thread); more wait in the listen backlog until one closes."),
    "header_timeout": (10.0, _positive_float,
                       "Seconds a client has to send a request's headers, from its first byte; then the "
                       "connection is closed (slow-header clients)."),
    "idle_timeout": (30.0, _positive_float,
                     "Seconds a connection may send nothing (between keep-alive requests, or in a stalled "
                     "request body) before it is closed."),
    "access_log": ("", _access_log,
                   "Access log of `kg serve`: one line per request (Combined Log Format, then the seconds it "
                   "took). Empty or off: none (keep the reverse proxy's); '-': standard error; else a file, "
                   "appended (reopened when logrotate moves it)."),
    "trusted_proxies": (0, _proxy_count,
                        "Reverse proxies in front of `kg serve` whose X-Forwarded-For/-Proto/-Host/-Prefix "
                        "headers are believed (werkzeug's ProxyFix); 0: none, the headers are dropped."),
    "trusted_hosts": ("", _host_list,
                      "Host names the server answers to, comma-separated ('.example.org' takes its subdomains); "
                      "other Host headers get 400. The host of KG_BASE_IRI and loopback names always pass. "
                      "Empty: any host."),
    "base_iri": ("http://127.0.0.1:5000/", _iri_base,
                 "Base under which entity and document IRIs are minted (…/id/…)."),
    "query_timeout": (10.0, _positive_float, "Time limit of one SPARQL query, in seconds."),
    "max_rows": (10000, _positive_int, "Row cap of one SPARQL result; truncated results are flagged."),
    "query_workers": (2, _positive_int,
                      "SPARQL worker processes of the web server: queries that run at once. One client (address) "
                      "runs at most half of them at a time (at least one)."),
    "query_queue": (16, _positive_int,
                    "SPARQL queries that may wait for a worker, all clients together; when full, the next is "
                    "answered 503 with Retry-After."),
    "query_client_share": (4, _positive_int,
                           "SPARQL queries one client (address; behind a proxy, the one ProxyFix gives) may have "
                           "running or waiting at once; one more is answered 503 with Retry-After."),
    "query_memory_mb": (1024, _positive_int,
                        "Memory one SPARQL query may add to its worker process, in MB (RLIMIT_AS, Linux); past it "
                        "the query stops with a clear error and the worker is replaced."),
    "page_size": (20, _positive_int, "Search hits per page, and documents per page on an entity page."),
    "max_upload_mb": (50, _positive_int, "Largest file accepted by an upload or a loader, in MB."),
    "workers": (0, _non_negative_int,
                "NLP worker processes of `kg ingest` (--workers): 0 = one per CPU core, 1 = in the main process."),
    "reread_max": (1000, _non_negative_int,
                   "Documents stored by earlier runs that `kg ingest` reads again, at most, when it learns a quoted "
                   "name they write bare (0: none); the rest wait for the next ingest."),
    "upload_token": ("", str, "Token that unlocks uploads on the web page /upload; empty turns uploads off."),
    "upload_private_urls": (False, _flag,
                            "Let /upload fetch web addresses on this machine or a private network (off: public "
                            "addresses only, so visitors cannot make the server read the intranet)."),
    "upload_keep": ("on", _keep,
                    "Keep the uploaded files of finished jobs under DATA_DIR/uploads: on (keep), off (delete once "
                    "ingested) or a number of days. Refused uploads (unreadable, unsupported, bombs) are deleted at once."),
    "upload_lockout_after": (5, _positive_int,
                             "Wrong upload tokens (login or Bearer) from one address before it is locked out."),
    "upload_lockout_seconds": (60.0, _positive_float,
                               "First lock-out after too many wrong upload tokens, in seconds; each further wrong "
                               "token doubles it (at most an hour). Answered 429 with Retry-After, the right token "
                               "too, until it ends."),
    "secret_key": ("", str, "Key that signs the web session cookie (upload login, CSRF token). "
                            "Default: a random key per server process (sessions end on restart)."),
    "search_backend": ("auto", _search_backend,
                       "Text index engine: whoosh (embedded, pure Python) or tantivy (faster at scale); auto: the "
                       "engine that built the data directory's index, whoosh for a new one. An index built by one "
                       "is not read by the other: re-ingest into a new data directory to switch."),
    "ner_model": (False, _flag,
                  "Add the trained statistical NER (ingest/nlp/model, CC BY-SA 4.0) to the rule-based "
                  "extraction: finds names without titles, about 4x slower. Passed to ingest/nlp by its callers."),
    "sparql_endpoint": ("", _http_url,
                        "Query URL of a remote SPARQL 1.1 server to use instead of the on-disk store "
                        "(e.g. Oxigraph's http://host:7878/query). Its default graph must be the union of all graphs."),
    "sparql_update_endpoint": ("", _http_url,
                               "Update URL of the remote server (Oxigraph: …/update). Default: the query URL."),
    "sparql_graph_store": ("", _http_url,
                           "Graph Store Protocol URL of the remote server (Oxigraph: …/store), for bulk writes. "
                           "Default: none (SPARQL Update only)."),
    "sparql_user": ("", str, "User name for the remote SPARQL server (HTTP basic; digest when the server asks)."),
    "sparql_password": ("", str, "Password for the remote SPARQL server."),
    "smtp_host": ("", str, "SMTP server that e-mails alerts to the address a saved view names; empty: no e-mail."),
    "smtp_port": (25, _port, "Port of the SMTP server."),
    "smtp_from": ("kg@localhost", str, "Sender address of alert e-mails."),
    "smtp_user": ("", str, "User name for the SMTP server (empty: no login)."),
    "smtp_password": ("", str, "Password for the SMTP server."),
    "smtp_starttls": (False, _flag, "Use STARTTLS with the SMTP server."),
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 5000
    threads: int = 8
    connection_limit: int = 2000
    header_timeout: float = 10.0
    idle_timeout: float = 30.0
    access_log: str = ""
    trusted_proxies: int = 0
    trusted_hosts: str = ""
    base_iri: str = "http://127.0.0.1:5000/"
    query_timeout: float = 10.0
    max_rows: int = 10000
    query_workers: int = 2
    query_queue: int = 16
    query_client_share: int = 4
    query_memory_mb: int = 1024
    page_size: int = 20
    max_upload_mb: int = 50
    workers: int = 0
    reread_max: int = 1000
    upload_token: str = field(default="", repr=False)
    upload_private_urls: bool = False
    upload_keep: str = "on"
    upload_lockout_after: int = 5
    upload_lockout_seconds: float = 60.0
    secret_key: str = field(default="", repr=False)
    search_backend: str = "auto"
    ner_model: bool = False
    sparql_endpoint: str = ""
    sparql_update_endpoint: str = ""
    sparql_graph_store: str = ""
    sparql_user: str = ""
    sparql_password: str = field(default="", repr=False)
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_from: str = "kg@localhost"
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_starttls: bool = False

    def __post_init__(self) -> None:
        if not self.sparql_endpoint:
            for name in ("sparql_update_endpoint", "sparql_graph_store", "sparql_user", "sparql_password"):
                if getattr(self, name):
                    raise SettingsError(f"KG_{name.upper()}만 설정되고 KG_SPARQL_ENDPOINT는 비어 있습니다. 원격 서버의 "
                                        f"질의 URL도 설정하세요 (KG_{name.upper()} is set but KG_SPARQL_ENDPOINT is not)")
        if self.sparql_password and not self.sparql_user:
            raise SettingsError("KG_SPARQL_PASSWORD만 설정되고 KG_SPARQL_USER는 비어 있습니다. 사용자 이름도 설정하세요 "
                                "(KG_SPARQL_PASSWORD is set but KG_SPARQL_USER is not)")

    @property
    def graph_dir(self) -> Path:
        return Path(self.data_dir) / "graph"

    @property
    def index_dir(self) -> Path:
        return Path(self.data_dir) / "index"

    @property
    def upload_keep_days(self) -> int | None:
        """`upload_keep` as days: None keeps files, 0 deletes them once ingested."""
        return None if self.upload_keep == "on" else 0 if self.upload_keep == "off" else int(self.upload_keep)

    @property
    def ingest_workers(self) -> int:
        """`workers`, with 0 meaning one per CPU core."""
        return self.workers or max(1, os.cpu_count() or 1)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then KG_* variables, then explicit overrides (None values ignored)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            default, parse, _help = SETTINGS[f.name]
            raw = env.get("KG_" + f.name.upper())
            values[f.name] = _parse(f.name, raw, parse) if raw not in (None, "") else parse(str(default)) if f.name == "data_dir" else default
        for name, raw in overrides.items():
            if raw is None:
                continue
            if name not in SETTINGS:
                raise SettingsError(f"알 수 없는 설정입니다: {name!r} (unknown setting {name!r})")
            values[name] = _parse(name, str(raw), SETTINGS[name][1])
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **changes)


def _parse(name: str, raw: str, parse: Callable[[str], Any]) -> Any:
    """The parsed value, or a SettingsError that says in Korean (then English) what the
    value must be, followed by the setting's help text."""
    try:
        return parse(raw)
    except (ValueError, TypeError) as e:
        ko, en = (e.ko, e.en) if isinstance(e, _Invalid) else ("쓸 수 없는 값입니다", "unusable value")
        var = f"KG_{name.upper()}"
        raise SettingsError(f"{var} 값이 잘못됐습니다: {raw!r}. {ko} (invalid value {raw!r} for {var}: {en}). "
                            f"{SETTINGS[name][2]}") from None


def describe() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) rows, for `kg settings` and the README."""
    return [("KG_" + n.upper(), str(d), h) for n, (d, _p, h) in SETTINGS.items()]
