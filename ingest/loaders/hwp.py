"""HWP 5 documents (.hwp): an OLE compound file of binary records (Hancom's HWP 5.0 spec).

Read with `olefile` (BSD, pure Python): FileHeader (signature, version, flags), then the
streams BodyText/Section0, Section1, … in order, each a sequence of records (raw
deflate-compressed when flag bit 0 is set). A record header is one little-endian DWORD:
tag (10 bits), level (10 bits), size (12 bits; 0xFFF means a DWORD size follows).
HWPTAG_PARA_HEADER (66) starts a paragraph and HWPTAG_PARA_TEXT (67) holds its text as
UTF-16LE with inline controls: a control code below 32 stands for 1 character (line
break, paragraph end, …) or, for inline and extended controls, for 8 (code, 6 data
WCHARs, code), which are skipped. Title and author come from \\x05HwpSummaryInformation.

Password-protected, distribution (배포용) and DRM documents keep their text encrypted:
they are refused ("encrypted HWP document: cannot read"). HWP 3 files too (another
format). Decompression is bounded by MAX_EXPANDED bytes for the whole document.
"""
from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path
from typing import Any, Iterator

from ingest.loaders.base import Loader, PathLoadError, first_line, make_document
from ingest.loaders.decode import normalize_text
from core.model import Document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWP5_SIGNATURE = b"HWP Document File\x00"
HWP3_SIGNATURE = b"HWP Document File V3"
HWPTAG_PARA_HEADER, HWPTAG_PARA_TEXT = 66, 67
FLAG_COMPRESSED = 1 << 0
FLAG_PASSWORD, FLAG_DISTRIBUTION, FLAG_DRM = 1 << 1, 1 << 2, 1 << 4
FLAG_CERT_ENCRYPTED, FLAG_CERT_DRM = 1 << 8, 1 << 10
_PROTECTION = ((FLAG_PASSWORD, "암호 설정", "password-protected"),
               (FLAG_DISTRIBUTION, "배포용 문서", "distribution document"),
               (FLAG_DRM, "DRM 보호", "DRM-protected"), (FLAG_CERT_ENCRYPTED, "인증서 암호화", "certificate-encrypted"),
               (FLAG_CERT_DRM, "인증서 DRM", "certificate DRM"))
MAX_EXPANDED = 64 * 1024 * 1024  # bytes of decompressed records, all sections together
MAX_SECTIONS = 1000
_SECTION = re.compile(r"Section(\d+)")
_CONTROL_CHAR = re.compile(r"[\x00-\x1f]")
_EXTENDED = frozenset((*range(1, 10), 11, 12, *range(14, 24)))  # 8-WCHAR controls (9 = tab)
_OLE_ERRORS = (OSError, EOFError, ValueError, struct.error, IndexError, KeyError, TypeError, OverflowError,
               RecursionError, zlib.error)


class HWPFormatError(ValueError):
    """A malformed BodyText stream (truncated record, bad compression, …); `ko` and `en`
    say what, for the reason of the PathLoadError it becomes."""

    def __init__(self, ko: str, en: str) -> None:
        super().__init__(f"{ko} ({en})")
        self.ko, self.en = ko, en

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.ko, self.en))


