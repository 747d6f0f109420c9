"""Status of a scheduled date relative to today (web.timeline)."""
from __future__ import annotations

from datetime import date

import pytest

from web.timeline import annotate, describe, status

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize("item, expected", [
    ({"begin": None, "end": "2025-12-31", "value": "../2025-12-31"}, "upcoming"),   # 연내, still ahead
    ({"begin": None, "end": "2024-12-31", "value": "../2024-12-31"}, "overdue"),    # deadline passed
    ({"begin": "2024-01-01", "end": "2024-06-30", "value": "2024-01-01/2024-06-30"}, "past"),
    ({"begin": "2025-01-01", "end": "2025-12-31", "value": "2025"}, "ongoing"),
    ({"begin": "2025-07-01", "end": "2025-07-31", "value": "2025-07"}, "upcoming"),
    ({"begin": "2025-06-15", "end": "2025-06-15", "value": "2025-06-15"}, "ongoing"),  # today
    ({"begin": "2023-11-17", "end": None, "value": "2023-11-17/.."}, "ongoing"),     # from then on
    ({"begin": None, "end": None, "value": "XXXX"}, "unknown"),
])
def test_status(item, expected) -> None:
    assert status(item, TODAY) == expected


def test_describe_and_order() -> None:
    items = annotate([{"begin": None, "end": "2025-12-31", "value": "../2025-12-31", "expression": "연내"},
                      {"begin": "2024-03-01", "end": "2024-03-31", "value": "2024-03", "expression": "3월"},
                      {"begin": "2026-01-01", "end": "2026-01-01", "value": "2026-01-01", "expression": "내년 1월 1일"}],
                     TODAY)
    assert [i["expression"] for i in items] == ["3월", "연내", "내년 1월 1일"]
    assert [i["range"] for i in items] == ["2024년 3월", "2025년 말까지", "2026년 1월 1일"]
    assert [i["status_label"] for i in items] == ["지난 일정", "예정", "예정"]
    assert describe({"begin": "2023-11-17", "end": None}) == "2023년 11월 17일부터"
