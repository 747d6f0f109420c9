"""Choosing a loader for a path, and expanding folders into files.

Contract of `load_path` (the one entry point of the ingest stage):

* It yields `Document | LoadError` items and never raises for a bad file: errors are
  values, so the caller records them and the batch goes on.
* Single-document formats (text, Markdown, HTML) yield exactly one item: the Document,
  or the LoadError saying why the file could not be loaded.
  So do the binary formats (PDF, HWP, HWPX, DOCX): a zip bomb, a truncated or corrupted
  container, an encrypted document or a scanned PDF is that one LoadError, and the work
  on each file is bounded (sizes checked before decompressing, pages and time capped).
* Multi-document formats (JSON Lines, CSV/TSV, RSS/Atom feeds) yield one item per record:
  a Document, or a LoadError naming the bad line or item ("PATH: N행: JSON 형식이 … (invalid JSON …)");
  a problem with the whole file (too large, binary, undecodable) is a single LoadError.
* Every LoadError is a `PathLoadError` whose message starts with the path; the reason
  is Korean first, the English after in brackets.
* Every Document then goes through `pressrelease.annotate`, which recognises the header
  of a Korean 보도자료 (embargo, department, contact, ministry) whatever the format.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ingest.loaders.assembly import AssemblyLoader
from ingest.loaders.base import Loader, LoadResult, PathLoadError
from ingest.loaders.csvdoc import CSVLoader, sidecar_path
from ingest.loaders.docx import DOCXLoader
from ingest.loaders.feed import FeedLoader
from ingest.loaders.htmldoc import HTMLLoader
from ingest.loaders.hwp import HWPLoader
from ingest.loaders.hwpx import HWPXLoader
from ingest.loaders.jsonl import JSONLinesLoader
from ingest.loaders.pdf import PDFLoader
from ingest.loaders.plaintext import MarkdownLoader, TextLoader
from ingest.loaders.pressrelease import annotate
from core.model import Document

LOADERS: tuple[type[Loader], ...] = (TextLoader, MarkdownLoader, HTMLLoader, JSONLinesLoader, CSVLoader,
                                     FeedLoader, PDFLoader, HWPXLoader, DOCXLoader, HWPLoader, AssemblyLoader)
HEAD_BYTES = 4096
_SIGNATURES = (  # formats no loader takes (by this name), for a helpful message: (magic, Korean, English)
    (b"PK\x03\x04", "XLSX·PPTX 같은 ZIP 압축 파일로 보입니다", "a ZIP archive, e.g. XLSX, PPTX"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "DOC·XLS 같은 OLE 파일로 보입니다. HWP 문서라면 확장자를 .hwp로 바꾸세요",
     "an OLE file, e.g. DOC, XLS; an HWP document needs the .hwp extension"),
    (b"\x89PNG", "PNG 이미지로 보입니다", "a PNG image"), (b"\xff\xd8\xff", "JPEG 이미지로 보입니다", "a JPEG image"),
    (b"GIF8", "GIF 이미지로 보입니다", "a GIF image"), (b"\x1f\x8b", "gzip 압축 파일로 보입니다", "a gzip archive"),
    (b"{\\rtf", "RTF 문서로 보입니다", "an RTF document"),
    (b"<?xml", "RSS나 Atom 피드가 아닌 XML 문서로 보입니다", "an XML document that is not an RSS or Atom feed"),
)


def supported_extensions() -> list[str]:
    return sorted({ext for loader in LOADERS for ext in loader.EXTENSIONS})


def pick_loader(path: Path, head_bytes: bytes, mime_type: str | None = None) -> type[Loader] | None:
    """The loader with the highest `match` score (ties: the first in LOADERS), or None."""
    best, best_score = None, 0
    for loader in LOADERS:
        score = loader.match(path, head_bytes, mime_type)
        if score > best_score:
            best, best_score = loader, score
    return best


def load_path(path: Path, max_bytes: int | None = None, *, mime_type: str | None = None) -> Iterator[LoadResult]:
    """Load one file: yields Documents and LoadErrors (see the module docstring).

    `max_bytes` rejects larger files before reading them; `mime_type` (e.g. an upload's
    Content-Type) helps when the file name has no useful extension.
    """
    path = Path(path)
    try:
        data = _read(path, max_bytes)
        loader = pick_loader(path, data[:HEAD_BYTES], mime_type)
        if loader is None:
            raise PathLoadError(path, _unsupported(path, data[:HEAD_BYTES]))
    except PathLoadError as e:
        yield e
        return
    try:
        for item in loader().load(path, data):
            yield _annotated(item) if isinstance(item, Document) else item
    except Exception as e:  # a loader bug must not sink the batch; report it with the file
        yield PathLoadError(path, f"{loader.NAME} 형식을 읽다가 예기치 않은 오류가 났습니다 "
                                  f"({loader.NAME} loader failed unexpectedly: {type(e).__name__}: {e})")


def _annotated(doc: Document) -> Document:
    """Press-release metadata added; a bug there costs the metadata, not the document."""
    try:
        return annotate(doc)
    except Exception as e:
        doc.meta.setdefault("warnings", []).append(f"press-release header not read ({type(e).__name__}: {e})")
        return doc


def _read(path: Path, max_bytes: int | None) -> bytes:
    """The file's bytes, refusing what is missing, not a regular file, empty or too large."""
    try:
        st = path.stat()
        if not path.is_file():
            raise PathLoadError(path, "파일이 아니라 폴더입니다 (is a directory, not a file)" if path.is_dir()
                                else "일반 파일이 아닙니다 (not a regular file)")
        if max_bytes is not None and st.st_size > max_bytes:
            raise PathLoadError(path, f"파일이 너무 큽니다: {_size(st.st_size)}, 한도 {_size(max_bytes)} "
                                      f"(file is too large: {_size(st.st_size)}; the limit is {_size(max_bytes)})")
        with path.open("rb") as f:  # read at most one byte past the limit: the file may be growing
            data = f.read(max_bytes + 1 if max_bytes is not None else -1)
    except FileNotFoundError:
        raise PathLoadError(path, "파일이 없습니다 (file not found)") from None
    except OSError as e:
        raise PathLoadError(path, f"파일을 읽을 수 없습니다 (cannot read file: {e.strerror or e})") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise PathLoadError(path, f"파일이 너무 큽니다: 한도 {_size(max_bytes)} 초과 "
                                  f"(file is too large: over {_size(max_bytes)}, the limit)")
    if not data:
        raise PathLoadError(path, "빈 파일입니다: 0바이트 (empty file: 0 bytes)")
    return data


