"""Weekly briefing schedules: each item's day, also for items that go on with the day
before, and the officer who gives the briefing (issue #20, the fifth batch's genre);
every sentence written for these tests."""
from __future__ import annotations

from tests.nlp._extract import D, rels


WEEK = ("기획부 정례브리핑\n2025.03.03 홍길순 대변인\n안녕하십니까? 기획부 정례브리핑을 시작하겠습니다.\n"
        "먼저 이번 주 장관 일정입니다.\n"
        "장관은 3월 6일 목요일 오전 10시 정부서울청사에서 개최되는 제3차 물가관계장관회의에 참석합니다. 일정만 공개합니다.\n"
        "이어서 장관은 오후 3시 대전 컨벤션센터에서 열리는 청년창업 간담회에 참석합니다.\n"
        "장관은 3월 7일 금요일 오전 9시 국무회의에 참석합니다.\n"
        "장관은 오후 2시 국회 본회의에 참석합니다.\n")

SPOKEN = ("안녕하십니까? 기획부 홍보기획팀장 김영수입니다.\n이번 주 주간 홍보계획 브리핑 시작하겠습니다.\n"
          "내일은 오전 10시 국무회의 참석하시고, 오후에는 세종청사에서 청년고용 우수기업 시상식 참석하십니다.\n"
          "3월 7일 금요일에는 서울에서 중소기업 현장 간담회 참석하시고, 이어서 11시에는 일자리위원회 전체회의 참석하실 예정입니다.\n"
          "그리고 오후 2시에 부산에서 항만안전 점검회의가 있습니다.\n")


def schedules(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(h, t) for kind, h, t in rels(text, date) if kind == "SCHEDULED_FOR"}


def test_an_item_that_goes_on_with_the_day_before_takes_that_day() -> None:
    got = schedules(WEEK)
    assert ("제3차 물가관계장관회의", "3월 6일") in got
    assert ("청년창업 간담회", "3월 6일") in got  # '이어서 장관은 오후 3시 …'
    assert ("본회의", "3월 7일") in got  # '장관은 오후 2시 …': a time, no date of its own
    assert ("청년창업 간담회", "3월 7일") not in got


def test_spoken_schedules_without_particles_and_clauses_of_one_day() -> None:
    got = schedules(SPOKEN)
    assert ("청년고용 우수기업 시상식", "내일") in got  # '…, 오후에는 … 시상식 참석하십니다'
    assert ("일자리위원회 전체회의", "3월 7일") in got  # '이어서 11시에는 …'
    assert ("항만안전 점검회의", "3월 7일") in got  # '그리고 오후 2시에 … 있습니다'


def test_another_day_a_past_sentence_or_a_report_ends_the_chain() -> None:
    got = schedules("장관은 3월 6일 목요일 오전 10시 국무회의에 참석합니다.\n"
                    "그다음 날 오후 2시에 차관이 청년정책 간담회에 참석합니다.\n")
    assert ("청년정책 간담회", "3월 6일") not in got
    got = schedules("장관은 3월 6일 목요일 오전 10시 국무회의에 참석합니다.\n"
                    "장관은 지난주 오후 2시 청년정책 간담회에 참석했습니다.\n"
                    "이어서 장관은 오후 4시 규제혁신 토론회에 참석합니다.\n")
    assert ("청년정책 간담회", "3월 6일") not in got
    assert ("규제혁신 토론회", "3월 6일") not in got


def test_the_officer_who_opens_the_briefing_leads_it() -> None:
    assert ("LEADS", "홍길순", "기획부 정례브리핑") in rels(WEEK)
    # the briefing the officer starts, not another one named before it
    got = rels("대변인 정례 브리핑\n2025.03.03 기획부\n" + SPOKEN)
    assert ("LEADS", "김영수", "주간 홍보계획 브리핑") in got
    # a member of the spokesperson's office is not its officer
    assert not any(k == "LEADS" for k, _h, _t in rels(
        "기획부 정례브리핑\n2025.03.03 기획부\n안녕하십니까? 기획부 대변인실 박지훈입니다. 기획부 정례브리핑을 시작하겠습니다."))


def test_bodies_with_their_heads_in_brackets_sign_together() -> None:
    got = rels("국토교통부(장관 박상우)와 한국도로공사(사장 함진규)는 3월 13일 김천에서 졸음쉼터 확충을 위해 "
               "업무협약을 체결한다고 밝혔다.")
    assert {("PARTICIPATES_IN", "국토교통부", "업무협약"), ("PARTICIPATES_IN", "한국도로공사", "업무협약")} <= got
    assert ("SCHEDULED_FOR", "업무협약", "3월 13일") in got
    assert not any(k == "PARTICIPATES_IN" and h in ("박상우", "함진규") for k, h, _t in got)


