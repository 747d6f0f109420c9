"""Document frames (ingest/nlp/frames.py): participants, chairs and back references across
the sentences of a press release, as real releases write them."""
from __future__ import annotations

from ingest.nlp.evaluate import _DISAMBIGUATION
from ingest.nlp.pipeline import extract

D = "2024-12-10"


def rels(text: str, date: str | None = D) -> set[tuple[str, str, str]]:
    """(type, head text, tail canonical name): a back reference counts as its antecedent; an
    event's day and body (ingest/nlp/events.py: '간담회 (산업통상자원부, 2024-12-10)') are
    tested there, and left out here."""
    ex = extract(text, date)
    return {(r.type, ex.entities[r.head].text, _DISAMBIGUATION.sub("", ex.entities[r.tail].canonical or ex.entities[r.tail].text))
            for r in ex.relations}


ALLIANCE = ("산업통상자원부는 10일 서울에서 'K-휴머노이드 연합' 출범식을 개최했다. "
            "연합에는 레인보우로보틱스, 에이로봇 등 로봇 기업과 LG전자 등 수요 기업이 참여한다. "
            "이번 연합은 2030년까지 휴머노이드 기술 세계 1위를 목표로 한다. "
            "한편 현대자동차와 네이버는 동 연합에 추가로 가입할 예정이다.")


def test_companies_that_join_an_alliance_take_part_in_the_alliance_not_its_launch() -> None:
    found = rels(ALLIANCE)
    for company in ("레인보우로보틱스", "에이로봇", "LG전자", "현대자동차", "네이버"):
        assert ("PARTICIPATES_IN", company, "K-휴머노이드 연합") in found
    assert ("SCHEDULED_FOR", "연합", "K-휴머노이드 연합") not in found  # the tail is a date
    ex = extract(ALLIANCE, D)
    due = [(ex.entities[r.head].canonical, ex.entities[r.tail].value) for r in ex.relations if r.type == "SCHEDULED_FOR"]
    assert ("K-휴머노이드 연합", "../2030-12-31") in due


def test_participants_listed_in_a_sentence_without_the_initiative_go_to_the_one_named_before() -> None:
    text = ("산업부는 22일 'AI 자율제조 얼라이언스'를 출범했다. "
            "현대자동차, LG전자, 포스코 등 업종 대표 기업과 중소기업이 함께 참여하며, 연구기관이 간사를 맡는다.")
    found = rels(text)
    for company in ("현대자동차", "LG전자", "포스코"):
        assert ("PARTICIPATES_IN", company, "AI 자율제조 얼라이언스") in found


def test_a_list_line_of_attendees_attends_the_meeting() -> None:
    text = ("안덕근 산업통상자원부 장관은 7일 반도체 업계 간담회를 주재했다.\n"
            "참석자: 곽노정 SK하이닉스 대표, 박용인 삼성전자 사장")
    found = rels(text, "2024-03-07")
    assert ("PARTICIPATES_IN", "곽노정", "반도체 업계 간담회") in found
    assert ("PARTICIPATES_IN", "박용인", "반도체 업계 간담회") in found
    # in a list of attendees the company a person represents is there too (real gold guideline)
    assert ("PARTICIPATES_IN", "SK하이닉스", "반도체 업계 간담회") in found
    # the marker may stand inside a line: '… 현장에서 전해드립니다. ※ 참석자 : …'
    found = rels("문 대통령은 평택에서 열린 K-반도체 전략 보고회에 참석했습니다. ※ 참석자 : 정칠희 네패스 회장", "2021-05-13")
    assert ("PARTICIPATES_IN", "정칠희", "K-반도체 전략 보고회") in found


def test_cochairs_lead_the_alliance() -> None:
    text = ("산업통상자원부는 10일 '제조 AX 얼라이언스' 출범식을 열었다. "
            "김정관 산업통상자원부 장관과 최태원 대한상공회의소 회장이 공동위원장을 맡고, 기업 1,000여 곳이 참여한다.")
    found = rels(text)
    assert ("LEADS", "김정관", "제조 AX 얼라이언스") in found
    assert ("LEADS", "최태원", "제조 AX 얼라이언스") in found
    # a post held elsewhere is no chair of the alliance
    assert not any(r[0] == "LEADS" and r[2] == "제조 AX 얼라이언스" for r in rels(
        "산업부는 'AI 얼라이언스'를 출범했다. 김철수 사장은 그 전까지 지역 당협위원장을 맡아 왔다."))


