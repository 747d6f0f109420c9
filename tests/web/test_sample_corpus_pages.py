"""The sample corpus (corpus/, what `make run` ingests) as a journalist reads it (issue #20):
every alliance and council it describes names who announced it and who takes part, each
with its sentence; one meeting reported by several documents is one node, and meetings
of different days stay apart."""
from __future__ import annotations


import pytest

from tests.web._corpus import ROOT, roles, served


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    yield from served(tmp_path_factory.mktemp("sample"), [ROOT / "corpus"])


@pytest.mark.parametrize(("path", "announced", "members"), [
    ("/id/initiative/AI_자율제조_얼라이언스", "산업통상자원부", ["현대자동차", "LG전자", "포스코"]),
    ("/id/initiative/K-휴머노이드_연합", "산업통상자원부", ["레인보우로보틱스", "두산로보틱스"]),
    ("/id/initiative/제조_AX(M.AX)_얼라이언스", "산업통상자원부", ["현대자동차", "LG전자"]),
    ("/id/initiative/배터리_얼라이언스", "산업통상자원부", []),      # launched without a subject of its own
    ("/id/initiative/범부처_지원협의체", "산업통상자원부", []),      # '협의체를 꾸려'
    ("/id/initiative/독자_AI_파운데이션_모델", None, ["업스테이지", "SK텔레콤"]),
])
def test_each_alliance_council_and_program_says_who_announced_it_and_who_takes_part(client, path, announced,
                                                                                    members) -> None:
    resp = client.get(path)
    assert resp.status_code == 200, path
    found = roles(resp.get_data(as_text=True))
    if announced:
        assert announced in found["발표 기관"] and "근거" in found["발표 기관"], path
    for name in members:
        assert name in found["참여자"], (path, name)
    if members:
        assert "unbound" not in found["참여자"] and "근거" in found["참여자"]  # not 없음


def test_companies_take_part_in_initiatives_not_only_in_meetings(client) -> None:
    q = """SELECT DISTINCT ?i WHERE { ?c kgo:participatesIn ?i ; kgo:entityType "COMPANY" .
             ?i kgo:entityType "INITIATIVE" }"""
    rows = client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"]
    assert len(rows) >= 4


def test_one_meeting_is_one_node_and_meetings_of_other_days_are_others(client) -> None:
    # the release of 7 March 2024 and its participants, chaired by the 1st vice-minister
    page = client.get("/id/event/간담회_(산업통상자원부,_2024-03-07).json").get_json()
    assert {"LG전자", "마키나락스"} <= {p["label"] for p in page["initiative"]["participants"]}
    # two later documents recall it as '지난 3월' / '3월 … 기업 간담회': one node, not one of May 8
    assert client.get("/id/event/간담회_(2024-05-08)").status_code == 404
    later = client.get("/id/event/간담회_(산업통상자원부,_2024-03).json").get_json()
    assert len({d["iri"] for d in later["documents"]}) == 2
    # which day they meant only a reader can tell: the two pages point to each other
    assert [s["label"] for s in later["month_siblings"]] == ["간담회 (산업통상자원부, 2024-03-07)"]
    day = client.get("/id/event/간담회_(산업통상자원부,_2024-03-07)").get_data(as_text=True)
    assert "같은 행사일 수 있는 기록" in day and 'href="/id/event/간담회_(산업통상자원부,_2024-03)"' in day
    # 국무회의 of three days: three events
    q = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kgo:entityType "EVENT" ; skos:prefLabel ?l .
             FILTER(STRSTARTS(STR(?l), "국무회의 (")) }"""
    rows = client.get("/sparql", query_string={"query": q}).get_json()["results"]["bindings"]
    assert int(rows[0]["n"]["value"]) == 3
