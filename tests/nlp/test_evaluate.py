"""`kg eval`: gold parsing, exact-match scoring, the CLI, the markup and the shipped gold set."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from core.model import Entity, Extraction, Relation
from ingest.nlp import markup
from ingest.nlp.evaluate import GoldDoc, format_report, load_gold, parse_gold, score
from app.cli import main
from core.errors import GoldError

GOLD_DIR = Path(__file__).resolve().parents[2] / "ingest" / "nlp" / "gold"
TEXT = "산업부는 7일 'AI 자율제조 전략'을 발표했다."


def gold_line(**over) -> str:
    obj = {"id": "a", "date": "2024-03-07", "text": TEXT,
           "entities": [{"start": 0, "end": 3, "type": "MINISTRY", "text": "산업부", "canonical": "산업통상자원부"},
                        {"start": 5, "end": 7, "type": "DATE", "value": "2024-03-07"},
                        {"start": 9, "end": 19, "type": "INITIATIVE", "id": "plan"}],
           "relations": [{"type": "ANNOUNCES", "head": 0, "tail": "plan"}]}
    obj.update(over)
    return json.dumps(obj, ensure_ascii=False)


def E(s: int, e: int, t: str, **kw) -> Entity:
    return Entity(s, e, TEXT[s:e], t, **kw)


def gold(ents: list[Entity], rels: list[Relation] = ()) -> GoldDoc:
    return GoldDoc("g", TEXT, "2024-03-07", list(ents), list(rels))


# --- reading gold -----------------------------------------------------------------------

def test_parse_gold_resolves_ids_and_keeps_attributes() -> None:
    [doc] = parse_gold([gold_line()])
    assert [(e.text, e.type) for e in doc.entities] == [("산업부", "MINISTRY"), ("7일", "DATE"), ("AI 자율제조 전략", "INITIATIVE")]
    assert doc.entities[0].canonical == "산업통상자원부" and doc.entities[1].value == "2024-03-07"
    assert [(r.type, r.head, r.tail) for r in doc.relations] == [("ANNOUNCES", 0, 2)]


@pytest.mark.parametrize("line,korean,english", [
    ("{not json", "올바른 JSON이 아닙니다: 2열", "not valid JSON"),
    ("[1, 2]", "JSON 객체가 아닙니다", "must be a JSON object"),
    (json.dumps({"id": "x"}), '"text"가 없거나 문자열이 아닙니다', 'missing or non-string "text"'),
    (gold_line(entities=[{"start": 0, "end": 99, "type": "MINISTRY"}], relations=[]),
     "entities[0]: 구간 0–99: 비었거나 본문(길이 27)을 벗어납니다", "outside the text"),
    (gold_line(entities=[{"start": 0, "end": 3, "type": "MINISTER"}], relations=[]),
     "entities[0]: 알 수 없는 유형입니다: 'MINISTER'. 다음 가운데 하나를 쓰세요: ", "unknown type 'MINISTER'"),
    (gold_line(entities=[{"start": 0, "end": 3, "type": "MINISTRY", "text": "산업"}], relations=[]),
     "\"text\"가 '산업'인데 본문의 text[0:3]는 '산업부'입니다", "text[0:3] is '산업부'"),
    (gold_line(entities=[{"start": 0, "end": 3, "type": "MINISTRY"}, {"start": 1, "end": 4, "type": "DATE"}],
               relations=[]), "두 개체의 구간이 겹칩니다: entities[0] '산업부', entities[1] '업부는'", "overlap"),
    (gold_line(relations=[{"type": "ANNOUNCES", "head": 0, "tail": 7}]),
     "relations[0]: tail의 번호 7에 해당하는 개체가 없습니다. entities의 번호는 0–2입니다", "tail 7 is not an index"),
    (gold_line(relations=[{"type": "ANNOUNCES", "head": 0, "tail": "nope"}]),
     "relations[0]: tail의 값 'nope': 개체 번호도 개체 id도 아닙니다", "neither an entity index nor an entity id"),
    (gold_line(relations=[{"type": "OWNS", "head": 0, "tail": 2}]),
     "relations[0]: 알 수 없는 관계 유형입니다: 'OWNS'", "unknown type 'OWNS'"),
    (gold_line(entities=[{"start": "0", "end": 3, "type": "MINISTRY"}], relations=[]),
     '"start"와 "end"는 정수여야 합니다', "must be integers"),
    (gold_line(relations=[{"type": "ANNOUNCES", "head": 2, "tail": "plan"}]),
     "relations[0]: head와 tail이 같은 개체입니다", "head and tail are the same entity"),
])
def test_malformed_gold_names_the_line_and_the_problem(line: str, korean: str, english: str) -> None:
    with pytest.raises(GoldError) as err:
        parse_gold(["", line], "gold.jsonl")
    head, problem = str(err.value).split("\n")
    assert head == "정답(gold) 데이터에 잘못된 줄이 있습니다 (malformed gold data):"
    # the file and line, then the Korean, then the English original in brackets
    assert problem.startswith("gold.jsonl: 2행: ") and korean in problem and english in problem
    assert problem.index(korean) < problem.index(english) and problem.endswith(")")


def test_every_bad_line_is_reported_and_duplicates_too() -> None:
    with pytest.raises(GoldError) as err:
        parse_gold([gold_line(), "{", gold_line(), "3"], "g")
    msg = str(err.value)
    assert "g: 2행: 올바른 JSON이" in msg and "g: 4행: JSON 객체가 아닙니다" in msg
    assert "g: 3행: 중복된 문서 id 'a': 1행에 먼저 있습니다" in msg and "(duplicate document id 'a', first on line 1)" in msg


def test_at_most_twenty_problems_are_listed() -> None:
    with pytest.raises(GoldError) as err:
        parse_gold(["{"] * 25, "g")
    lines = str(err.value).split("\n")
    assert len(lines) == 1 + 20 + 1 and lines[20].startswith("g: 20행: ") and lines[-1] == "… 외 5건 (and 5 more)"


def test_empty_gold_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "g.jsonl").write_text("\n\n", encoding="utf-8")
    with pytest.raises(GoldError, match="no gold documents") as err:
        load_gold(tmp_path / "g.jsonl")
    assert str(err.value).startswith(f"{tmp_path / 'g.jsonl'}: 정답 문서가 없습니다")


# --- scoring ----------------------------------------------------------------------------

def test_exact_match_scores_one() -> None:
    g = gold([E(0, 3, "MINISTRY"), E(9, 19, "INITIATIVE")], [Relation("ANNOUNCES", 0, 1)])
    p = Extraction(entities=[E(0, 3, "MINISTRY"), E(9, 19, "INITIATIVE")], relations=[Relation("ANNOUNCES", 0, 1)])
    rep = score([g], [p])
    assert rep.entity_micro.f == 1.0 and rep.relation_micro.f == 1.0 and rep.misses == []


def test_wrong_type_is_a_false_positive_and_a_false_negative() -> None:
    rep = score([gold([E(0, 3, "MINISTRY")])], [Extraction(entities=[E(0, 3, "COMPANY")])])
    assert (rep.entities["MINISTRY"].fn, rep.entities["COMPANY"].fp, rep.entity_micro.tp) == (1, 1, 0)
    fn = next(m for m in rep.misses if m.kind == "FN")
    assert fn.note == "predicted: 산업부 (COMPANY)" and "⟦산업부⟧" in fn.context


def test_partial_span_counts_as_both() -> None:
    rep = score([gold([E(9, 19, "INITIATIVE")])], [Extraction(entities=[E(9, 11, "INITIATIVE")])])
    c = rep.entities["INITIATIVE"]
    assert (c.tp, c.fp, c.fn, c.p, c.r, c.f) == (0, 1, 1, 0.0, 0.0, 0.0)


def test_precision_recall_and_averages() -> None:
    g = gold([E(0, 3, "MINISTRY"), E(5, 7, "DATE"), E(9, 19, "INITIATIVE")])
    p = Extraction(entities=[E(0, 3, "MINISTRY"), E(5, 7, "DATE"), E(20, 21, "QUANTITY")])
    rep = score([g], [p])
    assert (rep.entity_micro.tp, rep.entity_micro.fp, rep.entity_micro.fn) == (2, 1, 1)
    assert rep.entity_micro.p == pytest.approx(2 / 3) and rep.entity_micro.r == pytest.approx(2 / 3)
    # macro: MINISTRY 1, DATE 1, INITIATIVE 0 (the QUANTITY with no gold is left out)
    assert rep.entity_macro_f1 == pytest.approx(2 / 3)


def test_relation_needs_type_and_both_argument_spans() -> None:
    g = gold([E(0, 3, "MINISTRY"), E(9, 19, "INITIATIVE")], [Relation("ANNOUNCES", 0, 1)])
    wrong_type = Extraction(entities=g.entities, relations=[Relation("PARTICIPATES_IN", 0, 1)])
    wrong_span = Extraction(entities=[E(0, 3, "MINISTRY"), E(10, 19, "INITIATIVE")], relations=[Relation("ANNOUNCES", 0, 1)])
    reversed_ = Extraction(entities=g.entities, relations=[Relation("ANNOUNCES", 1, 0)])
    for pred in (wrong_type, wrong_span, reversed_):
        rep = score([g], [pred])
        assert rep.relation_micro.tp == 0 and rep.relation_micro.fn == 1 and rep.relation_micro.fp == 1
    # entity indexes differ between gold and prediction: relations match on spans
    shuffled = Extraction(entities=[E(9, 19, "INITIATIVE"), E(0, 3, "MINISTRY")], relations=[Relation("ANNOUNCES", 1, 0)])
    assert score([g], [shuffled]).relation_micro.f == 1.0


def test_relations_by_name_count_any_mention_of_the_entity() -> None:
    """The issue's measure: per document, (type, head name, tail name) — the relation may
    come from another mention of the same entity than the one the gold marks."""
    text = "산업부는 'AI 전략'을 발표했다. 산업통상자원부는 AI 전략에 1조를 쓴다."
    ents = [Entity(0, 3, "산업부", "MINISTRY", canonical="산업통상자원부"), Entity(6, 11, "AI 전략", "INITIATIVE"),
            Entity(20, 27, "산업통상자원부", "MINISTRY"), Entity(29, 34, "AI 전략", "INITIATIVE")]
    g = GoldDoc("g", text, None, ents, [Relation("ANNOUNCES", 0, 1)])
    other_mention = Extraction(entities=[Entity(20, 27, "산업통상자원부", "MINISTRY", canonical="산업통상자원부"),
                                         Entity(29, 34, "AI 전략", "INITIATIVE", canonical="AI 전략")],
                               relations=[Relation("ANNOUNCES", 0, 1)])
    rep = score([g], [other_mention])
    assert rep.relation_micro.f == 0.0 and rep.relation_by_name_micro.f == 1.0
    wrong = Extraction(entities=other_mention.entities, relations=[Relation("PARTICIPATES_IN", 0, 1)])
    by_name = score([g], [wrong]).relation_by_name_micro
    assert (by_name.tp, by_name.fp, by_name.fn) == (0, 1, 1)
    assert "이름 기준" in format_report(rep)


def test_canonical_and_value_accuracy_on_matched_mentions() -> None:
    g = gold([E(0, 3, "MINISTRY", canonical="산업통상자원부"), E(5, 7, "DATE", value="2024-03-07")])
    p = Extraction(entities=[E(0, 3, "MINISTRY", canonical="산업부"), E(5, 7, "DATE", value="2024-03-07")])
    out = score([g], [p]).to_json()
    assert out["canonical_accuracy"] == {"accuracy": 0.0, "right": 0, "scored": 1}
    assert out["value_accuracy"] == {"accuracy": 1.0, "right": 1, "scored": 1}


def test_type_filter_scores_only_those_types() -> None:
    g = gold([E(0, 3, "MINISTRY"), E(5, 7, "DATE")])
    rep = score([g], [Extraction(entities=[E(0, 3, "MINISTRY")])], types=["MINISTRY"])
    assert list(rep.entities) == ["MINISTRY"] and rep.entity_micro.f == 1.0


def test_gold_and_prediction_counts_must_agree() -> None:
    with pytest.raises(GoldError, match=r"^정답 문서는 1건인데 예측은 0건입니다 \(1 gold documents but 0 predictions\)$"):
        score([gold([])], [])


# --- the command ------------------------------------------------------------------------

TWO_DOCS = [
    gold_line(),
    json.dumps({"id": "b", "date": "2024-03-07", "text": "강경성 산업부 1차관 주재로 열린 간담회에는 LG전자가 참석했다.",
                "entities": [{"start": 0, "end": 3, "type": "PERSON"}, {"start": 4, "end": 7, "type": "MINISTRY"},
                             {"start": 19, "end": 22, "type": "INITIATIVE"}, {"start": 25, "end": 29, "type": "COMPANY"}],
                "relations": [{"type": "LEADS", "head": 0, "tail": 1}, {"type": "LEADS", "head": 0, "tail": 2},
                              {"type": "PARTICIPATES_IN", "head": 3, "tail": 2}]}, ensure_ascii=False),
]


def test_cli_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(TWO_DOCS) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["documents"] == 2
    assert out["entity_micro"]["gold"] == 7 and out["relation_micro"]["gold"] == 4
    assert set(out["entities"]) >= {"MINISTRY", "PERSON", "INITIATIVE", "DATE", "COMPANY"}
    assert 0.0 <= out["entity_micro"]["f1"] <= 1.0 and "errors" not in out
    table = CliRunner().invoke(main, ["eval", str(path), "--errors", "--type", "PERSON"])
    assert table.exit_code == 0 and "PERSON" in table.output and "MINISTRY " not in table.output
    assert "FN" in table.output or "FP" in table.output or "오류 0건" in table.output


def test_cli_scores_saved_predictions(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "a", "entities": [{"start": 0, "end": 3, "type": "MINISTRY"}],
                                "relations": []}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path), "--pred", str(pred), "--json", "--errors"])
    out = json.loads(res.output)
    assert out["entity_micro"]["tp"] == 1 and out["entity_micro"]["fn"] == 2 and out["entity_micro"]["fp"] == 0
    assert {(e["kind"], e["text"]) for e in out["errors"]} >= {("FN", "7일"), ("FN", "AI 자율제조 전략")}


def test_cli_reports_malformed_gold_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(gold_line() + "\n" + '{"text": 5}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path)])
    assert res.exit_code == 1
    assert "bad.jsonl: 2행:" in res.output and 'non-string "text"' in res.output and "Traceback" not in res.output
    bad_type = CliRunner().invoke(main, ["eval", str(path), "--type", "NOPE"])
    assert bad_type.exit_code == 2 and "unknown type 'NOPE'" in bad_type.output


def test_cli_prints_a_malformed_gold_line_korean_first(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(gold_line() + "\n\n{not json\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    first, line = res.output.splitlines()
    assert first == "오류: 정답(gold) 데이터에 잘못된 줄이 있습니다 (malformed gold data):"
    # the file and the line number (blank lines counted), the Korean, the English original last
    assert line.startswith(f"{path}: 3행: 올바른 JSON이 아닙니다: 2열 (not valid JSON: ")
    assert line.endswith(" at column 2)")


def test_cli_reports_malformed_predictions_korean_first(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(gold_line() + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text('{"id": "a", "entities": {}}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path), "--pred", str(pred)])
    assert res.exit_code == 1 and "Traceback" not in res.output
    assert res.output.startswith(f"오류: {pred}: 1행: `kg extract`가 쓴 객체가 아닙니다")
    assert res.output.rstrip().endswith("(not a `kg extract` output object)")
    pred.write_text('{"id": "b", "entities": []}\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", str(path), "--pred", str(pred)])
    assert res.exit_code == 1
    assert res.output.startswith(f"오류: {pred}: 정답 문서 'a'의 예측이 없습니다")
    assert "(no prediction for gold document 'a')" in res.output


# --- markup and the shipped gold set ------------------------------------------------------

def test_markup_to_gold() -> None:
    [doc] = markup.parse(["# d1 2024-03-07", "[산업부]{MINISTRY=산업통상자원부}는 [7일]{DATE=2024-03-07}",
                          "| '[AI 전략]{INITIATIVE#p}'을 발표했다.", "@ ANNOUNCES 산업부 > p"])
    assert doc["text"] == "산업부는 7일\n'AI 전략'을 발표했다."
    assert [(e["text"], e.get("canonical"), e.get("value")) for e in doc["entities"]] == [
        ("산업부", "산업통상자원부", None), ("7일", None, "2024-03-07"), ("AI 전략", None, None)]
    assert doc["relations"] == [{"type": "ANNOUNCES", "head": 0, "tail": 2}]
    with pytest.raises(GoldError, match=r"^<markup>: 2행: 개체 표시의 괄호가 맞지 않습니다: .*\(unbalanced"):
        list(markup.parse(["# d", "[산업부{MINISTRY}"]))
    with pytest.raises(GoldError, match=r"3행: id나 글자가 'A'인 그런 개체가 2개입니다\. 하나에 #id를 붙이세요 \(2 entities"):
        list(markup.parse(["# d", "[A]{COMPANY}와 [A]{COMPANY}", "@ LEADS A > A"]))
    with pytest.raises(GoldError, match=r"1행: 첫 '# ID' 머리 줄 앞에 본문이 있습니다"):
        list(markup.parse(["본문", "# d"]))


# relation argument types the guidelines allow (ingest/nlp/gold/README.md)
BODIES = {"MINISTRY", "COMPANY", "ORGANIZATION"}
SIGNATURES = {"ANNOUNCES": (BODIES, {"INITIATIVE"}), "PARTICIPATES_IN": (BODIES | {"PERSON"}, {"INITIATIVE"}),
              "LEADS": (BODIES | {"PERSON"}, BODIES | {"INITIATIVE"}), "SCHEDULED_FOR": ({"INITIATIVE"}, {"DATE"})}


@pytest.mark.parametrize("folder, half, count", [("", "dev", 30), ("", "test", 30),
                                                 ("real", "dev", 152), ("real", "test", 70)])
def test_shipped_gold_is_in_step_with_its_markup_and_guidelines(folder: str, half: str, count: int) -> None:
    base = GOLD_DIR / folder
    assert (base / f"{half}.jsonl").read_text(encoding="utf-8") == markup.convert(base / f"{half}.txt")
    docs = load_gold(base / f"{half}.jsonl")
    assert len(docs) == count
    for d in docs:
        for e in d.entities:
            assert e.text == e.text.strip() and e.text, (d.id, e.text)
            if e.type in ("DATE", "TIME"):
                assert e.value, (d.id, e.text)
        for r in d.relations:
            heads, tails = SIGNATURES[r.type]
            assert d.entities[r.head].type in heads and d.entities[r.tail].type in tails, (d.id, r)


def test_real_gold_names_a_source_for_every_document() -> None:
    """Each shipped real document has its agency, date and address in sources.tsv, and nothing else is listed."""
    real = GOLD_DIR / "real"
    rows = [line.split("\t") for line in (real / "sources.tsv").read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["id", "agency", "date", "address", "kind", "license"]
    ids = {d.id for half in ("dev", "test") for d in load_gold(real / f"{half}.jsonl")}
    assert [r[0] for r in rows[1:]] == sorted(ids, key=lambda i: (i.split("-")[1] != "dev", i))
    assert all(len(r) == 6 and all(f.strip() for f in r) for r in rows[1:])


def test_markup_moves_date_particles_outside_and_keeps_relations_and_values() -> None:
    old = ("# d1 2024-03-07\n"
           "[산업부]{MINISTRY=산업통상자원부}는 [2030년까지]{DATE=../2030-12-31} '[AI 전략]{INITIATIVE}'을 추진한다.\n"
           "[2030년]{DATE=2030}에는 1위가 된다.\n"
           "@ SCHEDULED_FOR AI 전략 > 2030년까지\n")
    new = markup.move_date_particles(old)
    assert "[2030년]{DATE=../2030-12-31#d1}까지" in new and "@ SCHEDULED_FOR AI 전략 > d1" in new
    doc = next(markup.parse(new.splitlines()))
    due = doc["entities"][doc["relations"][0]["tail"]]
    assert (due["text"], due["value"]) == ("2030년", "../2030-12-31")
    assert doc["text"].startswith("산업부는 2030년까지 'AI 전략'을")
