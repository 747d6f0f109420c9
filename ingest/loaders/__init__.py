"""Document loaders: files → `Document`s (see registry.py for the `load_path` contract).

One loader class per format, each with EXTENSIONS, MIME_TYPES and a `match()` score
(Aleph ingest-file style). Supported: plain text, Markdown, HTML, JSON Lines, CSV/TSV,
RSS/Atom feeds (text formats in UTF-8, UTF-16 or CP949/EUC-KR), PDF (text layer, with
page spans), HWP 5, HWPX and DOCX. Every Document is checked for a Korean press-release
header (pressrelease.py).
"""
from __future__ import annotations

from ingest.loaders.base import Loader, LoadResult, PathLoadError
from ingest.loaders.csvdoc import CSVLoader
from ingest.loaders.dates import parse_date
from ingest.loaders.decode import decode_bytes, normalize_text
from ingest.loaders.docx import DOCXLoader
from ingest.loaders.feed import FeedLoader
from ingest.loaders.htmldoc import HTMLLoader, html_to_text
from ingest.loaders.hwp import HWPLoader
from ingest.loaders.hwpx import HWPXLoader
from ingest.loaders.jsonl import JSONLinesLoader
from ingest.loaders.markdown import strip_markdown
from ingest.loaders.pdf import PDFLoader, page_of
from ingest.loaders.plaintext import MarkdownLoader, TextLoader, split_front_matter
from ingest.loaders.pressrelease import annotate as annotate_press_release
from ingest.loaders.registry import LOADERS, iter_paths, load_path, pick_loader, supported_extensions

__all__ = [
    "LOADERS", "CSVLoader", "DOCXLoader", "FeedLoader", "HTMLLoader", "HWPLoader", "HWPXLoader",
    "JSONLinesLoader", "LoadResult", "Loader", "MarkdownLoader", "PDFLoader", "PathLoadError", "TextLoader",
    "annotate_press_release", "decode_bytes", "html_to_text", "iter_paths", "load_path", "normalize_text",
    "page_of", "parse_date", "pick_loader", "split_front_matter", "strip_markdown", "supported_extensions",
]