def test_attendees_before_a_launch_ceremony_attend_the_ceremony() -> None:
    found = rels("산업부는 10일 안덕근 장관과 유홍림 서울대 총장 등이 참석한 가운데 'K-휴머노이드 연합' 출범식을 열었다.")
    assert ("PARTICIPATES_IN", "유홍림", "K-휴머노이드 연합 출범식") in found
    assert ("PARTICIPATES_IN", "유홍림", "K-휴머노이드 연합") not in found


def test_taking_part_in_something_else_is_not_taking_part_in_the_frame() -> None:
    text = "산업부는 'AI 자율제조 얼라이언스'를 출범했다. 협상에는 구윤철 경제부총리와 여한구 통상교섭본부장이 참여했다."
    assert not any(r[0] == "PARTICIPATES_IN" for r in rels(text))
    text = "산업부는 'AI 자율제조 얼라이언스'를 출범했다. 삼성전자는 지난해 유상증자 참여와 지분 매입으로 2대 주주가 됐다."
    assert not any(r[0] == "PARTICIPATES_IN" for r in rels(text))


def test_the_host_of_a_launch_does_not_also_take_part_in_it() -> None:
    text = "산업통상자원부는 22일 'AI 자율제조 얼라이언스' 출범식을 열고, 참여 기업·기관과 업무협약을 맺었다."
    assert not any(r[0] == "PARTICIPATES_IN" and r[1] == "산업통상자원부" for r in rels(text))


def people(text: str) -> list[tuple[str, str]]:
    ex = extract(text, D)
    return [(e.text, e.type) for e in ex.entities if e.type in ("PERSON", "COMPANY", "ORGANIZATION")]


def test_name_body_title_lists_read_an_unknown_body_as_a_company() -> None:
    assert people("※ 참석자 : 박성현 리벨리온 대표이사, 정칠희 네패스 회장") == [
        ("박성현", "PERSON"), ("리벨리온", "COMPANY"), ("정칠희", "PERSON"), ("네패스", "COMPANY")]


def test_reporters_and_transcript_speakers_are_people_but_reporters_take_part_in_nothing() -> None:
    text = "이날 간담회에는 LG전자가 참석했다. 문기혁 기자가 참석했습니다. 녹취> 장병규 / 4차산업혁명위원장"
    assert ("문기혁", "PERSON") in people(text) and ("장병규", "PERSON") in people(text)
    assert not any(r[1] == "문기혁" for r in rels(text))


def test_a_city_head_by_a_fused_title_is_a_person() -> None:
    assert ("박형준", "PERSON") in people("개청식에는 박형준 부산시장 등이 참석했다.")
    assert ("정동영", "PERSON") in people("정동영 위원님 인사말씀 해 주시기 바랍니다.")


def test_a_law_and_its_short_names_are_one_entity() -> None:
    ex = extract("'인공지능 발전과 신뢰 기반 조성 등에 관한 기본법'(AI 기본법)이 통과했다. 인공지능 기본법은 2026년 시행된다. "
                 "업계는 AI기본법에 대비한다.", D)
    names = {e.canonical for e in ex.entities if e.type == "INITIATIVE"}
    assert names == {"인공지능 발전과 신뢰 기반 조성 등에 관한 기본법"}


def test_people_named_without_a_title_are_found_by_the_name_lexicon() -> None:
    found = people("이날 행사에는 손흥민 등이 참석했다. 노무현 전 대통령의 뜻을 기렸다. 비자림로를 아름다운 도로로 뽑았다.")
    assert found == [("손흥민", "PERSON"), ("노무현", "PERSON")]


