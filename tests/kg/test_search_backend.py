"""The search-backend interface: choosing a backend, pre-analysed terms, and the query
syntax both backends share."""
from __future__ import annotations

import pytest

from ingest.nlp.kiwi import analyze, index_forms, index_terms
from core.errors import SettingsError, StoreError
from kg.read.graph import KnowledgeGraph
from kg.search import BACKENDS, SearchBackend, detect_backend, open_index
from kg.search import query as Q
from kg.search.base import IndexDoc
from kg.settings import Settings

BODY = "산업부는 7일 'AI 자율제조 전략'을 발표했다. LG전자와 삼성전자가 참여한다."


def doc(n: int, body: str = BODY, **kw) -> IndexDoc:
    return IndexDoc(f"http://example.org/id/doc/{n}", f"k{n}", f"제목 {n}", body, "2024-03-07", "corpus/x.md", **kw)


@pytest.mark.parametrize("backend", BACKENDS)
def test_pre_analysed_terms_match_like_analysing(tmp_path, backend: str) -> None:
    """Terms from the NLP stage (index forms, or Kiwi Morphs) index exactly like the body."""
    a, b, c = (open_index(tmp_path / n, backend) for n in ("analysed", "forms", "morphs"))
    a.write([doc(1)])
    b.write([doc(1, terms=index_forms(analyze(BODY)))])
    c.write([doc(1, terms=analyze(BODY))])  # raw morphemes: filtered and normalised by the index
    for q in ("산업통상자원부", '"자율 제조"', "자율제조 LG전자", "발표", "삼성전자 NOT 반도체", "ai"):
        assert a.search(q).total == b.search(q).total == c.search(q).total == 1, q
    assert b.search("산업부").hits[0].snippet.count("<mark") == 1  # the stored text is the body
    for ix in (a, b, c):
        ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_given_terms_are_not_reanalysed(tmp_path, backend: str) -> None:
    ix = open_index(tmp_path / "ix", backend)
    ix.write([doc(1, body="본문의 다른 단어", terms=["반도체", "수소"])])
    assert ix.search("반도체").total == 1 and ix.search('"반도체 수소"').total == 1
    assert ix.search("단어").total == 0
    assert ix.search("반도체").hits[0].snippet == "본문의 다른 단어"
    ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_extraction_tokens_from_the_nlp_pipeline(tmp_path, backend: str) -> None:
    from ingest.nlp.pipeline import extract  # noqa: PLC0415

    ex = extract(BODY, "2024-03-07")
    assert ex.tokens == [m.form for m in index_terms(analyze(BODY))]
    ix = open_index(tmp_path / "ix", backend)
    ix.write([doc(1, terms=ex.tokens)])
    assert ix.search("산업부 자율제조").total == 1
    ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_reopen_and_detect(tmp_path, backend: str) -> None:
    ix = open_index(tmp_path / "ix", backend)
    assert isinstance(ix, SearchBackend) and ix.name == backend
    ix.write([doc(1), doc(2)])
    ix.close()
    assert detect_backend(tmp_path / "ix") == backend
    again = open_index(tmp_path / "ix", None, create=False)  # None: whatever built it
    assert again.name == backend and again.doc_count() == 2 and again.all_iris() == {doc(1).doc_iri, doc(2).doc_iri}
    other = "tantivy" if backend == "whoosh" else "whoosh"
    with pytest.raises(StoreError, match=f"built with {backend}"):
        open_index(tmp_path / "ix", other)
    again.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_missing_index_read_only(tmp_path, backend: str) -> None:
    with pytest.raises(StoreError, match="run `kg ingest` first"):
        open_index(tmp_path / "none", backend, create=False)


