"""ANNOUNCES and SCHEDULED_FOR on text the rules were not written on (issue #20, second
round): who acts when the nearest body is not the subject, and which dates belong to an
event; every sentence written for these tests."""
from __future__ import annotations

from tests.nlp._extract import D, rels


def announced(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(h, t) for kind, h, t in rels(text, date) if kind == "ANNOUNCES"}


def test_a_body_asked_funding_or_owning_does_not_announce() -> None:
    # asked to prepare it (에 … 요청): the plan is not yet the ministry's announcement
    assert announced("국무조정실장은 행정안전부에 재난 대응 개선 방안을 이달 중 마련해 보고할 것을 요청했다.") == set()
    # the bills under a ministry's jurisdiction are passed by the committee thanked
    assert announced("오늘 국토교통부 소관 법률안인 주택법 개정안을 심의 의결해 주셔서 감사드립니다.") == set()
    # the ministry funds the programme the speaker runs
    assert announced("작년부터 문화체육관광부의 지원을 받아 지역 문화 바우처 사업을 운영하고 있습니다.") == set()


def test_a_body_marked_after_brackets_through_its_head_or_in_a_headline_announces() -> None:
    assert ("환경부", "탄소중립 실천 캠페인") in announced("환경부(장관 김완섭)는 다음 달 탄소중립 실천 캠페인을 시행한다.")
    got = announced("농림축산식품부(장관 송미령, 이하 농식품부)는 3월 5일 「2025년 농업인 안전교육」을 개최했다.")
    assert {("농식품부", "2025년 농업인 안전교육"), ("농림축산식품부", "2025년 농업인 안전교육")} & got  # one body
    assert ("기획재정부", "청년 창업 지원 프로그램") in announced("최상목 기획재정부 장관은 청년 창업 지원 프로그램을 만든다고 밝혔다.")
    assert ("해양수산부", "제3회 바다의 날 기념식") in announced("해양수산부, 제3회 바다의 날 기념식 개최")
    assert ("국가보훈부", "제3회 호국 음악회") in announced("대한민국 국가보훈부, 제3회 호국 음악회 개최")
    # the body's own unit is the subject
    assert ("법무부", "외국인 자진신고센터") in announced(
        "대한민국 법무부 출입국·외국인정책본부는 다음 달부터 ‘외국인 자진신고센터’를 운영한다고 밝혔다.")


def schedules(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(h, t) for kind, h, t in rels(text, date) if kind == "SCHEDULED_FOR"}


def test_the_verb_that_describes_an_event_dates_it_whatever_the_main_clause_says() -> None:
    assert ("제5차 세계한인경제 대회", "다음 달") in schedules(
        "장관은 다음 달 부산에서 열리는 '제5차 세계한인경제 대회'에 관심을 가져 달라고 당부했다.")
    got = schedules("대통령은 3.27.(월)~3.31.(금)간 진행되는 재외공관장 회의에 참석 중인 공관장들을 초청했다.", "2025-03-27")
    assert {("재외공관장 회의", "3.27."), ("재외공관장 회의", "3.31.")} <= got
    # a day already over, or a past verb, dates no event to come
    assert schedules("지난 5일 열린 수출 점검회의에서 장관은 이같이 말했다.") == set()


def test_a_body_with_its_head_in_brackets_holds_and_hosts() -> None:
    assert ("한국방송협회", "디지털방송 박람회") in announced(
        "한국방송협회(회장 김철수)가 주최하는 디지털방송 박람회에서는 신기술 전시가 14일까지 이어진다.")
    assert ("금융위원회", "임시회의") in announced("금융위원회(위원장 이영수)는 오늘 임시회의를 열고 영업정지를 의결했다.")
    # a short name in brackets: the body is still the subject
    assert {("대한상의", "경제인 신년 간담회"), ("대한상공회의소", "경제인 신년 간담회")} & announced(
        "대한상공회의소(대한상의)는 4월 15일 서울에서 ‘경제인 신년 간담회’를 열었다.")


def test_a_body_marked_with_e_seo_after_the_topic_is_the_venue() -> None:
    assert announced("‘탄소중립 실천 협의회’는 오는 17일 환경부에서 제2차 전체회의를 개최한다.") == set()
    # after a time word it is still who runs it
    assert ("환경부", "탄소중립 실천 캠페인") in announced("올해는 환경부에서 탄소중립 실천 캠페인을 추진한다.")


def test_a_body_that_starts_a_programme_runs_it_but_an_event_that_starts_is_no_one_s() -> None:
    assert ("환경부", "탄소중립 실천 캠페인") in announced("환경부는 다음 달부터 탄소중립 실천 캠페인을 시작한다.")
    assert announced("산업통상자원부 간담회는 오후 2시에 시작했다.") == set()
