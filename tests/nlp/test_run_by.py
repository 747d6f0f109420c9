"""ANNOUNCES from a body to the programme named right after the clause in which the body runs
it ('X가 추진하고 있는 Y'), and to the programme it takes applications for or picks recipients
of (issue #20, round 3c: constructions of releases the sentence rules missed). Every sentence
was written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract


def announces(text: str) -> set[tuple[str, str]]:
    ex = extract(text, "2025-03-05")
    return {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "ANNOUNCES"}


def test_a_body_running_a_programme_in_a_relative_clause_announces_it() -> None:
    assert ("해양수산부", "어촌뉴딜 300 사업") in announces(
        "정부는 해양수산부가 추진하고 있는 '어촌뉴딜 300 사업'을 확대하기로 했다.")
    assert ("산업통상자원부", "소부장 으뜸기업 육성 사업") in announces(
        "산업통상자원부가 추진하고 있는 '소부장 으뜸기업 육성 사업'은 올해로 5년째다.")
    # the topic of the sentence is an event of the programme, the programme is the body's own
    assert ("보건복지부", "공공기관 헌혈 릴레이 캠페인") in announces(
        "이번 행사는 보건복지부가 추진 중인 '공공기관 헌혈 릴레이 캠페인'의 일환이다.")


def test_bodies_holding_an_event_together_both_announce_it() -> None:
    got = announces("이날 시상식은 한국관광공사와 한국문화관광연구원이 공동 주최하는 '지역관광 우수사례 공모전'의 마무리 행사다.")
    assert {("한국관광공사", "지역관광 우수사례 공모전"), ("한국문화관광연구원", "지역관광 우수사례 공모전")} <= got


def test_a_clause_with_another_party_or_subject_between_is_not_the_body_s() -> None:
    # the ministry is the topic of the sentence; the programme is the county's
    got = announces("행정안전부는 양평군이 운영하는 '청년 귀촌 체험 프로그램'을 우수사례로 소개했다.")
    assert ("행정안전부", "청년 귀촌 체험 프로그램") not in got
    # '주관하는': in charge of it (LEADS), not announcing it
    assert ("특허청", "지식재산 정책기자단") not in announces("특허청이 주관하는 '지식재산 정책기자단'은 올해로 10기를 맞았다.")


def test_a_body_taking_applications_or_picking_recipients_runs_the_programme() -> None:
    assert ("중소벤처기업부", "스마트공장 구축 지원사업") in announces(
        "중소벤처기업부는 '스마트공장 구축 지원사업' 신청을 3월 10일부터 접수한다.")
    assert ("농림축산식품부", "청년농 영농정착 지원사업") in announces(
        "농림축산식품부는 '청년농 영농정착 지원사업' 대상자 2000명을 선발한다고 밝혔다.")
    # applicants who apply for it take part; the ministry that tells them to is no runner of it
    assert ("고용노동부", "청년 일자리 도약 장려금") not in announces(
        "고용노동부는 기업들이 한국산업인력공단의 '청년 일자리 도약 장려금' 신청을 서둘러 달라고 당부했다.")


def test_a_report_s_own_pledges_are_its_speaker_s_body_s() -> None:
    # a minister's work report to a committee: the body named with the speaker, pledges without a subject
    got = announces("존경하는 위원장님, 위원님 여러분! 과학기술정보통신부 장관 김민수입니다. 2025년도 주요 업무를 "
                    "보고드리겠습니다. 먼저, 올해 '인공지능 일상화 프로젝트'를 본격 추진하겠습니다. 또한 하반기에는 "
                    "'디지털 포용 종합계획'을 수립하겠습니다.")
    assert {("과학기술정보통신부", "인공지능 일상화 프로젝트"), ("과학기술정보통신부", "디지털 포용 종합계획")} <= got
    got = announces("예. 2쪽입니다. 기상청은 기상 예보와 관측 업무를 관장하고 있습니다. 5쪽, 분야별 업무 추진 계획입니다. "
                    "예보 부문에서는 '위험기상 예보 로드맵'을 마련하고 '수치예보 모델 고도화 사업'을 추진하겠습니다.")
    assert ("기상청", "수치예보 모델 고도화 사업") in got
    # a pledge quoted in a news item may be anyone's: '…하겠다고 말했다' is not the release's own
    got = announces("환경부는 7일 업계와 간담회를 가졌다. 이 자리에서 '자발적 감축 협약'을 추진하겠다는 발언이 이어졌다.")
    assert ("환경부", "자발적 감축 협약") not in got


def test_the_subject_acting_to_run_a_programme_announces_it() -> None:
    assert ("유성구", "주민 복합문화센터 건립 사업") in announces(
        "대전 유성구는 지역 건설사와 '주민 복합문화센터 건립 사업' 추진을 위한 업무협약을 체결했다.")
    assert ("산업통상자원부", "디지털 통상 협정") in announces(
        "산업통상자원부는 '디지털 통상 협정' 추진을 위해 업계 의견을 수렴했다.")
    # another body's programme ('정부의'): the bank funds it, it does not run it
    assert ("한국은행", "소상공인 금융지원 프로그램") not in announces(
        "한국은행은 정부의 '소상공인 금융지원 프로그램' 시행을 위해 자금을 공급한다.")


def test_a_release_opening_with_its_minister_in_brackets_carries_its_body() -> None:
    got = announces("농림축산식품부(장관 송미령, 이하 농식품부)는 청년농 육성 방안을 마련했다고 5일 밝혔다. "
                    "우선 '청년농 창업 지원 프로그램'을 신설한다. 또한 '스마트팜 임대 사업'을 확대 운영한다.")
    assert {("농림축산식품부", "청년농 창업 지원 프로그램"), ("농림축산식품부", "스마트팜 임대 사업")} <= got
