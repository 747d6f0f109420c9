"""The trained relation classifier (ingest/nlp/relclf.py) and its training script
(ingest/nlp/train/relations.py): what it adds to the rules, and that it can be retrained."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.nlp import relclause, relclf
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


def _scores(text: str, kind: str, model: dict) -> dict[tuple[str, str], float]:
    nlp = build_pipeline(model_dir=None)
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    nlp(make_doc(nlp, text, D))
    view, mentions, sents, rules, date, _aliases = comp.collect.pop()
    cands = relclf.Candidates(view, mentions, sents, rules, date)
    name = lambda i: view.text[mentions[i].start:mentions[i].end]  # noqa: E731
    return {(name(h), name(t)): p for k, h, t, p in cands.score(relclf.forced(model, [kind], 0.5)) if k == kind}


def test_the_announcing_subject_outranks_a_ministry_that_is_only_a_source() -> None:
    # the classifier reads the subject's particle (topic), the initiative's (object) and the
    # predicate's act; '해양수산부에 따르면' names a source, not who announced
    model = relclf.load_model()
    said = _scores("산업통상자원부는 4일 '반도체 초강대국 전략'을 발표했다.", "ANNOUNCES", model)
    source = _scores("4일 해양수산부에 따르면 '스마트 항만 구축 계획'이 확정됐다.", "ANNOUNCES", model)
    assert said[("산업통상자원부", "반도체 초강대국 전략")] > source[("해양수산부", "스마트 항만 구축 계획")]


def test_the_clause_a_pair_shares_is_read_from_kiwis_morphemes() -> None:
    from ingest.nlp.kiwi import analyze  # noqa: PLC0415
    from ingest.nlp.view import TextView  # noqa: PLC0415

    text = "LG전자와 삼성전자가 간담회에 참석했고, 산업부는 '수출 전략'을 발표했다."
    view = TextView(text, analyze(text))
    end = len(text)
    at = text.index
    assert relclause.role(view, at("와"), end) == "conj"
    assert relclause.role(view, at("가 간"), end) == "subj"
    assert relclause.role(view, at("에 참"), end) == "at"
    assert relclause.role(view, at("는 '"), end) == "topic"
    assert relclause.predicate(view, at("에 참"), end)[:2] == ("attend", "link")
    assert relclause.predicate(view, at("을 발"), end)[:2] == ("announce", "final")
    assert relclause.clause_between(view, at("간담회"), at("산업부"))  # '참석했고,': one clause ends
    assert not relclause.clause_between(view, at("삼성전자"), at("간담회"))
    f = relclause.pair_features(view, (0, 4), (at("간담회"), at("간담회") + 3), True, end)
    assert "act=attend&ri=at" in f and "roles=conj>at" in f


def test_the_body_of_a_persons_title_is_no_participant_candidate() -> None:
    # '정의선 현대자동차 회장이 … 참석했다': the person takes part, the company does not
    nlp = build_pipeline(model_dir=None)
    comp = nlp.get_pipe("kg_relations")
    comp.collect = []
    nlp(make_doc(nlp, "정의선 현대자동차 회장이 '모빌리티 혁신 간담회'에 참석했다.", D))
    view, mentions, sents, rules, date, _aliases = comp.collect.pop()
    pairs = {(k, view.text[mentions[h].start:mentions[h].end]) for k, h, _t in
             relclf.Candidates(view, mentions, sents, rules, date).pairs(within=True)}
    assert ("PARTICIPATES_IN", "정의선") in pairs
    assert ("PARTICIPATES_IN", "현대자동차") not in pairs and ("LEADS", "현대자동차") not in pairs


def test_the_model_fills_in_only_for_agents_the_rules_left_without_an_event() -> None:
    scored = [("PARTICIPATES_IN", "LG전자", "간담회", 0.9), ("PARTICIPATES_IN", "LG전자", "설명회", 0.8),
              ("PARTICIPATES_IN", "SK하이닉스", "설명회", 0.7), ("SCHEDULED_FOR", "설명회", "5월", 0.9)]
    thr = {"PARTICIPATES_IN": 0.5, "SCHEDULED_FOR": 0.5}
    assert relclf.select(scored, thr) == [scored[0][:3], scored[2][:3], scored[3][:3]]
    # the rules already have LG전자 at an event and '5월' as another initiative's date: the
    # model adds neither
    taken = {relclf.anchor("PARTICIPATES_IN", "LG전자", "회의"), relclf.anchor("SCHEDULED_FOR", "박람회", "5월")}
    assert relclf.select(scored, thr, taken) == [scored[2][:3]]
    # and so in the pipeline, with every type switched on at any probability
    nlp = build_pipeline(model_dir=None)
    nlp.get_pipe("kg_relations").relations_model = relclf.forced(relclf.load_model(), train.KINDS, 0.0)
    rules_only = build_pipeline(model_dir=None)
    rules_only.get_pipe("kg_relations").classifier = False
    text = "간담회에는 LG전자, 삼성전자 등이 자리했다. LG전자는 '수출 전략 회의'에도 참석했다."
    # (by the event's name: its canonical form names whoever announced it)
    before, after = ({(k, h, t.split(" (")[0]) for k, h, t in _rels(p, text)} for p in (rules_only, nlp))
    anchors = {relclf.anchor(*r) for r in before}
    assert before <= after and not {r for r in after - before if relclf.anchor(*r) in anchors}


def test_a_mention_shorter_than_the_golds_entity_is_labelled_as_that_entity(tmp_path: Path) -> None:
    # the gold's event is '위촉식 및 제1차 회의'; if the pipeline reads only '제1차 회의', the
    # pair (김철수, 제1차 회의) is still the gold's relation for training
    text = "환경부가 4일 연 위촉식 및 제1차 회의에는 김철수 위원장이 참석했다."
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
    # pairs within a sentence, each type regularised as cross-validation chose
    assert model["within"] is True and set(model["l2"]) == set(train.KINDS) and set(model["l2"].values()) <= set(train.L2_GRID)
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
