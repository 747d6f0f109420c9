"""Document and entity pages, their JSON twins, and entity lookup."""
from __future__ import annotations

import csv
import html as htmllib
import io
import re
from urllib.parse import quote

import pytest

KGO = "https://w3id.org/kor-policy-kg/ont#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def doc_text_of(page: str) -> str:
    """The text inside the page's <div class="doc-text">, tags removed, entities decoded."""
    inner = re.search(r'<div class="doc-text">(.*?)</div>', page, re.S).group(1)
    return htmllib.unescape(re.sub(r"<[^>]+>", "", inner))


# -- documents ----------------------------------------------------------------------
def test_document_page_marks_mentions_with_links(client, corpus) -> None:
    r = client.get(corpus.path(corpus.ai))
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    assert f"<h1 id=\"doc-title\">{corpus.ai.title}</h1>" in page
    inner = re.search(r'<div class="doc-text">(.*?)</div>', page, re.S).group(1)
    links = re.findall(r'<a class="m m-(\w+)" href="(/id/[^"]+)"[^>]*>([^<]+)</a>', inner)
    assert links, "no mention is linked"
    assert ("ministry", "/id/gov/산업통상자원부", "산업통상자원부") in links
    # slicing at the offsets neither loses nor repeats any text
    assert doc_text_of(page) == corpus.ai.text
    # the entity list links the same entities, grouped by type
    assert '<a class="ent ent-ministry" href="/id/gov/산업통상자원부">산업통상자원부</a>' in page
    assert "<h3>기업" in page


def test_document_title_and_text_are_escaped(client, corpus) -> None:
    page = client.get(corpus.path(corpus.script)).get_data(as_text=True)
    assert "<script>" not in page and "<b>태그</b>" not in page
    assert "반도체 &lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt; 지원 방안" in page
    assert doc_text_of(page) == corpus.script.text


