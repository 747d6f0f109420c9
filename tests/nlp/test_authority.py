"""The authority file: a name is read as the body that carried it on the document's date
(rename, merge, split, transfer of functions; before, on and after the day of each
change), and the data is consistent with itself."""
from __future__ import annotations

import datetime as dt

import pytest

from ingest.nlp.authority import load_authority, parse
from ingest.nlp.pipeline import extract


def _body(text: str, date: str | None) -> tuple[str | None, dict]:
    ex = extract(text, date)
    ents = [e for e in ex.entities if e.type == "MINISTRY"]
    assert ents, text
    return ents[0].canonical, ents[0].attrs


@pytest.mark.parametrize("text,date,body", [
    # rename: 지식경제부 → 산업통상자원부 (2013-03-23)
    ("지경부는 수출 대책을 발표했다.", "2012-05-10", "지식경제부"),
    ("산업부는 수출 대책을 발표했다.", "2013-03-23", "산업통상자원부"),
    ("산업부는 수출 대책을 발표했다.", "2015-06-01", "산업통상자원부"),
    ("산자부는 수출 대책을 발표했다.", "2005-03-02", "산업자원부"),
    # rename with a transfer of functions: 산업통상자원부 → 산업통상부, its energy policy
    # to 기후에너지환경부 (환경부 renamed), 2025-10-01
    ("산업부는 수출 대책을 발표했다.", "2025-09-30", "산업통상자원부"),
    ("산업부는 수출 대책을 발표했다.", "2025-10-01", "산업통상부"),
    ("산업부는 수출 대책을 발표했다.", "2026-03-01", "산업통상부"),
    ("산업통상자원부는 에너지 정책을 넘겼다.", "2026-03-01", "산업통상자원부"),
    ("환경부는 대기 대책을 발표했다.", "2025-09-30", "환경부"),
    ("기후부는 재생에너지 대책을 발표했다.", "2025-10-02", "기후에너지환경부"),
    # merge: 재정경제부 + 기획예산처 → 기획재정부 (2008-02-29)
    ("재정경제부는 세제 개편안을 발표했다.", "2007-08-01", "재정경제부 (1998–2008)"),
    ("재경부는 세제 개편안을 발표했다.", "2008-02-28", "재정경제부 (1998–2008)"),
    ("기획예산처는 예산안을 발표했다.", "2007-09-01", "기획예산처 (1999–2008)"),
    ("기재부는 세제 개편안을 발표했다.", "2008-02-29", "기획재정부"),
    ("기재부는 세제 개편안을 발표했다.", "2019-07-25", "기획재정부"),
    # split: 기획재정부 → 재정경제부 + 기획예산처 (2026-01-02)
    ("기재부는 예산안을 발표했다.", "2026-01-01", "기획재정부"),
    ("재정경제부는 세제 개편안을 발표했다.", "2026-01-02", "재정경제부"),
    ("재경부는 세제 개편안을 발표했다.", "2026-05-01", "재정경제부"),
    ("기획예산처는 예산안을 발표했다.", "2026-05-01", "기획예산처"),
    ("기획처는 예산안을 발표했다.", "2026-05-01", "기획예산처"),
    # split (2013): 교육과학기술부 → 교육부 + 미래창조과학부; upgrade: 중소기업청 → 중소벤처기업부
    ("교과부는 입시 대책을 발표했다.", "2012-11-01", "교육과학기술부"),
    ("교육부는 입시 대책을 발표했다.", "2005-11-01", "교육인적자원부"),
    ("교육부는 입시 대책을 발표했다.", "2014-11-01", "교육부"),
    ("중기청은 창업 지원책을 발표했다.", "2016-04-01", "중소기업청"),
    ("중기부는 창업 지원책을 발표했다.", "2017-07-26", "중소벤처기업부"),
    # a name carried by two bodies in turn: 행정안전부 (2008–2013) and 행정안전부 (2017–)
    ("행안부는 지방 대책을 발표했다.", "2010-01-05", "행정안전부 (2008–2013)"),
    ("행안부는 지방 대책을 발표했다.", "2020-01-05", "행정안전부"),
])
def test_a_name_is_read_as_of_the_documents_date(text: str, date: str, body: str) -> None:
    assert _body(text, date)[0] == body


