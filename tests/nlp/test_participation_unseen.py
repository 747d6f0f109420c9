"""Who takes part and who leads, on text the rules were not written on (issue #20, second
round on real-dev-55 … 93): reports received, laws a body holds, spokespersons' briefings,
groups named by one member, and who only reports or quotes; every sentence written for
these tests."""
from __future__ import annotations

from tests.nlp._extract import rels

P = "PARTICIPATES_IN"
L = "LEADS"


def test_who_receives_a_work_briefing_presides_and_who_gives_it_takes_part() -> None:
    got = rels("김민준 국무총리는 어제 환경부에 이어 오늘 국토교통부와 해양수산부로부터 업무보고를 받았다.")
    assert (L, "김민준", "업무보고") in got
    assert {(P, x, "업무보고") for x in ("환경부", "국토교통부", "해양수산부")} <= got
    assert (P, "김민준", "업무보고") not in got
    got = rels("이서연 총리는 오는 12일 교육부를 시작으로 각 부처로부터 업무보고를 받는다.")
    assert {(L, "이서연", "업무보고"), (P, "교육부", "업무보고")} <= got


def test_laws_under_a_bodys_jurisdiction_are_led_by_it() -> None:
    got = rels("이번 본회의에서 전파법 개정안과 정보통신망법 개정안 등 방송통신위원회 소관 4개 법률이 통과되었다.")
    assert {(L, "방송통신위원회", "전파법 개정안"), (L, "방송통신위원회", "정보통신망법 개정안")} <= got
    got = rels("해양수산부는 해운법, 항만법 등 총 5개 법률을 소관하고 있습니다.")
    assert {(L, "해양수산부", "해운법"), (L, "해양수산부", "항만법")} <= got
    got = rels("해양경찰청은 해양 안전 정책을 맡고 있습니다. 해수부에서 이관받은 수상구조법 등 총 3개 법률을 소관하고 있습니다.")
    assert (L, "해양경찰청", "수상구조법") in got  # the subjectless sentence goes on with the topic before


def test_the_spokesperson_named_before_a_written_briefing_gives_it() -> None:
    got = rels("국무회의 결과 관련 박서준 대변인 서면 브리핑")
    assert (L, "박서준", "서면 브리핑") in got


def test_a_person_who_has_a_meeting_in_speech_leads_it() -> None:
    got = rels("내일 김철수 장관이 중소기업인들과 간담회를 합니다.")
    assert (L, "김철수", "간담회") in got


def test_one_named_member_of_a_group_that_takes_part() -> None:
    got = rels("가수 이하늘 씨를 포함한 많은 시민들이 이번 '사랑의 걷기 대회'에 참여했다.")
    assert (P, "이하늘", "사랑의 걷기 대회") in got
    got = rels("한빛전자를 비롯한 지역 기업들이 '스마트공장 협의체'에 참여했다.")
    assert (P, "한빛전자", "스마트공장 협의체") in got


def test_who_reports_that_others_take_part_does_not_take_part() -> None:
    got = rels("보건복지부는 많은 시민들이 이번 헌혈 캠페인에 참여하고 있다면서 감사를 전했다.")
    assert (P, "보건복지부", "헌혈 캠페인") not in got
    got = rels("보건복지부는 이번 간담회에 참석한다고 밝혔다.")
    assert (P, "보건복지부", "간담회") in got  # no other subject: the body itself


def test_a_list_of_attendees_ends_where_the_sentence_quotes_it() -> None:
    got = rels("설명회는 내일 열린다. 참석하는 기업은 한빛전자, 대성화학 등 5개사라고 산업통상자원부는 밝혔다.")
    assert {(P, "한빛전자", "설명회"), (P, "대성화학", "설명회")} <= got
    assert (P, "산업통상자원부", "설명회") not in got


def test_attendees_go_to_the_topic_event_a_noun_describes() -> None:
    got = rels("이번 '청년 일자리 토론회'는 올해 두 번째 행사로, 한빛전자와 대성화학 등이 참석했다.")
    assert {(P, "한빛전자", "청년 일자리 토론회"), (P, "대성화학", "청년 일자리 토론회")} <= got


def test_members_of_a_council_do_not_take_part_in_the_meeting_that_converts_it() -> None:
    got = rels("위원장인 김하늘 실장은 자문단을 준비위원회로 바꾸는 첫 회의라고 말했다. "
               "간사인 박민수 환경부 장관과 이정호 국토부 장관 등이 위원으로 참여했고, 최유진 농림부 장관 등도 참여했다.")
    assert not {r for r in got if r[0] == P and r[2] == "회의"}


def test_a_companion_is_only_the_mention_right_before_together_with() -> None:
    got = rels("검토 결과는 국가과학기술자문회의 심의를 거쳐 확정하며 향후 정부 예산안 편성까지 재정당국과 함께 협의할 계획이다.")
    assert not {r for r in got if r[0] == P}


