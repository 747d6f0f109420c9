"""HWPX, DOCX and HWP 5 loaders, on documents built by tests/fixtures (docgen, make_hwp)."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import docgen
import make_hwp
import pytest

from ingest.loaders import load_path, pick_loader
from ingest.loaders.hwp import HWPFormatError, decode_para_text, inflate, iter_records, section_paragraphs
from core.model import Document
from core.errors import LoadError

HEADER = [["보도시점", "2024. 3. 7.(목) 11:00", "배포", "2024. 3. 6.(수) 14:00"],
          ["담당부서", "제조산업정책관", "책임자", "과장 홍길동 (044-203-4250)"]]
BODY = ["시험용 자율제조 전략 발표", "□ 산업부는 시험 문서에서\t전략을 밝혔다.", "", "ㅇ 둘째 문단\n줄바꿈 뒤"]


def load(path: Path, data: bytes) -> list[Document | LoadError]:
    path.write_bytes(data)
    return list(load_path(path))


def one_doc(path: Path, data: bytes) -> Document:
    items = load(path, data)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def one_err(path: Path, data: bytes) -> str:
    items = load(path, data)
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    assert str(path) in str(items[0])
    return str(items[0])


# --- HWPX --------------------------------------------------------------------------------

def test_hwpx_text_in_order_with_paragraphs_tables_and_title(tmp_path: Path) -> None:
    data = docgen.make_hwpx([["산업통상자원부 보도자료", HEADER, *BODY], ["둘째 구역 문단"]],
                            title="시험용 전략 문서", author="시험 작성자", page_header="쪽 머리말")
    doc = one_doc(tmp_path / "press.hwpx", data)
    assert doc.title == "시험용 전략 문서"
    assert doc.text == ("산업통상자원부 보도자료\n"
                        "보도시점\t2024. 3. 7.(목) 11:00\t배포\t2024. 3. 6.(수) 14:00\n"
                        "담당부서\t제조산업정책관\t책임자\t과장 홍길동 (044-203-4250)\n\n"
                        "시험용 자율제조 전략 발표\n□ 산업부는 시험 문서에서\t전략을 밝혔다.\n\n"
                        "ㅇ 둘째 문단\n줄바꿈 뒤\n둘째 구역 문단")
    assert "머리말" not in doc.text  # page headers are left out
    assert doc.meta["format"] == "hwpx" and doc.meta["sections"] == 2 and doc.meta["author"] == "시험 작성자"
    assert doc.date == "2024-03-07" and doc.meta["ministry"] == "산업통상자원부"  # press-release header


def test_hwpx_title_falls_back_to_first_paragraph_and_sections_sort_numerically(tmp_path: Path) -> None:
    sections = [[f"구역 {i} 문단"] for i in range(12)]
    doc = one_doc(tmp_path / "a.hwpx", docgen.make_hwpx(sections))
    assert doc.title == "구역 0 문단"
    assert doc.text.split("\n") == [f"구역 {i} 문단" for i in range(12)]


def test_hwpx_is_recognised_by_content_whatever_the_name(tmp_path: Path) -> None:
    data = docgen.make_hwpx([["내용으로 알아보는 문서"]])
    assert pick_loader(tmp_path / "download", data[:4096]).NAME == "hwpx"
    assert pick_loader(tmp_path / "x.hwp", data[:4096]).NAME == "hwpx"  # an HWPX saved as .hwp
    assert one_doc(tmp_path / "download.bin", data).text == "내용으로 알아보는 문서"


def test_encrypted_hwpx_is_refused(tmp_path: Path) -> None:
    err = one_err(tmp_path / "secret.hwpx", docgen.make_hwpx([["비밀"]], encrypted=True))
    assert "encrypted HWPX document: cannot read" in err


def test_hwpx_without_sections_or_with_a_dtd(tmp_path: Path) -> None:
    no_sections = docgen.make_zip({"Contents/content.hpf": b"<a/>"}, first=("mimetype", b"application/hwp+zip"))
    assert "no Contents/section*.xml" in one_err(tmp_path / "a.hwpx", no_sections)
    dtd = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x "xx">]><s>&x;</s>'
    bad = docgen.make_hwpx([["x"]], extra={"Contents/section0.xml": dtd})
    assert "DOCTYPE declaration is refused" in one_err(tmp_path / "b.hwpx", bad)
    broken = docgen.make_hwpx([["x"]], extra={"Contents/section0.xml": b"<s><p>"})
    assert "invalid XML" in one_err(tmp_path / "c.hwpx", broken)


# --- DOCX --------------------------------------------------------------------------------

def test_docx_paragraphs_tables_and_title_from_core_properties(tmp_path: Path) -> None:
    data = docgen.make_docx(["보도자료", HEADER, *BODY], title="코어 속성 제목", author="시험 작성자",
                            deleted="삭제된 문장")
    doc = one_doc(tmp_path / "a.docx", data)
    assert doc.title == "코어 속성 제목"
    assert doc.text == ("보도자료\n보도시점\t2024. 3. 7.(목) 11:00\t배포\t2024. 3. 6.(수) 14:00\n"
                        "담당부서\t제조산업정책관\t책임자\t과장 홍길동 (044-203-4250)\n"
                        "시험용 자율제조 전략 발표\n□ 산업부는 시험 문서에서\t전략을 밝혔다.\n\n"
                        "ㅇ 둘째 문단\n줄바꿈 뒤")
    assert "삭제된" not in doc.text
    assert doc.meta["author"] == "시험 작성자" and doc.meta["created"] == "2024-03-06T05:00:00Z"


@pytest.mark.parametrize("style", [("Heading1", "heading 1"), ("1", "heading 1"), ("Title", "Title")])
def test_docx_title_from_first_heading_when_core_has_none(tmp_path: Path, style: tuple[str, str]) -> None:
    data = docgen.make_docx(["머리 문단", (style[0], "제목 스타일 문단"), "본문"], heading_style=style)
    assert one_doc(tmp_path / "a.docx", data).title == "제목 스타일 문단"
    plain = docgen.make_docx(["첫 문단이 제목", "본문"])
    assert one_doc(tmp_path / "b.docx", plain).title == "첫 문단이 제목"


def test_encrypted_docx_and_swapped_formats_say_so(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000
    assert "encrypted DOCX document: cannot read" in one_err(tmp_path / "locked.docx", ole)
    hwpx = docgen.make_hwpx([["한글 문서"]])
    assert one_doc(tmp_path / "renamed.docx", hwpx).meta["format"] == "hwpx"  # sniffed: content wins
    other = docgen.make_zip({"xl/workbook.xml": b"<w/>"})
    assert "not a DOCX document: no word/document.xml" in one_err(tmp_path / "sheet.docx", other)


# --- HWP 5 -------------------------------------------------------------------------------

def test_hwp5_text_title_author_and_sections(tmp_path: Path) -> None:
    data = make_hwp.make_hwp([["산업통상자원부 보도자료", *BODY], ["둘째 구역 😀"]],
                             title="시험용 한글 문서", author="시험 작성자")
    doc = one_doc(tmp_path / "a.hwp", data)
    assert doc.title == "시험용 한글 문서" and doc.meta["author"] == "시험 작성자"
    assert doc.text == ("산업통상자원부 보도자료\n시험용 자율제조 전략 발표\n"
                        "□ 산업부는 시험 문서에서\t전략을 밝혔다.\n\nㅇ 둘째 문단\n줄바꿈 뒤\n둘째 구역 😀")
    assert doc.meta["format"] == "hwp" and doc.meta["sections"] == 2 and doc.meta["hwp_version"] == "5.0.3.1"


def test_hwp5_uncompressed_and_large_records(tmp_path: Path) -> None:
    long = "가나다라 " * 2000  # a PARA_TEXT over 4095 bytes uses the extended size field
    doc = one_doc(tmp_path / "a.hwp", make_hwp.make_hwp([["제목 문단", long]], compressed=False))
    assert doc.title == "제목 문단" and doc.text.endswith(long.strip())


@pytest.mark.parametrize(("flag", "why"), [(2, "password-protected"), (4, "배포용"), (16, "DRM")])
def test_protected_hwp_is_refused(tmp_path: Path, flag: int, why: str) -> None:
    err = one_err(tmp_path / "locked.hwp", make_hwp.make_hwp([["암호 문서"]], flags=flag))
    assert "encrypted HWP document: cannot read" in err and why in err


def test_hwp_error_paths(tmp_path: Path) -> None:
    assert "HWP 3 document: not supported" in one_err(tmp_path / "old.hwp", b"HWP Document File V3.00 \x1a\x01" * 20)
    assert "no OLE signature" in one_err(tmp_path / "text.hwp", "한글 문서 아님".encode())
    assert "corrupted or truncated HWP" in one_err(tmp_path / "junk.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" * 300)
    not_hwp = make_hwp.write_cfb({"WordDocument": b"x" * 5000})
    assert "not an HWP 5 document" in one_err(tmp_path / "word.hwp", not_hwp)
    truncated = make_hwp.make_hwp([], raw_sections=[make_hwp.record(67, "본문".encode("utf-16-le"))[:-1]])
    assert "truncated record" in one_err(tmp_path / "cut.hwp", truncated)


def test_hwp_record_parser_on_synthetic_streams() -> None:
    text = make_hwp.para_text("첫\t문단", controls=True)
    stream = make_hwp.section(["첫\t문단", "", "둘째"])
    assert decode_para_text(text) == "첫\t문단\n"  # 'secd'/'cold' controls skipped, tab kept
    assert section_paragraphs(stream) == ["첫\t문단", "", "둘째"]
    assert [t for t, _, _ in iter_records(stream)][:3] == [66, 67, 68]
    big = make_hwp.record(67, b"a\0" * 3000, level=1)
    assert list(iter_records(big)) == [(67, 1, b"a\0" * 3000)]
    with pytest.raises(HWPFormatError, match="truncated record header"):
        list(iter_records(b"\x43\x00"))
    with pytest.raises(HWPFormatError, match="truncated record"):
        list(iter_records(struct.pack("<I", 67 | (10 << 20)) + b"abc"))
    surrogates = struct.pack("<4H", 0xD83D, 0xDE00, 0xD800, 0x41)  # a pair, then a lone half
    assert decode_para_text(surrogates) == "😀A"
    assert decode_para_text(struct.pack("<3H", 0x41, 0x0B, 0x42)) == "A"  # a cut control ends the text


def test_hwp_decompression_is_bounded() -> None:
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = bomb.compress(b"\0" * 10_000_000) + bomb.flush()
    with pytest.raises(HWPFormatError, match="more than 1000000 bytes"):
        inflate(packed, 1_000_000)
    with pytest.raises(HWPFormatError, match="truncated compressed stream"):
        inflate(packed[: len(packed) // 2], 20_000_000)
    with pytest.raises(HWPFormatError, match="invalid compressed stream"):
        inflate(b"\xff" * 100, 1000)


def test_upload_without_extension_uses_the_mime_type(tmp_path: Path) -> None:
    p = tmp_path / "upload"
    p.write_bytes(make_hwp.make_hwp([["업로드된 한글 문서"]]))
    (doc,) = load_path(p, mime_type="application/x-hwp")
    assert isinstance(doc, Document) and doc.text == "업로드된 한글 문서"
    p.write_bytes(docgen.make_docx(["업로드된 워드 문서"]))
    (doc,) = load_path(p, mime_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert isinstance(doc, Document) and doc.text == "업로드된 워드 문서"
