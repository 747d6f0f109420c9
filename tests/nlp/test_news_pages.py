"""The furniture of a news page: bylines, datelines, credits and the page's time line (news_pages.py).
Sentences written for these tests; the names are made up."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract
from tests.nlp._extract import D, rels


def ents(text: str, date: str | None = D) -> set[tuple[str, str]]:
    return {(e.text, e.type) for e in extract(text, date).entities}


@pytest.mark.parametrize("text, expected", [
    ("(서울=연합뉴스) 홍길동 기자 = 산업통상자원부는 5일 반도체 지원 방안을 발표했다.",
     {("서울", "LOCATION"), ("연합뉴스", "COMPANY"), ("홍길동", "PERSON")}),
    ("[세종=뉴시스]김철수 기자 = 중소벤처기업부는 5일 창업 지원 사업을 공고했다.",
     {("세종", "LOCATION"), ("뉴시스", "COMPANY"), ("김철수", "PERSON")}),
    ("［헤럴드경제=박영희 기자］ 교육부는 30일 대학 총장들과 간담회를 열었다.",
     {("헤럴드경제", "COMPANY"), ("박영희", "PERSON")}),
    ("[머니투데이 세종=이민수 기자] 기획재정부는 5일 재정 전략을 발표했다.",
     {("머니투데이", "COMPANY"), ("세종", "LOCATION"), ("이민수", "PERSON")}),
    ("(부산=뉴스1) 홍길동 최수진 기자 = 해양수산부는 5일 항만 계획을 내놓았다.",
     {("부산", "LOCATION"), ("뉴스1", "COMPANY"), ("홍길동", "PERSON"), ("최수진", "PERSON")}),
    ("[더팩트ㅣ국회=배정한 기자] 통일부 장관이 16일 국회에서 답변했다.",
     {("더팩트", "COMPANY"), ("국회", "LOCATION"), ("배정한", "PERSON")}),
    ("［에너지산업신문］ 한국에너지기술평가원은 4일 협약을 체결했다고 밝혔다.", {("에너지산업신문", "COMPANY")}),
])
def test_datelines_name_the_outlet_the_city_and_the_reporters(text, expected):
    assert expected <= ents(text)


def test_a_byline_takes_part_in_nothing():
    text = "(서울=연합뉴스) 홍길동 기자 = 산업통상자원부와 삼성전자는 5일 반도체 협력 업무협약을 체결했다."
    assert not any("홍길동" in (h, t) or "연합뉴스" in (h, t) for _k, h, t in rels(text))


@pytest.mark.parametrize("text, expected", [
    ("장관이 5일 간담회에서 발언하고 있다. 사진=연합뉴스", ("연합뉴스", "COMPANY")),
    ("장관이 5일 간담회에서 발언하고 있다. (사진=동아일보 DB)", ("동아일보", "COMPANY")),
    ("장관이 5일 간담회에서 발언하고 있다. <사진=이진수 기자>", ("이진수", "PERSON")),
    ("장관이 5일 간담회에서 발언하고 있다. (사진=게티이미지뱅크)", ("게티이미지뱅크", "COMPANY")),
    ("장관이 5일 간담회에서 발언하고 있다. / 국회=배정한 기자", ("배정한", "PERSON")),
    ("정부는 5일 창업 지원 방안을 발표했다. 홍길동기자 hong@example.co.kr", ("홍길동", "PERSON")),
    ("정부는 5일 창업 지원 방안을 발표했다. [이상철 기자 / lee@example.com]", ("이상철", "PERSON")),
    ("정부는 5일 창업 지원 방안을 발표했다. 대전=신미선기자 shin@example.com", ("신미선", "PERSON")),
    ("회의에서 나온 말을 간추렸다. 정리=홍민수 기자", ("홍민수", "PERSON")),
    ("장관은 이같이 말했다.\n지성민기자\n기사문의 및 제보", ("지성민", "PERSON")),
])
def test_credits_and_sign_offs(text, expected):
    assert expected in ents(text)


def test_the_page_line_names_the_reporter_and_keeps_seconds():
    text = "수소 기관 협력 강화\n김성진 승인 2024.11.04 08:39\n입력 | 2015-02-27 09:28:00\n송고시간2024-01-11 08:30"
    found = ents(text)
    assert {("김성진", "PERSON"), ("09:28:00", "TIME"), ("2024-01-11", "DATE"), ("08:39", "TIME")} <= found
    ex = extract(text, D)
    assert {e.value for e in ex.entities if e.text == "09:28:00"} == {"09:28"}


def test_a_clock_time_with_its_half_of_the_day():
    ex = extract("정부, 창업 지원 확대\n기사입력 2024.01.11. 오후 3:05\n정부는 11일 창업 지원 방안을 발표했다.", D)
    assert {(e.text, e.value) for e in ex.entities if e.type == "TIME"} == {("오후 3:05", "15:05")}


def test_an_outlet_on_its_own_line_and_a_desk_sign_off():
    text = "정부, 창업 지원 확대\n동아일보\n입력 2025년 3월 11일 12시 04분\n정부는 11일 창업 지원 방안을 발표했다.\n동아닷컴 도깨비뉴스팀"
    found = ents(text)
    assert {("동아일보", "COMPANY"), ("동아닷컴", "COMPANY")} <= found


def test_outlets_by_name_in_a_sentence_but_not_ordinary_phrases():
    assert ("연합뉴스", "COMPANY") in ents("연합뉴스에 따르면 산업통상자원부는 5일 회의를 열었다.")
    assert ("로이터통신", "COMPANY") in ents("로이터통신은 5일 협상이 타결됐다고 전했다.")
    # '한국경제' is also 'the Korean economy': an outlet only in a byline
    assert not any(t == "COMPANY" for _s, t in ents("한국경제가 회복세를 보이고 있다고 정부는 밝혔다."))


@pytest.mark.parametrize("text", [
    "정부는 5일 기자회견을 열고 기자단에게 설명했다.",
    "[속보] 산업통상자원부는 5일 회의를 열었다.",
    "[단독] 삼성전자, 반도체 투자 확대",
    "장관은 이같이 말했다.\n취재기자\n사진기자",
    "(이하 산업부) 산업통상자원부는 5일 회의를 열었다.",
])
def test_no_reporters_or_outlets_from_press_words_and_tags(text):
    assert not {(s, t) for s, t in ents(text) if t == "PERSON" or (t == "COMPANY" and s != "삼성전자")}
