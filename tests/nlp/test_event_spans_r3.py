"""INITIATIVE, LOCATION and COMPANY spans of issue #20's round 3 on releases and news: a
meeting's name with '및' between its topics or participants, a year at the head of a work
briefing, mountains, peaks and ridges, rooms and halls of a named building, and companies
listed under a field that names them. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def found(text: str, label: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == label]


@pytest.mark.parametrize("text,name", [
    ("해수부는 12일 지방청 및 유관기관 업무보고를 개최했다.", "지방청 및 유관기관 업무보고"),
    ("이 기관은 2024년 우수 행정 및 정책사례 선발대회에서 대상을 받았다.", "2024년 우수 행정 및 정책사례 선발대회"),
    ("산업부는 배터리 및 소재 업계 간담회를 열었다.", "배터리 및 소재 업계 간담회"),
])
def test_meeting_topics_joined_by_and_are_one_name(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


@pytest.mark.parametrize("text,name", [
    ("장관은 서포터즈 출범 및 업계 간담회를 가졌다.", "업계 간담회"),  # a launch and a meeting: two events
    ("해수부는 어선 안전 점검 및 선주 간담회를 열었다.", "선주 간담회"),
])
def test_an_act_before_and_stays_apart(text: str, name: str) -> None:
    names = found(text, "INITIATIVE")
    assert name in names and not any("및" in n for n in names)


def test_a_year_heads_a_work_briefing() -> None:
    names = found("국토부는 23일 대통령에게 2019년 업무보고를 했다.", "INITIATIVE")
    assert "2019년 업무보고" in names
    # the Assembly's annual audit keeps its year apart, as before
    assert "국정감사" in found("위원회는 2024년도 국정감사 계획서를 채택했다.", "INITIATIVE")


@pytest.mark.parametrize("text,places", [
    ("청장과 직원들이 덕유산 향적봉에서 기념 촬영을 했다.", ["덕유산", "향적봉"]),
    ("공무원들은 백두대간을 따라 걸으며 숲을 살폈다.", ["백두대간"]),
    ("탐방객들은 대관령에서 출발해 용추폭포까지 걸었다.", ["대관령", "용추폭포"]),
])
def test_mountains_peaks_and_ridges_are_places(text: str, places: list[str]) -> None:
    found_places = found(text, "LOCATION")
    assert all(p in found_places for p in places)


@pytest.mark.parametrize("text", [
    "공장은 올해 생산을 두 배로 늘린다.",  # a word in 산 is no mountain
    "대통령령 개정안이 국무회의를 통과했다.",
    "중쇄 카르복실산을 만드는 기술이다.",  # a chemical
])
def test_words_that_end_like_a_mountain_are_no_places(text: str) -> None:
    assert found(text, "LOCATION") == []


@pytest.mark.parametrize("text,venue", [
    ("대통령은 8일 여민관 영상회의실에서 회의를 주재했다.", "여민관 영상회의실"),
    ("회의는 과학기술회관 대회의실에서 열렸다.", "과학기술회관 대회의실"),
    ("대통령은 청와대 영빈관에서 재외공관장들과 만찬을 했다.", "청와대 영빈관"),
])
def test_a_room_or_hall_of_a_named_building_is_one_venue(text: str, venue: str) -> None:
    assert venue in found(text, "LOCATION")


def test_a_briefing_room_leaves_the_building_as_the_place() -> None:
    assert "서울청사" in found("차관은 오후 2시 서울청사 브리핑실에서 브리핑을 한다.", "LOCATION")


@pytest.mark.parametrize("text,companies", [
    ("※ (참여 기업) 한빛나노텍, 다온케미칼텍, 서해파마텍\nㅇ 협약식은 오후에 열렸다.", ["한빛나노텍", "다온케미칼텍", "서해파마텍"]),
    ("참여기업 : 한빛나노텍, 다온케미칼텍", ["한빛나노텍", "다온케미칼텍"]),
    ("** (참여 기관·기업) 산업통상자원부, 한국산업기술진흥원, 한빛나노텍, 서해파마텍", ["한빛나노텍", "서해파마텍"]),
])
def test_companies_listed_under_a_field_that_names_them(text: str, companies: list[str]) -> None:
    found_companies = found(text, "COMPANY")
    assert all(c in found_companies for c in companies)
    assert "한국산업기술진흥원" not in found_companies  # a public body in the same list is no company


def test_a_company_listed_with_a_count_of_business_leaders() -> None:
    text = "이번 간담회에는 4대 그룹과 한빛식품 등 10개 기업인들이 참석했다."
    assert "한빛식품" in found(text, "COMPANY")


@pytest.mark.parametrize("text,name", [
    ("제목 지역을 빛낸 100선 추천 공모 담당부서 행정안전부 지역혁신과 작성일 2019-04-01\n지역을 빛낸 100선 추천 공모를 안내합니다.",
     "지역을 빛낸 100선 추천 공모"),
    ("가. 제목 : 제2회 국민 생활안전 아이디어 공모전\n나. 기간 : 4. 1. ~ 4. 30.", "제2회 국민 생활안전 아이디어 공모전"),
    ("해양수산부, 창립 30주년 기념 섬 생태탐방\n해양수산부는 직원들과 섬을 찾았다.", "창립 30주년 기념 섬 생태탐방"),
])
def test_a_title_field_or_headline_names_its_event_whole(text: str, name: str) -> None:
    assert name in found(text, "INITIATIVE")


def test_the_title_repeated_in_the_body_is_the_same_name() -> None:
    text = "제목 지역을 빛낸 100선 추천 공모 담당부서 행정안전부\n첨부파일 미리보기 지역을 빛낸 100선 추천 공모 □ 응모대상 : 국민 누구나"
    assert found(text, "INITIATIVE").count("지역을 빛낸 100선 추천 공모") == 2


@pytest.mark.parametrize("text,names", [
    ("중기부, 청년 서포터즈 온라인 공간서 발대식\n중기부는 발대식을 열었다.", ["청년 서포터즈", "발대식"]),  # the venue between
    ("산업부, 반도체 수출 역대 최대\n산업부는 실적을 발표했다.", []),  # no event named
])
def test_a_headline_with_two_names_or_none_is_not_widened(text: str, names: list[str]) -> None:
    first_line = [n for n in found(text, "INITIATIVE") if n in text.split("\n")[0]]
    assert all(n in first_line for n in names) and not any(n.startswith(("청년 서포터즈 ", "반도체")) for n in first_line)


def test_a_group_an_agreement_sets_up_is_named_on_its_own_after_it() -> None:
    text = ("해양수산부는 3일 항만 기업들과 '블루 포트 얼라이언스(Blue Port) 업무협약'을 체결했다. "
            "특히 블루 포트 얼라이언스(Blue Port)는 항만 탄소 감축을 이끈다. "
            "해수부는 5월 중 블루 포트 얼라이언스(Blue Port) 공식 출범식을 연다.")
    names = found(text, "INITIATIVE")
    assert "블루 포트 얼라이언스(Blue Port)" in names
    assert "블루 포트 얼라이언스(Blue Port) 공식 출범식" in names


def test_a_quoted_group_before_its_launch_is_named_bare_later() -> None:
    text = "시는 '우리숲 지킴이 네트워크' 출범식을 열었다. 우리숲 지킴이 네트워크에는 12개 단체가 참여한다."
    assert found(text, "INITIATIVE").count("우리숲 지킴이 네트워크") == 2


def test_the_topic_of_an_agreement_is_no_group() -> None:
    text = "산업부는 '탄소중립 산업 전환 협약'을 맺었다. 정부는 탄소중립 산업 전환을 지원한다."
    assert "탄소중립 산업 전환" not in found(text, "INITIATIVE")


def test_a_headline_topic_before_gwanryeon_stays_outside_the_event_name() -> None:
    got = {(e.text, e.type) for e in extract("국토교통부, 안전한 교통 관련 2025년 업무보고\n국토교통부는 3월 4일 업무계획을 보고하였다.",
                                              "2025-03-05").entities}
    assert ("2025년 업무보고", "INITIATIVE") in got
