"""INITIATIVE names without a head word that their shape still marks as names.

A numbered day ('제5회 푸른 하늘의 날', '제18회 반도체의 날'): a day kept each year under one
name is an event (gold README: named days), and its number shows it is one, not a holiday
(어린이날 is a DATE) or a figure of speech ('오늘의 날'). Quoted days are found with the
quoted names (ingest.nlp.initiatives).
"""
from __future__ import annotations

import re
from typing import Iterator

from ingest.nlp.view import TextView

# '제5회 푸른 하늘의 날', '제20회 전자·IT의 날': the number, up to three nouns and '의 날'
_NUMBERED_DAY = re.compile(r"(?<![가-힣0-9])제\d+회\s(?:[가-힣A-Za-z0-9·]+\s){0,2}[가-힣A-Za-z0-9·]+의 날(?=$|[^가-힣]|[은는이가을를의에도과와로](?![가-힣]{2}))")


def find_numbered_days(view: TextView) -> Iterator[tuple]:
    """'제5회 푸른 하늘의 날을 맞아': a numbered day is an event of its own."""
    text = view.text
    for m in _NUMBERED_DAY.finditer(text):
        s, e = m.span()
        if view.aligned(s, e):
            yield s, e, "INITIATIVE", {"kind": "meeting", "generic": False}
