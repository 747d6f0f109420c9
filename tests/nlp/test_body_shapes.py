"""Bodies, places and people that real releases name without a list entry (issue #20):
foreign ministries after their country, the parts of an address, markets someone visits,
people with a post held 'then', fused officers' titles, names ending in 구, broadcast
captions. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str, date: str | None = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


@pytest.mark.parametrize("text,body", [
    ("통상교섭본부장은 미국 상무부 장관과 통화했다.", "상무부"),
    ("일본 경제산업성 관계자가 방한했다.", "경제산업성"),
    ("미국 무역대표부(USTR)는 관세 조치를 발표했다.", "무역대표부"),
    ("미국 무역대표부(USTR)는 관세 조치를 발표했다.", "USTR"),
    ("중국 상무부가 수출 통제를 예고했다.", "상무부"),
])
def test_foreign_body_after_its_country(text: str, body: str) -> None:
    found = ents(text)
    assert (body, "MINISTRY") in found
    assert any(t == "LOCATION" for _w, t in found)  # the country stays a place of its own


@pytest.mark.parametrize("text,word", [
    ("미국 남부 지역에 공장을 짓는다.", "남부"),
    ("중국 정부는 입장을 밝히지 않았다.", "정부"),
    ("미국 당국이 조사에 나섰다.", "당국"),
])
def test_a_region_or_generic_word_after_a_country_is_no_body(text: str, word: str) -> None:
    assert (word, "MINISTRY") not in ents(text)


@pytest.mark.parametrize("text,place", [
    ("설명회는 서울특별시 을지로 소재 센터에서 열린다.", "을지로"),
    ("기공식은 충청북도 청주시 오송읍에서 열렸다.", "오송읍"),
    ("회의는 서울 종로구 세종대로 정부서울청사에서 열렸다.", "세종대로"),
])
def test_road_and_town_of_an_address(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_a_city_before_a_road_is_the_place() -> None:
    assert ("서울특별시", "LOCATION") in ents("행사장(서울특별시 을지로 소재)을 점검했다.")


@pytest.mark.parametrize("text,place", [
    ("대통령은 남대문 시장을 찾아 상인들을 격려했다.", "남대문 시장"),
    ("총리는 부전시장에 들러 시민들과 인사했다.", "부전시장"),
])
def test_market_someone_visits_is_a_place(text: str, place: str) -> None:
    found = ents(text)
    assert (place, "LOCATION") in found
    assert not [w for w, t in found if t == "PERSON"]  # 시장 is no mayor here


@pytest.mark.parametrize("text", [
    "정부는 반도체 시장을 찾아 나서는 기업을 돕는다.",
    "전통시장을 방문해 물가를 점검했다.",
])
def test_generic_market_is_no_place(text: str) -> None:
    assert not [w for w, t in ents(text) if t == "LOCATION"]


@pytest.mark.parametrize("text,name", [
    ("이홍구 당시 국무총리는 축사를 했다.", "이홍구"),
    ("최병구 소통지원관은 시설 현황을 보고했다.", "최병구"),
    ("만찬에는 임지호 셰프의 음식이 나왔다.", "임지호"),
    ("녹취> 최양희/ 미래창조과학부 장관 \"지역별로 시범 사업을 추진합니다.\"", "최양희"),
    ("녹취> 문재인 / 대통령 \"국민과 함께 하겠습니다.\"", "문재인"),
])
def test_people_in_real_constructions(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_district_before_a_title_is_no_name() -> None:
    assert not [w for w, t in ents("강남구 구청장은 주민 설명회를 열었다.") if t == "PERSON"]


@pytest.mark.parametrize("text,body", [
    ("※ 참석자 : 이재명 경기도지사, 이시종 충북도지사", "경기도"),
    ("※ 참석자 : 이재명 경기도지사, 이시종 충북도지사", "충북도"),
    ("협약식에는 박형준 부산시장과 관계자들이 참석했다.", "부산시"),
])
def test_local_government_fused_with_its_heads_title(text: str, body: str) -> None:
    assert (body, "MINISTRY") in ents(text)


def test_fused_head_title_needs_the_heads_name() -> None:
    assert not [w for w, t in ents("어제 부산시장에서 생선을 샀다.") if t == "MINISTRY"]


def test_assembly_secretariat_is_one_body() -> None:
    found = ents("회의에 앞서 국회사무처 인사를 소개합니다.")
    assert ("국회사무처", "MINISTRY") in found and ("국회", "MINISTRY") not in found


@pytest.mark.parametrize("text,kind", [
    ("보고대회가 내일 오후 청와대에서 열립니다.", "LOCATION"),
    ("대통령은 청와대 상춘재에서 기업인들과 만났다.", "LOCATION"),
    ("청와대는 이날 입장을 밝혔다.", "MINISTRY"),
    ("청와대에서 대통령이 회의를 주재했다.", "MINISTRY"),
])
def test_presidential_office_as_building_or_office(text: str, kind: str) -> None:
    assert ("청와대", kind) in ents(text)


def test_company_named_once_by_its_head_is_known_after() -> None:
    text = "협약식에는 신상호 세아베스틸 대표이사가 참석했다. 중진공은 세아베스틸과 업무협약을 맺었다."
    assert ents(text).count(("세아베스틸", "COMPANY")) == 2


@pytest.mark.parametrize("text,org", [
    ("중소기업융합중앙회 최봉규 회장이 참석했다.", "중소기업융합중앙회"),
    ("공단은 한국소기업소상공인연합회와 협약을 맺었다.", "한국소기업소상공인연합회"),
    ("중소기업연구원은 세종테크노파크와 협약을 체결했다.", "세종테크노파크"),
])
def test_associations_by_their_ending(text: str, org: str) -> None:
    assert (org, "ORGANIZATION") in ents(text)


@pytest.mark.parametrize("text,company", [
    ("행사에는 Applied Materials, Lam Research 등 글로벌 장비기업이 참여했다.", "Lam Research"),
    ("랩지노믹스, 에스디바이오센서 등 진단기업들이 참여했다.", "랩지노믹스"),
    ("선정된 기업은 에이로봇, 클로봇, 두산로보틱스 등 12개사이다.", "클로봇"),
    ("네이버클라우드와 KT클라우드가 컨소시엄을 구성했다.", "KT클라우드"),
])
def test_companies_in_real_lists(text: str, company: str) -> None:
    assert (company, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,name", [
    ("안녕하십니까? 과기정통부 대변인실 박민수입니다.", "박민수"),
    ("안녕하십니까, 대변인 김세준입니다.", "김세준"),
])
def test_briefer_introduces_themself(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_academy_before_its_heads_title_is_an_organisation() -> None:
    assert ("한국과학기술한림원", "ORGANIZATION") in ents("토론은 유욱준 한국과학기술한림원 원장이 이끌었다.")


@pytest.mark.parametrize("text,name", [
    ("직원을 소개해 드리도록 하겠습니다.정석배 입법심의관입니다.", "정석배"),
    ("지금 정동영 소위 위원장께서 말씀하신 사항입니다.", "정동영"),
])
def test_people_in_minutes(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_homonym_title_needs_more_than_an_unknown_word() -> None:
    assert not [w for w, t in ents("그는 휴대폰 시장을 분석했다.") if t == "PERSON"]


@pytest.mark.parametrize("text,venue", [
    ("간담회는 중소기업중앙회 그랜드홀에서 열렸다.", "중소기업중앙회 그랜드홀"),
    ("기관이 자리한 한국정책방송원 청사 1층에 홍보관을 열었다.", "한국정책방송원 청사"),
    ("방송국은 KTV 홍보관 '정말로'를 개관했다.", "KTV 홍보관 '정말로'"),
])
def test_a_bodys_hall_is_one_venue(text: str, venue: str) -> None:
    assert (venue, "LOCATION") in ents(text)


def test_a_head_office_stays_the_body() -> None:
    assert ("KOTRA", "MINISTRY") in ents("설명회는 서울 서초구 KOTRA 본사에서 열린다.")


@pytest.mark.parametrize("text,place", [
    ("행사는 오후 2시 코엑스 스튜디오159에서 진행됩니다.", "스튜디오159"),
    ("박람회는 킨텍스 제2전시장에서 열린다.", "제2전시장"),
    ("총리는 프레스센터(동대문디자인플라자, 서울특별시 을지로 소재)를 방문했다.", "동대문디자인플라자"),
    ("다음달 美 워싱턴 D.C.에서 첫 회의를 연다.", "워싱턴 D.C."),
])
def test_venues_of_real_schedules(text: str, place: str) -> None:
    assert (place, "LOCATION") in ents(text)


def test_body_with_a_bracketed_address_is_the_venue() -> None:
    assert ("KOTRA", "LOCATION") in ents("설명회는 KOTRA(서울 서초구)에서 열린다.")
    assert ("KOTRA", "MINISTRY") in ents("KOTRA(사장 유정열)는 설명회를 연다.")


def test_generic_hall_of_a_venue_is_no_place() -> None:
    assert ents("행사는 코엑스 행사장에서 열린다.").count(("코엑스", "LOCATION")) == 1
    assert not [w for w, t in ents("행사는 코엑스 행사장에서 열린다.") if t == "LOCATION" and w != "코엑스"]


@pytest.mark.parametrize("text,name", [
    ("최순홍 미래전략수석은 추진전략을 발표한다.", "최순홍"),
    ("김영수 국무조정실 국무1차장이 회의를 주재했다.", "김영수"),
])
def test_fused_office_titles(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("영국 대처 총리의 집권 기록을 넘어섰다.", "대처"),
    ("미국 정보당국은 확인을 거부했다.", "정보당국"),
    ("이집트 군부는 선거를 약속했다.", "군부"),
])
def test_short_or_generic_words_after_a_country_are_no_body(text: str, word: str) -> None:
    assert (word, "MINISTRY") not in ents(text)


def test_party_named_by_its_leader_is_an_organisation() -> None:
    assert ("미래한국당", "ORGANIZATION") in ents("상황이 급해지자 미래한국당 원유철 대표가 당선자들을 모았다.")


def test_fused_head_title_after_a_verb_is_no_body() -> None:
    assert ("서울시", "MINISTRY") not in ents("중죄를 지었다면 서울시장이나 정부는 책임을 져야 한다.")


def test_listed_channel_is_no_venue() -> None:
    assert not [w for w, t in ents("채널인 게임클럽, 몬티스튜디오, 키드니 샵 등을 개설했다.") if t == "LOCATION"]


def test_members_of_a_contracted_committee_are_no_mention_of_it() -> None:
    assert not [w for w, t in ents("야권 방심위원들을 해촉하면서 논란이 됐다.") if t == "MINISTRY"]
    assert ("방심위", "MINISTRY") in ents("방심위는 이날 결정을 내렸다.")


def test_attendees_with_body_and_post_in_brackets() -> None:
    ex = extract("발표자는 김철수(삼성전자 상무), 이영희(한국전자통신연구원 책임연구원)이다.", D)
    names = [(e.text, e.type) for e in ex.entities]
    assert ("김철수", "PERSON") in names and ("이영희", "PERSON") in names
    leads = {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "LEADS"}
    assert ("이영희", "한국전자통신연구원") not in leads  # a researcher is staff, not an officer


def test_title_before_the_copula() -> None:
    assert ("이민호", "PERSON") in ents("수상자는 김영수 에이로봇 대표, 이민호 클로봇 대표이다.")


@pytest.mark.parametrize("text,company", [
    ("스타트업 뤼이드는 교육 AI를 개발한다.", "뤼이드"),
    ("산업부는 협력사인 대한전선과 LS전선을 방문했다.", "대한전선"),
    ("미국 상용차 업체 나비스타는 1920년에 설립됐다.", "나비스타"),
])
def test_company_after_its_kind_of_business(text: str, company: str) -> None:
    assert (company, "COMPANY") in ents(text)


@pytest.mark.parametrize("text,word", [
    ("인증 전문 기업인 스위스 SGS사와 협력한다.", "스위스"),
    ("캠페인이 8건, 기업 CSR 광고가 2건이었다.", "CSR"),
    ("스타트업 김민수 대표가 발표했다.", "김민수"),
])
def test_no_company_from_a_place_acronym_or_person_after_a_kind(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


def test_generic_kind_of_institute_is_no_name() -> None:
    assert not [w for w, t in ents("국가전략기술 특화연구소 현장 방문을 통해 운영방향을 논의합니다.") if t == "ORGANIZATION"]


def test_contact_table_of_a_release() -> None:
    found = ents("담당 부서 : 산업정책과 책임자 과장 김철수 (044-203-4210) 담당자 사무관 이영희 (044-203-4211)")
    assert ("김철수", "PERSON") in found and ("이영희", "PERSON") in found


@pytest.mark.parametrize("text,name,kind", [
    ("부산광역시와 부산항만공사(BPA)가 협력한다.", "부산항만공사", "MINISTRY"),
    ("부산광역시와 부산항만공사(BPA)가 협력한다.", "BPA", "MINISTRY"),
    ("대한상공회의소(KCCI)가 주최했다.", "KCCI", "ORGANIZATION"),
    ("경기도와 경기도교육청이 협약을 맺었다.", "경기도교육청", "MINISTRY"),
    ("미국 마이크론社와 일본 키옥시아社가 감산을 발표했다.", "키옥시아", "COMPANY"),
])
def test_public_enterprises_offices_and_marked_companies(text: str, name: str, kind: str) -> None:
    assert (name, kind) in ents(text)


def test_works_in_a_city_are_no_enterprise() -> None:
    assert not [w for w, t in ents("부산공사 현장에서 사고가 났다.") if t == "MINISTRY"]


def test_education_office_before_a_genitive_stays_a_body() -> None:
    assert ("경상북도교육청", "MINISTRY") in ents("작년에 경상북도교육청의 교원 시험에 합격했다.")


def test_a_word_in_brackets_is_no_acronym() -> None:
    assert [w for w, t in ents("많은 민주당(Democratic)과 중간층이 있다.") if w == "Democratic"] == []


def test_foreign_name_with_a_long_family_name_before_country_state_and_title() -> None:
    text = "본부장은 14시 그레그 지안포르테 미국 몬태나주 주지사를 만나 협력 방안을 논의한다."
    assert ("그레그 지안포르테", "PERSON") in ents(text)
