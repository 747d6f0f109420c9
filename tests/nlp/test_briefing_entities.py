"""Entities of weekly briefings and agency releases (issue #20, fifth batch): the weeks a
briefing speaks of. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.dates import normalize, normalize_time
from ingest.nlp.pipeline import extract

MONDAY = "2023-10-16"


def dates(text: str, date: str = MONDAY) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, date).entities if e.type == "DATE"]


@pytest.mark.parametrize("text,span,value", [
    ("먼저, 이번 주 주요 일정입니다.", "이번 주", "2023-10-16/2023-10-22"),
    ("이번 주에는 보도자료 7건을 배포합니다.", "이번 주", "2023-10-16/2023-10-22"),
    ("금주 보도계획은 모두 12건입니다.", "금주", "2023-10-16/2023-10-22"),
    ("지난주에도 현안이 많았습니다.", "지난주", "2023-10-09/2023-10-15"),
    ("다음 주부터 접수를 시작합니다.", "다음 주", "2023-10-23/2023-10-29"),
    ("지난 주말 남부 지방에 비가 내렸습니다.", "지난 주말", "2023-10-14/2023-10-15"),
    ("10월 셋째 주 홍보계획을 말씀드리겠습니다.", "10월 셋째 주", "2023-10-09/2023-10-15"),
    ("10월 마지막 주이자 11월 첫째 주 브리핑입니다.", "10월 마지막 주", "2023-10-30/2023-11-05"),
    ("10월 마지막 주이자 11월 첫째 주 브리핑입니다.", "11월 첫째 주", "2023-10-30/2023-11-05"),
])
def test_weeks_of_a_briefing(text: str, span: str, value: str) -> None:
    assert (span, value) in dates(text)


@pytest.mark.parametrize("text,word", [
    ("이번 주제는 청년 일자리입니다.", "이번 주"),
    ("금주 구역을 늘리기로 했습니다.", "금주"),
    ("금주 교육을 받은 사람은 30명입니다.", "금주"),
])
def test_words_that_only_look_like_weeks(text: str, word: str) -> None:
    assert not [d for d in dates(text) if d[0].startswith(word)]


def test_weeks_of_a_month_are_the_rows_of_its_calendar() -> None:
    # October 2023 begins on a Sunday: its first week is the row that holds that Sunday
    assert normalize("10월 첫째 주", MONDAY) == "2023-09-25/2023-10-01"
    assert normalize("2월 여섯째 주", "2023-02-01") is None


def test_weekday_of_this_week_stays_one_day() -> None:
    assert ("이번 주 목요일", "2023-10-19") in dates("이번 주 목요일 회의에 상정합니다.")


@pytest.mark.parametrize("expr,value", [
    ("1시 30분", "13:30"), ("3시", "15:00"), ("6시", "18:00"), ("새벽 2시", "02:00"), ("오전 6시", "06:00"),
    ("9시", "09:00"), ("11시", "11:00"),
])
def test_bare_hours_of_a_working_day(expr: str, value: str) -> None:
    assert normalize_time(expr) == value


def ents(text: str, date: str = MONDAY) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


@pytest.mark.parametrize("text,place", [
    ("차관은 오후 2시 국립해양교육원에서 수료식에 참석합니다.", "국립해양교육원"),
    ("장관은 오후 3시 안중근기념관에서 청년들을 만납니다.", "안중근기념관"),
    ("장관은 파주 봉수단에서 개최되는 추모제에 참석합니다.", "봉수단"),
    ("오전 10시 평화협력본부 대회의실에서 회의를 주재합니다.", "평화협력본부 대회의실"),
    ("오전 10시 외교부 5층 대회의실에서 협의회를 엽니다.", "외교부 5층 대회의실"),
    ("차관은 마포구 소재 복지시설을 방문합니다.", "마포구"),
])
def test_places_of_scheduled_events(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("장관은 오후 2시 장관실에서 대사를 면담합니다.", "장관실"),
    ("행사는 오후 7시 시청 인근 식당에서 열립니다.", "식당"),
    ("작년과 같은 장소에서 개최된 회의였다.", "장소"),
    ("차관은 오전 10시 국무회의에서 안건을 설명합니다.", "국무회의"),
])
def test_rooms_and_meetings_are_no_named_places(text: str, word: str) -> None:
    assert (word, "LOCATION") not in ents(text)


@pytest.mark.parametrize("text,names", [
    ("차관은 오후 서울에서 호세 마리아 가르시아(José Maria Garcia) 칠레 외교차관과 회담합니다.",
     ["호세 마리아 가르시아", "José Maria Garcia"]),
    ("장관은 아흐메드 카림(Ahmed Karim) 요르단 외교장관을 예방합니다.", ["아흐메드 카림", "Ahmed Karim"]),
])
def test_foreign_names_with_their_own_spelling(text: str, names: list[str]) -> None:
    assert all((n, "PERSON") in ents(text) for n in names)


def test_a_company_with_its_english_name_is_no_person() -> None:
    assert not [e for e in ents("대한항공(Korean Air) 사장이 말했다.") if e[1] == "PERSON"]


@pytest.mark.parametrize("text,name", [
    ("국립농업과학원 홍보팀 김민준 연구관입니다.", "김민준"),
    ("2023.05.08 이서연 신문홍보팀장", "이서연"),
])
def test_researchers_and_team_heads_of_agencies(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_countries_beyond_the_largest() -> None:
    found = ents("장관은 방글라데시와 스리랑카, 에콰도르를 차례로 방문합니다.")
    assert {("방글라데시", "LOCATION"), ("스리랑카", "LOCATION"), ("에콰도르", "LOCATION")} <= set(found)


@pytest.mark.parametrize("text,name", [
    ("차관은 제3차 한-페루 정책협의회를 주재합니다.", "제3차 한-페루 정책협의회"),
    ("제2차 한-베트남-라오스 협력회의가 열렸다.", "제2차 한-베트남-라오스 협력회의"),
])
def test_a_country_in_a_bilateral_meeting_name_stays_in_it(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


@pytest.mark.parametrize("text,span,value", [
    ("장관 직무대행은 10.17(화) 산하기관 업무보고를 주재했다.", "10.17", "2023-10-17"),
    ("관련 법 개정 완료(9.5.개정 / 12.1.시행)", "12.1.", "2023-12-01"),
    ("접수: 10.23.~11.3. / 심사: 11.10.", "10.23.~11.3.", "2023-10-23/2023-11-03"),
    ("접수: 10.23.~11.3. / 심사: 11.10.", "11.10.", "2023-11-10"),
    ("현장 점검 및 협약 체결(23.10.12.)", "23.10.12.", "2023-10-12"),
    ("공지 작성일2023/10/16/ 작성자 총무과", "2023/10/16", "2023-10-16"),
])
def test_short_dates_of_notices(text: str, span: str, value: str) -> None:
    assert (span, value) in dates(text)


@pytest.mark.parametrize("text", ["지난 분기 성장률은 2.6. 물가는 더 낮다.", "1.3. 추진 배경", "수위는 0.67m 수준이다."])
def test_decimals_and_section_numbers_are_no_dates(text: str) -> None:
    assert dates(text) == []


@pytest.mark.parametrize("text,span,date,value", [
    ("장관은 설 명절을 앞두고 복지시설을 찾습니다.", "설 명절", "2024-02-05", "2024-02-09/2024-02-12"),
    ("차관은 설 명절을 맞아 전통시장을 방문합니다.", "설 명절", "2025-01-20", "2025-01-28/2025-01-30"),
    ("이어지는 추석 연휴 기간에도 응급실은 문을 엽니다.", "추석 연휴", "2016-09-12", "2016-09-14/2016-09-18"),
    ("추석 당일인 15일에도 진료합니다.", "추석 당일", "2016-09-12", "2016-09-15"),
    ("이번 추석에도 약국이 문을 엽니다.", "이번 추석", "2016-09-12", "2016-09-15"),
    ("5월 5일 어린이날을 맞아 궁궐을 개방합니다.", "어린이날", "2019-04-25", "2019-05-05"),
    ("올여름 기온이 평년보다 높겠습니다.", "올여름", "2022-06-13", "2022-06/2022-08"),
    ("올겨울은 예년보다 춥겠습니다.", "올겨울", "2022-12-19", "2022-12/2023-02"),
])
def test_named_holidays_and_seasons(text: str, span: str, date: str, value: str) -> None:
    assert (span, value) in dates(text, date)


def test_bare_seol_is_no_holiday() -> None:
    assert dates("세계 5대 수출 대국으로 우뚝 설 수 있도록 힘을 모읍니다.", "2024-02-05") == []


@pytest.mark.parametrize("text,name", [
    ("장관은 2024년도 정책자문위원회 전체회의에 참석합니다.", "2024년도 정책자문위원회 전체회의"),
    ("목요일에 2023년 9월 고용동향 발표 브리핑이 있습니다.", "2023년 9월 고용동향 발표 브리핑"),
    ("장관은 2025 한반도 평화 포럼에 축사를 보냅니다.", "2025 한반도 평화 포럼"),
])
def test_a_year_at_the_head_of_an_event_name_is_part_of_it(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


@pytest.mark.parametrize("text,date", [
    ("2024년도 국정감사를 실시합니다.", "2024년도"),
    ("2019년 제3기 정책협의회가 출범했다.", "2019년"),
])
def test_annual_and_numbered_sittings_keep_their_year_apart(text: str, date: str) -> None:
    assert (date, "DATE") in ents(text)


def test_bodies_joined_by_a_middle_dot_are_each_a_body() -> None:
    found = ents("* 한국해양진흥공사·한국수산자원공단·한국해운협회(서울)")
    assert ("한국수산자원공단", "MINISTRY") in found and ("한국해운협회", "ORGANIZATION") in found


def test_this_morning_is_one_date_and_its_hour_a_time() -> None:
    found = extract("수위는 오늘 아침 7시 기준으로 0.5m입니다.", MONDAY).entities
    assert [(e.text, e.type, e.value) for e in found if e.type in ("DATE", "TIME")] == \
        [("오늘 아침", "DATE", "2023-10-16"), ("7시", "TIME", "07:00")]


@pytest.mark.parametrize("text,name", [
    ("장관은 파주에서 개최되는 제12회 실향민 경모제에 참석합니다.", "제12회 실향민 경모제"),
    ("차관은 오후 2시 청년정책과정 입교식에 참석하여 축사를 합니다.", "청년정책과정 입교식"),
    ("장관은 원로들과 신년 특별 좌담회를 갖습니다.", "신년 특별 좌담회"),
    ("신품종 사과의 현장 평가회를 개최합니다.", "현장 평가회"),
])
def test_events_of_briefing_schedules(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("장관은 오전 10시 장관실에서 대사를 면담합니다.", "면담"),
    ("과장이 11시 브리핑할 예정입니다.", "브리핑"),
    ("위원회가 권한을 제대로 행사하지 않았다.", "행사"),
])
def test_a_meeting_word_used_as_a_verb_is_no_event(text: str, word: str) -> None:
    assert (word, "INITIATIVE") not in ents(text)


def test_a_meeting_word_as_a_noun_stays_an_event() -> None:
    assert ("면담", "INITIATIVE") in ents("장관은 대사와 면담을 가졌습니다.")


@pytest.mark.parametrize("text,name", [
    ("장관은 신문사 창간 60주년 기념식에 참석합니다.", "창간 60주년 기념식"),
    ("장관은 30주년 기념식에 참석했다.", "30주년 기념식"),
])
def test_an_anniversary_belongs_to_its_ceremony(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)
