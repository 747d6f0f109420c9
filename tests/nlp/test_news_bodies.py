"""Organisations and venues as news names them (news_bodies.py): an association's head written fused,
national councils of standing, a university's short name before an academic title, hotels as venues.
Sentences written for these tests; the names are made up."""
from __future__ import annotations

from ingest.nlp.pipeline import extract
from tests.nlp._extract import D, of


def ents(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in extract(text, D).entities}


def test_a_fused_association_head_is_the_association_and_its_head():
    text = "이날 간담회에는 김민호 대한건설협회장, 박수진 한국주택협회장 등 건설단체 대표가 참석했다."
    assert {("대한건설협회", "ORGANIZATION"), ("한국주택협회", "ORGANIZATION"), ("김민호", "PERSON"), ("박수진", "PERSON")} <= ents(text)
    assert {("김민호", "대한건설협회"), ("박수진", "한국주택협회")} <= of("LEADS", text)


def test_a_bare_or_generic_association_head_names_no_body():
    assert not any(t == "ORGANIZATION" for _s, t in ents("각 협회장들은 의견을 냈다. 업종별 협회장과 간담회를 가졌다."))


def test_national_councils_of_standing_are_organisations_purpose_councils_initiatives():
    found = ents("교육부는 30일 한국대학교육협의회(대교협)와 간담회를 가졌다. 전국시도교육감협의회도 참석했다.")
    assert {("한국대학교육협의회", "ORGANIZATION"), ("대교협", "ORGANIZATION"), ("전국시도교육감협의회", "ORGANIZATION")} <= found
    assert ("반도체 민관협의회", "INITIATIVE") in ents("정부는 5일 반도체 민관협의회를 열었다.")


def test_a_university_before_an_academic_title():
    text = "위원회는 이날 장민석 숭실대 부총장을 위원장으로 위촉했다. 김수정 한양대 교수도 참석했다."
    found = ents(text)
    assert {("장민석", "PERSON"), ("숭실대", "ORGANIZATION"), ("한양대", "ORGANIZATION")} <= found
    assert ("장민석", "숭실대") in of("LEADS", text)
    assert not any(t == "ORGANIZATION" for _s, t in ents("역대 교수 가운데 처음이다."))


def test_a_hotel_with_its_branch_is_one_venue():
    found = ents("교육부 장관은 30일 포시즌스 호텔 서울에서 간담회를 가졌다. 전날 JW메리어트 동대문스퀘어 서울에서 출범식을 열었다.")
    assert {("포시즌스 호텔 서울", "LOCATION"), ("JW메리어트 동대문스퀘어 서울", "LOCATION")} <= found


def test_a_power_plants_unit_is_a_place():
    found = ents("원자력안전위원회는 월성1호기 계속운전을 허가했다. 신한울 1·2호기도 심사한다.")
    assert {("월성1호기", "LOCATION"), ("신한울 1·2호기", "LOCATION")} <= found


def test_an_institute_head_fused_and_a_room_with_its_owner_and_floor():
    text = "권민철 한국경제연구원장이 발표했다. 위원회는 이날 예금보험공사 19층 대회의실에서 전체회의를 열었다."
    found = ents(text)
    assert {("한국경제연구원", "ORGANIZATION"), ("예금보험공사 19층 대회의실", "LOCATION")} <= found
    assert ("권민철", "한국경제연구원") in of("LEADS", text)
    assert not any(t == "ORGANIZATION" for _s, t in ents("박철수 선임연구원장은 말했다."))


def test_a_given_name_ending_in_han_before_a_title_but_not_a_verb():
    text = "윤재한 한국제약협회 이사장이 참석했다. 출마를 위해 사직한 국회의원 4명의 사직안을 의결했다."
    people = {s for s, t in ents(text) if t == "PERSON"}
    assert people == {"윤재한"}


def test_a_forum_listed_between_bodies_is_a_body():
    text = "핵심 기관인 산업부, 특허청, 미래산업연합포럼, 기술보증기금, 코트라가 참여했다."
    assert ("미래산업연합포럼", "ORGANIZATION") in ents(text)
    assert ("미래산업 포럼", "INITIATIVE") in ents("정부는 5일 미래산업 포럼을 열었다.")
