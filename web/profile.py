"""The extra sections of an entity page, computed from the graph (through the facade's
page methods, kg.read.pages, which ask kg.read.queries):

- co-occurring entities (mentioned in the same documents, with counts; for an entity in
  more than kg.queries.SAMPLE documents, counted in the newest of them);
- a timeline of the documents that mention the entity and of the scheduled dates of the
  entity and of what it announced, took part in or led (status past/upcoming/overdue);
- for a body that announces initiatives: each initiative with who took part and its dates
  ("which initiatives did 산업부 announce, who took part, what is due this year");
- for an initiative or an event: who announced it, who took part, who led it, the
  meetings around it with who led each, and its dates.

Every list is bounded for an entity mentioned in thousands of documents: the relations
are kg.entity's most documented few, the schedules the SCHEDULES nearest to today, the
timeline the documents of the page shown; the totals say how many there are in all.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from kg.read.graph import KnowledgeGraph
from ontology.iris import TYPE_SLUGS
from ontology.namespace import KGO
from web.helpers import local_path, settings
from web.timeline import annotate, merge_timeline

ANNOUNCES, PARTICIPATES, LEADS = str(KGO.announces), str(KGO.participatesIn), str(KGO.leads)
INITIATIVE_TYPES = ("INITIATIVE", "EVENT")
NAMED_TYPES = ("COMPANY", "ORGANIZATION")
SCHEDULES = 100    # schedule entries on a page: those nearest to today
PARTICIPANTS = 10  # participants (and companies named with) per announced initiative, people per meeting
HUB_DOCUMENTS = 500  # an entity in more documents reads its related entities' dates from its evidence
COOCCURRING = 30   # co-occurring entities shown
MEETINGS = 10      # meetings shown on an initiative's or event's page


def _others(relations: list[dict[str, Any]], prop: str, direction: str) -> list[str]:
    seen: dict[str, None] = {}
    for r in relations:
        if r["property"] == prop and r["direction"] == direction:
            seen.setdefault(r["other"], None)
    return list(seen)


def _total(ent: dict[str, Any], prop: str, direction: str) -> int:
    """How many other ends the relation group has in all (the page shows the first few)."""
    return next((g["total"] for g in ent.get("relation_groups", [])
                 if g["property"] == prop and g["direction"] == direction), 0)


def _people(relations: list[dict[str, Any]], prop: str, direction: str) -> list[dict[str, Any]]:
    """The other ends of one relation, each with its evidence (sentence, document)."""
    out: dict[str, dict[str, Any]] = {}
    for r in relations:
        if r["property"] != prop or r["direction"] != direction:
            continue
        item = out.setdefault(r["other"], {"iri": r["other"], "label": r["other_label"], "page": local_path(r["other"]),
                                           "documents": r.get("documents", 1), "evidence": []})
        ev = {"sentence": r.get("sentence"), "document": r["document"], "document_title": r["document_title"],
              "document_page": local_path(r["document"])}
        if ev not in item["evidence"]:
            item["evidence"].append(ev)
    return sorted(out.values(), key=lambda i: (-i["documents"], i["label"]))


def _nearest(sched: list[dict[str, Any]], now: date, n: int) -> list[dict[str, Any]]:
    """The `n` schedule entries nearest to `now` (undated last), kept in date order."""
    if len(sched) <= n:
        return sched
    today = now.isoformat()

    def distance(s: dict[str, Any]) -> tuple[int, int]:
        when = s["sort"]
        if when == "9999":
            return (1, 0)
        try:
            return (0, abs((date.fromisoformat(when[:10]) - now).days))
        except ValueError:
            return (0, abs(int(when[:4] or 0) - int(today[:4])) * 365)

    keep = {id(s) for s in sorted(sched, key=distance)[:n]}
    return [s for s in sched if id(s) in keep]


def build(kg: KnowledgeGraph, ent: dict[str, Any], now: date) -> dict[str, Any]:
    """The profile sections of `ent` (KnowledgeGraph.entity's dict) as plain data."""
    base = settings().base_iri
    iri, rels = ent["iri"], ent["relations"]
    announced = _others(rels, ANNOUNCES, "out")
    involved = announced + _others(rels, PARTICIPATES, "out") + _others(rels, LEADS, "out")
    subjects = [iri] + [i for i in dict.fromkeys(involved) if i != iri]
    # the dates and participants of what a hub announced or took part in are read from
    # the documents that say so (the newest few: the evidence shown), not from every
    # document about each of them: a ministry's 20 initiatives are each in thousands
    hub = ent.get("total", 0) > HUB_DOCUMENTS
    context = [(r["other"], r["document"]) for r in rels
               if r["direction"] == "out" and r["property"] in (ANNOUNCES, PARTICIPATES, LEADS) and r["other"] != iri]
    if hub:
        related = kg.schedules(within=context) if context else []
        parts = kg.participants(within=[(t, d) for t, d in context if t in announced]) if announced else []
    else:
        related = kg.schedules(subjects[1:]) if len(subjects) > 1 else []
        parts = kg.participants(announced) if announced else []
    every = annotate(kg.schedules([iri]) + related, now)
    sched = _nearest(every, now, SCHEDULES)
    # companies and organisations named in the documents of the announcements shown: a
    # weaker hint than kgo:participatesIn, shown apart from it
    ann_docs = sorted({r["document"] for r in rels if r["property"] == ANNOUNCES and r["direction"] == "out"})
    named = kg.mentioned_in(ann_docs, tuple(base + "id/" + TYPE_SLUGS[t] + "/" for t in NAMED_TYPES)) \
        if ann_docs else []
    meets = ent.get("type") in INITIATIVE_TYPES  # then all of them: the meetings are the events among them
    co = kg.cooccurring(iri, limit=None if meets else COOCCURRING)
    events = [c["iri"] for c in co["items"] if c["iri"].startswith(_event_prefix())][:MEETINGS]
    co["items"] = co["items"][:COOCCURRING]
    info = kg.nodes(subjects + [p["iri"] for p in parts] + [e for _d, e in named] + [c["iri"] for c in co["items"]])
    labels = {k: (v["label"] or k.rsplit("/", 1)[-1]) for k, v in info.items()}
    labels[iri] = ent["label"]
    for s in sched:
        s["subject_label"] = labels.get(s["subject"], s["subject"].rsplit("/", 1)[-1])
        s["subject_page"] = local_path(s["subject"])
        s["document_page"] = local_path(s["document"]) if s.get("document") else None
    for c in co["items"]:
        c.update(label=labels.get(c["iri"], c["iri"].rsplit("/", 1)[-1]), type=info.get(c["iri"], {}).get("type"),
                 page=local_path(c["iri"]))

    out: dict[str, Any] = {
        "today": now.isoformat(),
        "cooccurring": co["items"],
        "cooccurring_sample": co["sampled"],
        "schedules": sched,
        "schedules_total": len(every),
        "related_from_evidence": hub,
        "this_year": [s for s in sched if str(s.get("end") or s.get("begin") or "")[:4] == str(now.year)
                      or str(s.get("begin") or "")[:4] == str(now.year)],
        "timeline": merge_timeline(ent["documents"], sched, labels),
        "announced_total": _total(ent, ANNOUNCES, "out"),
    }
    # the policies announced apart from the launches and meetings held to announce them
    rows = _announced(announced, rels, parts, named, sched, info)
    out["announced"] = [r for r in rows if r["type"] != "EVENT"]
    out["announced_events"] = [r for r in rows if r["type"] == "EVENT"]
    if meets:
        out["initiative"] = _initiative(kg, ent, [s for s in sched if s["subject"] == iri], events)
    return out


def _announced(announced: list[str], rels: list[dict[str, Any]], parts: list[dict[str, Any]],
               named: list[tuple[str, str]], sched: list[dict[str, Any]],
               info: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per announced initiative shown: first announcement date, participants
    (the most documented PARTICIPANTS, and the companies and organisations named in the
    announcing documents shown), dates."""
    named_by_doc: dict[str, list[str]] = defaultdict(list)
    for d, e in named:
        named_by_doc[d].append(e)
    by_target: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in sorted(parts, key=lambda p: -p["documents"]):
        meta = info.get(p["iri"], {})
        by_target[p["target"]].append({"iri": p["iri"], "label": meta.get("label") or p["iri"].rsplit("/", 1)[-1],
                                       "type": meta.get("type"), "page": local_path(p["iri"]),
                                       "documents": p["documents"]})
    rows = []
    for target in announced:
        evidence = [r for r in rels if r["property"] == ANNOUNCES and r["direction"] == "out" and r["other"] == target]
        meta = info.get(target, {})
        everyone = by_target.get(target, [])
        taking_part = {p["iri"] for p in everyone}
        also = sorted({e for r in evidence for e in named_by_doc.get(r["document"], []) if e not in taking_part})
        rows.append({
            "iri": target, "page": local_path(target),
            "label": meta.get("label") or (evidence[0]["other_label"] if evidence else target.rsplit("/", 1)[-1]),
            "type": meta.get("type"),
            "announced": min((r["first_date"] for r in evidence if r.get("first_date")), default=None),
            "documents": max((r.get("documents", 1) for r in evidence), default=0),
            "evidence": [{"sentence": r.get("sentence"), "document": r["document"],
                          "document_title": r["document_title"], "document_page": local_path(r["document"])}
                         for r in evidence[:3]],
            "participants": sorted(everyone[:PARTICIPANTS], key=lambda p: (p["type"] or "", p["label"])),
            "participants_total": len(everyone),
            "named_with": sorted(({"iri": e, "label": info.get(e, {}).get("label") or e.rsplit("/", 1)[-1],
                                   "type": info.get(e, {}).get("type"), "page": local_path(e)} for e in also),
                                 key=lambda p: (p["type"] or "", p["label"]))[:PARTICIPANTS],
            "schedules": [s for s in sched if s["subject"] == target],
        })
    rows.sort(key=lambda r: (r["announced"] or "0000"), reverse=True)
    return rows


def _event_prefix() -> str:
    return settings().base_iri + "id/" + TYPE_SLUGS["EVENT"] + "/"


def _initiative(kg: KnowledgeGraph, ent: dict[str, Any], sched: list[dict[str, Any]],
                events: list[str]) -> dict[str, Any]:
    """Who announced it, who took part, who led it, the meetings around it (`events`:
    the events mentioned with it most), its dates."""
    iri, rels = ent["iri"], ent["relations"]
    found = kg.meetings(iri, _event_prefix(), people=PARTICIPANTS, events=events)
    info = kg.nodes([m["event"] for m in found] + [p["who"] for m in found for k in ("leads", "participatesIn")
                                                   for p in m[k]])
    meetings = []
    for m in found:
        ev: dict[str, Any] = {"iri": m["event"], "page": local_path(m["event"]),
                              "label": info.get(m["event"], {}).get("label") or m["event"].rsplit("/", 1)[-1],
                              "leaders_total": m["totals"]["leads"], "participants_total": m["totals"]["participatesIn"]}
        for key, role in (("leaders", "leads"), ("participants", "participatesIn")):
            ev[key] = [{"iri": p["who"], "page": local_path(p["who"]), "type": info.get(p["who"], {}).get("type"),
                        "label": info.get(p["who"], {}).get("label") or p["who"].rsplit("/", 1)[-1],
                        "documents": p["documents"], "sentence": p.get("sentence"), "document": p.get("document"),
                        "document_title": p.get("document_title"),
                        "document_page": local_path(p["document"]) if p.get("document") else None}
                       for p in m[role]]
        meetings.append(ev)
    meetings.sort(key=lambda e: (not e["leaders"], e["label"]))
    return {
        "announced_by": _people(rels, ANNOUNCES, "in"),
        "participants": _people(rels, PARTICIPATES, "in"),
        "led_by": _people(rels, LEADS, "in"),
        "totals": {"announced_by": _total(ent, ANNOUNCES, "in"), "participants": _total(ent, PARTICIPATES, "in"),
                   "led_by": _total(ent, LEADS, "in")},
        "meetings": meetings,
        "schedules": sched,
    }
