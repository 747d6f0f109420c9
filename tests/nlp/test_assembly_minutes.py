"""The Assembly's committee minutes (issue #20, round 3): bills named with their kind, the
committee's subcommittees and their chairs, and what the sentence rules must not read into
the minutes' wording (a budget's year, a law cited by its article, the stages of a bill).
Sentences are our own, in the minutes' style."""
from __future__ import annotations

import re

import pytest

from ingest.nlp.pipeline import extract

D = "2024-09-09"


def _ents(text: str, typ: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == typ]


def _rels(text: str) -> set[tuple[str, str, str]]:
    ex = extract(text, D)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


@pytest.mark.parametrize("text,bill", [
    ("다음으로 김가람 의원이 대표발의한 전파법 일부개정법률안은 원안대로 의결하였습니다.", "전파법 일부개정법률안"),
    ("먼저 과학관의 설립·운영 및 육성에 관한 법률 일부개정법률안(대안)은 2건의 법률안을 통합 조정한 것입니다.",
     "과학관의 설립·운영 및 육성에 관한 법률 일부개정법률안"),
    ("정부가 제출한 우주개발 진흥법 전부개정법률안을 상정합니다.", "우주개발 진흥법 전부개정법률안"),
    ("박나래 의원님이 대표발의한 양자기술 육성 및 신뢰 확보에 관한 법률안 등 제정안 3건을 심사했습니다.",
     "양자기술 육성 및 신뢰 확보에 관한 법률안"),
    # who submitted it and the agenda item's number are no part of the name
    ("의사일정 제61항 정부 제출 전파법 일부개정법률안까지 이상 61건의 법률안을 일괄하여 상정합니다.", "전파법 일부개정법률안"),
    ("의사일정 22항 양자기술 육성에 관한 법률안에 대한 질문이 있습니다.", "양자기술 육성에 관한 법률안"),
])
def test_a_bill_is_one_name_with_its_kind(text: str, bill: str) -> None:
    inits = _ents(text, "INITIATIVE")
    assert bill in inits
    law = re.sub(r" (?:일부|전부)개정법률안$", "", bill)
    assert law == bill or law not in inits  # the law it amends is no mention of its own here


def test_bills_without_a_law_name_are_no_names() -> None:
    assert _ents("소위원회는 총 26건의 법률안에 대해 심사하였으며 13건의 일부개정법률안을 의결하였습니다.", "INITIATIVE") == []


@pytest.mark.parametrize("text,person,body", [
    ("과학기술원자력법안심사소위원회 위원장 최형두 위원입니다.", "최형두", "과학기술원자력법안심사소위원회"),
    ("정보통신방송법안심사소위원회 김현 위원장입니다.", "김현", "정보통신방송법안심사소위원회"),
    ("법안 통과에 힘써 주신 법안1소위 최형두 위원장님과 2소위 김현 위원장님께 감사드립니다.", "김현", "2소위"),
])
def test_a_subcommittee_is_a_body_its_chair_leads(text: str, person: str, body: str) -> None:
    assert body in _ents(text, "MINISTRY")
    assert ("LEADS", person, body) in _rels(text)


def test_the_short_name_of_the_science_advisory_council_is_the_body() -> None:
    assert _ents("R&D 예산 배분·조정 결과는 과학기술자문회의 의결을 거쳐 발표할 예정입니다.", "MINISTRY") == ["과학기술자문회의"]


@pytest.mark.parametrize("text", [
    "방송통신위원회 소관 2025년 예산안과 방송통신발전기금 운용계획안에 대해서 제안설명드리겠습니다.",
    "먼저 국정감사에 이어 2025년도 예산안을 심사해 주시는 위원님들께 감사드립니다.",
])
def test_a_budgets_year_schedules_nothing_beside_it(text: str) -> None:
    assert not any(k == "SCHEDULED_FOR" for k, _h, _t in _rels(text))


def test_a_law_cited_by_its_article_has_no_date() -> None:
    text = ("증인이 국회에서의 증언·감정 등에 관한 법률 제5조의2에 따른 사유로 보기 어려워 동법 제6조에 따라 "
            "오늘 6시까지 국정감사장으로 동행할 것을 명령하기 위한 의결을 하겠습니다.")
    assert not any(k == "SCHEDULED_FOR" for k, _h, _t in _rels(text))


@pytest.mark.parametrize("text,body", [
    ("의결해 주신 예산안이 예결위와 본회의까지 수정 없이 통과될 수 있도록 노력하겠습니다.", "예결위"),
    ("법사위와 본회의 의결 과정에서 최선을 다하겠습니다.", "법사위"),
])
def test_a_committee_beside_the_plenary_is_a_stage_not_a_participant(text: str, body: str) -> None:
    assert ("PARTICIPATES_IN", body, "본회의") not in _rels(text)


def test_a_body_met_at_a_meeting_still_takes_part() -> None:
    assert ("PARTICIPATES_IN", "산업부", "간담회") in _rels("협회는 5일 산업부와 간담회를 열었다.")


