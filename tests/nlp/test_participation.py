"""Who takes part, in the shapes state-agency releases write it (issue #20: PARTICIPATES_IN on
text the rules were not written on); every sentence written for these tests."""
from __future__ import annotations

from tests.nlp._extract import rels

P = "PARTICIPATES_IN"


def test_the_partner_of_an_agreement_with_its_head_in_brackets_signs_it() -> None:
    got = rels("한국도로공사(사장 김진우)는 10일 충남대학교(총장 이병철)와 교통안전 연구를 위한 업무협약을 체결했다.")
    assert {(P, "한국도로공사", "업무협약"), (P, "충남대학교", "업무협약")} <= got
    assert (P, "이병철", "업무협약") not in got  # the head in brackets goes with the body


def test_a_list_of_partners_closed_by_its_count() -> None:
    got = rels("국토교통부는 6일 현대건설, 대우건설, GS건설 등 건설사 12곳과 '스마트 건설 협약'을 맺었다.")
    assert {(P, x, "스마트 건설 협약") for x in ("현대건설", "대우건설", "GS건설")} <= got
    got = rels("환경부는 이마트, 롯데마트 등 4개사와 포장재 감량 협약을 체결했다.")
    assert {(P, "이마트", "포장재 감량 협약"), (P, "롯데마트", "포장재 감량 협약")} <= got


def test_a_counterpart_named_with_a_foreign_title_takes_part_in_the_talks() -> None:
    got = rels("김민수 2차관은 14일 서울에서 존 스미스(John Smith) 호주 외교차관과 양자 회담을 개최한다.")
    assert (P, "존 스미스", "양자 회담") in got
    assert (P, "John Smith", "양자 회담") not in got  # the bracketed spelling is the same person
    assert (P, "김민수", "양자 회담") not in got  # the host holds it


def test_members_counted_after_their_list() -> None:
    got = rels("'K-수소 협의체'는 두산에너빌리티, 효성중공업, 코오롱인더스트리 등 12개 기업으로 구성됐다.")
    assert {(P, x, "K-수소 협의체") for x in ("두산에너빌리티", "효성중공업", "코오롱인더스트리")} <= got


def test_acronyms_in_brackets_do_not_break_a_list_of_participants() -> None:
    got = rels("이날 한국산업기술진흥원(KIAT), 대한무역투자진흥공사(KOTRA) 등 지원기관도 '소부장 협의회'에 참여했다.")
    assert {(P, "한국산업기술진흥원", "소부장 협의회"), (P, "대한무역투자진흥공사", "소부장 협의회")} <= got


def test_a_list_closed_after_a_title_and_a_bodys_delegation_as_the_subject() -> None:
    got = rels("정현우 산업부 장관과 이석진 대한상공회의소 회장, 박미영 한화 회장 등 경제계 인사들이 간담회를 가졌다.")
    assert {(P, "이석진", "간담회"), (P, "박미영", "간담회")} <= got
    got = rels("김 장관과 한국무역협회 회장단은 이날 무역센터에서 간담회를 가졌다.")
    assert (P, "한국무역협회", "간담회") in got


def test_the_host_a_clause_names_does_not_attend_its_own_event() -> None:
    got = rels("차관은 오후 3시 가평군이 주최하는 접경지역 발전을 위한 정책 세미나에 참석한다.")
    assert (P, "가평군", "정책 세미나") not in got


def test_a_partner_before_the_agreement_is_no_second_agreement() -> None:
    got = rels("문화체육관광부는 '한국관광 협의회'와 '관광 활성화 업무협약'을 체결했다.")
    assert (P, "문화체육관광부", "한국관광 협의회") not in got
    assert (P, "문화체육관광부", "관광 활성화 업무협약") in got


def test_a_note_names_the_counted_attendees() -> None:
    text = ("해양수산부는 7일 산하기관 업무보고를 열었다. 이번 회의에는 한국해양진흥공사 등 5개 기관장이 참석하였다.\n"
            "* 한국해양진흥공사·부산항만공사(부산), 여수광양항만공사·한국수산자원공단(전남)\n"
            "장관은 이 자리에서 현장 점검을 당부했다.")
    got = rels(text)
    assert {(P, x, "회의") for x in ("부산항만공사", "여수광양항만공사", "한국수산자원공단")} <= got
    # a note that says something about the bodies is no roster
    got = rels("이번 회의에는 한국해양진흥공사 등 5개 기관장이 참석하였다.\n* 부산항만공사는 올해 신규 선석을 개장할 계획이다.")
    assert (P, "부산항만공사", "회의") not in got


def test_consortia_selected_for_a_programme() -> None:
    got = rels("산업부는 '수소 실증 사업' 수행기관으로 두산 컨소시엄과 효성 컨소시엄을 최종 선정했다.")
    assert {(P, "두산", "수소 실증 사업"), (P, "효성", "수소 실증 사업")} <= got


def test_companies_appointed_as_members_of_the_council_set_up_before() -> None:
    got = rels("고용노동부는 '청년 고용 협의체'를 발족하고 삼성전자, 현대자동차, LG전자 등 8개 기업을 위원사로 위촉했다.")
    assert {(P, x, "청년 고용 협의체") for x in ("삼성전자", "현대자동차", "LG전자")} <= got


