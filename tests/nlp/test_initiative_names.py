"""INITIATIVE names in real press constructions (issue #20): a named day's event, a
description before the quoted name it describes, campaigns and weeks in quotes, plan
names ending in 기본구상안. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def initiatives(text: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,name", [
    ("오늘 과학·정보통신의 날 기념식이 세종에서 열립니다.", "과학·정보통신의 날 기념식"),
    ("장관은 5일 환경의 날 기념식에 참석했다.", "환경의 날 기념식"),
])
def test_a_named_days_event_keeps_the_day(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_description_before_the_quoted_name_is_no_name() -> None:
    found = initiatives("산업부는 8일 국내 최대 소재 행사인 '2025 소재 혁신 위크'를 연다.")
    assert found == ["2025 소재 혁신 위크"]


@pytest.mark.parametrize("text,name", [
    ("중기부는 '동행축제 특별 판매주간' 동안 할인 행사를 한다.", "동행축제 특별 판매주간"),
    ("해수부는 '바다가꾸기 캠페인'을 진행한다.", "바다가꾸기 캠페인"),
])
def test_quoted_campaigns_and_weeks_are_initiatives(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_time_word_does_not_open_a_meetings_name() -> None:
    assert "동안 할인 행사" not in initiatives("중기부는 '동행축제 특별 판매주간' 동안 할인 행사를 한다.")


def test_a_basic_concept_plan_is_named() -> None:
    assert "수소도시 시범사업 기본구상안" in initiatives("국토부는 수소도시 시범사업 기본구상안을 발표했다.")


def test_unquoted_unions_and_weeks_are_still_no_initiatives() -> None:
    assert not initiatives("유럽연합은 이번 주간 일정을 공개했다.")


def test_new_deal_policies_are_named() -> None:
    found = initiatives("정부는 한국판 뉴딜 종합계획을 발표했다. 한국판 뉴딜의 두 축은 그린뉴딜과 디지털 뉴딜이다.")
    assert {"한국판 뉴딜 종합계획", "한국판 뉴딜", "그린뉴딜", "디지털 뉴딜"} <= set(found)
    assert not initiatives("그는 뉴딜을 언급했다.")


def test_this_agreement_points_back_to_a_bare_agreement() -> None:
    found = initiatives("문화부는 10일 한국콘텐츠진흥원과 업무협약(MOU)을 체결했다. 이번 협약은 공동 제작을 위한 것이다.")
    assert found == ["업무협약", "협약"]
    assert "협약" not in initiatives("양측은 교류 협약 문제를 논의했다. 협약은 아직 멀었다.")


def test_a_years_edition_of_a_named_day_and_a_body_named_after_a_plan() -> None:
    assert "2025년 과학·정보통신의 날 기념식" in initiatives("오늘 2025년 과학·정보통신의 날 기념식이 오후 2시에 있습니다.")
    assert "K-뉴딜" not in initiatives("민주당의 K-뉴딜 위원회도 참석합니다.")
    assert "K-뉴딜" not in initiatives("민주당의 K-뉴딜 위원회, 정부의 대책본부가 참여합니다.")


def test_a_long_name_opened_by_a_hyphenated_word_is_whole() -> None:
    found = initiatives("내일은 톱-티어 연구 협력 플랫폼 지원 사업 국제 심포지엄이 있습니다.")
    assert found == ["톱-티어 연구 협력 플랫폼 지원 사업 국제 심포지엄"]


def test_the_committee_word_does_not_open_its_hearings_name() -> None:
    assert initiatives("오전 10시 우리 위원회 현안질의 회의장에서 만납니다.") == ["현안질의"]


@pytest.mark.parametrize("text,name", [
    ("▲제7차 전력수급기본계획 ▲에너지효율 시장 시범사업 2차 경매", "제7차 전력수급기본계획"),
    ("□ 반도체 산업 육성 전략 발표", "반도체 산업 육성 전략"),
])
def test_a_list_bullet_stays_outside_the_name(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_quoted_named_day_and_a_headlines_attended_event() -> None:
    found = initiatives("장관이 30일 ‘한불 고위급 대화’ 참석하고, 담당관 등과 ‘외국대사관 기술협력 네트워킹의 날’을 가졌다.")
    assert found == ["한불 고위급 대화", "외국대사관 기술협력 네트워킹의 날"]


def test_voucher_schemes_are_programs() -> None:
    assert "수출바우처 사업" in initiatives("중기부는 수출바우처 사업 참여 기업을 모집한다.")
    assert "혁신바우처" in initiatives("혁신바우처를 받은 기업이 늘었다.")
    assert not initiatives("정부는 바우처를 준다.")


def test_a_meeting_named_in_english_loanword_is_an_event() -> None:
    assert "사전호프미팅" in initiatives("관계자들이 앞 뜰에 모여 사전호프미팅을 했습니다.")


@pytest.mark.parametrize("text,name", [
    ("조항을 삭제하는 한편 부담금관리 기본법 제5조를 고친다.", "부담금관리 기본법"),
    ("하나는 삭감이고 나머지 차세대 원전 개발사업은 증액이다.", "차세대 원전 개발사업"),
])
def test_a_connective_noun_does_not_open_a_name(text: str, name: str) -> None:
    assert initiatives(text) == [name]


def test_courts_and_a_dates_day_word_are_no_part_of_a_law() -> None:
    assert not initiatives("이사회 결정이 무효라며 대전지법에 효력 정지를 구했다.")
    assert not initiatives("그는 서울중앙지법에서 재판을 받는다.")
    assert initiatives("장애인복지법, 국민기초생활 보장법을 고친다.") == ["장애인복지법", "국민기초생활 보장법"]
    assert initiatives("2009년 5월 22일 날 국가정보화 기본법에서 정했다.") == ["국가정보화 기본법"]
