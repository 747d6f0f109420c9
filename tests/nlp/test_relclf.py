"""The trained relation classifier (ingest/nlp/relclf.py) and its training script
(ingest/nlp/train/relations.py): what it adds to the rules, and that it can be retrained."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.nlp import relclf
from ingest.nlp.pipeline import build_pipeline, make_doc, to_extraction
from ingest.nlp.train import relations as train

D = "2024-03-04"
# a phrasing no rule reads: the companies 'jump into' a programme named in the sentence before
UAM = ("국토교통부는 '도심항공교통 실증사업'을 추진한다. "
       "현대자동차, 한화시스템, 대한항공이 사업에 뛰어들었다.")


def _rels(nlp, text: str) -> set[tuple[str, str, str]]:
    ex = to_extraction(nlp(make_doc(nlp, text, D)))
    return {(r.type, ex.entities[r.head].text, ex.entities[r.tail].canonical or ex.entities[r.tail].text)
            for r in ex.relations}


def test_types_the_model_does_not_win_are_left_to_the_rules_and_switched_on_it_only_adds() -> None:
    model = relclf.load_model()
    with_model = build_pipeline(model_dir=None)
    rules_only = build_pipeline(model_dir=None)
    rules_only.get_pipe("kg_relations").classifier = False
    before, after = _rels(rules_only, UAM), _rels(with_model, UAM)
    assert {r for r in after if r[0] not in model["types"]} == {r for r in before if r[0] not in model["types"]}
    forced = build_pipeline(model_dir=None)
    forced.get_pipe("kg_relations").relations_model = relclf.forced(model, train.KINDS)
    assert before <= _rels(forced, UAM)  # the model adds to the rules; it takes nothing away


def test_the_shipped_model_loads_and_scores_the_same_each_time() -> None:
    model = relclf.load_model()
    assert model is not None and model["mode"] == "union"
    assert set(model["thresholds"]) == set(model["types"]) <= set(model["trained"])
    # a type is switched on only where rules + model beat the rules on the fresh dev documents
    assert set(model["candidate_thresholds"]) <= set(model["trained"]) == set(train.KINDS)
    model = relclf.forced(model, ["PARTICIPATES_IN"])
    assert relclf.MODEL.stat().st_size < 200_000  # a small JSON file, no pickled library objects
    nlp = build_pipeline(model_dir=None)
    doc = nlp(make_doc(nlp, UAM, D))
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    nlp(make_doc(nlp, UAM, D))
    view, mentions, sents, rules, date, _aliases = comp.collect.pop()
    first = relclf.Candidates(view, mentions, sents, rules, date).score(model)
    again = relclf.Candidates(view, mentions, sents, rules, date).score(model)
    assert first == again and first and all(0.0 <= p <= 1.0 for *_x, p in first)
    comp.collect = None
    assert to_extraction(doc).relations == to_extraction(nlp(make_doc(nlp, UAM, D))).relations


def test_relations_of_past_events_stay_out_of_the_models_schedule_candidates() -> None:
    nlp = build_pipeline(model_dir=None)
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    nlp(make_doc(nlp, "윤석열 대통령은 8일 비상경제민생회의를 주재했다.", "2024-03-07"))
    cands = relclf.Candidates(*comp.collect.pop()[:5])
    assert not [c for c in cands.pairs() if c[0] == "SCHEDULED_FOR"]


def test_the_training_script_retrains_from_whatever_the_dev_files_hold(tmp_path: Path) -> None:
    lines = (train.GOLD / "real" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    lines += (train.GOLD / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    sample = tmp_path / "dev.jsonl"
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    assert train.main(["--gold", str(sample), "--out", str(out), "--folds", "2"]) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["documents"] == 10 and model["mode"] == "union"
    assert all(isinstance(w, float) for ws in model["types"].values() for w in ws.values())
    # what it wrote is what the pipeline reads
    nlp = build_pipeline(model_dir=None)
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    nlp(make_doc(nlp, UAM, D))
    view, mentions, sents, rules, date, _aliases = comp.collect.pop()
    assert set(rules) <= set(relclf.classify(view, mentions, sents, rules, date, model=model))


def test_the_test_halves_are_never_trained_on(tmp_path: Path, capsys) -> None:
    import pytest  # noqa: PLC0415

    with pytest.raises(SystemExit):
        train.main(["--gold", str(train.GOLD / "test.jsonl"), "--out", str(tmp_path / "m.json")])
    assert "test halves" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
