"""The network view around an entity (`/id/<slug>/<name>/network`, JSON and CSV twins)
and the path view (`/path?from=…&to=…`): how two entities are connected.

Both read relation edges (kgo:announces, participatesIn, leads, predecessor; org:subOrganizationOf) from the
graph with SPARQL, each with the sentence it came from, and co-mentions (documents that
mention two entities). Path finding is a breadth-first search in Python over all edges,
loaded once per published snapshot (fine at tens of thousands of edges); the document
mentions (150,000 at 10,000 documents) are loaded only for a co-mention chain, when two
entities share no document. The pages are
plain HTML tables; web/static/network.js draws the interactive graph when it can.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, Response, abort, request, url_for

from core.namespaces import ORG
from kg.read.paths import mention_path, shortest_paths
from ontology.namespace import KGO
from web.kg_access import get_kg
from web.cite import cite_evidence, evidence_in
from web.graphml import to_graphml
from web.helpers import TYPE_LABELS, local_path, page_or_json, settings, url_with, wants_json
from web.pages import find_entity

bp = Blueprint("network", __name__)

# relation key → (property IRI or None, Korean label, verb shown on an edge)
RELATIONS: dict[str, tuple[str | None, str]] = {
    "announces": (str(KGO.announces), "발표"),
    "participatesIn": (str(KGO.participatesIn), "참여"),
    "leads": (str(KGO.leads), "주재·대표"),
    "predecessor": (str(KGO.predecessor), "이전 기관"),
    "subOrganizationOf": (ORG + "subOrganizationOf", "소속 그룹"),
    "comention": (None, "함께 언급"),
}
# the entity types a network draws, in the legend's order (their colours are in style.css)
NODE_TYPES = ["MINISTRY", "ORGANIZATION", "COMPANY", "PERSON", "INITIATIVE", "EVENT", "LOCATION"]
PROPERTY_KEYS = {prop: key for key, (prop, _l) in RELATIONS.items() if prop}
DEFAULT_COMENTIONS = 10
# edges of each relation and direction on the page and in its JSON, those stated in the
# most documents first (?per= up to MAX_PER); the CSV has them all. A hub ministry has
# thousands (산업통상자원부 announces 6,861 initiatives at 100,000 documents: its page
# took 6.7 s), and a graph of that many nodes is not one anybody can read.
DEFAULT_PER_RELATION = 100
MAX_PER_RELATION = 2000
MAX_EXPAND = 20  # expanded nodes a network URL may name (each is one more neighbourhood query)


def rel_label(key: str) -> str:
    return RELATIONS.get(key, (None, key))[1]


def network_url(iri: str, suffix: str = "") -> str | None:
    page = local_path(iri)
    return f"{page}/network{suffix}" if page else None


def _node(iri: str, info: dict[str, dict[str, Any]], center: bool = False) -> dict[str, Any]:
    meta = info.get(iri, {})
    typ = meta.get("type") or ""
    return {"id": iri, "label": meta.get("label") or iri.rsplit("/", 1)[-1].replace("_", " "), "type": typ,
            "type_label": TYPE_LABELS.get(typ, typ), "page": local_path(iri),
            "network": network_url(iri, ".json"), "center": center}


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {"sentence": row.get("sentence"), "document": row.get("document"),
            "document_title": row.get("document_title"), "document_date": row.get("document_date"),
            "document_page": local_path(row["document"]) if row.get("document") else None}


def neighbourhood(iri: str, rels: set[str], comentions: int,
                  per_relation: int | None = DEFAULT_PER_RELATION) -> dict[str, Any]:
    """Nodes and edges around `iri`: its relation edges (each with the number of
    documents that state it and the newest evidence; of each relation and direction the
    `per_relation` stated in the most documents, None: all) and its top co-mentioned
    entities. `more` lists the relations that have more edges than are shown."""
    kg = get_kg()
    edges: dict[str, dict[str, Any]] = {}
    rows, totals = kg.top_statements(iri, per_relation)
    shown: Counter = Counter()
    for r in rows:
        shown[(r["p"], "out" if r["s"] == iri else "in")] += 1
    more: Counter = Counter()
    for (prop, direction), total in totals.items():
        key = PROPERTY_KEYS.get(prop)
        if key in rels and total > shown[(prop, direction)]:
            more[key] += total - shown[(prop, direction)]
    for r in rows:
        key = PROPERTY_KEYS.get(r["p"])
        if key is None or key not in rels or r["s"] == r["o"]:
            continue
        eid = f"{r['s']} {key} {r['o']}"
        edges[eid] = {"id": eid, "source": r["s"], "target": r["o"], "relation": key, "label": rel_label(key),
                      "documents": r["documents"], "evidence": [_evidence(ev) for ev in r["evidence"]]}
    if "comention" in rels and comentions > 0:
        co = kg.cooccurring(iri, limit=comentions)
        for c in co["items"]:
            eid = f"{iri} comention {c['iri']}"
            edges[eid] = {"id": eid, "source": iri, "target": c["iri"], "relation": "comention",
                          "label": f"함께 언급 {c['documents']}건", "documents": c["documents"], "evidence": [],
                          "search": url_for("search.search", entity=[iri, c["iri"]])}
    ids = [iri] + [x for e in edges.values() for x in (e["source"], e["target"]) if x != iri]
    info = kg.nodes(ids)
    nodes = {i: _node(i, info, center=(i == iri)) for i in dict.fromkeys(ids)}
    return {"center": iri, "nodes": list(nodes.values()), "edges": _sorted_edges(edges.values(), nodes),
        "per_relation": per_relation,
        "more": [{"relation": k, "label": rel_label(k), "hidden": more[k]} for k in RELATIONS if more[k]]}


def _sorted_edges(edges: Any, nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(edges, key=lambda e: (list(RELATIONS).index(e["relation"]), nodes[e["source"]]["label"],
                                        nodes[e["target"]]["label"], e["id"]))


def expanded_network(iri: str, rels: set[str], comentions: int, per: int | None,
                     expand: list[str]) -> dict[str, Any]:
    """The neighbourhood of `iri` with those of the nodes in `expand` added, in order
    (the state a reader reached by tapping nodes, as the page's URL records it). A node
    is expanded only when it is already shown, so an `expand` list cannot pull in
    unrelated entities; at most MAX_EXPAND of them."""
    data = neighbourhood(iri, rels, comentions, per)
    nodes = {n["id"]: n for n in data["nodes"]}
    edges = {e["id"]: e for e in data["edges"]}
    done: list[str] = []
    for x in expand[:MAX_EXPAND]:
        if x == iri or x in done or x not in nodes:
            continue
        more = neighbourhood(x, rels, comentions, per)
        for n in more["nodes"]:
            nodes.setdefault(n["id"], {**n, "center": False})
        for e in more["edges"]:
            edges.setdefault(e["id"], e)
        done.append(x)
    data.update(nodes=list(nodes.values()), edges=_sorted_edges(edges.values(), nodes), expanded=done)
    return data


def url_param(iri: str) -> str:
    """An entity in a query argument: its path under /id/ (short, readable), else the IRI."""
    base = settings().base_iri
    return "/" + iri[len(base):] if iri.startswith(base + "id/") else iri


def param_iri(value: str) -> str | None:
    """The IRI of a query argument written by url_param, a page path or a full IRI."""
    value = value.strip()
    if request.script_root and value.startswith(request.script_root + "/id/"):
        value = value[len(request.script_root):]
    if value.startswith("/id/"):
        return settings().base_iri + value[1:]
    return value if value.startswith(("http://", "https://")) else None


def _rel_params() -> tuple[set[str], int, int]:
    rels = {r for r in request.args.getlist("rel") if r in RELATIONS} or set(RELATIONS)
    try:
        comentions = max(0, min(50, int(request.args.get("comention", DEFAULT_COMENTIONS))))
    except ValueError:
        abort(400, "comention 은 0에서 50 사이의 수입니다.")
    try:
        per = max(1, min(MAX_PER_RELATION, int(request.args.get("per", DEFAULT_PER_RELATION))))
    except ValueError:
        abort(400, f"per 는 1에서 {MAX_PER_RELATION} 사이의 수입니다.")
    return rels, comentions, per


@bp.get("/id/<slug>/<path:name>/network")
@bp.get("/id/<slug>/<path:name>/network.json", endpoint="network_json")
@bp.get("/id/<slug>/<path:name>/network.csv", endpoint="network_csv")
@bp.get("/id/<slug>/<path:name>/network.graphml", endpoint="network_graphml")
def network(slug: str, name: str) -> Any:
    ent, _ext = find_entity(slug, name, exts=())
    rels, comentions, per = _rel_params()
    expand = [i for i in map(param_iri, request.args.getlist("expand")) if i]
    fmt = request.path.rsplit(".", 1)[-1] if request.path.endswith((".csv", ".json", ".graphml")) else None
    data = expanded_network(ent["iri"], rels, comentions, None if fmt == "csv" else per, expand)
    data.update(label=ent["label"], type=ent["type"], page=ent["page"],
                filters={"rel": sorted(rels, key=list(RELATIONS).index), "comention": comentions, "per": per,
                         "expand": [url_param(i) for i in data["expanded"]]})
    if fmt == "graphml":
        xml = to_graphml(data, base=request.host_url.rstrip("/"),
                         relation_labels={k: label for k, (_p, label) in RELATIONS.items()})
        resp = Response(xml, content_type="application/graphml+xml; charset=utf-8")
        resp.headers["Content-Disposition"] = "attachment; filename=network.graphml"
        resp.headers["Access-Control-Allow-Origin"] = "*"
        return resp
    twin = ent["page"] + "/network"
    return page_or_json("network.html", data, fmt=fmt, table=network_table, name="data", ent=ent,
                        labels={n["id"]: n["label"] for n in data["nodes"]}, relations=RELATIONS,
                        type_labels={t: TYPE_LABELS[t] for t in NODE_TYPES},
                        json_url=url_with(path=twin + ".json"), csv_url=url_with(path=twin + ".csv"),
                        graphml_url=url_with(path=twin + ".graphml"),
                        max_per=MAX_PER_RELATION, more_url=url_with(per=min(per * 5, MAX_PER_RELATION)))


def network_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]], str]:
    """The network's CSV: one row per edge and piece of evidence."""
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    rows = [[e["source"], labels[e["source"]], e["relation"], e["label"], e["target"], labels[e["target"]],
             e["documents"], ev.get("sentence") or "", ev.get("document") or "", ev.get("document_title") or ""]
            for e in data["edges"] for ev in (e["evidence"] or [{}])]
    return (["source", "source_label", "relation", "relation_label", "target", "target_label",
             "documents", "sentence", "document", "document_title"], rows, "network.csv")


# -- paths (kg/read/paths.py finds them; this page shows them) -------------------------
def resolve_param(name: str) -> tuple[str | None, str]:
    """An entity IRI from a path parameter: an IRI, a local page path, or a name
    (exact name or alias first, then the most mentioned entity whose name contains it)."""
    value = request.args.get(name, "").strip()[:300]
    if not value:
        return None, value
    kg = get_kg()
    if value.startswith(("http://", "https://", "/id/")):
        return param_iri(value), value
    iri = kg.resolve(value)
    if iri is None:
        found = kg.lookup(value, limit=1)
        iri = found[0]["iri"] if found else None
    return iri, value


@bp.get("/path")
@bp.get("/path.json", endpoint="path_json")
@bp.get("/path.csv", endpoint="path_csv")
def path() -> Any:
    (a, a_text), (b, b_text) = resolve_param("from"), resolve_param("to")
    as_json = request.path.endswith(".json") or wants_json()
    data: dict[str, Any] = {"from": None, "to": None, "query": {"from": a_text, "to": b_text}}
    missing = [t for iri, t in ((a, a_text), (b, b_text)) if t and iri is None]
    if missing:
        msg = "찾을 수 없는 개체입니다: " + ", ".join(missing)
        if as_json or request.path.endswith(".csv"):
            abort(404, msg)
        data["error"] = msg
    if a and b and not missing:
        data.update(connect(a, b))
    fmt = "csv" if request.path.endswith(".csv") else "json" if as_json else None
    if fmt == "csv" and not (a and b):
        abort(400, "from 과 to 를 주세요.")
    if fmt is None:  # the page's evidence cites its documents (the JSON has them as they are)
        cite_evidence(get_kg(), list(evidence_in(data)))
    return page_or_json("path.html", data, fmt=fmt, table=path_table, name="data", a_text=a_text, b_text=b_text,
                        json_url=url_with(path="/path.json"), csv_url=url_with(path="/path.csv"))


def path_table(data: dict[str, Any]) -> tuple[list[str], list[list[Any]], str]:
    """The path view's CSV: one row per hop of each path, then the co-mention chain."""
    return (["path", "hop", "from", "from_label", "relation", "direction", "to", "to_label",
             "sentence", "document", "document_title"], path_rows(data), "path.csv")


def connect(a: str, b: str) -> dict[str, Any]:
    """Relation paths, shared documents (the newest, with their total) and a co-mention
    chain between a and b."""
    kg = get_kg()
    g = kg.path_graph()
    raw = shortest_paths(g, a, b)
    evidence = kg.statement_evidence(sorted({edge for p in raw for _f, _t, edge in p}))
    shared = kg.shared_documents(a, b)
    chain = None if shared["total"] else mention_path(g, a, b)  # a longer chain only when no document has both
    ids = {a, b} | {x for p in raw for f, t, _e in p for x in (f, t)} | {x for h in chain or [] for x in (h[0], h[2])}
    info = kg.nodes(list(ids))
    nodes = {i: _node(i, info) for i in ids}
    for n in nodes.values():
        n["network"] = network_url(n["id"])
    paths = []
    for p in raw:
        hops = []
        for f, t, (s, prop, o) in p:
            key = PROPERTY_KEYS.get(prop, prop)
            hops.append({"from": nodes[f], "to": nodes[t], "relation": key, "label": rel_label(key),
                         "subject": s, "object": o, "forward": f == s,
                         "evidence": [_evidence(ev) for ev in evidence.get((s, prop, o), [])][:3]})
        paths.append(hops)
    for d in shared["documents"]:
        d["page"] = local_path(d["iri"])
    chain_hops = []
    if chain:
        docs = kg.documents_info([d for _x, d, _y in chain])
        for x, d, y in chain:
            together = next((s for s in kg.shared_documents(x, y)["documents"] if s["iri"] == d), None)
            chain_hops.append({"from": nodes[x], "to": nodes[y], "document": d, "document_page": local_path(d),
                               "document_title": docs.get(d, {}).get("title"), "document_date": docs.get(d, {}).get("date"),
                               "sentences": (together or {}).get("sentences", [])[:2]})
    return {"from": nodes[a], "to": nodes[b], "paths": paths, "hops": len(paths[0]) if paths else None,
            "shared_documents": shared["documents"], "shared_total": shared["total"], "mention_path": chain_hops}


def path_rows(data: dict[str, Any]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for i, p in enumerate(data.get("paths") or [], 1):
        for j, h in enumerate(p, 1):
            ev = (h["evidence"] or [{}])[0]
            rows.append([i, j, h["from"]["id"], h["from"]["label"], h["relation"], "forward" if h["forward"] else "backward",
                         h["to"]["id"], h["to"]["label"], ev.get("sentence") or "", ev.get("document") or "",
                         ev.get("document_title") or ""])
    for j, h in enumerate(data.get("mention_path") or [], 1):
        rows.append(["comention", j, h["from"]["id"], h["from"]["label"], "comention", "", h["to"]["id"], h["to"]["label"],
                     (h["sentences"] or [""])[0], h["document"], h["document_title"] or ""])
    return rows
