"""Document and entity pages (`/id/doc/<hash>`, `/id/<type>/<name>`) and the entity
search page, each with a JSON twin (`.json` suffix or Accept: application/json).

The URL of a page is the IRI of its subject minus the base, so a dereferenced IRI
lands here (Linked Data style)."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from flask import Blueprint, abort, redirect, request, url_for
from werkzeug.urls import iri_to_uri

from kg.read.graph import KnowledgeGraph
from kg.read.versions import versions
from ontology.iris import SLUG_TYPES, name_segment
from ontology.namespace import KGO, korean_labels
from web import profile, timechart
from web.kg_access import get_kg
from web.helpers import (BROWSE_TYPES, TYPE_LABELS, TYPE_ORDER, local_path, page_number, page_or_json, settings,
                         short_iri, type_of_iri, url_with)
from web.cite import citation, cite_evidence, evidence_in
from web.markup import mark_mentions
from web.timeline import today

bp = Blueprint("pages", __name__)

_DOC_ID = re.compile(r"^[A-Za-z0-9_.~-]{1,128}$")

# (property, direction) → Korean heading; "out": this entity is the subject
RELATION_LABELS: dict[tuple[str, str], str] = {
    (str(KGO.announces), "out"): "발표한 정책·사업",
    (str(KGO.announces), "in"): "발표한 기관",
    (str(KGO.participatesIn), "out"): "참여한 정책·행사",
    (str(KGO.participatesIn), "in"): "참여자",
    (str(KGO.leads), "out"): "주재·대표",
    (str(KGO.leads), "in"): "주재자·대표자",
    (str(KGO.scheduledFor), "out"): "일정·기한",
    (str(KGO.scheduledFor), "in"): "이 일정의 대상",
}
RELATION_ORDER = list(RELATION_LABELS)

# the /entities list: rows per page, most rows of a name search, rows of a CSV download
ENTITY_PAGE = 50
MAX_ENTITY_PAGE = 500
LOOKUP_ROWS = 1000
CSV_ROWS = 100_000


def _split_ext(name: str) -> tuple[str, str | None]:
    """'X.json' → ('X', 'json'), 'X.csv' → ('X', 'csv'), else (name, None)."""
    for ext in ("json", "csv"):
        if name.endswith("." + ext):
            return name[:-len(ext) - 1], ext
    return name, None


# -- documents ----------------------------------------------------------------------
@bp.get("/id/doc/<doc_id>")
def document(doc_id: str) -> Any:
    doc_id, ext = _split_ext(doc_id)
    if not _DOC_ID.match(doc_id):
        abort(404, "문서를 찾을 수 없습니다.")
    kg = get_kg()
    iri = settings().base_iri + "id/doc/" + doc_id
    doc = kg.document(iri)
    if doc is None:
        abort(404, "문서를 찾을 수 없습니다.")
    if ext == "csv":  # the mentions, one row each, with the text they cover
        return page_or_json("document.html", doc, fmt=ext, table=mentions_table)
    entities = mentioned_entities(kg, doc["mentions"])
    doc["relations"] = relations = stated_relations(kg, kg.document_relations(iri))
    data = {**doc, "page": local_path(iri), "entities": entities}
    html = mark_mentions(doc["text"], doc["mentions"], local_path, lambda t: TYPE_LABELS.get(t, t))
    by_type = defaultdict(list)
    for e in entities:
        by_type[e["type"]].append(e)
    groups = [(t, by_type[t]) for t in TYPE_ORDER if t in by_type]
    dates = [m for m in doc["mentions"] if m["type"] in ("DATE", "TIME") and m.get("value")]
    by_sentence: dict[Any, list[dict[str, Any]]] = {}
    for r in relations:
        key = (r["sentence"] or {}).get("start")
        by_sentence.setdefault(key, []).append(r)
    return page_or_json("document.html", data, fmt=ext, name="doc", text_html=html, groups=groups, dates=dates,
                        sentences=[(rs[0]["sentence"], rs) for rs in by_sentence.values()], citation=citation,
                        doc_page=local_path(iri))


def mentions_table(doc: dict[str, Any]) -> tuple[list[str], list[list[Any]], str]:
    """A document's CSV: its mentions, one row each, with the text they cover."""
    return (["start", "end", "text", "type", "entity", "value"],
            [[m["start"], m["end"], doc["text"][m["start"]:m["end"]], m["type"], m.get("entity") or "",
              m.get("value") or ""] for m in doc["mentions"]], "mentions.csv")


