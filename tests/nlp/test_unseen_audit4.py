"""Misfires the round-4 precision audit found on unseen text (news pages, Wikinews), each
narrowed in its rule; the sentences are our own, written on the constructions seen."""
from __future__ import annotations

from ingest.nlp.pipeline import extract
from tests.nlp._extract import D, of


def ents(text: str) -> set[tuple[str, str]]:
    ex = extract(text, D)
    return {(e.text, e.type) for e in ex.entities}


def test_sign_off_with_the_outlet_between_name_and_title():
    # news_pages: the word before 기자 is the outlet, the reporter the word before it
    found = ents("박서연 한빛닷컴 기자 park@hanbit.example")
    assert ("박서연", "PERSON") in found
    assert ("한빛닷컴", "COMPANY") in found and ("한빛닷컴", "PERSON") not in found
    assert ("홍길동", "PERSON") in ents("홍길동기자 hong@news.example")


def test_a_verb_before_a_name_in_dae_is_no_name_for_a_university():
    # news_bodies: '주장하던 고민대 총장' is a person (a prosecutor general), not a university
    found = ents("연임을 주장하던 고민대 총장은 어제 사퇴 의사를 밝혔다.")
    assert ("고민대", "ORGANIZATION") not in found
    assert ("숭실대", "ORGANIZATION") in ents("장범식 숭실대 부총장은 축사를 했다.")


def test_a_foreign_name_opened_by_a_quote_stays_whole():
    # people: '"로버트 스미스 미 국무장관과 …"' gave the surname alone once 미 became the country
    found = ents('그는 "로버트 스미스 미 국무장관과 통화했다"고 말했다.')
    assert ("로버트 스미스", "PERSON") in found and ("스미스", "PERSON") not in found


def test_a_committee_speaking_through_its_staff_is_no_firm():
    # firm_marks: '…특위 관계자들이' is a government committee
    found = ents("청년정책특위 관계자들이 28일 현판식을 가졌다.")
    assert not any(t == "COMPANY" for _w, t in found)
    assert ("다온모빌리티", "COMPANY") in ents("다온모빌리티 측은 사실이 아니라고 밝혔다.")


def test_a_negated_verb_announces_nothing():
    # relations: '… 파견은 추진하지 않았다', '… 추진하지 않기로 했다'
    assert not of("ANNOUNCES", "정부는 3개국에 특사를 보냈으며, 대일 특사단 파견은 추진하지 않았다.")
    assert not of("ANNOUNCES", "산업부는 수소경제 특별법 개정을 추진하지 않기로 했다.")
    assert of("ANNOUNCES", "산업부는 수소경제 특별법 개정을 추진한다고 밝혔다.")


def test_a_foreign_name_whose_second_word_opens_like_a_surname():
    # people: '세키야 나오야 도쿄대 교수' gave '나오야' alone (나 is a surname)
    found = ents("다카하시 나오키 교토대 교수가 조사 결과를 발표했다.")
    assert ("다카하시 나오키", "PERSON") in found and ("나오키", "PERSON") not in found
    assert ("나영희", "PERSON") in ents("이날 나영희 고려대 교수는 발표했다.")


def test_a_weekly_of_an_outlet_is_named_whole():
    # gazetteer: '《한겨레21》' is the weekly, not 한겨레 with a number after it
    assert ("한겨레21", "COMPANY") in ents("《한겨레21》은 이 문제를 보도했다.")


def test_a_report_to_the_presidents_office_is_not_its_own():
    # frame_events: '부처의 청와대 업무보고' is reported to 청와대, which takes no part as the reporter
    assert not of("PARTICIPATES_IN", "대변인은 브리핑에서 정부부처의 청와대 업무보고 일정을 발표했다.")
    assert ("원자력안전위원회", "업무보고") in of("PARTICIPATES_IN", "위원장은 오늘 원자력안전위원회 업무보고를 받았다.")


def test_an_outlets_institute_is_no_mention_of_the_outlet():
    # gazetteer ruler: '로이터저널리즘 리포트' is the Reuters Institute's report, not Reuters reporting
    assert not any(t == "COMPANY" for _w, t in ents("위원님이 인용하신 로이터저널리즘 리포트를 보겠습니다."))
    assert ("로이터", "COMPANY") in ents("로이터는 이 소식을 전했다.")