def test_a_ministry_s_event_held_by_its_unnamed_head_is_the_ministry_s() -> None:
    got = rels("행정안전부 장관은 오늘 오후 2시 청년정책 자문단 간담회를 갖습니다.")
    assert ("ANNOUNCES", "행정안전부", "청년정책 자문단 간담회") in got
    # a named head's title: the head holds it, the guideline gives the body nothing here
    got = rels("홍길순 신임 행정안전부 장관이 오늘 정부세종청사에서 취임식을 갖고 업무를 시작했다.")
    assert ("ANNOUNCES", "행정안전부", "취임식") not in got
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("행정안전부는 청년 일자리에 관심을 갖고 현장 간담회를 점검했다."))


def test_who_attends_the_meeting_the_sentence_is_about() -> None:
    got = rels("이번 회의는 기관별 주요업무 추진계획 등 현안을 공유하기 위해 마련되었고, "
               "한국도로공사, 한국철도공사 등 5개 공공기관장이 참석하였다.")
    assert ("PARTICIPATES_IN", "한국도로공사", "회의") in got
    assert not any(k == "PARTICIPATES_IN" and t == "주요업무 추진계획" for k, _h, t in got)


def test_the_ceremony_of_a_quoted_fair_and_a_meeting_held_again_after_years() -> None:
    got = schedules("장관은 3월 14일 금요일 오후 5시 서울 코엑스에서 개최되는 ‘2025 공예트렌드페어’ 개막식에 참석할 예정입니다.")
    assert got == {("개막식", "3월 14일")}
    assert schedules("이번 회의는 2019년 이후 6년 만에 개최됩니다.") == set()  # when it was held last
    # the class noun of a quoted name is not the event itself
    assert ("전통시장 가는 날", "오는 9월 18일") in schedules(
        "관광공사는 추석을 앞둔 오는 9월 18일(목) ‘전통시장 가는 날’ 행사를 광장시장에서 개최한다고 밝혔다.", "2025-09-01")


def test_today_s_briefing_is_scheduled_for_today() -> None:
    assert ("정례브리핑", "오늘") in schedules("이번 주에는 오늘 정례브리핑 외에 별도 브리핑은 없습니다.")
    assert ("브리핑", "오늘") in schedules("이상으로 오늘 브리핑을 마치겠습니다. 감사합니다.")


def test_a_weekly_release_plan_read_out_by_the_body_s_officer() -> None:
    # the officer's greeting names the body whose plan it is; '먼저, …' is the day's first item
    got = rels("안녕하십니까? 행정안전부 대변인실 신문홍보팀장 김영수 사무관입니다.\n이번 주도 건강하시기 바랍니다.\n"
               "3월 12일 수요일에는 1건의 보도자료가 준비되어 있습니다.\n먼저, 청년정책 박람회를 개최한다는 소식입니다.\n")
    assert ("ANNOUNCES", "행정안전부", "청년정책 박람회") in got
    assert ("SCHEDULED_FOR", "청년정책 박람회", "3월 12일") in got


def test_a_foreign_name_with_a_lone_da_does_not_end_the_sentence() -> None:
    got = rels("박정민 1차관은 3월 26일 오후 서울에서 마리아 라우라 다 호샤 브라질 외교차관과 양자 회담을 개최합니다.")
    assert ("SCHEDULED_FOR", "양자 회담", "3월 26일") in got
    assert ("LEADS", "박정민", "양자 회담") in got


def test_an_acting_head_chairs_and_a_place_stands_before_the_verb() -> None:
    got = rels("김정훈 해양수산부 장관 직무대행은 3월 6일 산하기관 업무보고를 주재했다.")
    assert ("LEADS", "김정훈", "산하기관 업무보고") in got
    got = schedules("내일은 오전 8시 30분 정부서울청사에서 중대본회의 예정되어 있고, "
                    "오후에는 직업병 안심센터 개소식 서울 성동구 한양대병원에서 예정되어 있습니다.")
    assert ("직업병 안심센터 개소식", "내일") in got


def test_a_list_line_without_a_verb_goes_on_with_the_day_above() -> None:
    got = schedules("주간 주요일정\n□ 3월 26일(수) 14:00 청년고용 간담회 (세종청사)\n"
                    "  - 15:30 소상공인 현장 점검회의 (세종청사)\n"
                    "□ 3월 27일(목) 10:00 국무회의 참석\n")
    assert ("소상공인 현장 점검회의", "3월 26일") in got
    assert ("소상공인 현장 점검회의", "3월 27일") not in got
