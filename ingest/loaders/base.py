"""What every loader shares: the error type, the loader base class, Document assembly.

A loader turns the bytes of one file into Documents. It never raises for bad input: the
registry (`load_path`) hands failures on as `LoadError` values, so a batch goes on.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator

from core.model import Document
from core.errors import LoadError

TITLE_MAX = 200  # characters; a longer first line is a paragraph, not a title


class PathLoadError(LoadError):
    """A `LoadError` that knows which file (and, for JSON Lines, which line) failed.

    `str(err)` is the full message, e.g. "notes.jsonl: 3행: JSON 형식이 잘못됐습니다 (invalid JSON: …)":
    Korean first, the English after in brackets.
    """

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}: {line}행" if line is not None else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:  # keep it picklable despite the custom __init__
        return (type(self), (self.path, self.problem, self.line))


LoadResult = Document | LoadError


class Loader:
    """One loader per format (Aleph ingest-file style).

    `match` scores how well this loader fits a file: 0 means "not mine". The registry picks
    the highest score. An extension or MIME type match is worth `EXTENSION_SCORE`; subclasses
    add content sniffing on the first bytes of the file.
    """

    NAME: ClassVar[str] = "base"
    EXTENSIONS: ClassVar[tuple[str, ...]] = ()
    MIME_TYPES: ClassVar[tuple[str, ...]] = ()
    EXTENSION_SCORE: ClassVar[int] = 10

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        return cls.declared_score(path, mime_type)

    @classmethod
    def declared_score(cls, path: Path, mime_type: str | None = None) -> int:
        """EXTENSION_SCORE when the file's extension or MIME type is one of ours, else 0."""
        if path.suffix.lower() in cls.EXTENSIONS:
            return cls.EXTENSION_SCORE
        if mime_type and mime_type.split(";")[0].strip().lower() in cls.MIME_TYPES:
            return cls.EXTENSION_SCORE
        return 0

    def load(self, path: Path, data: bytes) -> Iterator[LoadResult]:
        """Yield Documents and, for what could not be loaded, LoadErrors (never raise them)."""
        try:
            yield self.load_one(path, data)
        except LoadError as e:
            yield e

    def load_one(self, path: Path, data: bytes) -> Document:
        """Single-document formats implement this and raise `PathLoadError` on failure."""
        raise NotImplementedError


# One record of a many-record file: (its line or number, a call that makes its Document or
# raises PathLoadError, its position in the file 0..1 or None); or an error already known.
Record = tuple[int, Callable[[], Document], float | None] | PathLoadError


def load_records(records: Iterable[Record],
                 duplicate: Callable[[Document, int, int], PathLoadError],
                 empty: Callable[[], PathLoadError | None] | None = None) -> Iterator[LoadResult]:
    """The per-record loop of the formats that hold many documents in one file (CSV, JSON
    Lines, feeds, Assembly dumps), kept in one place: each record becomes its Document or
    its PathLoadError (naming its line or number) and the loop goes on; a record whose key
    came before is skipped with `duplicate(doc, first, n)`; `empty()`, if it gives one, is
    yielded when no record came (errors passed through as such do not count)."""
    seen: dict[str, int] = {}
    count = 0
    for record in records:
        if isinstance(record, PathLoadError):
            yield record
            continue
        count += 1
        n, make, position = record
        try:
            doc = make()
        except PathLoadError as e:
            yield e
            continue
        if doc.key in seen:
            yield duplicate(doc, seen[doc.key], n)
            continue
        seen[doc.key] = n
        if position is not None:
            doc.position = position
        yield doc
    if not count and empty is not None and (err := empty()) is not None:
        yield err


_WS = re.compile(r"\s+")
_HTTP = re.compile(r"https?://\S", re.IGNORECASE)  # a document URL the UI may link to


def clean_title(title: str | None) -> str:
    """One line, single spaces, at most TITLE_MAX characters."""
    t = _WS.sub(" ", title or "").strip()
    if len(t) > TITLE_MAX:
        t = t[: TITLE_MAX - 1].rstrip() + "…"
    return t


def first_line(text: str) -> str:
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def make_document(path: Path, *, title: str | None, text: str, key: str | None = None,
                  date: str | None = None, url: str | None = None, meta: dict[str, Any],
                  line: int | None = None) -> Document:
    """Assemble a Document, enforcing the invariants every consumer relies on.

    text must be non-empty (else 'no text'); the title falls back to the file stem; the
    source is the path as given; the key defaults to the path.
    """
    text = text.strip()
    if not text:
        raise PathLoadError(path, "본문이 없습니다: 마크업과 공백을 빼면 빈 문서입니다 "
                                  "(no text: the document is empty after removing markup and whitespace)", line)
    url = (url or "").strip() or None
    if url is not None and not _HTTP.match(url):
        # a javascript: or file: address would become a link in the UI: kept as text only
        meta = {**meta, "url_text": url}
        url = None
    meta = {k: v for k, v in meta.items() if v not in (None, "", [])}
    return Document(title=clean_title(title) or clean_title(path.stem) or str(path),
                    text=text, source=str(path), key=key or str(path), date=date, url=url, meta=meta)