def test_members_of_a_group_or_team_of_the_alliance_take_part_in_it_but_not_their_owner() -> None:
    text = ("산업부는 10일 'K-휴머노이드 연합'을 출범했다. "
            "로봇 제조 그룹에는 삼성전자 자회사가 된 레인보우로보틱스와 두산로보틱스 등이 참여한다.")
    found = rels(text)
    assert ("PARTICIPATES_IN", "레인보우로보틱스", "K-휴머노이드 연합") in found
    assert ("PARTICIPATES_IN", "두산로보틱스", "K-휴머노이드 연합") in found
    assert ("PARTICIPATES_IN", "삼성전자", "K-휴머노이드 연합") not in found


def test_a_quoted_name_before_a_head_word_is_the_initiative() -> None:
    text = ("과기정통부는 4일 '독자 AI 파운데이션 모델' 프로젝트를 이끌 정예팀 5곳을 선정했다. "
            "업스테이지 팀에는 마키나락스 등이 이름을 올렸다.")
    assert ("PARTICIPATES_IN", "마키나락스", "독자 AI 파운데이션 모델") in rels(text, "2025-08-04")


def test_a_body_known_by_its_ending_before_a_title_and_the_chair_after_주재한() -> None:
    found = rels("국정현안관계장관회의를 주재한 최상목 대통령 권한대행은 말했다. 류희림 방송통신심의위원회 위원장이 출석했다.")
    assert ("LEADS", "최상목", "국정현안관계장관회의") in found
    assert ("LEADS", "류희림", "방송통신심의위원회") in found


def inits(text: str, date: str = D) -> list[str]:
    return [e.text for e in extract(text, date).entities if e.type == "INITIATIVE"]


def test_ordinal_meetings_sittings_and_hearings_are_named_events() -> None:
    assert inits("환경부는 제4기 민·관환경정책협의회 출범을 맞아 제1차 회의를 열었다.") == [
        "제4기 민·관환경정책협의회", "제1차 회의"]
    assert inits("성원이 되었으므로 제420회 국회(임시회) 제1차 과학기술정보방송통신위원회를 개회하겠습니다.") == [
        "제420회 국회", "제1차 과학기술정보방송통신위원회"]
    assert inits("국무위원후보자 유상임에 대한 인사청문회는 8월 8일 실시하기로 하였습니다.") == ["인사청문회"]
    assert inits("이 안건은 국회법 제121조에 따라 상정되었습니다.") == ["국회법"]


def test_quoted_events_and_answers_in_the_minutes() -> None:
    assert inits("차관은 '제18회 반도체의 날'에 참석하여 포상을 수여합니다.") == ["제18회 반도체의 날"]
    assert inits("차관은 '제20회 전자·IT의 날' 기념식에 참석합니다.") == ["제20회 전자·IT의 날", "기념식"]
    assert inits("질문 없으시지요? (「예」 하는 위원 있음)") == []


def test_weekdays_and_time_words_open_no_meeting_name() -> None:
    assert inits("4월 21일 월요일 정례브리핑을 시작하겠습니다.") == ["정례브리핑"]
    assert inits("개청식에 참석한 후 업무보고를 받았습니다.") == ["개청식", "업무보고"]


def test_renamed_ministries_durations_and_ordinal_terms() -> None:
    ex = extract("이번 주 산업통상부 보도계획입니다. 청문회는 2일 동안 실시합니다. 제3기 위원 임기가 끝났다.", D)
    found = [(e.text, e.type) for e in ex.entities if e.type in ("MINISTRY", "QUANTITY")]
    assert found == [("산업통상부", "MINISTRY"), ("2일", "QUANTITY")]  # '3기' of 제3기 is no quantity
    moti = next(e for e in ex.entities if e.text == "산업통상부")
    assert moti.canonical == "산업통상부"


def schedules(text: str, date: str) -> set[tuple[str, str]]:
    ex = extract(text, date)
    return {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "SCHEDULED_FOR"}