def test_attendees_listed_as_bullet_lines_under_a_header() -> None:
    text = ("오늘 열린 '한일 경제인 포럼'은 양국 기업의 관심 속에 개최됐다.\n참석 기업은\n"
            "- 자동차 분야에서는 현대모비스, 도요타 등\n- 반도체 분야에서는 SK하이닉스와 삼성전자\n이날 회의는 두 시간 동안 진행됐다.")
    got = rels(text)
    assert {(P, x, "한일 경제인 포럼") for x in ("현대모비스", "도요타", "SK하이닉스", "삼성전자")} <= got


def test_a_minister_with_two_posts_presides_as_the_subject() -> None:
    got = rels("박하늘 부총리 겸 교육부 장관은 7일 세종청사에서 '인재양성 점검회의'를 주재했다.")
    assert (L, "박하늘", "인재양성 점검회의") in got


def test_the_chair_named_as_the_one_who_takes_the_post() -> None:
    got = rels("'K-수소 얼라이언스' 공동위원장은 정민호 장관과 한지민 회장이 맡는다.")
    assert {(L, "정민호", "K-수소 얼라이언스"), (L, "한지민", "K-수소 얼라이언스")} <= got
    got = rels("수출전략협의회의 의장은 오세훈 차관이 맡았다.")
    assert (L, "오세훈", "수출전략협의회") in got


def test_a_sponsor_in_an_earlier_clause_does_not_attend() -> None:
    got = rels("이번 포럼은 한국경영자총협회가 주최하고 고용노동부가 후원했으며, 포스코와 한화 등 50여 개 기업이 참석했다.")
    assert {(P, "포스코", "포럼"), (P, "한화", "포럼")} <= got
    assert (P, "고용노동부", "포럼") not in got


def test_participation_thanked_for_in_a_quoted_remark_is_no_participation() -> None:
    got = rels("김 장관은 이날 기념식 축사에서 \"포스코 등 기업들의 참여에 감사드린다\"고 밝혔다.")
    assert not {r for r in got if r[0] == P}


def test_a_photo_caption_places_its_subject_at_the_event() -> None:
    got = rels("한지수 환경부 장관이 4일 세종시 호수공원에서 열린 '제2기 탄소중립 서포터즈' 발대식에서 단체사진을 촬영하고 있다.")
    assert (P, "한지수", "발대식") in got


def test_the_person_who_has_the_meeting_holds_it() -> None:
    got = rels("이번 행사는 김도윤 장관이 청년 농업인들을 초청해 갖는 첫 간담회다.")
    assert (L, "김도윤", "행사") in got
    assert (P, "김도윤", "행사") not in got


def test_a_report_received_after_a_duration_or_a_day_count_keeps_its_name() -> None:
    got = rels("김민준 총리는 이틀째 업무보고를 받았다. 김민준 총리는 해양수산부 장관으로부터 1시간 가량 업무보고를 받았다.")
    assert (L, "김민준", "업무보고") in got
    assert (P, "해양수산부", "업무보고") in got


def test_the_last_of_a_counted_list_before_an_adnominal_trigger_takes_part() -> None:
    got = rels("한빛전자와 SK하이닉스 등 12개 기관이 참여하는 '반도체 인재 협의체'가 오늘 출범했다.")
    assert (P, "SK하이닉스", "반도체 인재 협의체") in got


def test_members_named_after_the_role_and_the_chair_as_an_object() -> None:
    got = rels("'청년 일자리 협의체' 위원으로는 박지훈 한빛전자 회장과 최민아 대성화학 대표가 위촉됐다.")
    assert {(P, "박지훈", "청년 일자리 협의체"), (P, "최민아", "청년 일자리 협의체")} <= got
    got = rels("'청년 일자리 협의체'는 김도윤 장관이 위원장을, 이서연 교수가 부위원장을 맡는다.")
    assert (L, "김도윤", "청년 일자리 협의체") in got
    assert (L, "이서연", "청년 일자리 협의체") not in got  # the vice-chair does not lead


def test_a_head_whose_title_is_fused_with_the_body_presides_as_the_subject() -> None:
    got = rels("오세린 충청북도지사는 6일 도청에서 '충북 기후 포럼'을 주재했다.")
    assert (L, "오세린", "충북 기후 포럼") in got


def test_public_bodies_that_attend_in_a_later_sentence_take_part() -> None:
    text = ("해양수산부는 5일 '제2차 항만물류 상생협의회'를 개최했다. 이날 협의회에는 대성해운 등 선사 대표가 참석했다. "
            "또한 부산항만공사와 울산항만공사도 함께 자리했다.")
    got = rels(text)
    assert {(P, "부산항만공사", "협의회"), (P, "울산항만공사", "협의회")} <= got


def test_a_body_that_says_others_will_attend_does_not_attend() -> None:
    text = ("'국민 보고대회'가 내일 청와대에서 열린다. "
            "청와대는 노사 대표와 정당 대표가 보고대회에 모두 참석할 것이라고 밝혔다.")
    got = rels(text)
    assert not {r for r in got if r[0] == P and r[1] == "청와대"}


def test_attendees_of_an_event_named_in_straight_double_quotes() -> None:
    got = rels('이번 "AI 반도체 포럼"에는 한빛전자와 대성화학이 참석했다.')
    assert {(P, "한빛전자", "AI 반도체 포럼"), (P, "대성화학", "AI 반도체 포럼")} <= got
