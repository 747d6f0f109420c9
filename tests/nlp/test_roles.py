"""Roles around a programme or meeting in the forms real releases use (issue #20: relations
on text the rules were not written on); sentences of our own."""
from __future__ import annotations

from tests.nlp._extract import rels


def test_a_council_with_a_minister_as_its_chair() -> None:
    assert ("LEADS", "안덕근", "협의회") in rels(
        "협의회는 안덕근 산업통상자원부 장관을 위원장으로 하고 민간 전문가 20명으로 구성된다.")
    assert ("LEADS", "김동명", "배터리 수출 추진단") in rels(
        "산업부는 김동명 사장을 단장으로 하는 '배터리 수출 추진단'을 꾸렸다.")


def test_co_chairs_of_a_quoted_alliance_and_of_the_council_a_clause_describes() -> None:
    got = rels("'K-배터리 얼라이언스'는 LG에너지솔루션 김동명 사장과 이창양 장관이 공동위원장을 맡는다.")
    assert {("LEADS", "김동명", "K-배터리 얼라이언스"), ("LEADS", "이창양", "K-배터리 얼라이언스")} <= got
    got = rels("김미화 이사장과 한정애 환경부 장관이 공동위원장을 맡은 정책협의회가 출범했다.")
    assert {("LEADS", "김미화", "정책협의회"), ("LEADS", "한정애", "정책협의회")} <= got


def test_the_head_named_around_the_alliance() -> None:
    assert ("LEADS", "김동명", "K-배터리 얼라이언스") in rels(
        "김동명 사장이 이끄는 'K-배터리 얼라이언스'는 20개 기업으로 구성된다.")
    assert ("LEADS", "김동명", "K-배터리 얼라이언스") in rels(
        "'K-배터리 얼라이언스' 위원장인 김동명 사장은 \"협력을 강화하겠다\"고 말했다.")
    assert ("LEADS", "이종호", "AI 반도체 협의회") in rels(
        "'AI 반도체 협의회' 의장은 이종호 과학기술정보통신부 장관이다.")


def test_members_of_a_council_and_a_member_company() -> None:
    got = rels("'AI 반도체 협의회'는 산업부와 과기정통부, 삼성전자, SK하이닉스 등으로 구성된다.")
    assert {("PARTICIPATES_IN", x, "AI 반도체 협의회") for x in ("산업부", "과기정통부", "삼성전자", "SK하이닉스")} <= got
    assert ("PARTICIPATES_IN", "LG전자", "AI 가전 얼라이언스") in rels(
        "LG전자는 'AI 가전 얼라이언스'의 회원사로 활동하고 있다.")


def test_who_is_selected_for_a_programme_takes_part_in_it() -> None:
    got = rels("'스마트공장 보급사업'에 선정된 한울로보틱스, 비전랩스 등 5개 기업은 최대 10억 원을 지원받는다.")
    assert {("PARTICIPATES_IN", "한울로보틱스", "스마트공장 보급사업"), ("PARTICIPATES_IN", "비전랩스", "스마트공장 보급사업")} <= got
    assert ("PARTICIPATES_IN", "한울로보틱스", "스마트공장 보급사업") in rels("한울로보틱스는 '스마트공장 보급사업'에 최종 선정됐다.")
    got = rels("과기정통부는 네이버, 카카오 등 5개 기업을 '독자 AI 파운데이션 모델 프로젝트' 참여 기업으로 선정했다.")
    assert ("PARTICIPATES_IN", "네이버", "독자 AI 파운데이션 모델 프로젝트") in got
    assert ("ANNOUNCES", "과기정통부", "독자 AI 파운데이션 모델 프로젝트") in got  # the selector runs it
    assert ("PARTICIPATES_IN", "과기정통부", "독자 AI 파운데이션 모델 프로젝트") not in got


