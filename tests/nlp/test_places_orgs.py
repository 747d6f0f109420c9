"""Places and organisations that real releases name by the shape of the phrase (issue #20):
a venue after its address, a body named as the venue, a province's short name before a city,
regions with 권/권역, counties by their short name, international organisations, NGOs,
schools, federations and unions. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str, date: str | None = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


@pytest.mark.parametrize("text,venue", [
    ("협회는 다음 달 2일 서울 종로구 국립현대미술관에서 포럼을 연다.", "국립현대미술관"),
    ("학회는 20일 서울 한국프레스센터에서 토론회를 열었다.", "한국프레스센터"),
    ("위원회는 3일 제주 서귀포 칼호텔에서 워크숍을 개최한다.", "칼호텔"),
])
def test_venue_after_its_address(text: str, venue: str) -> None:
    assert (venue, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("축제는 서울 시내에서 열린다.", "시내"),
    ("이 제품은 중국 시장에서 인기가 높다.", "시장"),
    ("차관은 오후 2시 정부서울청사 브리핑실에서 브리핑한다.", "브리핑실"),
])
def test_an_area_or_a_room_after_a_place_is_no_venue(text: str, word: str) -> None:
    assert all(w != word for w, _t in ents(text))


@pytest.mark.parametrize("text,body", [
    ("오후 2시 서울 마포구 근로복지공단에서 현장 간담회가 열린다.", "근로복지공단"),
    ("개소식은 서울 서대문구 세브란스병원에서 예정되어 있다.", "세브란스병원"),
    ("장관은 오전 10시 신라호텔에서 개최되는 포럼에 참석한다.", "신라호텔"),
])
def test_a_body_named_as_the_venue_is_a_place(text: str, body: str) -> None:
    assert (body, "LOCATION") in ents(text)


def test_a_body_that_acts_after_its_address_stays_the_body() -> None:
    found = ents("서울 마포구 근로복지공단에서 발표한 자료에 따르면 신청자가 늘었다.")
    assert ("근로복지공단", "LOCATION") not in found


def test_short_province_before_a_city() -> None:
    assert ("경기", "LOCATION") in ents("장관은 경기 안산의 한 공장을 찾았다.")
    assert all(w != "경기" for w, _t in ents("경기 회복이 늦어지고 있다."))  # 'the economy'


@pytest.mark.parametrize("text,region", [
    ("장관은 수도권·강원권역 기관을 차례로 찾았다.", "강원권역"),  # (before an event's name, places open it: test_attendee_bodies.py)
    ("이번 설명회는 부산권과 대구권 기업을 대상으로 한다.", "부산권"),
])
def test_region_with_kwon(text: str, region: str) -> None:
    assert (region, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,place", [
    ("전남 곡성에서 체험 행사가 열린다.", "곡성"),
    ("주말 사이 충청, 경상 지역에 비가 내렸다.", "충청"),
    ("주말 사이 충청, 경상 지역에 비가 내렸다.", "경상"),
])
def test_counties_and_regions_by_short_name(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,org", [
    ("장관은 유네스코 사무총장과 면담했다.", "유네스코"),
    ("아세안 사무총장이 방한했다.", "아세안"),
    ("국제원자력기구(IAEA)는 보고서를 냈다.", "국제원자력기구"),
    ("경실련과 참여연대는 공동 성명을 냈다.", "경실련"),
    ("교육감은 서울 한빛초등학교를 방문했다.", "한빛초등학교"),
    ("한국자유총연맹 회원들이 참석했다.", "한국자유총연맹"),
    ("전국보건의료산업노동조합은 교섭을 요구했다.", "전국보건의료산업노동조합"),
    ("국립대구박물관은 특별전을 연다.", "국립대구박물관"),
])
def test_organisations(text: str, org: str) -> None:
    assert (org, "ORGANIZATION") in ents(text)


def test_generic_schools_and_unions_are_no_names() -> None:
    found = ents("초등학교와 산별노조, 기업노조 관계자가 참석했다.")
    assert not any(t == "ORGANIZATION" for _w, t in found)


def test_a_hall_with_its_room_after_an_address_is_one_venue() -> None:
    assert ("한국전통문화전당 세미나실", "LOCATION") in ents("설명회는 전주 한국전통문화전당 세미나실에서 진행됐다.")


def test_an_area_word_is_no_venue() -> None:
    assert not any(t == "LOCATION" for _w, t in ents("축제는 호수공원 일원에서 열리고 있다."))


def test_red_cross_is_an_organisation() -> None:
    assert ("대한적십자사", "ORGANIZATION") in ents("대한적십자사는 구호품을 보냈다.")


@pytest.mark.parametrize("text,port", [
    ("차관은 평택항과 목포항을 차례로 찾았다.", "평택항"),
    ("차관은 평택항과 목포항을 차례로 찾았다.", "목포항"),
    ("장관은 김포공항에서 출국했다.", "김포공항"),
])
def test_ports_and_airports_are_places(text: str, port: str) -> None:
    assert (port, "LOCATION") in ents(text)


def test_clauses_and_matters_are_no_ports() -> None:
    assert not any(t == "LOCATION" for _w, t in ents("법 제3조제2항에 따른 주요 사항과 어항 정비를 논의했다."))


def test_an_electoral_district_is_no_venue() -> None:
    assert all(w != "천안을" for w, _t in ents("당은 충남 천안을에서 후보를 냈다."))


def test_a_think_tank_named_after_a_place() -> None:
    found = ents("서울연구원은 보고서를 냈고 김민수 선임연구원이 발표했다.")
    assert ("서울연구원", "ORGANIZATION") in found
    assert not any(w.endswith("선임연구원") for w, _t in found)


def test_a_name_something_is_located_at() -> None:
    assert ("북촌", "LOCATION") in ents("장관은 북촌에 위치한 공방을 찾았다.")
    assert not any(t == "LOCATION" for _w, t in ents("산업단지에 위치한 공장을 점검했다."))
