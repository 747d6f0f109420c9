"""CSV cells a spreadsheet would run as formulas get a leading quote; plain numbers and
ordinary text stay as they are (kg.csvsafe)."""
from __future__ import annotations

import pytest

from kg.csvsafe import safe_cell, safe_row


@pytest.mark.parametrize("cell, out", [
    ('=HYPERLINK("http://evil.example","보기")', '\'=HYPERLINK("http://evil.example","보기")'),
    ("=1+1 전략", "'=1+1 전략"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("+82 2 123", "'+82 2 123"),
    ("-2+3", "'-2+3"),
    ("\t=cmd", "'\t=cmd"),
    ("\r=cmd", "'\r=cmd"),
    ("-12", "-12"),             # a number stays a number
    ("+3.5", "+3.5"),
    ("-1e3", "-1e3"),
    ("-.5", "-.5"),
    ("-", "'-"),
    ("산업통상자원부", "산업통상자원부"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_safe_cell(cell: str, out: str) -> None:
    assert safe_cell(cell) == out


def test_safe_row_leaves_numbers_and_none() -> None:
    assert safe_row([1, -2.5, None, "=x"]) == [1, -2.5, None, "'=x"]
