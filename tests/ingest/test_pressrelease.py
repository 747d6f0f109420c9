"""Korean 보도자료 header conventions → metadata, for any loaded format (texts written here)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.loaders import annotate_press_release, load_path
from core.model import Document

TABLE_HEADER = """산업통상자원부\t보도자료
보도시점\t2024. 3. 7.(목) 11:00\t배포\t2024. 3. 6.(수) 14:00
담당부서\t제조산업정책관\t책임자\t과 장 홍길동 (044-203-4250)
\t산업인공지능혁신과\t담당자\t사무관 김철수 (044-203-4251)

시험용 자율제조 전략 발표
산업통상자원부는 시험 문서에서 전략을 발표했다.
"""

LINE_HEADER = """보도자료
보도일시: 2024년 3월 8일(금) 조간 / 배포: 2024. 3. 7.(목) 오후 2시
담당부서 과학기술정보통신부 인공지능정책과 책임자 과장 이영희 (044-202-6240) 담당자 박민수 주무관(044-202-xxxx)

시험용 인공지능 기본계획
"""


def doc(text: str, **kw: object) -> Document:
    return annotate_press_release(Document(title="t", text=text, source="s", **kw))  # type: ignore[arg-type]


def test_table_header_flattened_to_cells() -> None:
    d = doc(TABLE_HEADER)
    assert d.date == "2024-03-07"
    assert d.meta["embargo"] == "2024-03-07T11:00:00+09:00"
    assert d.meta["embargo_text"] == "2024. 3. 7.(목) 11:00"
    assert d.meta["distributed"] == "2024-03-06T14:00:00+09:00"
    assert d.meta["department"] == "제조산업정책관"
    assert d.meta["contact"] == [{"role": "과장", "name": "홍길동", "phone": "044-203-4250"},
                                 {"role": "사무관", "name": "김철수", "phone": "044-203-4251"}]
    assert d.meta["ministry"] == "산업통상자원부" and d.meta["source_kind"] == "보도자료"


def test_one_line_header_with_korean_dates_and_masked_phone() -> None:
    d = doc(LINE_HEADER)
    assert d.meta["embargo"] == "2024-03-08" and d.meta["embargo_text"] == "2024년 3월 8일(금) 조간"
    assert d.meta["distributed"] == "2024-03-07T14:00:00+09:00"  # 오후 2시
    assert d.meta["department"] == "과학기술정보통신부 인공지능정책과"
    assert d.meta["contact"] == [{"role": "과장", "name": "이영희", "phone": "044-202-6240"},
                                 {"role": "주무관", "name": "박민수", "phone": "044-202-xxxx"}]
    assert d.meta["ministry"] == "과학기술정보통신부" and d.date == "2024-03-08"


def test_year_less_embargo_takes_the_year_of_the_distribution_date() -> None:
    d = doc("보도자료\n보도시점 3. 7.(목) 12:00\n배포 2024. 3. 6.(수)\n본문")
    assert d.meta["embargo"] == "2024-03-07T12:00:00+09:00" and d.meta["distributed"] == "2024-03-06"


def test_immediate_release_uses_the_distribution_time() -> None:
    d = doc("보도자료\n보도시점\t배포 즉시\n배포\t2024. 3. 6.(수) 09:30\n담당부서\t시험청 시험과\n본문")
    assert d.meta["embargo_text"] == "배포 즉시"
    assert d.meta["embargo"] == d.meta["distributed"] == "2024-03-06T09:30:00+09:00"
    assert d.meta["department"] == "시험청 시험과" and d.meta["ministry"] == "시험청"  # department's first word


def test_loader_values_win_and_existing_date_is_kept() -> None:
    d = doc(TABLE_HEADER, date="2024-01-01", meta={"source_kind": "뉴스", "department": "앞머리 부서"})
    assert d.date == "2024-01-01"
    assert d.meta["source_kind"] == "뉴스" and d.meta["department"] == "앞머리 부서"
    assert d.meta["embargo"] == "2024-03-07T11:00:00+09:00"


def test_the_id_follows_the_new_date() -> None:
    plain = Document(title="t", text=TABLE_HEADER, source="s")
    d = annotate_press_release(plain)
    assert d.id != plain.id and d.id == Document(title="t", text=TABLE_HEADER, source="s", date="2024-03-07").id
    assert d.key == plain.key


@pytest.mark.parametrize("text", [
    "산업통상자원부는 7일 전략을 발표했다.\n\n담당 부서는 밝히지 않았다.",
    "배포된 자료에 따르면 2024. 3. 7. 발표가 있었다.",
    "뉴스 기사 본문\n보도에 따르면 과장 홍길동은 말했다.",
])
def test_ordinary_text_is_left_alone(text: str) -> None:
    plain = Document(title="t", text=text, source="s")
    assert annotate_press_release(plain) is plain


def test_applied_to_every_loader(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TABLE_HEADER, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><table><tr><td>보도자료</td></tr><tr><td>보도시점</td>"
                                     "<td>2024. 3. 7.(목) 11:00</td></tr></table><p>본문</p></body></html>",
                                     encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"body": "보도자료\\n보도시점 2024. 3. 9.(토) 06:00\\n본문"}\n',
                                      encoding="utf-8")
    dates = {p.name: next(load_path(p)).date for p in sorted(tmp_path.iterdir())}  # type: ignore[union-attr]
    assert dates == {"a.txt": "2024-03-07", "b.html": "2024-03-07", "c.jsonl": "2024-03-09"}


def test_bounded_on_hostile_headers() -> None:
    hostile = "보도시점 " + "1. " * 5000 + "\n" + "과장 " * 5000 + "\t" * 5000 + "담당부서 " * 3000
    t0 = time.perf_counter()
    doc(hostile)
    assert time.perf_counter() - t0 < 1


@pytest.mark.parametrize(("text", "press"), [
    ("보도자료\n본문", True), ("산업통상자원부 보도자료\n본문", True), ("시험청\t보도자료\n본문", True),
    ("보도자료 · 2024-07-22\n본문", True), ("[보도자료]\n본문", True), ("【 보도자료 】\n본문", True),
    ("산업부가 배포한 보도자료 내용을 보면\n본문", False), ("보도자료를 냈다\n본문", False),
])
def test_the_word_must_stand_as_a_heading(text: str, press: bool) -> None:
    assert (doc(text).meta.get("source_kind") == "보도자료") is press
