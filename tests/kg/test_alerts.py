"""Saved searches, saved queries and alerts on graph patterns: evaluated at each publish
of a real ingest against what changed, with the sentence behind each hit; what the graph
said before a view was made is not news; e-mail through a real SMTP server on loopback."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from kg.write import alerts
from kg.read.calendar import deadlines, to_ics
from kg.write.changes import ChangeLog
from kg.read.graph import KnowledgeGraph
from kg.write.pipeline import ingest_paths, remove_document
from kg.write.saved import SavedError, SavedViews
from kg.settings import Settings
from tests.kgserve import free_port

FIRST = """---
title: 산업부, AI 자율제조 얼라이언스 출범
date: 2026-03-05
---
산업통상자원부는 5일 AI 자율제조 얼라이언스를 출범시켰다. 얼라이언스에는 LG전자와 마키나락스가 참여한다.
"""
SECOND = """---
title: AI 자율제조 얼라이언스에 현대자동차 합류
date: 2026-11-05
---
산업통상자원부는 5일 AI 자율제조 얼라이언스에 현대자동차와 HD현대가 새로 참여한다고 밝혔다. 반도체 기업도 함께한다.
얼라이언스는 2030년 12월까지 실증을 마친다.
"""
OTHER = """---
title: 과기정통부, 양자 전략 발표
date: 2026-11-06
---
과학기술정보통신부는 6일 양자 과학기술 전략을 발표했다.
"""


def _ingest(settings: Settings, path: Path) -> None:
    with KnowledgeGraph(settings) as kg:
        report = ingest_paths(kg, [path], workers=1)
    assert report.ok, report.failed


@pytest.fixture()
def world(tmp_path: Path) -> Iterator[tuple[Settings, Path]]:
    settings = Settings.from_env(data_dir=tmp_path / "data")
    (tmp_path / "docs").mkdir()
    first = tmp_path / "docs" / "first.md"
    first.write_text(FIRST, encoding="utf-8")
    _ingest(settings, first)
    yield settings, tmp_path / "docs"


def _make(settings: Settings, name: str, kind: str, spec: dict, email: str | None = None) -> int:
    with KnowledgeGraph(settings, read_only=True) as kg, SavedViews(settings.data_dir) as sv, \
            ChangeLog(settings.data_dir) as log:
        view = sv.add(name, kind, spec, cursor=log.last(), email=email)
        alerts.seed(kg, sv, view)
        return view.id


def _alliance(settings: Settings) -> str:
    with KnowledgeGraph(settings, read_only=True) as kg:
        iri = kg.resolve("AI 자율제조 얼라이언스")
    assert iri
    return iri


def test_new_participants_searches_and_rows_after_the_view_was_made(world: tuple[Settings, Path]) -> None:
    settings, docs = world
    alliance = _alliance(settings)
    joins = _make(settings, "얼라이언스 새 참여", "pattern", {"pattern": "joins", "entity": alliance})
    search = _make(settings, "반도체 소식", "search", {"q": "반도체"})
    rows = _make(settings, "참여 관계", "sparql", {"query": "SELECT ?c ?i WHERE { ?c kgo:participatesIn ?i }"})
    mentions = _make(settings, "얼라이언스 언급", "pattern", {"pattern": "mentions", "entity": alliance})
    with SavedViews(settings.data_dir) as sv:
        assert sv.hits() == []  # LG전자 and 마키나락스 took part before: not news

    (docs / "second.md").write_text(SECOND, encoding="utf-8")
    (docs / "other.md").write_text(OTHER, encoding="utf-8")
    _ingest(settings, docs)  # first.md unchanged, two new documents: evaluated at the publish

    with SavedViews(settings.data_dir) as sv:
        joined = sv.hits(sv.get(joins))
        assert sorted(h.summary.split(" → ")[0] for h in joined) == ["HD현대", "현대자동차"]
        assert all(h.sentence and "새로 참여" in h.sentence and h.title == "AI 자율제조 얼라이언스에 현대자동차 합류"
                   and h.date == "2026-11-05" for h in joined)
        assert joined[0].summary.endswith("→ 참여 → AI 자율제조 얼라이언스")
        assert [h.title for h in sv.hits(sv.get(search))] == ["AI 자율제조 얼라이언스에 현대자동차 합류"]
        new_rows = sv.hits(sv.get(rows))
        assert len(new_rows) == 2 and all("현대" in h.summary for h in new_rows)
        assert [h.title for h in sv.hits(sv.get(mentions))] == ["AI 자율제조 얼라이언스에 현대자동차 합류"]
        before = len(sv.hits(limit=100))

    _ingest(settings, docs)  # nothing changed: nothing new
    with SavedViews(settings.data_dir) as sv:
        assert len(sv.hits(limit=100)) == before


def test_deadline_alert_and_calendar(world: tuple[Settings, Path]) -> None:
    settings, docs = world
    alliance = _alliance(settings)
    view = _make(settings, "얼라이언스 일정", "pattern", {"pattern": "deadline", "entity": alliance})
    (docs / "second.md").write_text(SECOND, encoding="utf-8")
    _ingest(settings, docs / "second.md")
    with KnowledgeGraph(settings, read_only=True) as kg:
        items = deadlines(kg.store, today=date(2030, 12, 7))
        assert [(i["label"], i["expression"], i["end"], i["status"]) for i in items] == [
            ("AI 자율제조 얼라이언스", "2030년 12월", "2030-12-31", "upcoming")]
        assert deadlines(kg.store, today=date(2031, 1, 1))[0]["status"] == "overdue"
        ics = to_ics(items, "일정", link=lambda iri: iri).decode("utf-8")
        assert "BEGIN:VEVENT" in ics and "DTSTART;VALUE=DATE:20301231" in ics and "2030년 12월" in ics
        assert alerts.evaluate(kg, today=date(2030, 6, 1)) == {}      # seven months ahead: quiet
        soon = alerts.evaluate(kg, today=date(2030, 12, 7))
        assert [h.summary for h in soon[view]] == ["AI 자율제조 얼라이언스: 2030년 12월 — 기한이 다가옵니다 (D-24, 2030-12-31)"]
        assert alerts.evaluate(kg, today=date(2030, 12, 8)) == {}     # said once
        late = alerts.evaluate(kg, today=date(2031, 1, 2))
        assert "기한이 지났습니다" in late[view][0].summary and late[view][0].sentence


def test_removed_document_brings_no_hits(world: tuple[Settings, Path]) -> None:
    settings, docs = world
    _make(settings, "반도체", "search", {"q": "반도체"})
    (docs / "second.md").write_text(SECOND, encoding="utf-8")
    with KnowledgeGraph(settings) as kg:
        ingest_paths(kg, [docs / "second.md"], workers=1)
        with SavedViews(settings.data_dir) as sv:
            assert len(sv.hits()) == 1
        [doc] = [h.doc for h in SavedViews(settings.data_dir).hits()]
        assert remove_document(kg, doc)
        assert alerts.evaluate(kg) == {}


def test_bad_views_are_refused_clearly(tmp_path: Path) -> None:
    with SavedViews(tmp_path) as sv:
        with pytest.raises(SavedError, match="SELECT"):
            sv.add("x", "sparql", {"query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"}, cursor=0)
        with pytest.raises(SavedError, match="검색어"):
            sv.add("x", "search", {"q": " "}, cursor=0)
        with pytest.raises(SavedError, match="알림 유형"):
            sv.add("x", "pattern", {"pattern": "likes", "entity": "http://kg.test/id/company/x"}, cursor=0)
        with pytest.raises(SavedError, match="이름"):
            sv.add(" ", "search", {"q": "반도체"}, cursor=0)
        sv.add("반도체", "search", {"q": "반도체"}, cursor=0)
        with pytest.raises(SavedError, match="같은 이름"):
            sv.add("반도체", "search", {"q": "반도체"}, cursor=0)
        with pytest.raises(SavedError, match="전자우편"):
            sv.add("다른", "search", {"q": "반도체"}, cursor=0, email="not an address")


def test_alert_is_emailed_through_smtp(world: tuple[Settings, Path]) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list = []

    class Keep(Message):
        def handle_message(self, message) -> None:  # noqa: ANN001
            received.append(message)

    port = free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        base, docs = world
        settings = Settings.from_env(data_dir=base.data_dir, smtp_host="127.0.0.1", smtp_port=port,
                                     smtp_from="alerts@kg.test")
        _make(settings, "얼라이언스 새 참여", "pattern", {"pattern": "joins", "entity": _alliance(settings)},
              email="reporter@example.org")
        (docs / "second.md").write_text(SECOND, encoding="utf-8")
        _ingest(settings, docs / "second.md")
    finally:
        controller.stop()
    assert len(received) == 1
    msg = received[0]
    assert msg["To"] == "reporter@example.org" and msg["From"] == "alerts@kg.test"
    body = msg.get_payload(decode=True).decode("utf-8")
    assert "새 소식" in str(msg["Subject"]) or "새 소식" in body
    assert "현대자동차 → 참여 → AI 자율제조 얼라이언스" in body and "새로 참여한다고" in body
