"""PDF documents (.pdf): the text layer, page by page, with pypdf (BSD, pure Python).

Pages are joined with a blank line; meta['pages'] holds one (start, end) character span
of Document.text per page (an empty page has an empty span), so that a search hit at
offset k can say "p. 3": see `page_of`. Title: the document information /Title unless it
is a file name or a tool's placeholder, else the first line.

Refused with a clear error: encrypted PDFs that need a password (an empty user password,
common for copy-protected government PDFs, is tried first), PDFs with no text layer at
all (scanned: OCR is not supported), and malformed files. The work is bounded: at most
MAX_PAGES pages and TIME_LIMIT seconds per file; pypdf caps decompression itself.
"""
from __future__ import annotations

import io
import logging
import re
import time
import warnings
from pathlib import Path
from typing import Any

from ingest.loaders.base import Loader, PathLoadError, first_line, make_document
from ingest.loaders.decode import normalize_text
from core.model import Document

MAX_PAGES = 5000
TIME_LIMIT = 60.0  # seconds for one file's text extraction, checked between pages
WARNINGS_KEPT = 5
_LOCKED = "암호가 걸린 PDF라 읽을 수 없습니다: 비밀번호가 필요합니다 (encrypted PDF: cannot read; a password is required)"
_PLACEHOLDER_TITLE = re.compile(r"(?i)^(?:microsoft \w+ - .*|.*\.(?:hwp|hwpx|docx?|pdf|pptx?|xlsx?)|untitled|"
                                r"제목 ?없음|무제|noname|\s*)$")


def page_of(doc: Document, offset: int) -> int | None:
    """The 1-based page number holding character `offset` of a PDF document's text."""
    for number, (start, end) in enumerate(doc.meta.get("pages") or (), start=1):
        if start <= offset < end:
            return number
    return None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.messages) < WARNINGS_KEPT:
            self.messages.append(f"pypdf: {record.getMessage()[:200]}")


class PDFLoader(Loader):
    NAME = "pdf"
    EXTENSIONS = (".pdf",)
    MIME_TYPES = ("application/pdf", "application/x-pdf")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if b"%PDF-" in head_bytes[:1024]:
            return cls.EXTENSION_SCORE + 5
        return cls.declared_score(path, mime_type)

    def load_one(self, path: Path, data: bytes) -> Document:
        if b"%PDF-" not in data[:1024]:
            raise PathLoadError(path, "PDF 문서가 아닙니다: %PDF- 머리글이 없습니다 (not a PDF document: no %PDF- header)")
        logger, handler = logging.getLogger("pypdf"), _Collect()
        propagate = logger.propagate
        logger.addHandler(handler)
        logger.propagate = False  # pypdf's complaints about odd files go to meta['warnings'], not stderr
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return self._load(path, data, handler.messages)
        finally:
            logger.removeHandler(handler)
            logger.propagate = propagate

    def _load(self, path: Path, data: bytes, notes: list[str]) -> Document:
        try:
            from pypdf import PdfReader  # noqa: PLC0415 (only needed for PDF)
            from pypdf.errors import DependencyError, FileNotDecryptedError  # noqa: PLC0415
        except ImportError:
            raise PathLoadError(path, "PDF를 읽으려면 'pypdf' 패키지가 필요합니다. requirements.txt를 보세요 "
                                      "(PDF support needs the 'pypdf' package; see requirements.txt)") from None

        meta: dict[str, Any] = {"format": self.NAME}
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                if not reader.decrypt(""):
                    raise PathLoadError(path, _LOCKED)
                meta["encrypted"] = True  # owner password only: readable
            pages = reader.pages
            count = len(pages)
        except PathLoadError:
            raise
        except DependencyError as e:
            raise PathLoadError(path, f"암호화된 PDF라 읽을 수 없습니다 (encrypted PDF: cannot read: {e})") from None
        except FileNotDecryptedError:
            raise PathLoadError(path, _LOCKED) from None
        except Exception as e:  # pypdf raises many types (PdfReadError, KeyError, …) on malformed files
            raise PathLoadError(path, f"PDF가 손상됐거나 잘렸습니다 "
                                      f"(corrupted or truncated PDF: {type(e).__name__}: {str(e)[:200]})") from None
        if count > MAX_PAGES:
            raise PathLoadError(path, f"PDF가 {count}쪽으로 한도 {MAX_PAGES}쪽을 넘습니다 "
                                      f"(PDF has {count} pages; the limit is {MAX_PAGES})")
        texts, failed, deadline = [], 0, time.monotonic() + TIME_LIMIT
        for number in range(count):
            if time.monotonic() > deadline:
                raise PathLoadError(path, f"PDF 글자 추출이 {TIME_LIMIT:.0f}초를 넘어 {count}쪽 가운데 {number + 1}쪽에서 "
                                          f"멈췄습니다 (PDF text extraction took over {TIME_LIMIT:.0f} s; "
                                          f"stopped at page {number + 1} of {count})")
            try:
                texts.append(normalize_text(pages[number].extract_text() or "").strip())
            except DependencyError as e:  # AES-encrypted content without the 'cryptography' package
                raise PathLoadError(path, f"암호화된 PDF라 읽을 수 없습니다 (encrypted PDF: cannot read: {e})") from None
            except Exception as e:  # one bad page does not sink the document
                failed += 1
                texts.append("")
                if failed <= WARNINGS_KEPT:
                    notes.append(f"page {number + 1}: text not extracted ({type(e).__name__})")
        text, spans = _join_pages(texts)
        if not text:
            raise PathLoadError(path, "텍스트 레이어가 없습니다. 스캔한 PDF라면 글자 인식(OCR)은 지원하지 않습니다 "
                                      "(no text layer: scanned PDF? OCR is not supported)" if count and not failed
                                else "본문이 없습니다: 읽을 수 있는 쪽이 없습니다 (no text: no page could be read)")
        meta["pages"] = spans
        meta["page_count"] = count
        title = _info(reader, meta)
        meta["warnings"] = notes
        return make_document(path, title=title or first_line(text), text=text, meta=meta)


def _join_pages(texts: list[str]) -> tuple[str, list[tuple[int, int]]]:
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for t in texts:
        if t:
            if parts:
                parts.append("\n\n")
                pos += 2
            parts.append(t)
            spans.append((pos, pos + len(t)))
            pos += len(t)
        else:
            spans.append((pos, pos))
    return "".join(parts), spans


def _info(reader: Any, meta: dict[str, Any]) -> str | None:
    """Title from the document information dictionary; author and creation date to meta."""
    try:
        info = reader.metadata
        if info is None:
            return None
        title, author, created = info.title, info.author, info.get("/CreationDate")
    except Exception:  # a damaged info dictionary only costs the title
        return None
    if isinstance(author, str) and author.strip():
        meta["author"] = normalize_text(author).strip()
    if isinstance(created, str):
        m = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
        if m:
            meta["created"] = "-".join(m.groups())
    if isinstance(title, str):
        title = normalize_text(title).strip()
        if not _PLACEHOLDER_TITLE.match(title):
            return title
    return None
