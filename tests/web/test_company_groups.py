"""A company's page names its business group, and a group's page its companies (issue
#20: related, not merged)."""
from __future__ import annotations

import re


def _row(page: str, title: str) -> str:
    m = re.search(rf"<dt>{title}</dt><dd>(.*?)</dd>", page, re.S)
    return m.group(1) if m else ""


def test_company_page_names_its_group_and_the_group_page_its_companies(client) -> None:
    page = client.get("/id/company/삼성전자").get_data(as_text=True)
    assert "삼성그룹" in _row(page, "소속 그룹") and 'href="/id/company/삼성그룹"' in _row(page, "소속 그룹")
    group = client.get("/id/company/삼성그룹")
    assert group.status_code == 200
    members = _row(group.get_data(as_text=True), "계열사")
    assert "삼성전자" in members and "삼성SDI" in members and "SK하이닉스" not in members
    data = client.get("/id/company/SK하이닉스.json").get_json()
    assert [g["label"] for g in data["groups"]] == ["SK그룹"]


def test_the_network_draws_a_company_in_its_group_not_as_a_predecessor(client) -> None:
    data = client.get("/id/company/삼성전자/network.json").get_json()
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    group = [e for e in data["edges"] if e["relation"] == "subOrganizationOf"]
    assert [(labels[e["source"]], labels[e["target"]]) for e in group] == [("삼성전자", "삼성그룹")]
    assert not [e for e in data["edges"] if e["relation"] == "predecessor"]
    page = client.get("/id/company/삼성전자/network").get_data(as_text=True)
    assert 'data-relation="subOrganizationOf"' in page and "소속 그룹" in page
    hops = client.get("/path", query_string={"from": "/id/company/삼성SDI", "to": "/id/company/삼성전자"})
    assert hops.status_code == 200 and "삼성그룹" in hops.get_data(as_text=True)