def test_setting_chooses_the_backend(tmp_path) -> None:
    assert Settings.from_env({}).search_backend == "auto"
    s = Settings.from_env({"KG_DATA_DIR": str(tmp_path), "KG_SEARCH_BACKEND": "Tantivy"})
    assert s.search_backend == "tantivy"
    with pytest.raises(SettingsError, match="KG_SEARCH_BACKEND"):
        Settings.from_env({"KG_SEARCH_BACKEND": "lucene"})
    with KnowledgeGraph(s) as kg:
        assert kg.index.name == "tantivy"
        kg.index.write([doc(1)])
        assert kg.search("산업부").total == 1
    assert detect_backend(s.index_dir) == "tantivy"
    # later, without the setting (another shell, `kg serve`): the index's own engine
    with KnowledgeGraph(Settings.from_env({"KG_DATA_DIR": str(tmp_path)}), read_only=True) as kg:
        assert kg.index.name == "tantivy" and kg.search("산업부").total == 1
    with pytest.raises(StoreError, match="built with tantivy"):   # a contradicting setting says so
        with KnowledgeGraph(s.with_(search_backend="whoosh"), read_only=True) as kg:
            kg.search("산업부")
    with KnowledgeGraph(Settings.from_env({"KG_DATA_DIR": str(tmp_path / "new")})) as kg:
        assert kg.index.name == "whoosh"                            # a new directory: whoosh
    with pytest.raises(SettingsError, match="unknown search backend"):
        open_index(tmp_path / "x", "lucene")


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_name_split_lower_cased_or_spelled_in_hangul_finds_it(tmp_path, backend: str) -> None:
    """'LG 전자', 'lg전자', '"LG 전자"' and '엘지전자' all find a document that writes LG전자;
    words that spell no name together are still ANDed."""
    ix = open_index(tmp_path / "ix", backend)
    ix.write([doc(1), doc(2, "전자 제품과 LG 트윈스 소식.")])
    try:
        for q in ("LG전자", "LG 전자", "lg전자", '"LG 전자"', "엘지전자", "LG 전자 OR 수소", "(LG 전자) NOT 수소"):
            assert [h.doc_iri for h in ix.search(q).hits] == ["http://example.org/id/doc/1"], q
        assert ix.search("산업 통상 자원부").total == 1
        assert ix.search("전자 트윈스").total == 1                     # no name: both words, as before
    finally:
        ix.close()


@pytest.mark.parametrize("text,expected", [
    ("", "Every()"),
    ("산업부 반도체 OR 이차전지", "And([산업통상자원부, Or([반도체, 이 차 전지])])"),
    ("a AND b OR c", "Or([And([a, b]), c])"),
    ("(자율제조 OR 수소) NOT 산업부", "And([Or([자율 제조, 수소]), Not(산업통상자원부)])"),
    ('"자율 제조"', '"자율 제조"'),
    ("반도체 OR", "And([반도체, or])"),
    ("title:반도체 클러*", "And([title:반도체, 클러*])"),
    ("LG 전자 OR 수소", "Or([LG전자, 수소])"),
    ('"LG 전자" 산업 통상 자원부', "And([LG전자, 산업통상자원부])"),
])
def test_query_syntax(text: str, expected: str) -> None:
    assert show(Q.parse(text)) == expected


def show(n) -> str:
    if isinstance(n, Q.Terms):
        s = " ".join(n.terms)
        s = f'"{s}"' if n.phrase else s
        return (n.fields[0] + ":" + s) if len(n.fields) == 1 else s
    if isinstance(n, Q.Prefix):
        return n.prefix + "*"
    if isinstance(n, (Q.And, Q.Or)):
        return f"{type(n).__name__}([{', '.join(show(i) for i in n.items)}])"
    if isinstance(n, Q.Not):
        return f"Not({show(n.item)})"
    return repr(n)


