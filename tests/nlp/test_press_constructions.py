"""Relations in the constructions Korean press releases share (issue #20): attendee lists,
agreements and their parties, meetings held with others, holding and chairing. Every
sentence here is written for the test, none is taken from the gold sets or a document."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def test_every_company_of_a_list_before_attending_takes_part() -> None:
    # the commas of a list do not end the clause of '참석한 가운데'
    found = rels("중소벤처기업부는 5일 네이버, 카카오, 쿠팡 등 플랫폼 기업 대표가 참석한 가운데 '플랫폼 상생 간담회'를 열었다.")
    for company in ("네이버", "카카오", "쿠팡"):
        assert ("PARTICIPATES_IN", company, "플랫폼 상생 간담회") in found
    assert ("ANNOUNCES", "중소벤처기업부", "플랫폼 상생 간담회") in found


def test_both_parties_sign_an_agreement() -> None:
    found = rels("한국전력은 삼성물산과 '해상풍력 공동개발 업무협약(MOU)'을 체결했다고 밝혔다.")
    assert {r[1] for r in found if r[0] == "PARTICIPATES_IN"} == {"한국전력", "삼성물산"}
    found = rels("환경부는 20일 현대자동차, 기아와 '배터리 재활용 업무협약'을 맺었다.")
    assert {r[1] for r in found if r[0] == "PARTICIPATES_IN"} == {"환경부", "현대자동차", "기아"}


def test_a_body_of_an_earlier_clause_does_not_sign_what_the_next_clause_signs() -> None:
    found = rels("산업통상자원부는 22일 'AI 물류 얼라이언스' 출범식을 열고, 참여 기업과 업무협약을 맺었다.")
    assert not any(r[0] == "PARTICIPATES_IN" and r[1] == "산업통상자원부" for r in found)


def test_who_a_meeting_is_held_with_takes_part() -> None:
    found = rels("기획재정부는 LG화학 등 석유화학 업계와 함께 「석유화학 수출 점검회의」를 개최했다.")
    assert ("PARTICIPATES_IN", "LG화학", "석유화학 수출 점검회의") in found
    assert ("PARTICIPATES_IN", "기획재정부", "석유화학 수출 점검회의") not in found


def test_an_attendee_list_brings_the_companies_of_its_executives() -> None:
    found = rels("산업통상자원부는 3일 '소재부품 간담회'를 열었다.\n"
                 "이날 간담회에는 김철수 삼성전자 부사장, 이영희 현대자동차 전무, 박민준 포스코 상무 등이 참석했다.")
    for who in ("김철수", "삼성전자", "이영희", "현대자동차", "박민준", "포스코"):
        assert ("PARTICIPATES_IN", who, "간담회") in found
    # two people as the subject are no list: they attend, their companies are only named
    found = rels("박정수 한화 부회장과 정미영 두산 사장이 'AI 로봇 협의회' 출범식에 참석했다.")
    assert ("PARTICIPATES_IN", "한화", "AI 로봇 협의회 출범식") not in found


def test_sitting_together_is_attending() -> None:
    found = rels("산업통상자원부는 3일 '소재부품 간담회'를 열었다.\n한국무역협회, 한국경영자총협회 관계자들도 자리를 같이했다.")
    assert ("PARTICIPATES_IN", "한국무역협회", "소재부품 간담회") in found
    assert ("PARTICIPATES_IN", "한국경영자총협회", "소재부품 간담회") in found


def test_holding_a_meeting_with_jinhaeng() -> None:
    assert ("ANNOUNCES", "과학기술정보통신부", "AI 안전 간담회") in rels("과학기술정보통신부는 7일 'AI 안전 간담회'를 진행했다.")
    # running a programme is no holding of a meeting
    assert not rels("과학기술정보통신부는 올해 'AI 바우처 사업'을 진행했다.") & {
        ("ANNOUNCES", "과학기술정보통신부", "AI 바우처 사업")}


def test_a_vice_minister_with_an_ordinal_title_holds_the_meeting() -> None:
    assert ("LEADS", "이창윤", "ICT 수출 점검회의") in rels("이창윤 제1차관은 8일 'ICT 수출 점검회의'를 개최했다.")


def test_the_owner_of_the_venue_takes_no_part() -> None:
    found = rels("현대자동차그룹의 연수원에서 15개 기업이 참가한 가운데 '상생 협약식'이 열렸다.")
    assert not any(r[0] == "PARTICIPATES_IN" for r in found)


def test_deadlines_of_plans() -> None:
    assert ("SCHEDULED_FOR", "연안 정비 계획", "연내") in rels("해양수산부는 '연안 정비 계획'을 연내 확정할 예정이다.")
    assert ("SCHEDULED_FOR", "탄소중립 실천 로드맵", "올해 상반기 중") in rels(
        "환경부는 올해 상반기 중 '탄소중립 실천 로드맵'을 마련할 계획이다.")


def test_conducting_a_programme_is_announcing_it_by_its_subject_only() -> None:
    assert ("ANNOUNCES", "고용노동부", "청년 일경험 지원 사업") in rels("고용노동부가 '청년 일경험 지원 사업'을 실시한다고 밝혔다.")
    # the chair of a sitting conducts the hearing about a nominee of the body, not the body
    found = rels("오늘 회의에서는 국토교통부 장관후보자에 대한 인사청문회를 실시하겠습니다.")
    assert not any(r[0] == "ANNOUNCES" for r in found)


def test_a_meeting_with_a_group_led_by_someone() -> None:
    found = rels("김민호 행정안전부 장관은 5일 이영수 지방자치단체협의회 회장을 비롯한 협의회 임원단과 간담회를 가졌다.")
    assert ("PARTICIPATES_IN", "이영수", "간담회") in found
    assert ("PARTICIPATES_IN", "지방자치단체협의회", "간담회") in found
    # the minister, the subject with his title, holds it
    assert ("LEADS", "김민호", "간담회") in found
    assert ("PARTICIPATES_IN", "김민호", "간담회") not in found


def test_who_will_take_part_is_not_the_subject_that_recruits_them() -> None:
    found = rels("환경부와 한국환경공단은 '녹색기업 지원 프로그램'에 참여할 중소기업을 모집한다고 밝혔다.")
    assert not any(r[0] == "PARTICIPATES_IN" for r in found)
    assert ("ANNOUNCES", "환경부", "녹색기업 지원 프로그램") in found


def test_who_speaks_at_the_event_takes_part_in_it() -> None:
    found = rels("과학기술정보통신부는 12일 'AI 윤리 포럼'을 개최했다.\n"
                 "이날 포럼에서 김지훈 네이버 상무는 \"AI 안전이 중요하다\"고 강조했다.")
    assert ("PARTICIPATES_IN", "김지훈", "포럼") in found
    assert ("PARTICIPATES_IN", "네이버", "포럼") not in found  # the person speaks
    found = rels("과학기술정보통신부는 12일 'AI 윤리 포럼'을 개최했다.\n이 자리에서 이수민 카카오 부사장은 업계의 협력을 당부했다.")
    assert ("PARTICIPATES_IN", "이수민", "AI 윤리 포럼") in found
    # what someone said elsewhere is no part in the event
    found = rels("과학기술정보통신부는 12일 'AI 윤리 포럼'을 개최했다.\n이수민 카카오 부사장은 지난달 업계의 협력을 당부했다.")
    assert not any(r[0] == "PARTICIPATES_IN" for r in found)


def test_a_list_that_joins_the_event_with_hamkke() -> None:
    found = rels("대통령실은 15일 '경제계 신년 간담회'를 연다고 밝혔다.\n간담회에는 삼성, SK, 현대자동차, LG 등 4대 그룹 총수가 함께한다.")
    for group in ("삼성", "SK", "현대자동차", "LG"):
        assert ("PARTICIPATES_IN", group, "간담회") in found


def test_a_bare_attendance_line_and_a_photo_caption() -> None:
    found = rels("산업통상자원부는 20일 '반도체 투자 간담회'를 개최했다.\n* 참석 : 삼성전자, SK하이닉스, DB하이텍")
    for company in ("삼성전자", "SK하이닉스", "DB하이텍"):
        assert ("PARTICIPATES_IN", company, "반도체 투자 간담회") in found
    found = rels("산업통상자원부는 20일 '반도체 투자 간담회'를 개최했다.\n"
                 "(왼쪽부터) 김철수 삼성전자 사장, 박영희 장관, 이민수 SK하이닉스 부회장")
    for who in ("김철수", "삼성전자", "이민수", "SK하이닉스"):
        assert ("PARTICIPATES_IN", who, "반도체 투자 간담회") in found


def test_the_speaker_is_the_subject_of_the_venues_clause() -> None:
    # a body quoted in the speech is no speaker; who gives a briefing leads it
    found = rels("정민지 의원은 '청년정책 브리핑'에서 \"한국당은 오늘부터 개혁에 나선다\"고 밝혔다.")
    assert ("LEADS", "정민지", "청년정책 브리핑") in found
    assert not any(r[0] == "PARTICIPATES_IN" for r in found)
    # the subject of another clause after the venue's clause is not at the venue
    found = rels("박민수 원내대표는 19일 '원내 대책회의'에서 \"환영한다\"라고 하였지만, 최정호 대표는 페이스북에서 반대 의사를 밝혔다.")
    assert ("PARTICIPATES_IN", "최정호", "원내 대책회의") not in found


def test_introducing_a_programme_is_announcing_it() -> None:
    found = rels("국토교통부는 올해 '스마트시티 챌린지 사업'을 새로 도입한다고 밝혔다.")
    assert ("ANNOUNCES", "국토교통부", "스마트시티 챌린지 사업") in found


def test_an_application_period_before_the_call_to_apply() -> None:
    found = rels("고용노동부는 '청년 도전 지원 사업' 참여자를 모집한다.\n"
                 "참여를 원하는 청년은 오는 3월 15일부터 4월 5일까지 고용24 누리집에서 신청하면 된다.")
    assert ("SCHEDULED_FOR", "청년 도전 지원 사업", "오는 3월 15일부터 4월 5일") in found


def test_a_list_of_members_or_exhibitors_as_the_topic() -> None:
    found = rels("산업통상자원부는 '수소 얼라이언스'를 출범시켰다.\n회원사는 현대자동차, 효성중공업, 두산에너빌리티 등 30개사다.")
    for company in ("현대자동차", "효성중공업", "두산에너빌리티"):
        assert ("PARTICIPATES_IN", company, "수소 얼라이언스") in found
    found = rels("산업통상자원부는 5일 '수출 기업 간담회'를 열었다.\n참가 기업은 삼성전자, LG전자, 포스코 등이다.")
    assert ("PARTICIPATES_IN", "포스코", "수출 기업 간담회") in found


def test_what_is_conducted_is_the_object_or_what_follows_not_the_law_it_follows() -> None:
    found = rels("과학기술정보방송통신위원회가 국회법 제65조에 따라 실시하는 '방송법 입법청문회'에 출석했다.")
    assert ("ANNOUNCES", "과학기술정보방송통신위원회", "국회법") not in found
