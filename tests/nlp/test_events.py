"""Event identity across documents (ingest/nlp/events.py): a meeting reported by two
documents in other words is one node; two meetings of one day stay two."""
from __future__ import annotations

from ontology.mapping import entity_node
from ingest.nlp.pipeline import extract

BASE = "http://example.org/"


def _events(text: str, date: str) -> dict[str, set[str]]:
    """The event nodes of one document, each with the words that name it."""
    ex = extract(text, date)
    out: dict[str, set[str]] = {}
    for e in ex.entities:
        if e.type == "INITIATIVE" and e.attrs.get("kind") == "meeting":
            out.setdefault(str(entity_node(BASE, e)), set()).add(e.text)
    return out


def test_a_press_release_and_next_days_article_name_one_meeting() -> None:
    release = _events("산업통상자원부는 7일 강경성 1차관 주재로 LG전자, 마키나락스 등과 간담회를 열었다.", "2024-03-07")
    article = _events("강경성 산업통상자원부 1차관은 지난 7일 서울에서 기업 간담회를 주재했다. "
                      "이날 간담회에는 LG전자가 참석했다.", "2024-03-08")
    assert set(release) == set(article) and len(release) == 1
    assert next(iter(release)).endswith("간담회_(산업통상자원부,_2024-03-07)")


def test_two_meetings_of_one_day_held_by_two_bodies_stay_two() -> None:
    a = _events("산업통상자원부는 7일 안덕근 장관 주재로 반도체 기업 간담회를 열었다.", "2024-03-07")
    b = _events("중소벤처기업부는 7일 오영주 장관 주재로 간담회를 열었다.", "2024-03-07")
    assert len(a) == len(b) == 1 and set(a).isdisjoint(b)


def test_a_recurring_meeting_is_one_event_a_day_and_an_ordinal_one_by_its_name() -> None:
    first = _events("정부는 5일 국무회의에서 '새정부 에너지정책 방향'을 의결했다.", "2022-07-05")
    second = _events("산업통상자원부는 21일 국무회의에서 '반도체 초강대국 달성전략'을 보고했다.", "2022-07-21")
    assert len(first) == len(second) == 1 and set(first).isdisjoint(second)
    spaced = _events("정부는 '제 3차 산업정책 민관협의회'를 열었다.", "2024-05-01")
    tight = _events("정부는 10일 '제3차 산업정책 민관협의회'를 열고 논의했다.", "2024-05-11")
    assert set(spaced) == set(tight) and len(spaced) == 1


def test_the_series_of_a_numbered_meeting_keeps_its_own_name() -> None:
    ev = _events("산업부는 1일 '제3차 산업전략 원탁회의'를 열었다. 산업전략 원탁회의는 앞서 두 차례 열린 바 있다.",
                 "2022-11-01")
    assert sorted(n.rsplit("/", 1)[-1] for n in ev) == ["산업전략_원탁회의", "제3차_산업전략_원탁회의"]


def test_the_day_of_the_meeting_is_its_own_not_that_of_another_clause() -> None:
    ev = _events("지난해 12월 출범한 얼라이언스의 기업 간담회가 7일 서울에서 열렸다.", "2024-03-08")
    assert len(ev) == 1 and next(iter(ev)).endswith("2024-03-07)")
    undated = _events("산업통상자원부는 간담회를 열었다.", "2024-03-08")
    assert next(iter(undated)).endswith("간담회_(산업통상자원부,_2024-03-08)")  # the document's day


def test_unattributed_meetings_of_one_day_in_two_bodies_documents_stay_two() -> None:
    a = _events("환경부 관계자는 이날 간담회에서 의견을 들었다고 밝혔다.", "2024-03-07")
    b = _events("국토교통부 관계자는 간담회에서 업계 건의를 들었다고 말했다.", "2024-03-07")
    assert len(a) == len(b) == 1 and set(a).isdisjoint(b)
