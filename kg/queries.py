"""Read queries of the web pages that kg/graph.py does not have, kept here so the
facade stays small. Each takes a GraphStore and returns plain Python values."""
from __future__ import annotations

from kg.store import GraphStore, _iri
from ontology.namespace import KGO

SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"


def succession(store: GraphStore, iri: str) -> dict[str, list[dict[str, str]]]:
    """Bodies this one continues (kgo:predecessor) and bodies that continue it."""
    iri = _iri(iri)
    out: dict[str, list[dict[str, str]]] = {"predecessors": [], "successors": []}
    rows = store.select(f"""
        SELECT DISTINCT ?dir ?other ?label WHERE {{
          {{ <{iri}> <{KGO.predecessor}> ?other . BIND("predecessors" AS ?dir) }}
          UNION {{ ?other <{KGO.predecessor}> <{iri}> . BIND("successors" AS ?dir) }}
          OPTIONAL {{ ?other <{SKOS_PREF}> ?label . FILTER(lang(?label) = "ko") }}
        }} ORDER BY ?label""")
    seen: set[tuple[str, str]] = set()
    for r in rows:
        key = (str(r["dir"]), str(r["other"]))
        if key in seen:
            continue
        seen.add(key)
        out[key[0]].append({"iri": key[1], "label": str(r.get("label") or key[1].rsplit("/", 1)[-1])})
    return out


def labels(store: GraphStore, iris: list[str]) -> dict[str, str]:
    """Korean preferred labels of many entities in one query (IRI → label)."""
    iris = sorted({_iri(i) for i in iris})
    if not iris:
        return {}
    values = " ".join(f"<{i}>" for i in iris)
    rows = store.select(f"""
        SELECT ?e (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?e {{ {values} }}
          ?e <{SKOS_PREF}> ?l . FILTER(lang(?l) = "ko") }} GROUP BY ?e""")
    return {str(r["e"]): str(r["label"]) for r in rows if "label" in r}
