"""The entity page's sections: announced initiatives with participants and dates,
schedules with their status, the timeline, co-occurring entities, and the overview of
an initiative or a meeting (who announced, took part, led)."""
from __future__ import annotations

import csv
import io
import re
from datetime import date

MOTIE = "/id/gov/산업통상자원부"
ALLIANCE = "/id/initiative/AI_자율제조_얼라이언스"


def section(page: str, sid: str) -> str:
    m = re.search(rf'<section id="{sid}".*?(?=<section id="|</article>)', page, re.S)
    assert m, f"no section #{sid}"
    return m.group(0)


def test_ministry_page_answers_what_it_announced(client, corpus) -> None:
    page = client.get(MOTIE).get_data(as_text=True)
    announced = section(page, "announced")
    assert "AI 자율제조 전략" in announced and f'datetime="{corpus.ai.date}"' in announced
    # companies of the announcing document, kept apart from extracted participation
    assert "발표 문서에 함께 나온 기업·기관" in announced and "마키나락스" in announced
    assert '<a href="#announced">' in page                      # table of contents
    data = client.get(MOTIE + ".json").get_json()
    (row,) = [a for a in data["announced"] if a["label"] == "AI 자율제조 전략"]
    assert row["announced"] == corpus.ai.date and row["evidence"][0]["document_page"] == corpus.path(corpus.ai)
    assert "마키나락스" in {p["label"] for p in row["named_with"]}


def test_co_occurring_entities_with_counts_and_links(client, corpus) -> None:
    page = client.get(MOTIE).get_data(as_text=True)
    co = section(page, "cooccurring")
    assert "마키나락스" in co and "/path?from=" in co and "entity=" in co
    data = client.get(MOTIE + ".json").get_json()["cooccurring"]
    counts = {c["label"]: c["documents"] for c in data}
    assert counts["마키나락스"] == 1 and counts["LG에너지솔루션"] == 1   # one document each
    assert all(c["iri"] != corpus.base + MOTIE.lstrip("/") for c in data)
    assert [c["documents"] for c in data] == sorted((c["documents"] for c in data), reverse=True)


def test_timeline_lists_documents_and_schedules_in_order(client, corpus) -> None:
    data = client.get(ALLIANCE + ".json").get_json()
    items = data["timeline"]
    assert [i["date"] for i in items] == sorted(i["date"] for i in items)
    kinds = {i["kind"] for i in items}
    assert kinds == {"document", "schedule"}
    sched = next(i for i in items if i["kind"] == "schedule")
    assert sched["date"] == f"{corpus.year}-12-31" and sched["deadline"] and sched["expression"] == "연내"
    page = client.get(ALLIANCE).get_data(as_text=True)
    tl = section(page, "timeline")
    assert f"<h3 class=\"year\">{corpus.year}년</h3>" in tl and "기한" in tl


def test_schedule_status_relative_to_today(client, corpus) -> None:
    data = client.get(ALLIANCE + ".json").get_json()
    (s,) = data["schedules"]
    assert s["status"] == "upcoming" and s["range"] == f"{corpus.year}년 말까지"  # 연내: by the end of the year, in words
    assert data["this_year"] == [s] and data["today"] == date.today().isoformat()
    later = client.get(ALLIANCE + ".json", query_string={"today": f"{corpus.year + 1}-01-15"}).get_json()
    assert later["schedules"][0]["status"] == "overdue" and later["this_year"] == []
    page = client.get(ALLIANCE, query_string={"today": f"{corpus.year + 1}-01-15"}).get_data(as_text=True)
    assert '<span class="status status-overdue">기한 지남</span>' in section(page, "schedule")
    assert client.get(ALLIANCE, query_string={"today": "soon"}).status_code == 400


def test_initiative_overview_says_who_announced_it(client) -> None:
    page = client.get(ALLIANCE).get_data(as_text=True)
    ov = section(page, "overview")
    assert "<dt>발표 기관</dt>" in ov and "대한민국 정부" in ov
    data = client.get(ALLIANCE + ".json").get_json()["initiative"]
    assert [p["label"] for p in data["announced_by"]] == ["대한민국 정부"]
    assert "출범할 계획이다" in data["announced_by"][0]["evidence"][0]["sentence"]


def test_meeting_page_says_who_led_and_who_took_part(client, corpus) -> None:
    path = f"/id/event/간담회_(산업통상자원부,_{corpus.year}-03-07)"
    data = client.get(path + ".json").get_json()["initiative"]
    assert [p["label"] for p in data["led_by"]] == ["강경성"]
    assert {"LG전자", "LS일렉트릭", "마키나락스"} <= {p["label"] for p in data["participants"]}
    meeting = next(m for m in data["meetings"] if m["page"] == path)
    assert [w["label"] for w in meeting["leaders"]] == ["강경성"] and "주재" in meeting["leaders"][0]["sentence"]
    page = client.get(path).get_data(as_text=True)
    assert "관련 회의·행사" in section(page, "overview")


def test_entity_csv_lists_relations_with_sentences(client, corpus) -> None:
    r = client.get(MOTIE + ".csv")
    assert r.status_code == 200 and r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    (row,) = [x for x in rows if x["property"] == "kgo:announces"]
    assert row["other_label"] == "AI 자율제조 전략" and row["document"] == corpus.iri(corpus.ai)
    assert "발표했다" in row["sentence"]


def test_entities_csv(client) -> None:
    r = client.get("/entities.csv", query_string={"q": "MOTIE"})
    rows = list(csv.reader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["iri", "label", "type", "documents"] and rows[1][1] == "산업통상자원부"