@pytest.mark.parametrize("text,person,body", [
    ("한소라 방송통신위원회 사무처장입니다.", "한소라", "방송통신위원회"),  # a witness introduced: name, body, title
    ("방송통신위원회 위원장직무대행 김태오입니다.", "김태오", "방송통신위원회"),  # an acting head introducing himself
    ("방송통신위원회 위원장 직무대행 김태오입니다.", "김태오", "방송통신위원회"),
])
def test_an_introduction_names_the_person_and_the_body_he_heads(text: str, person: str, body: str) -> None:
    assert person in _ents(text, "PERSON")
    assert ("LEADS", person, body) in _rels(text)


@pytest.mark.parametrize("text,names", [
    ("그리고 아까 김민혁 증인에 대해서는 제가 분명히 말씀드렸습니다.", ["김민혁"]),
    ("이 안건은 강필수 참고인의 출석을 요구하는 것입니다.", ["강필수"]),
    ("제가 좀 아까 최형두 간사님의 지적을 받아들여 수정하였습니다.", ["최형두"]),
    ("국정감사에 불출석한 증인 유경선, 정철민, 배석규를 고발하고자 하는 것입니다.", ["유경선", "정철민", "배석규"]),
])
def test_witnesses_and_whips_are_named_by_their_role(text: str, names: list[str]) -> None:
    assert all(n in _ents(text, "PERSON") for n in names)


@pytest.mark.parametrize("text", [
    "추가 증인 2명과 기관 증인을 채택했습니다. 해당 참고인은 불출석했습니다.",
    "관계 방송통신위원회 사무처장입니다.",
])
def test_words_before_a_role_are_no_names(text: str) -> None:
    assert _ents(text, "PERSON") == []


@pytest.mark.parametrize("text,bodies,hearing", [
    ("의사일정 제1항 과학기술정보통신부, 방송통신위원회 등에 대한 현안질의를 상정합니다.",
     ["과학기술정보통신부", "방송통신위원회"], "현안질의"),
    ("오늘 과학기술정보통신부, 방송통신위원회, 원자력안전위원회를 대상으로 현안질의를 실시할 예정이었습니다.",
     ["과학기술정보통신부", "방송통신위원회", "원자력안전위원회"], "현안질의"),
    ("오늘 원자력안전위원회를 대상으로 현안질의를 실시합니다.", ["원자력안전위원회"], "현안질의"),
])
def test_each_body_a_hearing_is_about_takes_part(text: str, bodies: list[str], hearing: str) -> None:
    rels = _rels(text)
    assert all(("PARTICIPATES_IN", b, hearing) in rels for b in bodies)


def test_an_acting_head_named_before_body_and_title_leads_it() -> None:
    assert ("LEADS", "김태오", "방통위") in _rels("증인 김태오 방통위 위원장직무대행을 고발하고자 하는 것입니다.")


@pytest.mark.parametrize("text,days", [
    ("공직후보자에 대한 서면질의서는 인사청문회 개최 5일 전까지 후보자에게 송부해야 합니다.", "5일"),
    ("정부 측은 7일 이내에 답변서를 제출해 주시기 바랍니다.", "7일"),
    ("이 건은 7일 내에 처리합니다.", "7일"),
])
def test_a_number_of_days_before_or_within_is_a_quantity(text: str, days: str) -> None:
    ex = extract(text, D)
    assert [e.text for e in ex.entities if e.type == "QUANTITY"] == [days]
    assert not any(e.type == "DATE" for e in ex.entities)
    assert not any(r.type == "SCHEDULED_FOR" for r in ex.relations)


def test_a_day_of_the_month_stays_a_date() -> None:
    assert _ents("행사는 오는 7일까지 열린다. 서류는 3월 7일 이내에 낸다.", "DATE") == ["오는 7일", "3월 7일"]


def test_a_case_clause_opens_no_law_name() -> None:
    assert "국회증언감정법" in _ents("자료제출을 거부할 경우 국회증언감정법에 따라 처리할 것입니다.", "INITIATIVE")


def test_the_budget_subcommittee_written_out_is_the_body() -> None:
    assert "예결소위원회" in _ents("류희림 위원장의 목요일 예결소위원회 출석 여부를 조율해 주시기 바랍니다.", "MINISTRY")


def test_a_bodys_launch_date_is_no_schedule_of_the_law_after_it() -> None:
    text = "9월에 출범하는 국가인공지능위원회를 통해 민관의 역량을 결집하고 인공지능 기본법 제정에 최선을 다하겠습니다."
    assert not any(k == "SCHEDULED_FOR" for k, _h, _t in _rels(text))


@pytest.mark.parametrize("text", [
    "2025년도 과기부 소관 R&D 사업의 예산안은 9조 원입니다.",
    "영업자의 부담을 완화하기 위하여 1년 이상 사업을 개시하지 않은 사업자에 대한 내용입니다.",
])
def test_jurisdiction_and_thresholds_open_no_name(text: str) -> None:
    assert _ents(text, "INITIATIVE") == []


def test_a_subcommittee_written_short_is_the_body_its_chair_leads() -> None:
    assert ("LEADS", "최형두", "과학기술원자력법안심사소위") in _rels("과학기술원자력법안심사소위 위원장 최형두입니다.")


