"""INITIATIVE names in constructions of state-agency releases that the rules missed
(issue #20, initiative recognition round): contests and campaigns, MOUs, laws quoted
by their full name, quoted names that end in a parenthesis, names with '·' or a -기
noun, short names defined by '(이하 …)', quoted names listed before their kind. The
sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def initiatives(text: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,name", [
    ("환경부는 다음 달 '생활 속 탄소중립 영상 공모전'을 연다.", "생활 속 탄소중립 영상 공모전"),
    ("한국환경공단은 5월부터 환경사랑 사진 공모전을 개최한다.", "환경사랑 사진 공모전"),
    ("농식품부는 국산 쌀 소비 촉진 캠페인을 시작했다.", "국산 쌀 소비 촉진 캠페인"),
    ("중기부는 K-스타트업 그랜드챌린지 참가 기업을 모집한다.", "K-스타트업 그랜드챌린지"),
])
def test_contests_campaigns_and_challenges_are_initiatives(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_generic_campaign_or_contest_is_no_name() -> None:
    assert initiatives("구청은 홍보 캠페인과 공모전을 준비하고 있다.") == []


@pytest.mark.parametrize("text,name", [
    ("양국은 '청정에너지 협력에 관한 MOU'를 교환했다.", "청정에너지 협력에 관한 MOU"),
    ("두 장관은 '수소 공급망 협력' 양해각서를 체결했다.", "수소 공급망 협력"),
    ("교육부는 '고등교육 혁신 지원에 관한 법률'에 따라 기금을 조성한다.", "고등교육 혁신 지원에 관한 법률"),
    ("국토부는 '건축물 에너지 기준에 관한 규정' 개정안을 입법예고했다.", "건축물 에너지 기준에 관한 규정"),
])
def test_agreements_and_laws_quoted_by_their_full_name(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_special_act_named_by_what_it_regulates() -> None:
    found = initiatives("국회는 반도체 산업 경쟁력 강화 및 보호에 관한 특별조치법을 의결했다.")
    assert found == ["반도체 산업 경쟁력 강화 및 보호에 관한 특별조치법"]


@pytest.mark.parametrize("text,name", [
    ("문체부는 ‘2026 지역문화 사진공모전(이하 공모전)’을 연다.", "2026 지역문화 사진공모전"),
    ("기관은 8일 ‘청렴 나눔 챌린지(ㅊㄴ챌린지)’를 시작했다.", "청렴 나눔 챌린지"),
    ("관광공사는 ‘코리아 스테이(Korea Stay)’ 캠페인을 전개한다.", "코리아 스테이(Korea Stay)"),
    ("행안부는 ’디지털 배움 공모전‘을 실시한다고 밝혔다.", "디지털 배움 공모전"),
])
def test_quoted_names_with_parentheses_and_reversed_quotes(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_closing_quote_after_a_space_opens_the_next_quotation() -> None:
    found = initiatives('그는 "결과는 다음에 발표한다"고 말한 뒤 "축제 일정은 그대로"라고 덧붙였다.')
    assert found == []


@pytest.mark.parametrize("text,name", [
    ("행안부는 청년마을 만들기 사업 참여 지자체를 모집한다.", "청년마을 만들기 사업"),
    ("해수부는 어촌 살리기 캠페인을 벌인다.", "어촌 살리기 캠페인"),
    ("복지부는 중증·응급 분야 소아진료 지원방안을 마련했다.", "중증·응급 분야 소아진료 지원방안"),
    ("행안부는 차세대 지방재정시스템 2단계 사업을 추진한다.", "차세대 지방재정시스템 2단계 사업"),
    ("고용부는 청년일자리도약장려금 사업을 확대한다.", "청년일자리도약장려금 사업"),
])
def test_names_with_a_verb_noun_a_middle_dot_a_phase_or_one_long_compound(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_short_name_defined_by_hereafter_is_the_same_initiative() -> None:
    ex = extract("행정안전부는 지역 상생 일자리 만들기 사업(이하 상생일자리 사업)을 공모한다. "
                 "상생일자리 사업에는 10개 지자체가 참여한다.", D)
    full = "지역 상생 일자리 만들기 사업"
    mentions = [e for e in ex.entities if e.type == "INITIATIVE"]
    assert [e.text for e in mentions] == [full, "상생일자리 사업", "상생일자리 사업"]
    assert {e.canonical for e in mentions} == {full}


def test_a_short_name_inside_another_word_is_no_mention() -> None:
    found = initiatives("정부는 해양 쓰레기 줄이기 사업(이하 줄이기 사업)을 한다. 쓰레기줄이기 사업과는 다르다.")
    assert found.count("줄이기 사업") == 1


def test_quoted_names_listed_before_their_kind() -> None:
    found = initiatives("방송원은 ‘정책 한눈에’, ‘현장 이야기’ 등 시사 프로그램을 늘린다.")
    assert {"정책 한눈에", "현장 이야기"} <= set(found)
    # participants listed before a meeting are not meetings
    assert initiatives("장관은 'A사', 'B사' 등 기업 간담회를 열었다.") == ["기업 간담회"]


@pytest.mark.parametrize("text,name", [
    ("총리는 이날 물류센터 현장점검에 나섰다.", "현장점검"),
    ("정부는 노동부-국토부 합동 점검을 벌인다.", "합동 점검"),
    ("산업부는 21일 에너지정책심의회를 열었다.", "에너지정책심의회"),
    ("보훈부는 제75주년 6·25전쟁 기념식을 연다.", "제75주년 6·25전쟁 기념식"),
])
def test_inspections_councils_and_numbered_days(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_checking_something_is_no_inspection_event() -> None:
    assert initiatives("장관은 준비 상황을 점검하기 위해 현장을 찾았다. 구청은 위생 점검 결과를 공개했다.") == []
    # what is inspected stays outside the inspection's name
    assert "항만 물류센터 현장 점검" not in initiatives("차관은 항만 물류센터 현장 점검을 했다.")


def test_a_question_session_is_named_by_its_agenda() -> None:
    text = "다음으로 의사일정 제3항 재난방송에서의 공영방송 역할 등에 대한 현안질의 자료제출 요구의 건을 상정합니다."
    assert initiatives(text) == ["재난방송에서의 공영방송 역할 등에 대한 현안질의"]


def test_the_body_questioned_or_a_nominee_heard_names_no_agenda() -> None:
    assert initiatives("오늘은 방송통신위원회에 대한 현안질의를 하겠습니다.") == ["현안질의"]
    assert "인사청문회" in initiatives("간사와 협의한 결과 국무위원후보자 김한결에 대한 인사청문회는 8일 실시합니다.")


def test_agenda_numbers_and_sponsors_open_no_name() -> None:
    assert initiatives("의사일정 제2항 현안질의 불출석 증인 고발의 건을 상정합니다.") == ["현안질의"]
    # the bill, named with its kind (tests/nlp/test_assembly_minutes.py)
    assert "과학관법 일부개정법률안" in initiatives("의사일정 제4항 김하늘 의원 대표발의 과학관법 일부개정법률안을 상정합니다.")


@pytest.mark.parametrize("text,name", [
    ("시장은 10일 한강대교 개통식에 참석했다.", "한강대교 개통식"),
    ("해군은 신형 잠수함 진수식을 열었다.", "신형 잠수함 진수식"),
    ("이날 현판식에는 지역 주민 50명이 참석했다.", "현판식"),
])
def test_ceremonies_are_events(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_note_between_a_quoted_programme_and_its_verb() -> None:
    found = initiatives("방송원은 『청년 희망 리포트』(매주 토, 저녁 9시)를 신설한다.")
    assert found == ["청년 희망 리포트"]
    assert initiatives("그는 『바다의 노래』(2019)를 읽었다.") == []


@pytest.mark.parametrize("text,name", [
    ("산업부는 다음 달 2026년 코리아 스마트쇼를 연다.", "2026년 코리아 스마트쇼"),
    ("문체부는 올해 청년영상제를 개최한다.", "청년영상제"),
    ("국토부는 국민참여단을 발족했다.", "국민참여단"),
    ("중기부는 청년 창업 아카데미 참가자를 모집한다.", "청년 창업 아카데미"),
])
def test_festivals_shows_and_groups_with_the_years_edition(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_year_before_an_inquiry_is_a_date_not_an_edition() -> None:
    ex = extract("위원회는 지난 2024년 국정감사 결과를 보고했다.", D)
    assert ("국정감사", "INITIATIVE") in [(e.text, e.type) for e in ex.entities]
    assert initiatives("그 정치인은 선거 때마다 쇼를 한다.") == []


def test_a_quote_named_as_a_kind_or_held_later_in_its_clause() -> None:
    assert initiatives("매주 '우리 동네 소식'이라는 이름의 고정 프로그램으로 방송된다.") == ["우리 동네 소식"]
    assert "2026 갯벌 사진전" in initiatives("'2026 갯벌 사진전'이 오는 8일 목포에서 열린다.")
    # a slogan is no programme, a topic is no event
    assert initiatives("정부는 '사람이 먼저'라는 원칙을 밝혔다.") == []
    assert initiatives("'국민이 먼저'는 지난달 열린 회의의 주제였다.") == ["회의"]


@pytest.mark.parametrize("text,name", [
    ("환경부는 제3차 국가 물관리 기본계획을 확정했다.", "제3차 국가 물관리 기본계획"),
    ("복지부는 저출산·고령사회 기본계획을 발표했다.", "저출산·고령사회 기본계획"),
    ("산업부는 제조업 인공지능 전환(AX) 촉진 방안을 발표했다.", "제조업 인공지능 전환(AX) 촉진 방안"),
    ("정부는 (가칭)우주산업 인재양성 특별법 제정을 추진한다.", "우주산업 인재양성 특별법"),
    ("국토부는 '(가칭)남부권 광역교통 개선 전략'을 다음 달 발표한다.", "남부권 광역교통 개선 전략"),
    ("과기정통부는 양자과학기술 산업 육성 등에 관한 기본법을 공포했다.", "양자과학기술 산업 육성 등에 관한 기본법"),
])
def test_numbered_national_plans_working_titles_and_acronym_notes(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_national_plan_without_its_number_and_a_generic_mou() -> None:
    assert "국가 물관리 기본계획" not in initiatives("정부는 국가 물관리 기본계획을 손본다.")
    assert initiatives("양측은 협력 MOU를 맺었다.") == []
    # '계획은' after a basic plan still points back to it
    found = initiatives("정부는 '제2차 해양 녹색성장 기본계획'을 발표했다. 계획은 2030년까지 이어진다.")
    assert found == ["제2차 해양 녹색성장 기본계획", "계획"]


def test_committees_convened_for_a_purpose_and_a_standing_body() -> None:
    assert "수출추진위원회" in initiatives("정부는 오늘 아침 수출추진위원회를 열었다.")
    assert "산업위기 대응 심의위원회" in initiatives("산업부는 산업위기 대응 심의위원회 심의를 거친다.")
    ex = extract("방송통신심의위원회는 5일 전체회의를 열었다.", D)
    assert ("방송통신심의위원회", "MINISTRY") in [(e.text, e.type) for e in ex.entities]
