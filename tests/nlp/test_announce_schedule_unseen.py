"""ANNOUNCES and SCHEDULED_FOR in the shapes of releases and weekly briefings the rules were
not written on (issue #20, round on unseen text): who holds or runs an initiative, and which
day is an event's own rather than the day of a release or of another item. Every sentence
was written for these tests."""
from __future__ import annotations

from tests.nlp._extract import rels, of


def test_a_body_that_has_a_meeting_holds_it() -> None:
    got = rels("농림축산식품부는 3월 6일 세종청사에서 '농업 디지털 전환 간담회'를 가졌다.")
    assert ("ANNOUNCES", "농림축산식품부", "농업 디지털 전환 간담회") in got
    assert ("PARTICIPATES_IN", "농림축산식품부", "농업 디지털 전환 간담회") not in got  # the host
    got = rels("통일부는 오는 14일 판문점에서 '남북 이산가족 교류 간담회'를 갖는다.")
    assert ("ANNOUNCES", "통일부", "남북 이산가족 교류 간담회") in got
    assert ("SCHEDULED_FOR", "남북 이산가족 교류 간담회", "오는 14일") in got
    # a named minister's body in the title is no subject: he holds his own ceremony
    assert of("ANNOUNCES", "방문규 신임 산업통상자원부 장관이 20일 정부세종청사에서 취임식을 갖고 업무를 시작했다.") == set()


def test_an_event_held_under_a_host_is_the_host_s() -> None:
    got = rels("이번 '로봇산업 발전 포럼'은 산업통상자원부 주최로 20일 서울에서 열린다.")
    assert ("ANNOUNCES", "산업통상자원부", "로봇산업 발전 포럼") in got
    assert ("SCHEDULED_FOR", "로봇산업 발전 포럼", "20일") in got
    # 주최로 with no verb of holding after it names no event of the topic
    assert of("ANNOUNCES", "이번 '로봇산업 발전 포럼'은 산업통상자원부 주최로 마련된 기금의 지원을 받는다.") == set()


def test_a_notice_of_a_draft_rule_announces_it() -> None:
    assert ("국토교통부", "주택건설기준 등에 관한 규정") in of(
        "ANNOUNCES", "국토교통부는 '주택건설기준 등에 관한 규정' 일부 개정령안을 입법예고한다고 4일 밝혔다.")
    assert ("환경부", "분리배출 표시에 관한 고시") in of(
        "ANNOUNCES", "환경부는 '분리배출 표시에 관한 고시' 개정안을 행정예고하고 의견을 수렴할 예정이다.")
    # the notice as a noun ('입법예고를 거쳐') is no act of the subject
    assert of("ANNOUNCES", "법제처는 '주택건설기준 등에 관한 규정'의 입법예고를 거쳐 심사한다.") == set()


def test_running_a_campaign_or_a_call_announces_it_other_work_does_not() -> None:
    assert ("환경부", "녹색 전환 국민 캠페인") in of("ANNOUNCES", "환경부는 '녹색 전환 국민 캠페인'을 다음 주부터 진행한다.")
    assert ("해양수산부", "어촌 신활력 증진사업") in of(
        "ANNOUNCES", "해양수산부는 '어촌 신활력 증진사업' 대상지 공모를 3월 31일까지 진행한다.")
    assert of("ANNOUNCES", "과기정통부는 '6G 기술개발 사업'의 성과 분석을 진행한다.") == set()


def test_funding_with_a_sum_of_several_units_announces_the_programme() -> None:
    assert ("과기정통부", "6G 기술개발 사업") in of("ANNOUNCES", "과기정통부는 '6G 기술개발 사업'에 2028년까지 4천억 원을 투입한다.")


def test_a_briefing_s_publisher_holds_an_event_with_its_day_before_the_verb() -> None:
    text = ("농촌진흥청 정례브리핑\n안녕하십니까? 농촌진흥청 대변인실 홍보팀장 김영수입니다.\n"
            "먼저, 감귤 신품종의 '신품종 현장 평가회'를 13일 개최한다는 소식입니다.")
    assert ("농촌진흥청", "신품종 현장 평가회") in of("ANNOUNCES", text, "2022-12-12")


def test_an_event_held_in_the_formal_passive_has_no_agent_from_a_nearby_word() -> None:
    # '정부 간' is 'intergovernmental', no body that holds the meeting
    text = "이 협의체는 두 지역 간 유일한 정부 간 협의체로, 이번 외교장관회의는 6년 만에 개최됩니다."
    assert of("ANNOUNCES", text) == set()


def test_the_week_of_a_briefing_is_its_name_not_its_schedule() -> None:
    text = ("안녕하십니까? 고용노동부 대변인 홍길순입니다.\n"
            "이번 주, 3월 다섯째 주 정례브리핑을 시작하겠습니다.\n금주 보도자료 배포 계획입니다.")
    assert of("SCHEDULED_FOR", text, "2022-03-28") == set()