def test_the_day_and_hour_in_the_next_sentence_date_the_meeting_named_before() -> None:
    text = "과기정통부는 업계 간담회를 개최합니다. 4월 23일 수요일 오후 2시 코엑스에서 장관 참석으로 진행이 됩니다."
    assert schedules(text, "2025-04-21") == {("업계 간담회", "4월 23일")}
    # a report of the past dates nothing
    text = "과기정통부는 업계 간담회를 개최했다. 4월 18일 오후 2시 코엑스에서 장관이 참석했다."
    assert schedules(text, "2025-04-21") == set()


def test_a_date_right_before_a_meeting_to_come_and_the_venue_meeting_is_not_what_is_due() -> None:
    assert schedules("의사일정 제2항 2024년도 국정감사 서류제출 요구의 건을 상정합니다.", "2024-09-10") == {
        ("국정감사", "2024년도")}
    assert schedules("오늘 회의에서는 현안질의를 실시할 예정입니다.", "2024-06-18") == {("현안질의", "오늘")}


def test_the_object_of_holding_with_a_long_when_and_where_between() -> None:
    text = ("환경부는 제4기 민·관환경정책협의회 출범을 맞아 위원 위촉장 수여식 및 제1차 회의를 "
            "9월 24일 오후 켄싱턴호텔(서울 영등포구 소재)에서 개최했다.")
    found = rels(text, "2021-09-24")
    assert ("ANNOUNCES", "환경부", "제1차 회의") in found and ("ANNOUNCES", "환경부", "위촉장 수여식") in found


def test_bodies_listed_as_the_audits_subjects_and_a_surname_with_a_title_stand_for_the_person() -> None:
    text = "국정감사 기간은 10월 7일부터 25일까지이고 대상기관은 과학기술정보통신부, 우주항공청 등 86개 기관입니다."
    found = rels(text, "2024-09-20")
    assert {("PARTICIPATES_IN", "과학기술정보통신부", "국정감사"),
            ("PARTICIPATES_IN", "우주항공청", "국정감사")} <= found
    text = ("이재명 대통령은 오늘 부산을 방문했습니다. 오전에 국무회의를 주재한 이 대통령은 "
            "오후에는 해양수산부 부산 임시청사 개청식에 참석했습니다.")
    found = rels(text, "2025-12-23")
    assert ("LEADS", "이재명", "국무회의") in found
    assert ("PARTICIPATES_IN", "이재명", "부산 임시청사 개청식") in found
    ex = extract(text, "2025-12-23")
    assert [e.text for e in ex.entities if e.type == "PERSON"] == ["이재명"]  # '이 대통령' is no entity


def test_what_the_sitting_holds_today_is_scheduled_for_today_the_sitting_is_not() -> None:
    assert schedules("오늘 회의에서는 청문회를 실시하도록 하겠습니다.", "2024-09-20") == {("청문회", "오늘")}
    assert schedules("오늘 회의에서는 청문회를 실시했습니다.", "2024-09-20") == set()


def test_hospitals_institutes_and_venues_by_the_ending_of_their_name() -> None:
    found = people("정부가 강원대병원과 이대목동병원에 군의관을, 충주의료원에 공보의를 배치한다. 인근 병원과 대학병원도 돕는다.")
    assert found == [("강원대병원", "ORGANIZATION"), ("이대목동병원", "ORGANIZATION"), ("충주의료원", "ORGANIZATION")]
    ex = extract("심포지엄이 오전 10시 웨스틴조선 호텔에서 있고, 회의는 켄싱턴호텔(서울)에서 열린다.", D)
    assert [e.text for e in ex.entities if e.type == "LOCATION"] == ["웨스틴조선 호텔", "켄싱턴호텔", "서울"]


def test_names_after_their_title_in_minutes_and_briefings() -> None:
    assert people("국무위원후보자 유상임에 대한 인사청문회는 8월 8일 실시합니다.") == [("유상임", "PERSON")]
    assert people("한국방송공사 사장후보자(박장범) 인사청문회") == [("한국방송공사", "COMPANY"), ("박장범", "PERSON")]
    assert people("우주항공청을 맡고 있는 청장 윤영빈입니다. 정석배 입법심의관입니다.") == [
        ("윤영빈", "PERSON"), ("정석배", "PERSON")]


