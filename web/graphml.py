"""A network as GraphML (`…/network.graphml`), for Gephi, yEd, Cytoscape desktop and
networkx: the same nodes and edges as the JSON twin, with the labels, entity types,
relation types and document counts as declared GraphML keys (`weight` is the number of
documents that state an edge, the attribute Gephi reads as edge weight).

Built with xml.etree, so every name and sentence is escaped as XML text."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

NS = "http://graphml.graphdrawing.org/xmlns"
# (key id, for, attr.type, where the value comes from)
NODE_KEYS = [("label", "string", "label"), ("type", "string", "type"), ("type_label", "string", "type_label"),
             ("page", "string", "page"), ("center", "boolean", "center"), ("expanded", "boolean", "expanded")]
EDGE_KEYS = [("relation", "string", "relation"), ("relation_label", "string", "relation_label"),
             ("weight", "int", "documents"), ("sentence", "string", "sentence"), ("document", "string", "document")]


# characters XML 1.0 cannot hold at all (a document's text may have them; the file must still parse)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return _NOT_XML.sub("", str(v))


def to_graphml(data: dict[str, Any], base: str = "", relation_labels: dict[str, str] | None = None) -> bytes:
    """`data` as the network JSON has it (nodes, edges, center, expanded); `base` makes
    the node pages absolute addresses; `relation_labels` names the relations (발표, 참여 …).
    Co-mention edges are undirected, relations directed."""
    labels = relation_labels or {}
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for kid, typ, _src in NODE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": kid, "for": "node", "attr.name": kid, "attr.type": typ})
    for kid, typ, _src in EDGE_KEYS:
        ET.SubElement(root, f"{{{NS}}}key", {"id": kid, "for": "edge", "attr.name": kid, "attr.type": typ})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": str(data.get("center", "G")), "edgedefault": "directed"})
    expanded = set(data.get("expanded") or [])
    for n in data["nodes"]:
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": _value(n["id"])})
        values = {**n, "page": base + n["page"] if n.get("page") else None,
                  "expanded": n["id"] in expanded or bool(n.get("center"))}
        for kid, _typ, src in NODE_KEYS:
            if values.get(src) not in (None, ""):
                ET.SubElement(node, f"{{{NS}}}data", {"key": kid}).text = _value(values[src])
    for e in data["edges"]:
        attrs = {"id": _value(e["id"]), "source": _value(e["source"]), "target": _value(e["target"])}
        if e["relation"] == "comention":
            attrs["directed"] = "false"
        edge = ET.SubElement(graph, f"{{{NS}}}edge", attrs)
        ev = (e.get("evidence") or [{}])[0]
        values = {**e, "sentence": (ev.get("sentence") or "").strip(), "document": ev.get("document"),
                  "relation_label": labels.get(e["relation"], e["label"])}
        for kid, _typ, src in EDGE_KEYS:
            if values.get(src) not in (None, ""):
                ET.SubElement(edge, f"{{{NS}}}data", {"key": kid}).text = _value(values[src])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
