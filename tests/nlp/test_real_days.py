"""Dates as real briefings write them (issue #20): solar terms ('동지를 맞아'), a weekday
in quotes, and the guideline's no-dates ('당일 사진과 함께', '그 다음 날'). The sentences are
written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, "2024-12-16").entities if e.type == "DATE"]


def test_solar_term_is_a_date() -> None:
    assert ("입동", "2024-11-07") in dates("입동을 앞두고 김장 행사를 연다.")


def test_weekday_in_quotes() -> None:
    assert [d for d, _v in dates("회의가 '목요일'로 옮겨졌다.")] == ["목요일"]


def test_bare_day_words_are_no_dates() -> None:
    assert dates("행사 당일 사진을 배포하고 그 다음 날 자료를 낸다.") == []
    assert [d for d, _v in dates("추석 당일에도 문을 연다.")] == ["추석 당일"]
