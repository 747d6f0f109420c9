"""Bodies, people and dates as agency releases write them (issue #20, round 3): a region's
public enterprise and its short form, the head in brackets after the body, members in an
agenda's brackets, a page's staff field, dates after an apostrophe or glued to a field,
and '전년 대비'. Every sentence is written for the test, none taken from a gold set."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def ents(text: str, date: str | None = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


def canon(text: str, name: str, date: str | None = D) -> set[str | None]:
    return {e.canonical for e in extract(text, date).entities if e.text == name}


def test_a_regions_enterprise_is_a_public_body() -> None:
    found = ents("제주관광공사와 경북개발공사는 11일 관광 활성화 협약을 맺었다.")
    assert ("제주관광공사", "MINISTRY") in found and ("경북개발공사", "MINISTRY") in found
    # construction works are no body
    assert not any(t == "MINISTRY" for _n, t in ents("택지개발공사가 이달 끝났다."))


def test_a_short_form_is_the_body_the_release_names_in_full() -> None:
    text = "새만금청-새만금공사 협력\n새만금개발청과 새만금개발공사는 12일 공동 협약을 맺었다."
    assert ("새만금공사", "MINISTRY") in ents(text)
    assert canon(text, "새만금공사") == {"새만금개발공사"}
    text = "군산간척박물관 개관\n국립군산간척박물관은 13일 전시를 연다."
    assert ("군산간척박물관", "ORGANIZATION") in ents(text)
    assert canon(text, "군산간척박물관") == {"국립군산간척박물관"}
    # without the full name in the document, a short form is no name
    assert not any(n == "새만금공사" for n, _t in ents("새만금공사 현장에 비가 내렸다."))


def test_the_head_in_brackets_after_the_body_leads_it() -> None:
    ex = extract("□ 해양수산부(강도형 장관)는 14일 항만 안전 대책을 발표했다.", D)
    names = [(e.text, e.type) for e in ex.entities]
    assert ("강도형", "PERSON") in names
    assert ("LEADS", "강도형", "해양수산부") in {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text)
                                               for r in ex.relations}
    # a word in brackets that is no name stays out
    assert not any(t == "PERSON" for _n, t in ents("해양수산부(관계자 장관)는 밝혔다."))


def test_members_in_an_agenda_and_sponsors_are_people() -> None:
    found = ents("1. 5분자유발언(홍길순 의원)\n2. 주민 지원 조례안(최준민 의원 대표발의)")
    assert ("홍길순", "PERSON") in found and ("최준민", "PERSON") in found


def test_the_staff_field_of_a_release_page_names_a_person() -> None:
    assert ("유재환", "PERSON") in ents("등록일 : 2025-03-10\n담당자 : 유재환\n담당부서 : 예산담당관")


def test_dates_after_an_apostrophe_keep_it_outside() -> None:
    ex = extract("예산 : (’24년 추경) 500억 원, (’25년안) 700억 원", D)
    dates = {e.text: e.value for e in ex.entities if e.type == "DATE"}
    assert dates == {"24년": "2024", "25년": "2025"}
    ex = extract("□ 접수기간 : ’25. 4. 1.(화) ~ 4. 30.(수)", D)
    dates = {e.text: e.value for e in ex.entities if e.type == "DATE"}
    assert dates.get("25. 4. 1.") == "2025-04-01" and dates.get("4. 30.") == "2025-04-30"


def test_a_date_glued_to_its_field_is_a_date() -> None:
    ex = extract("작성일2025-03-07\n작성자 : 홍보담당관", D)
    assert [(e.text, e.value) for e in ex.entities if e.type == "DATE"] == [("2025-03-07", "2025-03-07")]
    ex = extract("작성자운영관리자\n작성일2024.10.18 조회수144", D)
    assert [(e.text, e.value) for e in ex.entities if e.type == "DATE"] == [("2024.10.18", "2024-10-18")]


def test_the_year_before_as_a_baseline_is_no_date() -> None:
    assert not any(t == "DATE" for _n, t in ents("수출은 전년 대비 5% 늘었고 전년 동기 대비로도 증가했다."))
    assert ("전년", "DATE") in ents("수출은 전년보다 5% 늘었다.")


def test_the_presidential_office_by_the_documents_date() -> None:
    # '대통령실' since 2022 is the office whose statutory name is 대통령비서실, as 청와대 was before
    assert canon("대통령실은 11일 브리핑을 열었다.", "대통령실", "2023-05-11") == {"대통령비서실"}
    assert canon("청와대는 11일 브리핑을 열었다.", "청와대", "2019-05-11") == {"대통령비서실"}


def test_a_surname_fused_with_the_title_is_the_person_named_in_full() -> None:
    text = "홍영철 부총리 겸 기획재정부 장관은 10일 회의를 주재했다. 홍부총리는 이날 대책을 설명했다."
    assert ("홍부총리", "PERSON") in ents(text)
    assert canon(text, "홍부총리") == {"홍영철"}
    # written apart, or shared by two people of the title: no mention
    assert not any(n.startswith("홍 ") for n, _t in ents("홍영철 부총리는 말했다. 홍 부총리는 덧붙였다."))
    assert ("김장관", "PERSON") not in ents("김민준 장관과 김서연 장관이 만났다. 김장관은 웃었다.")


def test_the_bracket_vouches_for_a_name_kiwi_reads_as_a_word() -> None:
    found = ents("한국전력(정승일 사장)과 동작구시설관리공단(김진우 이사장)이 협약을 맺었다.")
    assert ("정승일", "PERSON") in found and ("김진우", "PERSON") in found
    assert not any(t == "PERSON" for _n, t in ents("외교부(차관급 위원)와 통일부(대표단 단장)가 만났다."))


def test_a_body_named_without_its_national_prefix_is_the_same_body() -> None:
    text = "한국가스안전공사는 12일 점검을 마쳤다. 가스안전공사 관계자는 결과를 설명했다."
    assert ("가스안전공사", "MINISTRY") in ents(text)
    assert canon(text, "가스안전공사") == {"한국가스안전공사"}


def test_this_whole_year_is_this_year() -> None:
    ex = extract("센터는 올 한해 다섯 곳에 문을 연다.", "2015-03-02")
    assert [(e.text, e.value) for e in ex.entities if e.type == "DATE"] == [("올 한해", "2015")]


def test_a_public_servants_rank_names_a_person_and_leads_nothing() -> None:
    ex = extract("행정안전부 김민수 주무관은 12일 절차를 설명했다.", D)
    assert ("김민수", "PERSON") in [(e.text, e.type) for e in ex.entities]
    assert not any(r.type == "LEADS" for r in ex.relations)


def test_a_class_of_institutions_is_no_name() -> None:
    found = ents("지방의료원과 책임의료기관 지원을 늘린다. 충주의료원은 병상을 늘린다.")
    assert ("충주의료원", "ORGANIZATION") in found and ("지방의료원", "ORGANIZATION") not in found