def _unsupported(path: Path, head: bytes) -> str:
    ko, en = next(((ko, f"looks like {en}") for magic, ko, en in _SIGNATURES if head.startswith(magic)), (None, None))
    if ko is None and b"\x00" in head:
        ko, en = "이진 데이터입니다", "binary data"
    ext_ko, ext_en = (f"'{path.suffix}' 파일", f"'{path.suffix}'") if path.suffix else ("확장자 없는 파일", "with no extension")
    return (f"지원하지 않는 형식입니다: {ext_ko}{f'({ko})' if ko else ''}. 지원하는 확장자: "
            f"{', '.join(supported_extensions())} (unsupported format: file {ext_en}{f', {en}' if en else ''})")


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def iter_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files to load: each file as given, each folder expanded recursively in sorted order.

    Inside folders, hidden files and folders (name starting with '.') are skipped, and so
    are CSV column mappings (NAME.csv.json next to NAME.csv: read by the CSV loader);
    symbolic links to folders are not followed (no cycles). A path given explicitly is
    yielded even if hidden or missing, so that `load_path` reports what is wrong with it.
    Each file is yielded once.
    """
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        for f in _walk(p) if p.is_dir() else (p,):
            ident = Path(os.path.abspath(f))
            if ident not in seen:
                seen.add(ident)
                yield f


def _walk(top: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        names = set(files)
        for name in sorted(files):
            if not name.startswith(".") and not _is_sidecar(name, names):
                yield Path(root) / name


def _is_sidecar(name: str, siblings: set[str]) -> bool:
    data = name[:-5] if name.lower().endswith(".json") else ""
    return bool(data) and data in siblings and sidecar_path(Path(data)).name == name and \
        Path(data).suffix.lower() in CSVLoader.EXTENSIONS
