"""`kg saved …` and `kg calendar`: saved searches, saved queries, alerts and deadlines
(kg/write/saved.py, kg/write/alerts.py, kg/read/calendar.py) on the command line."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from core.errors import KGError
from kg.write.alerts import create_view
from kg.write.saved import PATTERNS, SavedViews, parse_since
from kg.settings import Settings

_DATA = click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory (KG_DATA_DIR).")


def _fail(e: Exception) -> None:
    raise click.ClickException(str(e))


def _entity(kg: Any, ref: str) -> str:
    if ref.startswith(("http://", "https://")):
        return ref
    iri = kg.resolve(ref)
    if not iri:
        raise click.ClickException(f"그런 이름의 개체가 없습니다: {ref} (no entity of that name; try `kg entities {ref}`)")
    return iri


@click.group()
def saved() -> None:
    """Saved searches, saved SPARQL queries and alerts on graph patterns: what is new since."""


@saved.command("add")
@click.argument("name")
@click.option("--search", "q", help="A search to follow (the same syntax as `kg search`).")
@click.option("--type", "types", multiple=True, help="With --search: only documents mentioning this entity type.")
@click.option("--from", "date_from", help="With --search: documents dated from YYYY-MM-DD.")
@click.option("--to", "date_to", help="With --search: documents dated up to YYYY-MM-DD.")
@click.option("--sparql", "query", help="A SPARQL SELECT to follow (@file reads it from a file): new rows are hits.")
@click.option("--pattern", type=click.Choice(sorted(PATTERNS)), help="A ready-made alert on --entity: "
              + "; ".join(f"{k}: {v[0]}" for k, v in PATTERNS.items()))
@click.option("--entity", help="With --pattern: the entity (a name, alias or IRI).")
@click.option("--email", help="Also e-mail new hits to this address (needs KG_SMTP_HOST).")
@_DATA
def add(name: str, q: str | None, types: tuple[str, ...], date_from: str | None, date_to: str | None,
        query: str | None, pattern: str | None, entity: str | None, email: str | None, data_dir: Path | None) -> None:
    """Save a search, a SPARQL query or a pattern alert under NAME; only what comes after is news."""
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415

    chosen = [x for x in (q, query, pattern) if x]
    if len(chosen) != 1:
        raise click.UsageError("--search, --sparql, --pattern 가운데 하나를 주세요 (give one of --search, --sparql, --pattern)")
    settings = Settings.from_env(data_dir=data_dir)
    try:
        with KnowledgeGraph(settings, read_only=True) as kg:
            if q:
                kind, spec = "search", {"q": q, "types": list(types), "from": date_from, "to": date_to}
            elif query:
                text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
                kind, spec = "sparql", {"query": text}
            else:
                if not entity:
                    raise click.UsageError("--pattern 에는 --entity 가 필요합니다 (--pattern needs --entity)")
                kind, spec = "pattern", {"pattern": pattern, "entity": _entity(kg, entity)}
            view = create_view(kg, name, kind, spec, email)
    except (KGError, OSError) as e:
        _fail(e)
        return
    click.echo(f"[{view.id}] {view.name}: {view.description} — 지금부터 새 소식을 모읍니다 (saved; new items from now on)")


@saved.command("list")
@click.option("--json", "as_json", is_flag=True)
@_DATA
def list_cmd(as_json: bool, data_dir: Path | None) -> None:
    """The saved views, with how many hits each has."""
    with SavedViews(Settings.from_env(data_dir=data_dir).data_dir) as sv:
        views, counts = sv.views(), sv.counts()
    if as_json:
        click.echo(json.dumps([{**v.to_json(), "hits": counts.get(v.id, 0)} for v in views], ensure_ascii=False, indent=2))
        return
    if not views:
        click.echo("저장한 검색·알림이 없습니다. `kg saved add`로 만드세요 (nothing saved yet)")
    for v in views:
        click.echo(f"[{v.id}] {v.name} · {v.description} · 새 소식 {counts.get(v.id, 0)}건" + (f" · ✉ {v.email}" if v.email else ""))


@saved.command("show")
@click.argument("ref")
@click.option("--since", help="Only hits found after this time (YYYY-MM-DD or ISO 8601).")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@_DATA
def show(ref: str, since: str | None, limit: int, as_json: bool, data_dir: Path | None) -> None:
    """What is new for one saved view (newest first), each with its document and sentence."""
    try:
        t = parse_since(since)
        with SavedViews(Settings.from_env(data_dir=data_dir).data_dir) as sv:
            view = sv.get(ref)
            hits = sv.hits(view, since=t, limit=limit)
    except KGError as e:
        _fail(e)
        return
    if as_json:
        click.echo(json.dumps({"view": view.to_json(), "hits": [h.to_json() for h in hits]}, ensure_ascii=False, indent=2))
        return
    click.echo(f"[{view.id}] {view.name} · {view.description}: {len(hits)}건")
    for h in hits:
        click.echo(f"- {h.summary}" + (f"\n    「{h.sentence}」" if h.sentence else "")
                   + (f"\n    {h.title or h.doc} ({h.date or '날짜 없음'})" if h.doc else ""))


@saved.command("remove")
@click.argument("ref")
@_DATA
def remove(ref: str, data_dir: Path | None) -> None:
    """Delete a saved view and its hits."""
    try:
        with SavedViews(Settings.from_env(data_dir=data_dir).data_dir) as sv:
            view = sv.remove(ref)
    except KGError as e:
        _fail(e)
        return
    click.echo(f"[{view.id}] {view.name}: 지웠습니다 (removed)")


@saved.command("run")
@_DATA
def run(data_dir: Path | None) -> None:
    """Evaluate every saved view now (an ingest does this at each publish; deadlines also
    change with the calendar, so run this daily, e.g. from cron, or let `kg watch run
    --forever` do it)."""
    from kg.write import alerts  # noqa: PLC0415
    from kg.write import notify  # noqa: PLC0415
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415

    settings = Settings.from_env(data_dir=data_dir)
    notes: list[str] = []
    with KnowledgeGraph(settings, read_only=True) as kg:
        found = alerts.evaluate(kg, notify=notify.mailer(settings, notes))
    click.echo(f"새 소식 {sum(map(len, found.values()))}건 (new hits)")
    for n in notes:
        click.echo(f"  참고: {n}", err=True)


@click.command("calendar")
@click.option("--entity", help="Only this initiative (a name, alias or IRI).")
@click.option("--status", type=click.Choice(["upcoming", "ongoing", "overdue", "past", "unknown"]), multiple=True)
@click.option("--ics", "ics", is_flag=True, help="Write iCalendar (.ics) to standard output.")
@click.option("--json", "as_json", is_flag=True)
@_DATA
def calendar(entity: str | None, status: tuple[str, ...], ics: bool, as_json: bool, data_dir: Path | None) -> None:
    """Scheduled dates of initiatives: upcoming and overdue deadlines across the graph."""
    from kg.read.calendar import STATUS_LABELS, deadlines, to_ics  # noqa: PLC0415
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415

    with KnowledgeGraph(Settings.from_env(data_dir=data_dir), read_only=True) as kg:
        items = deadlines(kg.store, entity=_entity(kg, entity) if entity else None, today=date.today())
    items = [i for i in items if not status or i["status"] in status]
    if ics:
        sys.stdout.buffer.write(to_ics(items, "정책 일정", link=lambda iri: iri))
        return
    if as_json:
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    for i in items:
        click.echo(f"{i['end'] or i['begin'] or '?':>10}  {STATUS_LABELS[i['status']]:<6} {i['label']}: {i['expression']}"
                   f"  (문서 {i['documents']}건)")
