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


def test_an_announcement_in_a_phrasing_no_rule_reads_is_found_by_the_model_switched_on() -> None:
    # '내놨다고 밝혔다': the classifier reads the subject's particle, the initiative's and the
    # trigger class after them. ANNOUNCES does not pass the gate on the fresh dev documents,
    # so it is off by default; `relclf.forced` switches it on (at an even-odds threshold)
    text = "산업통상자원부는 4일 '반도체 초강대국 전략'을 내놨다고 밝혔다."
    with_model = build_pipeline(model_dir=None)
    with_model.get_pipe("kg_relations").relations_model = relclf.forced(relclf.load_model(), ["ANNOUNCES"], 0.5)
    rules_only = build_pipeline(model_dir=None)
    rules_only.get_pipe("kg_relations").classifier = False
    found = _rels(with_model, text)
    assert ("ANNOUNCES", "산업통상자원부", "반도체 초강대국 전략") in found
    assert _rels(rules_only, text) <= found
    # a ministry merely mentioned in a clause about something else announces nothing
    other = "4일 해양수산부에 따르면 '스마트 항만 구축 계획'이 확정됐다."
    assert not {r for r in _rels(with_model, other) if r[0] == "ANNOUNCES"}


def test_a_mention_shorter_than_the_golds_entity_is_labelled_as_that_entity(tmp_path: Path) -> None:
    # the gold's event is '위촉식 및 제1차 회의'; if the pipeline reads only '제1차 회의', the
    # pair (김철수, 제1차 회의) is still the gold's relation for training
    text = "환경부는 4일 위촉식 및 제1차 회의를 열었다. 회의에는 김철수 위원장이 참석했다."
    start = text.index("위촉식")
    end = start + len("위촉식 및 제1차 회의")
    p = text.index("김철수")
    doc = {"id": "t-1", "text": text, "date": D,
           "entities": [{"start": start, "end": end, "type": "INITIATIVE", "text": text[start:end]},
                        {"start": p, "end": p + 3, "type": "PERSON", "text": "김철수"}],
           "relations": [{"type": "PARTICIPATES_IN", "head": 1, "tail": 0}]}
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = train.collect([path])[0]["cands"]
    assert any(k == "PARTICIPATES_IN" and h == "김철수" and y for k, h, _t, _f, y in rows)


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
