"""Kept for whoosh indexes built before kg/search/ held the analyzer: their schema pickled
`kg.analysis.KiwiTokenizer`, so unpickling it needs this name (the class is the same)."""
from __future__ import annotations

from kg.search.analysis import KiwiTokenizer, korean_analyzer

__all__ = ["KiwiTokenizer", "korean_analyzer"]
