"""CSV and TSV files (.csv, .tsv, .tab): one Document per row, by a column mapping.

Columns are found by their header names (case, spaces and '_' ignored):

    title  title, subject, headline, 제목, 기사제목
    text   body, text, content, 본문, 내용, 기사내용
    date   date, published, 날짜, 일자, 등록일, 작성일, 게시일
    url    url, link, 링크, 주소
    id     id, no, 번호, 글번호

An explicit mapping in a sidecar file next to the data, NAME.csv.json for NAME.csv,
wins over the header names. Keys are our fields, values the file's column names; "text"
may list several columns, joined with blank lines:

    {"title": "제목", "text": "내용", "date": "등록일", "url": "원문링크", "id": "게시물번호"}

Other columns go to meta (by their header names). The delimiter is a tab for .tsv/.tab,
else a comma (a semicolon or tab when the header has more of those). Encodings as for
text files (CP949 from Excel included). Key: "PATH#ID" when the row has an id, else
"PATH#LN" (N = the row's first line). A bad row (no text, duplicate id, broken field) is
one LoadError naming its line; the other rows still load.
"""
from __future__ import annotations

import csv
import io
import json
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from ingest.loaders.base import Loader, LoadResult, PathLoadError, Record, first_line, load_records, make_document
from ingest.loaders.dates import date_field
from ingest.loaders.decode import decode_bytes, normalize_text
from core.model import Document

FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "subject", "headline", "제목", "기사제목"),
    "text": ("body", "text", "content", "본문", "내용", "기사내용"),
    "date": ("date", "published", "날짜", "일자", "등록일", "작성일", "게시일"),
    "url": ("url", "link", "링크", "주소"),
    "id": ("id", "no", "번호", "글번호"),
}
SIDECAR_MAX = 65536  # bytes
MAX_BAD_IN_A_ROW = 100  # consecutive unreadable rows before giving up on the file


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _norm(name: str) -> str:
    return "".join(name.replace("\ufeff", "").split()).replace("_", "").lower()


class CSVLoader(Loader):
    NAME = "csv"
    EXTENSIONS = (".csv", ".tsv", ".tab")
    MIME_TYPES = ("text/csv", "text/tab-separated-values", "application/csv")

    def load(self, path: Path, data: bytes) -> Iterator[LoadResult]:
        try:
            decoded = decode_bytes(data, path)
            text = decoded.text.lstrip("\ufeff")
            delimiter = self._delimiter(path, text)
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            first = next((row for row in reader if any(c.strip() for c in row)), None)
            if first is None:
                raise PathLoadError(path, "행이 없습니다: 빈 줄뿐인 파일입니다 (no rows: the file holds only blank lines)")
            header = [c.strip() for c in first]
            mapping = self._mapping(path, header)
        except (PathLoadError, csv.Error) as e:
            yield e if isinstance(e, PathLoadError) else \
                PathLoadError(path, f"CSV 머리글 행을 읽을 수 없습니다 (unreadable CSV header: {e})")
            return
        gave_up: list[bool] = []  # too many unreadable rows: the file's own error said so

        def records() -> Iterator[Record]:
            bad, last = 0, reader.line_num
            while True:
                start = last + 1
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as e:
                    last = reader.line_num
                    bad += 1
                    yield PathLoadError(path, f"읽을 수 없는 행입니다 (unreadable row: {e})", start)
                    if bad >= MAX_BAD_IN_A_ROW:
                        yield PathLoadError(path, f"읽을 수 없는 행이 {bad}개 이어져 파일의 나머지를 건너뜁니다 "
                                                  f"({bad} unreadable rows in a row; the rest of the file is skipped)")
                        gave_up.append(True)
                        return
                    continue
                last, bad = reader.line_num, 0
                if any(c.strip() for c in row):
                    yield start, partial(self.row, path, start, header, row, mapping, decoded.encoding,
                                         decoded.warnings), None

        yield from load_records(records(), _duplicate, lambda: None if gave_up else
                                PathLoadError(path, "행이 없습니다: 머리글 행뿐입니다 (no rows: only a header)"))

    @staticmethod
    def _delimiter(path: Path, text: str) -> str:
        if path.suffix.lower() in (".tsv", ".tab"):
            return "\t"
        line = first_line(text)
        return max((",", ";", "\t"), key=lambda d: (line.count(d), d == ","))

    def _mapping(self, path: Path, header: list[str]) -> dict[str, list[str]]:
        """Our field → the header names of its columns (several only for 'text')."""
        columns = {_norm(c): c for c in reversed(header) if c}
        side = sidecar_path(path)
        if side.is_file():
            mapping = _read_sidecar(path, side)
            missing = [c for cols in mapping.values() for c in cols if _norm(c) not in columns]
            if missing:
                raise PathLoadError(path, f"{side.name}에 적힌 열이 머리글에 없습니다: {', '.join(map(repr, missing))}. "
                                          f"있는 열: {', '.join(header)} ({side.name} names columns the header lacks: "
                                          f"{', '.join(map(repr, missing))})")
            return {f: [columns[_norm(c)] for c in cols] for f, cols in mapping.items()}
        found = {f: [columns[n] for n in map(_norm, names) if n in columns][:1] for f, names in FIELDS.items()}
        if not found["text"]:
            raise PathLoadError(path, f"본문 열이 없습니다: 열 이름을 {', '.join(FIELDS['text'])} 가운데 하나로 하거나 "
                                      f"{side.name}에 열 대응을 적으세요. 있는 열: {', '.join(header)} "
                                      f"(no text column)")
        return {f: cols for f, cols in found.items() if cols}

    def row(self, path: Path, line: int, header: list[str], row: list[str], mapping: dict[str, list[str]],
            encoding: str, warnings: list[str]) -> Document:
        values: dict[str, str] = {}
        for name, value in zip(header, row):
            if name and name not in values:
                values[name] = value
        if len(row) > len(header):
            warnings = [*warnings, f"{len(row) - len(header)} cells beyond the header ignored"]
        text = normalize_text("\n\n".join(values.get(c, "") for c in mapping["text"] if values.get(c, "").strip()))
        if not text.strip():
            cols = ' + '.join(map(repr, mapping['text']))
            raise PathLoadError(path, f"본문이 없습니다: {cols} 열이 비어 있습니다 (no text: column {cols} is empty)", line)

        def get(field: str) -> str:
            return normalize_text(values.get(mapping[field][0], "")).strip() if field in mapping else ""

        rec_warnings = list(warnings)
        date = date_field(get("date") or None, rec_warnings)
        used = {c for cols in mapping.values() for c in cols}
        meta: dict[str, Any] = {"format": self.NAME, "encoding": encoding, "line": line}
        meta.update((k, normalize_text(v).strip()) for k, v in values.items() if k not in used and k not in meta)
        meta["warnings"] = rec_warnings
        rid = get("id")
        key = f"{path}#{rid}" if rid else f"{path}#L{line}"
        return make_document(path, title=get("title") or first_line(text), text=text, key=key, date=date,
                             url=get("url") or None, meta=meta, line=line)


