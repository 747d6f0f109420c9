"""Business groups and their companies (ontology/data/company-groups.tsv): related in
the graph by W3C ORG, never merged."""
from __future__ import annotations

from ingest.nlp.gazetteer import load_gazetteer
from ontology.groups import ORG, group_triples, load_groups
from ontology.iris import entity_iri

BASE = "http://kg.test/"


def test_every_group_and_member_is_a_known_company_and_groups_are_groups() -> None:
    known = {e.canonical: e for e in load_gazetteer().entries if e.type == "COMPANY"}
    groups = load_groups()
    assert {"삼성그룹", "SK그룹", "LG그룹", "현대자동차그룹"} <= set(groups)
    for group, members in groups.items():
        assert group in known and known[group].kind == "group", group
        for m in members:
            assert m in known and known[m].kind != "group", (group, m)
    members = [m for ms in groups.values() for m in ms]
    assert len(members) == len(set(members))  # a company belongs to one group


def test_a_company_is_a_sub_organization_of_its_group_and_stays_its_own_node() -> None:
    triples = set(group_triples(BASE))
    samsung, chips = entity_iri(BASE, "COMPANY", "삼성그룹"), entity_iri(BASE, "COMPANY", "삼성전자")
    hynix, sk = entity_iri(BASE, "COMPANY", "SK하이닉스"), entity_iri(BASE, "COMPANY", "SK그룹")
    assert (chips, ORG.subOrganizationOf, samsung) in triples and (samsung, ORG.hasSubOrganization, chips) in triples
    assert (hynix, ORG.subOrganizationOf, sk) in triples and chips != samsung
    assert (entity_iri(BASE, "COMPANY", "LG전자"), ORG.subOrganizationOf, entity_iri(BASE, "COMPANY", "LG그룹")) in triples