def test_the_ministry_of_an_unnamed_chair_does_not_attend() -> None:
    got = rels("이번 '반도체 수출 점검회의'는 산업부 차관 주재로 열렸으며 삼성전자, SK하이닉스 관계자가 참석했다.")
    assert (P, "산업부", "반도체 수출 점검회의") not in got
    assert {(P, "삼성전자", "반도체 수출 점검회의"), (P, "SK하이닉스", "반도체 수출 점검회의")} <= got


def test_attendees_listed_in_the_sentence_after_as_follows() -> None:
    got = rels("과기정통부는 10일 'AI 반도체 간담회'를 열었다. 간담회 참석자는 다음과 같다. "
               "김정호 리벨리온 대표, 박성현 퓨리오사AI 부사장.")
    # (the meeting as the sentence before names it: '간담회 참석자는')
    assert {(P, "김정호", "간담회"), (P, "박성현", "간담회")} <= got


def test_the_companies_taking_part_as_the_topic_of_a_sentence_naming_the_event() -> None:
    got = rels("'2026 스마트물류 박람회'에 참가하는 기업은 CJ대한통운, 한진, 롯데글로벌로지스 등 200여 개사다.")
    assert {(P, x, "2026 스마트물류 박람회") for x in ("CJ대한통운", "한진", "롯데글로벌로지스")} <= got


def test_who_attends_this_event_in_a_sentence_that_names_a_plan_later() -> None:
    got = rels("국토부는 3일 '건설 안전 간담회'를 열었다. 이 자리에는 현대건설, 대우건설, 삼성물산 등 건설사 대표가 "
               "참석해 '건설 안전 강화 방안'의 이행 상황을 점검했다.")
    assert {(P, x, "건설 안전 간담회") for x in ("현대건설", "대우건설", "삼성물산")} <= got
    assert (P, "현대건설", "건설 안전 강화 방안") not in got


def test_members_of_an_alliance_made_up_of_named_and_counted_companies() -> None:
    got = rels("'K-로봇 얼라이언스'는 두산로보틱스, 레인보우로보틱스, 로보티즈와 부품 기업 12곳으로 이뤄졌다.")
    assert {(P, x, "K-로봇 얼라이언스") for x in ("두산로보틱스", "레인보우로보틱스", "로보티즈")} <= got


def test_a_meeting_held_with_companies_named_by_their_ceos() -> None:
    got = rels("중기부 장관은 7일 네이버, 카카오 등 플랫폼 기업 CEO들과 '상생 간담회'를 가졌다.")
    assert {(P, "네이버", "상생 간담회"), (P, "카카오", "상생 간담회")} <= got


def test_the_chair_a_sentence_chooses_after_naming_the_council() -> None:
    assert ("LEADS", "박정민", "스마트제조 협의회") in rels(
        "'스마트제조 협의회' 초대 회장으로는 한울정밀의 박정민 대표를 추대했다.")
    assert ("LEADS", "김민수", "K-반도체 협의회") in rels(
        "'K-반도체 협의회'는 위원장으로 김민수 서울대 교수를 선임했다.")
    # attending as a chair of something else is no choice of a chair
    assert ("LEADS", "김민수", "K-반도체 협의회") not in rels(
        "'K-반도체 협의회' 위원장으로 김민수 교수가 참석했다.")


def test_participants_named_before_the_documents_main_event_do_not_go_to_it() -> None:
    text = ("산업부는 10일 반도체 특별위원회를 개최했다. 위원회에는 삼성전자, SK하이닉스가 참여했다. "
            "한편 같은 날 열린 '디스플레이 포럼'에는 LG디스플레이와 삼성디스플레이가 참석했다.")
    got = rels(text)
    assert (P, "LG디스플레이", "디스플레이 포럼") in got
    assert (P, "삼성전자", "디스플레이 포럼") not in got  # named before the forum, in another sentence


def test_parties_that_sign_onto_an_agreement() -> None:
    got = rels("환경부와 이마트, 롯데마트, 쿠팡은 '친환경 포장 협약'에 서명했다.")
    assert {(P, x, "친환경 포장 협약") for x in ("환경부", "이마트", "쿠팡")} <= got


def test_members_invited_or_newly_joined_named_after_the_event_or_alliance() -> None:
    got = rels("이번 '수출 전략회의'에 초청된 삼성전자와 LG전자 대표는 수출 애로를 건의했다.")
    assert {(P, "삼성전자", "수출 전략회의"), (P, "LG전자", "수출 전략회의")} <= got
    got = rels("'K-배터리 얼라이언스'에 새로 가입한 에코프로와 포스코퓨처엠은 공동 연구에 나선다.")
    assert {(P, "에코프로", "K-배터리 얼라이언스"), (P, "포스코퓨처엠", "K-배터리 얼라이언스")} <= got
    got = rels("현대차와 기아는 'K-수소 얼라이언스'의 회원사다.")
    assert {(P, "현대차", "K-수소 얼라이언스"), (P, "기아", "K-수소 얼라이언스")} <= got
    got = rels("산업부는 '이차전지 산업 발전 포럼'을 출범하고 에코프로, 엘앤에프를 운영위원사로 선임했다.")
    assert {(P, "에코프로", "이차전지 산업 발전 포럼"), (P, "엘앤에프", "이차전지 산업 발전 포럼")} <= got


def test_attendees_as_the_topic_of_a_sentence_naming_the_event() -> None:
    got = rels("이날 '탄소중립 포럼' 참석자들은 삼성전자, LG전자 관계자 등 50여명이다.")
    assert {(P, "삼성전자", "탄소중립 포럼"), (P, "LG전자", "탄소중립 포럼")} <= got
