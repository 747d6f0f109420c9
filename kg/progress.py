"""The progress display of `kg ingest`: a bar on a terminal, plain lines in a log."""
from __future__ import annotations

import time
from typing import Any

import click


class Progress:
    """A progress bar on a terminal (files, documents, characters/s, ETA); plain log
    lines otherwise, so CI logs and pipes stay readable: one per document, and a status
    line with the same figures every STATUS_SECONDS."""

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
            click.echo(f"{event}\t{name}", err=True)
            if now - self.last_status >= self.STATUS_SECONDS:
                self.last_status = now
                click.echo("진행\t" + self.status(rep, now), err=True)
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
