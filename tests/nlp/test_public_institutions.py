"""Designated public institutions (공공기관 지정, 기획재정부) are government bodies by name:
a user finds 심평원 and 건강보험심사평가원 on one page, and 한국장학재단 is no private club."""
from __future__ import annotations

from ingest.nlp.gazetteer import load_gazetteer
from ingest.nlp.pipeline import extract

SENTENCE = ("건강보험심사평가원과 국립공원공단, 도로교통공단은 14일 한국장학재단과 업무협약을 맺었다. "
            "심평원은 aT, 한국고용정보원과 함께 축산물품질평가원을 찾았다.")


def test_designated_institutions_are_ministry_with_their_short_names() -> None:
    ents = extract(SENTENCE, "2024-03-07").entities
    bodies = [(e.text, e.canonical) for e in ents if e.type == "MINISTRY"]
    assert bodies == [
        ("건강보험심사평가원", "건강보험심사평가원"), ("국립공원공단", "국립공원공단"), ("도로교통공단", "도로교통공단"),
        ("한국장학재단", "한국장학재단"), ("심평원", "건강보험심사평가원"), ("aT", "한국농수산식품유통공사"),
        ("한국고용정보원", "한국고용정보원"), ("축산물품질평가원", "축산물품질평가원")]


def test_a_hall_named_after_an_institution_is_a_venue_and_a_common_misnaming_is_an_alias() -> None:
    ents = extract("김아무 한국도로교통공단 이사장은 양재동 aT센터 대회의실에서 설명회를 열었다.", "2024-03-07").entities
    found = {(e.text, e.type, e.canonical) for e in ents}
    assert ("한국도로교통공단", "MINISTRY", "도로교통공단") in found
    assert ("aT센터 대회의실", "LOCATION") in {(t, ty) for t, ty, _ in found}  # one venue, no mention of aT
    assert not any(t == "aT" for t, _, _ in found)


def test_renamed_institutions_keep_their_former_names_and_hospitals_stay_organisations() -> None:
    g = load_gazetteer()
    assert "국립공원관리공단" in g.by_canonical("국립공원공단").predecessors
    assert "대한지적공사" in g.by_canonical("한국국토정보공사").predecessors
    assert g.by_canonical("국립암센터").type == "ORGANIZATION"  # a hospital, as the guideline has it
    # short forms that are also common words or other bodies' names are no aliases
    assert not {"예보", "LX", "SR", "장학재단"} & set(g.alias_to_canonical)
