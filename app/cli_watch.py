"""`kg watch …`: follow feeds and press-release listing pages (kg/write/watch.py, kg/write/watch_poll.py)."""
from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import click

from core.model import Document
from core.errors import KGError
from kg.settings import Settings
from kg.write.watch import DEFAULT_EVERY, Fetch, Source, WatchList, format_every, parse_every

log = logging.getLogger("kg.watch")


def _settings(data_dir: Path | None) -> Settings:
    return Settings.from_env(data_dir=data_dir)


def ingest_function(settings: Settings):  # noqa: ANN201 (kg.watch_poll.IngestFn)
    """Ingest fetched items through the normal pipeline, holding the writer lock only
    while it writes (a `kg ingest` or the upload queue can run between polls)."""
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415 (keeps `kg watch list` light)
    from kg.store.locks import WriterLock  # noqa: PLC0415
    from kg.write.pipeline import IngestReport, ingest_documents, ingest_paths  # noqa: PLC0415

    def ingest(urls: list[str], docs: list[Document], public_only: bool = False) -> tuple[int, list[tuple[str, str]]]:
        with WriterLock(settings.data_dir, "kg watch"), KnowledgeGraph(settings) as kg:
            report = ingest_paths(kg, urls, workers=1, public_only=public_only) if urls else IngestReport()
            if docs:
                ingest_documents(kg, docs, report=report)
        return report.ingested + report.updated + report.unchanged + report.identical, report.failed

    return ingest


def _line(source: Source, fetch: Fetch) -> str:
    mark = {"new": "새 항목", "unchanged": "변경 없음", "failed": "실패", "busy": "대기"}.get(fetch.status, fetch.status)
    return f"[{source.id}] {source.url}: {mark} — {fetch.message}"


@click.group()
def watch() -> None:
    """Follow feeds and press-release listing pages: new items are ingested as they appear."""


@watch.command("add")
@click.argument("urls", nargs=-1)
@click.option("--every", default=format_every(DEFAULT_EVERY), show_default=True,
              help="How often to look: 30m, 1h, 1d (at least 1m).")
@click.option("--from-file", "from_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Add the addresses in a file (one a line, or TSV with the address first; # comments).")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory (KG_DATA_DIR).")
def add(urls: tuple[str, ...], every: str, from_file: Path | None, data_dir: Path | None) -> None:
    """Watch feeds (RSS/Atom) or listing pages: URLS are polled every --every."""
    listed = list(urls)
    if from_file:
        for line in from_file.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if line:
                listed.append(line.split("\t", 1)[0].strip())
    if not listed:
        raise click.UsageError("지켜볼 주소를 하나 이상 주세요 (give at least one address, or --from-file)")
    try:
        seconds = parse_every(every)
        with WatchList(_settings(data_dir).data_dir) as wl:
            for url in listed:
                s = wl.add(url, seconds)
                click.echo(f"[{s.id}] {s.url}: {format_every(s.every)}마다 확인합니다 (watching every {format_every(s.every)})")
    except KGError as e:
        raise click.ClickException(str(e)) from None


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory (KG_DATA_DIR).")
def list_cmd(as_json: bool, data_dir: Path | None) -> None:
    """The watched sources with their state: last check, last error, items ingested."""
    with WatchList(_settings(data_dir).data_dir) as wl:
        sources = wl.sources()
    if as_json:
        click.echo(json.dumps([s.to_json() for s in sources], ensure_ascii=False, indent=2))
        return
    if not sources:
        click.echo("지켜보는 출처가 없습니다. `kg watch add URL`로 더하세요 (no watched sources)")
        return
    for s in sources:
        d = s.to_json()
        state = {"new": "정상", "unchanged": "정상", "failed": f"실패 {s.failures}회"}.get(s.last_status or "", "아직 확인 전")
        click.echo(f"[{s.id}] {s.url}\n    주기 {d['every']} · 상태 {state} · 마지막 확인 {d['last_checked'] or '-'} · "
                   f"다음 확인 {d['next_due']} · 수집 {s.items_total}건")
        if s.last_error:
            click.echo(f"    마지막 오류: {s.last_error}")


