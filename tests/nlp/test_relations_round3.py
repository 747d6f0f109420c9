"""Relations on unseen text, third round (issue #20): a foreign official written with the
Latin spelling of the name in brackets, a second post fused with its body after 겸, and a
date that an adnominal verb gives to another event than the sentence's topic. Every
sentence written for these tests."""
from __future__ import annotations

from tests.nlp._extract import rels


def test_a_foreign_official_with_the_name_spelled_in_brackets_leads_and_takes_part() -> None:
    got = rels("박 차관은 서울에서 존 스미스(John Smith) 영국 외교부 차관과 정책협의회를 개최합니다.")
    assert ("LEADS", "존 스미스", "외교부") in got
    assert ("PARTICIPATES_IN", "존 스미스", "정책협의회") in got
    got = rels("김 차관은 같은 날 아흐마드 빈 살림(Ahmad bin Salim) 오만 외교부 차관과 제2차 정책협의회를 개최합니다.")
    assert ("LEADS", "아흐마드 빈 살림", "외교부") in got
    # a Korean name spelled in Latin letters is one word
    assert ("LEADS", "김민수", "외교부") in rels("김민수(Kim Minsoo) 외교부 차관은 회의에 참석했다.")
    # no name before the bracket: no one leads the ministry
    assert not any(k == "LEADS" for k, _h, _t in rels("서울에서(Seoul) 외교부 차관과 회의를 했다."))


def test_a_second_post_fused_with_its_body_after_gyeom_is_led() -> None:
    assert ("LEADS", "이헌재", "재정경제부") in rels("방송은 이헌재 경제부총리 겸 재정경제부장관의 정례 경제브리핑을 생중계한다.")
    assert ("LEADS", "최경환", "기획재정부") in rels("최경환 경제부총리 겸 기획재정부장관은 오늘 경제장관회의를 주재했다.")


def test_a_date_told_by_the_verb_of_another_event_is_not_the_topics() -> None:
    got = rels("남북정상회담 준비위원회는 오는 27일 열리는 남북정상회담을 통한 평화 메시지를 알리기 위해 노력하고 있다.")
    assert ("SCHEDULED_FOR", "남북정상회담", "오는 27일") in got
    assert ("SCHEDULED_FOR", "남북정상회담 준비위원회", "오는 27일") not in got
    got2 = rels("박람회 조직위원회는 오는 10일 개최되는 국제 로봇 박람회 준비에 만전을 기하고 있다.")
    assert ("SCHEDULED_FOR", "박람회 조직위원회", "오는 10일") not in got2
    assert any(k == "SCHEDULED_FOR" and t == "오는 10일" and h != "박람회 조직위원회" for k, h, t in got2)


def test_the_next_item_of_a_weekly_schedule_does_not_date_the_meeting_before_it() -> None:
    text = ("장관은 3월 10일 월요일 오전 10시 국무회의에 참석합니다. "
            "이어서 장관은 오후 2시 정부서울청사에서 개최되는 지역 주민 대상 정책설명회에 참석합니다. "
            "장관은 3월 11일 화요일 오후 3시 서울에서 대한적십자사 회장을 예방합니다.")
    got = rels(text)
    assert ("SCHEDULED_FOR", "정책설명회", "3월 11일") not in got
    assert ("SCHEDULED_FOR", "국무회의", "3월 10일") in got
    # a sentence that only tells the meeting's day and place still dates it
    got = rels("같은 날 반도체 업계 간담회를 개최합니다. 3월 12일 수요일 오후 2시 코엑스에서 장관 참석으로 진행됩니다.")
    assert ("SCHEDULED_FOR", "반도체 업계 간담회", "3월 12일") in got


def test_a_group_named_before_its_launch_ceremony_is_not_what_the_body_holds() -> None:
    # a launch (출범식) sets the group up, so the body announces both (guideline: 출범); a corps'
    # kick-off (발대식) is only the ceremony
    got = rels("환경부는 5일 ‘탄소중립 청년 홍보단’ 출범식을 열었다.")
    assert ("ANNOUNCES", "환경부", "출범식") in got
    assert ("ANNOUNCES", "환경부", "탄소중립 청년 홍보단") in got
    got = rels("국가보훈부, ‘제2기 보훈 서포터즈’ 발대식 개최")
    assert ("ANNOUNCES", "국가보훈부", "제2기 보훈 서포터즈") not in got
    # an opening ceremony: the festival is the body's as well
    assert ("ANNOUNCES", "문화체육관광부", "2025 지역축제") in rels("문화체육관광부는 ‘2025 지역축제’ 개막식을 개최한다.")


def test_a_relative_day_with_the_date_written_after_it_dates_the_event_once() -> None:
    got = rels("내일 4월 22일에는 바이오 산업 글로벌 심포지엄이 오전 10시 코엑스에서 있습니다.")
    assert ("SCHEDULED_FOR", "바이오 산업 글로벌 심포지엄", "4월 22일") in got
    assert ("SCHEDULED_FOR", "바이오 산업 글로벌 심포지엄", "내일") not in got
    # alone, the relative day is the date
    assert ("SCHEDULED_FOR", "국무회의", "내일") in rels("내일은 오전 10시 세종청사에서 국무회의에 참석하십니다.")
