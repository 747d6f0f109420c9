"""Who sets up, holds and runs an alliance, council, task force or program (issue #20,
item 4): constructions of the sample corpus, tried on sentences of our own."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2024-11-14"


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def test_a_company_setting_up_a_task_force_announces_it() -> None:
    assert ("ANNOUNCES", "한울전자", "미래모빌리티추진단") in rels(
        "한울전자는 대표이사 직속으로 '미래모빌리티추진단'을 새로 만들었다.")
    assert ("ANNOUNCES", "중소벤처기업부", "수출바우처 협의체") in rels(
        "중소벤처기업부는 지난달 '수출바우처 협의체'를 설치했다.")


def test_making_something_else_than_an_initiative_announces_nothing() -> None:
    assert not {r for r in rels("한울전자는 새 공장에서 배터리를 만들었다.") if r[0] == "ANNOUNCES"}


def test_a_body_acts_through_its_own_task_force() -> None:
    # the office named after its ministry is the subject: the ministry holds the meeting
    got = rels("산업통상자원부 공급망TF는 15일 '배터리 공급망 협의체' 회의를 열었다.")
    assert ("ANNOUNCES", "산업통상자원부", "배터리 공급망 협의체") in got
    assert ("ANNOUNCES", "산업통상자원부", "공급망TF") in got  # and its office is its own
    # a body in another role before the subject is not the one that holds it
    got = rels("경상북도 포항의 에코프로 공장에서 기업 관계자들이 '배터리 공급망 협의체' 회의를 열었다.")
    assert not {r for r in got if r[0] == "ANNOUNCES" and r[1] == "경상북도"}


def test_the_body_that_selects_a_programs_teams_runs_it() -> None:
    got = rels("과학기술정보통신부는 4일 '차세대 통신 반도체' 프로젝트를 이끌 수행기관으로 LG전자, 삼성전자 등 "
               "3개 컨소시엄을 선정했다고 밝혔다.")
    assert ("ANNOUNCES", "과학기술정보통신부", "차세대 통신 반도체") in got
    # the selected are chosen, they run nothing
    assert not {r for r in got if r[0] == "ANNOUNCES" and r[1] in ("LG전자", "삼성전자")}


def test_a_fund_set_up_without_a_subject_is_the_lead_bodys() -> None:
    got = rels("정부가 23일 '반도체 지원 방안'을 발표했다. 또 1조원 규모의 반도체 생태계 펀드를 조성해 "
               "팹리스 기업의 성장을 돕는다.")
    assert ("ANNOUNCES", "정부", "반도체 생태계 펀드") in got


def test_an_emeritus_professor_is_a_person_and_the_head_of_the_task_force() -> None:
    ex = extract("한울전자는 '미래모빌리티추진단'을 새로 만들었다. 추진단은 원천기술 확보를 맡으며, "
                 "창업자인 김영식 KAIST 명예교수가 단장을 맡는다.", D)
    people = [e.text for e in ex.entities if e.type == "PERSON"]
    assert people == ["김영식"]
    leads = {(ex.entities[r.head].text, ex.entities[r.tail].canonical or ex.entities[r.tail].text)
             for r in ex.relations if r.type == "LEADS"}
    assert ("김영식", "미래모빌리티추진단") in leads
    assert not any(t == "KAIST" for _h, t in leads)  # a professor does not head his university


def test_an_institute_that_serves_as_the_alliances_secretary_takes_part_in_it() -> None:
    got = rels("산업부는 'AI 자율제조 얼라이언스'를 출범시켰다. 현대자동차, LG전자 등 업종 대표 기업이 함께 "
               "참여하며, 한국생산기술연구원 등 전문 연구기관이 분과별 간사를 맡는다.")
    assert {("PARTICIPATES_IN", who, "AI 자율제조 얼라이언스")
            for who in ("현대자동차", "LG전자", "한국생산기술연구원")} <= got


def test_the_body_that_delivers_a_program_runs_it() -> None:
    assert ("ANNOUNCES", "한국로봇산업진흥원", "로봇 보급 사업") in rels(
        "한국로봇산업진흥원은 로봇 보급 사업과 실증 지원을 통해 수요 기업의 도입 부담을 덜어주고 있다.")
    assert ("ANNOUNCES", "산업은행", "저리 대출 프로그램") in rels(
        "가장 큰 비중을 차지하는 것은 산업은행을 통한 17조원 규모의 저리 대출 프로그램이다.")
    # a company the program helps is no runner of it
    got = rels("한울전자는 스마트공장 지원사업을 통해 새 설비를 들였다고 밝혔다. 이 사업은 중소벤처기업부가 운영한다.")
    assert ("ANNOUNCES", "한울전자", "스마트공장 지원사업") not in got


def test_joining_an_unnamed_program_is_not_joining_the_named_one_before() -> None:
    text = ("중기부는 '스마트공장 보급사업'을 고도화한다. 대기업이 협력사의 스마트공장 구축을 돕는 "
            "대·중소 상생형 사업도 계속되며, 삼성전자 등 대기업의 참여가 이어질 전망이다.")
    assert not {r for r in rels(text) if r[0] == "PARTICIPATES_IN"}
    # a back reference to the named program is that program
    assert ("PARTICIPATES_IN", "삼성전자", "사업") in rels(
        "중기부는 '스마트공장 보급사업'을 고도화한다. 이 사업에는 삼성전자 등 대기업이 참여한다.")
