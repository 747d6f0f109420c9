"""Loaders: files in, Documents (or LoadErrors naming the file) out."""
from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest

from ingest.loaders import PathLoadError, iter_paths, load_path
from core.model import Document
from core.errors import LoadError

PRESS = "산업통상자원부는 7일 인공지능 자율제조 전략을 발표했다.\n\n안덕근 장관은 제조 현장의 혁신을 강조했다.\n"


def load_all(path: Path, **kw) -> list[Document | LoadError]:
    return list(load_path(path, **kw))


def load_doc(path: Path, **kw) -> Document:
    items = load_all(path, **kw)
    assert len(items) == 1, items
    if isinstance(items[0], LoadError):
        pytest.fail(f"unexpected LoadError: {items[0]}")
    return items[0]


def load_err(path: Path, **kw) -> LoadError:
    items = load_all(path, **kw)
    assert len(items) == 1 and isinstance(items[0], LoadError), items
    assert str(path) in str(items[0])  # every message names the file
    return items[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


# --- text and front matter ---------------------------------------------------------------

def test_front_matter_fields_become_document_fields(tmp_path: Path) -> None:
    p = write(tmp_path / "motie.txt", "---\ntitle: AI 자율제조 전략 발표\ndate: 2024-03-07\nsource: 보도자료\n"
                                       "url: https://www.motie.go.kr/a?id=1\n담당부서: 산업정책과\n---\n" + PRESS)
    doc = load_doc(p)
    assert doc.title == "AI 자율제조 전략 발표"
    assert doc.date == "2024-03-07"
    assert doc.url == "https://www.motie.go.kr/a?id=1"
    assert doc.source == str(p) and doc.key == str(p)
    assert doc.meta["source_kind"] == "보도자료"
    assert doc.meta["담당부서"] == "산업정책과"
    assert doc.meta["encoding"] == "utf-8"
    assert doc.text.startswith("산업통상자원부는") and "title:" not in doc.text


@pytest.mark.parametrize("written", ["2024-03-07", "2024.3.7", "2024/03/07", "2024년 3월 7일", "2024. 3. 7.", "'2024-03-07'"])
def test_front_matter_dates_are_normalised_to_iso(tmp_path: Path, written: str) -> None:
    doc = load_doc(write(tmp_path / "a.md", f"---\ndate: {written}\n---\n{PRESS}"))
    assert doc.date == "2024-03-07"


def test_invalid_date_is_dropped_with_a_warning_not_an_error(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "a.txt", f"---\ntitle: 제목\ndate: 2024-02-30\n---\n{PRESS}"))
    assert doc.date is None
    assert any("2024-02-30" in w for w in doc.meta["warnings"])


def test_without_front_matter_the_title_is_the_first_line(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "note.txt", "\n\n# 제조 AI 얼라이언스 출범\n\n" + PRESS))
    assert doc.title == "제조 AI 얼라이언스 출범"
    assert doc.date is None and doc.url is None


def test_unclosed_front_matter_is_kept_as_text(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "a.txt", "---\n메모: 초안\n" + PRESS))
    assert "메모: 초안" in doc.text


# --- Markdown ----------------------------------------------------------------------------

def test_markdown_markup_is_stripped_and_paragraphs_kept(tmp_path: Path) -> None:
    md = ("# 인공지능 **자율제조** 전략\n\n"
          "산업부는 [AI 자율제조 얼라이언스](https://motie.go.kr/x)를 *출범*했다. ![현장 사진](photo.png)\n\n"
          "## 주요 내용 ##\n\n- 선도 프로젝트 `200개` 추진\n- __2030년__까지 ~~완료~~ 달성\n\n> 장관 발언 인용\n")
    doc = load_doc(write(tmp_path / "plan.md", md))
    assert doc.title == "인공지능 자율제조 전략"
    assert doc.text == ("인공지능 자율제조 전략\n\n산업부는 AI 자율제조 얼라이언스를 출범했다.\n\n주요 내용\n\n"
                        "선도 프로젝트 200개 추진\n2030년까지 완료 달성\n\n장관 발언 인용")
    assert doc.meta["format"] == "markdown"


