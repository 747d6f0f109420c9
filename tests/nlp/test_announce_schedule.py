"""Who announces an initiative and when it is due, in the forms real releases use
(issue #20: ANNOUNCES and SCHEDULED_FOR on text the rules were not written on);
every sentence written for these tests."""
from __future__ import annotations

from tests.nlp._extract import D, rels


def schedules(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(h, t) for kind, h, t in rels(text, date) if kind == "SCHEDULED_FOR"}


def test_what_a_body_says_it_will_do_is_due_though_the_saying_is_past() -> None:
    assert ("청년 고용 박람회", "다음 달") in schedules("고용노동부는 다음 달 청년 고용 박람회를 개최한다고 밝혔다.")
    assert ("미세먼지 저감 대책", "올해 하반기 중") in schedules(
        "환경부는 올해 하반기 중 미세먼지 저감 대책을 시행할 계획이라고 설명했다.")
    assert ("미세먼지 저감 대책", "하반기 중") in schedules('환경부는 "하반기 중 미세먼지 저감 대책을 시행한다"고 말했다.')


def test_what_is_reported_as_done_or_the_day_of_saying_is_no_schedule() -> None:
    assert schedules("환경부는 지난달 미세먼지 저감 대책을 시행했다고 밝혔다.") == set()
    # the 5th is the day the ministry says it (the document's date), not the programme's
    assert schedules("산업부는 5일 수출 지원 사업을 추진한다고 밝혔다.") == set()


def test_the_year_that_frames_a_narrower_date_is_not_the_due_date() -> None:
    got = schedules('산업부 장관은 "올해도 수출 지원 대책을 4월 중 내놓겠다"고 말했다.')
    assert ("수출 지원 대책", "4월 중") in got
    assert ("수출 지원 대책", "올해") not in got


def test_a_later_sentence_without_subject_announces_for_the_release_s_body() -> None:
    got = rels("산업통상자원부는 오는 12일 수소경제 협의회를 개최한다고 밝혔다.\n"
               "아울러 하반기 중 수소 충전소 구축 계획을 발표할 예정이다.")
    assert ("ANNOUNCES", "산업통상자원부", "수소 충전소 구축 계획") in got
    assert ("SCHEDULED_FOR", "수소 충전소 구축 계획", "하반기 중") in got
    # a heading that opens with the body names the release's body
    got = rels("환경부, 미세먼지 관리 강화\n또한 4월 중 미세먼지 저감 대책을 확정한다.")
    assert ("ANNOUNCES", "환경부", "미세먼지 저감 대책") in got


def test_the_release_s_minister_announces_a_plan_for_the_ministry() -> None:
    got = rels("고용노동부는 청년 고용 지원 방안을 마련했다.\n이정식 장관은 이날 청년일자리 종합대책을 발표했다.")
    assert ("ANNOUNCES", "고용노동부", "청년일자리 종합대책") in got
    got = rels("고용노동부는 청년 고용 지원 방안을 마련했다.\n장관은 다음 달 청년 고용 박람회를 개최한다고 밝혔다.")
    assert ("ANNOUNCES", "고용노동부", "청년 고용 박람회") in got


def test_another_subject_or_a_past_meeting_without_subject_is_not_the_release_s() -> None:
    got = rels("산업통상자원부는 수출 지원 방안을 마련했다.\n한편 대한상공회의소는 하반기 중 수출 지원 계획을 발표할 예정이다.")
    assert ("ANNOUNCES", "산업통상자원부", "수출 지원 계획") not in got
    got = rels("산업통상자원부는 수출 지원 방안을 마련했다.\n한편 업계는 하반기 중 수출 지원 계획을 발표할 예정이다.")
    assert ("ANNOUNCES", "산업통상자원부", "수출 지원 계획") not in got  # a subject that is no entity
    got = rels("산업통상자원부는 수출 지원 방안을 마련했다.\n이어 오후에는 현지 기업인 간담회를 개최했다.")
    assert ("ANNOUNCES", "산업통상자원부", "현지 기업인 간담회") not in got