def _read_sidecar(path: Path, side: Path) -> dict[str, list[str]]:
    try:
        raw = side.read_bytes()[: SIDECAR_MAX + 1]
        if len(raw) > SIDECAR_MAX:
            raise ValueError(f"larger than {SIDECAR_MAX} bytes")
        obj = json.loads(raw.decode("utf-8-sig"))
    except (OSError, ValueError) as e:
        raise PathLoadError(path, f"열 대응 파일 {side.name}을 읽을 수 없습니다 (unreadable column mapping {side.name}: {e})") \
            from None
    if not isinstance(obj, dict):
        raise PathLoadError(path, f'열 대응 파일 {side.name}은 {{"title": "제목", "text": "내용"}} 같은 JSON 객체여야 '
                                  f"합니다 (column mapping {side.name} must be a JSON object)")
    mapping: dict[str, list[str]] = {}
    for field, cols in obj.items():
        if field not in FIELDS:
            raise PathLoadError(path, f"열 대응 파일 {side.name}: 알 수 없는 필드 {field!r}입니다. 쓸 수 있는 필드: "
                                      f"{', '.join(FIELDS)} (column mapping {side.name}: unknown field {field!r})")
        cols = [cols] if isinstance(cols, str) else cols
        if not isinstance(cols, list) or not cols or not all(isinstance(c, str) for c in cols) \
                or (field != "text" and len(cols) > 1):
            raise PathLoadError(path, f"열 대응 파일 {side.name}: {field!r}에는 열 이름을 적어야 합니다 "
                                      f"(column mapping {side.name}: {field!r} must name a column)")
        mapping[field] = cols
    if "text" not in mapping:
        raise PathLoadError(path, f"열 대응 파일 {side.name}: 'text'에 본문 열을 적어야 합니다 "
                                  f"(column mapping {side.name} must map 'text' to a column)")
    return mapping


def _duplicate(doc: Document, first: int, line: int) -> PathLoadError:
    rid = doc.key.rsplit("#", 1)[1]
    return PathLoadError(doc.source, f"중복된 id {rid!r}: {first}행에 먼저 있어 건너뜁니다 "
                                     f"(duplicate id {rid!r}, first on line {first}; row skipped)", line)
