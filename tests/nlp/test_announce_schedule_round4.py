"""ANNOUNCES and SCHEDULED_FOR in shapes that news reports and releases use (issue #20, round 4):
a date in brackets after a name, a quoted name with its class noun in a sentence without a
subject, launching, gazetting and issuing a notice. Every sentence
was written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def of(kind: str, text: str, date: str | None = D) -> set[tuple[str, str]]:
    ex = extract(text, date)
    return {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == kind}


def test_a_date_in_brackets_is_the_name_s_before_it() -> None:
    got = of("SCHEDULED_FOR", "행사는 '청년 창업 주간'(3.16~3.20)과 '청년 정책 마당' 등으로 구성된다.")
    assert got == {("청년 창업 주간", "3.16~3.20")}
    got = of("SCHEDULED_FOR", "과기정통부는 '디지털 인재 양성 사업'(3.10~4.15, 온라인 접수)을 운영한다.")
    assert ("디지털 인재 양성 사업", "3.10~4.15") in got


def test_a_bracketed_date_after_something_else_goes_to_no_initiative() -> None:
    # each programme has its own month: the last named one does not take them all
    got = of("SCHEDULED_FOR", "다만 골목상권육성(내년 2월) 사업과 상권회복지원(내년 3월), 'K-창업 도전 대회'(내년 4월) "
                              "등은 절차가 필요해 따로 공고한다.", "2024-11-05")
    assert got == {("K-창업 도전 대회", "내년 4월")}


def test_a_bracketed_date_already_past_is_no_schedule() -> None:
    assert of("SCHEDULED_FOR", "행사는 '청년 정책 기념식'(9.14)과 '청년 주간'(9.16~9.20)으로 이뤄졌다.", "2023-09-15") \
        == {("청년 주간", "9.16~9.20")}


def test_a_subjectless_launch_of_a_quoted_name_with_its_class_noun_is_the_lead_body_s() -> None:
    text = ("중소벤처기업부는 5일 '소상공인 성장 지원 방안'을 발표했다. "
            "우선 다음 달부터 '소상공인 디지털 전환 바우처' 사업을 시행한다.")
    assert ("중소벤처기업부", "소상공인 디지털 전환 바우처") in of("ANNOUNCES", text)


def test_launching_gazetting_and_issuing_a_notice_announce() -> None:
    assert ("한국은행", "디지털화폐 시범사업") in of("ANNOUNCES", "한국은행은 '디지털화폐 시범사업'을 올해 하반기 출시한다.")
    assert ("국토교통부", "제2차 국가철도망 구축계획") in of(
        "ANNOUNCES", "국토교통부는 '제2차 국가철도망 구축계획'을 2026년 상반기에 고시할 예정이다.")
    assert ("중소벤처기업부", "2025년 스마트공장 보급사업") in of(
        "ANNOUNCES", "중소벤처기업부는 '2025년 스마트공장 보급사업' 공고를 6일 낸다고 5일 밝혔다.")
    # the notice as a noun that something follows is no act of the subject
    assert of("ANNOUNCES", "법제처는 '국가철도망 구축계획' 고시에 대한 의견을 들었다.") == set()


def test_running_a_programme_as_the_means_of_an_act_announces_it() -> None:
    assert ("산업부", "수소 도시 조성사업") in of("ANNOUNCES", "산업부는 '수소 도시 조성사업' 추진을 통해 수소 생태계를 확대한다.")
    # another party's programme that the subject only makes use of is not the subject's
    assert of("ANNOUNCES", "기업들은 정부의 '스마트공장 보급사업' 추진을 통해 생산성을 높였다.") == set()
    # an agency's report in committee: the reporting body runs it, though the sentence names no subject
    text = ("예. 2쪽입니다. 우주항공청은 우주항공 관련 정책과 연구개발을 관장하고 있습니다. "
            "9쪽, 탐사 부문에서는 달 탐사를 추진하며 '심우주 관측망 구축사업' 추진을 통해 탐사를 확대하겠습니다.")
    assert ("우주항공청", "심우주 관측망 구축사업") in of("ANNOUNCES", text)


def test_a_report_s_pledge_to_expand_a_programme_or_hold_a_meeting_is_the_reporting_body_s() -> None:
    text = ("존경하는 위원장님, 위원님 여러분! 과학기술정보통신부 장관 김민수입니다. "
            "과학기술정보통신부 주요 현안을 보고드리겠습니다. 아울러 '디지털 인재 양성 사업'을 확대하겠습니다. "
            "또한 하반기에 '디지털 포용 정책 간담회'를 개최하겠습니다.")
    got = of("ANNOUNCES", text)
    assert ("과학기술정보통신부", "디지털 인재 양성 사업") in got
    assert ("과학기술정보통신부", "디지털 포용 정책 간담회") in got
    # a quoted pledge of someone else in a release stays unattributed
    assert of("ANNOUNCES", "한 참석자는 \"'청년 창업 지원 사업'을 확대하겠다\"고 말했다.") == set()


def test_a_plan_due_within_a_period_is_scheduled_for_it() -> None:
    assert ("전세사기 피해 지원 대책", "이달") in of("SCHEDULED_FOR", "국토부는 이달 안으로 '전세사기 피해 지원 대책'을 확정한다.")
    assert ("중소기업 디지털 전환 전략", "올해") in of(
        "SCHEDULED_FOR", "정부는 올해 안에 '중소기업 디지털 전환 전략'을 마련하기로 했다.")
    # a period over is what was done then
    assert of("SCHEDULED_FOR", "정부는 지난해 안에 '중소기업 디지털 전환 전략'을 마련했다.") == set()


def test_running_a_quoted_campaign_or_carrying_a_programme_on_announces_it() -> None:
    assert ("환경부", "탄소중립 실천") in of("ANNOUNCES", "환경부는 오는 20일 '탄소중립 실천' 캠페인을 서울광장에서 진행한다.")
    assert ("산업부", "소부장 으뜸기업") in of("ANNOUNCES", "산업부는 '소부장 으뜸기업' 사업을 올해도 이어간다.")
    # carrying on research or a discussion is no programme run
    assert of("ANNOUNCES", "연구진은 '탄소중립 실천' 연구를 진행한다.") == set()


def test_an_association_that_holds_an_event_with_a_ministry_holds_it_too() -> None:
    got = of("ANNOUNCES", "한국무역협회는 산업부와 함께 오는 15일 '수출 바우처 설명회'를 개최한다.")
    assert got == {("한국무역협회", "수출 바우처 설명회"), ("산업부", "수출 바우처 설명회")}
    # a sponsor named in a clause before is not the subject
    assert ("삼성전자", "탄소중립 포럼") not in of("ANNOUNCES", "삼성전자가 후원하는 행사에서 환경부와 함께 '탄소중립 포럼'을 개최한다.")


def test_a_programme_carried_on_this_year_is_scheduled_for_it() -> None:
    assert ("국민 영상 공모전", "올해") in of(
        "SCHEDULED_FOR", "시청자가 만든 영상을 방송하는 '국민 영상 공모전'이 올해도 계속된다.", "2020-01-30")
    assert ("청년 일자리 박람회", "내년") in of("SCHEDULED_FOR", "'청년 일자리 박람회'는 내년에도 이어진다.")
    # told in the past, it is what happened then
    assert of("SCHEDULED_FOR", "작년에 시작된 '청년 일자리 박람회'는 올해도 계속됐다.") == set()


def test_this_as_the_object_of_a_plan_s_verb_is_the_plan_of_the_sentence_before() -> None:
    text = "국토부는 '광역교통 개선대책'을 마련했다. 국토부는 내년 1월부터 이를 단계적으로 시행한다."
    assert ("광역교통 개선대책", "내년 1월") in of("SCHEDULED_FOR", text)
    # '이를 위해' names no object; a past sentence reports what was done
    assert of("SCHEDULED_FOR", "산업부는 '수소 경제 로드맵'을 발표했다. 이를 위해 내년까지 예산 1조 원을 투입한다.") == set()
    assert of("SCHEDULED_FOR", "환경부는 '탄소중립 기본계획'을 수립했다. 환경부는 지난해부터 이를 추진해 왔다.") == set()


def test_a_public_corporation_s_head_reporting_to_a_committee_speaks_for_it() -> None:
    text = ("존경하는 위원장님과 위원님 여러분! 한국교육방송공사 사장 김철수입니다. 2023회계연도 결산을 보고드리겠습니다. "
            "올해는 '디지털 교과서 지원 사업'을 새로 도입하고 '평생학습 방송 프로그램'을 확대하겠습니다.")
    got = of("ANNOUNCES", text, "2024-07-10")
    assert got == {("한국교육방송공사", "디지털 교과서 지원 사업"), ("한국교육방송공사", "평생학습 방송 프로그램")}