@pytest.mark.parametrize("backend", BACKENDS)
def test_facet_counts_follow_updates_and_deletions(tmp_path, backend: str) -> None:
    """Counts stay exact over several commits (segments), replaced and deleted documents
    and a reopened index; and the total is the number of matches, not of the page."""
    ix = open_index(tmp_path / "ix", backend)
    lg = {"http://example.org/id/company/LG전자": ("LG전자", "COMPANY")}
    moe = {"http://example.org/id/gov/산업통상자원부": ("산업통상자원부", "MINISTRY")}
    batch: list[IndexDoc] = []
    for n in range(30):  # three commits of ten: several segments
        if n % 10 == 0 and n:
            ix.write(batch)
        batch = [] if n % 10 == 0 else batch
        batch.append(doc(n, entities=lg if n % 2 else {**lg, **moe}, source_kind="뉴스" if n < 20 else "보도자료"))
    ix.write(batch)

    def counts(**kw) -> tuple[int, dict, dict]:
        r = ix.search("산업부", page_size=5, **kw)
        ents = {e["label"]: e["count"] for e in r.facets["entity"]}
        kinds = {k["value"]: k["count"] for k in r.facets["source_kind"]}
        return r.total, ents, kinds

    assert counts() == (30, {"LG전자": 30, "산업통상자원부": 15}, {"뉴스": 20, "보도자료": 10})
    # replace two documents (one loses 산업통상자원부), delete three
    ix.write([doc(0, entities=lg, source_kind="뉴스"), doc(2, entities=lg, source_kind="보도자료")],
             delete=[doc(n).doc_iri for n in (1, 3, 25)])
    assert counts() == (27, {"LG전자": 27, "산업통상자원부": 13}, {"뉴스": 17, "보도자료": 10})
    assert counts(types=["MINISTRY"])[:2] == (13, {"LG전자": 13, "산업통상자원부": 13})
    ix.close()
    ix = open_index(tmp_path / "ix", backend, create=False)
    assert counts() == (27, {"LG전자": 27, "산업통상자원부": 13}, {"뉴스": 17, "보도자료": 10})
    ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_newest_first_across_segments(tmp_path, backend: str) -> None:
    """Browsing (empty query) and sort=date list the newest documents first, whichever
    commit (segment) they came in."""
    ix = open_index(tmp_path / "ix", backend)
    dates = ["2023-05-01", "2024-11-30", "2021-01-02", "2024-02-29", "2022-12-31", "2024-11-29"]
    for k in range(0, len(dates), 2):  # three commits
        ix.write([IndexDoc(f"http://example.org/id/doc/{n}", f"k{n}", f"제목 {n}", BODY, dates[n], "corpus/x.md")
                  for n in (k, k + 1)])
    newest = sorted(dates, reverse=True)
    assert [h.date for h in ix.search("", page_size=4).hits] == newest[:4]
    assert [h.date for h in ix.search("", page=2, page_size=4).hits] == newest[4:]
    assert [h.date for h in ix.search("산업부", sort="date", page_size=10).hits] == newest
    ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_totals_and_facets_count_every_match_not_only_the_best(tmp_path, backend: str) -> None:
    """With many more matches than one page, and scores that differ (term frequency and
    length vary), the total and the facet counts still count every match: a top-N search
    may skip documents that cannot reach the page, but the counts must not."""
    ix = open_index(tmp_path / "ix", backend)
    lg = {"http://example.org/id/company/LG전자": ("LG전자", "COMPANY")}
    docs = []
    for n in range(240):
        body = " ".join(["반도체 공장을 짓는다."] * (1 + n % 7) + ["다른 이야기가 길게 이어진다."] * (n % 11))
        d = doc(n, body=body, entities=lg if n % 3 == 0 else {}, source_kind="뉴스" if n % 2 else "보도자료")
        if n % 10 == 0:  # some titles match too: the best score needs both fields
            d.title = f"반도체 소식 {n}"
        docs.append(d)
    for k in range(0, 240, 80):  # three segments
        ix.write(docs[k:k + 80])
    r = ix.search("반도체", page_size=5)
    assert r.total == 240 and len(r.hits) == 5
    assert {f["value"]: f["count"] for f in r.facets["source_kind"]} == {"뉴스": 120, "보도자료": 120}
    assert [e["count"] for e in r.facets["entity"]] == [80]
    assert ix.search("반도체 공장", page_size=5).total == 240
    assert ix.search("반도체 NOT 이야기", page_size=5).total == sum(1 for n in range(240) if n % 11 == 0)
    # the best page is still the best: a match in the title (boosted) and a short body
    top = ix.search("반도체", page_size=1).hits[0]
    assert top.title.startswith("반도체") and "이야기" not in top.snippet
    ix.close()


