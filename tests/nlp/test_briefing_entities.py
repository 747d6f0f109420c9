"""Entities of weekly briefings and agency releases (issue #20, fifth batch): the weeks a
briefing speaks of. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.dates import normalize, normalize_time
from ingest.nlp.pipeline import extract

MONDAY = "2023-10-16"


def dates(text: str, date: str = MONDAY) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, date).entities if e.type == "DATE"]


@pytest.mark.parametrize("text,span,value", [
    ("먼저, 이번 주 주요 일정입니다.", "이번 주", "2023-10-16/2023-10-22"),
    ("이번 주에는 보도자료 7건을 배포합니다.", "이번 주", "2023-10-16/2023-10-22"),
    ("금주 보도계획은 모두 12건입니다.", "금주", "2023-10-16/2023-10-22"),
    ("지난주에도 현안이 많았습니다.", "지난주", "2023-10-09/2023-10-15"),
    ("다음 주부터 접수를 시작합니다.", "다음 주", "2023-10-23/2023-10-29"),
    ("지난 주말 남부 지방에 비가 내렸습니다.", "지난 주말", "2023-10-14/2023-10-15"),
    ("10월 셋째 주 홍보계획을 말씀드리겠습니다.", "10월 셋째 주", "2023-10-09/2023-10-15"),
    ("10월 마지막 주이자 11월 첫째 주 브리핑입니다.", "10월 마지막 주", "2023-10-30/2023-11-05"),
    ("10월 마지막 주이자 11월 첫째 주 브리핑입니다.", "11월 첫째 주", "2023-10-30/2023-11-05"),
])
def test_weeks_of_a_briefing(text: str, span: str, value: str) -> None:
    assert (span, value) in dates(text)


@pytest.mark.parametrize("text,word", [
    ("이번 주제는 청년 일자리입니다.", "이번 주"),
    ("금주 구역을 늘리기로 했습니다.", "금주"),
    ("금주 교육을 받은 사람은 30명입니다.", "금주"),
])
def test_words_that_only_look_like_weeks(text: str, word: str) -> None:
    assert not [d for d in dates(text) if d[0].startswith(word)]


def test_weeks_of_a_month_are_the_rows_of_its_calendar() -> None:
    # October 2023 begins on a Sunday: its first week is the row that holds that Sunday
    assert normalize("10월 첫째 주", MONDAY) == "2023-09-25/2023-10-01"
    assert normalize("2월 여섯째 주", "2023-02-01") is None


def test_weekday_of_this_week_stays_one_day() -> None:
    assert ("이번 주 목요일", "2023-10-19") in dates("이번 주 목요일 회의에 상정합니다.")


@pytest.mark.parametrize("expr,value", [
    ("1시 30분", "13:30"), ("3시", "15:00"), ("6시", "18:00"), ("새벽 2시", "02:00"), ("오전 6시", "06:00"),
    ("9시", "09:00"), ("11시", "11:00"),
])
def test_bare_hours_of_a_working_day(expr: str, value: str) -> None:
    assert normalize_time(expr) == value
