"""The entity store (ingest/nlp/ents.py): two rules that claim the same words must not make a
user's document fail; the longer reading stays and a warning names the clash."""
from __future__ import annotations

import pytest

from ingest.nlp.ents import Ent, get_ents, put_ents
from ingest.nlp.pipeline import extract, get_pipeline


def test_overlapping_entities_keep_the_longer_and_warn() -> None:
    nlp = get_pipeline(False)
    doc = nlp.make_doc("남북정상회담 메인프레스센터에서 만났다.")
    ents = [Ent(0, 6, "INITIATIVE"), Ent(7, 14, "LOCATION"), Ent(0, 14, "LOCATION")]
    with pytest.warns(RuntimeWarning, match="overlapping entities"):
        put_ents(doc, ents)
    assert [(e.start, e.end, e.label) for e in get_ents(doc)] == [(0, 14, "LOCATION")]
    assert [(sp.text, sp.label_) for sp in doc.ents] == [("남북정상회담 메인프레스센터", "LOCATION")]


def test_a_press_centre_found_by_two_rules_is_one_place() -> None:
    ex = extract("G20 정상회의 프레스센터가 코엑스에 문을 열었다.", "2025-03-05")
    assert [(e.text, e.type) for e in ex.entities] == [("G20 정상회의 프레스센터", "LOCATION"), ("코엑스", "LOCATION")]
