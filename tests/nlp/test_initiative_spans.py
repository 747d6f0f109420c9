"""INITIATIVE spans of issue #20's third recognition round: names with '및' between their
topics, laws named by their purpose ('…을 위한 특별법') and their decrees, versions inside a
name, heads that overlap a shorter head ('업무보고회'), bilateral meetings of countries by
their short names ('한·아세안'), numbered days, a quoted name with a word on its kind before
the head, and plans that are merely discussed. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def initiatives(text: str) -> list[str]:
    return [e.text for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,name", [
    ("산업부는 9일 배터리 산업 경쟁력 강화 및 공급망 안정 방안을 발표했다.", "배터리 산업 경쟁력 강화 및 공급망 안정 방안"),
    ("중기부는 중소기업 및 소상공인 디지털 전환 지원 대책을 내놨다.", "중소기업 및 소상공인 디지털 전환 지원 대책"),
    ("농식품부는 스마트농업 확산 및 청년농 육성 전략을 확정했다.", "스마트농업 확산 및 청년농 육성 전략"),
])
def test_topics_joined_by_and_are_one_name(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text,name", [
    ("해수부는 어촌 현장 점검 및 업무협약 체결을 마쳤다.", "업무협약"),  # an act before '및' is no topic
    ("정부는 에너지 전략 및 이행 계획을 세웠다.", None),  # a name before '및' ('… 전략') is a name of its own
])
def test_and_after_an_act_or_a_name_does_not_join(text: str, name: str | None) -> None:
    found = initiatives(text)
    assert not any("및" in n for n in found)
    if name:
        assert name in found


@pytest.mark.parametrize("text,name", [
    ("국회는 11일 지역 의료격차 해소를 위한 특별법을 통과시켰다.", "지역 의료격차 해소를 위한 특별법"),
    ("정부는 섬 지역 주민 생활 안정을 위한 특별법 시행령을 의결했다.", "섬 지역 주민 생활 안정을 위한 특별법 시행령"),
    ("국무회의는 공공시설 안전관리 등에 관한 특례법 시행령 개정안을 의결했다.", "공공시설 안전관리 등에 관한 특례법 시행령"),
    ("정부는 부처 간 협업 촉진에 관한 법률을 공포했다.", "부처 간 협업 촉진에 관한 법률"),
])
def test_laws_named_by_their_purpose(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_bare_law_for_a_purpose_is_no_name() -> None:
    assert initiatives("청년 주거 지원을 위한 법을 만들겠다고 말했다.") == []


@pytest.mark.parametrize("text,name", [
    ("과기정통부는 디지털 안전 2.0 추진계획을 확정했다.", "디지털 안전 2.0 추진계획"),
    ("강원도는 12일 '2026년도 도정 업무보고회'를 열었다.", "2026년도 도정 업무보고회"),
    ("시는 3일 시정 업무보고회를 열었다.", "시정 업무보고회"),
    ("외교부는 한·아세안 특별정상회의 준비에 들어갔다.", "한·아세안 특별정상회의"),
    ("정부는 다음 달 한·중·일 정상회의를 연다.", "한·중·일 정상회의"),
])
def test_versions_overlapping_heads_and_country_short_names(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_one_syllable_participants_stay_outside() -> None:
    assert not any("대·중소" in n for n in initiatives("대·중소 상생 협력 사업을 추진한다."))


@pytest.mark.parametrize("text,name", [
    ("환경청은 8일 제6회 푸른 바다의 날을 맞아 해변 정화에 나섰다.", "제6회 푸른 바다의 날"),
    ("장관은 제21회 정보보호의 날 기념식에 참석했다.", "제21회 정보보호의 날 기념식"),
])
def test_numbered_days(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_numbered_day_needs_its_day_word() -> None:
    assert initiatives("제3회 바다의 날씨가 맑다.") == []


@pytest.mark.parametrize("text,name", [
    ("환경부는 '우리 마을 줍깅' 온라인 캠페인을 시작한다.", "우리 마을 줍깅"),
    ("도는 '청년의 내일' 특별 강연회를 연다.", "청년의 내일"),
    ("구청이 연 '2025 청년 일자리 네트워킹 데이'가 5일 막을 내렸다.", "2025 청년 일자리 네트워킹 데이"),
])
def test_quoted_names_with_a_word_on_their_kind(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_quoted_product_before_its_programme_is_no_name() -> None:
    assert "한빛" not in initiatives("공사는 중형 헬기 '한빛' 개발 사업을 마쳤다.")


@pytest.mark.parametrize("text", [
    "두 장관은 양국 간 교역 확대 방안을 논의했다.",
    "참석자들은 중소기업 수출 지원 방안 등을 집중 논의했다.",
    "업계는 공급망 다변화 대책을 모색했다.",
])
def test_plans_merely_discussed_are_no_names(text: str) -> None:
    assert initiatives(text) == []


def test_a_numbered_plan_discussed_is_still_a_name() -> None:
    assert "제3차 수출 지원 대책" in initiatives("정부는 제3차 수출 지원 대책을 논의했다.")


@pytest.mark.parametrize("text,name", [
    ("장관은 주한 외국기업 관계자 대상 투자설명회에 참석한다.", "투자설명회"),
    ("시행 근거 청년기본법 개정이 마무리됐다.", "청년기본법"),
])
def test_audience_and_basis_stay_outside(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text,name", [
    ("시는 오는 5일 '청년 장터'를 연다.", "청년 장터"),
    ("도는 3일 '찾아가는 규제 상담소'를 가졌다.", "찾아가는 규제 상담소"),
    ("구는 '골목 한바퀴 걷기'를 진행한다고 밝혔다.", "골목 한바퀴 걷기"),
    ("공단은 '안전한 현장 만들기'를 펼친다.", "안전한 현장 만들기"),
])
def test_quoted_names_held_or_run(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text", [
    "법률가들은 '기소' 행위가 진행됐는지 따졌다.",  # a quoted word, then a subject before the verb
    "그는 '진행자'라는 말을 썼다.",
])
def test_quoted_words_are_no_events(text: str) -> None:
    assert initiatives(text) == []


@pytest.mark.parametrize("text,name", [
    ("총리는 한미동맹 70주년 기념 리셉션에 참석한다.", "한미동맹 70주년 기념 리셉션"),
    ("장관은 해군 호국 음악회를 찾았다.", "해군 호국 음악회"),
    ("정부는 공급망 비상대응반을 꾸렸다.", "공급망 비상대응반"),
])
def test_receptions_concerts_and_task_groups(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text,name", [
    ("시는 2026년 제2회 공공시설 시민개방 단체공모를 다음 달까지 진행한다.", "제2회 공공시설 시민개방 단체공모"),
    ("제7회 대한민국 서예 전람회가 개막했다.", "제7회 대한민국 서예 전람회"),
])
def test_calls_for_entries_exhibitions_and_their_number(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text", [
    "두 사람은 사기를 공모한 혐의를 받는다.",  # the verb: to conspire
    "시는 아이디어 공모를 실시한다.",  # one generic word names no call
])
def test_conspiring_and_generic_calls_are_no_names(text: str) -> None:
    assert initiatives(text) == []


def test_a_footnote_mark_ends_a_name() -> None:
    assert not any("*" in n for n in initiatives("도는 청년 창업 지원* 대국민 아이디어 공모를 실시한다."))


@pytest.mark.parametrize("text,name", [
    ("시장은 12일 취임 1주년 기자회견을 연다.", "취임 1주년 기자회견"),
    ("정부는 한-페루 자유무역협정을 체결했다.", "한-페루 자유무역협정"),
    ("두 정상은 서울공동선언에 서명했다.", "서울공동선언"),
    ("두 차관은 청년 교류 교환각서에 서명한다.", "청년 교류 교환각서"),
    ("장관은 내일 평화선언 5주년 기념행사 토론회에 참석한다.", "평화선언 5주년 기념행사 토론회"),
])
def test_press_conferences_and_agreements(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text,word", [
    ("대리인단은 소장을 낸 뒤 기자회견에서 입장을 밝혔다.", "뒤"),
    ("우리가 신사협정으로서 약속을 지키자.", "신사협정"),
])
def test_time_words_and_figures_of_speech_stay_outside(text: str, word: str) -> None:
    assert not any(word in n for n in initiatives(text))