def test_an_event_held_today_is_scheduled_for_today() -> None:
    assert ("과학의 날 기념식", "오늘") in schedules("오늘 과학의 날 기념식이 오후 2시 과학관에서 있습니다.")
    assert ("인공지능 반도체 포럼", "오늘") in schedules("오늘 오후 2시 인공지능 반도체 포럼이 서울에서 열립니다.")
    assert ("현안질의", "오늘") in schedules("오늘 회의에서는 법안을 심사하고 현안질의를 하도록 하겠습니다.")
    # the hearing held, not the one whose witnesses are chosen before it
    assert schedules("오늘 회의에서는 청문회 증인을 채택하고 방송 관련 3차 청문회를 실시하도록 하겠습니다.") \
        == {("방송 관련 3차 청문회", "오늘")}
    assert schedules("오늘은 회의가 없습니다.") == set()


def test_a_meeting_s_room_is_no_meeting_on_that_day() -> None:
    assert schedules("4월 22일 화요일 3시 30분 과기자문회의 회의실에서 본부장 주재로 개최가 됩니다.") == set()
    assert ("과기자문회의", "4월 22일") in schedules("4월 22일 화요일 3시 30분 과기자문회의를 개최합니다.")


def test_the_day_of_saying_the_sitting_itself_and_a_law_as_basis_are_no_schedules() -> None:
    assert schedules('방역본부는 10일 정례 브리핑에서 "오는 13일부터 과태료를 부과한다"고 밝혔다.', "2020-11-10") == set()
    assert schedules("그래서 오늘 회의가 본회의가 있는 기간 안에 지금 열리고 있습니다.", "2024-06-20") == set()
    assert schedules("정부는 <국유재산법>에 따라 연내 부지 교환을 마칠 것이라고 밝혔다.", "2017-03-01") == set()


def test_taking_applications_and_carrying_out_a_plan_are_running_it() -> None:
    got = rels("국토교통부는 '청년 전세임대 사업'의 신청을 다음 달 3일부터 받는다.")
    assert {("ANNOUNCES", "국토교통부", "청년 전세임대 사업"), ("SCHEDULED_FOR", "청년 전세임대 사업", "다음 달 3일")} <= got
    got = rels("정부는 2030년까지 '탄소중립 녹색성장 기본계획'을 이행한다.")
    assert {("ANNOUNCES", "정부", "탄소중립 녹색성장 기본계획"), ("SCHEDULED_FOR", "탄소중립 녹색성장 기본계획", "2030년")} <= got
    # applying is taking part, not running it; checking how a plan is carried out is no announcement
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("LG전자는 '스마트공장 지원사업'에 신청을 했다."))
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("환경부는 '탄소중립 기본계획'의 이행을 점검했다."))


def test_a_reported_plan_in_a_sentence_naming_none_does_not_date_the_document_s_law() -> None:
    got = schedules("정부는 <국유재산법>에 따라 부지를 교환하기로 했다.\n"
                    "이후 양국은 금년 내 배치를 목표로 추진할 것이라고 밝혔다.", "2017-03-01")
    assert got == set()


def test_put_out_run_as_a_campaign_and_funded_with_money() -> None:
    assert ("ANNOUNCES", "정부", "부동산 대책") in rels("정부가 내놓은 '부동산 대책'은 공급 확대가 핵심이다.")
    assert ("ANNOUNCES", "환경부", "탄소중립 실천 캠페인") in rels("환경부는 '탄소중립 실천 캠페인'을 전국에서 펼친다.")
    got = rels("환경부가 펼치는 '탄소중립 실천 캠페인'에는 시민 1만 명이 참여한다.")
    assert ("ANNOUNCES", "환경부", "탄소중립 실천 캠페인") in got
    assert ("PARTICIPATES_IN", "환경부", "탄소중립 실천 캠페인") not in got
    assert ("ANNOUNCES", "중기부", "소상공인 디지털 전환 사업") in rels(
        "중기부는 '소상공인 디지털 전환 사업'에 올해 500억 원을 투입한다.")
    # people or staff put into a project, or a company's money, is no programme of one's own
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("LG전자는 '스마트공장 사업'에 인력을 투입했다."))
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("과기정통부는 '6G 사업'에 연구인력을 투입한다."))


def test_the_year_an_event_is_first_held_in_is_not_its_day() -> None:
    got = schedules("올해 처음 열리는 '국제 로봇 박람회'는 11월 20일부터 사흘간 킨텍스에서 열린다.")
    assert got == {("국제 로봇 박람회", "11월 20일")}


