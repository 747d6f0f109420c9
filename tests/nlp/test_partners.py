"""Who takes part where a release names the parties apart from the sentence of the event (issue #20,
third round, ingest/nlp/partners.py): a labelled note of parties, an 'A-B-C 참여' headline line, a
joint work briefing, a head with the staff; every sentence written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"
P = "PARTICIPATES_IN"


def found(text: str, date: str | None = D):
    ex = extract(text, date)
    ents = {(e.text, e.type) for e in ex.entities}
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    return ents, rels


MOU = ("한강 물길 살리기 업무협약 체결\n"
       "- 한강청-수자원공사-물환경박물관-지역 기업 참여\n"
       "□ 한강유역환경청(청장 김하늘)은 4일 유관기관, 지역 기업과 함께 '한강 물길 살리기 업무협약'을 체결했다고 밝혔다.\n"
       "* (물길 살리기) 하천 정화 활동 등을 함께하는 민관 협력 모임\n"
       "** (참여 기관·기업) 한강유역환경청, 한국수자원공사, 국립물환경박물관, 푸른솔테크, 다온바이오\n"
       "ㅇ 이번 업무협약은 하천 수질 개선을 목표로 마련되었다.")


def test_every_party_of_a_labelled_note_takes_part_in_the_agreement_above_it() -> None:
    ents, rels = found(MOU)
    assert {("한국수자원공사", "MINISTRY"), ("국립물환경박물관", "ORGANIZATION"), ("푸른솔테크", "COMPANY"),
            ("다온바이오", "COMPANY")} <= ents
    assert {(P, x, "한강 물길 살리기 업무협약") for x in ("한국수자원공사", "국립물환경박물관", "푸른솔테크", "다온바이오")} <= rels


def test_the_parties_joined_by_hyphens_in_a_headline_take_part_in_its_agreement() -> None:
    ents, rels = found(MOU)
    assert {(P, "수자원공사", "한강 물길 살리기 업무협약"), (P, "물환경박물관", "한강 물길 살리기 업무협약")} <= rels
    assert not any(t == "지역 기업" for t, _ in ents)  # a generic word in the line is nobody


def test_a_note_that_describes_rather_than_lists_adds_nobody() -> None:
    _ents, rels = found("한빛시는 5일 '스마트 도시 업무협약'을 체결했다고 밝혔다.\n"
                        "* (협약 내용) 데이터 공유, 공동 연구 추진")
    assert not any(r[0] == P and r[1] in ("데이터 공유", "공동 연구 추진") for r in rels)


def test_the_bodies_counted_in_a_joint_work_briefing_take_part_in_it() -> None:
    _ents, rels = found("국토교통부, 안전한 교통 관련 2025년 업무보고\n"
                        "국토교통부(장관 한지민)는 3월 4일 정부세종청사에서 경찰청, 소방청, 행정안전부 등 4개 부처 공동으로 "
                        "'교통안전 확보'를 주제로 올해 업무계획을 대통령에게 보고하였다.")
    assert {(P, x, "2025년 업무보고") for x in ("국토교통부", "경찰청", "소방청", "행정안전부")} <= rels


def test_bodies_that_jointly_announce_a_plan_do_not_take_part_in_it() -> None:
    _ents, rels = found("기획재정부는 산업통상자원부, 중소벤처기업부 등 3개 부처 공동으로 '수출 지원 대책'을 발표하였다.")
    assert not any(r[0] == P and r[2] == "수출 지원 대책" for r in rels)


def test_a_head_named_with_the_staff_takes_part_in_the_event_of_the_caption() -> None:
    _ents, rels = found("김영호 산림청장과 직원들이 지난 5일 '숲속 나무심기 행사'에서 기념촬영을 하고 있다.")
    assert (P, "김영호", "숲속 나무심기 행사") in rels
    _ents, rels = found("김영호 산림청장은 직원들에게 '숲속 나무심기 행사' 준비를 당부했다.")
    assert (P, "김영호", "숲속 나무심기 행사") not in rels


def test_the_bodies_before_an_agreement_in_a_headline_are_its_parties() -> None:
    _ents, rels = found("환경부-한국환경공단, 폐배터리 재활용 업무협약 체결")
    assert {(P, "환경부", "폐배터리 재활용 업무협약"), (P, "한국환경공단", "폐배터리 재활용 업무협약")} <= rels
    _ents, rels = found("환경부, 한국환경공단과 폐배터리 재활용 업무협약 체결")
    assert (P, "한국환경공단", "폐배터리 재활용 업무협약") in rels
    _ents, rels = found("산업부·중기부, '수출 상생 협의회' 개최")  # a meeting held is announced, not signed
    assert not any(r[0] == P for r in rels)


def test_the_bodies_a_note_lists_for_a_starred_word_take_part_in_the_meeting() -> None:
    _ents, rels = found("산업부는 5일 관계부처*와 함께 '수출 점검회의'를 개최했다.\n* 기획재정부, 외교부, 중소벤처기업부")
    assert {(P, x, "수출 점검회의") for x in ("기획재정부", "외교부", "중소벤처기업부")} <= rels
    assert ("ANNOUNCES", "산업부", "수출 점검회의") in rels
    _ents, rels = found("산업부는 5일 관계부처와 함께 '수출 점검회의'를 개최했다.\n* 기획재정부는 별도 회의를 연다")
    assert (P, "기획재정부", "수출 점검회의") not in rels  # no star on a word: the note is no list of them


def test_the_person_a_photo_caption_places_takes_part_in_the_event() -> None:
    _ents, rels = found("김철수 산업부 장관(왼쪽 세 번째)이 5일 서울 롯데호텔에서 열린 '반도체 상생 협약식'에서 참석자들과 "
                        "기념촬영을 하고 있다.")
    assert (P, "김철수", "반도체 상생 협약식") in rels
    _ents, rels = found("김철수 산업부 장관(왼쪽 세 번째)은 '반도체 상생 협약식'에서 발표할 계획을 밝혔다.")
    assert (P, "김철수", "반도체 상생 협약식") not in rels  # no caption: a plan, not a picture


def test_kinds_of_bodies_in_a_participation_line_are_nobody() -> None:
    ents, rels = found("'청년 창업 박람회' 개최\n- 기업·대학·연구소 등 300여 명 참석")
    assert not any(t in ("기업", "대학", "연구소") for t, _ in ents)
    ents, _rels = found("참여 기업은 대부분 반도체, 디스플레이, 배터리 분야다.")
    assert not any(typ == "COMPANY" for _t, typ in ents)  # no label of a list: a sentence about them


def test_a_bare_attendance_label_lists_the_bodies_that_attend() -> None:
    _ents, rels = found("산업부는 5일 '수출 점검회의'를 개최했다.\n※ 참석 : 기획재정부, 외교부, 중소벤처기업부")
    assert {(P, x, "수출 점검회의") for x in ("기획재정부", "외교부", "중소벤처기업부")} <= rels
    _ents, rels = found("산업부는 5일 '수출 점검회의'를 개최했다.\n참석 범위는 기획재정부, 외교부 등이다.")
    assert (P, "외교부", "수출 점검회의") not in rels  # a sentence about the attendance, no label


def test_a_caption_of_two_people_places_both_at_the_event() -> None:
    _ents, rels = found("김민지 장관과 박철수 차관이 3일 열린 '해양수산 박람회'에서 기념촬영을 하고 있다.")
    assert {(P, "김민지", "해양수산 박람회"), (P, "박철수", "해양수산 박람회")} <= rels


def test_who_speaks_at_that_place_takes_part_in_the_meeting_named_before() -> None:
    _ents, rels = found("'비상경제 점검회의'가 열렸습니다. 이 자리에서 박철수 산업통상자원부 장관은 수출 지원 방안을 보고했습니다.")
    assert (P, "박철수", "비상경제 점검회의") in rels
    _ents, rels = found("정부는 '수출 대책'을 발표했다. 이 자리에서 박철수 장관은 수출 회복을 강조했다.")
    assert not any(r[0] == P for r in rels)  # a plan is no place anyone attends
    _ents, rels = found("오늘 '경제장관회의'가 열렸습니다. 이 자리에서 대통령은 \"기획재정부가 중심을 잡아야 한다\"고 말했습니다.")
    assert (P, "기획재정부", "경제장관회의") not in rels  # named in the quote, not at the meeting


def test_a_list_closed_by_its_count_signs_as_the_subject() -> None:
    _ents, rels = found("한국전력·한국가스공사·한국수력원자력 3개 기관은 5일 '에너지 안전 협약'을 체결했다.")
    assert {(P, x, "에너지 안전 협약") for x in ("한국전력", "한국가스공사", "한국수력원자력")} <= rels
    _ents, rels = found("한국전력, 한국가스공사 등 2개 기관은 '에너지 절약 대책'을 발표했다.")
    assert not any(r[0] == P for r in rels)  # a plan announced is no event attended
