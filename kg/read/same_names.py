"""A law's node under its short name and the node of its full title, when a document
defined the short name ('「…특별법」(약칭: 반도체특별법)'): the full title's node has the
short name as skos:altLabel (ingest.nlp.linker.short_names), while a document that used
the short name alone made a node of that name. The two pages point to each other; the
nodes are not merged, as the link holds only as far as the defining document says so.
"""
from __future__ import annotations

from rdflib import Literal

from core.namespaces import SKOS_ALT, SKOS_PREF
from kg.store import GraphBackend
from kg.store.sparql_text import _iri
from ontology.namespace import KGO


def same_initiative(store: GraphBackend, iri: str, label: str) -> list[dict[str, str]]:
    """Initiatives that have `label` as another name, and those named by this one's other names."""
    iri, name = _iri(iri), Literal(label, lang="ko").n3()
    rows = store.select(f"""SELECT DISTINCT ?e ?l WHERE {{
        {{ ?e <{SKOS_ALT}> {name} }} UNION {{ <{iri}> <{SKOS_ALT}> ?alt . ?e <{SKOS_PREF}> ?alt }}
        ?e <{KGO.entityType}> "INITIATIVE" ; <{SKOS_PREF}> ?l . FILTER(lang(?l) = "ko") }} ORDER BY ?l LIMIT 10""")
    seen: dict[str, str] = {}
    for r in rows:
        if str(r["e"]) != iri:
            seen.setdefault(str(r["e"]), str(r["l"]))
    return [{"iri": e, "label": label} for e, label in seen.items()]
