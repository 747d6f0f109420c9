"""What the tests of tests/nlp read from an extraction: relations and entities by their text.

One copy of the scaffolding the rule tests share (`duplicates` found it written again in each
new file). D is the publication date most tests give; a test passes its own where it matters.
"""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    """(relation type, head text, tail text) of every relation found in `text`."""
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def of(kind: str, text: str, date: str | None = D) -> set[tuple[str, str]]:
    """(head text, tail text) of the relations of one type."""
    return {(h, t) for k, h, t in rels(text, date) if k == kind}
