"""INITIATIVE names in real press constructions (issue #20): a named day's event, a
description before the quoted name it describes, campaigns and weeks in quotes, plan
names ending in 기본구상안. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def initiatives(text: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,name", [
    ("오늘 과학·정보통신의 날 기념식이 세종에서 열립니다.", "과학·정보통신의 날 기념식"),
    ("장관은 5일 환경의 날 기념식에 참석했다.", "환경의 날 기념식"),
])
def test_a_named_days_event_keeps_the_day(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_description_before_the_quoted_name_is_no_name() -> None:
    found = initiatives("산업부는 8일 국내 최대 소재 행사인 '2025 소재 혁신 위크'를 연다.")
    assert found == ["2025 소재 혁신 위크"]


@pytest.mark.parametrize("text,name", [
    ("중기부는 '동행축제 특별 판매주간' 동안 할인 행사를 한다.", "동행축제 특별 판매주간"),
    ("해수부는 '바다가꾸기 캠페인'을 진행한다.", "바다가꾸기 캠페인"),
])
def test_quoted_campaigns_and_weeks_are_initiatives(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_time_word_does_not_open_a_meetings_name() -> None:
    assert "동안 할인 행사" not in initiatives("중기부는 '동행축제 특별 판매주간' 동안 할인 행사를 한다.")


def test_a_basic_concept_plan_is_named() -> None:
    assert "수소도시 시범사업 기본구상안" in initiatives("국토부는 수소도시 시범사업 기본구상안을 발표했다.")


def test_unquoted_unions_and_weeks_are_still_no_initiatives() -> None:
    assert not initiatives("유럽연합은 이번 주간 일정을 공개했다.")