@pytest.mark.parametrize("text,date,body,former", [
    # merge: 창원시·마산시·진해시 → 창원시 (2010-07-01)
    ("창원시는 산업 육성 계획을 발표했다.", "2010-06-30", "창원시 (1980–2010)", True),
    ("창원시는 산업 육성 계획을 발표했다.", "2010-07-01", "창원시", False),
    ("마산시는 산업 육성 계획을 발표했다.", "2009-03-01", "마산시", True),
    ("마산시는 산업 육성 계획을 발표했다.", "2015-03-01", "마산시", True),   # the former city, named later
    # merge: 청주시 + 청원군 → 청주시 (2014-07-01)
    ("청원군은 산업 육성 계획을 발표했다.", "2014-06-30", "청원군", True),
    ("청주시는 산업 육성 계획을 발표했다.", "2013-05-01", "청주시 (1949–2014)", True),
    ("청주시는 산업 육성 계획을 발표했다.", "2014-07-01", "청주시", False),
    # merge (with parts transferred): 연기군 → 세종특별자치시 (2012-07-01)
    ("연기군은 산업 육성 계획을 발표했다.", "2012-06-30", "연기군", True),
    ("세종시는 산업 육성 계획을 발표했다.", "2012-07-01", "세종특별자치시", False),
    # upgrade: 여주군 → 여주시 (2013-09-23), 당진군 → 당진시 (2012-01-01)
    ("여주군은 산업 육성 계획을 발표했다.", "2013-09-22", "여주군", True),
    ("여주시는 산업 육성 계획을 발표했다.", "2013-09-23", "여주시", False),
    ("당진군은 산업 육성 계획을 발표했다.", "2011-12-31", "당진군", True),
    # rename: 강원도 → 강원특별자치도 (2023-06-11); the old name still used after it
    ("강원도는 산업 육성 계획을 발표했다.", "2020-05-01", "강원도", True),
    ("강원도는 산업 육성 계획을 발표했다.", "2023-06-10", "강원도", True),
    ("강원도는 산업 육성 계획을 발표했다.", "2024-05-01", "강원특별자치도", False),
    ("전북은 산업 육성 계획을 발표했다.", "2023-05-01", "전라북도", True),
    ("전북은 산업 육성 계획을 발표했다.", "2024-01-18", "전북특별자치도", False),
    # rename: 인천 남구 → 미추홀구 (2018-07-01)
    ("미추홀구는 산업 육성 계획을 발표했다.", "2018-07-01", "미추홀구", False),
    # split: 인천 중구 → 제물포구·영종구 (2026-07-01)
    ("영종구는 산업 육성 계획을 발표했다.", "2026-07-01", "영종구", False),
    # move: 군위군 (경상북도 → 대구광역시, 2023-07-01) stays one body
    ("군위군은 산업 육성 계획을 발표했다.", "2022-05-01", "군위군", False),
    ("군위군은 산업 육성 계획을 발표했다.", "2024-05-01", "군위군", False),
])
def test_a_local_government_is_read_as_of_the_documents_date(text: str, date: str, body: str, former: bool) -> None:
    canonical, attrs = _body(text, date)
    assert canonical == body and bool(attrs.get("predecessor")) is former


def test_local_lineage_by_kind_of_change() -> None:
    auth = load_authority()
    assert auth.lineage("창원시") == ["창원시", "창원시 (1980–2010)", "마산시", "진해시"]          # merge
    assert auth.lineage("여주시") == ["여주시", "여주군"]                                         # upgrade
    assert auth.lineage("미추홀구") == ["미추홀구", "인천광역시 남구"]                              # rename
    assert auth.lineage("제물포구") == ["제물포구", "인천광역시 중구", "인천광역시 동구"]            # split + merge
    assert auth.successors("인천광역시 서구") == ["검단구"] and auth.bodies["인천광역시 서구"].current  # split, goes on
    assert "공주시" not in auth.lineage("세종특별자치시")  # parts of 공주시 were transferred; 공주시 goes on
    assert auth.lineage("세종특별자치시") == ["세종특별자치시", "연기군"]
    assert auth.lineage("제주특별자치도")[:2] == ["제주특별자치도", "제주도"]
    # move: 군위군 changes its metropolitan government, not its lineage
    gunwi = auth.bodies["군위군"]
    assert (gunwi.within_on("2023-06-30"), gunwi.within_on("2023-07-01")) == ("경상북도", "대구광역시")
    assert auth.lineage("군위군") == ["군위군"] and [e.kind for e in auth.events_of("군위군")] == ["move"]


