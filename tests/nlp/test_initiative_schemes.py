"""INITIATIVE names of issue #20's second recognition round: schemes and charters of a long
name ('…제도', '…헌장'), a broadcaster's reorganisation of its programmes ('개편'), an
event's organising committee, councils whose first noun Kiwi reads as an adverb, an
agreement signed without a name, and a quoted name written again without quotes in the
same document. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def initiatives(text: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,name", [
    ("고용노동부는 내년부터 청년구직활동지원제도를 확대한다.", "청년구직활동지원제도"),
    ("정부는 중소기업 기술 보호 바우처 지원 제도를 새로 도입한다.", "중소기업 기술 보호 바우처 지원 제도"),
    ("환경부는 22일 생활 속 탄소중립 실천 헌장을 선포했다.", "생활 속 탄소중립 실천 헌장"),
])
def test_schemes_and_charters_of_a_long_name(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text", [
    "현행 고용보험 제도를 손질해야 한다는 지적이 나온다.",  # the current system, no scheme's name
    "태풍은 오키나와 제도 남쪽 해상을 지나고 있다.",  # islands
    "시장 관리 관련제도를 보완한다.",
    "정부는 건강보험제도를 유지한다.",  # a short name of a whole system
])
def test_systems_and_islands_are_no_schemes(text: str) -> None:
    assert initiatives(text) == []


def test_a_broadcasters_programme_reorganisation_and_its_later_mentions() -> None:
    text = ("공공채널 ABC는 다음 달 1일 봄철 프로그램 개편을 단행한다. 이번 개편으로 낮 시간 생방송이 늘어난다. "
            "채널의 공익성을 높이는 데 개편의 초점을 맞췄다.")
    assert initiatives(text) == ["봄철 프로그램 개편", "개편", "개편"]


def test_a_reorganisation_of_anything_else_is_no_initiative() -> None:
    assert initiatives("시는 하반기 조직 개편을 마치고 이번 개편 결과를 공개했다.") == []


@pytest.mark.parametrize("text,name", [
    ("2031 세계물포럼 조직위원회는 10일 참가국을 발표했다.", "2031 세계물포럼 조직위원회"),
    ("2034 남해안국제요트대회유치위원회가 출범했다.", "2034 남해안국제요트대회유치위원회"),
])
def test_an_events_organising_or_bidding_committee(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_council_whose_first_noun_kiwi_reads_as_an_adverb() -> None:
    assert "통상추진위원회" in initiatives("본부장은 오늘 통상추진위원회 개최해서 부처들과 대응을 논의했습니다.")


def test_an_agreement_signed_without_a_name_and_its_back_reference() -> None:
    found = initiatives("두 기관은 9일 협약을 체결했다. 이번 협약 체결로 공동 연구가 시작된다.")
    assert found == ["협약", "협약"]


def test_an_agreement_merely_mentioned_is_no_event() -> None:
    assert initiatives("기존 협약에 따라 비용을 나눈다.") == []


def test_a_quoted_name_written_again_without_quotes() -> None:
    text = ("K-작가 전시 지원 계속. 문화재단은 'K-작가 전시 지원'을 올해도 운영한다고 밝혔다. "
            "K-작가 전시 지원은 지난해 40명이 참여했다.")
    assert initiatives(text) == ["K-작가 전시 지원"] * 3


def test_a_quoted_name_inside_a_longer_word_is_not_repeated() -> None:
    text = "재단은 '미래 인재 캠프'를 운영한다. 신규미래 인재 캠프장 조성도 추진한다."
    assert initiatives(text) == ["미래 인재 캠프"]


@pytest.mark.parametrize("text,name", [
    ("공공채널은 오는 3일자 여름철 편성개편을 단행한다.", "여름철 편성개편"),
    ("공공채널이 봄맞이 개편에 나선다.", "봄맞이 개편"),
])
def test_reorganisations_without_the_date_before_them(text: str, name: str) -> None:
    assert initiatives(text) == [name]


@pytest.mark.parametrize("text,name", [
    ("채널은 청년 창업가를 만나는 프로그램 <내일의 창업>을 새로 편성했다.", "내일의 창업"),
    ("저녁에는 생활 정보를 다루는 '살림 백과'를 편성한다.", "살림 백과"),
    ("'우리 동네 이야기'는 매주 일요일 오후 방송된다.", "우리 동네 이야기"),
])
def test_programmes_quoted_with_their_kind_or_their_airing(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_the_kind_before_a_quoted_programme_is_no_name_of_its_own() -> None:
    found = initiatives("생활 뉴스 프로그램 <오늘의 살림>은 매일 아침 방송된다.")
    assert found == ["오늘의 살림"]


def test_a_quoted_phrase_of_common_words_is_not_spread_over_the_document() -> None:
    text = ("잡지는 ‘느린 여행 기록’을 운영한다. 느린 여행 기록은 독자가 보낸 글을 싣는다.")
    assert initiatives(text) == ["느린 여행 기록"]


@pytest.mark.parametrize("text", [
    "이는 '던지기 수법'이 알려지게 된 사건이 되었다.",  # a method, no law
    "여야 원내대표와 유가족의 3자 회동이 결렬됐다.",
])
def test_methods_and_three_party_meetings_keep_their_reading(text: str) -> None:
    found = initiatives(text)
    assert "던지기 수법" not in found and found in ([], ["3자 회동"])


@pytest.mark.parametrize("text,name", [
    ("기상청은 2026년 업무계획을 발표했다.", "2026년 업무계획"),
    ("위원회는 2026년도 시행계획을 의결했다.", "2026년도 시행계획"),
])
def test_the_year_makes_an_annual_plan_a_particular_one(text: str, name: str) -> None:
    assert initiatives(text) == [name]


def test_a_years_investment_plan_stays_generic() -> None:
    assert initiatives("회사의 2026년 투자계획은 아직 없다.") == []


@pytest.mark.parametrize("text,name", [
    ("채널은 정책 대담 프로그램 국정토크(매주 수 오후 8시)를 신설한다.", "국정토크"),
    ("생방송 정책이야기(월~금 오전 9시 30분)에서는 장관이 출연해 정책을 전한다.", "생방송 정책이야기"),
])
def test_programmes_named_with_their_airtime(text: str, name: str) -> None:
    found = initiatives(text)
    assert name in found and "정책 대담 프로그램" not in found


@pytest.mark.parametrize("text", [
    "설명회는 본관 대회의실(매주 화 14시)에서 열린다.",  # a venue's hours, no broadcasting
    "채널은 이제 토요일 26시(일요일 오후 2시)에 방영한다.",  # a time
])
def test_hours_of_venues_and_times_are_no_programmes(text: str) -> None:
    assert [n for n in initiatives(text) if n != "설명회"] == []


def test_a_programme_word_before_a_quantity_keeps_its_name() -> None:
    assert "성폭력 치료 프로그램" in initiatives("법원은 성폭력 치료 프로그램 80시간 이수를 명령했다.")


def test_quoted_names_listed_before_one_with_a_cue_share_it() -> None:
    found = initiatives("채널은 <동네 한 바퀴>, <우리 마을 장터> 등을 신설한다.")
    assert found == ["동네 한 바퀴", "우리 마을 장터"]


def test_a_quoted_subject_before_a_quoted_name_is_no_list() -> None:
    found = initiatives("'미래 교육 모임'이 「학교 안전에 관한 법률(안)」을 발표했다.")
    assert "미래 교육 모임" not in found


def test_a_programme_titled_with_a_sentence_when_it_is_aired() -> None:
    found = initiatives("일요일 아침에는 'KTV 국정대담 시민이 묻고 장관이 답하다'가 방송된다.")
    assert found == ["KTV 국정대담 시민이 묻고 장관이 답하다"]