def stated_relations(kg: KnowledgeGraph, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A document's relations with names: the Korean label of each end (a date's own
    words and value), of the property, and the pages to link."""
    labels = kg.labels([x for r in rows for x in (r["subject"], r["object"])])
    names = korean_labels()
    for r in rows:
        r["subject_label"] = labels.get(r["subject"]) or short_iri(r["subject"])
        r["object_label"] = r["expression"] or labels.get(r["object"]) or short_iri(r["object"])
        r["property_label"] = names.get(r["property"]) or short_iri(r["property"])
        r["subject_page"] = local_path(r["subject"])
        r["object_page"] = None if r["expression"] else local_path(r["object"])  # a date is no page
    return rows


def mentioned_entities(kg: KnowledgeGraph, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per linked entity: label, type, number of mentions, surface forms."""
    counts: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if not m.get("entity"):
            continue
        e = counts.setdefault(m["entity"], {"iri": m["entity"], "type": type_of_iri(m["entity"]) or m["type"],
                                            "mentions": 0, "forms": []})
        e["mentions"] += 1
    labels = kg.labels(list(counts)) if counts else {}
    for iri, e in counts.items():
        e["label"] = labels.get(iri) or iri.rsplit("/", 1)[-1]
        e["page"] = local_path(iri)
    return sorted(counts.values(), key=lambda e: (-e["mentions"], e["label"]))


# -- entities -----------------------------------------------------------------------
@bp.get("/id/<slug>/<path:name>")
def entity(slug: str, name: str) -> Any:
    ent, ext = find_entity(slug, name)
    kg = get_kg()
    ent.update(kg.succession(ent["iri"]))
    if "EVENT" in ent.get("types", ()):  # '지난 3월 … 간담회' and the day's 간담회
        ent["month_siblings"] = kg.month_siblings(ent["iri"], ent["label"])
    if "INITIATIVE" in ent.get("types", ()):  # 반도체특별법 and the title a document gave it
        ent["same_names"] = kg.same_initiative(ent["iri"], ent["label"])
    ent.update(versions(kg.summary(), ent["iri"], kg.base))
    if ext == "csv":  # every relation, not the page's selection of them
        groups = group_relations(kg.entity_relations(ent["iri"]), limit=None)
        return page_or_json("entity.html", ent, fmt=ext, table=lambda e: relations_table(e, groups))
    ent.update(kg.entity_details(ent["iri"], page_number(), settings().page_size))
    ent["lineage"] = kg.lineage(ent["iri"])
    if ent["lineage"] and len(ent["lineage"]["lineage"]) > 1 and request.args.get("lineage") == "1":
        # "이 기관과 이전 기관": the documents of the body and of every body it continues
        ent.update(kg.lineage_documents(ent["lineage"]["lineage"], page_number(), settings().page_size))
        ent["with_lineage"] = True
        _add_lineage_relations(kg, ent)
    for d in ent["documents"]:
        d["page"] = local_path(d["iri"])
    n = ent["page_number"]
    ent["next"] = url_with(page=n + 1) if n < ent["pages"] else None
    ent["prev"] = url_with(page=n - 1) if n > 1 else None
    groups = group_relations(ent["relations"], ent["relation_groups"])
    shown = profile.build(kg, ent, today())
    ent.update(shown)
    if ent["announced"] or ent["announced_events"]:  # the 발표 section shows them, with their evidence
        groups = [g for g in groups if (g["property"], g["direction"]) != (str(KGO.announces), "out")]
    cite_evidence(kg, [*evidence_in(groups), *evidence_in(shown)])
    # every document's month, not only the page's: the text index counts them (a filter, no query)
    ent["months"] = kg.search("", expand=False, entities=[ent["iri"]], page_size=1).facets.get("month", [])
    chart = timechart.build(ent["months"], lambda a, b: url_for("search.search", entity=ent["iri"], **{"from": a, "to": b}))
    return page_or_json("entity.html", ent, fmt=ext, name="ent", groups=groups, chart=chart)


