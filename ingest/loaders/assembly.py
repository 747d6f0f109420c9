"""National Assembly records (열린국회정보, via the assemblykor package): bills and
committee speeches as JSON Lines, plain or gzip-compressed (`.jsonl.gz`).

A bill record (`bill_id`, `bill_name`, `propose_date`, `proposer`, `committee`, `result`,
…) has no prose, so its text is one short Korean sentence built from the fields, and the
fields themselves travel as `Document.facts`: the proposer (PERSON), the bill (an
INITIATIVE of kind law), the committee (MINISTRY, a committee) and the proposal date, with
offsets into that sentence, and the relations PROPOSES, REFERRED_TO and PROPOSED_ON.
The pipeline merges them with what the NLP finds in the same sentence, so the committee
gets the gazetteer's canonical name and the same IRI as everywhere else.

A speech record (`speech`, `speaker`, `speaker_name`, `committee`, `date`, …) becomes a
document with a one-line header naming the committee and the speaker, who are facts
(a chair LEADS the committee).

Any other record in a `.jsonl.gz` file is read like a line of an ordinary JSON Lines file.
Decompression is streamed and bounded (total size and ratio), so a gzip bomb is one
LoadError and memory stays flat however long the file is.
"""
from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterator

from ingest.loaders.base import Loader, LoadResult, PathLoadError, Record, load_records, make_document
from ingest.loaders.dates import parse_date
from ingest.loaders.decode import normalize_text
from ingest.loaders.jsonl import JSONLinesLoader
from core.model import Document, Entity, Extraction, Relation

GZIP_MAGIC = b"\x1f\x8b"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
MAX_DECOMPRESSED = 1024 * 1024 * 1024   # bytes, the whole file
MAX_RATIO = 200                         # decompressed / compressed, checked past RATIO_MIN_SIZE
RATIO_MIN_SIZE = 16 * 1024 * 1024
MAX_LINE = 8 * 1024 * 1024              # bytes; a longer line is refused (and skipped)
READ_CHUNK = 256 * 1024

BILL_FIELDS = (b'"bill_id"', b'"bill_name"', b'"propose_date"')
SPEECH_FIELDS = (b'"speech"', b'"speaker"', b'"committee"')
# the source kinds of these records: their documents carry Document.facts from their fields,
# which their text alone does not give back (kg.write.reread leaves them as first read)
FACT_KINDS = ("법률안", "회의록")
BILL_URL = "https://likms.assembly.go.kr/bill/billDetail.do?billId={}"


class AssemblyLoader(Loader):
    NAME = "assembly"
    EXTENSIONS = (".gz",)
    MIME_TYPES = ("application/gzip", "application/x-gzip")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        if head_bytes.startswith(GZIP_MAGIC):
            inner = _gunzip_head(head_bytes)
            kind = record_kind(inner)
            if kind:
                return 30
            if Path(path.name[:-3] if path.name.lower().endswith(".gz") else path.name).suffix.lower() \
                    in JSONL_SUFFIXES or inner.lstrip().startswith(b"{"):
                return 12  # JSON Lines inside gzip: ordinary records
            return 0
        if record_kind(head_bytes) and (path.suffix.lower() in JSONL_SUFFIXES or not path.suffix):
            return 20  # plain JSON Lines of bills or speeches: ours, not the generic loader's
        return 0

    def load(self, path: Path, data: bytes) -> Iterator[LoadResult]:
        orders: dict[str, int] = {}
        generic = JSONLinesLoader()
        failed: list[PathLoadError] = []  # the container itself: truncated, corrupted, a bomb

        def records() -> Iterator[Record]:
            try:
                for lineno, raw, position in _lines(path, data):
                    if raw.strip():
                        yield lineno, partial(self.record, path, lineno, raw, orders, generic), position
            except PathLoadError as e:
                failed.append(e)
                yield e

        yield from load_records(records(), _duplicate, lambda: None if failed else PathLoadError(
            path, "레코드가 없습니다: 빈 줄뿐인 파일입니다 (no records: the file holds only blank lines)"))

    def record(self, path: Path, lineno: int, raw: bytes, orders: dict[str, int],
               generic: JSONLinesLoader) -> Document:
        if raw is _TOO_LONG:
            raise PathLoadError(path, f"줄이 {MAX_LINE // (1024 * 1024)} MB보다 길어 건너뜁니다 "
                                      f"(line longer than {MAX_LINE // (1024 * 1024)} MB; skipped)", lineno)
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise PathLoadError(path, f"UTF-8이 아닙니다({e.start}번째 바이트). JSON Lines는 UTF-8로 저장하세요 "
                                      f"(not UTF-8 at byte {e.start}; JSON Lines must be UTF-8)", lineno) from None
        kind = record_kind(raw)
        if kind is None:
            return generic.record(path, lineno, line, "utf-8", [])
        try:
            obj = json.loads(line.lstrip("\ufeff"))
        except (ValueError, RecursionError) as e:
            raise PathLoadError(path, f"JSON 형식이 잘못됐습니다 (invalid JSON: {str(e)[:100]})", lineno) from None
        if not isinstance(obj, dict):
            raise PathLoadError(path, "JSON 객체가 아닙니다. 한 줄에 객체 하나를 쓰세요 (expected a JSON object)", lineno)
        if kind == "bill" and "bill_name" in obj:
            return bill_document(path, lineno, obj)
        if kind == "speech" and "speech" in obj:
            return speech_document(path, lineno, obj, orders)
        return generic.record(path, lineno, line, "utf-8", [])


