"""Damaged text: a file that is mostly UTF-8 (or CP949) with a few bad bytes is read in
its own encoding with U+FFFD for the bad bytes and a warning, never as mojibake through a
wrong codec (산업부 as `м‚°м—…л¶Ђ`) and never refused whole; in JSON Lines the line with
the bad bytes fails alone, with its line number."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.loaders import decode_bytes, load_path
from core.model import Document

TEXT = ("# 산업부, AI 자율제조 전략 발표\n\n산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. "
        "LG전자와 마키나락스가 참여한다. 정부는 2030년까지 3조 원을 투자한다.\n") * 3


def damaged(data: bytes, *at: int) -> bytes:
    """`data` with a stray 0xFF byte before each offset in `at` (on character boundaries)."""
    for i in sorted(at, reverse=True):
        data = data[:i] + b"\xff" + data[i:]
    return data


def boundary(text: str, chars: int, enc: str = "utf-8") -> int:
    return len(text[:chars].encode(enc))


@pytest.mark.parametrize("name", ["notes.md", "brief.txt"])
def test_four_bad_bytes_in_utf8_are_replaced_and_reported_not_mojibake_nor_refused(tmp_path: Path,
                                                                                   name: str) -> None:
    path = tmp_path / name
    path.write_bytes(damaged(TEXT.encode(), *(boundary(TEXT, n) for n in (30, 60, 90, 120))))
    (doc,) = load_path(path)
    assert isinstance(doc, Document), doc
    assert doc.meta["encoding"] == "utf-8" and doc.text.count("\ufffd") == 4
    assert "산업통상자원부" in doc.text and "마키나락스" in doc.text
    assert not any("\u0400" <= ch <= "\u04ff" for ch in doc.text)           # no Cyrillic mojibake
    (warning,) = doc.meta["warnings"]
    assert warning.startswith("UTF-8로 읽을 수 없는 바이트 4개를 �로 바꿨습니다") and "4 invalid UTF-8" in warning


def test_real_cp949_and_euc_kr_still_decode_as_cp949() -> None:
    for enc in ("cp949", "euc-kr"):
        decoded = decode_bytes(TEXT.encode(enc), "old.txt")
        assert decoded.encoding == "cp949" and decoded.text == TEXT and decoded.warnings == []


def test_cp949_with_a_bad_byte_stays_cp949_with_a_warning() -> None:
    data = damaged(TEXT.encode("cp949"), boundary(TEXT, 40, "cp949"))
    decoded = decode_bytes(data, "old.txt")
    assert decoded.encoding == "cp949" and decoded.replaced >= 1
    assert "산업통상자원부" in decoded.text and "마키나락스" in decoded.text
    assert decoded.warnings and decoded.warnings[0].startswith("CP949로 읽을 수 없는 바이트")


def test_utf8_with_a_bom_and_bad_bytes_is_utf8_too() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + damaged(TEXT.encode(), boundary(TEXT, 10)), "bom.txt")
    assert decoded.encoding == "utf-8" and decoded.text.count("\ufffd") == 1
    assert "처음 " in decoded.warnings[0]


def test_mostly_bad_bytes_are_not_mostly_utf8() -> None:
    """Latin-1 text is not UTF-8 with damage: the few accented letters are all bad bytes."""
    decoded = decode_bytes("Le café de la crème brûlée, déjà vu.".encode("latin-1"), "fr.txt")
    assert decoded.replaced == 0 and "\ufffd" not in decoded.text


def test_a_jsonl_line_with_bad_bytes_fails_alone_with_its_line_number(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"r{i}", "title": f"보도자료 {i}", "body": f"산업통상자원부는 {i}일 '전략 {i}'을 발표했다."},
                        ensure_ascii=False).encode() for i in range(1, 7)]
    lines[2] = damaged(lines[2], 40)
    path = tmp_path / "records.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(load_path(path))
    docs = [i for i in items if isinstance(i, Document)]
    (err,) = [i for i in items if isinstance(i, Exception)]
    assert [d.key.rsplit("#", 1)[1] for d in docs] == ["r1", "r2", "r4", "r5", "r6"]
    assert str(err).startswith(f"{path}: 3행: UTF-8로 읽을 수 없는 바이트가 있어 이 줄을 건너뜁니다")
    assert all(not d.meta.get("warnings") and "\ufffd" not in d.text for d in docs)


def test_a_jsonl_line_with_bad_json_fails_alone_too(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text('{"body": "첫 문서 본문입니다."}\n{"body": "깨진 줄\n{"body": "셋째 문서 본문입니다."}\n',
                    encoding="utf-8")
    items = list(load_path(path))
    assert [type(i).__name__ for i in items] == ["Document", "PathLoadError", "Document"]
    assert "2행: JSON 형식이" in str(items[1])