@watch.command("remove")
@click.argument("refs", nargs=-1, required=True)
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory (KG_DATA_DIR).")
def remove(refs: tuple[str, ...], data_dir: Path | None) -> None:
    """Stop watching sources (by number or address); what they brought stays in the graph."""
    try:
        with WatchList(_settings(data_dir).data_dir) as wl:
            for ref in refs:
                s = wl.remove(ref)
                click.echo(f"[{s.id}] {s.url}: 더 이상 지켜보지 않습니다 (no longer watched)")
    except KGError as e:
        raise click.ClickException(str(e)) from None


@watch.command("run")
@click.argument("refs", nargs=-1)
@click.option("--forever", is_flag=True, help="Keep polling each source on its schedule (Ctrl-C stops).")
@click.option("--data-dir", type=click.Path(path_type=Path), default=None, help="Data directory (KG_DATA_DIR).")
def run(refs: tuple[str, ...], forever: bool, data_dir: Path | None) -> None:
    """Poll now: every source (or those named), once; with --forever, on schedule."""
    from kg.write import watch_poll  # noqa: PLC0415

    settings = _settings(data_dir)
    ingest = ingest_function(settings)
    with WatchList(settings.data_dir) as wl:
        if not forever:
            try:
                sources = [wl.get(r) for r in refs] if refs else wl.sources()
            except KGError as e:
                raise click.ClickException(str(e)) from None
            if not sources:
                click.echo("지켜보는 출처가 없습니다. `kg watch add URL`로 더하세요 (no watched sources)")
            failed = 0
            for s in sources:
                fetch = watch_poll.poll(wl, s, ingest)
                failed += fetch.status == "failed"
                click.echo(_line(s, fetch))
            if failed:
                raise SystemExit(1)
            return
        _forever(wl, ingest, settings)


def schedule(scheduler: object, wl: WatchList, ingest: object, tick: float | None = None,
             settings: Settings | None = None) -> None:
    """Add the polling job to an APScheduler scheduler: every `tick` seconds it polls the
    sources that are due (each on its own interval, failing ones backing off)."""
    import datetime  # noqa: PLC0415
    from kg.write import watch_poll  # noqa: PLC0415

    def poll_due() -> None:
        watch_poll.run_due(wl, ingest, report=lambda s, f: click.echo(f"{time.strftime('%H:%M:%S')} {_line(s, f)}"))

    scheduler.add_job(poll_due, "interval", seconds=tick or watch_poll.TICK, id="watch-tick", max_instances=1,
                      coalesce=True, next_run_time=datetime.datetime.now().astimezone())
    if settings is not None:  # deadlines come closer without any new document: look every hour
        scheduler.add_job(lambda: evaluate_alerts(settings), "interval", hours=1, id="alerts", max_instances=1,
                          coalesce=True, next_run_time=datetime.datetime.now().astimezone())


def evaluate_alerts(settings: Settings) -> None:
    from kg.write import alerts  # noqa: PLC0415
    from kg.write import notify  # noqa: PLC0415
    from kg.read.graph import KnowledgeGraph  # noqa: PLC0415

    try:
        with KnowledgeGraph(settings, read_only=True) as kg:
            found = alerts.evaluate(kg, notify=notify.mailer(settings))
    except KGError as e:
        click.echo(f"{time.strftime('%H:%M:%S')} 알림 평가 실패 (alerts not evaluated): {e}", err=True)
        return
    if found:
        click.echo(f"{time.strftime('%H:%M:%S')} 알림: 새 소식 {sum(map(len, found.values()))}건")


def _forever(wl: WatchList, ingest: object, settings: Settings) -> None:
    from apscheduler.schedulers.blocking import BlockingScheduler  # noqa: PLC0415

    scheduler = BlockingScheduler()
    schedule(scheduler, wl, ingest, settings=settings)
    click.echo(f"출처 {len(wl.sources())}곳을 일정대로 확인합니다. 멈추려면 Ctrl-C "
               f"(polling {len(wl.sources())} sources on schedule; Ctrl-C stops)", err=True)
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        click.echo("멈췄습니다 (stopped)", err=True)
