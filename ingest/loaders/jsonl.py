"""JSON Lines (.jsonl, .ndjson): one document per line.

Each line is an object with `title`, `body` or `text`, and optionally `date`, `url`, `id`,
`source` (→ meta['source_kind']); other fields go to meta. A record's key is
"PATH#ID" when it has an id, else "PATH#LLINE", so re-ingesting an edited file replaces
each record by its identity. A bad line becomes a LoadError naming its line; the other
lines still load, also when the bad line is bad bytes (a file mostly in one encoding,
ingest.loaders.decode): the line with them fails, not the file.
"""
from __future__ import annotations

import codecs
import json
import re
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from ingest.loaders.base import Loader, LoadResult, PathLoadError, Record, first_line, load_records, make_document
from ingest.loaders.dates import date_field
from ingest.loaders.decode import Decoded, decode_bytes, normalize_text
from core.model import Document

TEXT_FIELDS = ("body", "text")
_SNIFF = re.compile(rb"\s*\{\s*\"[^\"\n]{1,64}\"\s*:")


class JSONLinesLoader(Loader):
    NAME = "jsonl"
    EXTENSIONS = (".jsonl", ".ndjson", ".jsonlines")
    MIME_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        score = cls.declared_score(path, mime_type)
        if not score and not path.suffix and _SNIFF.match(head_bytes):
            return 3  # an extension-less file of JSON objects
        return score

    def load(self, path: Path, data: bytes) -> Iterator[LoadResult]:
        try:
            decoded = decode_bytes(data, path)
        except PathLoadError as e:
            yield e
            return
        lines, warnings = _lines(data, decoded)
        size = max(1, len(decoded.text))

        def records() -> Iterator[Record]:
            offset = 0
            for lineno, line in enumerate(lines, start=1):
                offset += len(line) + 1
                if line.strip():
                    yield lineno, partial(self._checked, path, lineno, line, decoded, warnings), min(1.0, offset / size)

        yield from load_records(records(), _duplicate, lambda: PathLoadError(
            path, "레코드가 없습니다: 빈 줄뿐인 파일입니다 (no records: the file holds only blank lines)"))

    def _checked(self, path: Path, lineno: int, line: str, decoded: Decoded, warnings: list[str]) -> Document:
        """`record`, after failing the line that holds bytes the file's encoding cannot read."""
        if (bad := _ESCAPED.search(line)) is not None:
            at = len(line[:bad.start()].encode(decoded.encoding, errors="surrogateescape"))
            raise PathLoadError(path, f"{decoded.encoding.upper()}로 읽을 수 없는 바이트가 있어 이 줄을 건너뜁니다"
                                      f"(줄의 {at}번째 바이트) (invalid {decoded.encoding.upper()} at byte {at} "
                                      f"of the line; record skipped)", lineno)
        return self.record(path, lineno, line, decoded.encoding, warnings)

    def record(self, path: Path, lineno: int, line: str, encoding: str, warnings: list[str]) -> Document:
        try:
            obj = json.loads(line.lstrip("\ufeff"))
        except json.JSONDecodeError as e:
            raise PathLoadError(path, f"JSON 형식이 {e.colno}열에서 잘못됐습니다 (invalid JSON: {e.msg} at column {e.colno})",
                                lineno) from None
        except RecursionError:
            raise PathLoadError(path, "JSON이 너무 깊게 중첩되어 있습니다 (invalid JSON: nested too deeply)", lineno) from None
        except ValueError as e:  # e.g. an integer with more than 4300 digits
            raise PathLoadError(path, f"JSON 형식이 잘못됐습니다 (invalid JSON: {str(e)[:100]})", lineno) from None
        if not isinstance(obj, dict):
            raise PathLoadError(path, f"JSON 객체가 아니라 {_kind_ko(obj)}입니다. 한 줄에 {{…}} 객체 하나를 쓰세요 "
                                      f"(expected a JSON object, got {_kind(obj)})", lineno)
        obj = {str(k).strip().lower(): v for k, v in obj.items()}
        field = next((f for f in TEXT_FIELDS if f in obj), None)
        if field is None:
            raise PathLoadError(path, "본문이 없습니다: 'body'나 'text' 필드가 있어야 합니다 "
                                      "(no text: expected a 'body' or 'text' field)", lineno)
        body = obj.pop(field)
        if not isinstance(body, str):
            raise PathLoadError(path, f"'{field}' 필드는 문자열이어야 하는데 {_kind_ko(body)}입니다 "
                                      f"('{field}' must be a string, got {_kind(body)})", lineno)
        text = normalize_text(body)
        if not text.strip():
            raise PathLoadError(path, f"본문이 없습니다: '{field}' 필드가 비어 있습니다 (no text: '{field}' is empty)", lineno)
        rec_warnings = list(warnings)
        rid = obj.pop("id", None)
        if isinstance(rid, (dict, list)) or rid is True or rid is False:
            raise PathLoadError(path, f"'id' 필드는 문자열이나 숫자여야 하는데 {_kind_ko(rid)}입니다 "
                                      f"('id' must be a string or a number, got {_kind(rid)})", lineno)
        rid = normalize_text(str(rid)).strip() if rid is not None else ""
        title = obj.pop("title", None)
        date = date_field(obj.pop("date", None), rec_warnings)
        url = obj.pop("url", None)
        meta: dict[str, Any] = {"format": self.NAME, "encoding": encoding, "line": lineno}
        if "source" in obj:
            meta["source_kind"] = obj.pop("source")
        meta.update((k, v) for k, v in obj.items() if k not in meta and k not in TEXT_FIELDS)
        meta["warnings"] = rec_warnings
        title_text = normalize_text(title) if isinstance(title, str) and title.strip() else first_line(text)
        key = f"{path}#{rid}" if rid else f"{path}#L{lineno}"
        return make_document(path, title=title_text, text=text, key=key, date=date,
                             url=url if isinstance(url, str) else None, meta=meta, line=lineno)


_ESCAPED = re.compile("[\udc80-\udcff]")


def _duplicate(doc: Document, first: int, lineno: int) -> PathLoadError:
    rid = doc.key.rsplit("#", 1)[1]
    return PathLoadError(doc.source, f"중복된 id {rid!r}: {first}행에 먼저 있어 건너뜁니다 "
                                        f"(duplicate id {rid!r}, first on line {first}; record skipped)", lineno)


def _lines(data: bytes, decoded: Decoded) -> tuple[list[str], list[str]]:
    """The lines of the file, and the warnings every record gets. A file decoded with
    replacement is split again from its bytes with the bad bytes kept as surrogates, so
    that the lines holding them fail alone (and no record carries the file's warning).
    Split on line ends only: U+2028 and friends are legal inside JSON strings."""
    if not decoded.replaced:
        return decoded.text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), decoded.warnings
    raw = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    text = raw.decode(decoded.encoding, errors="surrogateescape")  # CR and LF are never inside a UTF-8 or CP949 character
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), decoded.warnings[:-1]  # [-1]: the replacement's


def _kind(value: object) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def _kind_ko(value: object) -> str:
    return {dict: "객체", list: "배열", str: "문자열", bool: "참/거짓 값", type(None): "null",
            int: "숫자", float: "숫자"}.get(type(value), type(value).__name__)
