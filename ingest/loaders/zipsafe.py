"""Open untrusted ZIP containers (HWPX, DOCX) with the work bounded before reading.

A zip bomb is refused from its central directory, before anything is decompressed: too
many entries, too large a total uncompressed size, or an entry that claims to expand
more than MAX_RATIO times. Reads never go past an entry's declared size (zipfile stops
there), so a lying header cannot make us decompress more than what was checked.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from ingest.loaders.base import PathLoadError

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 256 * 1024 * 1024   # bytes, all entries together
MAX_ENTRY_UNCOMPRESSED = 64 * 1024 * 1024    # bytes, one entry (its XML tree takes about 10 times that)
MAX_RATIO = 400                              # uncompressed / compressed (deflate tops out near 1030)
RATIO_MIN_SIZE = 2 * 1024 * 1024             # bytes; smaller entries may compress well (repetitive XML)
ZIP_MAGIC = b"PK\x03\x04"
_READ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
                NotImplementedError, RuntimeError, KeyError, IndexError, OverflowError, struct.error)


class SafeZip:
    """A checked ZipFile over bytes; `read(name)` returns bytes or raises PathLoadError."""

    def __init__(self, data: bytes, path: Path | str, kind: str) -> None:
        self.path, self.kind = path, kind
        self.ko = ko = kind.replace(" document", " 문서")  # 'DOCX document' → 'DOCX 문서', for the Korean message
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except _READ_ERRORS as e:
            raise PathLoadError(path, f"{ko}가 손상됐거나 잘렸습니다: 읽을 수 있는 ZIP 컨테이너가 아닙니다 "
                                      f"(corrupted or truncated {kind}: not a readable ZIP container: {e})") from None
        if len(infos) > MAX_ENTRIES:
            raise PathLoadError(path, f"의심스러운 {ko}입니다: ZIP 항목이 {len(infos)}개로 한도 {MAX_ENTRIES}개를 넘습니다 "
                                      f"(suspicious {kind}: {len(infos)} ZIP entries; the limit is {MAX_ENTRIES})")
        total = 0
        for info in infos:
            size, packed = info.file_size, max(info.compress_size, 1)
            total += size
            if size > MAX_ENTRY_UNCOMPRESSED or (size > RATIO_MIN_SIZE and size / packed > MAX_RATIO):
                raise PathLoadError(path, f"압축 폭탄으로 보이는 {ko}입니다: 항목 {info.filename!r}의 {packed}바이트가 "
                                          f"{size}바이트로 풀립니다 (suspicious {kind}, zip bomb?: entry "
                                          f"{info.filename!r} expands {packed} → {size} bytes)")
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise PathLoadError(path, f"압축 폭탄으로 보이는 {ko}입니다: 압축을 풀면 {total}바이트로 한도 "
                                      f"{MAX_TOTAL_UNCOMPRESSED}바이트를 넘습니다 (suspicious {kind}, zip bomb?: "
                                      f"{total} bytes uncompressed; the limit is {MAX_TOTAL_UNCOMPRESSED})")
        self.infos = {i.filename: i for i in infos}  # the last of duplicate names wins, as in zipfile

    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise PathLoadError(self.path, f"올바른 {self.ko}가 아닙니다: {name} 부분이 없습니다 "
                                           f"(not a valid {self.kind}: missing {name})")
        if info.flag_bits & 0x1:
            raise PathLoadError(self.path, f"암호가 걸린 {self.ko}라 읽을 수 없습니다: {name} "
                                           f"(encrypted {self.kind}: cannot read; {name} is password-protected)")
        try:
            with self.zf.open(info) as f:
                data = f.read(info.file_size + 1)
        except _READ_ERRORS as e:
            raise PathLoadError(self.path, f"{self.ko}가 손상됐거나 잘렸습니다: {name} "
                                           f"(corrupted or truncated {self.kind}: {name}: {e})") from None
        if len(data) != info.file_size:
            raise PathLoadError(self.path, f"{self.ko}가 손상됐습니다: {name}의 크기가 머리글과 다릅니다 "
                                           f"(corrupted {self.kind}: {name}: size does not match its header)")
        return data

    def close(self) -> None:
        self.zf.close()