def _add_lineage_relations(kg: KnowledgeGraph, ent: dict[str, Any]) -> None:
    """"이 기관과 이전 기관" also for relations and initiatives: the predecessors' relations
    join the body's (each marked `via` with the body that holds it), their groups summed."""
    before = [x for x in ent["lineage"]["lineage"] if x != ent["iri"]]
    labels = kg.labels(before)
    groups = {(g["property"], g["direction"]): g for g in ent["relation_groups"]}
    ent["lineage_bodies"] = [{"iri": x, "label": labels.get(x, x.rsplit("/", 1)[-1])} for x in before]
    for body in before:
        more = kg.entity_details(body, 1, 1)
        for r in more["relations"]:
            ent["relations"].append({**r, "via": labels.get(body, body.rsplit("/", 1)[-1])})
        for g in more["relation_groups"]:
            mine = groups.setdefault((g["property"], g["direction"]), {**g, "total": 0, "documents": 0})
            mine["total"] += g["total"]
            mine["documents"] += g["documents"]
    ent["relation_groups"] = sorted(groups.values(), key=lambda g: (g["property"], g["direction"]))


def find_entity(slug: str, name: str, exts: tuple[str, ...] = ("json", "csv")) -> tuple[dict[str, Any], str | None]:
    """The names of the entity of /id/<slug>/<name>[.json|.csv] (404 if none) and the
    suffix asked for. A name may itself end in ".json": the twin is tried first, then
    the literal name."""
    if slug not in SLUG_TYPES:
        abort(404, "이런 종류의 개체는 없습니다.")
    kg = get_kg()
    base = settings().base_iri + "id/" + slug + "/"
    stem, ext = _split_ext(name)
    candidates = [(stem, ext), (name, None)] if ext in exts else [(name, None)]
    for candidate, suffix in candidates:
        ent = kg.entity_names(base + name_segment(candidate)) if candidate.strip() else None
        if ent is not None:
            ent["page"] = local_path(ent["iri"])
            ent["type"] = SLUG_TYPES[slug]
            return ent, suffix
    alias_redirect(slug, name)
    abort(404, "개체를 찾을 수 없습니다.")


# what may follow a name in an entity URL: a twin's suffix (the RDF ones: web.linked)
_SUFFIXES = ("", ".json", ".csv", ".ttl", ".jsonld", ".nt", ".rdf")


def alias_redirect(slug: str, name: str) -> None:
    """/id/gov/산업부 → 302 to /id/gov/산업통상자원부 (the same suffix, sub-page and
    query): a name or alias of a known entity in a URL finds its page. The Location is
    a path built from the request's path, never from the Host header."""
    kg = get_kg()
    for suffix in _SUFFIXES:
        if suffix and not name.endswith(suffix):
            continue
        stem = name[:-len(suffix)] if suffix else name
        names = dict.fromkeys(n for n in (stem, stem.replace("_", " ")) if n.strip())
        iri = next(filter(None, map(kg.resolve, names)), None)
        page = local_path(iri) if iri else None
        prefix = f"/id/{slug}/{stem}"
        if page is None or not request.path.startswith(prefix) or page == request.script_root + prefix:
            continue
        query = request.query_string.decode("latin-1")
        abort(redirect(iri_to_uri(page + request.path[len(prefix):]) + ("?" + query if query else ""), 302))


def relations_table(ent: dict[str, Any], groups: list[dict[str, Any]]) -> tuple[list[str], list[list[Any]], str]:
    """An entity's CSV: its relations (`groups`: every one, group_relations), one row per piece of evidence."""
    rows = []
    for g in groups:
        for item in g["items"]:
            for ev in item["evidence"] or [{}]:
                rows.append([ent["iri"], ent["label"], g["direction"], short_iri(g["property"]), g["label"],
                             item["iri"], item["label"], item.get("value") or "", ev.get("sentence") or "",
                             ev.get("document") or "", ev.get("document_title") or ""])
    header = ["entity", "entity_label", "direction", "property", "relation", "other", "other_label", "value",
              "sentence", "document", "document_title"]
    return header, rows, "relations.csv"