def test_이날_행사_is_the_event_the_release_is_about() -> None:
    text = "산업부는 10일 'K-휴머노이드 연합' 출범식을 열었다. 이날 행사에는 LG전자와 두산로보틱스가 참석했다."
    found = rels(text, "2025-04-10")
    assert ("PARTICIPATES_IN", "LG전자", "K-휴머노이드 연합 출범식") in found


def test_a_foreign_given_name_and_an_ordinal_count_are_left_alone() -> None:
    found = people("마이클 잭슨이 왔다. 박근혜 새누리당 후보와 문재인 후보가 만났다.")
    assert ("마이클", "PERSON") not in found and ("박근혜", "PERSON") in found and ("문재인", "PERSON") in found
    ex = extract("일본이 치르는 4번째 올림픽이다. 착륙을 4번이나 시도했다.", D)
    assert [e.text for e in ex.entities if e.type == "QUANTITY"] == ["4번"]


def test_a_long_unknown_body_between_name_and_title_and_an_officer_fused_to_his_post() -> None:
    text = "공동위원장인 김미화 자원순환사회연대 이사장과 장기복 환경부 녹색전환정책관이 참석했다."
    assert people(text) == [("김미화", "PERSON"), ("자원순환사회연대", "ORGANIZATION"), ("장기복", "PERSON")]
    found = rels("환경부는 제1차 회의를 열었다. " + text, "2021-09-24")
    assert ("LEADS", "김미화", "자원순환사회연대") in found
    assert ("LEADS", "장기복", "환경부") not in found  # a director-general is no head of the ministry


def test_a_weekday_on_its_own_is_that_day_of_the_documents_week() -> None:
    ex = extract("장관께서 수요일에 업계 간담회를 가질 예정입니다. 정례브리핑은 매주 금요일에 열립니다. "
                 "4월 23일 수요일에 열립니다. 다음 주 월요일에 발표합니다.", "2024-11-11")
    assert [(e.text, e.value) for e in ex.entities if e.type == "DATE"] == [
        ("수요일", "2024-11-13"), ("4월 23일", "2024-04-23"), ("다음 주 월요일", "2024-11-18")]
    assert ("업계 간담회", "수요일") in {(ex.entities[r.head].text, ex.entities[r.tail].text)
                                   for r in ex.relations if r.type == "SCHEDULED_FOR"}


def test_who_a_hearing_is_about_takes_part_in_it() -> None:
    assert ("PARTICIPATES_IN", "유상임", "인사청문회") in rels(
        "국무위원후보자 유상임에 대한 인사청문회는 8월 8일 실시하기로 하였습니다.", "2024-08-01")
    assert ("PARTICIPATES_IN", "박장범", "인사청문회") in rels("한국방송공사 사장후보자(박장범) 인사청문회 실시계획서 변경의 건")


def test_a_briefings_press_schedule_is_no_plan() -> None:
    assert inits("이번 주 산업통상부 보도계획은 총 21건입니다. 산업부는 'AI 전략'을 발표합니다.") == ["AI 전략"]


def test_the_hosts_of_a_programme_on_a_roster_line_take_part_in_it() -> None:
    text = ("한국정책방송원은 9월부터 「생방송 정책와이드」 프로그램을 신설한다.\n"
            "※ 진행자 : 1부 김미진·박종진, 2부 천규승·선우경")
    found = rels(text)
    for host in ("김미진", "박종진", "천규승", "선우경"):
        assert ("PARTICIPATES_IN", host, "생방송 정책와이드") in found
    assert not any(h == "1부" for _k, h, _t in found)


def test_a_list_that_ends_in_등_before_함께_takes_part_and_첫날_is_no_part_of_the_name() -> None:
    text = "대통령은 첫날 간담회로 현대자동차, LG, 신세계 등 8개 기업 경영인들과 함께했습니다."
    found = rels(text)
    for company in ("현대자동차", "LG", "신세계"):  # a generic meeting is named with its day
        assert ("PARTICIPATES_IN", company, "간담회") in found
    ex = extract(text, D)
    assert "첫날 간담회" not in {e.text for e in ex.entities}