def test_markdown_title_from_front_matter_wins_over_heading(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "a.md", "---\ntitle: 앞머리 제목\n---\n# 본문 제목\n\n본문입니다.\n"))
    assert doc.title == "앞머리 제목"


# --- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="ko"><head>
<meta charset="utf-8">
<title>제조 AI 얼라이언스 출범식 개최</title>
<meta property="og:title" content="OG 제목">
<meta name="author" content="김기자">
<meta property="article:published_time" content="2024-03-07T09:30:00+09:00">
<link rel="canonical" href="https://example.kr/news/1">
<style>body { color: red }</style><script>var 광고 = "스크립트 텍스트";</script>
</head><body>
<header>사이트 머리말</header><nav><ul><li>메뉴 항목</li></ul></nav>
<article><h1>기사 제목</h1>
<p>산업통상자원부는&nbsp;7일 <b>얼라이언스</b>를 출범했다.</p>
<p>마키나락스 등 기업이<br>참여했다.</p>
<aside>관련 기사 목록</aside><form>검색 양식</form></article>
<footer>Copyright 예시신문</footer>
</body></html>"""


def test_html_title_date_author_and_url(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "news.html", PAGE))
    assert doc.title == "제조 AI 얼라이언스 출범식 개최"
    assert doc.date == "2024-03-07"
    assert doc.meta["author"] == "김기자"
    assert doc.url == "https://example.kr/news/1"
    assert doc.key == str(tmp_path / "news.html")


def test_html_boilerplate_is_removed_and_paragraphs_kept(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "news.html", PAGE))
    assert doc.text == "기사 제목\n\n산업통상자원부는 7일 얼라이언스를 출범했다.\n\n마키나락스 등 기업이\n참여했다."
    for junk in ("스크립트", "color", "머리말", "메뉴", "관련 기사", "검색 양식", "Copyright"):
        assert junk not in doc.text


def test_html_title_falls_back_to_og_title_then_h1_then_file_name(tmp_path: Path) -> None:
    og = ('<html><head><meta property="og:title" content="OG 제목"></head>'
          '<body><svg><title>아이콘</title></svg><p>본문</p></body></html>')
    h1 = "<html><body><main><h1>첫 <i>제목</i></h1><p>본문</p></main></body></html>"
    bare = "<html><body><p>본문만 있는 페이지</p></body></html>"
    assert load_doc(write(tmp_path / "a.html", og)).title == "OG 제목"
    assert load_doc(write(tmp_path / "b.html", h1)).title == "첫 제목"
    assert load_doc(write(tmp_path / "보도자료_0307.htm", bare)).title == "보도자료_0307"


def test_html_date_from_time_element_and_main_without_article(tmp_path: Path) -> None:
    page = ('<html><body><nav>메뉴</nav><main><time datetime="2024-03-07">3월 7일</time>'
            '<p>본문 문단</p></main><p>본문 밖 문단</p></body></html>')
    doc = load_doc(write(tmp_path / "a.html", page))
    assert doc.date == "2024-03-07"
    assert doc.text == "3월 7일\n\n본문 문단"


def test_html_meta_charset_euc_kr_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' \
           '<title>산업부 보도자료</title></head><body><p>자율제조 전략 발표</p></body></html>'
    doc = load_doc(write(tmp_path / "old.html", page.encode("euc-kr")))
    assert doc.title == "산업부 보도자료"
    assert doc.text == "자율제조 전략 발표"


def test_html_is_recognised_by_content_whatever_the_extension(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "view.do", PAGE))
    assert doc.meta["format"] == "html" and doc.title == "제조 AI 얼라이언스 출범식 개최"


# --- JSON Lines --------------------------------------------------------------------------

def test_jsonl_bad_line_is_reported_and_other_lines_load(tmp_path: Path) -> None:
    p = write(tmp_path / "news.jsonl", "\n".join([
        '{"id": "n-1", "title": "첫 기사", "body": "산업부가 전략을 발표했다.", "date": "2024.3.7", "source": "뉴스"}',
        '{"title": "깨진 줄", "body": "닫히지 않은',
        '{"text": "제목 없는 기사 본문", "url": "https://example.kr/3", "press": "예시일보"}',
        "",
        '{"id": 4, "title": "본문 없음"}',
        '{"id": "n-1", "body": "같은 id"}',
    ]) + "\n")
    items = load_all(p)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, LoadError)]
    assert [d.title for d in docs] == ["첫 기사", "제목 없는 기사 본문"]
    assert [d.key for d in docs] == [f"{p}#n-1", f"{p}#L3"]
    assert docs[0].date == "2024-03-07" and docs[0].meta["source_kind"] == "뉴스"
    assert docs[1].url == "https://example.kr/3" and docs[1].meta["press"] == "예시일보"
    assert all(d.source == str(p) for d in docs)
    assert [e.line for e in errors] == [2, 5, 6]  # type: ignore[attr-defined]
    assert str(errors[0]).startswith(f"{p}: 2행: JSON 형식이") and "(invalid JSON: " in str(errors[0])
    assert "no text" in str(errors[1]) and "duplicate id 'n-1'" in str(errors[2])


def test_jsonl_line_that_is_not_an_object(tmp_path: Path) -> None:
    items = load_all(write(tmp_path / "a.jsonl", '["배열"]\n{"body": "본문"}\n'))
    assert "1행: JSON 객체가 아니라 배열입니다" in str(items[0]) and "expected a JSON object, got an array" in str(items[0])
    assert isinstance(items[1], Document)


# --- encodings and normalisation ----------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16", "utf-16-be"])
def test_korean_text_in_any_encoding_loads_the_same(tmp_path: Path, encoding: str) -> None:
    content = "산업부 보도자료\r\n\r\n" + PRESS.replace("\n", "\r\n")
    data = content.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    reference = load_doc(write(tmp_path / "ref.txt", content))
    doc = load_doc(write(tmp_path / f"{encoding}.txt", data))
    assert (doc.title, doc.text) == (reference.title, reference.text) == ("산업부 보도자료", "산업부 보도자료\n\n" + PRESS.strip())
    assert doc.meta["encoding"].replace("_", "-") in {"utf-8", "cp949", "utf-16-le", "utf-16-be"}


def test_syllables_outside_euc_kr_decode_in_cp949_and_euc_kr(tmp_path: Path) -> None:
    text = "똠방각하와 햏자는 KS X 1001 완성형 2350자에 없는 글자다."
    cp949, euc_kr = text.encode("cp949"), text.encode("euc-kr")  # EUC-KR spells 똠 in 8 bytes
    assert cp949 != euc_kr
    for name, data in (("cp949.txt", cp949), ("euc-kr.txt", euc_kr)):
        doc = load_doc(write(tmp_path / name, data))
        assert doc.text == text and doc.meta["encoding"] == "cp949"


def test_utf16_without_bom_is_detected(tmp_path: Path) -> None:
    doc = load_doc(write(tmp_path / "a.txt", "산업부 보도자료 2024".encode("utf-16-le")))
    assert doc.text == "산업부 보도자료 2024"


def test_text_is_normalised(tmp_path: Path) -> None:
    raw = unicodedata.normalize("NFD", "\ufeff산업\u200b통상\u00ad자원부") + "\r\n\r\n\r\n\r\n두 번째\u00a0문단 ㅎㅏㄴㄱㅡㄹ ㅋㅋㅋ ㅠㅠ\r"
    doc = load_doc(write(tmp_path / "a.txt", raw))
    assert doc.text == "산업통상자원부\n\n두 번째 문단 한글 ㅋㅋㅋ ㅠㅠ"
    assert unicodedata.is_normalized("NFC", doc.text)


# --- failures ----------------------------------------------------------------------------

def test_binary_file_is_rejected(tmp_path: Path) -> None:
    err = load_err(write(tmp_path / "data.txt", bytes(range(256)) * 4))
    assert "binary file" in str(err)
    err = load_err(write(tmp_path / "ctrl.txt", b"\x01\x02\x03\x04\x05\x06ab" * 100))
    assert "binary file" in str(err)


def test_empty_and_blank_files_are_rejected(tmp_path: Path) -> None:
    assert "empty file" in str(load_err(write(tmp_path / "empty.md", b"")))
    assert "no text" in str(load_err(write(tmp_path / "blank.txt", " \n\u200b\n\t\n")))
    assert "no text" in str(load_err(write(tmp_path / "only-script.html", "<html><script>x()</script></html>")))


def test_oversize_file_is_rejected_before_reading(tmp_path: Path) -> None:
    p = write(tmp_path / "big.txt", "가" * 1000)  # 3000 bytes
    err = load_err(p, max_bytes=1024)
    assert "too large" in str(err) and "2.9 KB" in str(err) and "1.0 KB" in str(err)
    assert isinstance(load_all(p, max_bytes=3000)[0], Document)


def test_undecodable_text_is_rejected(tmp_path: Path) -> None:
    assert "undecodable text" in str(load_err(write(tmp_path / "a.txt", b"\xff\xfe\x00\xd8")))


@pytest.mark.parametrize(("name", "data", "hint"), [
    ("sheet.xlsx", b"PK\x03\x04\x14\x00" + b"\x00" * 20, "ZIP"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "OLE"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "PNG"),
    ("config.xml", '<?xml version="1.0"?><설정><값>1</값></설정>'.encode(), "not an RSS or Atom feed"),
    ("data.parquet", b"PAR1" + b"\x00" * 20, "'.parquet'"),
])
def test_unsupported_formats_say_what_they_are(tmp_path: Path, name: str, data: bytes, hint: str) -> None:
    err = load_err(write(tmp_path / name, data))
    assert "unsupported format" in str(err) and hint in str(err)
    assert ".jsonl" in str(err) and ".md" in str(err) and ".hwp" in str(err)  # tells the user what would work


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\n", "corrupted or truncated PDF"),
    ("plan.docx", b"PK\x03\x04\x14\x00" + b"\x00" * 20, "corrupted or truncated DOCX document"),
    ("plan.hwpx", b"PK\x03\x04\x14\x00" + b"\x00" * 20, "corrupted or truncated HWPX document"),
    ("plan.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "corrupted or truncated HWP document"),
    ("data.csv", "이름,값\n산업부,1\n".encode(), "no text column"),
])
def test_formats_once_unsupported_are_loaded_now(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    """PDF, DOCX, HWPX, HWP and CSV have loaders: a broken file says what is wrong with it."""
    assert problem in str(load_err(write(tmp_path / name, data)))


@pytest.mark.parametrize(("name", "data", "korean", "english"), [
    ("fake.pdf", b"this is not a pdf at all" * 10, "PDF 문서가 아닙니다: %PDF- 머리글이 없습니다",
     "not a PDF document: no %PDF- header"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\n", "PDF가 손상됐거나 잘렸습니다", "corrupted or truncated PDF"),
    ("plan.docx", b"PK\x03\x04\x14\x00" + b"\x00" * 20, "DOCX 문서가 손상됐거나 잘렸습니다",
     "corrupted or truncated DOCX document"),
    ("plan.hwp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "HWP 문서가 손상됐거나 잘렸습니다",
     "corrupted or truncated HWP document"),
    ("empty.md", b"", "빈 파일입니다", "empty file"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "지원하지 않는 형식입니다: '.png' 파일(PNG 이미지로 보입니다)",
     "unsupported format: file '.png', looks like a PNG image"),
    ("blob.txt", bytes(range(1, 32)) * 40, "텍스트가 아닌 이진 파일입니다", "binary file, not text"),
    ("a.jsonl", b"{oops}\n", "JSON 형식이 2열에서 잘못됐습니다", "invalid JSON"),
])
def test_failure_reasons_are_korean_first_with_the_english_after(tmp_path: Path, name: str, data: bytes,
                                                                 korean: str, english: str) -> None:
    """The reason a user reads in the `kg ingest` report, the failures file and the upload
    page: what is wrong in Korean, then the English original in brackets at the end."""
    err = load_err(write(tmp_path / name, data))
    assert isinstance(err, PathLoadError)
    assert err.problem.startswith(korean), err.problem
    before, _, after = err.problem.partition(" (")
    assert re.search("[가-힣]", before) and after.startswith(english) and after.endswith(")"), err.problem
    if name.endswith(".jsonl"):
        assert str(err) == f"{tmp_path / name}: 1행: {err.problem}"  # the line, in Korean too


def test_missing_file_and_directory_are_errors_not_exceptions(tmp_path: Path) -> None:
    assert "file not found" in str(load_err(tmp_path / "없는파일.txt"))
    assert "is a directory" in str(load_err(tmp_path))


def test_errors_keep_path_and_line(tmp_path: Path) -> None:
    err = load_all(write(tmp_path / "a.jsonl", '{"body": "x"}\n{oops}\n'))[1]
    assert isinstance(err, PathLoadError) and isinstance(err, LoadError)
    assert (err.path, err.line) == (str(tmp_path / "a.jsonl"), 2)


@pytest.mark.parametrize(("name", "data"), [
    ("a.html", b"<a" * 60000), ("b.html", b"<!--" * 60000), ("c.html", b"<![" * 60000),
    ("d.html", b"</" * 60000), ("e.html", b"<article>" * 30000 + b"x"), ("f.html", b"<pre>" + b" " * 100000 + b"x"),
    ("a.md", b"[" * 100000 + b"x"), ("b.md", b"`" * 100000 + b"x"), ("c.md", b"# a" + b" " * 100000 + b"b"),
    ("d.md", b"![" * 60000), ("e.md", b"|" + b"-|" * 60000 + b"x"), ("a.txt", b"a" + b" \t" * 100000 + b"b"),
    ("g.html", '<meta charset="hex"><p>본문</p>'.encode()),
    ("a.jsonl", b"[" * 100000 + b"\n" + b'{"body": "' + b"1" * 100000 + b'"}\n'),
])
def test_hostile_input_neither_hangs_nor_crashes(tmp_path: Path, name: str, data: bytes) -> None:
    t0 = time.perf_counter()
    items = load_all(write(tmp_path / name, data))
    assert time.perf_counter() - t0 < 5  # quadratic behaviour would take minutes here
    assert items and all(isinstance(i, (Document, LoadError)) for i in items)
    assert not any("unexpectedly" in str(i) for i in items if isinstance(i, LoadError))


# --- folders -----------------------------------------------------------------------------

def test_folders_expand_recursively_sorted_skipping_hidden(tmp_path: Path) -> None:
    for rel in ("b.md", "a.txt", "sub/z.html", "sub/deeper/c.jsonl", ".hidden.txt", ".git/config.txt", "sub/.cache/x.txt"):
        write(tmp_path / "corpus" / rel, "본문")
    extra = write(tmp_path / "extra.txt", "본문")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path / "corpus", extra, tmp_path / "corpus" / "a.txt"])]
    assert found == ["corpus/a.txt", "corpus/b.md", "corpus/sub/z.html", "corpus/sub/deeper/c.jsonl", "extra.txt"]


def test_explicit_missing_path_is_passed_on_for_load_path_to_report(tmp_path: Path) -> None:
    assert list(iter_paths([str(tmp_path / "none.txt")])) == [tmp_path / "none.txt"]
