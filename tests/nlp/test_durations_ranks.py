"""Quantities real releases write as durations and ranks (issue #20): 'N년 만에', '10여 년',
'닷새 동안', '이틀간', '2시간 30분', '2%대' are quantities; 'N대' before what it ranks
('세계 5대 강국') is no count. The sentences are written for these tests."""
from __future__ import annotations

import pytest

from ingest.nlp.pipeline import extract


def quantities(text: str) -> list[str]:
    return [e.text for e in extract(text, "2025-03-05").entities if e.type == "QUANTITY"]


@pytest.mark.parametrize("text,q", [
    ("박람회는 4년 만에 다시 열린다.", "4년"),
    ("20여 년 전부터 이어진 사업이다.", "20여 년"),
    ("축제는 사흘 동안 이어진다.", "사흘"),
    ("점검은 나흘간 진행된다.", "나흘간"),
    ("회의는 3시간 20분 동안 이어졌다.", "3시간 20분"),
    ("상승률은 3%대에 머물렀다.", "3%대"),
])
def test_durations_and_ranges(text: str, q: str) -> None:
    assert q in quantities(text)


@pytest.mark.parametrize("text", [
    "정부는 세계 3대 반도체 강국을 목표로 한다.",
    "시는 5대 핵심 과제를 발표했다.",
])
def test_a_rank_is_no_count(text: str) -> None:
    assert not any(q.endswith("대") for q in quantities(text))


def test_machines_are_counted() -> None:
    assert "20대" in quantities("공장은 로봇 20대를 새로 들였다.")


def test_an_assembly_term_and_a_ratio_are_no_counts() -> None:
    assert quantities("법안은 21대 국회에서 폐기됐고 지분은 40 대 60으로 나뉜다.") == []
