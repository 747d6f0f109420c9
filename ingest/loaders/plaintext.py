"""Plain text (.txt) and Markdown (.md), each with an optional front-matter block:

    ---
    title: 인공지능 자율제조 전략
    date: 2024-03-07
    source: 보도자료
    url: https://www.motie.go.kr/...
    ---

Simple `key: value` lines (no YAML library). `source` becomes meta['source_kind'] (the
kind of document, e.g. 보도자료), because Document.source is always the file path.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ingest.loaders.base import Loader, first_line, make_document
from ingest.loaders.dates import date_field
from ingest.loaders.decode import decode_bytes, normalize_text
from ingest.loaders.markdown import strip_markdown
from core.model import Document

_FM_OPEN = re.compile(r"---[ \t]*\n")
_FM_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FM_KEY = re.compile(r"^([^\s:#\-][^:]{0,39}?)\s*:(?:\s+(.*)|\s*)$")
_FM_ITEM = re.compile(r"^\s*-\s+(.*)$")
FRONT_MATTER_MAX = 16384  # characters; a longer "header" is not front matter
_HEADING_MARK = re.compile(r"^#{1,6}\s+")


def split_front_matter(text: str) -> tuple[dict[str, Any], str, list[str]]:
    """(fields, body, warnings). Text without a closed `---` block with at least one
    `key: value` line comes back unchanged with no fields."""
    m = _FM_OPEN.match(text)
    if not m:
        return {}, text, []
    close = _FM_CLOSE.search(text, m.end(), m.end() + FRONT_MATTER_MAX)
    if not close:
        return {}, text, []
    fields: dict[str, Any] = {}
    warnings: list[str] = []
    last: str | None = None
    for n, line in enumerate(text[m.end():close.start()].split("\n"), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kv, item = _FM_KEY.match(line), _FM_ITEM.match(line)
        if kv:
            last = kv.group(1).strip().lower()
            fields[last] = _unquote(kv.group(2) or "")
        elif item and last is not None and (fields[last] == "" or isinstance(fields[last], list)):
            fields[last] = [*(fields[last] or []), _unquote(item.group(1))]  # a YAML-style list
        else:
            warnings.append(f"front matter line {n} ignored (expected 'key: value'): {line.strip()[:60]!r}")
    if not fields:
        return {}, text, []
    return fields, text[close.end():], warnings


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


class TextLoader(Loader):
    NAME = "text"
    EXTENSIONS = (".txt", ".text")
    MIME_TYPES = ("text/plain",)

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        score = cls.declared_score(path, mime_type)
        if not score and not path.suffix and b"\x00" not in head_bytes[:1024]:
            return 1  # README, NOTICE, …: worth a try as text
        return score

    def body_text(self, body: str) -> tuple[str, str]:
        """(text, title candidate) of the body after front matter."""
        return body, _HEADING_MARK.sub("", first_line(body))

    def load_one(self, path: Path, data: bytes) -> Document:
        decoded = decode_bytes(data, path)
        fields, body, warnings = split_front_matter(normalize_text(decoded.text))
        text, first = self.body_text(body)
        text = normalize_text(text)
        warnings = decoded.warnings + warnings
        title = fields.pop("title", None) or first
        date = date_field(fields.pop("date", None), warnings)
        url = fields.pop("url", None)
        meta: dict[str, Any] = {"format": self.NAME, "encoding": decoded.encoding}
        if "source" in fields:
            meta["source_kind"] = fields.pop("source")
        meta.update((k, v) for k, v in fields.items() if k not in meta)
        meta["warnings"] = warnings
        return make_document(path, title=title if isinstance(title, str) else str(title), text=text,
                             date=date, url=url if isinstance(url, str) else None, meta=meta)


class MarkdownLoader(TextLoader):
    NAME = "markdown"
    EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd")
    MIME_TYPES = ("text/markdown", "text/x-markdown")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        score = cls.declared_score(path, mime_type)
        if not score and not path.suffix and head_bytes.lstrip()[:2] in (b"# ", b"--"):
            return 2
        return score

    def body_text(self, body: str) -> tuple[str, str]:
        text = strip_markdown(body)
        return text, first_line(text)