def iter_records(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(tag, level, payload) of each record; HWPFormatError on a truncated record."""
    offset, n = 0, len(data)
    while offset < n:
        if offset + 4 > n:
            raise HWPFormatError(f"레코드 머리글이 {offset}번째 바이트에서 잘렸습니다", f"truncated record header at byte {offset}")
        header = int.from_bytes(data[offset:offset + 4], "little")
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        offset += 4
        if size == 0xFFF:
            if offset + 4 > n:
                raise HWPFormatError(f"레코드 크기가 {offset}번째 바이트에서 잘렸습니다", f"truncated record size at byte {offset}")
            size = int.from_bytes(data[offset:offset + 4], "little")
            offset += 4
        if offset + size > n:
            raise HWPFormatError(f"레코드(태그 {tag})가 {offset - 4}번째 바이트에서 잘렸습니다",
                                 f"truncated record, tag {tag}, at byte {offset - 4}")
        yield tag, level, data[offset:offset + size]
        offset += size


def decode_para_text(payload: bytes) -> str:
    """The characters of one HWPTAG_PARA_TEXT payload (controls skipped or mapped).

    Decoded in one call; only the control characters (below U+0020) are visited in Python.
    """
    text = payload[: len(payload) // 2 * 2].decode("utf-16-le", "surrogatepass")
    out: list[str] = []
    pos = 0
    for m in _CONTROL_CHAR.finditer(text):
        i = m.start()
        if i < pos:
            continue  # inside an 8-WCHAR control already skipped
        out.append(text[pos:i])
        code, pos = ord(text[i]), i + 1
        if code in _EXTENDED:
            units = 0  # skip 6 WCHARs of data and the closing code (an astral char is 2 WCHARs)
            while units < 7 and pos < len(text):
                units += 2 if ord(text[pos]) > 0xFFFF else 1
                pos += 1
            if code == 9:
                out.append("\t")
        elif code in (10, 13):
            out.append("\n")
        elif code == 24:
            out.append("-")
        elif code in (30, 31):
            out.append(" ")
    out.append(text[pos:])
    # lone surrogate halves (from damaged text) are dropped
    return "".join(out).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")


def section_paragraphs(records: bytes) -> list[str]:
    """Paragraph texts of one decompressed BodyText section, in order (empty ones as '')."""
    paragraphs: list[str] = []
    for tag, _, payload in iter_records(records):
        if tag == HWPTAG_PARA_HEADER:
            paragraphs.append("")
        elif tag == HWPTAG_PARA_TEXT:
            if not paragraphs:
                paragraphs.append("")
            paragraphs[-1] += decode_para_text(payload)
    return [p.rstrip("\n") for p in paragraphs]


def inflate(data: bytes, budget: int) -> bytes:
    """Raw deflate (what Hancom writes) or zlib-wrapped; at most `budget` bytes out."""
    for wbits in (-15, 15):
        d = zlib.decompressobj(wbits)
        try:
            out = d.decompress(data, budget + 1)
        except zlib.error:
            continue
        if len(out) > budget or d.unconsumed_tail:
            raise HWPFormatError(f"압축을 풀면 한도 {budget}바이트를 넘습니다", f"decompresses to more than {budget} bytes, the limit")
        if not d.eof:
            raise HWPFormatError("압축된 스트림이 잘렸습니다", "truncated compressed stream")
        return out
    raise HWPFormatError("압축된 스트림이 올바르지 않습니다", "invalid compressed stream")


class HWPLoader(Loader):
    NAME = "hwp"
    EXTENSIONS = (".hwp",)
    MIME_TYPES = ("application/x-hwp", "application/haansofthwp", "application/vnd.hancom.hwp",
                  "application/hwp")

    @classmethod
    def match(cls, path: Path, head_bytes: bytes, mime_type: str | None = None) -> int:
        score = cls.declared_score(path, mime_type)
        if not score and head_bytes.startswith(OLE_MAGIC) and not path.suffix:
            return 2  # an extension-less OLE file: HWP is the OLE format we read
        if not score and head_bytes.startswith(HWP3_SIGNATURE):
            return cls.EXTENSION_SCORE  # to say clearly that HWP 3 is not supported
        return score

    def load_one(self, path: Path, data: bytes) -> Document:
        if data.startswith(HWP3_SIGNATURE):
            raise PathLoadError(path, "HWP 3 문서는 지원하지 않습니다. 한컴오피스에서 HWP 5나 HWPX로 저장해 다시 넣으세요 "
                                      "(HWP 3 document: not supported; save it as HWP 5 or HWPX in Hancom Office)")
        if not data.startswith(OLE_MAGIC):
            zip_ = data.startswith(b"PK\x03\x04")
            raise PathLoadError(path, f"HWP 5 문서가 아닙니다: OLE 서명이 없습니다"
                                      f"{'. ZIP 파일이라 확장자만 .hwp로 바꾼 HWPX 문서일 수 있습니다' if zip_ else ''} "
                                      f"(not an HWP 5 document: no OLE signature"
                                      f"{'; it is a ZIP: an HWPX document renamed .hwp?' if zip_ else ''})")
        try:
            import olefile  # noqa: PLC0415 (only needed for HWP)
        except ImportError:
            raise PathLoadError(path, "HWP 문서를 읽으려면 'olefile' 패키지가 필요합니다. requirements.txt를 보세요 "
                                      "(HWP support needs the 'olefile' package; see requirements.txt)") from None
        try:
            ole = olefile.OleFileIO(io.BytesIO(data))
        except _OLE_ERRORS as e:
            raise PathLoadError(path, f"HWP 문서가 손상됐거나 잘렸습니다: OLE 컨테이너를 읽을 수 없습니다 "
                                      f"(corrupted or truncated HWP document: unreadable OLE container: {e})") from None
        try:
            return self._load(path, ole, len(data))
        except _OLE_ERRORS as e:
            raise PathLoadError(path, f"HWP 문서가 손상됐습니다 (corrupted HWP document: {type(e).__name__}: {e})") from None
        finally:
            ole.close()

    def _load(self, path: Path, ole: Any, size: int) -> Document:
        header = _stream(ole, "FileHeader", path, size)
        if not header.startswith(HWP5_SIGNATURE) or len(header) < 40:
            raise PathLoadError(path, "HWP 5 문서가 아닙니다: HWP FileHeader 스트림이 없는 OLE 파일입니다. .doc·.xls "
                                      "파일의 확장자만 바꾼 것일 수 있습니다 (not an HWP 5 document: an OLE file without the "
                                      "HWP FileHeader; a .doc or .xls renamed?)")
        version = ".".join(str(b) for b in reversed(header[32:36]))
        flags = int.from_bytes(header[36:40], "little")
        reasons = [(ko, en) for bit, ko, en in _PROTECTION if flags & bit]
        if reasons:
            raise PathLoadError(path, f"보호된 HWP 문서라 읽을 수 없습니다: {', '.join(ko for ko, _ in reasons)} (encrypted "
                                      f"HWP document: cannot read; {', '.join(en for _, en in reasons)})")
        sections = sorted((int(m.group(1)), "/".join(entry)) for entry in ole.listdir()
                          if len(entry) == 2 and entry[0] == "BodyText" and (m := _SECTION.fullmatch(entry[1])))
        if not sections:
            raise PathLoadError(path, "HWP 문서가 손상됐습니다: BodyText/Section 스트림이 없습니다 "
                                      "(corrupted HWP document: no BodyText/Section streams)")
        if len(sections) > MAX_SECTIONS:
            raise PathLoadError(path, f"의심스러운 HWP 문서입니다: 구역이 {len(sections)}개로 한도 {MAX_SECTIONS}개를 넘습니다 "
                                      f"(suspicious HWP document: {len(sections)} sections)")
        budget, paragraphs = MAX_EXPANDED, []
        for _, name in sections:
            raw = _stream(ole, name, path, size)
            try:
                records = inflate(raw, budget) if flags & FLAG_COMPRESSED else raw
                paragraphs.extend(section_paragraphs(records))
            except HWPFormatError as e:
                raise PathLoadError(path, f"HWP 문서가 손상됐습니다: {name}의 {e.ko} "
                                          f"(corrupted HWP document: {name}: {e.en})") from None
            budget -= len(records)
        text = normalize_text("\n".join(paragraphs))
        meta: dict[str, Any] = {"format": self.NAME, "hwp_version": version, "sections": len(sections)}
        title = _summary(ole, meta, path, size)
        return make_document(path, title=title or first_line(text), text=text, meta=meta)


def _stream(ole: Any, name: str, path: Path, size: int) -> bytes:
    if not ole.exists(name):
        raise PathLoadError(path, f"HWP 5 문서가 아닙니다: {name} 스트림이 없습니다 (not an HWP 5 document: no {name} stream)")
    if ole.get_size(name) > size:  # a stream cannot be larger than the file holding it
        raise PathLoadError(path, f"HWP 문서가 손상됐습니다: {name} 스트림이 파일보다 큰 {ole.get_size(name)}바이트라고 "
                                  f"적혀 있습니다 (corrupted HWP document: {name} claims {ole.get_size(name)} bytes)")
    with ole.openstream(name) as f:
        return f.read()


def _summary(ole: Any, meta: dict[str, Any], path: Path, size: int) -> str | None:
    """Title (PIDSI_TITLE 2) and author (PIDSI_AUTHOR 4) from the summary property set."""
    name = "\x05HwpSummaryInformation"
    if not ole.exists(name):
        return None
    props = property_strings(_stream(ole, name, path, size))
    if props.get(4, "").strip():
        meta["author"] = normalize_text(props[4]).strip()
    return normalize_text(props.get(2, "")).strip() or None


def property_strings(data: bytes) -> dict[int, str]:
    """String properties of the first section of an OLE property set ([MS-OLEPS]).

    Our own reader: olefile 0.47 misreads VT_LPWSTR values. Malformed parts are skipped.
    """
    out: dict[int, str] = {}
    if len(data) < 48:
        return out
    base = int.from_bytes(data[44:48], "little")
    if base + 8 > len(data):
        return out
    count = min(int.from_bytes(data[base + 4:base + 8], "little"), 256)
    for i in range(count):
        p = base + 8 + 8 * i
        if p + 8 > len(data):
            break
        pid, rel = struct.unpack_from("<II", data, p)
        q = base + rel
        if q + 8 > len(data):
            continue
        vt, n = struct.unpack_from("<II", data, q)
        if vt == 0x1F:  # VT_LPWSTR: n UTF-16 code units, the terminating NUL included
            raw = data[q + 8:q + 8 + 2 * min(n, 4096)]
            out[pid] = raw.decode("utf-16-le", "replace").split("\x00", 1)[0]
        elif vt == 0x1E:  # VT_LPSTR: n bytes in the ANSI code page (CP949 on Korean systems)
            out[pid] = data[q + 8:q + 8 + min(n, 8192)].split(b"\0", 1)[0].decode("cp949", "replace")
    return out
