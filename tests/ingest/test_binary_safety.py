"""Hostile binary files: zip bombs, lying or truncated containers, encrypted entries,
deep XML, corrupted OLE. Each must be one clear LoadError, quickly, never an exception."""
from __future__ import annotations

import io
import struct
import time
import zipfile
from pathlib import Path

import docgen
import make_hwp
import pytest

from ingest.loaders import load_path, zipsafe
from core.errors import LoadError


def one_err(path: Path, data: bytes, **kw: object) -> str:
    path.write_bytes(data)
    t0 = time.perf_counter()
    items = list(load_path(path, **kw))  # type: ignore[arg-type]
    assert time.perf_counter() - t0 < 5
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    message = str(items[0])
    assert message.startswith(str(path)) and "failed unexpectedly" not in message
    return message


def docx_with(document_xml: bytes) -> bytes:
    return docgen.make_zip({"word/document.xml": document_xml})


def test_zip_bomb_is_refused_from_the_central_directory(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z, z.open("word/document.xml", "w") as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(20):  # 20 MB of zeros in about 20 KB
            f.write(chunk)
    assert len(buf.getvalue()) < 100_000
    assert "zip bomb?" in one_err(tmp_path / "bomb.docx", buf.getvalue())


def test_total_size_and_entry_count_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    many = docgen.make_zip({f"Contents/section{i}.xml": b"<s/>" for i in range(zipsafe.MAX_ENTRIES + 1)})
    assert "ZIP 항목이 5001개로 한도 5000개를 넘습니다 (suspicious HWPX document: 5001 ZIP entries" in one_err(tmp_path / "many.hwpx", many)
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_UNCOMPRESSED", 10_000)
    parts = {f"Contents/section{i}.xml": b"<s>" + bytes(range(256)).hex().encode() * 8 + b"</s>" for i in range(3)}
    assert "bytes uncompressed; the limit is 10000" in one_err(tmp_path / "big.hwpx", docgen.make_zip(parts))


def _patch_central(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    """Change a field of every central directory entry (PK\\x01\\x02)."""
    out, i = bytearray(data), data.find(b"PK\x01\x02")
    while i >= 0:
        struct.pack_into(fmt, out, i + offset, value)
        i = data.find(b"PK\x01\x02", i + 4)
    return bytes(out)


def test_lying_sizes_and_encrypted_entries(tmp_path: Path) -> None:
    good = docgen.make_docx(["충분히 긴 본문 문단입니다. " * 20])
    small = _patch_central(good, 24, "<I", 10)  # uncompressed size: 10 bytes, which is a lie
    assert "corrupted" in one_err(tmp_path / "lie.docx", small)
    locked = _patch_central(good, 8, "<H", 1)  # general purpose flag bit 0: encrypted
    assert "encrypted DOCX document: cannot read" in one_err(tmp_path / "locked.docx", locked)


def test_truncated_containers(tmp_path: Path) -> None:
    for name, data in (("a.docx", docgen.make_docx(["본문"])), ("a.hwpx", docgen.make_hwpx([["본문"]]))):
        for cut in (len(data) // 3, len(data) - 10):
            assert "corrupted or truncated" in one_err(tmp_path / name, data[:cut])
    hwp = make_hwp.make_hwp([["본문 " * 300]])
    assert "HWP document" in one_err(tmp_path / "a.hwp", hwp[:1600])


def test_xml_entity_bomb_and_deep_nesting_in_containers(tmp_path: Path) -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY l0 "lol">{levels}]><w>&l9;</w>'.encode()
    assert "DOCTYPE declaration is refused" in one_err(tmp_path / "bomb.docx", docx_with(bomb))
    deep = b"<w:document xmlns:w='urn:w'>" + b"<w:x>" * 100_000 + b"</w:x>" * 100_000 + b"</w:document>"
    assert "nested too deeply" in one_err(tmp_path / "deep.docx", docx_with(deep))
    deep_hwpx = docgen.make_hwpx([["x"]], extra={"Contents/section0.xml": b"<s>" + b"<p>" * 5000 + b"</p>" * 5000
                                                 + b"</s>"})
    assert "nested too deeply" in one_err(tmp_path / "deep.hwpx", deep_hwpx)


def test_max_bytes_applies_to_binary_formats(tmp_path: Path) -> None:
    data = docgen.make_pdf(["text " * 500])
    assert "too large" in one_err(tmp_path / "a.pdf", data, max_bytes=1000)


def test_corrupted_ole_structures(tmp_path: Path) -> None:
    hwp = bytearray(make_hwp.make_hwp([["본문 문단"]]))
    fat_sector = struct.unpack_from("<I", hwp, 76)[0]
    looped = bytearray(hwp)
    struct.pack_into("<128I", looped, 512 * (fat_sector + 1), *range(128))  # every sector chains to itself
    assert "HWP document" in one_err(tmp_path / "loop.hwp", bytes(looped))
    bad_dir = bytearray(hwp)
    struct.pack_into("<I", bad_dir, 48, 0x7FFFFFF0)  # the directory starts far past the end
    assert "HWP document" in one_err(tmp_path / "dir.hwp", bytes(bad_dir))


@pytest.mark.parametrize("ext", [".pdf", ".hwp", ".hwpx", ".docx", ".rss", ".atom", ".csv", ".tsv"])
def test_garbage_with_every_binary_extension(tmp_path: Path, ext: str) -> None:
    assert one_err(tmp_path / f"garbage{ext}", bytes(range(256)) * 40)