def test_an_association_announces_a_delegation_and_its_roster_takes_part_with_companies() -> None:
    text = ("대한상공회의소가 대통령의 방미 경제인단을 발표했습니다. "
            "박용만 대한상의 회장을 비롯해 권오현 삼성전자 부회장, 구본준 LG그룹 부회장 등 모두 52명입니다.")
    found = rels(text, "2017-06-23")
    assert ("ANNOUNCES", "대한상공회의소", "방미 경제인단") in found
    for member in ("박용만", "권오현", "삼성전자", "구본준", "LG그룹"):
        assert ("PARTICIPATES_IN", member, "방미 경제인단") in found


def test_executives_attending_two_coordinated_events_attend_both_with_their_companies() -> None:
    text = ("미 상공회의소 주최로 열린 한미 비즈니스 라운드 테이블과 한미 경제인 오찬.\n"
            "대니얼 애커슨 GM 회장, 데니스 뮬렌버그 보잉 부회장 등 170여 명의 미국 기업인이 참석했습니다.")
    found = rels(text, "2013-05-09")
    for event in ("한미 비즈니스 라운드 테이블", "한미 경제인 오찬"):
        for who in ("대니얼 애커슨", "GM", "데니스 뮬렌버그", "보잉"):
            assert ("PARTICIPATES_IN", who, event) in found
    assert ("LEADS", "데니스 뮬렌버그", "보잉") in found  # a foreign name of two words heads the company
    found = rels("대통령은 시장의 한 식당에서 오찬을 가졌습니다.", "2025-12-23")
    assert not any(t == "오찬" for _k, _h, t in found)  # a meal is an event only by its name


def test_a_briefings_day_weekday_and_hour_before_an_event_schedule_the_name_and_the_event() -> None:
    text = ("차관은 10월 21일 화요일 10시 '제20회 전자·IT의 날' 기념식에 참석할 예정입니다. "
            "본부장은 10월 22일 수요일 10시 30분 국내 최대 수출 행사인 '2025 수출 붐업코리아 Week' 개막식에 참석할 예정입니다.")
    ex = extract(text, "2025-10-25")  # read out after the days: the sentences still say what is to come
    due = {(ex.entities[r.head].text, ex.entities[r.tail].value) for r in ex.relations if r.type == "SCHEDULED_FOR"}
    assert {("제20회 전자·IT의 날", "2025-10-21"), ("기념식", "2025-10-21"),
            ("2025 수출 붐업코리아 Week", "2025-10-22"), ("개막식", "2025-10-22")} <= due
    assert not any(h == "국내 최대 수출 행사" for h, _v in due)  # the description, not the event
    ex = extract("4월 21일 월요일 정례브리핑을 시작하겠습니다.", "2025-04-21")
    assert not any(r.type == "SCHEDULED_FOR" for r in ex.relations)  # the briefing is the document itself


def test_a_named_person_who_holds_a_meeting_leads_it_a_body_announces_it() -> None:
    found = rels("어제 문재인 대통령이 기업인들을 청와대로 초청해 간담회를 열었습니다.", "2017-07-28")
    assert any(k == "LEADS" and h == "문재인" and t.startswith("간담회") for k, h, t in found)
    found = rels("산업부는 김철수 회장 등 기업인과 간담회를 열었다.")
    assert not any(k == "LEADS" and h == "김철수" for k, h, _t in found)  # not the subject


def test_a_role_at_the_event_is_attending_it_and_union_federations_are_organisations() -> None:
    text = ("한국판 뉴딜 대국민보고대회가 내일 청와대에서 열립니다. 보고대회에는 한국노총 위원장 등 노사대표가 함께 참석합니다. "
            "또 디지털뉴딜의 보고자로 정의선 현대차 수석부회장과 한성숙 네이버 대표이사 사장이 나섭니다.")
    found = rels(text, "2020-07-13")
    for who in ("한국노총", "정의선", "현대차", "한성숙", "네이버"):
        assert any(k == "PARTICIPATES_IN" and h == who and "보고대회" in t for k, h, t in found), who
    assert ("LEADS", "정의선", "현대자동차") in found  # 수석부회장 heads the company
    found = rels("대통령은 2013년 5월 미국 기업인들을 상대로 투자 유치에 적극 나섰습니다. 간담회에는 김철수 회장이 참석했다.")
    assert not any(k == "PARTICIPATES_IN" and h == "대통령" for k, h, _t in found)