def test_the_day_a_press_plan_releases_news_is_not_the_day_of_what_it_tells() -> None:
    text = ("이번 주 주요 보도계획을 말씀드리겠습니다.\n"
            "29일 월요일에는 문화재청이 준비한 '궁궐 가족행사'를 모아서 안내해 드리겠습니다.\n"
            "30일 화요일에는 '전통 의식 보존사업'을 새로 지정한다는 소식을 전해드리겠습니다.")
    assert of("SCHEDULED_FOR", text, "2019-04-25") == set()
    # an event's own day in the same kind of sentence still counts
    got = of("SCHEDULED_FOR", "12월 13일 화요일에는 '감귤 신품종 평가회'를 14일 개최한다는 소식을 전해드리겠습니다.", "2022-12-09")
    assert got == {("감귤 신품종 평가회", "14일")}


def test_the_next_item_of_a_schedule_does_not_give_the_last_meeting_a_second_day() -> None:
    text = ("장관은 1월 22일 수요일 오전 10시 국회 '국정조사 특위 전체회의'에 참석합니다.\n"
            "장관은 1월 23일 목요일 오전 10시 장관실에서 주한대사를 면담합니다.")
    got = of("SCHEDULED_FOR", text, "2025-01-20")
    assert ("국정조사 특위 전체회의", "1월 22일") in got
    assert ("국정조사 특위 전체회의", "1월 23일") not in got
    # a meeting named without a day takes the day of the next line
    text = "과기정통부는 업계 간담회를 개최합니다.\n4월 23일 수요일 오후 2시 코엑스에서 진행됩니다."
    assert ("업계 간담회", "4월 23일") in of("SCHEDULED_FOR", text, "2025-04-21")


def test_holding_in_the_formal_style_and_hosting_as_a_verb_announce() -> None:
    assert ("산업통상자원부", "수출 점검회의") in of("ANNOUNCES", "산업통상자원부는 내일 '수출 점검회의'를 엽니다.")
    got = of("ANNOUNCES", "'2025 청년 일자리 박람회'는 고용노동부가 주최하고 한국산업인력공단이 주관한다.")
    assert ("고용노동부", "2025 청년 일자리 박람회") in got
    # the parties of a signing ceremony take part in it, they do not hold it alone
    got = rels("한전과 한수원은 원전 수출을 위해 체코 정부와 업무협약식을 가졌다.")
    assert ("PARTICIPATES_IN", "한수원", "업무협약식") in got
    assert not any(k == "ANNOUNCES" for k, _h, _t in got)


def test_what_is_due_in_an_adnominal_clause_takes_the_clause_s_day() -> None:
    got = of("SCHEDULED_FOR", "이번 주 목요일 국무회의에 상정 예정인 '어촌 기후변화 대응 종합계획'을 소개해 드리겠습니다.", "2024-12-02")
    assert {("국무회의", "이번 주 목요일"), ("어촌 기후변화 대응 종합계획", "이번 주 목요일")} <= got
    # another clause with its own day in between: no
    got = of("SCHEDULED_FOR", "오는 10일 국무회의에 상정하고, 다음 달 시행 예정인 '수출 지원 대책'을 설명했다.", "2024-12-02")
    assert ("수출 지원 대책", "오는 10일") not in got


def test_the_day_goes_to_the_event_held_not_to_its_topic() -> None:
    got = of("SCHEDULED_FOR", "문화체육관광부는 4월 2일 오후 4시 '청년정책'에 대한 '홍보 전략 발표회'를 개최한다.", "2013-03-28")
    assert ("홍보 전략 발표회", "4월 2일") in got
    assert ("청년정책", "4월 2일") not in got


def test_a_meeting_in_a_condition_is_not_due_on_the_next_clause_s_day() -> None:
    text = "홍보처는 이 예산안이 국무회의를 통과하면 8월 초까지 공사를 완료할 계획입니다."
    assert ("국무회의", "8월 초") not in of("SCHEDULED_FOR", text, "2007-06-04")


def test_a_contest_waged_is_announced_and_the_body_in_charge_of_it_only_leads() -> None:
    got = of("ANNOUNCES", "미래창조과학부는 22일부터 다음 달 20일까지 '제5회 K-ICT 아이디어 공모전'을 벌인다고 21일 밝혔다.")
    assert ("미래창조과학부", "제5회 K-ICT 아이디어 공모전") in got
    got = rels("과학기술정보통신부가 주최하고 정보통신산업진흥원이 주관하는 '2025 ICT 문화융합 챌린지' 공모전 접수를 "
               "오는 8월 12일부터 9월 16일까지 진행한다고 11일 밝혔다.", "2025-07-11")
    assert ("ANNOUNCES", "과학기술정보통신부", "2025 ICT 문화융합 챌린지") in got
    assert ("LEADS", "정보통신산업진흥원", "2025 ICT 문화융합 챌린지") in got
    assert ("ANNOUNCES", "정보통신산업진흥원", "2025 ICT 문화융합 챌린지") not in got


