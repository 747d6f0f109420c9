"""CSV/TSV loader: header detection, sidecar mapping, one Document per row."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.loaders import iter_paths, load_path
from core.model import Document
from core.errors import LoadError


def load(path: Path, content: str | bytes) -> list[Document | LoadError]:
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return list(load_path(path))


def split(items: list[Document | LoadError]) -> tuple[list[Document], list[LoadError]]:
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, LoadError)]


def test_korean_header_names_are_recognised(tmp_path: Path) -> None:
    p = tmp_path / "news.csv"
    docs, errors = split(load(p, "번호,제목,내용,일자,링크,언론사\n"
                                 '1,첫 기사,"산업부가 전략을 발표했다.\n둘째 줄",2024.3.7,https://example.kr/1,시험일보\n'
                                 "2,빈 본문,,2024-03-08,,시험일보\n"
                                 "3,셋째 기사,본문 셋,2024-02-30,,\n"
                                 "1,같은 번호,다른 본문,,,\n"))
    assert [d.title for d in docs] == ["첫 기사", "셋째 기사"]
    first, third = docs
    assert first.text == "산업부가 전략을 발표했다.\n둘째 줄" and first.date == "2024-03-07"
    assert first.url == "https://example.kr/1" and first.key == f"{p}#1"
    assert first.meta["언론사"] == "시험일보" and first.meta["line"] == 2 and first.meta["format"] == "csv"
    assert third.date is None and any("2024-02-30" in w for w in third.meta["warnings"])
    assert [e.line for e in errors] == [4, 6]  # type: ignore[attr-defined]
    assert "본문이 없습니다: '내용' 열이 비어 있습니다 (no text: column '내용' is empty)" in str(errors[0])
    assert "duplicate id '1'" in str(errors[1])


def test_english_headers_tsv_and_row_keys_without_id(tmp_path: Path) -> None:
    p = tmp_path / "data.tsv"
    docs, errors = split(load(p, "Title\tBody\tDate\nFirst\tText one\t2024-03-07\n\n\tText two\t\n"))
    assert not errors
    assert [(d.title, d.text, d.key) for d in docs] == [("First", "Text one", f"{p}#L2"),
                                                         ("Text two", "Text two", f"{p}#L4")]


def test_cp949_csv_from_excel_with_semicolons(tmp_path: Path) -> None:
    content = "제목;본문\n엑셀 저장 문서;한글 본문입니다\n"
    (doc,) = load(tmp_path / "excel.csv", content.encode("cp949"))
    assert isinstance(doc, Document) and doc.text == "한글 본문입니다" and doc.meta["encoding"] == "cp949"


def test_sidecar_mapping_wins_and_is_skipped_when_walking_folders(tmp_path: Path) -> None:
    p = tmp_path / "board.csv"
    (tmp_path / "board.csv.json").write_text(json.dumps(
        {"title": "글제목", "text": ["요약", "상세"], "date": "등록일", "id": "게시물번호"}, ensure_ascii=False),
        encoding="utf-8")
    docs, errors = split(load(p, "게시물번호,글제목,요약,상세,등록일,내용\n"
                                 "A-1,시험 공지,요약 문장,상세 문장,2024년 3월 7일,무시되는 열\n"))
    assert not errors
    (doc,) = docs
    assert (doc.title, doc.text, doc.date, doc.key) == ("시험 공지", "요약 문장\n\n상세 문장", "2024-03-07", f"{p}#A-1")
    assert doc.meta["내용"] == "무시되는 열"
    (tmp_path / "orphan.csv.json").write_text("{}", encoding="utf-8")
    assert [q.name for q in iter_paths([tmp_path])] == ["board.csv", "orphan.csv.json"]


def test_bad_sidecar_or_missing_text_column_is_one_error(tmp_path: Path) -> None:
    side = tmp_path / "a.csv.json"
    cases = [("{not json", "unreadable column mapping"), ('{"title": "제목"}', "must map 'text'"),
             ('{"text": "없는열"}', "names columns the header lacks: '없는열'"),
             ('{"body": "내용"}', "unknown field 'body'"), ('["내용"]', "must be a JSON object")]
    for content, message in cases:
        side.write_text(content, encoding="utf-8")
        (err,) = load(tmp_path / "a.csv", "제목,내용\n가,나\n")
        assert isinstance(err, LoadError) and message in str(err), (content, err)
    side.unlink()
    (err,) = load(tmp_path / "a.csv", "이름,값\n산업부,1\n")
    assert "no text column" in str(err) and "a.csv.json" in str(err)
    (err,) = load(tmp_path / "a.csv", "제목,내용\n")
    assert "행이 없습니다: 머리글 행뿐입니다 (no rows: only a header)" in str(err)


def test_broken_rows_do_not_stop_the_file(tmp_path: Path) -> None:
    big = "x" * 200_000  # over the csv module's field limit
    docs, errors = split(load(tmp_path / "a.csv", f'제목,내용\n정상,본문 하나\n큰 칸,"{big}"\n다음,본문 둘\n'))
    assert [d.text for d in docs] == ["본문 하나", "본문 둘"]
    assert len(errors) == 1 and "3행: 읽을 수 없는 행입니다 (unreadable row: field larger than field limit" in str(errors[0])
