"""News outlets report events; they do not take part in them. A news item names its outlet in
its byline ('[한빛경제 김민수 기자]', '(서울=연합뉴스)') and cites others ('블룸버그통신은 삼성전자가
회의에 참석한다고 보도했다'): a relation the rules read from such a sentence with the outlet as its
subject is the event's, not the outlet's. An outlet keeps its relations where it acts (KBS in a
hearing), so only the byline's outlet and reporter always, and a listed outlet (gazetteer kind
media) in a sentence that reports, lose them.
"""
from __future__ import annotations

import re

_REPORTING = re.compile(r"보도|전했|따르면|인용|보고서를 통해|에 실린|기사")


def drop_reporting(text: str, mentions: list, sents: list[tuple[int, int]], rels: list) -> list:
    """`rels` (kind, head, tail, sentence index) less those whose head is an outlet reporting."""
    byline = {m.key for m in mentions if m.attrs.get("byline")}
    media = {m.key for m in mentions if m.attrs.get("org_kind") == "media"}
    if not byline and not media:
        return rels
    out = []
    for rel in rels:
        _kind, head, _tail, si = rel
        if head in byline or head in media and 0 <= si < len(sents) and _REPORTING.search(text, *sents[si]):
            continue
        out.append(rel)
    return out
