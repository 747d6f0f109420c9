"""Dates as people write them in Korean documents → ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from datetime import date

_PATTERNS = (
    # 2024-03-07, 2024.3.7, 2024/03/07, 2024. 3. 7., 2024-03-07T09:00:00+09:00
    re.compile(r"(\d{4})\s*([-./])\s*(\d{1,2})\s*\2\s*(\d{1,2})\.?(?![\d.])"),
    re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일"),   # 2024년 3월 7일
    re.compile(r"(\d{4})(\d{2})(\d{2})(?!\d)"),                       # 20240307
)


def parse_date(value: object) -> str | None:
    """The ISO date written at the start of `value`, or None when it is not a valid date.

    Only the date part of a timestamp is kept, as written (no time-zone conversion):
    a Korean press release stamped 2024-03-07T00:30+09:00 is dated 2024-03-07.
    """
    if not isinstance(value, str):
        return None
    s = value.strip()[:64]
    for pattern in _PATTERNS:
        m = pattern.match(s)
        if m:
            y, mo, d = (int(g) for g in m.groups() if g.isdigit())
            try:
                return date(y, mo, d).isoformat()
            except ValueError:
                return None
    return None


def date_field(value: object, warnings: list[str], what: str = "date") -> str | None:
    """parse_date, recording why a non-empty value was dropped (an invalid date is not fatal)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    iso = parse_date(value)
    if iso is None:
        warnings.append(f"invalid {what} {value!r} dropped (expected e.g. 2024-03-07, 2024.3.7 "
                        f"or 2024년 3월 7일)")
    return iso
