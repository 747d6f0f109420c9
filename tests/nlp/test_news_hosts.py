"""The head who meets people in a report's lead holds the meeting named a sentence or two later
(ingest/nlp/news_hosts.py). Sentences written for the tests."""
from __future__ import annotations

from tests.nlp._extract import of


def test_the_head_who_meets_people_holds_the_meeting_named_after():
    text = ("박영수 국토교통부 장관은 오는 26일 서울 강남구 건설회관에서 건설업계 대표들을 만나 정책 방향을 설명할 예정이다. "
            "박 장관이 업계 관계자들을 초청해 대화의 자리를 갖는 것은 이번이 처음이다. "
            "이날 간담회엔 김민호 현대건설 사장 등이 참석한다.")
    assert ("박영수", "간담회") in of("LEADS", text)
    text = ("김민호 방송통신위원장이 이동통신 3사 대표자를 만나 업계 의견을 청취한다. "
            "방송통신위원회는 25일 SK텔레콤 정재헌 사장과 만나 현안 간담회를 진행한다.")
    assert ("김민호", "현안 간담회") in of("LEADS", text)


def test_no_host_for_an_event_attended_or_held_by_another_head():
    text = "박영수 장관은 5일 업계 대표들을 만나 협력 방안을 논의했다. 이어 열린 수소경제 포럼에 참석해 축사를 했다."
    assert ("박영수", "수소경제 포럼") not in of("LEADS", text)
    text = "박영수 장관은 5일 업계 대표들을 만나 협력 방안을 논의했다. 김민호 위원장은 이날 오찬 간담회를 열었다."
    got = of("LEADS", text)
    assert ("박영수", "오찬 간담회") not in got and ("김민호", "오찬 간담회") in got


def test_a_commission_that_decides_through_its_own_sitting_holds_it():
    text = "원자력안전위원회는 전날 오전 10시부터 진행된 제35차 전체회의를 통해 표결 끝에 고리2호기 계속운전을 결정했다고 밝혔다."
    assert ("원자력안전위원회", "제35차 전체회의") in of("ANNOUNCES", text)
    text = "산업통상자원부는 5일 국무회의를 통해 반도체 특별법 시행령이 의결됐다고 밝혔다."
    assert ("산업통상자원부", "국무회의") not in of("ANNOUNCES", text)  # the cabinet's sitting, reported


def test_whom_one_talks_with_at_the_meeting_takes_part_in_it():
    got = of("PARTICIPATES_IN", "박영수 장관은 이날 간담회에서 김민호 현대자동차 사장, 이정우 기아 부사장과 의견을 나눴다.")
    assert {("김민호", "간담회"), ("현대자동차", "간담회"), ("이정우", "간담회"), ("기아", "간담회")} <= got
    got = of("PARTICIPATES_IN", '박영수 장관은 이날 포럼에서 "현대자동차와 기아가 협력해야 한다"고 말했다.')
    assert ("현대자동차", "포럼") not in got  # named in a remark, not talked with
