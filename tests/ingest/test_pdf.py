"""PDF loader: text layer with page spans, titles, encryption, scanned and broken files."""
from __future__ import annotations

import io
from pathlib import Path

import docgen
import pytest
from pypdf import PdfReader, PdfWriter

from ingest.loaders import load_path, page_of, pick_loader
from core.model import Document
from core.errors import LoadError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def items(path: Path, data: bytes | None = None) -> list[Document | LoadError]:
    if data is not None:
        path.write_bytes(data)
    return list(load_path(path))


def one_doc(path: Path, data: bytes | None = None) -> Document:
    got = items(path, data)
    assert len(got) == 1 and isinstance(got[0], Document), got
    return got[0]


def one_err(path: Path, data: bytes) -> str:
    got = items(path, data)
    assert len(got) == 1 and isinstance(got[0], LoadError), got
    assert str(got[0]).startswith(str(path))
    return str(got[0])


def encrypted(pdf: bytes, user: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pages_are_joined_and_their_spans_kept(tmp_path: Path) -> None:
    pdf = docgen.make_pdf(["First page line\nsecond line", None, "Third page (last)"], title="Report 2024")
    doc = one_doc(tmp_path / "r.pdf", pdf)
    assert doc.text == "First page line\nsecond line\n\nThird page (last)"
    assert doc.title == "Report 2024" and doc.meta["page_count"] == 3
    spans = doc.meta["pages"]
    assert [doc.text[s:e] for s, e in spans] == ["First page line\nsecond line", "", "Third page (last)"]
    hit = doc.text.index("last")
    assert page_of(doc, hit) == 3 and page_of(doc, 0) == 1 and page_of(doc, len(doc.text)) is None
    assert doc.meta["author"] == "Test" and doc.meta["created"] == "2024-03-06"


def test_korean_text_layer_with_a_cid_font(tmp_path: Path) -> None:
    pdf = docgen.make_pdf(["산업통상자원부 보도자료\n시험용 자율제조 전략", "둘째 쪽 본문입니다"], korean=True,
                          title="한글 제목")
    doc = one_doc(tmp_path / "ko.pdf", pdf)
    assert doc.text == "산업통상자원부 보도자료\n시험용 자율제조 전략\n\n둘째 쪽 본문입니다"
    assert doc.title == "한글 제목"
    assert page_of(doc, doc.text.index("본문")) == 2


def test_checked_in_korean_pdf_with_embedded_subset_font() -> None:
    """press_ko.pdf was made with fpdf2 and Noto Sans CJK (see tests/fixtures/make_pdf_ko.py)."""
    doc = one_doc(FIXTURES / "press_ko.pdf")
    assert doc.title == "시험용 인공지능 자율제조 전략"
    assert doc.text.startswith("산업통상자원부 보도자료\n보도시점 2024. 3. 7.(목) 11:00")
    assert "정부는 연내 시험용 얼라이언스를 출범할 계획이다." in doc.text
    assert page_of(doc, doc.text.index("둘째 쪽")) == 2
    assert doc.date == "2024-03-07" and doc.meta["embargo"] == "2024-03-07T11:00:00+09:00"
    assert doc.meta["ministry"] == "산업통상자원부"
    assert doc.meta["contact"] == [{"role": "과장", "name": "홍길동", "phone": "044-203-4250"}]


@pytest.mark.parametrize("title", ["Microsoft Word - 보도자료.hwp", "보도자료(최종).hwp", "제목 없음", ""])
def test_placeholder_titles_give_way_to_the_first_line(tmp_path: Path, title: str) -> None:
    pdf = docgen.make_pdf(["산업부 시험 보도자료 제목\n본문"], korean=True, title=title or None)
    assert one_doc(tmp_path / "a.pdf", pdf).title == "산업부 시험 보도자료 제목"


def test_scanned_pdf_without_text_layer_is_a_clear_error(tmp_path: Path) -> None:
    err = one_err(tmp_path / "scan.pdf", docgen.make_pdf([None, None]))
    assert "텍스트 레이어가 없습니다. 스캔한 PDF라면 글자 인식(OCR)은 지원하지 않습니다 (no text layer: scanned PDF? OCR is not supported)" in err


def test_encrypted_pdf_needing_a_password_is_refused(tmp_path: Path) -> None:
    err = one_err(tmp_path / "locked.pdf", encrypted(docgen.make_pdf(["secret text"]), user="pw"))
    assert "비밀번호가 필요합니다 (encrypted PDF: cannot read; a password is required)" in err


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    doc = one_doc(tmp_path / "copyprotected.pdf", encrypted(docgen.make_pdf(["readable text"]), user=""))
    assert doc.text == "readable text" and doc.meta["encrypted"] is True


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_aes_copy_protected_pdf_is_read(tmp_path: Path, algorithm: str) -> None:
    """Copy-protected government PDFs are usually AES with an empty user password."""
    doc = one_doc(tmp_path / "aes.pdf", encrypted(docgen.make_pdf(["press release body"]), user="", algorithm=algorithm))
    assert doc.text == "press release body" and doc.meta["encrypted"] is True
    err = one_err(tmp_path / "aes-locked.pdf", encrypted(docgen.make_pdf(["x"]), user="pw", algorithm=algorithm))
    assert "a password is required" in err


def test_aes_without_cryptography_package_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf.errors import DependencyError

    def needs_crypto(self: PdfReader, password: str) -> None:
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs_crypto)
    err = one_err(tmp_path / "aes.pdf", encrypted(docgen.make_pdf(["x"]), user=""))
    assert "암호화된 PDF라 읽을 수 없습니다 (encrypted PDF: cannot read: cryptography>=3.1 is required" in err


def test_broken_pdfs_are_errors_not_exceptions(tmp_path: Path) -> None:
    pdf = docgen.make_pdf(["some text on a page"])
    assert "corrupted or truncated PDF" in one_err(tmp_path / "head.pdf", b"%PDF-1.7\n%\xe2\xe3\n")
    assert "not a PDF document" in one_err(tmp_path / "fake.pdf", b"this is not a pdf at all" * 10)
    got = items(tmp_path / "cut.pdf", pdf[: len(pdf) * 2 // 3])
    assert len(got) == 1 and isinstance(got[0], (Document, LoadError))
    assert not any("failed unexpectedly" in str(g) for g in got)


def test_pdf_is_sniffed_by_content(tmp_path: Path) -> None:
    pdf = docgen.make_pdf(["sniffed"])
    assert pick_loader(tmp_path / "download.do", pdf[:4096]).NAME == "pdf"
    assert one_doc(tmp_path / "noext", pdf).text == "sniffed"


def test_pypdf_complaints_become_warnings_not_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = docgen.make_pdf(["warned text"]).replace(b"startxref\n", b"startxref\n9")  # a wrong xref offset
    doc = one_doc(tmp_path / "w.pdf", pdf)
    assert doc.text == "warned text"
    assert capsys.readouterr().err == ""


def test_page_count_and_time_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.loaders import pdf as pdf_loader

    data = docgen.make_pdf(["one", "two", "three"])
    monkeypatch.setattr(pdf_loader, "MAX_PAGES", 2)
    assert "PDF가 3쪽으로 한도 2쪽을 넘습니다 (PDF has 3 pages; the limit is 2)" in one_err(tmp_path / "long.pdf", data)
    monkeypatch.setattr(pdf_loader, "MAX_PAGES", 10)
    monkeypatch.setattr(pdf_loader, "TIME_LIMIT", -1.0)
    assert "PDF text extraction took over" in one_err(tmp_path / "slow.pdf", data)
