"""Reports of one meeting that give only its month ('지난 3월 … 간담회를 열고'): the events
of the same name and body in that month, for the page to offer as possibly the same.

An event's name carries its identity (ingest.nlp.events): '간담회 (산업통상자원부,
2024-03-07)'. A later document that recalls it by the month alone names '간담회
(산업통상자원부, 2024-03)'; which day it meant, only a reader can tell, so the two pages
point to each other rather than being merged.
"""
from __future__ import annotations

import re
from typing import Any

from rdflib import Literal

from core.namespaces import SKOS_PREF
from kg.store import GraphBackend
from kg.store.sparql_text import _iri
from ontology.namespace import KGO

_NAME = re.compile(r"^(?P<stem>.+ \((?:[^()]+, )?)(?P<month>\d{4}-\d{2})(?P<day>-\d{2})?\)$")


def month_siblings(store: GraphBackend, iri: str, label: str) -> list[dict[str, str]]:
    """For a day's event, the same name and body of its month; for a month's, its days."""
    m = _NAME.match(label)
    if m is None:
        return []
    iri = _iri(iri)
    if m["day"]:  # the month-only report of this day's event: one exact name
        name = Literal(f"{m['stem']}{m['month']})", lang="ko")
        rows = store.select(f"""SELECT DISTINCT ?e ?l WHERE {{ ?e <{SKOS_PREF}> {name.n3()} ;
            <{KGO.entityType}> "EVENT" . BIND(STR({name.n3()}) AS ?l) }}""")
    else:  # the days of the month: '간담회 (산업통상자원부, 2024-03-' …
        prefix = Literal(f"{m['stem']}{m['month']}-")
        rows = store.select(f"""SELECT DISTINCT ?e ?l WHERE {{ ?e <{KGO.entityType}> "EVENT" ; <{SKOS_PREF}> ?l .
            FILTER(STRSTARTS(STR(?l), {prefix.n3()})) }} ORDER BY ?l LIMIT 20""")
    out: list[dict[str, Any]] = []
    for r in rows:
        if str(r["e"]) != iri:
            out.append({"iri": str(r["e"]), "label": str(r["l"])})
    return out