def test_a_body_heard_with_the_day_between_takes_part() -> None:
    text = "또한 한국방송공사에 대해서는 10월 14일 비공개로 업무보고를 받도록 하겠습니다."
    assert ("PARTICIPATES_IN", "한국방송공사", "업무보고") in _rels(text)


@pytest.mark.parametrize("text,person", [
    ("성원이 되었으므로 제415회 국회(임시회) 제6차 과학기술정보방송통신위원회를 개의하겠습니다. 오늘 회의에서는 현안질의를 "
     "실시할 예정입니다. 정하늘 위원님 인사말씀 해 주시기 바랍니다.", "정하늘"),
    ("성원이 되었으므로 제420회 국회(임시회) 제1차 과학기술정보방송통신위원회를 개회하겠습니다. 새로 임명되신 원자력안전위원회 "
     "위원장의 인사를 듣도록 하겠습니다. 최한결 원자력안전위원회 위원장은 나오셔서 간략히 인사말씀해 주시기 바랍니다.", "최한결"),
])
def test_who_the_chair_calls_on_in_the_sitting_she_opens_takes_part(text: str, person: str) -> None:
    sitting = next(e.text for e in extract(text, D).entities if e.text.startswith("제") and e.text.endswith("위원회"))
    assert ("PARTICIPATES_IN", person, sitting) in _rels(text)


def test_a_member_called_on_without_a_sitting_opened_takes_part_in_nothing() -> None:
    assert not any(k == "PARTICIPATES_IN" for k, _h, _t in _rels("다음으로 정하늘 위원님 질의해 주십시오."))


def test_a_head_in_charge_of_the_body_leads_it() -> None:
    assert ("LEADS", "윤한솔", "우주항공청") in _rels("우주항공청을 맡고 있는 청장 윤한솔입니다. 인사말씀을 드립니다.")


def test_the_witnesses_introduced_for_todays_hearing_take_part_with_their_bodies() -> None:
    text = ("먼저 오늘 청문회에 출석하신 증인을 소개해 드리겠습니다. 소개받으신 증인께서는 잠시 일어서서 인사하시고 앉아 주시기 "
            "바랍니다. 한소라 방송통신위원회 사무처장입니다. 김영호 방송통신심의위원회 사무총장입니다. (인사) 다음은 증인 선서 "
            "순서입니다. 이나래 방송통신위원회 부위원장입니다.")
    rels = _rels(text)
    assert {("PARTICIPATES_IN", "한소라", "청문회"), ("PARTICIPATES_IN", "김영호", "청문회"),
            ("PARTICIPATES_IN", "방송통신위원회", "청문회"), ("PARTICIPATES_IN", "방송통신심의위원회", "청문회")} <= rels
    assert ("PARTICIPATES_IN", "이나래", "청문회") not in rels  # after the oath: no longer the list


@pytest.mark.parametrize("text", [
    "당초 오늘 회의 안건에는 없었지만 간사 위원님과의 협의에 따라 증인 출석 요구의 건을 추가로 상정하려고 합니다.",
    "오늘 준비한 안건을 모두 마무리하였습니다. 이것으로 오늘 회의를 마치겠습니다. 산회를 선포합니다.",
])
def test_a_bare_meeting_word_in_the_minutes_is_the_sitting_itself(text: str) -> None:
    assert "회의" not in _ents(text, "INITIATIVE")


def test_a_bare_meeting_word_outside_the_minutes_is_still_the_meeting() -> None:
    assert "회의" in _ents("산업부는 오늘 회의에서 수출 대책을 논의했다.", "INITIATIVE")


def test_a_bodys_own_report_announces_what_it_sets_up() -> None:
    text = ("배부해 드린 자료를 바탕으로 우주항공청 업무현황을 보고드리겠습니다. 9쪽, 탐사 부문에서는 국제 거대전파망원경 "
            "건설사업 추진을 통해 우주탐사를 확대하겠습니다. 또한 교육부와 함께 이공계 인재 지원 대책을 발표할 예정입니다.")
    rels = _rels(text)
    assert ("ANNOUNCES", "우주항공청", "국제 거대전파망원경 건설사업") in rels
    assert ("ANNOUNCES", "우주항공청", "이공계 인재 지원 대책") not in rels  # another body in the sentence: left to the rules


def test_a_committee_named_with_its_term_is_the_body() -> None:
    ex = extract("이 자료에는 제21대 과방위 운영과 AI 정책현안을 점검한 내용들이 포함되어 있습니다.", D)
    assert [(e.text, e.canonical) for e in ex.entities if e.type == "MINISTRY"] == [("제21대 과방위", "과학기술정보방송통신위원회")]
    assert "제415회 국회" in _ents("제415회 국회(임시회) 제2차 과학기술정보방송통신위원회를 개의하겠습니다.", "INITIATIVE")


def test_a_former_head_introduced_is_named_without_a_post() -> None:
    text = "김홍도 전 방송통신위원장입니다. 문호석 전 MBC 보도국장입니다."
    assert _ents(text, "PERSON") == ["김홍도", "문호석"]
    assert not any(k == "LEADS" for k, _h, _t in _rels(text))
