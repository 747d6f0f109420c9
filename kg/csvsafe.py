"""CSV cells that a spreadsheet opens as text, never as a formula (CSV injection).

A title such as `=HYPERLINK("http://…","보기")` or `@SUM(A1)` comes from a document anyone
could have written; Excel and LibreOffice run a cell starting with `=`, `+`, `-`, `@`, a
tab or a carriage return as a formula. As OWASP recommends, such a cell gets a leading
single quote (`'=1+1 전략`), which the spreadsheet shows as the text itself. A cell that is
a plain number (`-12`, `+3.5`, `-1e3`) is left alone: as a formula it is only that number,
and a quote would turn a numeric column into text for everyone who sums it.

Every CSV the web UI writes passes through here; the SPARQL protocol's CSV/TSV results
for machine clients stay standard (see web.sparql_formats).
"""
from __future__ import annotations

import re
from typing import Any, Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def needs_quote(text: str) -> bool:
    """Would a spreadsheet read this text as a formula?"""
    return text.startswith(FORMULA_START) and _NUMBER.fullmatch(text) is None


def safe_text(text: str) -> str:
    """The text, with a leading single quote when it would start a formula."""
    return "'" + text if needs_quote(text) else text


def safe_cell(value: Any) -> Any:
    """One cell: strings are neutralised, numbers and None pass (csv writes them as is)."""
    return safe_text(value) if isinstance(value, str) else value


def safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in row]