def test_whoosh_answers_as_its_own_collector_would(tmp_path) -> None:
    """The whoosh backend evaluates queries with arrays (kg.search.whoosh_arrays); its
    totals, ranking and scores are those of whoosh's own exhaustive collector, for every
    query form, over several segments with replaced and deleted documents."""
    import random

    from whoosh import collectors

    rng = random.Random(5)
    words = ["반도체", "수소", "경제", "산업부", "투자", "방송", "자율제조", "전략", "위원회", "예산", "LG전자", "공장"]
    ix = open_index(tmp_path / "ix", "whoosh")
    for commit in range(4):
        batch = []
        for k in range(60):
            n = commit * 60 + k
            body = " ".join(f"{rng.choice(words)}{rng.choice(['는', '를', '와', '의', ''])}" for _ in range(rng.randint(3, 40)))
            title = f"{rng.choice(words)} 소식" if n % 4 == 0 else f"제목 {n}"
            batch.append(IndexDoc(f"http://example.org/id/doc/{n}", f"k{n}", title, body, "2024-03-07", "corpus/x.md"))
        ix.write(batch, delete=[f"http://example.org/id/doc/{n}" for n in range(commit * 7, commit * 7 + 5)])
    queries = ["산업부", "반도체 투자", "반도체 OR 수소", "산업부 NOT 방송", '"반도체 공장"', '"수소 경제 투자"',
               '"반도체 반도체"', "반도*", "위원*", "title:수소", "(경제 OR 예산) NOT 위원회", "자율제조", "NOT 방송",
               "없는말", '"없는말 반도체"']
    with ix._searcher() as s:
        for text in queries:
            c = collectors.UnlimitedCollector()
            s.search_with_collector(ix.parse(text), c)
            want = sorted(c.items, key=lambda x: (-x[0], x[1]))
            got = ix.search(text, page_size=30, facets=False)
            assert got.total == len(want), text
            assert [h.doc_iri for h in got.hits] == [s.stored_fields(d)["doc_iri"] for _sc, d in want[:30]], text
            assert [round(h.score, 9) for h in got.hits] == [round(sc, 9) for sc, _d in want[:30]], text
    ix.close()


def test_an_index_without_facet_columns_still_counts_every_match(tmp_path) -> None:
    """An index made with schema version 1 (no facet columns) is searched by whoosh's
    own collectors, which must not skip matches either."""
    from whoosh import index as windex
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

    from kg.search.analysis import korean_analyzer
    from kg.search.whoosh_backend import WhooshIndex

    ana = korean_analyzer()
    v1 = Schema(doc_iri=ID(stored=True, unique=True), key=ID(stored=True),
                title=TEXT(analyzer=ana, stored=True, field_boost=2.0), body=TEXT(analyzer=ana, stored=True),
                date=ID(stored=True), year=ID(stored=True), source=ID(stored=True), url=STORED(),
                source_kind=ID(stored=True), entities=KEYWORD(stored=True, commas=True),
                entity_types=KEYWORD(stored=True, commas=True), entity_labels=STORED())
    (tmp_path / "ix").mkdir()
    windex.create_in(str(tmp_path / "ix"), v1)
    ix = WhooshIndex(tmp_path / "ix")
    lg = {"http://example.org/id/company/LG전자": ("LG전자", "COMPANY")}
    docs = []
    for n in range(120):
        d = doc(n, body=" ".join(["반도체 공장을 짓는다."] * (1 + n % 7) + ["다른 이야기."] * (n % 5)),
                entities=lg if n % 2 else {})
        if n % 10 == 0:
            d.title = f"반도체 소식 {n}"
        docs.append(d)
    ix.write(docs[:60])
    ix.write(docs[60:])
    for facets in (True, False):
        r = ix.search("반도체", page_size=5, facets=facets)
        assert r.total == 120 and len(r.hits) == 5 and r.hits[0].title.startswith("반도체")
    assert [e["count"] for e in ix.search("반도체").facets["entity"]] == [60]
    assert ix.search("반도체", page_size=5, types=["COMPANY"]).total == 60
    ix.close()


