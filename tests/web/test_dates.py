"""Dates as a person writes them (web.dates), wherever a page shows a date value."""
from __future__ import annotations

import pytest

from web.dates import human_date


@pytest.mark.parametrize(("value", "words"), [
    ("2024-03-07", "2024년 3월 7일"), ("2024-03", "2024년 3월"), ("2024", "2024년"),
    ("../2026-12-31", "2026년 말까지"), ("../2026-06-30", "2026년 6월 말까지"), ("../2026-03-15", "2026년 3월 15일까지"),
    ("2027/..", "2027년부터"), ("2020/2029", "2020년대"), ("2024-01-01/2024-06-30", "2024년 상반기"),
    ("2024-07-01/2024-12-31", "2024년 하반기"), ("2024-10-01/2024-12-31", "2024년 4분기"),
    ("2024-01-01/2024-12-31", "2024년"), ("2024-01-01/2026-12-31", "2024~2026년"),
    ("2024-03-01/2024-03-31", "2024년 3월"), ("2024-03-05/2024-04-10", "2024년 3월 5일부터 2024년 4월 10일까지"),
    ("XXXX", "XXXX"),
])
def test_human_date(value: str, words: str) -> None:
    assert human_date(value) == words


def test_a_day_in_a_name_reads_in_words() -> None:
    from web.dates import dates_in_words  # noqa: PLC0415

    assert dates_in_words("회의 (2022-06-28)") == "회의 (2022년 6월 28일)"
    assert dates_in_words("제10차 전력수급기본계획") == "제10차 전력수급기본계획"
    assert dates_in_words("ID 12024-06-281") == "ID 12024-06-281"  # not a day on its own
