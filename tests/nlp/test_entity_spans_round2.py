"""Entity spans and names of issue #20's second real-text round, read from the errors of
real-dev-55 … 93 (odd ids) as constructions: how long a meeting lasts or which day of
it is no part of its name, a headline's place with 서 (for 에서) ends the name before it,
deputy spokespeople are people with a title, a place opens a summit's name, an event's
preparatory committee is an initiative, a broadcaster's page header names its programme,
and 청와대 is the presidential secretariat of its day. Every sentence is written for these
tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def ents(text: str, date: str = D) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, date).entities]


def initiatives(text: str, date: str = D) -> list[str]:
    return [t for t, ty in ents(text, date) if ty == "INITIATIVE"]


@pytest.mark.parametrize("text", [
    "대통령은 오늘 국토부와 환경부로부터 사흘째 업무보고를 받았다.",
    "총리는 관계 장관들로부터 2시간 가량 업무보고를 받았다.",
    "위원들은 30분 정도 간담회를 이어 갔다.",
])
def test_how_long_or_which_day_is_no_part_of_a_meeting_name(text: str) -> None:
    found = initiatives(text)
    assert found and found[0] in ("업무보고", "간담회")


def test_a_headline_place_with_seo_ends_the_name_before_it() -> None:
    found = initiatives("환경부, 청년 환경 서포터즈 가상 공간서 발대식")
    assert "청년 환경 서포터즈" in found and "발대식" in found


def test_a_document_in_seo_stays_part_of_the_name() -> None:
    assert "공동 협약서 서명식" in initiatives("두 기관은 공동 협약서 서명식을 열었다.")


@pytest.mark.parametrize("title", ["부대변인", "수석대변인"])
def test_deputy_spokespeople_are_people_and_end_a_meeting_name(title: str) -> None:
    found = ents(f"국무회의 관련 박하늘 {title} 서면브리핑")
    assert ("박하늘", "PERSON") in found
    assert ("국무회의", "INITIATIVE") in found


@pytest.mark.parametrize("text,name", [
    ("평양 남북정상회담을 열흘 앞두고 준비 회의가 열렸다.", "평양 남북정상회담"),
    ("특허청은 대한민국 학생발명전시회를 연다.", "대한민국 학생발명전시회"),
])
def test_a_place_opens_a_meeting_name_written_as_one_word(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_bare_meeting_word_after_a_place_stays_apart() -> None:
    assert ("부산", "LOCATION") in ents("장관은 부산 간담회에 참석했다.")


@pytest.mark.parametrize("text,name", [
    ("남북정상회담 준비위원회는 다음 주 둘째 회의를 연다.", "남북정상회담 준비위원회"),
    ("기존 위원회를 엑스포 준비위로 전환했다.", "엑스포 준비위"),
])
def test_an_events_preparatory_committee_is_an_initiative(text: str, name: str) -> None:
    assert name in initiatives(text)


def test_a_broadcasters_page_header_names_its_programme() -> None:
    text = ("장관, 지역 현장 찾아 민생 점검\n정책 매거진 주말판 토~일요일 09시 30분\n등록일 : 2024.05.11\n"
            "진행자> 오늘은 지역 현장 소식입니다.")
    found = ents(text)
    assert ("정책 매거진 주말판", "INITIATIVE") in found
    assert ("09시 30분", "TIME") in found


def test_a_line_with_an_airtime_but_no_posting_date_is_no_header() -> None:
    assert initiatives("정책 매거진 주말판 토~일요일 09시 30분\n진행자> 오늘은 지역 현장 소식입니다.") == []


@pytest.mark.parametrize("date", ["2018-04-22", "2020-07-13"])
def test_cheongwadae_is_the_presidential_secretariat_of_its_day(date: str) -> None:
    found = [(e.text, e.canonical) for e in extract("청와대는 이날 브리핑을 열었다.", date).entities if e.type == "MINISTRY"]
    assert found == [("청와대", "대통령비서실")]


@pytest.mark.parametrize("text,name", [
    ("연구원은 2027년 누리호 5차 발사를 준비한다.", "누리호 5차 발사"),
    ("아리랑 7호 발사가 연기됐다.", "아리랑 7호 발사"),
    ("이 영화는 제20회 서울 국제 단편 영화제에서 상을 받았다.", "제20회 서울 국제 단편 영화제"),
    ("그 다큐멘터리는 제40회 한국방송대상에서 작품상을 받았다.", "제40회 한국방송대상"),
    ("내년은 과학의 날 60주년이 되는 해다.", "과학의 날"),
])
def test_launches_numbered_editions_and_days_with_anniversaries(text: str, name: str) -> None:
    assert name in initiatives(text)


@pytest.mark.parametrize("text", ["군은 신호 발사 장치를 점검했다.", "북한이 미사일 발사를 감행했다."])
def test_a_launch_of_no_named_craft_is_no_initiative(text: str) -> None:
    assert not any(n.endswith("발사") for n in initiatives(text))


def test_a_quoted_event_is_an_initiative() -> None:
    assert "시청 소감 공모 이벤트" in initiatives("공공채널 ABC, '시청 소감 공모 이벤트' 개시")


def test_a_committee_to_carry_out_a_declaration() -> None:
    assert "공동 선언 이행위원회" in initiatives("양국은 공동 선언 이행위원회를 꾸리기로 했다.")


def test_a_plan_per_field_is_no_named_plan() -> None:
    assert initiatives("이어서 분야별 업무 추진 계획을 보고드리겠습니다.") == []


@pytest.mark.parametrize("text", [
    "누리집 공식 블로그·페이스북·유튜브에 영상을 올린다.",
    "회의는 부처 페이스북으로도 생중계된다.",
    "영상은 블로그, 페이스북 등을 통해 알린다.",
])
def test_platforms_named_as_channels_are_no_companies(text: str) -> None:
    assert not any(ty == "COMPANY" for _t, ty in ents(text))


def test_a_platform_company_acting_stays_a_company() -> None:
    assert ("페이스북", "COMPANY") in ents("구글과 페이스북, 아마존 등 빅테크 기업이 참여했다.")


def canonicals(text: str, date: str = D) -> dict[str, str | None]:
    return {e.text: e.canonical for e in extract(text, date).entities if e.type == "INITIATIVE"}


def test_a_name_written_again_without_its_number_is_the_same_initiative() -> None:
    names = canonicals("대통령은 오늘 제1차 물류혁신전략회의를 주재했다. 물류혁신전략회의에는 장관 10명이 참석했다.")
    assert names["물류혁신전략회의"] == "제1차 물류혁신전략회의"


def test_a_name_written_again_with_other_spacing_is_the_same_initiative() -> None:
    names = canonicals("정부는 녹색 전환 뉴딜을 발표했다. 녹색전환 뉴딜은 2030년까지 이어진다.")
    assert names["녹색전환 뉴딜"] == "녹색 전환 뉴딜"


def test_a_place_before_a_meeting_tells_it_from_another() -> None:
    names = canonicals("평양 남북정상회담을 앞두고 준비위가 열렸다. 지난 4월 남북정상회담 때와 같다.")
    assert names["남북정상회담"] != names["평양 남북정상회담"]


def test_ebs_is_the_korea_educational_broadcasting_system() -> None:
    found = [(e.text, e.type, e.canonical) for e in extract("EBS는 새 강좌를 연다.", D).entities]
    assert found == [("EBS", "COMPANY", "한국교육방송공사")]


@pytest.mark.parametrize("text,day", [
    ("환경부는 4. 22.(화) 14시 정부세종청사에서 설명회를 연다.", "2025-04-22"),
    ("위원회는 11. 3.(월) 회의를 연다.", "2025-11-03"),
])
def test_a_release_date_with_a_space_after_the_month(text: str, day: str) -> None:
    assert [e.value for e in extract(text, D).entities if e.type == "DATE"] == [day]


@pytest.mark.parametrize("text", ["1. 3. 추진 배경", "성장률은 2. 6. 수준이다."])
def test_section_numbers_and_decimals_are_no_dates(text: str) -> None:
    assert not any(ty == "DATE" for _t, ty in ents(text))


def test_the_head_in_brackets_after_a_body_with_its_particle() -> None:
    people = [(e.text, e.attrs.get("org")) for e in extract("조달청은(청장 박하늘) 10일 설명회를 열었다.", D).entities
              if e.type == "PERSON"]
    assert people == [("박하늘", "조달청")]


def test_a_first_lady_by_her_title() -> None:
    assert ("김하늘", "PERSON") in ents("대통령과 김하늘 여사는 행사에 참석했다.")


def test_a_broadcast_items_credits_name_people() -> None:
    found = [t for t, ty in ents("장관은 현장을 찾았습니다.\n(영상취재: 박하늘 정바다 / 영상편집: 최구름)") if ty == "PERSON"]
    assert found == ["박하늘", "정바다", "최구름"]


def test_a_role_and_colon_in_prose_names_no_one() -> None:
    assert not any(ty == "PERSON" for _t, ty in ents("편집: 다음 호에 이어집니다"))


def test_an_office_fused_with_its_heads_title_after_the_heads_name() -> None:
    found = [(e.text, e.type, e.attrs.get("org")) for e in extract("정바다 국가안보실장과 박하늘 국정원장이 참석했다.", D).entities]
    assert ("국가안보실", "MINISTRY", None) in found and ("국정원", "MINISTRY", None) in found
    assert ("정바다", "PERSON", "국가안보실") in found and ("박하늘", "PERSON", "국가정보원") in found


def test_a_bureau_head_with_no_name_before_is_no_body() -> None:
    assert not any(ty == "MINISTRY" for _t, ty in ents("산업정책실장은 이날 브리핑했다."))


def test_the_consumer_agency_is_a_public_body() -> None:
    assert ("한국소비자원", "MINISTRY") in ents("공정위와 한국소비자원 등 관계 기관이 점검한다.")


@pytest.mark.parametrize("text,name", [
    ("시민 참여도 늘었습니다. 최영은 기자입니다.", "최영은"),  # Kiwi reads 최영 + 은
    ("위원회는 다음 달 다시 모입니다. KTV 정바다입니다.", "정바다"),
    ("지금까지 KBS 박하늘이었습니다.", "박하늘"),
])
def test_a_reports_sign_off_names_the_reporter(text: str, name: str) -> None:
    assert (name, "PERSON") in ents(text)


@pytest.mark.parametrize("text", ["KTV 정책방송입니다.", "현장에 나가 있는 기자입니다."])
def test_a_sign_off_without_a_name_names_no_one(text: str) -> None:
    assert not any(ty == "PERSON" for _t, ty in ents(text))