def test_the_subject_of_a_clause_describing_something_else_announces_nothing_here() -> None:
    got = rels("산업부는 미국 상무부가 발표한 '반도체 수출 통제 조치'에 대응해 '공급망 안정 대책'을 마련했다.")
    assert ("ANNOUNCES", "산업부", "공급망 안정 대책") in got
    assert ("ANNOUNCES", "상무부", "공급망 안정 대책") not in got
    assert ("ANNOUNCES", "산업부", "수출 전략") in rels("산업부가 새로 마련한 '수출 전략'을 발표했다.")


def test_put_out_contracted_and_checking_how_a_plan_goes() -> None:
    assert ("ANNOUNCES", "기재부", "수출 지원 방안") in rels(
        "기재부는 '경제정책방향'을 발표하면서 '수출 지원 방안'도 함께 내놨다.")
    assert rels("산업부는 이날 회의에서 '탄소중립 전략'의 추진 상황을 점검했다.") == set()


def test_a_release_s_when_field_dates_its_event() -> None:
    got = schedules("산업부, '2025 수출 상담회' 개최\n□ 일시 : 2025. 3. 12.(수) 14:00~17:00\n□ 장소 : 서울 코엑스")
    assert got == {("2025 수출 상담회", "2025. 3. 12.")}
    # a day already past is the report of an event held, not its schedule
    assert schedules("산업부, '2025 수출 상담회' 개최\n□ 일시 : 2025. 3. 2.(일) 14:00\n□ 장소 : 서울 코엑스") == set()


def test_what_is_held_or_chaired_today_in_a_briefing() -> None:
    assert ("국정브리핑", "오늘") in schedules("대통령이 오늘 오전 10시 대통령실에서, 국정브리핑과 기자회견을 잇따라 진행합니다.")
    assert ("국무회의", "오늘") in schedules("대통령은 오늘 용산 대통령실에서 국무회의를 주재하고 있습니다.")


def test_a_rescheduled_event_keeps_only_its_new_dates() -> None:
    got = schedules("청문회를 당초 3월 18일부터 3월 19일까지 실시하는 것에서 3월 18일부터 3월 20일까지 실시하는 것으로 "
                    "변경할 예정입니다.")
    assert got == {("청문회", "3월 18일부터 3월 20일")}


def test_a_passive_with_its_agent_announces_for_the_agent() -> None:
    assert ("ANNOUNCES", "과학기술정보통신부", "K-바이오 육성 전략") in rels(
        "'K-바이오 육성 전략'은 과학기술정보통신부에 의해 수립되었다.")
    assert ("ANNOUNCES", "과학기술정보통신부", "K-바이오 육성 전략") in rels(
        "과학기술정보통신부에 의해 수립된 'K-바이오 육성 전략'이 시행된다.")
    assert rels("'K-바이오 육성 전략'이 확정됐다.") == set()  # no agent named: nobody is guessed


def test_presenting_a_programme_and_forming_a_council_announce_it() -> None:
    assert ("ANNOUNCES", "중기부", "스타트업 해외진출 지원 프로그램") in rels(
        "중기부는 스타트업 해외진출 지원 프로그램을 새로 선보인다.")
    assert ("ANNOUNCES", "산업부", "수출 지원 프로그램") in rels("산업부가 새로 선보인 '수출 지원 프로그램'은 인기가 높다.")
    assert ("ANNOUNCES", "산업부", "수출 지원 협의회") in rels("산업부는 수출 지원 협의회를 구성했다.")
    # a council's own make-up, or a proposal to form one, is no announcement
    assert rels("협의회는 위원 20명으로 구성한다.") == set()
    assert not any(k == "ANNOUNCES" for k, _h, _t in rels("산업부는 수출 지원 협의회를 구성하는 방안을 검토했다."))


def test_each_clause_keeps_its_own_date() -> None:
    got = schedules("정부는 연말까지 세부 계획을 마련하고 내년부터 '청년 기본소득 사업'을 시행한다.")
    assert got == {("청년 기본소득 사업", "내년")}
    got = schedules("오는 11월 18일 실시되는 시험을 앞두고 교육부가 5일 '부정행위 예방 대책'을 발표했다.")
    assert ("부정행위 예방 대책", "오는 11월 18일") not in got
