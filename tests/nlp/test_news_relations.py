"""News reports' constructions around a meeting or a launch (ingest/nlp/news_relations.py).

Sentences written for the tests in the style of wire reports (no article text).
"""
from __future__ import annotations

from tests.nlp._extract import of

_MEETING = ("박영수 장관은 오는 12일 서울 중구 대한상공회의소에서 자동차업계 대표들을 만나 업계 의견을 들을 예정이다. "
            "이날 간담회엔 김민호 현대자동차 사장, 이정우 기아 부사장 등 5개사 대표가 참석한다. ")


def test_the_attendee_list_goes_on_in_the_next_sentence():
    got = of("PARTICIPATES_IN", _MEETING + "부품업계에선 박철수 현대모비스 사장, 정우성 만도 부회장 등이 함께 한다.")
    assert {("박철수", "간담회"), ("현대모비스", "간담회"), ("정우성", "간담회"), ("만도", "간담회")} <= got


def test_officials_who_go_on_the_list_come_without_their_ministry():
    got = of("PARTICIPATES_IN", _MEETING + "정부 측에서는 박철수 산업통상자원부 차관과 정우성 중소벤처기업부 차관이 함께 한다.")
    assert {("박철수", "간담회"), ("정우성", "간담회")} <= got
    assert not {("산업통상자원부", "간담회"), ("중소벤처기업부", "간담회")} & got


def test_a_list_with_an_event_of_its_own_or_another_day_is_not_continued():
    got = of("PARTICIPATES_IN", _MEETING + "오후에 열린 포럼에는 박철수 현대모비스 사장이 참석한다.")
    assert ("박철수", "간담회") not in got and ("박철수", "포럼") in got
    got = of("PARTICIPATES_IN", "산업부는 12일 업계 간담회를 연다고 밝혔다. 간담회 참석자는 모두 20명이다. "
             "박철수 현대모비스 사장이 함께 한다.")
    assert ("박철수", "업계 간담회") not in got  # no sentence before it says who came


def test_whom_the_body_meets_takes_part_in_the_meeting_it_then_holds():
    got = of("PARTICIPATES_IN", "방송통신위원회는 25일과 27일 이틀에 걸쳐 삼성전자 이재용 회장을 비롯해 곽노정 SK하이닉스 사장, "
             "조주완 LG전자 사장과 순차적으로 만나 현안 간담회를 진행한다.")
    assert {("이재용", "현안 간담회"), ("삼성전자", "현안 간담회"), ("곽노정", "현안 간담회"),
            ("SK하이닉스", "현안 간담회"), ("조주완", "현안 간담회"), ("LG전자", "현안 간담회")} <= got


def test_meeting_someone_without_holding_a_meeting_is_no_participation():
    got = of("PARTICIPATES_IN", "박영수 장관은 12일 김민호 현대자동차 사장과 만나 수소차 협력 방안을 논의했다. "
             "이어 열린 간담회에는 이정우 기아 부사장이 참석했다.")
    assert ("김민호", "간담회") not in got and ("이정우", "간담회") in got


def test_bodies_that_open_with_a_ceremony_hold_it():
    got = of("ANNOUNCES", "고용노동부와 한국경영자총협회는 24일 발대식을 열고 '청년 일자리 네트워크'를 출범했다.")
    assert {("고용노동부", "발대식"), ("한국경영자총협회", "발대식"),
            ("고용노동부", "청년 일자리 네트워크"), ("한국경영자총협회", "청년 일자리 네트워크")} <= got


def test_an_event_held_inside_a_quotation_or_still_going_on_is_not_the_subjects():
    got = of("ANNOUNCES", '민주당은 국회 정상화를 위한 여야 4자회담 중에 임명을 강행한 것은 "정국 정상화를 위한 '
             '4자회담을 열고 있는 시각에 야당이 반대하는 인사를 강행한 것"이라고 비판했다.')
    assert ("민주당", "4자회담") not in got


_FUNDS = ("해양수산부는 해양신산업펀드에 300억 원을 출자해 750억 원의 펀드를 추가로 조성할 예정이다. "
          "해양모태펀드는 지난 1차 200억 원을 활용해 권역별 모펀드를 조성한다. "
          "또 200억 원을 출자해 수산혁신펀드를 조성하고, 모태펀드 100억 원을 활용해 해양스타트업 펀드도 조성한다. "
          "이 밖에도 어촌뉴딜펀드 500억 원, 수산식품펀드에 100억 원을 출자한다.")


def test_the_body_that_puts_money_into_a_fund_to_set_it_up_announces_it_and_the_funds_that_follow():
    got = of("ANNOUNCES", _FUNDS)
    assert {("해양수산부", "해양신산업펀드"), ("해양수산부", "수산혁신펀드"), ("해양수산부", "해양스타트업 펀드"),
            ("해양수산부", "어촌뉴딜펀드"), ("해양수산부", "수산식품펀드")} <= got
    assert ("해양수산부", "모태펀드") not in got  # its money is used: the source, not what is set up
    assert ("해양수산부", "펀드") not in got
    assert ("특허청", "특허기술사업화 펀드") in of("ANNOUNCES", "특허청은 특허기술사업화 펀드를 1250억 원 규모로 조성한다.")


def test_an_investor_that_only_puts_money_in_or_another_subject_announces_nothing():
    assert not of("ANNOUNCES", "국민연금은 올해 사모펀드에 2조 원을 출자했다.")
    got = of("ANNOUNCES", "해양수산부는 해양신산업펀드에 300억 원을 출자해 펀드를 조성한다. "
             "한편 김민호 수협은행장은 또 어촌뉴딜펀드에 100억 원을 출자한다고 말했다.")
    assert ("해양수산부", "어촌뉴딜펀드") not in got


