"""A law and its short names are one entity: the names in data/initiatives.tsv in any
document, and the short name a document defines itself ('(이하 …)', '(약칭: …)', '이른바 …')
within that document (ingest/nlp/linker.py)."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract
from ontology.mapping import entity_description, entity_node

BASE = "http://example.org/"
D = "2024-03-07"


def _laws(text: str) -> list[tuple[str, str]]:
    return [(e.text, str(entity_node(BASE, e))) for e in extract(text, D).entities if e.type == "INITIATIVE"]


@pytest.mark.parametrize("text,short", [
    ("국회는 「반도체산업 경쟁력 강화 및 혁신성장을 위한 특별법」(약칭: 반도체특별법)을 의결했다. 반도체특별법은 내년 시행된다.",
     "반도체특별법"),
    ("정부는 「우주항공산업 발전 촉진에 관한 법률」(이하 '우주항공산업법'이라 한다)을 공포했다. 우주항공산업법에 따라 기금을 둔다.",
     "우주항공산업법"),
    ("국회는 「지능형 로봇 개발 및 보급 촉진법」(이하 지능형로봇법) 개정안을 통과시켰다. 지능형 로봇법 개정으로 로봇이 보도를 다닌다.",
     "지능형 로봇법"),
])
def test_a_short_name_the_document_defines_is_the_full_title(text: str, short: str) -> None:
    laws = _laws(text)
    full = laws[0][1]
    assert any(t == short for t, _n in laws) and all(n == full for t, n in laws if t.replace(" ", "") == short.replace(" ", ""))
    ex = extract(text, D)
    alt = [o for e in ex.entities if e.text == short for _s, p, o in entity_description(entity_node(BASE, e), e)
           if p.endswith("altLabel")]
    assert alt and str(alt[0]) == short  # the short name is kept as another name of the law


def test_known_short_names_join_the_law_across_documents() -> None:
    nodes = {n for text in ("국회는 26일 'AI 기본법'을 통과시켰다.", "인공지능 기본법이 내년 1월 시행된다.",
                            "「인공지능 발전과 신뢰 기반 조성 등에 관한 기본법」이 공포됐다.")
             for _t, n in _laws(text) if "기본법" in n}
    assert len(nodes) == 1
    assert len({n for text in ("지능형 로봇법이 개정됐다.", "「지능형 로봇 개발 및 보급 촉진법」이 개정됐다.")
                for _t, n in _laws(text) if "로봇" in n}) == 1


def test_a_bills_nickname_does_not_become_the_amended_law() -> None:
    laws = dict(_laws("조세특례제한법 개정안, 이른바 'K-칩스법'이 국회 본회의를 통과했다."))
    assert laws.get("K-칩스법", "").endswith("K-칩스법")
