"""The namespace IRIs as plain strings, for the SPARQL text every layer writes (no
rdflib here; ontology.namespace builds its rdflib terms from these)."""
from __future__ import annotations

ONTOLOGY_IRI = "https://w3id.org/kor-policy-kg/ont"
KGO_NS = ONTOLOGY_IRI + "#"
KGR_NS = ONTOLOGY_IRI + "/reported#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
FOAF = "http://xmlns.com/foaf/0.1/"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"

PREFIXES = {
    "kgo": KGO_NS, "kgr": KGR_NS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "skos": SKOS,
    "dcterms": DCTERMS, "org": ORG, "foaf": FOAF, "prov": PROV, "time": TIME, "skosxl": SKOSXL,
}

RDF_TYPE = RDF + "type"
SKOS_PREF = SKOS + "prefLabel"
SKOS_ALT = SKOS + "altLabel"
DCTERMS_DATE = DCTERMS + "date"
XSD_STRING = XSD + "string"


def prefix_lines(*names: str) -> str:
    """PREFIX lines for the named prefixes (all of them when none is named)."""
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in (names or PREFIXES))
