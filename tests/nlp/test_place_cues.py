"""Places no list names, found by cues that recur in releases and news items (issue #20, round
3c): a foreign city after its country, a named industrial complex, a named facility someone
visits. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,place", [
    ("총리는 베트남 하노이에서 동포 간담회를 열었다.", "하노이"),
    ("장관은 사우디아라비아 리야드에서 투자 포럼을 주재했다.", "리야드"),
    ("대표단은 미국 조지아 주에 있는 배터리 공장을 둘러봤다.", "조지아"),
    ("장관은 인도네시아 수라바야를 방문해 협력을 논의했다.", "수라바야"),
    ("차관은 미국 펜실베이니아 주립대에서 열리는 워크숍에 참석한다.", "펜실베이니아 주립대"),
])
def test_a_city_after_its_country_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("미국 트럼프 대통령은 관세 부과를 발표했다.", "트럼프"),
    ("장관은 일본 도요타 관계자를 만났다.", "도요타"),
    ("독일 올라프 숄츠 총리가 담화를 발표했다.", "올라프"),
    ("회담에는 일본의 라쿠텐과 소프트뱅크가 참여했다.", "라쿠텐"),
    ("외교부는 일본 행정지도에 대한 우리 정부의 입장을 설명했다.", "행정지도"),
])
def test_a_person_or_firm_after_a_country_is_no_place(text: str, word: str) -> None:
    assert (word, "LOCATION") not in ents(text)


@pytest.mark.parametrize("text,place", [
    ("장관은 여수국가산업단지를 찾아 안전 점검을 했다.", "여수국가산업단지"),
    ("차관은 반월산단 입주기업과 간담회를 가졌다.", "반월산단"),
    ("지사는 명지녹산국가산업단지에서 현장 회의를 열었다.", "명지녹산국가산업단지"),
])
def test_a_named_industrial_complex_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_a_complex_without_a_name_is_no_place() -> None:
    assert all(t != "LOCATION" for _w, t in ents("정부는 노후 산업단지 재생을 지원한다."))


@pytest.mark.parametrize("text,place", [
    ("장관은 오후 2시 한반도통일미래센터를 방문한다.", "한반도통일미래센터"),
    ("시장은 국립과천과학관을 찾아 전시를 관람했다.", "국립과천과학관"),
])
def test_a_named_facility_someone_visits_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_a_kind_of_facility_visited_is_no_place() -> None:
    assert all(t != "LOCATION" for _w, t in ents("주민들이 행정복지센터를 방문했다."))


@pytest.mark.parametrize("text,place", [
    ("권한대행은 정부서울청사에서 미주 지역 동포 경제인들을 만났다.", "미주"),
    ("러시아 연해주에서 한러 농업 협력 사업이 진행된다.", "연해주"),
    ("장관은 라틴아메리카 순방을 마치고 귀국했다.", "라틴아메리카"),
])
def test_a_world_region_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,place", [
    ("한탄강과 임진강 유역에 홍수주의보가 내려졌다.", "임진강"),
    ("소양강댐과 팔당댐이 수문을 열었다.", "팔당댐"),
    ("광안대교에서 불꽃 행사가 열렸다.", "광안대교"),
])
def test_a_river_dam_or_bridge_by_name_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,name", [
    ("김대강 씨가 상을 받았다.", "김대강"),
    ("(참석) 노재강 문화체육관광부 제2차관, 김민수 국장", "노재강"),
])
def test_a_person_whose_name_ends_like_a_river_stays_a_person(text: str, name: str) -> None:
    assert (name, "LOCATION") not in ents(text)


@pytest.mark.parametrize("text", [
    "이어서 장관은 오후 1시 국회에서 스웨덴 특사를 면담합니다.",
    "행사는 청와대에서 내일 저녁 6시에 시작됩니다.",
    "대통령은 이틀 동안 청와대에서 기업인들과 대화를 갖습니다.",
])
def test_an_office_named_by_its_building_after_a_time_is_the_venue(text: str) -> None:
    assert {("국회", "LOCATION"), ("청와대", "LOCATION")} & set(ents(text))


@pytest.mark.parametrize("text,body", [
    ("국회에서 법안을 통과시켰다.", "국회"),
    ("청와대에서 이같이 밝혔다.", "청와대"),
])
def test_an_office_acting_stays_a_body(text: str, body: str) -> None:
    assert (body, "MINISTRY") in ents(text)


@pytest.mark.parametrize("text,place", [
    ("장관은 10일(현지시간) 리야드에서 투자장관과 회담했다.", "리야드"),
    ("총리는 9일(현지시간) 타슈켄트에 도착해 일정을 시작했다.", "타슈켄트"),
])
def test_a_city_right_after_the_local_time_is_a_place(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_an_office_in_a_venue_field_is_the_venue() -> None:
    assert ("대통령실", "LOCATION") in ents("새 정부 첫 업무보고 (장소: 오늘 오전, 용산 대통령실)")
