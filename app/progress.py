"""The progress display of `kg ingest`: a bar on a terminal, plain lines in a log, and
the end-of-run report (summary, notes, warnings, failures and their files)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

FAILURES_FILE = "ingest-failures.tsv"
WARNINGS_FILE = "ingest-warnings.tsv"
WARNINGS_SHOWN = 10  # on screen; the file has all


class Progress:
    """A progress bar on a terminal (files, documents, characters/s, ETA); plain log
    lines otherwise, so CI logs and pipes stay readable: one per document, and a status
    line with the same figures every STATUS_SECONDS. Each line is flushed as written, so
    a log file keeps every line printed before a kill -9."""

    STATUS_SECONDS = 10.0

    def __init__(self, tty: bool) -> None:
        self.tty = tty
        self.start = time.perf_counter()
        self.last = 0.0
        self.last_status = self.start
        self.rep: Any = None

    def __call__(self, event: str, doc: Any, rep: Any) -> None:
        now = time.perf_counter()
        self.rep = rep
        name = doc.key if doc is not None else (rep.failed[-1][0] if rep.failed else "")
        if not self.tty:
            line = f"{event}\t{name}\n"
            if now - self.last_status >= self.STATUS_SECONDS:
                self.last_status = now
                line += "진행\t" + self.status(rep, now) + "\n"
            click.echo(line, err=True, nl=False)  # click.echo flushes
            return
        if now - self.last < 0.1 and event != "failed":
            return
        self.last = now
        self.draw(rep, now)

    def draw(self, rep: Any, now: float) -> None:
        bar = "#" * int(rep.fraction * 24)
        click.echo("\r\033[K" + f"[{bar:<24s}] " + self.status(rep, now), nl=False, err=True)

    def status(self, rep: Any, now: float) -> str:
        """파일 1/1 · 문서 41,040 · 150.3 문서/s · 81,000 자/s · 67% · 남은 시간 2:10"""
        elapsed = max(now - self.start, 1e-6)
        frac = rep.fraction
        line = (f"파일 {rep.files_done}/{rep.files_total} · 문서 {rep.documents:,} · "
                f"{(rep.ingested + rep.updated) / elapsed:,.1f} 문서/s · {rep.chars / elapsed:,.0f} 자/s · {frac:.0%}")
        if 0.01 <= frac < 1.0:  # too early for an estimate before that
            eta = round(elapsed / frac - elapsed)
            line += f" · 남은 시간 {eta // 3600}:{eta // 60 % 60:02d}:{eta % 60:02d}" if eta >= 3600 else \
                f" · 남은 시간 {eta // 60}:{eta % 60:02d}"
        return line

    def done(self) -> None:
        if self.tty:
            if self.rep is not None:  # the last events may have come faster than the redraws
                self.draw(self.rep, time.perf_counter())
            click.echo("", err=True)


def report_end(report: Any, data_dir: Path) -> None:
    """The end of `kg ingest`: the summary on stdout; notes, warnings and failures on
    stderr, the last two also in DATA_DIR/ingest-warnings.tsv and ingest-failures.tsv
    (key or path, reason), each removed when a run has none."""
    if report.repaired:
        click.echo(f"이전에 중단된 수집을 정리했습니다: {report.repaired}건")
    click.echo(report.summary())
    if report.reread_earlier:
        n = report.reread_earlier
        click.echo(f"이전 문서 {n}건을 새로 알게 된 이름으로 다시 읽었습니다 (re-read {n} earlier documents for names "
                   "learned in this run)")
    for note in report.notes:
        click.echo(f"  참고: {note}", err=True)
    warned = data_dir / WARNINGS_FILE
    if report.warnings:
        warned.write_text("".join(f"{k}\t{w}\n" for k, w in report.warnings), encoding="utf-8")
        for key, warning in report.warnings[:WARNINGS_SHOWN]:
            click.echo(f"  경고: {key}: {warning}", err=True)
        more = len(report.warnings) - WARNINGS_SHOWN
        click.echo(f"경고 목록: {warned}" + (f"  (화면에 없는 {more}건 포함)" if more > 0 else ""), err=True)
    elif warned.exists():
        warned.unlink()
    failures = data_dir / FAILURES_FILE
    if report.failed:
        failures.write_text("".join(f"{p}\t{r}\n" for p, r in report.failed), encoding="utf-8")
        for p, r in report.failed:
            click.echo(f"  실패: {r if r.startswith(p) else f'{p}: {r}'}", err=True)
        click.echo(f"실패 목록: {failures}  (다시 시도: kg ingest --retry-failed)", err=True)
    elif failures.exists():
        failures.unlink()
