"""Text-index backends behind one small interface (kg.search.base.SearchBackend).

    from kg.search import open_index
    ix = open_index(settings.index_dir, "tantivy")   # or backend=None: whatever built it (KG_SEARCH_BACKEND=auto)

whoosh is the embedded default (pure Python); tantivy (Rust, through the `tantivy`
package) is faster to write and to search at scale. Both index the same Kiwi terms and
return the same SearchResult, so switching is a setting (KG_SEARCH_BACKEND) plus a
re-ingest into an empty index directory.
"""
from __future__ import annotations

from pathlib import Path

from core.errors import SettingsError
from kg.search.base import FACET_TYPES, Hit, IndexDoc, SearchBackend, SearchResult, source_origin

BACKENDS = ("whoosh", "tantivy")

__all__ = ["BACKENDS", "FACET_TYPES", "Hit", "IndexDoc", "SearchBackend", "SearchResult", "detect_backend",
           "open_index", "source_origin"]


def detect_backend(path: Path | str) -> str | None:
    """The backend that built the index at `path`, or None when there is none yet."""
    path = Path(path)
    if (path / "meta.json").exists():
        return "tantivy"
    if any(path.glob("_MAIN_*.toc")):
        return "whoosh"
    return None


def open_index(path: Path | str, backend: str | None = "whoosh", create: bool = True) -> SearchBackend:
    """Open (or create) the text index at `path` with `backend`; None opens whatever
    backend built the index there (whoosh for a new one)."""
    name = backend or detect_backend(path) or "whoosh"
    if name == "whoosh":
        from kg.search.whoosh_backend import WhooshIndex  # noqa: PLC0415

        return WhooshIndex(path, create=create)
    if name == "tantivy":
        from kg.search.tantivy_backend import TantivyIndex  # noqa: PLC0415 (tantivy is optional at import)

        return TantivyIndex(path, create=create)
    raise SettingsError(f"알 수 없는 검색 엔진입니다: {name!r}. {', '.join(BACKENDS)} 가운데 하나를 고르세요 "
                        f"(unknown search backend {name!r})")
