"""Who sets up a fund (issue #20, round 4; ingest.nlp.fund_setters): the body that puts money in it
or raises it, also in the next sentences that leave it out ('또 …', '이 밖에도 …'). Every sentence is
written for these tests."""
from __future__ import annotations

from ingest.nlp.pipeline import extract

D = "2025-03-10"


def announces(text: str) -> set[tuple[str, str]]:
    ex = extract(text, D)
    return {(ex.entities[r.head].text, ex.entities[r.tail].text) for r in ex.relations if r.type == "ANNOUNCES"}


def test_the_body_that_raises_a_fund_sets_it_up() -> None:
    assert ("특허청", "특허기술사업화 펀드") in announces("특허청은 특허기술사업화 펀드를 1250억 원 규모로 조성한다.")


def test_funds_of_the_next_sentences_without_a_subject_are_the_same_bodys() -> None:
    text = ("중기부는 미래도약펀드에 500억 원을 출자해 1250억 원의 펀드를 추가로 조성할 예정이다. "
            "지역혁신펀드는 400억 원을 활용해 권역별 모펀드를 조성한다. "
            "또 400억 원을 출자해 인수합병(M&A)펀드를 조성한다. "
            "이 밖에도 창업초기펀드 1000억 원, 여성기업펀드 120억 원을 출자한다.")
    got = announces(text)
    assert {("중기부", "미래도약펀드"), ("중기부", "인수합병(M&A)펀드"), ("중기부", "창업초기펀드"),
            ("중기부", "여성기업펀드")} <= got


def test_a_fund_drawn_on_is_not_set_up() -> None:
    text = "중기부는 모태펀드 300억 원을 활용해 해외진출 글로벌펀드를 조성한다."
    got = announces(text)
    assert ("중기부", "해외진출 글로벌펀드") in got and ("중기부", "모태펀드") not in got


def test_a_sentence_of_its_own_subject_breaks_the_carry() -> None:
    text = "중기부는 미래도약펀드에 500억 원을 출자한다. 문체부는 콘텐츠 가치평가 펀드를 조성한다. 또 관광기업 펀드를 결성한다."
    got = announces(text)
    assert ("문체부", "관광기업 펀드") in got and ("중기부", "관광기업 펀드") not in got
