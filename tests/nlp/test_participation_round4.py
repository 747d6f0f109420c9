"""Who takes part, in constructions of news items and hearings the rules did not read (issue #20,
fourth round): two people who meet as equals, a foreign counterpart by a foreign title, the
members a group is made of ('…이 모인'), and the witnesses a chair introduces one by one.
Every sentence written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"
P = "PARTICIPATES_IN"
L = "LEADS"


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def test_two_people_who_meet_together_both_take_part_and_neither_presides() -> None:
    got = rels("김민준 대통령과 이서연 국무총리는 오늘 낮 청와대에서 주례 회동을 했습니다.")
    assert {(P, "김민준", "주례 회동"), (P, "이서연", "주례 회동")} <= got
    assert not any(r[0] == L and r[2] == "주례 회동" for r in got)
    got = rels("박지훈 국무총리와 최현우 한빛전자 회장은 이날 오찬 회동을 가졌다.")
    assert {(P, "박지훈", "오찬 회동"), (P, "최현우", "오찬 회동"), (P, "한빛전자", "오찬 회동")} <= got
    assert (L, "최현우", "오찬 회동") not in got
    got = rels("김민준 대통령과 이서연 국무총리가 오늘 청와대에서 주례회동을 하고 국정현안을 논의합니다.")
    assert {(P, "김민준", "주례회동"), (P, "이서연", "주례회동")} <= got


def test_one_person_who_holds_a_meeting_still_leads_it() -> None:
    got = rels("내일 김철수 장관이 중소기업인들과 간담회를 합니다.")
    assert (L, "김철수", "간담회") in got
    got = rels("김철수 장관은 오늘 업계 간담회를 하고 애로사항을 들었다.")
    assert not any(r[0] == P and r[1] == "김철수" for r in got)  # holding alone is no taking part


def test_a_foreign_counterpart_by_a_foreign_title_takes_part() -> None:
    got = rels("김민준 외교부 장관은 14일 서울에서 존 스미스 중국 외교부장과 회담을 갖고 양국 관계를 논의했다.")
    assert (P, "존 스미스", "회담") in got and (L, "김민준", "회담") in got
    got = rels("김민준 대통령은 토마스 베르너 독일 총통과 회담을 했다.")
    assert (P, "토마스 베르너", "회담") in got
    got = rels("이서연 대통령은 15일 무함마드 빈 살만 사우디아라비아 왕세자와 회담을 했다.")
    assert (P, "무함마드 빈 살만", "회담") in got
    got = rels("김민준 대통령이 오늘 용산 대통령실에서 이서연 국무총리와 오찬을 겸한 주례 회동을 한다.")
    assert (P, "이서연", "주례 회동") in got


def test_the_members_a_group_is_made_of_take_part_in_it() -> None:
    got = rels("한빛전자, 누리소프트 등 22개 기업이 모인 '행복 나눔 얼라이언스'가 출범했다.")
    assert {(P, "한빛전자", "행복 나눔 얼라이언스"), (P, "누리소프트", "행복 나눔 얼라이언스")} <= got
    # gathered at a place the sentence does not name as an event: no participation in the alliance before it
    got = rels("정부는 'K-바이오 얼라이언스'를 통해 한빛바이오, 누리제약 등 기업이 모인 자리에서 지원책을 설명했다.")
    assert not any(r[0] == P and r[2] == "K-바이오 얼라이언스" for r in got)


def test_witnesses_a_chair_introduces_take_part_in_the_hearing_with_their_institutions() -> None:
    got = rels("인공지능 법률안에 대한 공청회를 실시하겠습니다. 먼저 오늘 공청회에 참석하신 진술인을 소개해 드리겠습니다. "
               "한빛대학교 김민준 교수께서 나와 주셨습니다. 다음은 한국미래정책연구원 이서연 연구원장께서 나와 주셨습니다. "
               "끝으로 미래대학교 경영학부 박지훈 교수께서 나와 주셨습니다.")
    hearing = {r[2] for r in got if r[0] == P and r[1] == "김민준"}
    assert hearing and all("공청회" in h for h in hearing)
    for x in ("김민준", "한빛대학교", "이서연", "한국미래정책연구원", "박지훈", "미래대학교"):
        assert any(r[0] == P and r[1] == x and "공청회" in r[2] for r in got), x


def test_a_guest_introduced_far_from_any_event_takes_part_in_nothing() -> None:
    got = rels("내일 열리는 남북정상회담의 일정을 전해드립니다. 안녕하세요. 여기는 메인프레스센터입니다. "
               "날씨가 좋습니다. 제 옆에는 소통 책임자이신 김민준 비서관님 나오셨습니다.")
    assert not any(r[0] == P and r[1] == "김민준" for r in got)


def test_the_pair_named_before_signs_what_both_then_sign() -> None:
    got = rels("LG전자와 네이버가 인공지능 공동 연구에 나선다. 양사는 22일 서울에서 'AI 공동연구 업무협약'을 체결했다.")
    assert {(P, "LG전자", "AI 공동연구 업무협약"), (P, "네이버", "AI 공동연구 업무협약")} <= got
    got = rels("LG전자는 네이버와 손잡고 인공지능 연구에 나선다. 양사는 22일 'AI 공동연구 업무협약'을 맺었다.")
    assert {(P, "LG전자", "AI 공동연구 업무협약"), (P, "네이버", "AI 공동연구 업무협약")} <= got
    # three named before: '양사' is not them; a centre opened is no signing
    got = rels("LG전자, 네이버, 카카오가 인공지능 연구에 나선다. 양사는 22일 'AI 공동연구 업무협약'을 맺었다.")
    assert not any(r[0] == P and r[2] == "AI 공동연구 업무협약" for r in got)
    got = rels("LG전자는 네이버와 손잡고 인공지능 연구에 나선다. 양사는 22일 '스마트 AI 연구센터'를 열었다.")
    assert not any(r[0] == P and r[2] == "스마트 AI 연구센터" for r in got)


def test_a_list_of_the_chosen_takes_part_in_the_programme_but_not_a_sentence_about_them() -> None:
    got = rels("중소벤처기업부는 '스타트업 글로벌 챌린지' 최종 선정 결과를 발표했다. 선정된 기업은 리벨리온, 퓨리오사AI, 딥엑스 등 5개사다.")
    assert {(P, x, "스타트업 글로벌 챌린지") for x in ("리벨리온", "퓨리오사AI", "딥엑스")} <= got
    got = rels("중소벤처기업부는 '스타트업 글로벌 챌린지' 최종 선정 결과를 발표했다. 선정된 기업은 산업통상자원부와 KOTRA로부터 최대 1억원을 지원받는다.")
    assert not any(r[0] == P and r[2] == "스타트업 글로벌 챌린지" for r in got)


def test_the_chosen_by_their_role_take_part() -> None:
    got = rels("LG전자는 과학기술정보통신부의 'AI 바우처 사업' 공급기업으로 선정됐다.")
    assert (P, "LG전자", "AI 바우처 사업") in got
    got = rels("'스마트공장 보급사업' 대상 기업으로 LG전자와 네이버가 선정됐다.")
    assert {(P, "LG전자", "스마트공장 보급사업"), (P, "네이버", "스마트공장 보급사업")} <= got
    got = rels("국토교통부는 14일 '스마트시티 챌린지' 최종 사업자로 대구시, 부산시, 광주시를 선정했다.")
    assert {(P, x, "스마트시티 챌린지") for x in ("대구시", "부산시", "광주시")} <= got
    assert (P, "국토교통부", "스마트시티 챌린지") not in got


def test_a_body_whose_audit_or_report_a_sitting_hears_takes_part_in_it() -> None:
    got = rels("오늘은 과학기술정보통신부 국정감사를 실시하겠습니다.")
    assert (P, "과학기술정보통신부", "국정감사") in got
    got = rels("다음은 원자력안전위원회 업무보고를 듣겠습니다.")
    assert (P, "원자력안전위원회", "업무보고") in got
    got = rels("과방위 국정감사에서 김 의원은 질의했다.")  # the committee holds the audit
    assert not any(r[0] == P and r[2] == "국정감사" for r in got)


def test_who_attends_a_sitting_takes_part_but_not_who_stays_away() -> None:
    got = rels("오늘 회의에는 김민준 과학기술정보통신부 장관과 이서연 방송통신위원회 위원장이 출석하였습니다.")
    assert {(P, "김민준", "회의"), (P, "이서연", "회의")} <= got
    got = rels("오늘 현안질의에 김민준 과학기술정보통신부 장관과 이서연 방송통신위원회 위원장이 모두 불출석했습니다.")
    assert not any(r[0] == P for r in got)
    got = rels("우리 위원회는 국회법에 따라 지난 6월 김민준 사장에게 증인 출석을 요구했습니다.")
    assert not any(r[0] == P for r in got)


def test_the_body_a_member_sits_for_takes_part_in_the_group_but_not_in_a_meeting() -> None:
    got = rels("정부는 14일 '반도체 공급망 TF'를 출범했다. TF에는 김민준 산업통상자원부 장관과 이서연 외교부 장관 등이 위원으로 참여한다.")
    assert {(P, "산업통상자원부", "TF"), (P, "외교부", "TF")} <= got
    got = rels("이번 회의는 박지훈 차관 주재로 열렸으며, 김민준 산업통상자원부 국장과 이서연 외교부 국장이 참석했다.")
    assert (P, "김민준", "회의") in got
    assert (P, "산업통상자원부", "회의") not in got  # an official at a meeting is there as themself


def test_a_member_named_after_its_role_in_the_group_takes_part() -> None:
    got = rels("'K-배터리 얼라이언스' 회원사인 LG에너지솔루션은 이날 신규 투자 계획을 발표했다.")
    assert (P, "LG에너지솔루션", "K-배터리 얼라이언스") in got
    got = rels("'스마트공장 보급사업' 참여기업인 LG전자는 생산성이 30% 높아졌다.")
    assert (P, "LG전자", "스마트공장 보급사업") in got


def test_members_added_in_the_same_sentence_join_the_same_group() -> None:
    got = rels("정부는 14일 '반도체 공급망 TF'를 출범했다. TF에는 김민준 산업통상자원부 장관과 이서연 외교부 장관 등이 "
               "위원으로 참여했고, 박지훈 국토교통부 장관 등도 이번에 새로 추가됐다.")
    assert {(P, "박지훈", "TF"), (P, "국토교통부", "TF")} <= got
    got = rels("박지훈 국토교통부 장관 등도 이번에 새로 추가됐다.")  # nobody before them takes part in anything
    assert not any(r[0] == P for r in got)


def test_who_speaks_at_an_event_takes_part_in_it() -> None:
    got = rels("김민준 장관은 이날 'K-푸드 박람회' 개막식 축사를 통해 \"수출 확대에 힘쓰겠다\"고 말했다.")
    assert (P, "김민준", "개막식") in got
    got = rels("이서연 차관은 '세계 수소 포럼' 기조연설에서 수소 경제의 중요성을 강조했다.")
    assert (P, "이서연", "세계 수소 포럼") in got
    got = rels("이날 개막식에는 김민준 국무총리와 이서연 지사 등 1만여 명이 참석했다. 김 총리는 축사를 통해 \"축하한다\"고 말했다.")
    assert (P, "김민준", "개막식") in got
    # a speech with no event named in the sentences before it
    got = rels("김민준 장관은 이날 축사를 통해 \"축하한다\"고 말했다.")
    assert not any(r[0] == P for r in got)


def test_the_carried_subject_attends_what_a_subjectless_sentence_attends() -> None:
    got = rels("김민준 대통령은 오늘 부산을 방문했습니다. 오후에는 해양수산부 부산 임시청사 개청식에 참석했습니다.")
    assert any(r[0] == P and r[1] == "김민준" and r[2].endswith("개청식") for r in got)
    got = rels("김민준 장관은 12일 대전을 찾았다. 이어 'K-바이오 포럼'에 참석해 업계 의견을 들었다.")
    assert (P, "김민준", "K-바이오 포럼") in got
    # a subject of its own: the people the sentence names, not the one before
    got = rels("김민준 장관은 12일 대전을 찾았다. 지역 기업인들은 이어 'K-바이오 포럼'에 참석했다.")
    assert (P, "김민준", "K-바이오 포럼") not in got
