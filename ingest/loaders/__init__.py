"""Document loaders: files → `Document`s (see registry.py for the `load_path` contract).

One loader class per format, each with EXTENSIONS, MIME_TYPES and a `match()` score
(Aleph ingest-file style). Supported: plain text, Markdown, HTML, JSON Lines, in UTF-8,
UTF-16 or CP949/EUC-KR.
"""
from __future__ import annotations

from ingest.loaders.base import Loader, LoadResult, PathLoadError
from ingest.loaders.dates import parse_date
from ingest.loaders.decode import decode_bytes, normalize_text
from ingest.loaders.htmldoc import HTMLLoader
from ingest.loaders.jsonl import JSONLinesLoader
from ingest.loaders.markdown import strip_markdown
from ingest.loaders.plaintext import MarkdownLoader, TextLoader, split_front_matter
from ingest.loaders.registry import LOADERS, iter_paths, load_path, pick_loader, supported_extensions

__all__ = [
    "LOADERS", "HTMLLoader", "JSONLinesLoader", "LoadResult", "Loader", "MarkdownLoader", "PathLoadError",
    "TextLoader", "decode_bytes", "iter_paths", "load_path", "normalize_text", "parse_date", "pick_loader",
    "split_front_matter", "strip_markdown", "supported_extensions",
]
