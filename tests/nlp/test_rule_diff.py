"""bench/rule_diff.py: what a rule change adds and removes on unlabelled text, and the gold
discipline it keeps (test halves and the reserve are refused, labelled documents never shown)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("rule_diff", ROOT / "bench" / "rule_diff.py")
rule_diff = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rule_diff)


def test_test_halves_and_the_reserve_are_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "real"
    gold.mkdir(parents=True)
    (gold / "test.jsonl").write_text('{"id": "x", "text": "본문"}\n', encoding="utf-8")
    with pytest.raises(rule_diff.Refused):
        list(rule_diff.jsonl(gold / "test.jsonl"))
    reserve = tmp_path / "some.jsonl"
    reserve.write_text(json.dumps({"id": "real-dev-120", "text": "본문"}) + "\n", encoding="utf-8")
    with pytest.raises(rule_diff.Refused):
        list(rule_diff.jsonl(reserve))


def test_added_removed_and_retyped_items_of_unlabelled_text_only() -> None:
    text = "산업부는 7일 간담회를 열었다."
    docs = [{"id": "page-1", "date": None, "text": text, "labelled": False},
            {"id": "real-dev-01", "date": None, "text": text, "labelled": True}]
    old = {d["id"]: {"ents": [[0, 3, "MINISTRY"], [5, 7, "DATE"]], "rels": []} for d in docs}
    new = {d["id"]: {"ents": [[0, 3, "ORGANIZATION"], [8, 11, "INITIATIVE"]],
                     "rels": [["ANNOUNCES", "산업부", "간담회", 0, 8, None, None]]} for d in docs}
    counts, items = rule_diff.diff(docs, old, new)
    assert counts["entities", "+", "INITIATIVE"] == 2 and counts["entities", "-", "DATE"] == 2
    assert counts["relations", "+", "ANNOUNCES"] == 2  # both documents are counted …
    assert {it[3] for it in items} == {"page-1"}  # … only the unlabelled one is shown
    retyped = [it for it in items if it[2] == "ORGANIZATION"]
    assert retyped and retyped[0][4].endswith("retyped")
    assert any("⟦간담회⟧" in it[5] for it in items)  # the span is marked in its line
