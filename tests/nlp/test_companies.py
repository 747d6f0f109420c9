"""Companies and public enterprises as real releases name them (issue #20, `ingest/nlp/companies.py`):
kinds of business and newspapers by their ending, Latin names with 사, banks fused with their
head's title, public enterprises named with their head, the other members of a list in which
a company stands, a company named by its head's post. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,name", [
    ("장관은 오전 10시 서울신라호텔에서 열리는 서해일보 창간 30주년 기념식에 참석합니다.", "서해일보"),
    ("이번 협약은 한빛경제신문과 공동으로 추진한다.", "한빛경제신문"),
    ("심사 결과 아세아시멘트가 최우수 기업으로 뽑혔다.", "아세아시멘트"),
    ("투자에는 한결파트너스와 누리벤처스가 참여했다.", "한결파트너스"),
    ("투자에는 한결파트너스와 누리벤처스가 참여했다.", "누리벤처스"),
])
def test_company_by_its_kind_of_business(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("지역신문과 방송이 함께 보도했다.", "지역신문"),
    ("벤처캐피탈의 투자가 줄었다.", "벤처캐피탈"),
    ("위키미디어 재단은 성명을 냈다.", "위키미디어"),
])
def test_common_words_with_those_endings_are_no_company(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


def test_latin_name_with_sa_and_a_particle() -> None:
    assert ("ACME", "COMPANY") in ents("ACME사의 투자 신고가 확정됐다.")
    assert not [e for e in ents("AI사의 역할이 커졌다.") if e[1] == "COMPANY"]


def test_bank_fused_with_its_heads_title() -> None:
    got = ents("왼쪽부터 김영호 한빛은행장, 박정민 서해은행장.")
    assert ("한빛은행", "COMPANY") in got and ("서해은행", "COMPANY") in got
    assert ("김영호", "PERSON") in got and ("박정민", "PERSON") in got


@pytest.mark.parametrize("text,body", [
    ("예금보험공사(사장 김정훈)는 협약을 맺었다.", "예금보험공사"),
    ("해양환경공단 이사장과 관계자들이 참석했다.", "해양환경공단"),
])
def test_public_enterprise_named_with_its_head(text: str, body: str) -> None:
    assert (body, "MINISTRY") in ents(text)


@pytest.mark.parametrize("text", ["도로확장공사 구간은 3km이다.", "반월공단 입주기업 30곳이 참여했다."])
def test_works_and_estates_are_no_public_enterprise(text: str) -> None:
    assert not [e for e in ents(text) if e[1] == "MINISTRY"]


def test_members_of_a_list_with_a_company() -> None:
    got = ents("인터파크는 1000만원, 예스24와 알라딘, 교보문고는 각각 500만원을 냈다.")
    assert ("예스24", "COMPANY") in got and ("알라딘", "COMPANY") in got


@pytest.mark.parametrize("text,word", [
    ("삼성전자와 협력사가 함께 참여했다.", "협력사"),
    ("선수가 세이브왕, 두산 베어스의 김철민이 다승왕이다.", "세이브왕"),
])
def test_list_stops_at_common_nouns_and_modifiers(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


def test_company_named_by_its_heads_post() -> None:
    assert ("나노웨이브", "COMPANY") in ents("나노웨이브 김철수 대표는 이날 시연에 나섰다.")
    assert not [e for e in ents("대의원대회에서 새길당 안효준 공동대표는 말했다.") if e[1] == "COMPANY"]


def test_latin_name_with_ampersand_is_whole() -> None:
    got = ents("KT&G와 협력사들이 참여했다.")
    assert ("KT&G", "COMPANY") in got and ("KT", "COMPANY") not in got


def test_mixed_list_of_bodies_and_companies_adds_nothing() -> None:
    got = ents("코트라·무보·한빛중공업 등이 참여했다.")
    assert ("무보", "COMPANY") not in got


@pytest.mark.parametrize("text,name", [
    ("참석자는 홍길순 BBS 불교방송 사장, 김명순 과총 회장 등이다.", "홍길순"),
    ("이날 행사에는 박정수 미래나눔 문화재단 이사장이 참석했다.", "박정수"),
])
def test_person_before_a_two_word_body_and_title(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_last_word_of_a_foreign_name_is_no_person() -> None:
    assert not [e for e in ents("장관은 루이 갈루아 불한 클럽 회장을 만났다.") if e[0] == "갈루아"]


def test_public_enterprise_listed_with_another() -> None:
    got = ents("회의에는 해양환경공단, 한국해양교통안전공단 등 8개 공공기관장이 참석했다.")
    assert ("해양환경공단", "MINISTRY") in got
    got = ents("* 한국해양교통안전공단·한국항로표지기술원(세종)")
    assert ("한국항로표지기술원", "MINISTRY") in got
    assert ("도로확장공사", "MINISTRY") not in ents("도로확장공사, 한국도로공사 등이 점검 대상이다.")


def test_list_after_the_companies_it_names() -> None:
    got = ents("이번에 선정된 업체는 삼진정밀, 대한엔지니어링, 한울테크다.")
    assert ("삼진정밀", "COMPANY") in got and ("대한엔지니어링", "COMPANY") in got
    got = ents("선정된 곳은 반도체 분야의 경우 원익큐엔씨, 윌테크놀러지, 테스다.")
    assert ("원익큐엔씨", "COMPANY") in got and ("윌테크놀러지", "COMPANY") in got


@pytest.mark.parametrize("text", ["참여 기업은 대부분 반도체, 디스플레이, 배터리 분야다.",
                                  "이 회사는 빅데이터, 스마트팩토리 기술을 보유했다.",
                                  "지원 대상 기업은 중소기업, 중견기업이다."])
def test_list_of_common_nouns_after_companies_is_no_list_of_names(text: str) -> None:
    assert not [e for e in ents(text) if e[1] == "COMPANY"]


def test_bulleted_list_closed_by_its_count() -> None:
    got = ents("선정된 회사는 △한울정밀 △경인양행 △서진테크 등 3개사다.")
    assert {("한울정밀", "COMPANY"), ("경인양행", "COMPANY"), ("서진테크", "COMPANY")} <= set(got)


def test_agency_named_with_its_head_in_brackets() -> None:
    assert ("광양만권경제자유구역청", "MINISTRY") in ents("광양만권경제자유구역청(청장 권오봉)은 협약을 체결했다.")


@pytest.mark.parametrize("text,body", [
    ("이날 행사에는 노준형 한국정보기술대연합 회장이 참석했다.", "한국정보기술대연합"),
    ("김미화 자원순환사회연대 이사장이 말했다.", "자원순환사회연대"),
])
def test_unknown_body_of_a_head_ending_as_an_association_is_an_organisation(text: str, body: str) -> None:
    got = ents(text)
    assert (body, "ORGANIZATION") in got and (body, "COMPANY") not in got


def test_short_names_of_a_public_insurer_and_a_federation() -> None:
    got = ents("코트라·무보·한빛중공업 등과 김명자 과총 회장이 참석했다.")
    assert ("무보", "MINISTRY") in got and ("과총", "ORGANIZATION") in got
    assert not [e for e in ents("무보수 명예직이다.") if e[0] == "무보"]


def test_companies_of_a_starred_footnote() -> None:
    text = ("이번 신고식에는 장비기업 등 3개 기업*이 참석했다.\n* ① Acme Robotics, ② Orbit Materials, ③ 한울정밀\n"
            "방미 계기 2개 미국 기업*의 투자신고가 있었다.\n* 수소(Nova Hydrogen, Blue Power)\n")
    got = ents(text)
    for name in ("Acme Robotics", "Orbit Materials", "한울정밀", "Nova Hydrogen", "Blue Power"):
        assert (name, "COMPANY") in got
    assert ("수소", "COMPANY") not in got


def test_footnote_of_another_marker_lists_no_companies() -> None:
    got = ents("정부는 관계기관*과 협의했다.\n* Orbit Council, Nova Forum\n")
    assert not [e for e in got if e[1] == "COMPANY"]


def test_company_of_two_words_before_its_mark_or_its_spelling() -> None:
    assert ("베르나 바이오텍(주)", "COMPANY") in ents("베르나 바이오텍(주)는 백신 전문 기업이다.")
    got = ents("마이크론 테크놀로지(Micron Technology)는 공장을 짓는다.")
    assert ("마이크론 테크놀로지", "COMPANY") in got and ("Micron Technology", "COMPANY") in got
    got = ents("엔비디아 젠슨 황(Jensen Huang) CEO가 방한했다.")
    assert ("Jensen Huang", "COMPANY") not in got and ("엔비디아", "COMPANY") in got


def test_local_arm_named_by_its_head() -> None:
    assert ("에어리퀴드코리아", "COMPANY") in ents('에어리퀴드코리아 대표는 "투자를 늘리겠다"고 말했다.')
    assert not [e for e in ents("팀코리아는 원전 수주에 나섰다.") if e[1] == "COMPANY"]
