"""Rules that fired wrongly on unlabelled text (issue #20, the audit of 2026-12-07's rules with
bench/rule_diff.py over Wikinews, Assembly speeches and agency releases); every sentence
written for these tests, each next to the construction the rule is for, which still holds."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"
P, L, S = "PARTICIPATES_IN", "LEADS", "SCHEDULED_FOR"


def run(text: str, date: str | None = D) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    ex = extract(text, date)
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    return rels, {(e.text, e.type) for e in ex.entities}


def test_a_division_head_is_staff_of_the_body_not_its_head() -> None:
    rels, ents = run("박은서 부산시 도시재생과장은 \"빈집 정비가 늘어나고 있다\"고 말했다.")
    assert ("박은서", "PERSON") in ents  # the fused title still finds the person
    assert (L, "박은서", "부산시") not in rels  # like 정책관: no LEADS to the body
    rels, _ = run("정해진 해양수산부 수산정책과장은 \"어가 소득이 늘었다\"고 말했다.")
    assert not any(r[0] == L for r in rels)
    rels, _ = run("김도윤 부산시장은 \"빈집 정비를 서두르겠다\"고 말했다.")
    assert (L, "김도윤", "부산시") in rels  # the head still leads


def test_a_meeting_is_held_on_the_day_nearer_to_it() -> None:
    rels, _ = run("총학생회 윤하늘 회장은 3월 6일 전화 통화에서 7일 오전 10시 본관 앞에서 등록금 동결을 요구하는 "
                  "기자회견을 가질 예정이라고 밝혔다.")
    assert (S, "기자회견", "3월 6일") not in rels  # the day of the call
    rels, _ = run("위원회는 3월 18일과 19일 이틀간 공청회를 열 예정이다.")
    assert {(S, "공청회", "3월 18일"), (S, "공청회", "19일")} <= rels  # two days joined: both
    rels, _ = run("김하준 차관은 3월 10일 월요일과 12일 수요일 오전에 열리는 국회 상임위원회 전체회의에 출석할 예정입니다.")
    assert (S, "상임위원회 전체회의", "3월 10일") in rels  # joined after its weekday, too


def test_the_day_an_agreement_was_signed_names_no_signatory() -> None:
    rels, _ = run("김민재 통일부 장관은 27일 남북기본합의서 체결일을 기념하여 열린 평화음악회에 참석했다.")
    assert (P, "김민재", "남북기본합의서") not in rels
    assert (P, "김민재", "평화음악회") in rels
    rels, _ = run("산업통상자원부는 5일 한국무역협회와 수출 지원 업무협약을 체결했다.")
    assert (P, "한국무역협회", "수출 지원 업무협약") in rels  # signing still takes part


def test_a_body_before_its_members_does_not_take_part() -> None:
    rels, _ = run("아세안 지역포럼은 안보 현안을 논의하는 회의로, OECD 회원국의 외교장관들이 참여한다.")
    assert not any(r[0] == P and r[1] == "OECD" for r in rels)
    rels, _ = run("이번 회의에는 산업통상자원부 산하 기관장들이 참석했다.")
    assert not any(r[0] == P and r[1] == "산업통상자원부" for r in rels)


def test_a_meeting_spoken_of_in_a_quotation_is_not_where_the_speaker_is() -> None:
    rels, _ = run("대한상공회의소는 \"다음 주 국회 본회의에서 법안이 처리되지 않으면 수출 현장의 혼란이 커질 것\"이라고 밝혔다.")
    assert not any(r[0] == P and r[1] == "대한상공회의소" for r in rels)
    rels, _ = run("김서연 한국무역협회 회장은 수출기업 간담회에서 \"물류비 지원을 늘려 달라\"고 말했다.")
    assert (P, "김서연", "수출기업 간담회") in rels  # the venue of the saying: the speaker is there


def test_a_resistance_in_physics_is_no_port() -> None:
    _rels, ents = run("초전도체는 전기저항이 0인 물질이다.")
    assert not any(t == "LOCATION" for _x, t in ents)
    _rels, ents = run("화물선이 평택항에 입항했다.")
    assert ("평택항", "LOCATION") in ents


def test_words_of_a_quoted_title_name_no_companion() -> None:
    rels, _ = run("국립민속박물관(관장 김민호)은 내일부터 내년 3월 1일까지 특별전시회 '할머니, 손주와 함께 걷다'를 "
                  "개최한다고 밝혔다.")
    assert not any(r[0] == P and r[1] == "국립민속박물관" for r in rels)
    rels, _ = run("산업통상자원부는 15일 한국무역협회와 함께 수출 간담회를 열었다.")
    assert (P, "한국무역협회", "수출 간담회") in rels  # a companion outside quotes still takes part


def test_a_summit_named_by_korea_and_a_known_body_with_a_hyphen_stays_one_name() -> None:
    _rels, ents = run("정부는 오는 11월 부산에서 열리는 한-아세안 특별정상회의를 준비하고 있다.")
    assert ("한-아세안 특별정상회의", "INITIATIVE") in ents
    _rels, ents = run("아세안 사무국은 자카르타에 있다.")
    assert ("아세안", "ORGANIZATION") in ents  # the body alone is still the body


def test_a_day_given_as_of_is_no_schedule() -> None:
    rels, _ = run("3월 9일 기준 김도현 전 시장은 사퇴 기자회견 이후 닷새째 모습을 드러내지 않고 있다.", "2025-03-05")
    assert not any(r[0] == S for r in rels)
    rels, _ = run("김도현 시장은 3월 9일 사퇴 기자회견을 열 예정이다.", "2025-03-05")
    assert (S, "사퇴 기자회견", "3월 9일") in rels  # a day the event is held on still schedules it
