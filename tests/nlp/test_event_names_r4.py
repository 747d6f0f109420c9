"""INITIATIVE names of issue #20's round 4, as releases and news write them: a quoted numbered
sitting of a committee is the meeting, not the committee; a K- brand names a policy with one
word before its head; a named day written fused ('청년의날') opens its event's name with its
year. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


def found(text: str, label: str) -> list[str]:
    return [t for t, lab in ents(text) if lab == label]


@pytest.mark.parametrize("text,name", [
    ("행정안전부는 26일 '제3차 안전정책조정위원회'를 개최했다.", "제3차 안전정책조정위원회"),
    ("복지부는 ‘제2회 보건의료정책협의위원회’를 열고 안건을 심의했다.", "제2회 보건의료정책협의위원회"),
])
def test_a_quoted_numbered_committee_is_its_sitting(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


def test_a_quoted_committee_without_number_stays_a_body() -> None:
    assert ("AI 시대의 미래산업 위원회", "MINISTRY") in ents("산업부는 'AI 시대의 미래산업 위원회'를 출범했다.")


@pytest.mark.parametrize("text,name", [
    ("정부는 13일 K-반도체 전략을 발표했다.", "K-반도체 전략"),
    ("문체부는 K콘텐츠 펀드를 조성한다고 밝혔다.", "K콘텐츠 펀드"),
])
def test_a_k_brand_names_a_policy(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_one_plain_word_before_a_strategy_is_still_no_name() -> None:
    assert found("정부는 반도체 전략을 발표했다.", "INITIATIVE") == []


@pytest.mark.parametrize("text,name", [
    ("중기부는 2024년 청년의날 기념행사에 참여한다고 밝혔다.", "2024년 청년의날 기념행사"),
    ("특허청은 19일 발명의날 기념식을 열었다.", "발명의날 기념식"),
    ("‘2024년 청년의날’을 맞아 중기부가 행사를 연다.", "2024년 청년의날"),
])
def test_a_fused_named_day_opens_its_events_name(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


@pytest.mark.parametrize("text,name", [
    ("대통령은 9일 청주에서 열린 K-바이오 전략 보고에 참석했다.", "K-바이오 전략 보고"),
    ("총리는 배터리 산업 육성 전략 보고를 주재했다.", "배터리 산업 육성 전략 보고"),
])
def test_a_plan_reported_at_a_sitting_names_the_event(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_reporting_a_plan_is_no_event() -> None:
    names = found("산업부는 배터리 산업 육성 전략을 보고했다. 국토부는 도시 재생 추진 전략 보고를 통해 방향을 밝혔다.", "INITIATIVE")
    assert "배터리 산업 육성 전략" in names and not any(n.endswith("보고") for n in names)


@pytest.mark.parametrize("text,name", [
    ("부총리는 워싱턴에서 제3차 한미 경제안보 대화를 가졌다.", "제3차 한미 경제안보 대화"),
    ("외교부는 서울에서 한미 전략대화를 개최했다.", "한미 전략대화"),
    ("양국은 한-EU 고위급 정책대화에서 공급망 협력을 논의했다.", "한-EU 고위급 정책대화"),
])
def test_a_numbered_or_bilateral_dialogue_is_a_meeting(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


@pytest.mark.parametrize("text", [
    "장관은 기업인들과 대화를 나눴다.",
    "두 사람은 한국 경제 대화를 이어갔다.",
    "한미 외교장관은 전화 대화를 했다.",
])
def test_talk_is_no_dialogue_event(text: str) -> None:
    assert not any(n.endswith("대화") for n in found(text, "INITIATIVE"))


def test_a_month_dates_a_summit_but_names_a_months_figures() -> None:
    text = "두 나라는 2015년 10월 한미 정상회담에서 합의했다."
    assert "한미 정상회담" in found(text, "INITIATIVE") and "2015년 10월" in found(text, "DATE")
    assert "2024년 3월 고용동향 발표 브리핑" in found("노동부는 2024년 3월 고용동향 발표 브리핑을 했다.", "INITIATIVE")


@pytest.mark.parametrize("text,name", [
    ("김 처장을 비롯한 정부대표단이 오는 16일부터 캐나다를 방문한다.", "정부대표단"),
    ("대통령의 특사단은 어제 평양을 방문했다.", "특사단"),
])
def test_a_delegation_its_word_names_is_an_initiative(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_a_bare_delegation_word_is_no_name() -> None:
    assert found("각국 대표단이 참석했다. 대표단은 오늘 귀국했다.", "INITIATIVE") == []


@pytest.mark.parametrize("text,name", [
    ("한 차관, 중앙지방협력회의와 재난안전조정위원회 주재", "재난안전조정위원회"),
    ("총리는 오늘 규제혁신위원회를 주재하고 개선 과제를 논의했다.", "규제혁신위원회"),
    ("장관은 이날 열린 국가우주개발위원회에 참석했다.", "국가우주개발위원회"),
])
def test_an_unknown_committee_chaired_or_attended_is_its_sitting(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


def test_an_assembly_subcommittee_sitting_is_no_initiative() -> None:
    assert "철도산업발전소위원회" not in found("오늘부터 철도산업발전소위원회가 열린다.", "INITIATIVE")


@pytest.mark.parametrize("text,place", [
    ("총리는 17일 한일정상회담 메인프레스센터를 방문해 준비 상황을 점검했다.", "한일정상회담 메인프레스센터"),
    ("G20 정상회의 프레스센터가 코엑스에 문을 열었다.", "G20 정상회의 프레스센터"),
    ("회담이 중계되는 메인 브리핑 룸에는 취재석이 마련됐다.", "메인 브리핑 룸"),
])
def test_an_events_press_centre_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)
    assert not any(place.startswith(n) for n in found(text, "INITIATIVE"))


@pytest.mark.parametrize("text,name", [
    ("방송원은 오는 6일 2024년 봄 편성 개편을 단행한다.", "2024년 봄 편성 개편"),
    ("국토부는 2026 청년 정책 자문단을 출범했다.", "2026 청년 정책 자문단"),
])
def test_a_year_heads_a_groups_or_programmes_name(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_a_plan_keeps_its_year_apart() -> None:
    text = "정부는 2012년 로봇산업 육성 기본계획을 수립했다."
    assert "로봇산업 육성 기본계획" in found(text, "INITIATIVE") and "2012년" in found(text, "DATE")


def test_a_ministrys_citizen_reporters_are_a_group_not_the_press_corps() -> None:
    assert "정책기자단" in found("농식품부는 정책기자단을 운영한다. 기자단은 286명이다.", "INITIATIVE")
    assert "지식재산 정책기자단" in found("특허청은 지식재산 정책기자단을 모집했다.", "INITIATIVE")
    assert found("대통령은 출입기자단과 간담회를 가졌다. 사진기자단이 현장을 찍었다.", "INITIATIVE") == ["간담회"]
    assert found("수행 공무원과 해외 기자단, 취재 기자단이 함께 이동했다.", "INITIATIVE") == []


@pytest.mark.parametrize("text,name", [
    ("중기부는 법정기념일인 청년의날(9월 셋째 토요일)을 맞이해 행사를 연다.", "청년의날"),
    ("특허청은 발명의 날을 맞아 유공자를 포상했다.", "발명의 날"),
])
def test_a_commemorative_day_a_release_marks_is_an_initiative(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_a_figurative_day_or_a_holiday_is_none() -> None:
    assert found("선수들은 결전의 날을 맞아 각오를 다졌다. 어린이날을 맞아 공원이 붐볐다.", "INITIATIVE") == []


def rels(text: str) -> set[tuple[str, str, str]]:
    ex = extract(text, D)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def test_the_official_named_first_takes_part_in_the_delegation_with_his_body() -> None:
    found_rels = rels("김철수 국가보훈처장을 비롯한 정부대표단이 오는 16일부터 캐나다를 방문한다.")
    assert ("PARTICIPATES_IN", "김철수", "정부대표단") in found_rels
    assert ("PARTICIPATES_IN", "국가보훈처", "정부대표단") in found_rels
