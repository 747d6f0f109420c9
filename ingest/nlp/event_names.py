"""Event names that a plan's name opens (issue #20, round 4).

A plan reported to someone at a sitting is an event in its own right: '평택에서 열린 K-반도체 전략
보고에 참석했다' names the report, not the plan, and attendance is at the report (gold README: a
meeting's name is the whole noun phrase before its meeting word). 보고 alone is too common a word
to head a name ('전략을 보고했다'), so it joins only a plan found before it, and only where the text
holds it as an event: held ('열린 … 보고') or attended, chaired or opened ('… 보고에 참석').
"""
from __future__ import annotations

import re

from ingest.nlp.ents import Ent

_REPORT = re.compile(r" 보고(?=에서|에는|에|가|를|는|도|[^가-힣]|$)")
_HELD_BEFORE = re.compile(r"(?:열린|열리는|열릴|개최된|개최되는|개최될|진행된|진행되는)\s$")
_AS_EVENT_AFTER = re.compile(r"(?:에서|에는|에|가|를|는|도)?\s?(?:[가-힣]+\s)?(?:참석|참여|주재|개최|열리|열렸|열린|진행)")
_PLAN_KINDS = frozenset({"plan", "strategy"})


def join_reported_plans(text: str, ents: list[Ent]) -> list[Ent]:
    """'K-반도체 전략' + ' 보고' → one meeting 'K-반도체 전략 보고' where the report is held as an event."""
    if " 보고" not in text:
        return ents
    for e in ents:
        if e.label != "INITIATIVE" or e.attrs.get("kind") not in _PLAN_KINDS or not (m := _REPORT.match(text, e.end)):
            continue
        held = _HELD_BEFORE.search(text, max(0, e.start - 6), e.start) is not None
        if held or _AS_EVENT_AFTER.match(text, m.end()):
            e.end = m.end()
            e.attrs = {**e.attrs, "kind": "meeting"}
    return ents