def test_the_next_sentence_continues_a_list_whose_first_names_were_not_recognised():
    got = of("PARTICIPATES_IN", "이날 간담회엔 박철수 대한건설협회장, 정우성 한국주택협회장 등 5개 건설단체 대표가 참석한다. "
             "건설사에선 김민호 현대건설 사장, 이정우 SK건설 부회장 등이 함께 한다.")
    assert {("김민호", "간담회"), ("현대건설", "간담회"), ("이정우", "간담회"), ("SK건설", "간담회")} <= got


def test_a_meeting_on_that_day_is_scheduled_only_while_it_is_still_to_come():
    ahead = ("박영수 장관은 오는 26일 서울 강남구 건설회관에서 건설업계 대표들을 만날 예정이다. "
             "이날 간담회엔 김민호 현대건설 사장 등이 참석한다.")
    assert ("간담회", "이날") in of("SCHEDULED_FOR", ahead, "2025-03-20")
    over = ("박영수 장관은 5일 서울 강남구 건설회관에서 건설업계 대표들을 만났다. "
            "이날 간담회엔 김민호 현대건설 사장 등이 참석했다.")
    assert ("간담회", "이날") not in of("SCHEDULED_FOR", over, "2025-03-05")


def test_agreements_listed_partner_by_partner_are_signed_by_the_subject_of_the_sentence_before():
    text = ("해양수산부는 지난해 10월 노르웨이‧일본‧칠레 등 3개국과 수산 협력을 추진했다. 노르웨이와는 수산물 교역 협정을, "
            "일본과는 어업기술 교류 양해각서 및 공동연구 의향서를, 칠레와는 양식산업 협력 양해각서를 각각 체결했다.")
    assert {("해양수산부", "수산물 교역 협정"), ("해양수산부", "어업기술 교류 양해각서"),
            ("해양수산부", "양식산업 협력 양해각서")} <= of("PARTICIPATES_IN", text)
    own = "해양수산부는 수산 협력을 추진했다. 노르웨이와는 현대중공업이 수산물 교역 협정을 체결했다."
    assert ("해양수산부", "수산물 교역 협정") not in of("PARTICIPATES_IN", own)


def test_a_headline_names_the_parties_of_its_agreement_or_the_hosts_of_its_ceremony():
    got = of("PARTICIPATES_IN", "환경부·한국환경공단, 탄소중립 실천 업무협약\n환경부는 5일 한국환경공단과 협약을 맺었다고 밝혔다.")
    assert {("환경부", "탄소중립 실천 업무협약"), ("한국환경공단", "탄소중립 실천 업무협약")} <= got
    got = of("PARTICIPATES_IN", "중기부, 네이버와 소상공인 디지털전환 MOU 체결\n중기부는 5일 네이버와 협약을 맺었다.")
    assert {("중기부", "소상공인 디지털전환 MOU"), ("네이버", "소상공인 디지털전환 MOU")} <= got
    got = of("ANNOUNCES", "환경부·한국환경공단, 탄소중립 실천 협약식 개최\n환경부는 5일 협약식을 열었다.")
    assert {("환경부", "탄소중립 실천 협약식"), ("한국환경공단", "탄소중립 실천 협약식")} <= got


def test_a_headline_sentence_or_a_headline_without_an_agreement_gives_no_parties():
    got = of("PARTICIPATES_IN", "환경부는 한국환경공단, 한국수자원공사와 탄소중립 업무협약을 논의했다.\n본문이다.")
    assert ("한국수자원공사", "탄소중립 업무협약") not in got
    assert not of("PARTICIPATES_IN", "삼성전자·SK하이닉스, 반도체 공장 증설 경쟁\n본문이다.")


def test_both_of_a_pair_named_before_sign_or_hold_what_the_pair_does():
    got = of("PARTICIPATES_IN", "한국전력과 현대건설이 손잡고 해상풍력 공동개발에 나선다. "
             "양사는 5일 서울 서초구 한전 아트센터에서 '해상풍력 공동개발 업무협약'을 체결했다고 밝혔다.")
    assert {("한국전력", "해상풍력 공동개발 업무협약"), ("현대건설", "해상풍력 공동개발 업무협약")} <= got
    got = of("ANNOUNCES", "한국관광공사는 한국철도공사와 함께 지역관광 활성화에 나선다. "
             "두 기관은 오는 10일 '지역관광 활성화 포럼'을 공동으로 개최한다.")
    assert {("한국관광공사", "지역관광 활성화 포럼"), ("한국철도공사", "지역관광 활성화 포럼")} <= got


def test_three_named_before_are_no_pair():
    got = of("PARTICIPATES_IN", "삼성전자, SK하이닉스, LG전자는 반도체 인재 양성에 나선다. 양사는 '반도체 인재양성 협약'을 체결했다.")
    assert ("SK하이닉스", "반도체 인재양성 협약") not in got


def test_todays_meeting_is_scheduled_only_where_the_sentence_says_it_is_still_to_come():
    text = "산업부는 이날 회의에서 논의된 내용을 바탕으로 다음 달 '배터리 산업 발전 전략'을 발표할 계획이다."
    assert ("회의", "이날") not in of("SCHEDULED_FOR", text, "2025-03-05")
    text = ("박영수 장관은 오늘 서울 강남구 건설회관에서 건설업계 대표들을 만난다. "
            "이날 간담회엔 김민호 현대건설 사장 등이 참석한다.")
    assert ("간담회", "이날") in of("SCHEDULED_FOR", text, "2025-03-05")
