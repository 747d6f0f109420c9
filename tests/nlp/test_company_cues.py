"""Small firms no list knows, named by cues that recur in releases and broadcast items (issue #20,
`ingest/nlp/company_cues.py`): a business kind before a quoted name, the first of a counted
group of firms, a firm's name ending in its trade, the body of a caption's head. The sentences
and firm names are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,name", [
    ("중기부는 모바일 게임사 '달빛스튜디오'와 협약을 맺었다.", "달빛스튜디오"),
    ("이날 행사에는 스타트업 ‘그린웨이브’의 박민수 대표가 참석했다.", "그린웨이브"),
    ("장관은 부품업체인 “세온정밀”을 찾아 생산라인을 둘러봤다.", "세온정밀"),
])
def test_firm_quoted_after_its_kind(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("중소기업 '수출바우처' 지원을 늘린다.", "수출바우처"),
    ("참여 기업 '밸류업' 프로그램을 운영한다.", "밸류업"),
])
def test_quoted_programme_after_a_kind_is_no_firm(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


def test_first_of_a_counted_group_of_firms() -> None:
    assert ("한울금형", "COMPANY") in ents("한울금형을 비롯한 15개사가 간담회에 참석했다.")


def test_body_leading_a_group_keeps_its_type() -> None:
    assert ("산업통상자원부", "COMPANY") not in ents("산업통상자원부를 비롯한 5개 기관이 참여했다.")


@pytest.mark.parametrize("text,name", [
    ("이날 방문한 해든솔루션은 배터리 부품을 만든다.", "해든솔루션"),
    ("차관은 조선기자재를 만드는 동방엔텍을 찾았다.", "동방엔텍"),
])
def test_firm_named_with_its_trade(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("연구진은 분자기계를 처음 개발했다.", "분자기계"),
    ("공장에 산업기계를 새로 들였다.", "산업기계"),
    ("기업들은 스마트솔루션 도입을 늘렸다.", "스마트솔루션"),
])
def test_common_word_before_a_trade_is_no_firm(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


def test_caption_names_the_speakers_firm() -> None:
    found = ents("녹취> 박진우 / 누리웨어 대표\n\"수출 길이 열렸습니다.\"")
    assert ("박진우", "PERSON") in found and ("누리웨어", "COMPANY") in found
    assert ("누리웨어", "PERSON") not in found


def test_caption_of_an_association_head_is_no_firm() -> None:
    found = ents("인터뷰> 정다은 / 골목상인연합회 대표\n\"도움이 됩니다.\"")
    assert ("골목상인연합회", "COMPANY") not in found


@pytest.mark.parametrize("text,name", [
    ("이날 간담회에는 다온케어 등 10개사 대표가 참여했다.", "다온케어"),
])
def test_first_of_firms_counted_with_deung(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("반도체 등 3개 기업이 참여했다.", "반도체"),
    ("관계부처 등 20개 기관이 모였다.", "관계부처"),
])
def test_a_field_counted_with_firms_is_no_firm(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


@pytest.mark.parametrize("text,name", [
    ("진흥원은 주관사 바른비즈와 협약을 맺었다.", "바른비즈"),
    ("시공사인 대림건업과 시행사 한결디앤씨가 참석했다.", "대림건업"),
    ("시공사인 대림건업과 시행사 한결디앤씨가 참석했다.", "한결디앤씨"),
])
def test_firm_after_its_role_in_a_deal(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


def test_role_before_a_common_word_is_no_firm() -> None:
    found = ents("정부는 운영사 선정 절차를 마쳤다.")
    assert not [n for n, t in found if t == "COMPANY"]


def test_quoted_shop_of_a_small_business() -> None:
    assert ("달빛베이커리", "COMPANY") in ents("청장은 이날 소상공인 '달빛베이커리'를 찾아 격려했다.")


def test_quoted_programme_for_small_businesses_is_no_firm() -> None:
    assert ("재기패키지", "COMPANY") not in ents("정부는 소상공인 '재기패키지'를 새로 내놨다.")


def test_caption_of_a_group_chairman_names_the_firm() -> None:
    assert ("누리그룹", "COMPANY") in ents("녹취> 김한별 / 누리그룹 회장\n\"투자를 늘리겠습니다.\"")


def test_caption_of_a_merchants_council_is_no_firm() -> None:
    assert ("중앙시장상인회", "COMPANY") not in ents("인터뷰> 이정미 / 중앙시장상인회 회장\n\"손님이 늘었습니다.\"")


@pytest.mark.parametrize("text,name", [
    ("바이오 분야에서는 모더나와 바이오젠이 참석했다.", "모더나"),
    ("이날 포럼에는 화이자와 노바티스가 함께했다.", "노바티스"),
])
def test_widely_known_foreign_firms(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


def test_firms_joined_by_hyphens_stay_apart() -> None:
    found = ents("과학관-㈜한빛페인트-누리튠㈜-㈜볼텍스 업무협약 체결")
    assert ("누리튠㈜", "COMPANY") in found and ("㈜한빛페인트", "COMPANY") in found
    assert not [n for n, t in found if "-" in n]