def test_what_a_release_goes_on_to_run_is_its_body_s() -> None:
    text = ("산업통상자원부는 12일 '제조업 디지털 전환 전략'을 발표했다.\n"
            "또한 중소기업을 위한 '디지털 전환 바우처 사업'을 새로 도입한다.\n"
            "하반기에는 '제조 AI 얼라이언스'를 운영할 계획이다.\n"
            "한편 업계는 '제조 혁신 협의체'를 운영할 예정이다.")
    got = of("ANNOUNCES", text, "2025-03-12")
    assert {("산업통상자원부", "디지털 전환 바우처 사업"), ("산업통상자원부", "제조 AI 얼라이언스")} <= got
    assert ("산업통상자원부", "제조 혁신 협의체") not in got  # another subject: '업계는'


def test_who_a_body_runs_a_programme_with_runs_it_too_a_meeting_s_guests_do_not() -> None:
    got = of("ANNOUNCES", "산업통상자원부는 중소벤처기업부와 함께 '소부장 으뜸기업 육성사업'을 추진한다.")
    assert {("산업통상자원부", "소부장 으뜸기업 육성사업"), ("중소벤처기업부", "소부장 으뜸기업 육성사업")} <= got
    got = rels("산업부는 삼성전자와 함께 '반도체 업계 간담회'를 열었다.")
    assert ("ANNOUNCES", "삼성전자", "반도체 업계 간담회") not in got


def test_according_to_a_plan_is_no_condition() -> None:
    text = "산업부는 '배터리 산업 전략'을 발표했다. 전략에 따르면 민간은 2030년까지 50조 원을 투자한다."
    assert ("전략", "2030년") in of("SCHEDULED_FOR", text, "2023-04-20")


def test_a_law_named_before_a_call_takes_no_applications() -> None:
    text = ("행정안전부는 '고향사랑기부금법' 개정에 따라 대국민 아이디어를 모은다.\n"
            "○ 접수기간 : 2023년 2월 9일 ~ 3월 2일")
    assert not any(h == "고향사랑기부금법" for h, _t in of("SCHEDULED_FOR", text, "2023-02-08"))
    text = "행정안전부는 '고향사랑 아이디어 공모전'을 연다.\n○ 접수기간 : 2023년 2월 9일 ~ 3월 2일"
    assert ("고향사랑 아이디어 공모전", "2023년 2월 9일 ~ 3월 2일") in of("SCHEDULED_FOR", text, "2023-02-08")


def test_a_reorganisation_carried_out_is_announced() -> None:
    got = rels("정부는 다음 달 '공공기관 조직 개편'을 단행할 예정이다.")
    assert ("ANNOUNCES", "정부", "공공기관 조직 개편") in got
    assert ("SCHEDULED_FOR", "공공기관 조직 개편", "다음 달") in got


def test_a_head_who_opens_a_briefing_presents_the_body_s_plans() -> None:
    text = ("어촌 대책 브리핑\n안녕하십니까? 해양수산부 장관 홍길동입니다.\n"
            "이번 주 목요일 국무회의에 상정 예정인 '어촌 기후변화 대응 종합계획'을 소개해 드리겠습니다.\n"
            "다음으로 '수산물 수급 안정 대책'에 대해 말씀드리겠습니다.\n"
            "어제는 '수산 현장 간담회'에 다녀왔습니다.")
    got = of("ANNOUNCES", text, "2024-12-02")
    assert {("해양수산부", "어촌 기후변화 대응 종합계획"), ("해양수산부", "수산물 수급 안정 대책")} <= got
    assert ("해양수산부", "수산 현장 간담회") not in got
    # without the head's greeting the speaker's body is unknown
    assert of("ANNOUNCES", "다음으로 '수산물 수급 안정 대책'에 대해 말씀드리겠습니다.") == set()


def test_setting_about_a_call_or_putting_a_plan_in_force_announces_it() -> None:
    assert ("중소벤처기업부", "스마트공장 지원사업") in of("ANNOUNCES", "중소벤처기업부는 '스마트공장 지원사업' 참여기업 모집에 나선다.")
    assert ("환경부", "일회용품 감축 대책") in of("ANNOUNCES", "환경부는 '일회용품 감축 대책'의 본격 시행에 들어갔다.")
    # how it is going is no act of running it
    assert of("ANNOUNCES", "환경부는 '일회용품 감축 대책'의 시행 상황을 점검했다.") == set()


def test_a_meeting_a_release_or_briefing_goes_on_to_have_is_its_body_s() -> None:
    text = ("과기정통부 정례브리핑\n안녕하십니까? 과기정통부 대변인 홍길동입니다.\n"
            "23일에는 '소프트웨어 업계 간담회'를 엽니다.\n24일에는 '우주산업 현장 간담회'를 갖습니다.")
    got = of("ANNOUNCES", text, "2025-04-21")
    assert {("과기정통부", "소프트웨어 업계 간담회"), ("과기정통부", "우주산업 현장 간담회")} <= got
    text = "산업통상자원부는 12일 '수출 전략'을 발표했다.\n이날 오후에는 '수출기업 현장 간담회'를 가졌다."
    assert ("산업통상자원부", "수출기업 현장 간담회") not in of("ANNOUNCES", text, "2025-03-12")  # past: maybe another's