def group_relations(relations: list[dict[str, Any]], totals: list[dict[str, Any]] | None = None,
                    limit: int | None = 20) -> list[dict[str, Any]]:
    """Relations grouped by (property, direction); within a group, one entry per other
    node with every sentence (and document) shown for it and the number of documents
    that state it, the most documented first (then by name). `totals` (kg.entity's
    relation_groups) say how many other nodes and documents a group has in all, where
    the page shows only the first `limit`."""
    groups: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
    for r in relations:
        key = (r["property"], r["direction"])
        item = groups[key].setdefault(r["other"], {"iri": r["other"], "label": r["other_label"],
                                                   "value": r.get("value"), "documents": 0, "evidence": []})
        ev = {"sentence": r.get("sentence"), "document": r["document"], "document_title": r["document_title"]}
        if ev not in item["evidence"]:
            item["evidence"].append(ev)
        item["documents"] = max(item["documents"], r.get("documents") or len({e["document"] for e in item["evidence"]}))
    in_all = {(t["property"], t["direction"]): t for t in totals or []}
    order = {k: i for i, k in enumerate(RELATION_ORDER)}
    out = []
    for key in sorted(set(groups) | set(in_all), key=lambda k: (order.get(k, 99), k)):
        prop, direction = key
        label = RELATION_LABELS.get(key) or (("→ " if direction == "out" else "← ") + prop.rsplit("#", 1)[-1])
        items = sorted(groups[key].values(), key=lambda i: (-i["documents"], i["label"]))[:limit]
        total = in_all.get(key, {})
        out.append({"property": prop, "direction": direction, "label": label, "items": items,
                    "total": total.get("total", len(groups[key])),
                    "documents": total.get("documents", sum(i["documents"] for i in groups[key].values()))})
    return out


@bp.get("/entities")
@bp.get("/entities.json", endpoint="entities_json")
@bp.get("/entities.csv", endpoint="entities_csv")
def entities() -> Any:
    """Entities by name (`q`), or all of them most mentioned first, paged; `type` keeps
    one type. The CSV twin has every entity of the list (up to CSV_ROWS), not one page."""
    q = request.args.get("q", "").strip()[:100]
    etype = request.args.get("type", "").strip().upper() or None
    if etype is not None and etype not in BROWSE_TYPES:
        abort(400, f"개체 유형이 잘못되었습니다: type={request.args.get('type')} "
                   f"(가능한 값: {', '.join(BROWSE_TYPES)})")
    kg = get_kg()
    summary, base = kg.summary(), kg.base
    as_csv = request.path.endswith(".csv")
    page, size = (1, CSV_ROWS) if as_csv else (page_number(), entity_page_size())
    unmentioned = 0
    if q:
        hits = summary.lookup(q, base, limit=LOOKUP_ROWS, type_=etype)
        if request.args.get("all") != "1":  # names only the gazetteer knows (old ministries): on request
            kept = [h for h in hits if h["documents"] > 0]
            unmentioned, hits = len(hits) - len(kept), kept
        total, results = len(hits), hits[(page - 1) * size:page * size]
    else:
        total, results = summary.browse(base, etype, offset=(page - 1) * size, limit=size)
    for r in results:
        r["page"] = local_path(r["iri"])
    data = {"query": q, "type": etype, "total": total, "page": page, "pages": max(1, -(-total // size)),
            "page_size": size, "unmentioned": unmentioned, "results": results}
    by_type = {} if as_csv else summary.stats(base)["entities"]
    return page_or_json("entities.html", data, fmt="csv" if as_csv else None, table=entities_table, name="data",
                        q=q, results=results, etype=etype,
                        by_type=[(t, by_type[t]) for t in BROWSE_TYPES if by_type.get(t)],
                        all_count=sum(by_type.values()))


def entities_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]], str]:
    """The /entities CSV: every entity of the list (up to CSV_ROWS)."""
    return (["iri", "label", "type", "documents"],
            [[r["iri"], r["label"], r["type"], r["documents"]] for r in data["results"]], "entities.csv")


def entity_page_size() -> int:
    """Rows of an /entities page: `size` (or `per_page`), ENTITY_PAGE when absent, at
    most MAX_ENTITY_PAGE; a word that is no number is a Korean 400."""
    name = next((n for n in ("size", "per_page") if request.args.get(n, "").strip()), None)
    if name is None:
        return ENTITY_PAGE
    raw = request.args[name].strip()
    try:
        n = int(raw)
    except ValueError:
        abort(400, f"쪽 크기가 잘못되었습니다: {name}={raw} (1에서 {MAX_ENTITY_PAGE} 사이의 수)")
    return max(1, min(MAX_ENTITY_PAGE, n))

