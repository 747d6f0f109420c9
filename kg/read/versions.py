"""Versions of a plan: 'AI 자율제조 전략 1.0', '디지털 뉴딜 2.0'.

Korean government plans are often renewed under the same name with a version number,
and news names the series without one ('AI 자율제조 전략'). The pipeline keeps each
name as its own entity (a 2.0 is not the 1.0); the page of one links the others: the
series and every version of it that the documents mention. Read from the snapshot's
summary (names in memory), so it costs no query.
"""
from __future__ import annotations

import re
from typing import Any

from kg.read.summary import Summary, entity_type

VERSIONED = re.compile(r"^(?P<series>.+?)\s*(?P<version>\d+\.\d+)$")
_KEY = "versions"


def _index(summary: Summary, base: str) -> dict[str, dict[str, Any]]:
    """series name → {"series": IRI of the unversioned initiative or None, "versions": [(version, IRI)]}."""
    index = summary.kept.get(_KEY)
    if index is None:
        index = {}
        for iri in summary.labels:
            if entity_type(iri, base) != "INITIATIVE":
                continue
            label = summary.label(iri)
            if not label:
                continue
            m = VERSIONED.match(label)
            entry = index.setdefault(m.group("series") if m else label, {"series": None, "versions": []})
            if m:
                entry["versions"].append((m.group("version"), iri))
            elif entry["series"] is None or summary.docs.get(iri, 0) > summary.docs.get(entry["series"], 0):
                entry["series"] = iri
        summary.kept[_KEY] = index
    return index


def versions(summary: Summary, iri: str, base: str) -> dict[str, Any]:
    """{"version": this plan's own version or None, "series": the unversioned plan or None,
    "versions": the versioned ones, oldest first, each {"iri", "label", "version"}},
    leaving out `iri` itself; series and versions are empty when the plan has no other."""
    label = summary.label(iri)
    m = VERSIONED.match(label or "")
    out: dict[str, Any] = {"version": m.group("version") if m else None, "series": None, "versions": []}
    if not label or entity_type(iri, base) != "INITIATIVE":
        return out
    entry = _index(summary, base).get(m.group("series") if m else label)
    if entry is None or not entry["versions"]:
        return out
    if entry["series"] and entry["series"] != iri:
        out["series"] = {"iri": entry["series"], "label": summary.label(entry["series"])}
    ordered = sorted(entry["versions"], key=lambda v: tuple(int(x) for x in v[0].split(".")))
    out["versions"] = [{"iri": i, "label": summary.label(i), "version": v} for v, i in ordered if i != iri]
    return out
