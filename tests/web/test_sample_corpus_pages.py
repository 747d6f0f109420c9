"""The sample corpus (corpus/, what `make run` ingests) as a journalist reads it (issue #20):
every alliance, council, task force and program it describes names who announced it, who
takes part and who leads it, each with its sentence; one meeting reported by several documents is one node, and meetings
of different days stay apart."""
from __future__ import annotations


import pytest

from tests.web._corpus import ROOT, roles, served


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    yield from served(tmp_path_factory.mktemp("sample"), [ROOT / "corpus"])


# Every alliance, council, task force and program the corpus describes, with the roles its
# text states: who announced (set up, runs) it, who takes part (companies included) and who
# leads it. Each role is shown with the sentence it was read from ('근거').
CASES = [
    # alliances
    ("AI_자율제조_얼라이언스", "산업통상자원부",
     ["현대자동차", "LG전자", "포스코", "한국항공우주산업", "한국생산기술연구원"], []),  # the institute: '간사를 맡는다'
    ("K-휴머노이드_연합", "산업통상자원부", ["레인보우로보틱스", "두산로보틱스", "HD현대로보틱스"], []),
    ("제조_AX(M.AX)_얼라이언스", "산업통상자원부", ["현대자동차", "LG전자", "포스코"], ["김정관", "최태원"]),
    ("배터리_얼라이언스", "산업통상자원부", [], []),       # launched without a subject of its own
    # councils
    ("범부처_지원협의체", "산업통상자원부", [], []),       # '협의체를 꾸려'; its members are '관계부처'
    ("신성장_4.0_민관협의체", "기획재정부", [], []),      # '기획재정부 신성장전략기획추진단은 … 간담회를 열었다'
    # task forces
    ("신성장전략기획추진단", "기획재정부", [], []),       # '기획재정부 신성장전략기획추진단은'
    ("미래로봇추진단", "삼성전자", [], ["오준호"]),       # '새로 만들었다'; '오준호 KAIST 명예교수가 단장을 맡는다'
    # programs, projects and funds
    ("독자_AI_파운데이션_모델", "과학기술정보통신부", ["업스테이지", "SK텔레콤", "네이버클라우드"], []),  # selects the teams
    ("반도체_생태계_펀드", "대한민국_정부", [], []),       # '펀드를 조성해', the lead sentence's 정부
    ("저리_대출_프로그램", "산업은행", [], []),           # '산업은행을 통한 … 저리 대출 프로그램'
    ("로봇_보급_사업", "한국로봇산업진흥원", [], []),     # '진흥원은 로봇 보급 사업과 실증 지원을 통해'
]


@pytest.mark.parametrize(("name", "announced", "members", "leaders"), CASES)
def test_each_alliance_council_task_force_and_program_says_who_set_it_up_takes_part_and_leads(
        client, name, announced, members, leaders) -> None:
    path = f"/id/initiative/{name}"
    resp = client.get(path)
    assert resp.status_code == 200, path
    found = roles(resp.get_data(as_text=True))
    assert announced.replace("_", " ") in found["발표 기관"] and "근거" in found["발표 기관"], path
    for who in members:
        assert who in found["참여자"], (path, who)
    if members:
        assert "unbound" not in found["참여자"] and "근거" in found["참여자"]  # not 없음
    for who in leaders:
        assert who in found["주재·대표"] and "근거" in found["주재·대표"], (path, who)


def test_a_company_joining_an_unnamed_program_is_not_listed_under_the_named_one(client) -> None:
    # '대·중소 상생형 사업도 계속되며, 삼성전자 등 대기업의 참여가 이어질 전망이다'
    found = roles(client.get("/id/initiative/스마트공장_보급사업").get_data(as_text=True))
    assert "삼성전자" not in found["참여자"]


def test_the_chair_elected_at_the_alliances_general_meeting_leads_it(client) -> None:
    found = roles(client.get("/id/initiative/K-휴머노이드_연합").get_data(as_text=True))
    assert "장병탁" in found["주재·대표"]


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