# -- records -----------------------------------------------------------------------------
def _duplicate(doc: Document, first: int, lineno: int) -> PathLoadError:
    return PathLoadError(doc.source, f"중복된 id {doc.key.rsplit('#', 1)[1]!r}: {first}행에 먼저 있어 "
                                     f"건너뜁니다 (duplicate id, first on line {first}; record skipped)", lineno)


def record_kind(head: bytes) -> str | None:
    """'bill' or 'speech' when the first record carries those fields, else None."""
    first = head.lstrip()[:65536].split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return None
    if all(f in first for f in BILL_FIELDS):
        return "bill"
    if all(f in first for f in SPEECH_FIELDS):
        return "speech"
    return None


def bill_document(path: Path, lineno: int, obj: dict[str, Any]) -> Document:
    name = _text(obj.get("bill_name"))
    if not name:
        raise PathLoadError(path, "법안에 'bill_name'이 없습니다 (bill without a 'bill_name')", lineno)
    bill_id = _text(obj.get("bill_id")) or _text(obj.get("bill_no"))
    if not bill_id:
        raise PathLoadError(path, "법안에 'bill_id'나 'bill_no'가 없습니다 (bill without a 'bill_id' or 'bill_no')", lineno)
    bill_no = _text(obj.get("bill_no"))
    proposer = _text(obj.get("proposer"))
    committee = _text(obj.get("committee"))
    result = _text(obj.get("result"))
    assembly = _text(obj.get("assembly"))
    date = parse_date(_text(obj.get("propose_date")))
    warnings = [] if date or not _text(obj.get("propose_date")) else \
        [f"invalid propose_date {obj.get('propose_date')!r} dropped"]

    t = _Builder()
    if assembly:
        t.add(f"제{assembly}대 국회에서 ")
    person = t.add(proposer, "PERSON", canonical=proposer, title="국회의원") if proposer else None
    if proposer:
        t.add(" 의원이 ")
    when = None
    if date:
        y, m, d = (int(x) for x in date.split("-"))
        when = t.add(f"{y}년 {m}월 {d}일", "DATE", value=date)
        t.add(" ")
    t.add("대표발의한 「" if proposer else "발의된 「")
    label = f"{name} (의안번호 {bill_no})" if bill_no else f"{name} ({bill_id})"
    attrs: dict[str, Any] = {"kind": "law"}
    if result:
        attrs["status"] = result
    if bill_no:
        attrs["identifier"] = bill_no
    bill = t.add(name, "INITIATIVE", canonical=label, **attrs)
    t.add("」")
    if bill_no:
        t.add(f"(의안번호 {bill_no})")
    topic = _josa(name, "은", "는")
    body = None
    if committee:
        t.add(f"{topic} ")
        body = t.add(committee, "MINISTRY", gov_kind="committee")
        t.add(f"{_josa(committee, '으로', '로', rieul='로')} 회부되었다.")
    else:
        t.add(f"{topic} 소관 위원회가 정해지지 않았다.")
    t.add(f" 처리 결과는 '{result}'이다." if result else " 아직 처리되지 않았다(계류 중).")
    if person is not None:
        t.relate("PROPOSES", person, bill)
    if body is not None:
        t.relate("REFERRED_TO", bill, body)
    if when is not None:
        t.relate("PROPOSED_ON", bill, when)

    meta = {"format": "assembly-bill", "source_kind": FACT_KINDS[0], "bill_id": _text(obj.get("bill_id")),
            "bill_no": bill_no, "assembly": assembly, "committee": committee, "result": result,
            "proposer": proposer, "proposer_id": _text(obj.get("proposer_id")), "line": lineno,
            "warnings": warnings}
    doc = make_document(path, title=name, text=t.text, key=f"{path}#{bill_id}", date=date,
                        url=BILL_URL.format(obj["bill_id"]) if _text(obj.get("bill_id")) else None,
                        meta=meta, line=lineno)
    doc.facts = t.extraction()
    return doc