def test_document_json_twin(client, corpus) -> None:
    path = corpus.path(corpus.ai)
    by_suffix = client.get(path + ".json")
    by_accept = client.get(path, headers={"Accept": "application/json"})
    assert by_suffix.status_code == 200 and by_suffix.content_type.startswith("application/json")
    data = by_suffix.get_json()
    assert data == by_accept.get_json()
    assert data["iri"] == corpus.iri(corpus.ai) and data["title"] == corpus.ai.title
    assert data["text"] == corpus.ai.text and data["date"] == corpus.ai.date
    for m in data["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(data["text"])
    assert any(e["iri"] == corpus.base + "id/gov/산업통상자원부" and e["type"] == "MINISTRY" for e in data["entities"])


@pytest.mark.parametrize("path", ["/id/doc/0000000000000000", "/id/doc/bad%3Eid", "/id/nothing/x"])
def test_missing_pages_are_korean_404s(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "찾을 수 없습니다" in r.get_data(as_text=True)
    j = client.get(path + ".json")
    assert j.status_code == 404 and j.get_json()["status"] == 404


# -- entities -----------------------------------------------------------------------
def test_entity_page_shows_all_names_and_documents(client, corpus) -> None:
    r = client.get("/id/gov/산업통상자원부")
    page = r.get_data(as_text=True)
    assert r.status_code == 200
    assert '<h1 id="ent-title">산업통상자원부</h1>' in page and "정부기관" in page
    for name in ("Ministry of Trade, Industry and Energy", "산업부", "MOTIE", "산자부"):
        assert name in page
    assert "지식경제부" in page                                   # predecessor (gazetteer)
    docs = re.search(r'<ol class="docs">(.*?)</ol>', page, re.S).group(1)
    dates = re.findall(r'datetime="([\d-]+)"', docs)
    assert dates == sorted(dates, reverse=True)                   # newest first
    assert f'href="{corpus.path(corpus.ai)}"' in docs


def test_entity_page_lists_relations_with_their_sentence(client, kg, corpus) -> None:
    rows = kg.store.select(f"""
        SELECT ?s ?sentence ?doc WHERE {{ GRAPH ?doc {{ ?r <{RDF}subject> ?s ;
          <{KGO}inSentence>/<{KGO}text> ?sentence . FILTER(STRSTARTS(STR(?s), "{corpus.base}id/")) }} }}""")
    assert rows, "the pipeline extracted no relation from the test corpus"
    for row in rows:
        path = str(row["s"])[len(corpus.base) - 1:]
        page = client.get(path).get_data(as_text=True)
        evidence = [htmllib.unescape(s) for s in re.findall(r"<blockquote>(.*?)</blockquote>", page, re.S)]
        assert str(row["sentence"]).strip() in evidence
        assert f'href="{str(row["doc"])[len(corpus.base) - 1:]}"' in page


def test_ministry_announcement_is_shown_with_its_sentence(client) -> None:
    page = client.get("/id/gov/산업통상자원부").get_data(as_text=True)
    group = re.search(r'<section id="announced".*?</section>', page, re.S)  # (once: not again under 관계)
    assert group, "산업통상자원부 has no kgo:announces relation"
    assert "AI 자율제조 전략" in group.group(0)
    assert "산업통상자원부는 7일 &#39;AI 자율제조 전략&#39;을 발표했다." in group.group(0)


def test_entity_json_twin(client) -> None:
    by_suffix = client.get("/id/gov/산업통상자원부.json")
    by_accept = client.get("/id/gov/산업통상자원부", headers={"Accept": "application/json"})
    assert by_suffix.status_code == 200
    data = by_suffix.get_json()
    assert data == by_accept.get_json()
    assert data["label"] == "산업통상자원부" and data["type"] == "MINISTRY"
    assert {"value": "MOTIE", "lang": "en"} in data["alt_labels"]
    assert any(p["label"] == "지식경제부" for p in data["predecessors"])
    assert all({"direction", "property", "other", "sentence", "document"} <= set(r) for r in data["relations"])


def test_entity_names_are_requoted_like_iris(client, kg, corpus) -> None:
    rows = kg.store.select(f"""SELECT DISTINCT ?e WHERE {{ ?d <{KGO}mentions> ?e .
        FILTER(CONTAINS(STR(?e), "_")) }} LIMIT 1""")
    assert rows, "no entity with a space in its name"
    path = str(rows[0]["e"])[len(corpus.base) - 1:]              # /id/initiative/AI_자율제조_전략
    with_spaces = path.replace("_", " ")
    for p in (path, with_spaces, quote(path), quote(with_spaces)):
        r = client.get(p)
        assert r.status_code == 200, p
        assert r.get_data(as_text=True).count(str(rows[0]["e"])) >= 1


def test_entity_search_page_and_lookup_api(client, corpus) -> None:
    page = client.get("/entities", query_string={"q": "MOTIE"}).get_data(as_text=True)
    assert 'href="/id/gov/산업통상자원부"' in page
    data = client.get("/api/lookup", query_string={"q": "산업부"}).get_json()
    assert data[0]["iri"] == corpus.base + "id/gov/산업통상자원부"
    assert data[0]["page"] == "/id/gov/산업통상자원부" and data[0]["type"] == "MINISTRY"
    assert data[0]["documents"] >= 1
    assert client.get("/api/lookup").get_json() == []
    assert client.get("/entities.json", query_string={"q": "MOTIE"}).get_json()["results"][0]["label"] == "산업통상자원부"


def test_schedule_relation_shows_the_expression_and_value(client, corpus) -> None:
    page = client.get("/id/initiative/AI_자율제조_얼라이언스").get_data(as_text=True)
    group = re.search(r"<h3>일정·기한.*?</section>", page, re.S)
    assert group, "the initiative has no kgo:scheduledFor relation"
    assert "연내" in group.group(0) and f"{corpus.year}-12-31" in group.group(0)
    assert "정부는 연내 &#39;AI 자율제조 얼라이언스&#39;를 출범할 계획이다." in group.group(0)


def test_entity_names_from_documents_are_escaped_everywhere(client, kg, corpus) -> None:
    rows = kg.store.select("""SELECT DISTINCT ?e ?l WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l .
        FILTER(CONTAINS(STR(?l), "<")) }""")
    if not rows:
        pytest.skip("the pipeline made no entity whose name holds markup")
    iri, name = str(rows[0]["e"]), str(rows[0]["l"])
    pages = [client.get(iri[len(corpus.base) - 1:]), client.get(corpus.path(corpus.script)),
             client.get("/search", query_string={"q": "반도체"}), client.get("/entities", query_string={"q": "반도체"}),
             client.get("/id/gov/기획재정부")]
    for r in pages:
        assert r.status_code == 200
        page = r.get_data(as_text=True)
        assert "<script>alert" not in page                       # our own <script src=…> tags only
        assert all(re.fullmatch(r'<script src="/(static|vendor)/[\w./-]+\.js" defer>', s)
                   for s in re.findall(r"<script[^>]*>", page))
    assert htmllib.escape(name, quote=True) in pages[0].get_data(as_text=True)


def test_document_csv_lists_mentions(client, corpus) -> None:
    r = client.get(corpus.path(corpus.ai) + ".csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert all(corpus.ai.text[int(m["start"]):int(m["end"])] == m["text"] for m in rows)
    assert any(m["entity"] == corpus.base + "id/gov/산업통상자원부" for m in rows)
    assert f'href="{corpus.path(corpus.ai)}.csv"' in client.get(corpus.path(corpus.ai)).get_data(as_text=True)



def test_a_document_lists_its_relations_under_the_sentence_each_came_from(client, corpus) -> None:
    data = client.get(corpus.path(corpus.ai) + ".json").get_json()
    facts = [(r["subject_label"], r["property_label"], r["object_label"], r["value"]) for r in data["relations"]]
    assert ("산업통상자원부", "발표", "AI 자율제조 전략", None) in facts
    assert ("LG전자", "참여", "간담회 (산업통상자원부, " + corpus.ai.date + ")", None) in facts
    assert ("AI 자율제조 얼라이언스", "일정", "연내", f"../{corpus.year}-12-31") in facts
    first = data["relations"][0]
    assert first["sentence"]["text"] == corpus.ai.text[first["sentence"]["start"]:first["sentence"]["end"]]
    starts = [r["sentence"]["start"] for r in data["relations"]]
    assert starts == sorted(starts)                                # in the order of the text
    page = client.get(corpus.path(corpus.ai)).get_data(as_text=True)
    section = re.search(r'<section id="relations".*?</section>', page, re.S).group(0)
    assert f"{len(facts)}건" in section
    assert section.count("<blockquote>") == len({r["sentence"]["start"] for r in data["relations"]})  # each once
    assert '<a href="/id/gov/산업통상자원부">산업통상자원부</a>' in section and '<span class="rel">발표</span>' in section
    assert "연내</a>" not in section                                # a date is no page
