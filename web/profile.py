"""The extra sections of an entity page, computed from the graph (kg.queries):

- co-occurring entities (mentioned in the same documents, with counts);
- a timeline of the documents that mention the entity and of the scheduled dates of the
  entity and of what it announced, took part in or led (status past/upcoming/overdue);
- for a body that announces initiatives: each initiative with who took part and its dates
  ("which initiatives did 산업부 announce, who took part, what is due this year");
- for an initiative or an event: who announced it, who took part, who led it, the
  meetings around it with who led each, and its dates.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from kg import queries
from kg.graph import KnowledgeGraph
from ontology.namespace import KGO
from web.helpers import local_path
from web.timeline import annotate, merge_timeline

ANNOUNCES, PARTICIPATES, LEADS = str(KGO.announces), str(KGO.participatesIn), str(KGO.leads)
INITIATIVE_TYPES = ("INITIATIVE", "EVENT")
NAMED_TYPES = ("COMPANY", "ORGANIZATION")


def _others(relations: list[dict[str, Any]], prop: str, direction: str) -> list[str]:
    seen: dict[str, None] = {}
    for r in relations:
        if r["property"] == prop and r["direction"] == direction:
            seen.setdefault(r["other"], None)
    return list(seen)


def _people(relations: list[dict[str, Any]], prop: str, direction: str) -> list[dict[str, Any]]:
    """The other ends of one relation, each with its evidence (sentence, document)."""
    out: dict[str, dict[str, Any]] = {}
    for r in relations:
        if r["property"] != prop or r["direction"] != direction:
            continue
        item = out.setdefault(r["other"], {"iri": r["other"], "label": r["other_label"],
                                           "page": local_path(r["other"]), "evidence": []})
        ev = {"sentence": r.get("sentence"), "document": r["document"], "document_title": r["document_title"],
              "document_page": local_path(r["document"])}
        if ev not in item["evidence"]:
            item["evidence"].append(ev)
    return sorted(out.values(), key=lambda i: i["label"])


def build(kg: KnowledgeGraph, ent: dict[str, Any], now: date) -> dict[str, Any]:
    """The profile sections of `ent` (the dict of KnowledgeGraph.entity) as plain data."""
    store = kg.store
    iri, rels = ent["iri"], ent["relations"]
    announced = _others(rels, ANNOUNCES, "out")
    involved = announced + _others(rels, PARTICIPATES, "out") + _others(rels, LEADS, "out")
    subjects = [iri] + [i for i in dict.fromkeys(involved) if i != iri]
    sched = annotate(queries.schedules(store, subjects), now)
    parts = queries.participants(store, announced) if announced else []
    # companies and organisations named in the documents of the announcements: a weaker
    # hint than kgo:participatesIn, shown apart from it
    ann_docs = sorted({r["document"] for r in rels if r["property"] == ANNOUNCES and r["direction"] == "out"})
    named = queries.mentioned_in(store, ann_docs, NAMED_TYPES) if ann_docs else []
    info = queries.node_info(store, subjects + [p["iri"] for p in parts] + [e for _d, e in named])
    labels = {k: (v["label"] or k.rsplit("/", 1)[-1]) for k, v in info.items()}
    labels[iri] = ent["label"]
    for s in sched:
        s["subject_label"] = labels.get(s["subject"], s["subject"].rsplit("/", 1)[-1])
        s["subject_page"] = local_path(s["subject"])
        s["document_page"] = local_path(s["document"]) if s.get("document") else None

    co = queries.cooccurring(store, iri, limit=30)
    for c in co:
        c["page"] = local_path(c["iri"])

    doc_dates = {d["iri"]: d.get("date") for d in ent["documents"]}
    out: dict[str, Any] = {
        "today": now.isoformat(),
        "cooccurring": co,
        "schedules": sched,
        "this_year": [s for s in sched if str(s.get("end") or s.get("begin") or "")[:4] == str(now.year)
                      or str(s.get("begin") or "")[:4] == str(now.year)],
        "timeline": merge_timeline(ent["documents"], sched, labels),
        "announced": _announced(announced, rels, parts, named, sched, info, doc_dates),
    }
    if ent.get("type") in INITIATIVE_TYPES:
        out["initiative"] = _initiative(kg, iri, rels, [s for s in sched if s["subject"] == iri])
    return out


def _announced(announced: list[str], rels: list[dict[str, Any]], parts: list[dict[str, str]],
               named: list[tuple[str, str]], sched: list[dict[str, Any]], info: dict[str, dict[str, Any]],
               doc_dates: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per announced initiative: first announcement date, participants (and the
    companies and organisations named in the announcing documents), dates."""
    named_by_doc: dict[str, list[str]] = defaultdict(list)
    for d, e in named:
        named_by_doc[d].append(e)
    by_target: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in parts:
        meta = info.get(p["iri"], {})
        by_target[p["target"]].append({"iri": p["iri"], "label": meta.get("label") or p["iri"].rsplit("/", 1)[-1],
                                       "type": meta.get("type"), "page": local_path(p["iri"])})
    rows = []
    for target in announced:
        evidence = [r for r in rels if r["property"] == ANNOUNCES and r["direction"] == "out" and r["other"] == target]
        dates = sorted(str(doc_dates[r["document"]]) for r in evidence if doc_dates.get(r["document"]))
        meta = info.get(target, {})
        taking_part = {p["iri"] for p in by_target.get(target, [])}
        also = sorted({e for r in evidence for e in named_by_doc.get(r["document"], []) if e not in taking_part})
        rows.append({
            "iri": target, "page": local_path(target),
            "label": meta.get("label") or (evidence[0]["other_label"] if evidence else target.rsplit("/", 1)[-1]),
            "type": meta.get("type"),
            "announced": dates[0] if dates else None,
            "evidence": [{"sentence": r.get("sentence"), "document": r["document"],
                          "document_title": r["document_title"], "document_page": local_path(r["document"])}
                         for r in evidence[:3]],
            "participants": sorted(by_target.get(target, []), key=lambda p: (p["type"] or "", p["label"])),
            "named_with": sorted(({"iri": e, "label": info.get(e, {}).get("label") or e.rsplit("/", 1)[-1],
                                   "type": info.get(e, {}).get("type"), "page": local_path(e)} for e in also),
                                 key=lambda p: (p["type"] or "", p["label"])),
            "schedules": [s for s in sched if s["subject"] == target],
        })
    rows.sort(key=lambda r: (r["announced"] or "0000"), reverse=True)
    return rows


