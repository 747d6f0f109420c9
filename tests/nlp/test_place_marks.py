"""Places by marks that recur in briefings and news items (issue #20, `ingest/nlp/place_marks.py`):
a summit's press centre and briefing room, 미 for the United States, a quarter after its city;
and an office's building as the venue after a relative day. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,name", [
    ("취재진이 모이는 메인프레스센터도 오늘 문을 열었다.", "메인프레스센터"),
    ("총리는 남북정상회담 메인프레스센터를 찾아 준비 상황을 점검했다.", "남북정상회담 메인프레스센터"),
    ("평양정상회담 프레스센터가 개소했다.", "평양정상회담 프레스센터"),
    ("회담이 중계되는 메인 브리핑 룸에는 취재석이 마련됐다.", "메인 브리핑 룸"),
    ("오후 2시 한국프레스센터에서 토론회가 열린다.", "한국프레스센터"),
])
def test_press_centres_and_briefing_rooms_are_venues(text: str, name: str) -> None:
    assert (name, "LOCATION") in ents(text)


@pytest.mark.parametrize("text", [
    "미 국무부는 성명을 냈다.",
    "대표단은 미 워싱턴에서 협의를 이어간다.",
    "미 상공회의소 주최로 간담회가 열렸다.",
])
def test_mi_before_a_place_or_body_is_the_united_states(text: str) -> None:
    assert ("미", "LOCATION") in ents(text)


def test_a_us_body_after_mi_is_a_foreign_body() -> None:
    assert ("국무부", "MINISTRY") in ents("미 국무부는 성명을 냈다.")


@pytest.mark.parametrize("text", [
    "미 신청자는 다음 달까지 신청해야 한다.",
    "한미 정상은 공동성명을 냈다.",
])
def test_other_mi_is_no_place(text: str) -> None:
    assert ("미", "LOCATION") not in ents(text)


@pytest.mark.parametrize("text,name", [
    ("서울 한양도성에 둘러싸인 광장이다.", "한양도성"),
    ("대구 동성로에서 행사가 열렸다.", "동성로"),
    ("서울 수서역으로 가던 열차가 멈췄다.", "수서역"),
])
def test_a_quarter_after_its_city_is_a_place(text: str, name: str) -> None:
    assert (name, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("경기 침체에 대응한다.", "침체"),
    ("서울 시내에서 집회가 열렸다.", "시내"),
    ("전남 나주경찰서에 따르면 신고가 들어왔다.", "나주경찰서"),
    ("충남 천안을에서 후보가 당선됐다.", "천안을"),
])
def test_a_common_word_body_or_district_after_a_city_is_no_quarter(text: str, word: str) -> None:
    assert (word, "LOCATION") not in ents(text)


def test_dongdaemun_design_plaza_by_its_initials() -> None:
    assert ("DDP", "LOCATION") in ents("DDP는 복합문화공간으로 선정됐다.")


def test_the_presidential_office_yesterday_is_where_one_met() -> None:
    assert ("청와대", "LOCATION") in ents("비서관님, 어제 청와대에서 뵙고 오늘 여기서 또 뵙네요.")
