"""What an ingest run reports as it goes and at its end (kg.write.pipeline): the
counts, notes, warnings and failures the progress display and the summary show."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from core.model import Document


@dataclass
class IngestReport:
    ingested: int = 0
    updated: int = 0
    unchanged: int = 0
    identical: int = 0        # same content as a stored document from another source (one node)
    duplicates: int = 0       # of ingested + updated: flagged near duplicates of an earlier story
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    chars: int = 0
    seconds: float = 0.0
    files_total: int = 0
    files_done: int = 0
    bytes_total: int = 0      # sizes of the files of this run
    bytes_read: float = 0.0   # input bytes behind the documents done so far (for the ETA)
    offsets: dict[str, float] = field(default_factory=dict, repr=False)  # key → input bytes up to it
    repaired: int = 0
    reread: int = 0           # documents read again for names learned later in the run (kg.write.known)
    reread_earlier: int = 0   # documents of earlier runs read again for names this run learned (kg.write.reread)
    workers: int = 1
    notes: list[str] = field(default_factory=list)  # things the user should know (not failures)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document key, what a loader made do with)
    started: float = field(default_factory=time.monotonic, repr=False)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def fraction(self) -> float:
        """How much of the input is done (0–1): what the ETA is from."""
        if self.bytes_total:
            return min(1.0, self.bytes_read / self.bytes_total)
        return min(1.0, self.files_done / self.files_total) if self.files_total else 0.0

    @property
    def documents(self) -> int:
        return self.ingested + self.updated + self.unchanged + self.identical + len(self.failed)

    def summary(self) -> str:
        extra = ""
        if self.identical:
            extra += f", 동일 내용 {self.identical}건"
        if self.duplicates:
            extra += f" (그중 유사 중복 {self.duplicates}건은 원문에 연결)"
        if self.warnings:
            extra += f", 경고 {len(self.warnings)}건"
        if self.reread:
            extra += f", 다른 문서의 이름으로 다시 읽음 {self.reread}건"
        if self.reread_earlier:
            extra += f", 이전 문서 다시 읽음 {self.reread_earlier}건"
        rate = (self.ingested + self.updated) / self.seconds if self.seconds else 0.0
        return (f"새로 수집 {self.ingested}건, 갱신 {self.updated}건, 변경 없음 {self.unchanged}건, "
                f"실패 {len(self.failed)}건{extra} · {self.triples:,} triples · {self.seconds:.1f}s"
                f" ({rate:.1f} 문서/s)")


Progress = Callable[[str, Document | None, IngestReport], None]


def _tell(progress: Progress | None, event: str, doc: Document | None, report: IngestReport) -> None:
    if doc is not None and (offset := report.offsets.pop(doc.key, None)) is not None:
        report.bytes_read = max(report.bytes_read, offset)
    if progress is not None:
        progress(event, doc, report)