def _initiative(kg: KnowledgeGraph, iri: str, rels: list[dict[str, Any]],
                sched: list[dict[str, Any]]) -> dict[str, Any]:
    """Who announced it, who took part, who led it, the meetings around it, its dates."""
    rows = queries.meetings(kg.store, iri)
    people = [r["who"] for r in rows if r.get("who")]
    info = queries.node_info(kg.store, [r["event"] for r in rows] + people)
    events: dict[str, dict[str, Any]] = {}
    for r in rows:
        ev = events.setdefault(r["event"], {"iri": r["event"], "page": local_path(r["event"]),
                                            "label": (info.get(r["event"], {}).get("label") or r["event"].rsplit("/", 1)[-1]),
                                            "leaders": [], "participants": []})
        if not r.get("who"):
            continue
        key = "leaders" if r["role"] == LEADS else "participants"
        who = {"iri": r["who"], "page": local_path(r["who"]), "type": info.get(r["who"], {}).get("type"),
               "label": info.get(r["who"], {}).get("label") or r["who"].rsplit("/", 1)[-1],
               "sentence": r.get("sentence"), "document": r.get("document"),
               "document_title": r.get("document_title"),
               "document_page": local_path(r["document"]) if r.get("document") else None}
        if not any(w["iri"] == who["iri"] for w in ev[key]):
            ev[key].append(who)
    meetings = sorted(events.values(), key=lambda e: (not e["leaders"], e["label"]))
    return {
        "announced_by": _people(rels, ANNOUNCES, "in"),
        "participants": _people(rels, PARTICIPATES, "in"),
        "led_by": _people(rels, LEADS, "in"),
        "meetings": meetings,
        "schedules": sched,
    }
