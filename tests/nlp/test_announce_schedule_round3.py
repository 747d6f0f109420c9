"""ANNOUNCES and SCHEDULED_FOR on releases and board pages, round 3 of issue #20: events held
together ('A과 함께 B를 개최'), a board's office in charge, a verbless 'body, event' headline,
and the periods of a call written with a two-digit year. Every sentence was written for these
tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract
from tests.nlp._extract import D, rels, of


def dates(text: str, date: str | None = D) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, date).entities if e.type == "DATE"]


def test_an_event_held_together_with_another_is_held_and_dated_too() -> None:
    got = rels("그 일환으로 산업통상자원부는 오는 4월 중 '반도체 얼라이언스' 출범식과 함께 판교 일대에서 기념 세미나를 개최할 계획이다.")
    assert ("ANNOUNCES", "산업통상자원부", "출범식") in got
    assert ("ANNOUNCES", "산업통상자원부", "기념 세미나") in got
    assert ("SCHEDULED_FOR", "출범식", "오는 4월 중") in got
    assert ("SCHEDULED_FOR", "기념 세미나", "오는 4월 중") in got
    got = rels("환경부는 다음 달 탄소중립 박람회와 함께 국제 포럼을 개최한다.")
    assert {("탄소중립 박람회", "다음 달"), ("국제 포럼", "다음 달")} <= of("SCHEDULED_FOR", "환경부는 다음 달 탄소중립 박람회와 함께 국제 포럼을 개최한다.")


def test_a_date_of_another_clause_does_not_join_events_held_together() -> None:
    got = of("SCHEDULED_FOR", "산업부는 5월 중 포럼과 함께 기업 간담회를 열고, 6월에는 설명회를 개최한다.")
    assert ("기업 간담회", "5월 중") in got and ("설명회", "6월") in got
    assert ("설명회", "5월 중") not in got and ("포럼", "6월") not in got


def test_the_office_in_charge_of_a_board_page_runs_its_call() -> None:
    text = ("제목 2025 청년 정책 아이디어 공모\n담당부서 행정안전부 청년정책과\n작성일 2025-03-04\n"
            "□ 응모대상 : 대한민국 국민 누구나\n□ 응모기간 : ’25. 3. 4.(화) ~ 3. 31.(월)")
    # (whether the title's span keeps the field name '제목' is the entity rules' matter)
    assert any(h == "행정안전부" and t.endswith("2025 청년 정책 아이디어 공모") for h, t in of("ANNOUNCES", text))
    # an office with no body named runs nothing
    assert of("ANNOUNCES", "제목 2025 청년 정책 아이디어 공모\n담당부서 : 청년정책과\n작성일 2025-03-04") == set()


def test_a_verbless_headline_states_the_body_s_event() -> None:
    got = rels("환경부, 2025 탄소중립 박람회\n환경부는 다음 달 코엑스에서 행사를 연다.")
    assert ("ANNOUNCES", "환경부", "2025 탄소중립 박람회") in got
    # with another party in it the headline is an agreement, not the body's own event
    assert ("ANNOUNCES", "산업부", "에너지 포럼") not in rels("[보도자료] 산업부, 한국전력과 에너지 포럼\n내용은 다음과 같다.")
    # a law in a headline may be anyone's act
    assert of("ANNOUNCES", "산업부, 반도체특별법\n내용은 다음과 같다.") == set()


def test_a_period_with_a_two_digit_year_is_dated_and_schedules_the_call() -> None:
    got = dates("□ 응모기간 : ’17. 7. 3.(월) ~ 7. 31.(월)", "2017-07-03")
    assert got == [("17. 7. 3.", "2017-07-03"), ("7. 31.", "2017-07-31")]
    # the end of a range takes the year of its start, not the document's
    assert dates("신청기간: ’19. 3. 4.(월) ~ 3. 15.(금)", "2018-12-20") == [("19. 3. 4.", "2019-03-04"), ("3. 15.", "2019-03-15")]
    assert dates("예고기간: ’25. 1. 22. ~ 2. 11.", "2024-12-30") == [("25. 1. 22. ~ 2. 11.", "2025-01-22/2025-02-11")]
    assert dates("기간 : 2023. 3. 6.(월) ~ 4. 7.(금)", "2022-12-01")[1] == ("4. 7.", "2023-04-07")
    # a section number is no date
    assert dates("1. 추진 배경 10. 1. 2. 세부 과제") == []
    text = "제목 2017 전자정부 아이디어 공모\n□ 응모기간 : ’17. 7. 3.(월) ~ 7. 31.(월)"
    got = {(h.removeprefix("제목 "), t) for h, t in of("SCHEDULED_FOR", text, "2017-07-03")}
    assert {("2017 전자정부 아이디어 공모", "17. 7. 3."), ("2017 전자정부 아이디어 공모", "7. 31.")} <= got


def test_the_period_fields_of_a_notice_schedule_its_event() -> None:
    text = "2025 청년 창업 경진대회 참가자 모집\n○ 행사기간 : 2025. 4. 10.(목) ~ 4. 12.(토)\n○ 모집기간 : 3. 10.(월) ~ 3. 28.(금)"
    assert {("2025 청년 창업 경진대회", d) for d in ("2025. 4. 10.", "4. 12.", "3. 10.", "3. 28.")} <= of("SCHEDULED_FOR", text)


def test_a_day_field_dates_the_event_named_before_it() -> None:
    text = ("이번 주 주요 일정\n산업부는 반도체 업계 간담회를 개최합니다.\n□ 일 시 : 3. 12.(수) 10:00\n"
            "환경부는 탄소중립 포럼을 엽니다.\n□ 일 시 : 3. 14.(금) 14:00")
    got = of("SCHEDULED_FOR", text)
    assert ("반도체 업계 간담회", "3. 12.") in got and ("탄소중립 포럼", "3. 14.") in got
    assert ("반도체 업계 간담회", "3. 14.") not in got


def test_no_schedule_from_a_comment_period_a_deadline_or_a_day_gone_by() -> None:
    assert of("SCHEDULED_FOR", "2025 규제 개선 공모\n가. 예고기간: ’25. 3. 22. ~ 4. 11.\n나. 제출기간 : 3. 20.(목) ~ 3. 31.(월)") == set()
    assert of("SCHEDULED_FOR", "2024 탄소중립 포럼 개최 결과\n□ 일시 : 2025. 2. 27.(목) 14:00") == set()


def test_a_body_that_opens_an_event_holds_it() -> None:
    got = rels("국토교통부는 오는 20일 '스마트시티 엑스포'를 개막한다.")
    assert ("ANNOUNCES", "국토교통부", "스마트시티 엑스포") in got
    assert ("SCHEDULED_FOR", "스마트시티 엑스포", "오는 20일") in got


def test_the_day_an_event_is_held_for_is_the_event_s_not_the_occasion_s_alone() -> None:
    got = of("SCHEDULED_FOR", "환경부는 오는 22일 '세계 물의 날'을 맞아 대구에서 기념행사를 개최한다.")
    assert ("기념행사", "오는 22일") in got


def test_bodies_that_prepare_an_event_hold_it() -> None:
    got = rels("전경련과 대한상공회의소가 준비한 오늘의 포럼은 많은 기업이 참석을 희망했습니다.")
    assert {("ANNOUNCES", "전경련", "포럼"), ("ANNOUNCES", "대한상공회의소", "포럼")} <= got
    assert ("PARTICIPATES_IN", "전경련", "포럼") not in got  # the host does not also take part
    assert ("ANNOUNCES", "문화재청", "가족 문화 행사") in rels("문화재청에서 준비하고 있는 궁과 능의 '가족 문화 행사'를 안내해 드립니다.")
    # a plan being prepared is not held: only events
    assert of("ANNOUNCES", "산업부가 준비 중인 '반도체 지원 방안'은 다음 달 발표된다.") == set()


def test_a_list_of_events_held_on_a_day_are_all_scheduled_for_it() -> None:
    got = of("SCHEDULED_FOR", "장관은 12일 '반도체 수출 점검회의'와 '업계 간담회'를 잇따라 주재한다.")
    assert {("반도체 수출 점검회의", "12일"), ("업계 간담회", "12일")} <= got
    got = of("SCHEDULED_FOR", "산업부는 다음 달 '로봇 포럼', '로봇 전시회', '로봇 경진대회'를 차례로 개최한다.")
    assert {(e, "다음 달") for e in ("로봇 포럼", "로봇 전시회", "로봇 경진대회")} <= got
    # each its own day: no day is shared
    got = of("SCHEDULED_FOR", "환경부는 오는 5일 '탄소중립 설명회'를 개최하고, 12일에는 '기후 포럼'을 연다.")
    assert ("기후 포럼", "오는 5일") not in got and ("탄소중립 설명회", "12일") not in got


def test_a_release_of_the_day_schedules_its_event_and_its_short_name_is_the_event() -> None:
    text = ("특허청은(청장 김완기) 3. 31.(월) 14시 정부대전청사 중회의실에서 ‘2025 지식재산 정책기자단 발대식’"
            "(이하 ‘발대식’)을 갖고 본격 기자단 소통활동에 들어간다.")
    got = rels(text, "2025-03-31")
    assert ("SCHEDULED_FOR", "2025 지식재산 정책기자단 발대식", "3. 31.") in got
    assert ("ANNOUNCES", "특허청", "2025 지식재산 정책기자단 발대식") in got  # '특허청은(청장 …)': the subject
    # reported in the past, it is no schedule
    past = "특허청은 3. 31.(월) 14시 정부대전청사에서 ‘2025 지식재산 정책기자단 발대식’을 갖고 본격 활동에 들어갔다."
    assert of("SCHEDULED_FOR", past, "2025-03-31") == set()
    assert ("탄소중립 간담회", "오늘") in of("SCHEDULED_FOR", "환경부는 오늘 '탄소중립 간담회'를 열고 업계 의견을 듣는다.")
    assert of("SCHEDULED_FOR", "환경부는 오늘 '탄소중립 간담회'를 열고 업계 의견을 들었다.") == set()


def test_a_headline_names_its_event_by_a_quoted_name_and_a_class_noun() -> None:
    got = rels("한국관광공사, ‘전통시장 가는 날’ 행사 진행\n한국관광공사는 이번 주말 전통시장을 찾는 행사를 연다.")
    assert ("ANNOUNCES", "한국관광공사", "전통시장 가는 날") in got
