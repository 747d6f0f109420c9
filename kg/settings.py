"""One table of settings: name, default, help text; overridable by KG_* environment
variables; validated at start-up with a clear error (Datasette's style)."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from kg.errors import SettingsError


def _positive_int(v: str) -> int:
    n = int(v)
    if n <= 0:
        raise ValueError("must be a positive integer")
    return n


def _positive_float(v: str) -> float:
    n = float(v)
    if n <= 0:
        raise ValueError("must be a positive number")
    return n


def _port(v: str) -> int:
    n = int(v)
    if not 0 < n < 65536:
        raise ValueError("must be between 1 and 65535")
    return n


def _iri_base(v: str) -> str:
    if not (v.startswith("http://") or v.startswith("https://")):
        raise ValueError("must be an http(s) IRI, e.g. http://127.0.0.1:5000/")
    return v if v.endswith("/") else v + "/"


# name → (default, parser, help)
SETTINGS: dict[str, tuple[Any, Callable[[str], Any], str]] = {
    "data_dir": ("data", Path, "Directory holding the graph store (graph/) and the text index (index/)."),
    "host": ("127.0.0.1", str, "Host the web server binds to."),
    "port": (5000, _port, "Port the web server listens on."),
    "base_iri": ("http://127.0.0.1:5000/", _iri_base,
                 "Base under which entity and document IRIs are minted (…/id/…)."),
    "query_timeout": (10.0, _positive_float, "Time limit of one SPARQL query, in seconds."),
    "max_rows": (10000, _positive_int, "Row cap of one SPARQL result; truncated results are flagged."),
    "page_size": (20, _positive_int, "Search hits per page."),
    "max_upload_mb": (50, _positive_int, "Largest file accepted by an upload or a loader, in MB."),
}


@dataclass(frozen=True)
class Settings:
    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 5000
    base_iri: str = "http://127.0.0.1:5000/"
    query_timeout: float = 10.0
    max_rows: int = 10000
    page_size: int = 20
    max_upload_mb: int = 50

    @property
    def graph_dir(self) -> Path:
        return Path(self.data_dir) / "graph"

    @property
    def index_dir(self) -> Path:
        return Path(self.data_dir) / "index"

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
                raise SettingsError(f"unknown setting {name!r}")
            values[name] = _parse(name, str(raw), SETTINGS[name][1])
        return cls(**values)

    def with_(self, **changes: Any) -> "Settings":
        return replace(self, **changes)


def _parse(name: str, raw: str, parse: Callable[[str], Any]) -> Any:
    try:
        return parse(raw)
    except (ValueError, TypeError) as e:
        raise SettingsError(f"invalid value {raw!r} for KG_{name.upper()}: {e}. {SETTINGS[name][2]}") from None


def describe() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) rows, for `kg settings` and the README."""
    return [("KG_" + n.upper(), str(d), h) for n, (d, _p, h) in SETTINGS.items()]
