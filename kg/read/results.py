"""A SPARQL result in plain Python (QueryResult) and its standard serialisations: SPARQL
1.1 Query Results JSON, CSV and TSV. What KnowledgeGraph.sparql returns and the SPARQL
endpoint (web/sparql.py, web/sparql_formats.py) writes out."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Literal, URIRef

from core.namespaces import XSD_STRING
from kg.csvsafe import needs_quote, safe_text
from kg.store.embedded import nt_term


@dataclass
class QueryResult:
    """A SPARQL result in plain Python: SELECT rows, an ASK boolean, or CONSTRUCT triples."""

    kind: str                           # SELECT | ASK | CONSTRUCT
    vars: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)  # var → rdflib term
    boolean: bool | None = None
    graph: Any = None                   # rdflib Graph for CONSTRUCT/DESCRIBE
    truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 Query Results JSON."""
        if self.kind == "ASK":
            return {"head": {}, "boolean": bool(self.boolean)}
        return {
            "head": {"vars": self.vars},
            "results": {"bindings": [{k: term_json(v) for k, v in r.items()} for r in self.rows]},
            **({"truncated": True} if self.truncated else {}),
        }

    def to_delimited(self, delimiter: str, *, for_people: bool = False) -> str:
        """SPARQL 1.1 CSV (`,`) or TSV (`\\t`) results. `for_people` (a download from the
        UI, opened in a spreadsheet) quotes values that would start a formula (kg.csvsafe),
        which bends the standard: machine clients leave it off."""
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n")
        if self.kind == "ASK":
            w.writerow(["boolean"])
            w.writerow(["true" if self.boolean else "false"])
            return buf.getvalue()
        if delimiter != ",":
            # SPARQL TSV: terms in Turtle/N-Triples form, never CSV-quoted; one row a line
            lines = ["\t".join("?" + v for v in self.vars)]
            lines += ["\t".join(_cell(r.get(v), delimiter, for_people) for v in self.vars) for r in self.rows]
            return "\n".join(lines) + "\n"
        w.writerow(self.vars)
        for r in self.rows:
            w.writerow([_cell(r.get(v), delimiter, for_people) for v in self.vars])
        return buf.getvalue()


def term_json(t: Any) -> dict[str, str]:
    if isinstance(t, URIRef):
        return {"type": "uri", "value": str(t)}
    if isinstance(t, BNode):
        return {"type": "bnode", "value": str(t)}
    d = {"type": "literal", "value": str(t)}
    if isinstance(t, Literal):
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype and str(t.datatype) != XSD_STRING:  # a simple literal carries no datatype
            d["datatype"] = str(t.datatype)
    return d


def _cell(t: Any, delimiter: str, for_people: bool = False) -> str:
    if t is None:
        return ""
    if delimiter == ",":
        text = f"_:{t}" if isinstance(t, BNode) else str(t)
        return safe_text(text) if for_people else text
    if isinstance(t, Literal) and str(t.datatype) == XSD_STRING:
        t = Literal(str(t))  # Oxigraph types every simple literal xsd:string; write it as "…"
    if isinstance(t, (URIRef, Literal, BNode)):
        text = nt_term(t).replace("\t", "\\t")  # N-Triples escapes \n and \r; a tab would split the row
        if for_people and isinstance(t, Literal) and needs_quote(str(t)):
            text = "\"'" + text[1:]  # a spreadsheet drops the quotes of "=1+1": the mark goes inside
        return text
    return str(t)