def speech_document(path: Path, lineno: int, obj: dict[str, Any], orders: dict[str, int]) -> Document:
    speech = normalize_text(_text(obj.get("speech")))
    if not speech.strip():
        raise PathLoadError(path, "본문이 없습니다: 'speech'가 비어 있습니다 (no text: 'speech' is empty)", lineno)
    committee = _text(obj.get("committee"))
    speaker = " ".join(_text(obj.get("speaker")).split())
    name = _text(obj.get("speaker_name"))
    if " " in name and re.fullmatch(r"[가-힣]{2,4}", name.rsplit(" ", 1)[1]):
        name = name.rsplit(" ", 1)[1]  # "직무대행 최민희": the minutes' title crept into the name
    date = parse_date(_text(obj.get("date")))
    order = _text(obj.get("speech_order")) or f"L{lineno}"

    t = _Builder()
    body = t.add(committee, "MINISTRY", gov_kind="committee") if committee else None
    if date:
        y, m, d = (int(x) for x in date.split("-"))
        t.add(" " if committee else "")
        t.add(f"{y}년 {m}월 {d}일", "DATE", value=date)
    if committee or date:
        t.add(" 회의" + (" · " if speaker else ""))
    person = None
    if speaker:
        at = speaker.find(name) if name else -1
        if at >= 0:
            title = (speaker[:at] + speaker[at + len(name):]).strip()
            t.add(speaker[:at])
            extra = {"title": title} if title else {}
            person = t.add(name, "PERSON", canonical=name, **extra)
            t.add(speaker[at + len(name):])
        else:
            t.add(speaker)
    if t.size:
        t.add("\n")
    t.add(speech.strip())  # the text starts with no space: make_document's strip keeps the offsets
    if person is not None and body is not None and obj.get("role") == "chair":
        t.relate("LEADS", person, body)

    base = f"{date or _text(obj.get('date'))}/{order}"
    orders[base] = orders.get(base, 0) + 1  # two meetings on one day restart the numbering
    rid = base if orders[base] == 1 else f"{base}-{orders[base]}"
    title = " · ".join(x for x in (committee, date, speaker) if x)
    meta = {"format": "assembly-speech", "source_kind": FACT_KINDS[1], "committee": committee,
            "speaker": speaker, "role": _text(obj.get("role")), "member_id": _text(obj.get("member_id")),
            "speech_order": _text(obj.get("speech_order")), "assembly": _text(obj.get("assembly")),
            "line": lineno}
    doc = make_document(path, title=title or None, text=t.text, key=f"{path}#{rid}", date=date, meta=meta,
                        line=lineno)
    doc.facts = t.extraction()
    return doc


@dataclass
class _Builder:
    """Text assembled piece by piece, with entity spans recorded as pieces are added."""

    parts: list[str] = field(default_factory=list)
    size: int = 0
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def add(self, piece: str, type_: str | None = None, *, canonical: str | None = None,
            value: str | None = None, **attrs: Any) -> int | None:
        start = self.size
        self.parts.append(piece)
        self.size += len(piece)
        if type_ is None or not piece:
            return None
        self.entities.append(Entity(start, self.size, piece, type_, canonical=canonical, value=value,
                                    attrs=dict(attrs)))
        return len(self.entities) - 1

    def relate(self, kind: str, head: int | None, tail: int | None) -> None:
        if head is not None and tail is not None:
            self.relations.append(Relation(kind, head, tail))

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def extraction(self) -> Extraction:
        return Extraction(entities=self.entities, relations=self.relations)


def _text(v: Any) -> str:
    """A field as clean text; None, NaN (pandas' missing value) and containers are ''."""
    if v is None or isinstance(v, (dict, list, bool)):
        return ""
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return ""
        return str(int(v)) if v.is_integer() else str(v)
    return " ".join(normalize_text(str(v)).split())


