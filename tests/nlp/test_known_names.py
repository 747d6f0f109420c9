"""Names known from other documents (ingest/nlp/known.py): a name one release quotes is
read where another document writes it bare, and common words never become entities."""
from __future__ import annotations

from core.model import Entity
from ingest.nlp.known import KnownName, KnownNames, eligible, strong
from ingest.nlp.pipeline import extract

ALLIANCE = KnownName("K-휴머노이드 연합", "INITIATIVE", "taskforce")
KNOWN = KnownNames([ALLIANCE, KnownName("에이로봇", "COMPANY")])
BRIEF = ("산업통상자원부가 지난 4월 출범시킨 K-휴머노이드 연합이 27일 서울대학교에서 창립총회를 열고 본격적인 활동에 "
         "들어갔다. 총회에서는 장병탁 서울대 AI연구원장이 위원장으로 추대됐고, 총괄위원회가 꾸려졌다.")


def initiatives(text: str, known: KnownNames | None = KNOWN) -> list[str]:
    return [e.text for e in extract(text, "2025-06-27", known=known).entities if e.type == "INITIATIVE"]


def test_a_name_another_document_quoted_is_read_where_it_stands_bare() -> None:
    assert "K-휴머노이드 연합" not in initiatives(BRIEF, None)  # the document alone: no name
    ex = extract(BRIEF, "2025-06-27", known=KNOWN)
    alliance = next(e for e in ex.entities if e.text == "K-휴머노이드 연합")
    assert alliance.type == "INITIATIVE" and alliance.attrs["kind"] == "taskforce"
    # and the chair elected at its general meeting leads it
    leads = {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "LEADS"}
    assert ("장병탁", "K-휴머노이드 연합") in leads


def test_a_known_name_takes_any_particle_but_no_longer_word() -> None:
    for particle in ("이", "은", "과", "의", "에서는", "으로"):
        assert "K-휴머노이드 연합" in initiatives(f"K-휴머노이드 연합{particle} 로봇 기술을 논의한다."), particle
    assert initiatives("K-휴머노이드 연합회가 출범했다.") == []          # a longer noun: another body
    assert initiatives("신K-휴머노이드 연합은 없다.") == []               # inside a longer word
    assert "K-휴머노이드 연합" not in initiatives("기업들이 K-휴머노이드 연합하여 개발한다.")  # a verb
    companies = [e.text for e in extract("에이로봇은 로봇을 만든다. 에이로봇스는 다른 회사다.", None,
                                         known=KNOWN).entities if e.type == "COMPANY"]
    assert companies == ["에이로봇"]


def test_common_words_never_become_known_names() -> None:
    for name in ("연합", "얼라이언스", "국가 전략", "디지털 전환", "창립총회", "AI"):
        assert not eligible(name, "INITIATIVE"), name
    assert not eligible("홍길동", "PERSON") and not eligible("서울", "LOCATION")
    table = KnownNames([KnownName("디지털 전환", "INITIATIVE", "plan"), KnownName("얼라이언스", "INITIATIVE", "taskforce")])
    assert len(table) == 0
    assert initiatives("정부는 디지털 전환을 돕는 얼라이언스를 만든다.", table) == []


def test_only_quoted_names_of_initiatives_and_bodies_are_evidence() -> None:
    ents = [Entity(0, 10, "K-휴머노이드 연합", "INITIATIVE", attrs={"kind": "taskforce", "quoted": True}),
            Entity(20, 25, "창립총회", "INITIATIVE", attrs={"kind": "meeting", "quoted": True}),
            Entity(30, 40, "AI 자율제조 전략", "INITIATIVE", attrs={"kind": "strategy"}),          # not quoted
            Entity(50, 60, "K-칩스 연합", "INITIATIVE", attrs={"kind": "taskforce", "quoted": True, "known": True})]
    assert strong(ents) == [ALLIANCE]
