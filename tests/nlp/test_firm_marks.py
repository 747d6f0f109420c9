"""Firms named by marks only businesses carry (issue #20, `ingest/nlp/firm_marks.py`): a stock
code after the name, a law or accounting firm's form, the outlet in a reporter's caption; and
news media the gazetteer now knows. The sentences and most firm names are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract

D = "2025-03-05"


def ents(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.type) for e in extract(text, D).entities]


@pytest.mark.parametrize("text,name", [
    ("가람칩스[399721]는 올해 매출이 늘었다고 밝혔다.", "가람칩스"),
    ("누리랜드(445091)는 이날 5% 올랐다.", "누리랜드"),
    ("한빛소재(123450.KQ)가 신규 계약을 공시했다.", "한빛소재"),
    ("보령[003850]은 신약 판권을 사들였다.", "보령"),  # a town's name, but a stock code is a firm's
])
def test_name_before_a_stock_code_is_a_firm(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


def test_a_firm_found_by_its_code_is_a_firm_again_bare() -> None:
    found = ents("가람칩스[399721]는 설계 전문 기업이다. 가람칩스는 투자를 늘린다.")
    assert found.count(("가람칩스", "COMPANY")) == 2


@pytest.mark.parametrize("text,word", [
    ("신청서에 과제번호(123456)를 적어야 한다.", "과제번호"),
    ("산업통상자원부(123456)", "산업통상자원부"),
])
def test_a_number_after_other_words_makes_no_firm(text: str, word: str) -> None:
    assert (word, "COMPANY") not in ents(text)


@pytest.mark.parametrize("text,name", [
    ("법무법인 광장 고환경 변호사께서 나와 주셨습니다.", "법무법인 광장"),  # a hearing's witness (Assembly minutes)
    ("법무법인(유한) 한결의 김민수 변호사는 이같이 설명했다.", "법무법인(유한) 한결"),
    ("한울회계법인은 감사보고서를 제출했다.", "한울회계법인"),
])
def test_law_and_accounting_firms(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


def test_outlet_of_a_reporter_in_a_caption() -> None:
    text = "취재진이 속속 모였습니다. 녹취> 로이스튼 찬 / AP 뉴스PD \"좋은 신호가 되기를\""
    assert ("AP", "COMPANY") in ents(text)
    assert ("한빛일보", "COMPANY") in ents("녹취> 김하나 / 한빛일보 기자")


def test_a_body_in_a_caption_keeps_its_type() -> None:
    assert ("KTV", "COMPANY") not in ents("녹취> 김하나 / KTV 기자")


@pytest.mark.parametrize("text,name", [
    ("(서울=연합뉴스) 김철수 기자 = 산업통상자원부는 5일 지원 방안을 발표했다.", "연합뉴스"),
    ("로이터통신에 따르면 두 회사는 합의에 이르렀다.", "로이터통신"),
    ("블룸버그는 소식통을 인용해 이같이 보도했다.", "블룸버그"),
    ("닛케이는 투자가 늘어난다고 보도했다.", "닛케이"),
])
def test_news_media_are_companies(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


def test_the_korean_economy_is_no_paper() -> None:
    assert not any(t == "COMPANY" for _n, t in ents("한국경제가 올해 2% 성장할 것으로 전망된다."))


@pytest.mark.parametrize("text,name", [
    ("코스닥 상장사 세온테크놀리지는 유상증자를 결정했다.", "세온테크놀리지"),
    ("유가증권시장 상장사인 다온누리가 공시했다.", "다온누리"),
])
def test_a_listed_firm_by_its_listing(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)



@pytest.mark.parametrize("text,outlet,reporter", [
    ("[한빛경제 류정민 기자] 대통령이 회의를 소집한다.", "한빛경제", "류정민"),
    ("[누리일보=박병국 기자]대통령이 회의를 주재한다.", "누리일보", "박병국"),
    ("(대전=한빛뉴스) 김하나 기자 = 시는 계획을 밝혔다.", "한빛뉴스", "김하나"),
])
def test_outlet_and_reporter_of_a_byline(text: str, outlet: str, reporter: str) -> None:
    found = ents(text)
    assert (outlet, "COMPANY") in found and (reporter, "PERSON") in found


def test_a_body_in_a_byline_keeps_its_type() -> None:
    found = ents("[산업부 김철수 기자] 정책을 설명했다.")
    assert ("산업부", "MINISTRY") in found


@pytest.mark.parametrize("text,name", [
    ("누리온 관계자는 \"일정대로 출시한다\"고 말했다.", "누리온"),
    ("이에 대해 다온모빌리티 측은 사실이 아니라고 반박했다.", "다온모빌리티"),
])
def test_a_side_speaking_through_its_staff_is_a_firm(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text", [
    "업계 관계자는 수요가 늘 것으로 내다봤다.",
    "김민호 측은 의혹을 부인했다.",                       # a person's side
    "한빛민주당 측은 논평을 냈다.",                       # a party's
    "대통령비서실 관계자는 이같이 설명했다.",              # an office's
    "한빛 엔터테인먼트 측은 일정을 공개했다.",             # the end of a longer name
])
def test_other_sides_are_no_firms(text: str) -> None:
    assert not any(t == "COMPANY" for _n, t in ents(text))


@pytest.mark.parametrize("text,name", [
    ("장관은 누리온 판교 본사를 방문해 임직원들을 격려했다.", "누리온"),
    ("이날 방문한 다온STS는 2019년 설립된 파이프 생산 업체로, 청년이 창업한 사례다.", "다온STS"),
    ("누리물산은 지역 최대의 미역 취급 회사이다.", "누리물산"),
    ("2015년 창업한 다온랩이 사업에 참여했다.", "다온랩"),
])
def test_a_firm_by_its_site_its_kind_or_its_founding(text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(text)


@pytest.mark.parametrize("text", [
    "장관은 반도체 공장을 찾았다.",
    "스웨덴 카롤린스카 연구소의 위원회가 발표했다.",
    "새로 설립된 재단은 기금을 운용한다.",
    "이번 사업은 지역 대표 축제이다.",
])
def test_sites_and_kinds_of_other_things_make_no_firm(text: str) -> None:
    assert not any(t == "COMPANY" for _n, t in ents(text))


def test_a_bulleted_run_with_a_known_firm_is_a_list_of_firms() -> None:
    found = ents("이날 간담회에는 △삼성전자 △누리온 △다솜소프트 등이 참석했다.")
    assert ("누리온", "COMPANY") in found
    assert not any(t == "COMPANY" and n != "삼성전자" for n, t in ents("주요 내용은 △디지털 전환 △삼성전자 협력 △인력 양성이다."))


def rels(text: str) -> list[tuple[str, str, str]]:
    ex = extract(text, D)
    return [(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations]


def test_an_outlet_reporting_a_meeting_takes_no_part_in_it() -> None:
    found = rels("블룸버그통신은 삼성전자가 다음 달 열리는 반도체 회의에 참석한다고 보도했다.")
    assert ("PARTICIPATES_IN", "삼성전자", "반도체 회의") in found
    assert not any(h == "블룸버그통신" for _k, h, _t in found)


def test_a_broadcaster_in_a_hearing_keeps_its_part() -> None:
    found = rels("한국방송공사는 오늘 열린 국정감사에 참석했다.")
    assert ("PARTICIPATES_IN", "한국방송공사", "국정감사") in found


@pytest.mark.parametrize("text,firm,person", [
    ("누리온의 김철수 대표는 이같이 말했다.", "누리온", "김철수"),
    ("김철수 누리온 창업자는 이같이 말했다.", "누리온", "김철수"),
])
def test_a_firm_named_by_its_head(text: str, firm: str, person: str) -> None:
    found = ents(text)
    assert (firm, "COMPANY") in found and (person, "PERSON") in found


def test_a_party_of_a_head_is_no_firm() -> None:
    assert not any(t == "COMPANY" for _n, t in ents("민주당의 김철수 대표는 이같이 말했다."))


def test_listed_stocks_are_firms() -> None:
    found = ents("이날 상한가를 기록한 종목은 다온테스나, 코아시아, 제인엔비 등 3종목이다.")
    assert {("코아시아", "COMPANY"), ("제인엔비", "COMPANY")} <= set(found)
    assert not any(t == "COMPANY" for _n, t in ents("관련 종목은 반도체, 2차전지 등 8종목이다."))


def test_a_member_firm_after_its_role_in_an_association() -> None:
    assert ("틸론", "COMPANY") in ents("벤처기업협회의 부회장사 틸론은 선포식에서 역할을 밝혔다.")


def test_a_firm_with_its_head_in_brackets() -> None:
    found = ents("협약에는 △마엇(오동식 대표) △부스터랩(송광용 대표) 등 5개 스타트업이 참여했다.")
    assert {("마엇", "COMPANY"), ("부스터랩", "COMPANY"), ("오동식", "PERSON")} <= set(found)
    assert not any(t == "COMPANY" for _n, t in ents("업체(김철수 대표)가 참여했다."))


@pytest.mark.parametrize("name", ["CJ ENM", "풀무원", "알테오젠", "GC녹십자", "벤츠"])
def test_listed_firms_the_lists_lacked(name: str) -> None:
    assert (name, "COMPANY") in ents(f"이번 사업에는 {name}도 참여했다.")


@pytest.mark.parametrize("text,names", [
    ("누리온이 다솜을 인수했다.", ("누리온", "다솜")),
    ("누리온은 다솜과 합병한다.", ("다솜",)),
    ("누리온을 창업한 김철수 대표는 이같이 말했다.", ("누리온",)),
    ("누리온 김철수 의장은 이같이 말했다.", ("누리온",)),
])
def test_firms_in_deals_founding_and_boards(text: str, names: tuple[str, ...]) -> None:
    found = ents(text)
    assert all((n, "COMPANY") in found for n in names)


@pytest.mark.parametrize("text", ["회사는 지분을 인수했다.", "서울시의회 김철수 의장은 이같이 말했다."])
def test_shares_and_councils_are_no_firms(text: str) -> None:
    assert not any(t == "COMPANY" for _n, t in ents(text))