def test_tabling_or_reporting_at_a_meeting_is_taking_part() -> None:
    assert ("PARTICIPATES_IN", "기획재정부", "국무회의") in rels("기획재정부는 국무회의에 '2025년 예산안'을 상정했다.")
    got = rels("이번 회의에서 산업부는 '반도체 수출 동향'을, 과기정통부는 'AI 반도체 전략'을 보고했다.")
    assert {("PARTICIPATES_IN", "산업부", "회의"), ("PARTICIPATES_IN", "과기정통부", "회의")} <= got
    # announcing at one's own event is no report to it
    got = rels("산업부는 21일 반도체 업계 간담회에서 '반도체 지원 방안'을 발표했다.")
    assert not {r for r in got if r[0] == "PARTICIPATES_IN"}


def test_the_speaker_named_before_the_meeting() -> None:
    assert ("PARTICIPATES_IN", "안덕근", "반도체 업계 간담회") in rels(
        "안덕근 산업통상자원부 장관은 반도체 업계 간담회에서 \"지원을 아끼지 않겠다\"고 말했다.")
    # the meeting of a clause that describes something else is not where the subject speaks
    assert not {r for r in rels("안덕근 장관은 지난 간담회에서 논의된 과제를 점검했다고 말했다.") if r[0] == "PARTICIPATES_IN"}


def test_hosts_named_after_the_event_and_joint_hosts() -> None:
    got = rels("이번 포럼은 과학기술정보통신부가 주최하고 한국지능정보사회진흥원이 주관한다.")
    assert {("ANNOUNCES", "과학기술정보통신부", "포럼"), ("LEADS", "한국지능정보사회진흥원", "포럼")} <= got
    got = rels("'2025 AI 엑스포'는 과기정통부 주최, NIPA 주관으로 열린다.")
    assert {("ANNOUNCES", "과기정통부", "2025 AI 엑스포"), ("LEADS", "NIPA", "2025 AI 엑스포")} <= got
    got = rels("한국무역협회는 산업통상자원부와 공동으로 '수출 현장 간담회'를 개최했다.")
    assert {("ANNOUNCES", "한국무역협회", "수출 현장 간담회"), ("ANNOUNCES", "산업통상자원부", "수출 현장 간담회")} <= got


def test_a_list_closed_by_its_count_takes_part_in_the_meeting_held_with_it() -> None:
    got = rels("산업통상자원부는 KOTRA, 무역협회 등 10개 기관과 함께 '수출 비상대책회의'를 개최했다.")
    assert {("PARTICIPATES_IN", "KOTRA", "수출 비상대책회의"), ("PARTICIPATES_IN", "무역협회", "수출 비상대책회의")} <= got


def test_the_attendee_a_clause_describes() -> None:
    assert ("PARTICIPATES_IN", "안덕근", "개막식") in rels(
        "이날 개막식에 참석한 안덕근 장관은 \"반도체는 우리 경제의 핵심\"이라고 강조했다.")
    got = rels("이날 개막식에 참석한 산업통상자원부 안덕근 장관과 삼성전자 경계현 사장은 기념 촬영을 했다.")
    assert {("PARTICIPATES_IN", "안덕근", "개막식"), ("PARTICIPATES_IN", "경계현", "개막식"),
            ("PARTICIPATES_IN", "삼성전자", "개막식")} <= got
    assert ("PARTICIPATES_IN", "산업통상자원부", "개막식") not in got  # the minister is there as himself


def test_an_invited_guest_takes_part_and_the_host_with_two_posts_leads() -> None:
    got = rels("자동차업계는 14일 협동조합 회의실에서 김한결 산업통상자원부 장관을 초청한 가운데 자동차 업계 간담회를 개최했다.")
    assert ("PARTICIPATES_IN", "김한결", "자동차 업계 간담회") in got
    assert ("ANNOUNCES", "산업통상자원부", "자동차 업계 간담회") not in got  # the guest's ministry holds nothing
    got = rels("김한결 장관은 정민호 삼성전자 사장 등을 초청해 반도체 업계 간담회를 열었다.")
    assert {("PARTICIPATES_IN", "정민호", "반도체 업계 간담회"), ("LEADS", "김한결", "반도체 업계 간담회")} <= got
    assert ("LEADS", "배정훈", "간담회") in rels(
        "배정훈 부총리 겸 과학기술정보통신부 장관은 22일 정보통신 원로들을 초청해 간담회를 개최했다.")


