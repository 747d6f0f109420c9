"""Broadcast news items (KTV) read by eye on unlabelled items (issue #20, round 3b): nominees in
title phrases and captions, citizen reporters' bylines, a headline's clauses joined by '···'.
Every sentence written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-05"
L, S = "LEADS", "SCHEDULED_FOR"


def run(text: str, date: str | None = D) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    ex = extract(text, date)
    rels = {(r.type, ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations}
    return rels, {(e.text, e.type) for e in ex.entities}


def test_a_nominee_does_not_head_the_body_of_his_title() -> None:
    rels, ents = run("한서준 해양수산부 장관 후보자는 어깨가 무겁다고 말했습니다.")
    assert ("한서준", "PERSON") in ents and ("해양수산부", "MINISTRY") in ents
    assert (L, "한서준", "해양수산부") not in rels
    rels, _ = run("오지호 환경부장관 내정자는 청문회 준비에 들어갔습니다.")
    assert (L, "오지호", "환경부") not in rels
    rels, _ = run("국토교통부 장관 후보자 배도윤은 서면 답변서를 냈습니다.")
    assert (L, "배도윤", "국토교통부") not in rels
    rels, _ = run("한서준 해양수산부 장관은 어깨가 무겁다고 말했습니다.")
    assert (L, "한서준", "해양수산부") in rels  # the minister in office still heads it


def test_a_caption_with_the_slash_against_the_title_names_the_person() -> None:
    _, ents = run("녹취> 한서준 /해양수산부 장관 후보자\n\"바다 정책을 새로 짜겠습니다\"")
    assert ("한서준", "PERSON") in ents


def test_citizen_reporters_sign_their_reports() -> None:
    _, ents = run("강변 벚꽃 축제 소식, 유다인 국민기자가 전해드립니다.\n유다인 국민기자>\n(장소: 여의도 / 서울시 영등포구)")
    assert ("유다인", "PERSON") in ents
    _, ents = run("봄맞이 장터 현장을 나태오 시민기자가 다녀왔습니다.")
    assert ("나태오", "PERSON") in ents


def test_a_date_across_a_headlines_dots_is_not_the_events() -> None:
    rels, _ = run("경제장관회의 내일 개최···다음 주 물가 대책 점검")
    assert (S, "경제장관회의", "다음 주") not in rels
    assert (S, "경제장관회의", "내일") in rels  # the date on its own side still holds


def test_the_programme_line_between_a_headline_and_its_repetition() -> None:
    page = ("한 총리 \"물가 안정에 총력\"\nKTV 정책현장\n한 총리 \"물가 안정에 총력\"\n등록일 : 2025.03.05\n"
            "윤소라 앵커>\n한도훈 국무총리가 물가 안정에 총력을 기울이겠다고 밝혔습니다.")
    _, ents = run(page)
    assert ("KTV 정책현장", "INITIATIVE") in ents
    notice = "KTV 안내문\n조회 : 12\n등록일 : 2025.03.05\nKTV 안내문\n한국정책방송원은 편성을 바꿉니다."
    _, ents = run(notice)  # a notice's title repeated, with no line between: no programme
    assert not any(t == "INITIATIVE" for _n, t in ents)


def test_a_quoted_name_after_a_broadcaster_is_its_programme() -> None:
    _, ents = run("차관은 오전 11시 KTV '정책 한마당' 2부에 출연합니다.")
    assert ("정책 한마당", "INITIATIVE") in ents
    _, ents = run("시청자가 만든 영상을 내보내는 'KTV 열린 편성'이 올해도 이어진다.")
    assert ("KTV 열린 편성", "INITIATIVE") in ents
    _, ents = run("국민방송 KTV '대전 시대 개막'")  # a headline's quoted phrase: no programme
    assert not any(t == "INITIATIVE" for _n, t in ents)
    rels, _ = run("차관은 3월 6일 목요일 오전 11시 KTV '정책 한마당' 2부에 생방송 출연합니다.")
    assert not any(r[0] == S and r[1] == "정책 한마당" for r in rels)  # the guest's day, not the programme's


def test_a_minister_named_before_from_whom_a_report_is_received() -> None:
    rels, ents = run("대통령은 오늘 한서준 해양수산부 장관으로부터 업무보고를 받았습니다.")
    assert ("한서준", "PERSON") in ents
    assert (L, "한서준", "해양수산부") in rels
    _, ents = run("대통령은 배도윤 국토교통부 장관에게 임명장을 수여했습니다.")
    assert ("배도윤", "PERSON") in ents
