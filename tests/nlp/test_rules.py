"""Rules added for the policy-news gold set (ingest/nlp/gold/): people named with holder
words, fused or bracketed titles; places in lists; approximate counts; bare and named
meetings; relations of coordinated presiders, topics and rescheduled dates."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2024-03-07"


def ents(text: str, date: str | None = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


def rels(text: str, date: str | None = D) -> list[tuple[str, str, str]]:
    ex = extract(text, date)
    return sorted((r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations)


@pytest.mark.parametrize("text,name,title,org", [
    ("방문규 신임 산업통상자원부 장관이 취임했다.", "방문규", "장관", "산업통상자원부"),
    ("산업통상자원부(장관 안덕근)는 회의를 열었다.", "안덕근", "장관", "산업통상자원부"),
    ("윤영빈 초대 우주항공청장은 말했다.", "윤영빈", "청장", "우주항공청"),
    ("김두겸 울산시장 등이 참석했다.", "김두겸", "시장", "울산광역시"),
    ("회의는 양병내 무역투자실장 주재로 열렸다.", "양병내", "무역투자실장", None),
    ("젠슨 황 엔비디아 최고경영자는 밝혔다.", "젠슨 황", "최고경영자", "엔비디아"),
])
def test_people_and_their_bodies(text: str, name: str, title: str, org: str | None) -> None:
    person = next(e for e in extract(text, D).entities if e.type == "PERSON")
    assert (person.text, person.attrs["title"], person.attrs.get("org")) == (name, title, org)


def test_former_post_gives_no_leads() -> None:
    ex = extract("하정우 전 네이버클라우드 AI이노베이션센터장을 임명했다.", D)
    assert ("하정우", "PERSON") in [(e.text, e.type) for e in ex.entities]
    assert ex.entities[0].attrs.get("former") is True and ex.relations == []


def test_contracted_committee_title_is_no_body_mention() -> None:
    assert ents("이억원 금융위원장은 말했다.") == [("이억원", "PERSON")]


def test_places_in_a_list_and_fused_country_words() -> None:
    assert ("구미", "LOCATION") in ents("용인·평택과 구미는 반도체 단지로 뽑혔다.")
    assert ents("미국은 한국산 제품에 관세를 매긴다.") == [("미국", "LOCATION")]
    assert ents("정부는 정부서울청사에서 회의를 열었다.")[1] == ("정부서울청사", "LOCATION")


def test_approximate_counts() -> None:
    assert ents("국내 기업 760여 곳과 170여 개국이 참가했다.") == [("760여 곳", "QUANTITY"), ("170여 개국", "QUANTITY")]


@pytest.mark.parametrize("text,name", [
    ("산업부 1차관은 반도체 업계 간담회를 주재했다.", "반도체 업계 간담회"),
    ("(알림) 2025 해외시장 진출 전략 설명회", "2025 해외시장 진출 전략 설명회"),
    ("경주에서 열린 APEC CEO 서밋에서 말했다.", "APEC CEO 서밋"),
    ("두 장관은 이날 회의에서 논의했다.", "회의"),
    ("CES 2024가 미국에서 열린다.", "CES 2024"),
    ("산업부와 KOTRA는 현지에서 한국 기업 투자 유치 설명회를 연다.", "한국 기업 투자 유치 설명회"),
])
def test_meeting_names(text: str, name: str) -> None:
    assert (name, "INITIATIVE") in ents(text)


def test_no_plan_per_company() -> None:
    """'기업별 사업재편 계획' is every company's plan, not a named one."""
    assert [e for e in ents('장관은 "연말까지 기업별 사업재편 계획을 받겠다"고 말했다.') if e[1] == "INITIATIVE"] == []
    assert [e for e in ents("GDP 2024 전망치를 내렸다.") if e[1] == "INITIATIVE"] == []


def test_coordinated_presiders() -> None:
    assert rels("한덕수 국무총리와 김상협 민간위원장이 공동으로 회의를 주재했다.") == [
        ("LEADS", "김상협", "회의"), ("LEADS", "한덕수", "회의")]


def test_meeting_as_topic_before_its_presider() -> None:
    assert rels("회의는 양병내 무역투자실장 주재로 열렸으며 KOTRA, 한국무역보험공사 등이 참석했다.") == [
        ("LEADS", "양병내", "회의"), ("PARTICIPATES_IN", "KOTRA", "회의"), ("PARTICIPATES_IN", "한국무역보험공사", "회의")]


def test_clause_names_the_attendees_not_the_topic() -> None:
    assert rels("KOTRA는 해외 무역관장 20명이 참석하는 설명회를 열고 대응 요령을 안내한다.") == [
        ("ANNOUNCES", "KOTRA", "설명회")]


def test_list_with_a_count_takes_part() -> None:
    assert rels("삼성전자, LG전자 등 국내 기업 760여 곳이 전시회에 참가한다.") == [
        ("PARTICIPATES_IN", "LG전자", "전시회"), ("PARTICIPATES_IN", "삼성전자", "전시회")]


def test_schedules_moved_and_over() -> None:
    assert rels("배터리 인증제 시범사업도 내년 2월에서 올해 10월로 앞당겨 시행된다.") == [
        ("SCHEDULED_FOR", "배터리 인증제 시범사업", "올해 10월")]
    assert [r for r in rels("서밋은 28일부터 31일까지 이어졌다.", "2025-10-31") if r[0] == "SCHEDULED_FOR"] == []
    assert ("SCHEDULED_FOR", "반도체 업계 간담회", "21일") in rels(
        "강경성 1차관은 21일 반도체 업계 간담회를 주재한다.", "2024-02-20")


def test_a_person_named_with_a_title_is_found_again_without_it() -> None:
    text = ("방문규 산업통상자원부 장관은 7일 반도체 업계 간담회를 주재했다. "
            "방문규는 이 자리에서 투자 확대를 당부했고, 업계는 방문규에게 규제 완화를 요청했다.")
    ex = extract(text, D)
    people = [(e.text, e.canonical) for e in ex.entities if e.type == "PERSON"]
    assert people == [("방문규", "방문규")] * 3  # one node for all three mentions
    # a foreign name with a space, too
    found = ents("젠슨 황 엔비디아 최고경영자가 방한했다. 젠슨 황은 삼성전자와 협력을 논의했다.")
    assert found.count(("젠슨 황", "PERSON")) == 2


def test_a_name_inside_a_longer_word_is_not_repeated() -> None:
    found = ents("방문규 산업통상자원부 장관은 7일 간담회를 열었다. 방문규씨름대회는 별개의 행사다.")
    assert found.count(("방문규", "PERSON")) == 1


def test_a_market_taken_for_a_mayor_is_not_spread() -> None:
    # '시장' is also 'market': whatever the first sentence gives, the later mentions of
    # the platform are not made people
    found = ents("업계는 유튜브 시장이 커졌다고 본다. 유튜브는 7일 새 정책을 발표했다. 유튜브의 점유율도 올랐다.")
    assert found.count(("유튜브", "PERSON")) <= 1


@pytest.mark.parametrize("text,name", [
    ("김민수 씨는 어제 부산에서 열린 박람회를 찾았다.", "김민수"),
    ("재판부는 전두환 씨에게 사형을 구형했다.", "전두환"),
])
def test_people_named_with_the_honorific(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


def test_a_seed_is_no_person() -> None:
    assert not [e for e in ents("농민들은 고추 씨를 뿌리고 호박 씨도 심었다.") if e[1] == "PERSON"]