def test_bodies_that_discuss_at_a_meeting_take_part_and_joint_runners_lead() -> None:
    got = rels("산업부, 기재부 등 관계부처는 '경제관계장관회의'에서 '수출 활성화 방안'을 논의했다.")
    assert {("PARTICIPATES_IN", "산업부", "경제관계장관회의"), ("PARTICIPATES_IN", "기재부", "경제관계장관회의")} <= got
    got = rels("'AI 반도체 사업'은 산업부, 과기정통부, 중기부 3개 부처가 공동 주관한다.")
    assert {("LEADS", x, "AI 반도체 사업") for x in ("산업부", "과기정통부", "중기부")} <= got
    assert ("LEADS", "산업부", "AI 반도체 사업") in rels("산업부와 과기정통부가 공동 주관하는 'AI 반도체 사업'은 내년에 시작된다.")


def test_the_host_of_a_meeting_does_not_also_take_part_in_it_in_a_later_sentence() -> None:
    got = rels("산업부는 21일 '반도체 업계 간담회'를 개최했다. 산업부는 '반도체 업계 간담회'에서 업계와 지원 방안을 논의했다.")
    assert ("ANNOUNCES", "산업부", "반도체 업계 간담회") in got
    assert ("PARTICIPATES_IN", "산업부", "반도체 업계 간담회") not in got


def test_a_chair_among_the_attendees_leads_the_meeting_and_members_named_with_their_titles() -> None:
    got = rels("이번 위촉식에는 공동위원장인 김미화 자원순환사회연대 이사장 등 민간위원 8명과 한정애 환경부 장관 등 "
               "정부위원 7명이 참석했다.")
    assert ("LEADS", "김미화", "위촉식") in got and ("PARTICIPATES_IN", "김미화", "위촉식") not in got
    assert ("PARTICIPATES_IN", "한정애", "위촉식") in got
    got = rels("'수출 협의회'는 한국무역협회 소속 10개 단체와 산업부 차관 및 실·국장으로 구성된다.")
    assert {("PARTICIPATES_IN", "한국무역협회", "수출 협의회"), ("PARTICIPATES_IN", "산업부", "수출 협의회")} <= got


def test_the_host_of_the_event_a_clause_describes_and_two_events_attended() -> None:
    got = rels("국토교통부가 주최하고 해외건설협회가 주관하는 이번 국제 회의에는 30여개국 장차관이 참석했다.")
    assert {("ANNOUNCES", "국토교통부", "국제 회의"), ("LEADS", "해외건설협회", "국제 회의")} <= got
    assert ("PARTICIPATES_IN", "국토교통부", "국제 회의") not in got  # the host
    got = rels("박상민 국토교통부 장관은 바르샤바에서 열리는 'OECD 지역개발정책 장관급 회의'와 'ITF 교통장관회의'에 참석한다.")
    assert {("PARTICIPATES_IN", "박상민", "OECD 지역개발정책 장관급 회의"), ("PARTICIPATES_IN", "박상민", "ITF 교통장관회의")} <= got


def test_a_list_closed_by_its_count_is_the_subject() -> None:
    for text in ("LG전자, 삼성전자 등 20개 기업은 'AI 얼라이언스'에 참여한다.",
                 "LG전자와 삼성전자 등 국내 20개 기업은 'AI 얼라이언스'에 참여한다."):
        got = rels(text)
        assert {("PARTICIPATES_IN", "LG전자", "AI 얼라이언스"), ("PARTICIPATES_IN", "삼성전자", "AI 얼라이언스")} <= got


