"""A government body's lineage for its page: the bodies before and after it with their
periods and the reorganisations between them (from the authority file, the same data
as the authority graph), and the documents of the body and its predecessors (the store).
"""
from __future__ import annotations

import math
from typing import Any

from core.namespaces import DCTERMS_DATE
from kg.read.entity import doc_titles
from ontology.iris import entity_iri, parse_id_path
from ontology.lineage import KIND_KO
from ontology.namespace import KGO

Store = Any


def _name_of(iri: str, base: str) -> str | None:
    if not iri.startswith(base + "id/"):
        return None
    found = parse_id_path(iri[len(base) + 3:])
    return found[1] if found and found[0] == "MINISTRY" else None


def timeline(iri: str, base: str) -> dict[str, Any] | None:
    """{bodies: [{name, iri, start, end, current, certain, note, role}], events: [...],
    lineage: [iri, …]} for a body the authority file knows, else None. `role`: self,
    predecessor (it continues, transitively) or successor (continues it); bodies in
    order of their start; `lineage` is the body and all its predecessors."""
    from ingest.nlp.authority import load_authority  # noqa: PLC0415

    auth = load_authority()
    name = _name_of(iri, base)
    if name not in auth.bodies:
        return None
    body = auth.bodies[name]
    if not auth.events_of(name) and not (body.start or body.end) and all(n.kind == "official" for n in body.names):
        return None  # nothing dated to show (a 구 unchanged since 2008, listed for completeness)
    before = auth.lineage(name)
    after, todo = [], [name]
    while todo:
        for s in auth.successors(todo.pop(0)):
            if s not in after and s not in before:
                after.append(s)
                todo.append(s)
    role = {n: "predecessor" for n in before} | {n: "successor" for n in after} | {name: "self"}
    bodies = []
    for n in role:
        b = auth.bodies[n]
        bodies.append({"name": n, "iri": str(entity_iri(base, b.type, n)), "start": b.start, "end": b.end,
                       "current": b.current, "certain": b.certain, "note": b.note, "source": b.source,
                       "role": role[n], "names": [{"text": x.text, "kind": x.kind, "start": x.start, "end": x.end}
                                                  for x in b.names if x.kind != "official"]})
    bodies.sort(key=lambda b: (b["start"] or "", b["name"]))
    events = []
    for e in sorted({id(e): e for n in role for e in auth.events_of(n)}.values(), key=lambda e: (e.date, e.kind)):
        events.append({"date": e.date, "kind": e.kind, "kind_ko": KIND_KO.get(e.kind, e.kind), "what": e.what,
                       "law": e.law, "law_certain": e.law_certain, "source": e.source, "certain": e.certain,
                       "note": e.note,
                       "from": [{"name": o, "iri": str(entity_iri(base, auth.bodies[o].type, o))} for o in e.original],
                       "to": [{"name": r, "iri": str(entity_iri(base, auth.bodies[r].type, r))} for r in e.resulting]})
    lineage = [str(entity_iri(base, auth.bodies[n].type, n)) for n in before]
    return {"bodies": bodies, "events": events, "lineage": lineage}


def documents(store: Store, iris: list[str], page: int, page_size: int) -> dict[str, Any]:
    """One page of the documents that mention any of `iris` (a body and its
    predecessors), newest first (undated last), as kg.entity.documents."""
    values = " ".join(f"<{i}>" for i in dict.fromkeys(iris))
    mentions = f"VALUES ?e {{ {values} }} GRAPH ?doc {{ ?doc <{KGO.mentions}> ?e }}"
    rows = store.select(f"SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE {{ {mentions} }}")
    total = int(rows[0]["n"]) if rows else 0
    pages = max(1, math.ceil(total / page_size))
    offset = (max(1, page) - 1) * page_size
    docs: list[dict[str, Any]] = []
    if offset < total:
        rows = store.select(f"""SELECT ?doc ?date WHERE {{ {{ SELECT DISTINCT ?doc WHERE {{ {mentions} }} }}
            OPTIONAL {{ ?doc <{DCTERMS_DATE}> ?date }} }}
            ORDER BY DESC(?date) ?doc LIMIT {int(page_size)} OFFSET {int(offset)}""")
        order = [str(r["doc"]) for r in rows]
        dated = {str(r["doc"]): str(r["date"]) for r in rows if "date" in r}
        titles = doc_titles(store, order)
        docs = [{"iri": d, "title": titles.get(d, d.rsplit("/", 1)[-1]), "date": dated.get(d)} for d in order]
    return {"documents": docs, "total": total, "page_number": max(1, page), "pages": pages, "page_size": page_size}
