"""Date expressions: what DATE_RE finds and what `normalize` makes of it."""
from __future__ import annotations

import pytest

from ingest.nlp.dates import DATE_RE, normalize, normalize_time

D = "2024-03-07"  # a Thursday; the document date of most cases


@pytest.mark.parametrize("expr,doc_date,value", [
    # the table
    ("7일", D, "2024-03-07"),
    ("3월", D, "2024-03"),
    ("올해 상반기", D, "2024-01-01/2024-06-30"),
    ("하반기", D, "2024-07-01/2024-12-31"),
    ("연내", D, "../2024-12-31"),
    ("2030년까지", D, "../2030-12-31"),
    ("내년", D, "2025"),
    ("1분기", D, "2024-01-01/2024-03-31"),
    # absolute dates need no document date
    ("2024년 3월 7일", None, "2024-03-07"),
    ("2024년 3월", None, "2024-03"),
    ("2030년", None, "2030"),
    ("2024. 3. 7.", None, "2024-03-07"),
    ("2024-03-07", None, "2024-03-07"),
    ("2020년대", None, "2020/2029"),
    ("2024~2026년", None, "2024/2026"),
    ("2025년 하반기", None, "2025-07-01/2025-12-31"),
    # relative years, months and days
    ("올해", D, "2024"), ("금년", D, "2024"), ("작년", D, "2023"), ("지난해", D, "2023"), ("지난 해", D, "2023"),
    ("재작년", D, "2022"), ("내후년", D, "2026"), ("올 상반기", D, "2024-01-01/2024-06-30"),
    ("내년 1분기", D, "2025-01-01/2025-03-31"), ("4분기", D, "2024-10-01/2024-12-31"),
    ("이달", D, "2024-03"), ("이번 달", D, "2024-03"), ("다음 달", D, "2024-04"), ("지난달", D, "2024-02"),
    ("오늘", D, "2024-03-07"), ("이날", D, "2024-03-07"), ("어제", D, "2024-03-06"), ("내일", D, "2024-03-08"),
    ("연말", D, "2024-12"), ("연초", D, "2024-01"),
    # a bare day is the nearest such day; 지난/오는 force the direction
    ("3월 7일", D, "2024-03-07"), ("28일", D, "2024-02-28"), ("지난 28일", D, "2024-02-28"),
    ("오는 28일", D, "2024-03-28"), ("2일", "2024-02-28", "2024-03-02"), ("30일", "2024-02-10", "2024-01-30"),
    ("31일", "2024-04-10", "2024-03-31"),
    # a bare month is in the document's year unless 지난/오는 say otherwise
    ("오는 6월", D, "2024-06"), ("오는 2월", "2024-11-20", "2025-02"), ("지난 11월", D, "2023-11"),
    # parts of months and years
    ("3월 중", D, "2024-03"), ("3월 초", D, "2024-03-01/2024-03-10"), ("3월 중순", D, "2024-03-11/2024-03-20"),
    ("3월 말", D, "2024-03-21/2024-03-31"), ("2월 말", D, "2024-02-21/2024-02-29"),
    ("올해 상반기 중", D, "2024-01-01/2024-06-30"), ("내년 초", D, "2025-01"),
    # deadlines, starts and ranges
    ("3월말까지", D, "../2024-03-31"), ("연말까지", D, "../2024-12-31"), ("올해 말까지", D, "../2024-12-31"),
    ("상반기까지", D, "../2024-06-30"), ("내년까지", D, "../2025-12-31"), ("3월 내", D, "../2024-03-31"),
    ("7일부터", D, "2024-03-07/.."), ("내년 1분기부터", D, "2025-01-01/.."), ("2027년 이후", D, "2027/.."),
    ("2027년 이전", D, "../2026-12-31"),
    ("7~9일", D, "2024-03-07/2024-03-09"), ("3~4월", D, "2024-03/2024-04"),
    ("3월 7일부터 9일까지", D, "2024-03-07/2024-03-09"), ("3월 7일~4월 2일", D, "2024-03-07/2024-04-02"),
    ("1월부터 2월까지", D, "2024-01/2024-02"),
])
def test_normalize(expr: str, doc_date: str | None, value: str) -> None:
    assert normalize(expr, doc_date) == value


@pytest.mark.parametrize("expr", ["7일", "3월", "올해", "하반기", "연내", "이날", "3월 말", "오는 6월"])
def test_relative_expressions_need_a_document_date(expr: str) -> None:
    assert normalize(expr, None) is None
    assert normalize(expr, "not a date") is None


@pytest.mark.parametrize("expr", ["32일", "13월", "2월 30일", "반도체", "", "3년", "0일", "0∼3일"])
def test_invalid_expressions(expr: str) -> None:
    assert normalize(expr, D) is None


def test_doc_date_may_carry_a_time() -> None:
    assert normalize("7일", "2024-03-07T09:30:00") == "2024-03-07"


TEXT = ("산업부는 7일 발표했다. 올해 상반기 중 착수해 2030년까지 완료하고 연내 1분기 3월 중 오는 6월 지난 28일 "
        "2024년 3월 7일(목) 7~9일 2024. 3. 7. 내년 초 1월부터 2월까지 이번 달 2027년 이후 3월말 올해는")


def test_date_spans() -> None:
    assert [m.group() for m in DATE_RE.finditer(TEXT)] == [
        "7일", "올해 상반기 중", "2030년까지", "연내", "1분기", "3월 중", "오는 6월", "지난 28일", "2024년 3월 7일",
        "7~9일", "2024. 3. 7.", "내년 초", "1월부터 2월까지", "이번 달", "2027년 이후", "3월말", "올해"]


@pytest.mark.parametrize("text", [
    "3일간 머물렀다", "5일째 파업", "10일 동안", "3년 만에", "일본 일정 일자리 매일", "21세기", "4월급여", "오늘날",
    "3월 중소기업", "올림픽", "2년 만에", "3개월",
])
def test_not_dates(text: str) -> None:
    found = [m.group() for m in DATE_RE.finditer(text)]
    assert all(f in ("3월",) for f in found), found


@pytest.mark.parametrize("expr,value", [
    ("오전 10시", "10:00"), ("오후 2시 30분", "14:30"), ("14시 30분", "14:30"), ("오후 3시 반", "15:30"),
    ("오전 12시", "00:00"), ("밤 11시", "23:00"), ("9시", "09:00"), ("14:30", "14:30"), ("정오", "12:00"),
    ("자정", "00:00"), ("오후 25시", None), ("세 시", None),
])
def test_normalize_time(expr: str, value: str | None) -> None:
    assert normalize_time(expr) == value
