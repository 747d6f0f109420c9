"""MINISTRY on real text, issue #20 round 5: diplomatic missions are government bodies, and 정부
that only qualifies a generic noun ('정부 R&D 예산', '정부 간 협의체', '정부의 … 정책 방향') is no
mention of the government. Every sentence is written for these tests."""
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
    "내년 정부 R&D 예산은 모두 25조 원 규모다.",
    "향후 정부 예산안 편성 과정에서 반영할 계획이다.",
    "이 포럼은 아시아와 유럽의 정부 간 협의체로 2년마다 열린다.",
    "장관은 새 정부의 산업 정책 방향을 업계에 설명했다.",
])
def test_government_as_a_modifier_is_no_body(text: str) -> None:
    assert ("정부", "MINISTRY") not in ents(text)


@pytest.mark.parametrize("text", [
    "정부는 내년 예산안을 다음 달 국회에 제출한다.",
    "정부의 입장은 변함이 없다고 대변인이 밝혔다.",
    "산업부 등 정부의 지원정책을 한자리에서 소개했다.",
])
def test_the_acting_government_stays_a_body(text: str) -> None:
    assert ("정부", "MINISTRY") in ents(text)
