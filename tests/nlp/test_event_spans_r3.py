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
    ("환경부는 자문단 위촉식 및 제1차 회의를 열었다.", "제1차 회의"),
])
def test_an_act_or_ceremony_before_and_stays_apart(text: str, name: str) -> None:
    names = found(text, "INITIATIVE")
    assert name in names and not any("및" in n for n in names)


def test_a_year_heads_a_work_briefing() -> None:
    names = found("국토부는 23일 대통령에게 2019년 업무보고를 했다.", "INITIATIVE")
    assert "2019년 업무보고" in names
    # the Assembly's annual audit keeps its year apart, as before
    assert "국정감사" in found("위원회는 2024년도 국정감사 계획서를 채택했다.", "INITIATIVE")
