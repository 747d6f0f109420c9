"""Dates as state-agency releases write them (issue #20): a space after the month's dot
('3. 27.(월)'), a day range under one month with ∼ or a full-width hyphen ('8월 18∼21일'),
'9.1자로', years before 1900 and two-digit years; and their look-alikes that are no dates
(a broadcast slot '월~금요일', section numbers, versions, scores). The sentences are written
for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, "2025-03-05").entities if e.type == "DATE"]


def test_spaced_month_day_with_weekday() -> None:
    assert dates("특허청은 3. 31.(월) 14시 대전에서 발대식을 연다.") == [("3. 31.", "2025-03-31")]
    assert dates("간담회는 6. 17(화) 오후에 열린다.") == [("6. 17", "2025-06-17")]
    assert dates("대표단은 3. 27.(목)~3. 29.(토) 회의에 참석한다.") == [("3. 27.", "2025-03-27"), ("3. 29.", "2025-03-29")]


def test_spaced_short_range_and_full_date() -> None:
    assert dates("신청은 3. 10.~3. 21. 받는다.") == [("3. 10.~3. 21.", "2025-03-10/2025-03-21")]
    assert dates("□ 일시 : 2024. 3. 27.(수) 14:00") == [("2024. 3. 27.", "2024-03-27")]


def test_day_range_under_one_month() -> None:
    for dash in "∼~－":
        assert dates(f"박람회는 8월 18{dash}21일 서울에서 열린다.") == [(f"8월 18{dash}21일", "2025-08-18/2025-08-21")]


def test_as_of_a_short_date() -> None:
    assert dates("방송원은 오는 9.1자로 프로그램을 개편한다.") == [("오는 9.1", "2025-09-01")]


def test_old_and_two_digit_years() -> None:
    assert dates("이 온실은 1619년 지어진 유럽 온실보다 앞선다.") == [("1619년", "1619")]
    assert dates("이용자는 23년도 7월 1만 명에서 24년 7월 41만 명으로 늘었다.") == [
        ("23년도 7월", "2023-07"), ("24년 7월", "2024-07")]
    assert dates("이 다리는 1000년 동안 버텼고 그는 25년 만에 돌아왔다.") == []


def test_look_alikes_are_no_dates() -> None:
    assert dates("대한뉴스 월~금요일 19시 00분") == []
    assert dates("1. 추진 배경 2. 주요 내용 3. 1. 세부 과제") == []
    assert dates("버전 2.0을 공개했고 점수는 3. 5점이었다. 예산은 3.2조 원이다.") == []


def test_as_of_needs_its_particle() -> None:
    assert dates("답변은 2.5자 이내로 적는다.") == []


def test_full_date_to_short_date_range() -> None:
    assert dates("강좌는 2023. 3. 6. ~ 7. 6. 운영한다.") == [("2023. 3. 6. ~ 7. 6.", "2023-03-06/2023-07-06")]
    assert dates("공모는 2024. 12. 20.~1. 10. 받는다.") == [("2024. 12. 20.~1. 10.", "2024-12-20/2025-01-10")]


def test_apostrophe_year_and_countdown() -> None:
    assert dates("그는 (’19 발명전시회 수상자) 기자단에 뽑혔다.") == [("’19", "2019")]
    assert dates("정상회담이 불과 12일 남았다.") == []


def test_a_duration_after_a_start_is_no_range() -> None:
    assert dates("전시는 5월 19일부터 5일간 열린다.") == [("5월 19일", "2025-05-19/..")]