def test_administrative_cities_are_not_taught_to_the_ruler() -> None:
    """제주시 and 서귀포시 were local governments until 2006 and are administrative cities
    of 제주특별자치도 since: the authority knows the former bodies, the gazetteer does not
    make the name a body."""
    from ingest.nlp.gazetteer import load_gazetteer  # noqa: PLC0415

    auth = load_authority()
    assert auth.resolve("제주시", "2005-01-01").body == "제주시 (–2006)"
    assert "제주시" not in load_gazetteer().alias_to_canonical


def test_a_document_without_a_date_is_read_as_of_today_and_says_so() -> None:
    body, attrs = _body("산업부는 수출 대책을 발표했다.", None)
    today = dt.date.today().isoformat()
    assert body == load_authority().resolve("산업부", today).body
    assert attrs["as_of"] == today
    _body2, dated = _body("산업부는 수출 대책을 발표했다.", "2024-03-04")
    assert "as_of" not in dated


def test_a_former_body_is_marked_as_a_predecessor() -> None:
    assert _body("지경부는 수출 대책을 발표했다.", "2012-05-10")[1].get("predecessor") is True
    assert not _body("산업부는 수출 대책을 발표했다.", "2026-05-10")[1].get("predecessor")


def test_lineage_follows_renames_merges_and_splits_not_transfers() -> None:
    auth = load_authority()
    assert auth.lineage("재정경제부") == ["재정경제부", "기획재정부", "재정경제부 (1998–2008)", "기획예산처 (1999–2008)"]
    assert auth.predecessors("산업통상부") == ["산업통상자원부"]
    assert "산업통상자원부" not in auth.lineage("기후에너지환경부")  # energy functions moved: a transfer
    assert auth.successors("기획재정부") == ["재정경제부", "기획예산처"]


# -- the data ------------------------------------------------------------------------
def _day_before(day: str) -> str:
    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def test_periods_meet_at_each_change() -> None:
    """A renamed, merged or split body ends the day before its change; the bodies it
    became start on that day."""
    auth = load_authority()
    for e in auth.events:
        for name in e.original:
            b = auth.bodies[name]
            if e.kind != "transfer" and b.end is not None and not any(
                    name in other.original and other.kind != "transfer" and other.date > e.date for other in auth.events):
                assert b.end == _day_before(e.date), (e.date, name)
        for name in e.resulting:
            b = auth.bodies[name]
            if e.kind != "transfer" and b.start:
                assert b.start == e.date, (e.date, name)


def test_every_body_and_event_says_where_its_dates_come_from() -> None:
    auth = load_authority()
    for b in auth.bodies.values():
        assert b.source or not b.certain or not (b.start or b.end), b.name
        assert b.certain or b.note, b.name
        assert b.start is None or b.end is None or b.start <= b.end, b.name
    for e in auth.events:
        assert e.source or not e.certain, (e.date, e.resulting)
        assert e.certain or e.note, (e.date, e.resulting)


def test_events_must_name_known_bodies() -> None:
    with pytest.raises(ValueError, match="모르는 기관"):
        parse({"body": [{"name": "가부"}], "event": [{"date": "2020-01-01", "kind": "rename", "from": ["가부"],
                                                      "to": ["나부"]}]})


def test_the_readme_table_of_names_is_in_step_with_the_data() -> None:
    from pathlib import Path

    from ingest.nlp.authority import DATA, short_name_table

    readme = (Path(DATA).parent / "README.md").read_text(encoding="utf-8")
    assert short_name_table() in readme, "regenerate the table: ingest.nlp.authority.short_name_table()"


@pytest.mark.parametrize("date,body", [("2025", "산업통상자원부"), ("2025-11", "산업통상부"),
                                       ("2015-06-01T09:00:00+09:00", "산업통상자원부")])
def test_partial_and_timed_document_dates(date: str, body: str) -> None:
    r = load_authority().resolve("산업부", date)
    assert r is not None and r.body == body and not r.assumed
