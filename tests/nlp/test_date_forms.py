"""Date forms of releases and news that the sentence grammar missed (issue #20, round 4): a
plan's period in brackets ('(2025~2029)'), a day in brackets ('(9.14)'), two-digit year and
month ranges ('(’25.3.~’26.2.)'), a dotted day with 일 ('1.19일(화)'), a day 'as of'
('3월 1일자로'), '내년도', '다음 달 24∼30일', '오늘 낮', '25년 예산'; and the
numbers that look like them and are none (scores, rates, versions, sections, articles,
ratios, counts). The sentences are written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

DOC_DATE = "2025-03-05"


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in extract(text, DOC_DATE).entities if e.type == "DATE"]


def schedules(text: str) -> list[tuple[str, str]]:
    ex = extract(text, DOC_DATE)
    return [(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "SCHEDULED_FOR"]


def test_a_plan_s_period_in_brackets_is_its_date() -> None:
    text = "산업부는 제2차 수소경제 이행 기본계획(2025~2029)을 올해 말 발표한다."
    assert ("2025~2029", "2025/2029") in dates(text)
    assert ("제2차 수소경제 이행 기본계획", "2025~2029") in schedules(text)


def test_a_plan_s_short_years_in_brackets() -> None:
    text = "정부는 제3차 녹색성장 기본계획(’23~’27)을 확정했다."
    assert dates(text) == [("23~’27", "2023/2027")]
    assert ("제3차 녹색성장 기본계획", "23~’27") in schedules(text)
    assert dates("기본계획(’23년~’27년)을 수립한다.") == [("23년~’27년", "2023/2027")]


def test_a_day_in_brackets_after_a_quoted_name() -> None:
    text = "축제는 ‘청년의날 기념식’(9.14)과 ‘청년주간행사’(9.16~9.20)로 구성된다."
    assert dates(text) == [("9.14", "2025-09-14"), ("9.16~9.20", "2025-09-16/2025-09-20")]
    assert ("청년의날 기념식", "9.14") in schedules(text)


def test_two_digit_year_months_in_brackets_schedule_the_programme() -> None:
    text = "청년 일경험 사업(’25.3.~’26.2.)에 참여할 기업을 모집한다."
    assert dates(text) == [("25.3.~’26.2.", "2025-03/2026-02")]
    assert ("청년 일경험 사업", "25.3.~’26.2.") in schedules(text)


def test_a_range_of_days_with_short_years_is_one_span() -> None:
    assert dates("○ 신청기간: ’25.3.4.~’25.3.20.") == [("25.3.4.~’25.3.20.", "2025-03-04/2025-03-20")]
    assert dates("○ 신청기간: ’25.3.4.~3.20.") == [("25.3.4.~3.20.", "2025-03-04/2025-03-20")]


def test_a_dotted_day_with_il_and_its_weekday() -> None:
    assert dates("중기부는 1.19일(화) 소상공인 간담회를 개최한다.") == [("1.19일", "2025-01-19")]


def test_a_day_as_of() -> None:
    assert dates("김철수 국장은 3월 1일자로 기획조정실장에 임명됐다.") == [("3월 1일", "2025-03-01")]
    assert dates("방송원은 6일자 봄철 편성개편을 단행한다.") == [("6일", "2025-03-06")]


def test_next_year_as_one_word_and_a_two_digit_budget_year() -> None:
    assert dates("곧 있을 내년도 예산안 심의에서 논의하겠습니다.") == [("내년도", "2026")]
    assert dates("R&D 시스템 개편 및 25년 예산 배분 방향입니다.") == [("25년", "2025")]
    assert dates("그는 25년 동안 근무했다.") == []


def test_a_day_range_of_next_month() -> None:
    assert dates("제안서는 다음 달 24∼30일 온라인으로 받는다.") == [("다음 달 24∼30일", "2025-04-24/2025-04-30")]


def test_today_at_noon_is_one_date_but_not_with_its_hour() -> None:
    assert dates("장관과 총리는 오늘 낮 청와대에서 회동했다.") == [("오늘 낮", DOC_DATE)]
    assert dates("태풍은 어제 낮 남부지방에 상륙했다.") == [("어제 낮", "2025-03-04")]
    found = [(e.text, e.type) for e in extract("오늘 낮 12시 간담회가 열린다.", DOC_DATE).entities if e.type in ("DATE", "TIME")]
    assert found == [("오늘", "DATE"), ("낮 12시", "TIME")]


def test_numbers_that_look_like_these_dates_are_none() -> None:
    assert dates("올해 성장률 전망(2.1)을 낮췄고 평점(4.5)과 지수(3.7)도 내렸다.") == [("올해", "2025")]
    assert dates("시행령 제3.1조와 3.7절에 따르면 비율은 2:1, 증가율은 3.7%이다.") == []
    assert dates("AI 자율제조 전략(2.1)을 배포했다. 문의는 (02)2100-1234로 하면 된다.") == []
    assert dates("참가 기업(2000~2500곳)을 모집한다.") == []
    assert dates("개편으로 1일 6시간 생방송을 하고 1일 평균 300명이 본다.") == []
    assert dates("방송은 1일 오후 3시에 시작한다.") == [("1일", "2025-03-01")]


def test_this_day_is_the_day_the_text_last_named() -> None:
    text = "고용노동부는 24일 청년고용 네트워크 발대식을 열었다. 이날 발대식에서는 협약을 맺었다."
    assert dates(text) == [("24일", "2025-02-24"), ("이날", "2025-02-24")]
    assert dates("장관은 이날 현장을 찾았다.") == [("이날", DOC_DATE)]
    assert dates("1월 16일 개봉한 영화가 오늘 관객 천만을 넘었다. 이날 오전 집계에서였다.")[-1] == ("이날", DOC_DATE)


def test_a_relative_date_followed_by_its_day_has_the_day_s_value() -> None:
    assert dates("다음 주 13일에 보도자료를 배포한다.") == [("다음 주", "2025-03-13"), ("13일", "2025-03-13")]
    assert dates("내일 3월 6일 회의가 열린다.") == [("내일", "2025-03-06"), ("3월 6일", "2025-03-06")]


def test_an_ordinal_weekday_rule_and_the_month_after_another_date_are_no_dates() -> None:
    assert dates("청년의날(9월 세번째 토요일)을 맞아 행사를 연다.") == []
    assert dates("매년 5월 셋째 월요일은 성년의 날이다.") == []
    assert dates("우수작을 뽑아 그 다음달 둘째주 월요일에 게재한다.") == []
    assert [t for t, _v in dates("다음 달 월요일에 게재한다.")] == ["다음 달", "월요일"]


def test_the_day_in_brackets_after_a_relative_date_is_scheduled_with_it() -> None:
    assert set(schedules("정책 보고대회가 내일(6일) 오후 청와대에서 열립니다.")) == {("정책 보고대회", "내일"), ("정책 보고대회", "6일")}
    assert schedules("중기부는 오늘(5일) 방역물품 기술개발 사업을 실시한다고 밝혔다.") == []