def test_in_a_ministrys_own_briefing_what_is_held_without_a_subject_is_the_ministrys() -> None:
    text = ("과기정통부 정례브리핑\n2025.04.21 과학기술정보통신부\n"
            "4월 23일에는 글로벌 얼라이언스 출범식이 있습니다.\n민·관 협력체계 출범 및 업계 간담회를 개최합니다.\n"
            "김철수 장관은 4월 25일 반도체 포럼을 개최합니다.")
    found = rels(text, "2025-04-21")
    assert any(k == "ANNOUNCES" and h == "과기정통부" and t == "간담회" for k, h, t in found)
    assert not any(k == "ANNOUNCES" and "반도체 포럼" in t for k, _h, t in found)  # the named minister holds it
    found = rels("산업부 장관은 김철수 회장과 만났다. 업계 간담회를 개최합니다.", "2025-04-21")
    assert not any(k == "ANNOUNCES" for k, _h, _t in found)  # no briefing of its own


def test_signatories_of_an_agreement_take_part_in_it() -> None:
    for text in ("해외문화홍보원과 한국문화재재단 업무협약 체결",  # a headline
                 "해문홍과 문화재재단은 25일 서울에서 업무협약(MOU)을 체결했다."):
        found = rels(text, "2018-07-25")
        for names in (("해외문화홍보원", "해문홍"), ("한국문화재재단", "문화재재단")):  # short names: aliases
            assert any(k == "PARTICIPATES_IN" and h in names and t.startswith("업무협약") for k, h, t in found), (text, names)
    found = rels("해외문화홍보원(원장 김태훈, 이하 해문홍)과 한국문화재재단(이사장 진옥섭, 이하 문화재재단)은 협력한다.")
    assert ("LEADS", "진옥섭", "한국문화재재단") in found


def test_a_calls_application_and_running_periods_schedule_the_programme_named_before() -> None:
    for text in ("중기부는 스마트공장 보급사업 참여기업을 모집한다. 신청 기간은 3월 4일부터 3월 15일까지이며, 누구나 신청할 수 있다.",
                 "중기부는 스마트공장 보급사업을 공고했다. 접수는 3월 4일부터 15일까지 온라인으로 받는다."):
        ex = extract(text, "2024-02-20")
        due = {(ex.entities[r.head].text, ex.entities[r.tail].value) for r in ex.relations if r.type == "SCHEDULED_FOR"}
        assert ("스마트공장 보급사업", "2024-03-04/2024-03-15") in due
    ex = extract("산업부는 스마트공장 보급사업 간담회를 열었다. 서류 제출 기간은 3월 15일까지다.", "2024-02-20")
    assert not any(r.type == "SCHEDULED_FOR" for r in ex.relations)  # handing in documents is no schedule


def test_a_roster_includes_its_members_and_a_named_person_holds_a_new_year_reception() -> None:
    text = ("대한상공회의소가 대통령의 방미 경제인단을 발표했습니다. "
            "명단에는 국내 일자리 창출에 기여한 한국GM과 한국3M 등 주한미국상공회의소 소속 2곳도 포함됐습니다.")
    found = rels(text, "2017-06-23")
    assert ("PARTICIPATES_IN", "한국GM", "방미 경제인단") in found
    assert ("PARTICIPATES_IN", "한국3M", "방미 경제인단") in found
    assert ("PARTICIPATES_IN", "주한미국상공회의소", "방미 경제인단") not in found  # what they belong to
    found = rels("문재인 대통령이 각계 주요 인사를 청와대로 초청해 신년 인사회를 했습니다.", "2018-01-03")
    assert any(k == "LEADS" and h == "문재인" and "인사회" in t for k, h, t in found)


