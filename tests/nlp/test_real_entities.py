"""Entity rules for constructions of real press releases, transcripts and minutes (issue #20):
honorific titles, bracketed heads, speaker marks, places and 정부 as modifiers, durations,
laws named by what they regulate, numbered meetings of a council, sittings' own '회의'.
The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2024-06-18"


def ents(text: str, date: str | None = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


@pytest.mark.parametrize("text,name", [
    ("자리를 마련해 주신 박정숙 위원장님께 감사드립니다.", "박정숙"),
    ("이 자료는 윤태식 위원께서 요청하셨습니다.", "윤태식"),
    ("한국정책방송원(원장 김태훈, 이하 KTV)은 전시를 연다.", "김태훈"),
    ("신경은 앵커> 오늘 시장 분위기는 어떻습니까?", "신경은"),
])
def test_people_named_in_real_constructions(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_speaker_mark_needs_a_surname_first_word() -> None:
    assert not [e for e in ents("오늘의 앵커> 소식입니다.") if e[1] == "PERSON"]


@pytest.mark.parametrize("text,word", [
    ("해외에 한국문화 콘텐츠를 알린다.", "한국"),
    ("미국기업의 운영체제를 예로 들었다.", "미국"),
    ("포항지역 기업의 정상화를 돕는다.", "포항"),
])
def test_place_fused_to_a_noun_is_no_location(text: str, word: str) -> None:
    assert (word, "LOCATION") not in ents(text)


def test_place_on_its_own_stays() -> None:
    assert ("미국", "LOCATION") in ents("대표단은 미국을 방문했다.")


@pytest.mark.parametrize("text", ["유공자에게 정부 포상을 수여했다.", "정부 관계자는 말을 아꼈다.",
                                  "정부 고위관계자들이 참석했다."])
def test_government_qualifying_a_noun_is_no_body(text: str) -> None:
    assert ("정부", "MINISTRY") not in ents(text)


def test_government_acting_stays_a_body() -> None:
    assert ("정부", "MINISTRY") in ents("정부는 대책을 발표했다.")


@pytest.mark.parametrize("text,qty", [("공사를 5일간 진행한다.", "5일간"), ("발언 시간은 3분 드리겠습니다.", "3분"),
                                      ("높이 12m의 탑을 세웠다.", "12m"), ("교육은 2주간 열린다.", "2주간")])
def test_durations_and_measures(text: str, qty: str) -> None:
    assert (qty, "QUANTITY") in ents(text)


def test_quarter_is_no_duration() -> None:
    assert ("3분기", "DATE") in ents("3분기 실적이 나왔다.")


def test_fraction_is_no_duration() -> None:
    assert not [e for e in ents("참가 기업의 3분의 2가 중소기업이다.") if e[1] == "QUANTITY"]


def test_fiscal_year_is_a_date() -> None:
    got = [(e.text, e.type, e.value) for e in extract("위원회는 2023회계연도 결산을 심사했다.", D).entities]
    assert ("2023회계연도", "DATE", "2023") in got


@pytest.mark.parametrize("text,place", [
    ("브리핑은 과천청사에서 열린다.", "과천청사"),
    ("충청권 기업이 참여한다.", "충청권"),
    ("한반도의 평화를 논의했다.", "한반도"),
])
def test_places_without_a_suffix_rule(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


@pytest.mark.parametrize("text,law", [
    ("위원회는 국회에서의 증언·감정 등에 관한 법률 제5조에 따라 자료를 요구합니다.",
     "국회에서의 증언·감정 등에 관한 법률"),
    ("정부는 수소경제 육성 및 안전관리에 관한 법률을 공포했다.", "수소경제 육성 및 안전관리에 관한 법률"),
    ("국회법 제128조 및 공공기관의 운영에 관한 법률에 따라 요구합니다.", "공공기관의 운영에 관한 법률"),
])
def test_laws_named_by_what_they_regulate(text: str, law: str) -> None:
    assert (law, "INITIATIVE") in ents(text)


def test_numbered_meeting_of_a_council_is_one_name() -> None:
    got = ents("위원들은 제2기 청년정책협의회 3차 회의에 참석했다.")
    assert ("제2기 청년정책협의회 3차 회의", "INITIATIVE") in got


def test_nominee_stays_outside_the_hearing() -> None:
    got = ents("한국방송공사 사장후보자 인사청문회를 실시합니다.")
    assert ("인사청문회", "INITIATIVE") in got


def test_sitting_minutes_own_meeting_word_is_no_mention() -> None:
    text = "제5차 과학기술정보방송통신위원회를 개의하겠습니다. 오늘 회의에서는 법안을 심사하겠습니다."
    got = ents(text)
    assert ("제5차 과학기술정보방송통신위원회", "INITIATIVE") in got and ("회의", "INITIATIVE") not in got


def test_meeting_word_outside_minutes_stays() -> None:
    assert ("회의", "INITIATIVE") in ents("장관은 이날 회의에서 수출 대책을 점검했다.")


def test_member_title_is_no_mention_of_the_body() -> None:
    got = ents("재선거에서 국회의원 8명을 뽑는다.")
    assert ("국회", "MINISTRY") not in got


def test_address_as_object_is_a_place() -> None:
    got = ents("정부는 경북 영덕군을 특별재난지역으로 지정했다.")
    assert ("영덕군", "LOCATION") in got
    assert ("영덕군", "MINISTRY") in ents("영덕군은 복구 계획을 발표했다.")


@pytest.mark.parametrize("text,place", [("대표단은 베를린과 파리를 방문했다.", "베를린"),
                                        ("회의는 도쿄에서 열렸다.", "도쿄"),
                                        ("공장은 중국 광둥성에 있다.", "광둥성")])
def test_foreign_places_from_the_klue_lexicon(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_klue_places_leave_common_words_alone() -> None:
    assert not [e for e in ents("경기 침체로 소비가 줄었다.") if e[1] == "LOCATION"]


def test_party_policy_chair_and_state_governor() -> None:
    assert ("윤상현", "PERSON") in ents("윤상현 민주당 정책위의장이 설명했다.")
    got = ents("장관은 김철수 오리건주 주지사를 만났다.")
    assert ("김철수", "PERSON") in got and ("오리건주", "MINISTRY") in got


def test_newspaper_and_electoral_district_are_no_people() -> None:
    assert not [e for e in ents("질문을 했던 부산일보 기자는 반박했다.") if e[1] == "PERSON"]
    assert ("강북을", "PERSON") not in ents("서울 강북을 국회의원입니다.")


def test_presidential_office_as_a_place() -> None:
    got = ents("대통령은 경제단체장들을 청와대로 초청했다. 청와대는 결과를 발표했다.")
    assert got.count(("청와대", "LOCATION")) == 1 and got.count(("청와대", "MINISTRY")) == 1


def test_local_governments_in_a_list_of_places_and_in_an_address() -> None:
    got = ents("센터는 대구, 충남, 울산 등에 문을 열었다.")
    assert ("충남", "LOCATION") in got
    assert ("종로구", "LOCATION") in ents("행사장(서울 종로구)에 모였다.")


def test_committee_and_its_numbered_meeting_are_one_name() -> None:
    got = ents("제400회 국회(임시회) 행정안전위원회 제2차 전체회의를 개의하겠습니다.")
    assert ("행정안전위원회 제2차 전체회의", "INITIATIVE") in got


def test_law_name_starts_after_a_bound_noun() -> None:
    got = ents("말씀드린 대로 국정감사 및 조사에 관한 법률에 따라 요구합니다.")
    assert ("국정감사 및 조사에 관한 법률", "INITIATIVE") in got


def test_meeting_word_in_an_agenda_item_of_minutes_is_no_mention() -> None:
    got = ents("당초 회의 안건에는 없었지만 의사일정 제3항을 추가로 상정합니다.")
    assert ("회의", "INITIATIVE") not in got


def test_hanja_country_abbreviations() -> None:
    got = ents("다음달 美 워싱턴에서 회의를 연다. 對중국 수출통제를 논의한다.")
    assert ("美", "LOCATION") in got and ("중국", "LOCATION") not in got


def test_name_after_a_sentence_joined_without_a_space() -> None:
    assert ("김철수", "PERSON") in ents("보고드리겠습니다.김철수 위원님 질의해 주십시오.")


def test_council_term_is_no_count() -> None:
    got = ents("청년위원회 1기 활동이 끝났고 원전 2기를 더 짓는다.")
    assert ("1기", "QUANTITY") not in got and ("2기", "QUANTITY") in got


def test_topic_with_gwanryeon_stays_in_a_hearing_name() -> None:
    assert ("요금제 관련 2차 청문회", "INITIATIVE") in ents("위원회는 요금제 관련 2차 청문회를 실시합니다.")


def test_name_opening_a_quotation() -> None:
    got = ents('부처는 "한일 통상장관회의 일정은 미정"이라고 밝혔다.')
    assert ("한일 통상장관회의", "INITIATIVE") in got


@pytest.mark.parametrize("text,venue", [("행사는 서울광장에서 열렸다.", "서울광장"),
                                        ("기자> 네, 청와대 춘추관입니다.", "청와대 춘추관"),
                                        ("점검은 동대문디자인플라자에서 했다.", "동대문디자인플라자")])
def test_venues_by_their_ending(text: str, venue: str) -> None:
    assert (venue, "LOCATION") in ents(text)


# --- the third round: agreements and councils, public bodies, titles fused to a body ---

@pytest.mark.parametrize("text,name", [
    ("산업부는 10일 이차전지 국내 투자 선언식을 열었다.", "이차전지 국내 투자 선언식"),
    ("과기정통부는 양자 민관 협의체를 발족했다.", "양자 민관 협의체"),
    ("두 회사는 수소 충전망 공동구축 협약을 맺었다.", "수소 충전망 공동구축 협약"),
])
def test_agreements_and_councils_without_a_standard_head(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


@pytest.mark.parametrize("text,name,label", [
    ("한국해양진흥공사는 선박 금융을 늘린다.", "한국해양진흥공사", "MINISTRY"),
    ("행사는 부산정보산업진흥원이 주관했다.", "부산정보산업진흥원", "MINISTRY"),
    ("국민연금공단은 기금 운용 계획을 밝혔다.", "국민연금공단", "MINISTRY"),
    ("한국건설생활환경시험연구원과 협력한다.", "한국건설생활환경시험연구원", "ORGANIZATION"),
])
def test_public_bodies_by_their_ending(text: str, name: str, label: str) -> None:
    assert (name, label) in ents(text)


@pytest.mark.parametrize("text,word", [
    ("반월공단 입주기업이 늘었다.", "반월공단"),
    ("김하늘 선임연구원은 결과를 설명했다.", "선임연구원"),
    ("한국방송공사는 특집을 편성했다.", "한국방송공사"),
])
def test_works_estates_researchers_and_kbs_are_no_public_bodies(text: str, word: str) -> None:
    assert (word, "MINISTRY") not in ents(text) and (word, "ORGANIZATION") not in ents(text)


@pytest.mark.parametrize("text,name", [
    ("오영택 산업통상자원부장관은 회의를 주재했다.", "오영택"),
    ("협약식에는 남궁민호 대성정밀㈜대표가 참석했다.", "남궁민호"),
])
def test_people_before_a_title_fused_to_their_body(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


@pytest.mark.parametrize("text,company,person", [
    ("검찰은 오정태 전 동광물산 회장을 소환했다.", "동광물산", "오정태"),
    ("한빛테크놀로지 류지환 대표는 신제품을 소개했다.", "한빛테크놀로지", "류지환"),
])
def test_unknown_company_of_a_named_head(text: str, company: str, person: str) -> None:
    got = ents(text)
    assert (company, "COMPANY") in got and (person, "PERSON") in got


def test_corporate_mark_alone_names_no_company() -> None:
    assert not [e for e in ents("새 법인은 주식회사로 설립될 예정이다.") if e[1] == "COMPANY"]


def test_title_holder_word_is_no_company() -> None:
    assert not [e for e in ents("이날 행사에는 신임 조형준 사장이 참석했다.") if e[1] == "COMPANY"]


def test_roster_bullets_before_names() -> None:
    got = ents("참석자는 △도경민 한라정밀 사장 ▲반수영 대흥산업 회장 등이다.")
    for name, label in (("도경민", "PERSON"), ("반수영", "PERSON"), ("한라정밀", "COMPANY"), ("대흥산업", "COMPANY")):
        assert (name, label) in got


@pytest.mark.parametrize("text,body,label,person", [
    ("장관은 광학부품 수출기업인 누리광학(대표 탁진우)을 방문했다.", "누리광학", "COMPANY", "탁진우"),
    ("새만금개발공사(사장 나경균)는 협약을 체결했다.", "새만금개발공사", "MINISTRY", "나경균"),
])
def test_body_before_its_head_in_brackets(text: str, body: str, label: str, person: str) -> None:
    got = ents(text)
    assert (body, label) in got and (person, "PERSON") in got


def test_body_before_its_acronym_and_title() -> None:
    got = ents("정재훈 한국산업기술진흥원(KIAT) 원장이 서명했다.")
    assert ("한국산업기술진흥원", "MINISTRY") in got and ("정재훈", "PERSON") in got


def test_attended_while_is_no_part_of_an_agreement() -> None:
    got = ents("양 기관 원장 등이 참석한 가운데 전략물자 관리 협력 업무협약을 체결했다.")
    assert ("전략물자 관리 협력 업무협약", "INITIATIVE") in got


@pytest.mark.parametrize("text,names", [
    ("행사에는 탁영우, 반지섭, 용하람 등 관계자 20여명이 참석했다.", ["탁영우", "반지섭", "용하람"]),
    ("발표는 국민석·어진호·편세라 연구원이 맡았다.", ["국민석", "어진호", "편세라"]),
])
def test_attendee_lists_of_names(text: str, names: list[str]) -> None:
    got = ents(text)
    assert all((n, "PERSON") in got for n in names)


def test_addresses_in_a_list_are_no_names() -> None:
    got = ents("지금까지 황정아 위원님, 한민수 위원님이 발언하셨습니다.")
    assert ("위원님", "PERSON") not in got


def test_latin_company_names_of_several_words_in_a_list() -> None:
    got = ents("협의체에는 Hanil Chemical, Daesung Precision 등 12개사가 참여한다.")
    assert ("Hanil Chemical", "COMPANY") in got and ("Daesung Precision", "COMPANY") in got


def test_companies_of_the_klue_lexicon() -> None:
    assert ("도쿄전력", "COMPANY") in ents("도쿄전력은 오염수 처리 계획을 내놓았다.")


@pytest.mark.parametrize("text,company", [("누리보안의 CEO인 제임스 박은 말했다.", "누리보안"),
                                          ("라온시큐어 CEO는 보안 전략을 설명했다.", "라온시큐어")])
def test_company_named_by_its_chief_executive(text: str, company: str) -> None:
    assert (company, "COMPANY") in ents(text)


def test_name_between_body_and_chief_executive_stays_a_person() -> None:
    got = ents("한국조선해양 가삼현 대표이사가 참석했다.")
    assert ("가삼현", "PERSON") in got and ("가삼현", "COMPANY") not in got


def test_short_generic_agreement_is_no_name() -> None:
    assert not [e for e in ents("두 구청은 교류 협약을 맺었다.") if e[1] == "INITIATIVE"]
    assert ("런던협약", "INITIATIVE") in ents("한국은 런던협약 가입국이다.")


@pytest.mark.parametrize("text", ["가온테크, 다래소재, 마루정밀 등 소재 3사가 참여했다.",
                                  "협약에는 가온테크, 다래소재, 마루정밀 3개사가 참여했다."])
def test_company_lists_closed_by_their_count(text: str) -> None:
    got = ents(text)
    assert all((n, "COMPANY") in got for n in ("가온테크", "다래소재", "마루정밀"))


def test_count_after_common_words_makes_no_companies() -> None:
    assert not [e for e in ents("국내 반도체 3사가 투자를 늘린다.") if e[1] == "COMPANY"]
