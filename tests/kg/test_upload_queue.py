"""What stays on disk after an upload: a refused upload (too large, empty, unsupported, a
zip bomb) is deleted at once; the file of a finished job is kept, deleted once ingested,
or kept for some days, as KG_UPLOAD_KEEP says."""
from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from core.errors import SettingsError
from kg.write.pipeline import IngestReport
from kg.settings import Settings
from kg.write.upload_queue import DONE, FAILED, UploadQueue

BASE = "http://kg.test/"
TEXT = "과학기술정보통신부는 14일 '양자과학기술 산업화 전략'을 발표했다.".encode()


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z, z.open("word/document.xml", "w") as f:
        for _ in range(20):  # 20 MB of zeros in about 20 KB
            f.write(b"\0" * (1 << 20))
    return buf.getvalue()


def finished(queue: UploadQueue, ids: list[int], timeout: float = 120.0) -> dict[int, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        jobs = {i: queue.get(i) for i in ids}
        if all(j is not None and j.status in (DONE, FAILED) for j in jobs.values()):
            return jobs
        time.sleep(0.1)
    raise AssertionError(f"jobs not finished: {jobs}")


def files(queue: UploadQueue) -> set[str]:
    return {p.name.split("-", 1)[1] for p in queue.dir.iterdir() if not p.name.startswith("jobs.sqlite")}


def test_refused_uploads_are_deleted_at_once_and_good_ones_kept_by_default(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", base_iri=BASE, max_upload_mb=1)
    assert settings.upload_keep == "on"
    queue = UploadQueue(settings, retry_seconds=0.2)
    try:
        for name, data in (("too-big.txt", b"x" * (2 << 20)), ("empty.txt", b"")):
            with pytest.raises(ValueError):
                queue.add(io.BytesIO(data), name, 1 << 20)
        ids = [queue.add(io.BytesIO(data), name, 1 << 20).id for name, data in (
            ("bomb.docx", zip_bomb()), ("picture.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), ("brief.txt", TEXT))]
        jobs = finished(queue, ids)
        assert [jobs[i].status for i in ids] == [FAILED, FAILED, DONE], [jobs[i].message for i in ids]
        assert "zip bomb?" in jobs[ids[0]].message
        assert files(queue) == {"brief.txt"}
    finally:
        queue.close()


def fake_ingest(settings: Settings, path: Path | str) -> IngestReport:
    return IngestReport(ingested=1)


def test_off_deletes_the_file_once_it_is_ingested(tmp_path: Path) -> None:
    queue = UploadQueue(Settings(data_dir=tmp_path / "data", base_iri=BASE, upload_keep="off"), ingest=fake_ingest)
    try:
        job = queue.add(io.BytesIO(TEXT), "brief.txt", 1 << 20)
        assert finished(queue, [job.id])[job.id].status == DONE
        assert files(queue) == set() and queue.get(job.id).documents == 1   # the job itself is still listed
    finally:
        queue.close()


def test_days_keep_a_file_that_long(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", base_iri=BASE, upload_keep="30")
    queue = UploadQueue(settings, ingest=fake_ingest)
    try:
        job = queue.add(io.BytesIO(TEXT), "brief.txt", 1 << 20)
        finished(queue, [job.id])
        assert queue.sweep() == 0 and files(queue) == {"brief.txt"}
        assert queue.sweep(now=time.time() + 29 * 86400) == 0
        assert queue.sweep(now=time.time() + 31 * 86400) == 1 and files(queue) == set()
    finally:
        queue.close()


@pytest.mark.parametrize("value,kept", [("on", None), ("OFF", 0), ("7", 7), (" 30 ", 30)])
def test_the_setting_reads_on_off_and_days(value: str, kept: int | None) -> None:
    assert Settings.from_env({"KG_UPLOAD_KEEP": value}).upload_keep_days == kept


@pytest.mark.parametrize("value", ["0", "-3", "forever", "1.5"])
def test_a_bad_setting_says_what_it_takes(value: str) -> None:
    with pytest.raises(SettingsError, match="KG_UPLOAD_KEEP 값이 잘못됐습니다.*보관할 일수"):
        Settings.from_env({"KG_UPLOAD_KEEP": value})
