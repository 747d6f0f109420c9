"""Business groups and their member companies (data/company-groups.tsv) as W3C ORG.

A group and its companies are related, not merged: 삼성전자 org:subOrganizationOf
삼성그룹, and 삼성그룹 org:hasSubOrganization 삼성전자 (ORG states both directions, so
either reads without an inverse). Pure: data in, triples out; the writer puts them in the
gazetteer graph with the names of the companies (kg.write.pipeline.ensure_gazetteer).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Namespace

from ontology.iris import entity_iri

ORG = Namespace("http://www.w3.org/ns/org#")
GROUPS = Path(__file__).parent / "data" / "company-groups.tsv"


@lru_cache(maxsize=1)
def load_groups(path: Path = GROUPS) -> dict[str, tuple[str, ...]]:
    """group canonical name → its member companies' canonical names (file order)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, _tab, members = line.partition("\t")
        out[group.strip()] = tuple(m.strip() for m in members.split("|") if m.strip())
    return out


def group_triples(base: str, groups: dict[str, tuple[str, ...]] | None = None) -> list[tuple]:
    """member org:subOrganizationOf group, group org:hasSubOrganization member."""
    out: list[tuple] = []
    for group, members in (load_groups() if groups is None else groups).items():
        g = entity_iri(base, "COMPANY", group)
        for m in members:
            c = entity_iri(base, "COMPANY", m)
            out += [(c, ORG.subOrganizationOf, g), (g, ORG.hasSubOrganization, c)]
    return out