def _josa(word: str, with_coda: str, without: str, rieul: str | None = None) -> str:
    """The particle form after `word`: 은/는, 이/가, 으로/로 (ㄹ takes 로)."""
    last = next((c for c in reversed(word) if c.strip() and c not in ")」』]'\""), "")
    if "가" <= last <= "힣":
        coda = (ord(last) - 0xAC00) % 28
        if coda == 0:
            return without
        if coda == 8 and rieul is not None:
            return rieul
        return with_coda
    if last.isdigit():
        return with_coda if last in "013678" else without
    return without


# -- bounded, streamed lines ----------------------------------------------------------------
_TOO_LONG = b"\x00too long\x00"


def _gunzip_head(head: bytes, limit: int = 65536) -> bytes:
    """The first bytes of a gzip stream (for sniffing; errors give what was decoded)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return d.decompress(head, limit)
    except zlib.error:
        return b""


def _lines(path: Path, data: bytes) -> Iterator[tuple[int, bytes, float]]:
    """(line number, raw line, fraction of `data` read so far) of the (maybe
    gzip-compressed) data, streamed."""
    read = [0]  # bytes of `data` consumed, kept up to date by _gunzip
    chunks = _gunzip(path, data, read) if data.startswith(GZIP_MAGIC) else iter((data,))
    size = max(1, len(data))
    buf = bytearray()
    lineno = 0
    skipping = False
    for chunk in chunks:
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                if not skipping:
                    buf += chunk[start:]
                    if len(buf) > MAX_LINE:
                        skipping, buf = True, bytearray()
                break
            lineno += 1
            position = min(1.0, (read[0] if read[0] else nl + 1) / size)
            if skipping:
                skipping = False
                yield lineno, _TOO_LONG, position
            else:
                buf += chunk[start:nl]
                yield lineno, bytes(buf).rstrip(b"\r") if len(buf) <= MAX_LINE else _TOO_LONG, position
            buf = bytearray()
            start = nl + 1
    if skipping or buf:
        yield lineno + 1, _TOO_LONG if skipping else bytes(buf).rstrip(b"\r"), 1.0


def _gunzip(path: Path, data: bytes, read: list[int] | None = None) -> Iterator[bytes]:
    """Decompressed chunks of gzip `data` (every member), refusing a bomb as it goes;
    `read[0]` follows how many bytes of `data` have been fed to the decompressor."""
    read = read if read is not None else [0]
    total = 0   # bytes out
    pos = 0     # bytes of `data` fed to the decompressor
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = b""
    while True:
        if not pending:
            if d.eof:  # a member ended: padding, garbage or another member may follow
                tail = d.unused_data
                if not tail.strip(b"\x00") and not data[pos:].strip(b"\x00"):
                    return
                if (tail + data[pos:pos + 2])[:2] != GZIP_MAGIC:
                    raise PathLoadError(path, "gzip 데이터 뒤에 알 수 없는 바이트가 붙어 있습니다 (trailing garbage after the gzip data)")
                d = zlib.decompressobj(16 + zlib.MAX_WBITS)
                pending = tail
                if pending:
                    continue
            if pos >= len(data):
                out = d.flush()  # output zlib still holds back after the last input
                total += len(out)
                if out:
                    yield out
                if d.eof:
                    continue
                break
            pending = data[pos:pos + READ_CHUNK]
            pos += len(pending)
        try:
            out = d.decompress(pending, READ_CHUNK)
        except zlib.error as e:
            raise PathLoadError(path, f"gzip 데이터가 {total:,}바이트 뒤에서 손상됐습니다 "
                                      f"(corrupted gzip data after {total:,} bytes: {e})") from None
        pending = d.unconsumed_tail
        read[0] = pos - len(pending)
        total += len(out)
        if total > MAX_DECOMPRESSED or (total > RATIO_MIN_SIZE and total > MAX_RATIO * pos):
            raise PathLoadError(path, f"압축 폭탄으로 보이는 gzip 파일입니다: {pos:,}바이트가 {total:,}바이트 넘게 풀립니다(한도 "
                                      f"{MAX_DECOMPRESSED:,}바이트, {MAX_RATIO}배) (suspicious gzip file, bomb?)")
        if out:
            yield out
    if not d.eof:
        raise PathLoadError(path, f"gzip 파일이 잘렸습니다: 압축을 푼 {total:,}바이트 뒤에서 끝납니다 "
                                  f"(truncated gzip file: ends after {total:,} decompressed bytes)")