def test_a_part_at_the_event_and_signing_there() -> None:
    assert ("PARTICIPATES_IN", "김지훈", "포럼") in rels("이날 포럼에서는 김지훈 네이버 상무가 발표자로 나섰다.")
    assert ("PARTICIPATES_IN", "박정우", "AI 윤리 포럼") in rels("'AI 윤리 포럼'에서는 박정우 카이스트 교수가 기조강연을 맡았다.")
    got = rels("이어 열린 토론회에는 이민수 서울대 교수, 정하나 LG AI연구원 상무가 토론자로 참여했다.")
    assert ("PARTICIPATES_IN", "이민수", "토론회") in got and ("PARTICIPATES_IN", "서울대", "토론회") not in got
    got = rels("이날 출범식에서 LG전자, 삼성전자 등 20개 기업은 '얼라이언스 헌장'에 서명했다.")
    assert {("PARTICIPATES_IN", "LG전자", "출범식"), ("PARTICIPATES_IN", "삼성전자", "출범식")} <= got


def test_a_company_coordinated_with_a_public_body_runs_the_programme_too() -> None:
    got = rels("이번 협약에 따라 한국전력과 삼성물산은 '원전 수출 사업'을 공동으로 추진한다.")
    assert {("ANNOUNCES", "한국전력", "원전 수출 사업"), ("ANNOUNCES", "삼성물산", "원전 수출 사업")} <= got


def test_list_shapes_of_participants() -> None:
    members = {("PARTICIPATES_IN", x, "AI 반도체 협의회") for x in ("삼성전자", "SK하이닉스", "LG전자")}
    assert members <= rels("삼성전자·SK하이닉스·LG전자는 'AI 반도체 협의회'에 참여한다.")
    assert members <= rels("삼성전자ㆍSK하이닉스ㆍLG전자는 'AI 반도체 협의회'에 참여한다.")
    got = rels("한국전력, 한국수력원자력, 한국가스공사 등 에너지 공기업 3곳이 '에너지 안보 협의체'에 가입했다.")
    assert {("PARTICIPATES_IN", x, "에너지 안보 협의체") for x in ("한국전력", "한국수력원자력", "한국가스공사")} <= got
    got = rels("'AI 반도체 협의회'에는 삼성전자(대표 한종희), SK하이닉스(대표 곽노정)가 참여한다.")
    assert {("PARTICIPATES_IN", "삼성전자", "AI 반도체 협의회"), ("PARTICIPATES_IN", "곽노정", "AI 반도체 협의회")} <= got
    got = rels("'원전 수출 업무협약'을 체결한 한국전력과 두산에너빌리티는 공동 수주에 나선다.")
    assert {("PARTICIPATES_IN", "한국전력", "원전 수출 업무협약"), ("PARTICIPATES_IN", "두산에너빌리티", "원전 수출 업무협약")} <= got


def test_the_head_named_as_its_chair_or_as_who_leads_it() -> None:
    assert ("LEADS", "김동명", "K-배터리 얼라이언스") in rels(
        "'K-배터리 얼라이언스' 위원장 김동명 사장은 \"협력을 강화하겠다\"고 말했다.")
    assert ("LEADS", "김동명", "배터리 수출 추진단") in rels("'배터리 수출 추진단'은 김동명 단장이 이끈다.")


def test_visiting_or_viewing_an_event_and_a_spokesman_at_a_press_meeting() -> None:
    assert ("PARTICIPATES_IN", "김정관", "CES 2026") in rels("김정관 장관은 'CES 2026'을 참관하고 국내 기업 전시관을 둘러봤다.")
    assert ("PARTICIPATES_IN", "안덕근", "반도체 박람회") in rels(
        "안덕근 장관은 코엑스에서 열린 '반도체 박람회'를 찾아 기업 부스를 둘러봤다.")
    # who speaks at his own press meeting gives it (the guideline's briefing rule)
    got = rels("숀 스아이셔 대변인은 비공식 기자 간담회에서 \"방어능력을 강화할 것\"이라고 말했다.")
    assert ("LEADS", "스아이셔", "간담회") in got and ("PARTICIPATES_IN", "스아이셔", "간담회") not in got


