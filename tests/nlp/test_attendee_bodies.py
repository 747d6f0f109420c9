"""Three questions of issue #20 (round 3b) settled by the guideline (ingest/nlp/gold/README.md):
an attendee's body takes part with him, a year before a work plan that is reported stays a
date, places joined by '·' open an event's name. Every sentence written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"
P = "PARTICIPATES_IN"


def _extract(text: str):
    return extract(text, D)


def rels(text: str) -> set[tuple[str, str, str]]:
    ex = _extract(text)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in _extract(text).entities]


@pytest.mark.parametrize("text,pairs", [
    # two public corporations' heads: both bodies attend with them ("and so does the company or body")
    ("김철수 한국전력 사장과 이영희 한국가스공사 사장이 간담회에 참석했다.",
     {("김철수", "간담회"), ("한국전력", "간담회"), ("이영희", "간담회"), ("한국가스공사", "간담회")}),
    # two executives after the meeting as topic
    ("이날 간담회에는 김철수 삼성전자 사장과 이영희 LG전자 부사장이 참석했다.",
     {("삼성전자", "간담회"), ("LG전자", "간담회"), ("김철수", "간담회"), ("이영희", "간담회")}),
    # one executive
    ("박민수 현대자동차 대표는 이날 열린 수소 협약식에 참석했다.",
     {("박민수", "수소 협약식"), ("현대자동차", "수소 협약식")}),
])
def test_an_attendee_named_with_his_body_brings_the_body(text: str, pairs: set) -> None:
    assert {(P, a, b) for a, b in pairs} <= rels(text)


def test_a_minister_attends_as_himself() -> None:
    # the real gold: a minister's or governor's ministry does not take part because he attends
    got = rels("안덕근 산업통상자원부 장관과 김철수 삼성전자 사장이 간담회에 참석했다.")
    assert {(P, "안덕근", "간담회"), (P, "김철수", "간담회"), (P, "삼성전자", "간담회")} <= got
    assert (P, "산업통상자원부", "간담회") not in got


def test_a_professor_attends_without_his_university() -> None:
    got = rels("이날 포럼에는 김영수 서울대 교수와 이영희 LG전자 상무가 참석했다.")
    assert {(P, "김영수", "포럼"), (P, "LG전자", "포럼")} <= got
    assert (P, "서울대", "포럼") not in got


def test_a_body_of_someone_merely_mentioned_takes_no_part() -> None:
    got = rels("김철수 삼성전자 사장이 취임한 뒤 간담회가 열렸다.")
    assert (P, "삼성전자", "간담회") not in got
    got = rels("김철수 삼성전자 사장의 제안으로 열린 간담회에는 업계 관계자 20명이 참석했다.")
    assert (P, "삼성전자", "간담회") not in got and (P, "김철수", "간담회") not in got


def test_a_work_plan_reported_is_a_report_and_its_year_a_date() -> None:
    # real gold README (sixth batch): report documents are no initiatives; the briefing is the event
    got = ents("3개 부처는 공동으로 2026년도 업무계획을 국무총리에게 보고하였다.")
    assert ("2026년도", "DATE") in got
    assert not any(t == "INITIATIVE" and "업무계획" in w for w, t in got)


@pytest.mark.parametrize("text,name", [
    ("기상청, 2026년 업무보고 실시", "2026년 업무보고"),  # the briefing with its year: one event
    ("기상청은 2026년 업무계획을 발표했다.", "2026년 업무계획"),  # a plan announced with its year stays one
])
def test_a_year_before_a_briefing_or_announced_plan_stays_in_the_name(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


@pytest.mark.parametrize("text,name", [
    ("장관은 수도권·강원권역 기관장 회의를 주재했다.", "수도권·강원권역 기관장 회의"),
    ("해양수산부, 영남권·호남권 공공기관 업무보고 개최", "영남권·호남권 공공기관 업무보고"),
])
def test_places_joined_by_a_dot_open_an_events_name(text: str, name: str) -> None:
    # the guideline: a name may contain a place; a meeting's name is the whole noun phrase before it
    got = ents(text)
    assert (name, "INITIATIVE") in got
    assert not any(t == "LOCATION" for _w, t in got)


def test_places_joined_by_a_dot_before_other_nouns_stay_places() -> None:
    got = ents("장관은 수도권·충남권역 공공기관을 대상으로 업무보고를 주재했다.")
    assert ("수도권", "LOCATION") in got and ("충남권역", "LOCATION") in got