def test_whoosh_merges_segments_of_like_size_and_loses_nothing(tmp_path) -> None:
    """Many small commits (as a long ingest makes) are merged ten at a time, and merged
    segments answer exactly as one index written in one commit: the same totals, hits,
    facets and stored text, with replaced and deleted documents gone."""
    from kg.search.whoosh_backend import MERGE_FACTOR

    words = ["반도체", "수소", "경제", "산업부", "투자", "방송", "자율제조", "전략", "위원회", "예산"]
    lg = {"http://example.org/id/company/LG전자": ("LG전자", "COMPANY")}

    def make(n: int, version: int = 0) -> IndexDoc:
        body = " ".join(words[(n * 7 + k * 3 + version) % len(words)] for k in range(3 + n % 9))
        return doc(n, body=body, entities=lg if n % 4 == 0 else {}, source_kind="뉴스" if n % 2 else "보도자료")

    merged = open_index(tmp_path / "merged", "whoosh")
    final: dict[int, IndexDoc] = {}
    n = 0
    for commit in range(34):  # 3 documents a commit; every 5th commit replaces two and deletes one
        batch = [make(n + k) for k in range(3)]
        n += 3
        gone: list[int] = []
        if commit % 5 == 4:
            batch += [make(n - 9, version=1), make(n - 8, version=1)]
            gone = [n - 12]
        merged.write(batch, delete=[doc(g).doc_iri for g in gone])
        final.update({int(d.key[1:]): d for d in batch})
        for g in gone:
            final.pop(g, None)
        segments = merged.ix._segments()
        sizes = [s.doc_count() for s in segments]
        assert sum(sizes) == len(final)
        # a size class never holds more than MERGE_FACTOR segments: the tenth merges at the next commit
        assert all(sum(1 for s in sizes if len(str(s)) == k) <= MERGE_FACTOR for k in range(1, 4)), sizes
    assert len(merged.ix._segments()) < 34 // 2
    single = open_index(tmp_path / "single", "whoosh")
    single.write(list(final.values()))
    for q in ["반도체", "산업부 투자", "수소 OR 예산", "경제 NOT 방송", '"반도체 산업부"', "자율*", ""]:
        a, b = merged.search(q, page_size=200), single.search(q, page_size=200)
        assert a.total == b.total > 0, q
        assert sorted(h.doc_iri for h in a.hits) == sorted(h.doc_iri for h in b.hits), q
        assert {h.doc_iri: h.snippet for h in a.hits} == {h.doc_iri: h.snippet for h in b.hits}, q
        assert a.facets == b.facets, q
    assert merged.all_iris() == single.all_iris() == {d.doc_iri for d in final.values()}
    merged.close()
    single.close()


