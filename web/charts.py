"""Pictures of a SPARQL result on the /query page, where they fit:

- a bar chart when the result has a label column and one number column (drawn in HTML
  and CSS by the template, so it needs no JavaScript);
- a graph when it has two IRI columns (nodes and edges as JSON for web/static/query.js,
  which draws it with Cytoscape.js; the table stays the text alternative).

Both read the `table` the query page renders: {"vars": [...], "rows": [[cell, …], …]}
with cells from web.sparql.cell ({type, value, datatype?, href?, short?}).
"""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote

NUMERIC = {"integer", "decimal", "double", "float", "int", "long", "short", "nonNegativeInteger",
           "positiveInteger", "unsignedInt", "unsignedLong"}
MAX_BARS = 40
MAX_EDGES = 400


def _number(c: dict[str, Any] | None) -> float | None:
    if not c or c.get("type") != "literal":
        return None
    dt = str(c.get("datatype") or "")
    if not dt or dt.rsplit("#", 1)[-1] not in NUMERIC:
        return None
    try:
        return float(c["value"])
    except (TypeError, ValueError):
        return None


def _label(c: dict[str, Any] | None) -> str:
    if not c:
        return ""
    if c.get("type") == "uri":
        return iri_label(c["value"])
    return str(c.get("value", ""))


def iri_label(iri: str) -> str:
    """The readable end of an IRI: our entity IRIs end in the canonical name."""
    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return unquote(tail).replace("_", " ") or iri


def _columns(table: dict[str, Any]) -> tuple[list[int], list[int], list[int]]:
    """(numeric, uri, text) column indexes; a column counts only if all its bound cells agree."""
    rows, n = table.get("rows") or [], len(table.get("vars") or [])
    numeric, uri, text = [], [], []
    for i in range(n):
        cells = [r[i] for r in rows if i < len(r) and r[i] is not None]
        if not cells:
            continue
        if all(_number(c) is not None for c in cells):
            numeric.append(i)
        elif all(c.get("type") == "uri" for c in cells):
            uri.append(i)
        elif all(c.get("type") == "literal" for c in cells):
            text.append(i)
    return numeric, uri, text


def result_chart(table: dict[str, Any] | None) -> dict[str, Any] | None:
    """Bars for a label + number result (the first number column, labelled by the first
    text column, else the first IRI column), or None."""
    if not table or not table.get("rows") or len(table["rows"]) < 2:
        return None
    numeric, uri, text = _columns(table)
    if len(numeric) != 1 or not (text or uri) or len(uri) >= 2:  # two IRI columns: a graph, not bars
        return None
    vi, li = numeric[0], (text or uri)[0]
    link = uri[0] if uri else None
    bars = []
    for r in table["rows"][:MAX_BARS]:
        v = _number(r[vi])
        if v is None:
            continue
        bars.append({"label": _label(r[li]), "value": v, "text": f"{v:,.0f}" if v == int(v) else f"{v:,.2f}",
                     "href": (r[link] or {}).get("href") if link is not None else None})
    top = max((b["value"] for b in bars), default=0) or 1
    for b in bars:
        b["pct"] = max(0.0, round(100 * b["value"] / top, 1))
    return {"label_var": table["vars"][li], "value_var": table["vars"][vi], "bars": bars,
            "more": len(table["rows"]) > MAX_BARS}


def result_graph(table: dict[str, Any] | None) -> dict[str, Any] | None:
    """Nodes and edges for a result with two IRI columns (the first two), or None. A
    text column right after an IRI column labels its nodes; a number column labels edges."""
    if not table or not table.get("rows"):
        return None
    numeric, uri, text = _columns(table)
    if len(uri) < 2:
        return None
    a, b = uri[0], uri[1]
    label_of = {i: i + 1 for i in (a, b) if i + 1 in text}
    weight = numeric[0] if numeric else None
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in table["rows"][:MAX_EDGES]:
        if r[a] is None or r[b] is None:
            continue
        for i in (a, b):
            iri = r[i]["value"]
            if iri not in nodes:
                lab = r[label_of[i]]["value"] if i in label_of and r[label_of[i]] else iri_label(iri)
                nodes[iri] = {"id": iri, "label": lab, "href": r[i].get("href"), "column": table["vars"][i]}
        w = _number(r[weight]) if weight is not None else None
        edges.append({"id": f"e{len(edges)}", "source": r[a]["value"], "target": r[b]["value"],
                      "label": (f"{w:,.0f}" if w is not None else "")})
    if not edges:
        return None
    return {"from_var": table["vars"][a], "to_var": table["vars"][b], "nodes": list(nodes.values()), "edges": edges}