def test_a_bare_day_later_this_month_in_a_sentence_about_what_is_to_come() -> None:
    # '21일' of a release of 5 March is the nearest 21st by value (21 February), but a
    # meeting that 'will be held' then is due on 21 March
    assert ("SCHEDULED_FOR", "경제관계장관회의", "21일") in rels("경제관계장관회의가 21일 열린다.", "2025-03-05")
    assert not {r for r in rels("경제관계장관회의가 21일 열렸다.", "2025-03-05") if r[0] == "SCHEDULED_FOR"}
    got = rels("산업부는 4일 '반도체 전략'을 발표하고 21일 간담회를 연다.", "2025-03-05")
    assert ("SCHEDULED_FOR", "간담회", "21일") in got and ("SCHEDULED_FOR", "반도체 전략", "4일") not in got
    # a day in a clause about what was done then is no schedule
    got = rels("산업부가 21일 발표한 'K-반도체 전략'에 따르면 정부는 세제 지원을 늘린다.", "2025-03-05")
    assert not {r for r in got if r[0] == "SCHEDULED_FOR"}


def test_an_officials_agenda_lists_the_events_they_attend() -> None:
    got = rels("[과기정통부]\n▲ 장석호 2차관\n10:30 국가경제자문회의(마포 프론트원빌딩)\n14:00 디지털 뉴딜 투자설명회(여의도)\n"
               "[외교부]\n▲ 강민아 장관\n15:00 실국장회의(외교부)")
    assert {("PARTICIPATES_IN", "장석호", "국가경제자문회의"), ("PARTICIPATES_IN", "강민아", "실국장회의")} <= got
    assert ("PARTICIPATES_IN", "장석호", "실국장회의") not in got  # another official's line


def test_who_a_meeting_is_held_with_named_before_or_after_it() -> None:
    got = rels("안덕근 장관은 삼성전자, SK하이닉스 등 반도체 기업 대표들과 '반도체 업계 간담회'를 가졌다.")
    assert {("PARTICIPATES_IN", "삼성전자", "반도체 업계 간담회"), ("LEADS", "안덕근", "반도체 업계 간담회")} <= got
    assert ("PARTICIPATES_IN", "경계현", "간담회") in rels("안덕근 장관은 삼성전자 경계현 사장 등과 간담회를 갖고 지원 방안을 논의했다.")
    got = rels("산업부는 '반도체 업계 간담회'를 열고 삼성전자, SK하이닉스 등과 지원 방안을 논의했다.")
    assert {("PARTICIPATES_IN", "삼성전자", "반도체 업계 간담회"), ("PARTICIPATES_IN", "SK하이닉스", "반도체 업계 간담회")} <= got
    # what the host only checks after it is no one's taking part
    assert not {r for r in rels("산업부는 간담회를 개최하고 삼성전자의 투자 계획을 점검했다.") if r[0] == "PARTICIPATES_IN"}


def test_signers_at_a_ceremony_with_their_companies_and_a_day_whose_tense_is_unsaid() -> None:
    got = rels("이날 협약식에서 경계현 삼성전자 사장과 김동명 LG에너지솔루션 사장이 협약서에 서명했다.")
    assert {("PARTICIPATES_IN", x, "협약식") for x in ("경계현", "김동명", "삼성전자", "LG에너지솔루션")} <= got
    # '21일 … 맺고 … 나선다': the first clause's day is not read as one ahead
    got = rels("한국전력은 21일 두산에너빌리티와 '소형모듈원전 협력 협약'을 맺고 공동 연구에 나선다.", "2025-03-05")
    assert not {r for r in got if r[0] == "SCHEDULED_FOR"}


def test_an_attendee_mark_split_from_its_list_and_taking_the_stage() -> None:
    got = rels("이낙연 국무총리는 17일 '정상회담 점검회의'를 주재했습니다. * (참석) 노태강 문화체육관광부 제2차관, "
               "박정렬 국민소통실장 등")
    assert {("PARTICIPATES_IN", "노태강", "정상회담 점검회의"), ("PARTICIPATES_IN", "박정렬", "정상회담 점검회의")} <= got
    assert ("PARTICIPATES_IN", "이희아", "신년인사회") in rels("'네 손가락 피아니스트' 이희아 씨가 청와대 신년인사회 무대에 오릅니다.")
