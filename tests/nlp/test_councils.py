"""Local councils and their minutes (issue #20, round 3): the council is one body, its ordinal
sessions and sittings are meetings, the chair who opens a sitting leads it, and the members
named in it take part (ingest/nlp/councils.py, council_relations.py). Every text written for
these tests, after the layout of the councils' published minutes."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2024-09-02"

MINUTES = """제301회 가평군의회(임시회)
자치행정위원회 회의록
제1호
가평군의회사무과
일 시 : 2024년 9월 2일(월)
장 소 : 자치행정위원회실
○ 의사일정
1. 2025년도 주요업무 보고의 건
(10시00분 개회)
○ 위원장 한정민 의석을 정돈하여 주시기 바랍니다. 성원이 되었으므로 제301회 가평군의회 임시회 중 제1차 자치행정위원회를 개회하겠습니다.
○ 위원장 한정민 먼저 관광정책과 소관 2025년도 주요업무 보고가 있겠습니다.
○ 관광정책과장 오세윤 관광정책과장 오세윤입니다. 관광정책과 소관 2025년도 주요업무 보고를 드리겠습니다.
○ 위원장 한정민 수고 많았습니다. 질의하실 위원께서는 발언 신청해 주시기 바랍니다.
노태식 위원 축제 예산은 얼마입니까?
"""

PLENARY = """제88회 단양군의회(임시회)
본회의회의록
제1호
단양군의회사무과
2024년 9월 2일(월) 10시00분
부의된 안건
0 5분자유발언(권하윤 의원)
1. 제88회 단양군의회 임시회 회기결정의 건(의장제의)
2. 단양군 청년 창업 지원에 관한 조례 일부개정조례안(문상철 의원 대표발의)(문상철·배유나 의원 발의)
(10시00분 개의)
○의장 조경환 의석을 정돈하여 주시기 바랍니다. 성원이 되었으므로 제88회 단양군의회 임시회 제1차 본회의를 개의하겠습니다.
○의회사무과장 윤태섭 사무과장 윤태섭입니다. 이번 임시회는 「지방자치법」에 따라 지난 8월 26일 집회공고를 하고 오늘 개회하게 되었습니다.
"""


def ents(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in extract(text, date).entities}


def canon(text: str, date: str | None = D) -> dict[str, str | None]:
    return {e.text: e.canonical for e in extract(text, date).entities}


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}


def test_a_council_is_one_body_not_the_county_and_a_stray_word() -> None:
    found = ents("양평군의회는 3일 임시회를 열었다. 제9대 양평군의회 의원들이 참석했다.")
    assert ("양평군의회", "MINISTRY") in found and ("제9대 양평군의회", "MINISTRY") in found
    assert ("양평군", "MINISTRY") not in found
    assert canon("제9대 양평군의회 의원들이 참석했다.")["제9대 양평군의회"] == "양평군의회"
    # a metropolitan government's district: one council, named with its city
    assert ("서울특별시 마포구의회", "MINISTRY") in ents("서울특별시 마포구의회는 조례안을 가결했다.")
    # a committee after its council: canonical with the council, since committee names recur
    assert canon("이날 강릉시의회 경제관광위원회는 현장을 방문했다.")["경제관광위원회"] == "강릉시의회 경제관광위원회"


def test_ordinal_sessions_and_sittings_are_meetings() -> None:
    found = ents(PLENARY)
    assert ("제88회 단양군의회", "INITIATIVE") in found  # the kind in brackets stays outside
    assert ("제88회 단양군의회 임시회", "INITIATIVE") in found
    assert ("제1차 본회의", "INITIATIVE") in found
    assert canon(PLENARY)["제88회 단양군의회 임시회"] == "제88회 단양군의회"
    # '제1차 본회의' recurs in every council: one node per session, not one for all councils
    assert canon(PLENARY)["제1차 본회의"] == "제88회 단양군의회 제1차 본회의"
    assert canon(MINUTES)["제1차 자치행정위원회"] == "제301회 가평군의회 제1차 자치행정위원회"
    assert ("임시회", "INITIATIVE") in found  # '이번 임시회는': the session of the minutes
    # a regular session named with its sitting number is one span
    assert ("제140회 영월군의회 제2차 정례회", "INITIATIVE") in ents("제140회 영월군의회 제2차 정례회가 폐회했다.")


def test_secretariat_in_the_heading_is_no_mention_and_ordinances_are_named_whole() -> None:
    found = ents(PLENARY)
    assert not any(t.startswith("단양군") and lab == "MINISTRY" for t, lab in found)
    assert ("단양군 청년 창업 지원에 관한 조례 일부개정조례안", "INITIATIVE") in found
    # the yearly audit, its year fused or not
    audit = ents("2024년도행정사무감사\n지금부터 2024년도 행정사무감사 실시를 선언합니다. 윤태섭 사무과장을 비롯한 사무과 관계공무원 여러분, 준비에 수고하셨습니다. 행정사무감사의 목적은 …")
    assert {("2024년도행정사무감사", "INITIATIVE"), ("2024년도 행정사무감사", "INITIATIVE"),
            ("행정사무감사", "INITIATIVE")} <= audit
    assert ("2024년도", "DATE") not in audit


def test_committee_in_the_heading_is_the_council_committee() -> None:
    c = canon(MINUTES)
    assert c["자치행정위원회"] == "가평군의회 자치행정위원회"
    found = ents(MINUTES)
    assert ("제1차 자치행정위원회", "INITIATIVE") in found and ("2025년도 주요업무 보고", "INITIATIVE") in found
    assert {("한정민", "PERSON"), ("오세윤", "PERSON"), ("노태식", "PERSON")} <= found
    assert ("자치행정위원회실", "LOCATION") in found  # the room of the heading's '장 소 :' field


def test_the_chair_who_opens_leads_speakers_take_part_the_reporter_leads_his_briefing() -> None:
    r = rels(MINUTES)
    assert ("LEADS", "한정민", "제1차 자치행정위원회") in r
    assert ("PARTICIPATES_IN", "한정민", "제1차 자치행정위원회") not in r
    assert ("LEADS", "오세윤", "2025년도 주요업무 보고") in r
    assert ("PARTICIPATES_IN", "오세윤", "제1차 자치행정위원회") in r
    assert ("PARTICIPATES_IN", "노태식", "제1차 자치행정위원회") in r
    # the heading's date is not read as the session's schedule
    assert not any(k == "SCHEDULED_FOR" and t == "2024년 9월 2일" for k, _h, t in r)


def test_members_in_the_agenda_take_part_in_the_session_opened_today() -> None:
    r = rels(PLENARY)
    assert ("LEADS", "조경환", "제1차 본회의") in r
    for name in ("권하윤", "문상철", "배유나"):
        assert ("PARTICIPATES_IN", name, "제88회 단양군의회") in r
    assert ("SCHEDULED_FOR", "임시회", "오늘") in r
    # the council's own secretary who reports the session takes part in nothing
    assert not any(h == "윤태섭" for _k, h, _t in r)


def test_no_council_rules_outside_council_names() -> None:
    # '도의회' with no local government before it, a member's title, a news sentence
    found = ents("국회의원과 지방의회 의원들이 간담회에 참석했다.")
    assert not any(lab == "MINISTRY" and "의회" in t for t, lab in found)
    assert ("수원시", "MINISTRY") in ents("수원시의원 3명이 수원시와 협약을 맺었다.")


AUDIT = """2024년도행정사무감사
기획행정위원회회의록
가평군의회사무과
피감사기관 의회사무과
일 시 2024년11월12일(화)
(10시0분 감사개시)
○위원장 한정민 의석을 정돈해 주시기 바랍니다. 지금부터 가평군의회사무과에 대한 2024년도 행정사무감사 실시를 선언합니다. 윤태섭 사무과장을 비롯한 사무과 관계공무원 여러분, 준비에 수고하셨습니다. 행정사무감사의 목적은 의회사무과에서 추진하는 행정 전반을 살피는 것입니다.
"""


def test_the_audited_office_takes_part_in_the_audit_its_chair_leads_it() -> None:
    r = rels(AUDIT, "2024-11-12")
    assert ("LEADS", "한정민", "2024년도 행정사무감사") in r
    assert ("PARTICIPATES_IN", "가평군의회사무과", "2024년도 행정사무감사") in r
    assert ("PARTICIPATES_IN", "의회사무과", "2024년도행정사무감사") in r  # the heading's field
    assert not any(k == "ANNOUNCES" for k, _h, _t in r)  # the audited office does not announce the audit
    assert canon(AUDIT, "2024-11-12")["의회사무과"] == "가평군의회사무과"
    # the audited office's head, greeted with his officials, leads the office and takes part
    assert ("LEADS", "윤태섭", "사무과") in r and ("PARTICIPATES_IN", "윤태섭", "2024년도 행정사무감사") in r
    assert canon(AUDIT, "2024-11-12")["사무과"] == "가평군의회사무과"


def test_today_the_range_of_briefings_and_who_chairs_by_seniority() -> None:
    text = MINUTES.replace("○ 위원장 한정민 먼저", "○ 위원장 한정민 오늘부터 9월 6일까지 2025년도 군정주요업무에 대한 보고를 받도록 "
                                                "하겠습니다. 오늘 보고 순서는 관광정책과입니다. 먼저")
    r = rels(text)
    assert ("SCHEDULED_FOR", "2025년도 군정주요업무에 대한 보고", "오늘부터 9월 6일") in r
    assert ("SCHEDULED_FOR", "2025년도 주요업무 보고", "오늘") in r
    assert ("PERSON", "오세윤") in {(lab, t) for t, lab in ents(text)}
    # a new council's first sitting, reported by its secretary before anyone opens it
    first = ("제89회 단양군의회(임시회)\n본회의회의록\n(10시00분 개의)\n○의회사무과장 윤태섭 이번 제89회 단양군의회 임시회는 "
             "오늘 개회하게 되었습니다. 오늘 회의 안건은 의장 선거이며, 최다선 의원이신 문상철 의원님의 사회로 의장선거를 "
             "실시하겠습니다.")
    r = rels(first)
    assert ("SCHEDULED_FOR", "회의", "오늘") in r and ("LEADS", "문상철", "회의") in r
    assert ("SCHEDULED_FOR", "제89회 단양군의회 임시회", "오늘") in r


def test_a_resolution_on_an_agenda_line_and_a_member_who_speaks_under_his_name() -> None:
    text = PLENARY.replace("(10시00분 개의)", "3. 지역 응급의료 공백 해소 촉구 결의안(권하윤 의원 외 5명 공동발의)\n(10시00분 개의)")
    text += "○권하윤 의원 존경하는 군민 여러분, 응급의료 대책을 말씀드리겠습니다.\n"
    found = ents(text)
    assert ("지역 응급의료 공백 해소 촉구 결의안", "INITIATIVE") in found
    assert not any(t.startswith("3.") for t, _lab in found)
    r = rels(text)
    assert ("PARTICIPATES_IN", "권하윤", "제1차 본회의") in r  # speaks in the sitting
    assert ("PARTICIPATES_IN", "권하윤", "제88회 단양군의회") in r  # sponsors in the session's agenda
    # a procedure item on an agenda line is no initiative
    assert not any("회기결정" in t for t, lab in found if lab == "INITIATIVE")


def test_an_ordinal_local_election_and_the_property_plan_are_initiatives() -> None:
    c = canon("지난 6월 1일 실시된 제8회 전국 동시 지방선거에서 당선되었다.")
    assert c["제8회 전국 동시 지방선거"] == "제8회 전국동시지방선거"
    found = ents("먼저 2024년도 제2차 수시분 단양군 공유재산관리계획안 등 3건이 제출되었습니다.")
    assert ("2024년도 제2차 수시분 단양군 공유재산관리계획안", "INITIATIVE") in found
    assert ("2024년도", "DATE") not in found


def test_minutes_are_told_from_releases_with_bullets_and_councils_are_read_as_of_the_date() -> None:
    from ingest.nlp.councils import is_minutes
    release = "행정안전부, 지방의회 역량 강화 추진\n○ 행정안전부는 양평군의회와 함께 연수를 개회한다.\n○ 담당관 김민수 과장이 설명했다."
    assert not is_minutes(release)
    assert is_minutes(MINUTES) and is_minutes(PLENARY)
    assert canon("강원도의회는 조례안을 의결했다.", "2020-05-01")["강원도의회"] == "강원도의회"
    assert canon("강원도의회는 조례안을 의결했다.", "2024-05-01")["강원도의회"] == "강원특별자치도의회"


def test_an_official_who_answers_takes_part_staff_do_not() -> None:
    text = MINUTES + "○ 도시과장 배진호 말씀하신 예산은 3억 원입니다.\n○의사팀 김하늘 주무관 회의록 서명 의원을 안내드립니다.\n"
    r = rels(text)
    assert ("PARTICIPATES_IN", "배진호", "제1차 자치행정위원회") in r
    assert not any(h == "김하늘" for _k, h, _t in r)
