"""INITIATIVE names as news articles write them (issue #20, round 4; ingest.nlp.news_names): the
signing after an agreement, the parties' initials, a manner word or the project's places opening a
name, fund calls by their round and funds named with a bracketed acronym; and what is no particular
initiative: meetings said to recur, a bare fund of a kind, a way forward merely sought. Every
sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


def found(text: str, label: str = "INITIATIVE") -> list[str]:
    return [t for t, lab in ents(text) if lab == label]


@pytest.mark.parametrize("text,name", [
    ("산업부는 12개 기관과 함께 미래소재 얼라이언스 MOU 체결식을 열었다.", "미래소재 얼라이언스 MOU 체결식"),
    ("두 기관은 18일 탄소중립 협력 양해각서 서명식을 가졌다.", "탄소중립 협력 양해각서 서명식"),
])
def test_the_signing_after_an_agreement_is_one_event(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize("text,name", [
    ("행사는 산·학·연·관 미래소재 포럼으로 이어졌다.", "산·학·연·관 미래소재 포럼"),
    ("방사청은 UAE와 전략적 방산협력 양해각서를 체결했다.", "전략적 방산협력 양해각서"),
    ("평가원은 1200억원 규모의 경북 포항 수소클러스터 사업을 진행한다.", "경북 포항 수소클러스터 사업"),
])
def test_words_that_open_a_name_belong_to_it(text: str, name: str) -> None:
    assert name in found(text)


def test_a_project_with_its_places_leaves_no_place_behind() -> None:
    assert found("평가원은 1200억원 규모의 경북 포항 수소클러스터 사업을 진행한다.", "LOCATION") == []


def test_a_place_as_the_subject_is_not_taken_into_a_name() -> None:
    assert ("부산", "LOCATION") in ents("이번 행사는 부산 해양관광 사업 설명회로 열렸다. 시는 부산에서 관광 사업을 넓힌다.")


@pytest.mark.parametrize("text,name", [
    ("중기부는 이 같은 내용의 2차 출자 공고를 24일 낸다고 밝혔다.", "2차 출자 공고"),
    ("1차 출자는 지난해 12월에 공고됐다.", "1차 출자"),
    ("중기부는 400억 원을 출자해 인수합병(M&A)펀드를 조성한다.", "인수합병(M&A)펀드"),
    ("모태펀드 300억 원을 활용해 해외벤처캐피털(VC)글로벌 펀드도 조성한다.", "해외벤처캐피털(VC)글로벌 펀드"),
])
def test_fund_calls_and_acronym_funds_are_named(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "위원회는 반기별 전체회의 1회, 분기별 분과회의 1회 이상 개최한다.",
    "네트워크는 정기적으로 회의를 개최해 우수사례를 공유한다.",
])
def test_meetings_said_to_recur_are_no_particular_event(text: str) -> None:
    assert found(text) == []


def test_a_numbered_sitting_is_kept_even_in_a_recurring_series() -> None:
    assert "제5차 정기회의" in found("협의회는 분기별로 열리며 정기적으로 제5차 정기회의를 개최했다.")


def test_a_bare_fund_of_a_kind_is_not_the_fund_named_before() -> None:
    text = ("출자 사업은 미래도약펀드와 성장 단계별 펀드, 분야별 펀드 등으로 구성됐다. "
            "중기부는 500억 원을 출자해 1250억 원의 펀드를 추가로 조성할 예정이다.")
    assert found(text) == ["미래도약펀드"]


@pytest.mark.parametrize("text", [
    "이번 과정은 연구자 창업 지원 방안을 마련하는 데 초점을 맞춘다.",
    "참석자들은 중소기업의 해외 사업화 방안도 모색한다.",
    "협회는 고등교육 경쟁력 제고를 위한 재정 확충 방안 등을 제안할 예정이다.",
])
def test_a_way_forward_merely_sought_is_no_name(text: str) -> None:
    assert found(text) == []


def test_an_announced_way_forward_stays_a_name() -> None:
    assert "반도체 산업 경쟁력 강화 방안" in found("정부는 13일 반도체 산업 경쟁력 강화 방안을 발표했다.")


def test_a_fused_national_plan_is_a_name() -> None:
    assert "국가재정운용계획" in found("정부는 의견을 수렴해 국가재정운용계획을 수립한 뒤 국회에 제출할 계획이다.")


def test_a_quoted_name_without_head_is_found_again_unquoted() -> None:
    text = ("노동부와 경총은 24일 발대식을 열고 '미래인재 응원 네트워크'를 출범했다. "
            "미래인재 응원 네트워크는 매달 우수사례를 공유한다.")
    assert found(text).count("미래인재 응원 네트워크") == 2


@pytest.mark.parametrize("text,name", [
    ("방위사업청은 올해 10여개국과 방산·군수공동위원회를 개최해 협력을 넓힌다.", "방산·군수공동위원회"),
    ("양국은 서울에서 한미 통상공동위원회를 열고 현안을 논의했다.", "한미 통상공동위원회"),
])
def test_a_joint_committee_held_is_a_meeting(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize("text,name", [
    ("특히 산하 금융혁신심의회 위원 가운데 10인으로 분과를 구성한다.", "금융혁신심의회"),
    ("위원회 산하에 10인으로 구성되는 '제도개선 추진위원회'가 신설됐다.", "제도개선 추진위원회"),
])
def test_a_council_for_a_purpose_stays_an_initiative(text: str, name: str) -> None:
    assert name in found(text)


def test_a_standing_body_keeps_its_type() -> None:
    assert ("방송통신심의위원회", "MINISTRY") in ents("방송통신심의위원회는 회의를 열었다.")


def test_a_panel_discussion_is_an_event() -> None:
    assert "미래소재 패널토론" in found("행사는 미래소재 포럼, 미래소재 패널토론으로 이어졌다.")


def test_a_quoted_network_described_as_a_civic_group_is_a_body() -> None:
    text = "이번 교재 제작에는 시민단체인 '미래 교실 전국네트워크'와 교수들이 참여했다."
    assert ("미래 교실 전국네트워크", "ORGANIZATION") in ents(text)


@pytest.mark.parametrize("text,name", [
    ("2026∼2030년 국토이용계획 논의 착수", "국토이용계획"),
    ("정부가 2026년부터 2030년까지 재정운용 계획을 수립하기 위한 논의에 착수했다.", "재정운용 계획"),
    ("국무조정실은 규제혁신반을 구성했다.", "규제혁신반"),
    ("정부는 재정개혁을 추진하기 위한 재정개혁반을 신설하기로 했다.", "재정개혁반"),
])
def test_a_plan_with_its_period_and_a_team_set_up_are_named(text: str, name: str) -> None:
    assert name in found(text)


def test_a_generic_plan_is_no_name_even_with_its_period() -> None:
    assert found("회사는 2026~2030년 투자 계획을 세웠다.") == []


def test_a_plans_period_in_brackets_is_its_schedule() -> None:
    ex = extract("정부는 제3차 소재산업 육성 계획(2026~2028)을 올해 말에 발표할 계획이다.", D)
    dates = {e.text: e.value for e in ex.entities if e.type == "DATE"}
    assert dates.get("2026~2028") == "2026/2028"
    sched = {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "SCHEDULED_FOR"}
    assert ("제3차 소재산업 육성 계획", "2026~2028") in sched


def test_a_quoted_plans_years_after_the_quote_are_its_schedule() -> None:
    ex = extract("정부는 '제2차 해양산업 기본계획'(2026~2035)을 확정했다.", D)
    sched = {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "SCHEDULED_FOR"}
    assert ("제2차 해양산업 기본계획", "2026~2035") in sched


@pytest.mark.parametrize("text,name", [
    ("산업부와 코트라는 소비재 수출 상담회를 열었다.", "소비재 수출 상담회"),
    ("협회는 수소산업 정기교류회를 개최했다.", "수소산업 정기교류회"),
    ("진흥원은 창업 데모데이를 열었다.", "창업 데모데이"),
])
def test_news_business_events_are_meetings(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize("text,name", [
    ("기재부는 2026년 경제정책방향을 발표했다.", "2026년 경제정책방향"),
    ("정부는 하반기 경제정책방향을 확정했다.", "경제정책방향"),
])
def test_the_governments_economic_policy_direction_is_a_plan(text: str, name: str) -> None:
    assert name in found(text)


def test_this_agreement_points_back_to_the_one_signed_under_another_word() -> None:
    ex = extract("산업부와 한빛전자는 반도체 인력양성 업무협약을 체결했다. 이번 MOU로 한빛전자는 교육을 제공한다.", D)
    mou = [e for e in ex.entities if e.text == "MOU"]
    assert mou and mou[0].type == "INITIATIVE" and mou[0].canonical == "반도체 인력양성 업무협약"



def test_a_meeting_made_a_habit_is_no_particular_event() -> None:
    assert "정기교류회" not in " ".join(found("주요 과제는 △전담기관 간 정기교류회 정례화 및 협의체 구성 등이다."))


def test_a_meal_pointed_at_is_the_event() -> None:
    text = "총리는 22일 협회 회장단을 공관으로 초청했다. 이날 오찬에는 회장단 18명이 참석했다."
    assert "오찬" in found(text)


def test_a_meal_alone_is_no_event() -> None:
    assert "오찬" not in found("총리는 회장단과 오찬을 함께 했다.")