def test_a_decision_to_hold_on_a_day_to_come_schedules_the_event() -> None:
    ex = extract("간사와 협의한 결과 후보자 유상임에 대한 인사청문회는 8월 8일 목요일 오전 10시부터 1일 동안 실시하기로 하였습니다.",
                 "2024-08-02")
    due = {(ex.entities[r.head].text, ex.entities[r.tail].value) for r in ex.relations if r.type == "SCHEDULED_FOR"}
    assert ("인사청문회", "2024-08-08") in due
    ex = extract("위원회는 7월 8일 인사청문회를 실시하기로 하였습니다.", "2024-08-02")  # a day gone by
    assert not any(r.type == "SCHEDULED_FOR" for r in ex.relations)


def test_the_bodies_summoned_to_a_sitting_take_part_in_it_not_the_committee_whose_room_it_is() -> None:
    text = ("이 안건은 2024년 6월 18일 현안질의에 필요한 국무위원 및 정부위원의 출석을 요구하기 위한 것입니다. "
            "국무위원인 과학기술정보통신부장관, 정부위원인 방송통신위원회 위원장, 원자력안전위원회 위원장으로 하여금 "
            "2024년 6월 18일 오전 10시까지 과학기술정보방송통신위원회 회의장에 출석을 요구하는 내용입니다.")
    found = rels(text, "2024-06-14")
    for body in ("방송통신위원회", "원자력안전위원회"):
        assert any(k == "PARTICIPATES_IN" and h == body and t.startswith("현안질의") for k, h, t in found), body
    assert not any(k == "PARTICIPATES_IN" and h == "과학기술정보방송통신위원회" for k, h, _t in found)


def test_the_host_of_an_event_holds_it() -> None:
    found = rels("대한상공회의소 주최로 열린 한미 비즈니스 라운드 테이블과 한미 경제인 오찬.", "2013-05-09")
    assert ("ANNOUNCES", "대한상공회의소", "한미 비즈니스 라운드 테이블") in found
    assert ("ANNOUNCES", "대한상공회의소", "한미 경제인 오찬") in found
    found = rels("산업부가 주최한 수출 전략 설명회가 10일 열렸다.")
    assert ("ANNOUNCES", "산업부", "수출 전략 설명회") in found


def test_attendees_by_자리했다_함께했다_and_배석_at_this_event() -> None:
    first = "산업부는 10일 반도체 업계 간담회를 열었다. "
    for second in ("간담회에는 곽노정 SK하이닉스 대표, 박용인 삼성전자 사장 등이 자리했다.",
                   "곽노정 SK하이닉스 대표와 박용인 삼성전자 사장도 자리를 함께했다.",
                   "이 자리에는 곽노정 SK하이닉스 대표와 박용인 삼성전자 사장이 배석했다."):
        found = rels(first + second)
        for person in ("곽노정", "박용인"):
            assert ("PARTICIPATES_IN", person, "반도체 업계 간담회") in found, second


def test_a_deadline_for_handing_in_papers_schedules_nothing() -> None:
    for text in ("오늘 회의에서는 현안질의를 하겠습니다. 서면질의는 오늘 회의 종료 전까지 제출해 주시기 바랍니다.",
                 "간사와의 협의에 따라 현안질의 추가 자료제출요구의 건을 상정합니다. "
                 "위원께서 요청하신 자료를 2024년 12월 16일 오후 5시까지 제출할 것으로 요구하고자 합니다."):
        ex = extract(text, "2024-12-10")
        assert not any(r.type == "SCHEDULED_FOR" and "제출" in text[ex.entities[r.tail].end:ex.entities[r.tail].end + 20]
                       for r in ex.relations), text


def test_the_topics_of_a_role_at_an_event_do_not_take_the_events_attendees() -> None:
    text = ("지역 뉴딜 보고대회가 내일 세종에서 열립니다. "
            "또 지역균형 뉴딜과 그린뉴딜의 발표자로 김철수 LG화학 부회장이 나섭니다.")
    found = rels(text, "2020-07-13")
    assert ("PARTICIPATES_IN", "김철수", "지역 뉴딜 보고대회") in found
    assert not any(k == "PARTICIPATES_IN" and t in ("지역균형 뉴딜", "그린뉴딜") for k, _h, t in found)