def test_whoosh_rare_terms_kept_in_the_term_table_answer_as_blocks_do(tmp_path, monkeypatch) -> None:
    """Terms with few postings are written into whoosh's term table (inlined), not as
    blocks of their own. An index written so answers exactly as one written the way
    whoosh writes: the same totals, ranking, scores, phrases, snippets and facets, over
    merges, replacements and deletions."""
    import random

    from kg.search import whoosh_backend as wb

    rng = random.Random(11)
    words = ["반도체", "수소", "경제", "산업부", "투자", "방송", "자율제조", "전략", "위원회", "예산", "LG전자", "공장"]
    rare = [f"희귀어{k}" for k in range(40)]
    lg = {"http://example.org/id/company/LG전자": ("LG전자", "COMPANY")}

    def batches() -> list[tuple[list[IndexDoc], list[str]]]:
        out = []
        for commit in range(12):
            batch = []
            for k in range(25):
                n = commit * 25 + k
                body = " ".join(rng.choice(words if rng.random() < 0.8 else rare) for _ in range(rng.randint(3, 30)))
                batch.append(doc(n, body=body, entities=lg if n % 3 == 0 else {}))
            gone = [doc(n).doc_iri for n in range(commit * 9, commit * 9 + 3)] if commit % 3 == 2 else []
            out.append((batch, gone))
        return out

    plan = batches()
    indexes = {}
    for name, inline in (("inlined", wb.INLINE_POSTINGS), ("blocks", 0)):
        monkeypatch.setattr(wb, "INLINE_POSTINGS", inline)
        monkeypatch.setattr(wb, "COMPRESS_MIN_POSTINGS", 8 if inline else 0)
        ix = indexes[name] = open_index(tmp_path / name, "whoosh")
        for batch, gone in plan:
            ix.write(batch, delete=gone)
    a, b = indexes["inlined"], indexes["blocks"]
    assert len(a.ix._segments()) < 12  # merges happened

    def inlined(ix) -> int:  # noqa: ANN001
        with ix._searcher() as s:
            r = s.leaf_searchers()[0][0].reader()
            return sum(r.term_info("body", t).is_inlined() for t in r.lexicon("body"))

    assert inlined(a) > 0 and inlined(b) == 0
    for q in ["희귀어3", "희귀어7 OR 희귀어8", '"희귀어1 반도체"', "희귀*", "반도체 투자", '"산업부 예산"', "수소 NOT 희귀어2",
              "title:제목", ""]:
        ra, rb = a.search(q, page_size=300), b.search(q, page_size=300)
        assert ra.total == rb.total, q
        assert [(h.doc_iri, round(h.score, 9), h.snippet) for h in ra.hits] == \
            [(h.doc_iri, round(h.score, 9), h.snippet) for h in rb.hits], q
        assert ra.facets == rb.facets, q
    assert a.search("희귀어3").total > 0
    assert a.all_iris() == b.all_iris()
    a.close()
    b.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_the_entity_facet_lists_the_most_mentioned_first_ties_by_iri(tmp_path, backend: str) -> None:
    """With more entities than the facet shows (FACET_ENTITIES), over several segments
    and a deletion, the facet lists the most mentioned entities with their exact counts,
    ties in IRI order, whatever the order documents came in."""
    from kg.search.base import FACET_ENTITIES

    ix = open_index(tmp_path / "ix", backend)
    iri = "http://example.org/id/company/회사{:03d}".format
    mentioned: dict[int, set[int]] = {}
    docs = []
    for n in range(300):
        # entity k is in the documents n with n % (k % 9 + 2) == 0: counts repeat (ties)
        ents = {k for k in range(130) if n % (k % 9 + 2) == 0 and (n + k) % 5}
        mentioned[n] = ents
        docs.append(doc(n, entities={iri(k): (f"회사{k:03d}", "COMPANY") for k in ents}))
    docs.reverse()
    for k in range(0, 300, 70):  # five segments
        ix.write(docs[k:k + 70])
    ix.write([], delete=[doc(n).doc_iri for n in (0, 6, 12)])
    for n in (0, 6, 12):
        mentioned.pop(n)
    counts: dict[str, int] = {}
    for ents in mentioned.values():
        for k in ents:
            counts[iri(k)] = counts.get(iri(k), 0) + 1
    expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_ENTITIES]
    r = ix.search("반도체 OR 산업부", page_size=5)
    assert r.total == 297
    assert [(e["value"], e["count"]) for e in r.facets["entity"]] == expected
    assert len(counts) > 2 * FACET_ENTITIES and len({n for _v, n in expected}) < FACET_ENTITIES  # ties shown
    ix.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_body_names_are_indexed_as_the_body_of_the_documents_date(tmp_path, backend: str) -> None:
    """'산업부' in a 2015 text is 산업통상자원부, in a 2026 one 산업통상부; '강원도' in 2020
    is 강원도, in 2024 강원특별자치도. A query for one body finds its own documents; the
    shared name finds both, and a snippet marks the name as written."""
    from kg.search.expand import expand  # noqa: PLC0415

    text = "산업부와 강원도는 7일 지역 산업 육성 계획을 발표했다."
    ix = open_index(tmp_path / "ix", backend)
    old = IndexDoc("http://example.org/id/doc/1", "k1", "제목 1", text, "2015-06-01", "corpus/x.md")
    new = IndexDoc("http://example.org/id/doc/2", "k2", "제목 2", text, "2026-06-01", "corpus/x.md",
                   terms=index_forms(analyze(text), "2026-06-01"))
    ix.write([old, new])
    iris = lambda q: sorted(h.doc_iri[-1] for h in ix.search(q).hits)  # noqa: E731
    assert iris("산업통상자원부") == ["1"] and iris("산업통상부") == ["2"]
    assert iris("강원특별자치도") == ["2"]
    assert iris(expand("산업부").text) == ["1", "2"] and iris(expand("강원도").text) == ["1", "2"]
    assert ">산업부</mark>" in ix.search("산업통상부").hits[0].snippet
    ix.close()
