"""People and bodies of press releases' footers, attendee lists and regional offices (issue #20):
a release's contact footer ('담당자 NAME', '과장 NAME 담당자 사무관 NAME'), names that share
the post after the last ('A, B, C 장관과'), a division head by a fused title ('반도체과장'), a
ministry's regional office ('서울지방국세청', '…지방중소벤처기업청장'). Sentences written for the tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, "2025-03-05").entities]


@pytest.mark.parametrize("text,names", [
    ("부서 홍보담당관 담당자 김하늘 등록일 2025.01.22.", ["김하늘"]),
    ("담당 부서 반도체과 책임자 과장 박서준 담당자 사무관 최지민", ["박서준", "최지민"]),
    ("문의: 산업정책과 주무관 정다은\n", ["정다은"]),
])
def test_names_in_a_release_footer(text: str, names: list[str]) -> None:
    got = ents(text)
    for name in names:
        assert (name, "PERSON") in got


def test_footer_word_without_a_name_is_no_person() -> None:
    assert not [e for e in ents("담당자 교육을 마쳤다.\n") if e[1] == "PERSON"]


def test_names_sharing_the_post_after_the_last() -> None:
    got = ents("간담회에는 이정식, 이상민, 조규홍 장관과 박민수 차관이 참석했다.")
    assert {("이정식", "PERSON"), ("이상민", "PERSON"), ("조규홍", "PERSON")} <= set(got)


def test_division_head_by_a_fused_title() -> None:
    assert ("김철수", "PERSON") in ents('산업부 김철수 반도체과장은 "지원하겠다"고 말했다.')
    assert not [e for e in ents("허위·과장 광고를 단속한다.") if e[1] == "PERSON"]


@pytest.mark.parametrize("text,body", [
    ("서울지방국세청과 부산지방국토관리청이 참여했다.", "서울지방국세청"),
    ("서울지방국세청과 부산지방국토관리청이 참여했다.", "부산지방국토관리청"),
    ("김형영 서울지방중소벤처기업청장 등이 참석했다.", "서울지방중소벤처기업청"),
    ("중기청, 새만금청, 행복청도 참여했다.", "새만금청"),
])
def test_regional_offices_and_short_names(text: str, body: str) -> None:
    assert (body, "MINISTRY") in ents(text)


def test_regional_office_head_is_a_person() -> None:
    assert ("김형영", "PERSON") in ents("김형영 서울지방중소벤처기업청장 등이 참석했다.")


@pytest.mark.parametrize("text,name", [
    ("장관은 토마스 베르그 노르웨이 외교장관과 회담했다.", "토마스 베르그"),
    ("차관은 오후 2시 에릭 라센 덴마크 한반도특사를 면담합니다.", "에릭 라센"),
    ("국장은 마크 데이비스 주한 캐나다 부대사를 만났다.", "마크 데이비스"),
    ("장관은 장관실에서 마이클 윤 주미대사 대리를 면담합니다.", "마이클 윤"),
])
def test_foreign_official_before_country_and_post(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_country_and_post_without_a_name() -> None:
    assert not [e for e in ents("장관은 이날 미국 국무장관과 통화했다.") if e[1] == "PERSON"]
