"""MINISTRY on real text, issue #20 round 5: diplomatic missions are government bodies, and 정부
that names no acting government ('정부 간 협의체', '정부의 … 정책 방향') is no mention of it. Every
sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,name", [
    ("외교부는 주일한국대사관을 통해 우리 측 입장을 전달했다.", "주일한국대사관"),
    ("주미대사관은 12일 현지 진출 기업 간담회를 열었다.", "주미대사관"),
    ("주베트남 한국대사관은 교민 안전 대책을 발표했다.", "주베트남 한국대사관"),
    ("주상하이총영사관과 KOTRA가 수출 설명회를 개최했다.", "주상하이총영사관"),
    ("이날 회의에는 주한미국대사관 관계자가 참석했다.", "주한미국대사관"),
])
def test_a_diplomatic_mission_is_a_body(text: str, name: str) -> None:
    assert (name, "MINISTRY") in ents(text)


@pytest.mark.parametrize("text", [
    "주요 대사관 관계자들이 행사에 참석했다.",
    "주간 회의에서 영사관 업무를 점검했다.",
])
def test_words_that_open_with_ju_are_no_mission(text: str) -> None:
    assert not [t for t, lab in ents(text) if lab == "MINISTRY"]


@pytest.mark.parametrize("text", [
    "이 포럼은 아시아와 유럽의 정부 간 협의체로 2년마다 열린다.",
    "장관은 새 정부의 산업 정책 방향을 업계에 설명했다.",
])
def test_government_in_general_is_no_body(text: str) -> None:
    assert ("정부", "MINISTRY") not in ents(text)


@pytest.mark.parametrize("text", [
    "정부는 내년 예산안을 다음 달 국회에 제출한다.",
    "정부의 입장은 변함이 없다고 대변인이 밝혔다.",
    "산업부 등 정부의 지원정책을 한자리에서 소개했다.",
])
def test_the_acting_government_stays_a_body(text: str) -> None:
    assert ("정부", "MINISTRY") in ents(text)


@pytest.mark.parametrize("text,name,canonical", [
    ("재확산에 대비해 총리실을 중심으로 부처별 점검 과제를 정한다.", "총리실", "국무조정실"),
    ("장관은 오후 민주평통 지역위원들과 간담회를 갖습니다.", "민주평통", "민주평화통일자문회의"),
])
def test_short_names_of_bodies(text: str, name: str, canonical: str) -> None:
    hits = [e for e in extract(text, D).entities if e.text == name]
    assert hits and hits[0].type == "MINISTRY" and hits[0].canonical == canonical


def test_the_government_asked_for_something_is_a_body() -> None:
    assert ("정부", "MINISTRY") in ents("상인들은 주차장을 늘려 달라고 정부에 건의했다.")


@pytest.mark.parametrize("text,name", [
    ("가을 개편에 맞춰 'KTV 정책매거진' 방영을 30분 앞당긴다.", "KTV 정책매거진"),
    ("'국정 브리핑 플러스' 재방영 시간은 일요일 오전이다.", "국정 브리핑 플러스"),
])
def test_a_quoted_programme_before_its_airing_is_one_initiative(text: str, name: str) -> None:
    found = ents(text)
    assert (name, "INITIATIVE") in found and ("KTV", "MINISTRY") not in found
