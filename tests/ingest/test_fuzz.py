"""Fuzzing load_path: random bytes and mutated valid files (HTML, JSON Lines, CSV, RSS,
HWPX, DOCX, HWP, PDF) must give only Documents or LoadErrors, quickly, and never trip
the registry's 'failed unexpectedly' net (that would be a loader bug).

Bounded for CI: a few hundred examples in all, each under a deadline. Under CI=true the
examples are derandomized (the same on every run); locally they vary from run to run.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import docgen
import make_hwp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.loaders import load_path
from core.model import Document
from core.errors import LoadError

PER_FILE_SECONDS = 3.0
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")), deadline=4000, database=None,
                derandomize=os.environ.get("CI") == "true",
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
HEADER = [["보도시점", "2024. 3. 7.(목) 11:00"], ["담당부서", "시험과"]]
SEEDS: dict[str, bytes] = {
    "page.html": ("<!DOCTYPE html><html><head><title>시험 페이지</title><meta name='date' content='2024-03-07'>"
                  "</head><body><article><h1>제목</h1><p>산업부는 <b>전략</b>을 발표했다.</p><table><tr><td>보도시점"
                  "</td><td>2024. 3. 7.</td></tr></table></article></body></html>").encode(),
    "records.jsonl": ('{"id": "a", "title": "첫 기사", "body": "본문 하나", "date": "2024-03-07"}\n'
                      '{"id": "b", "text": "보도자료\\n보도시점 2024. 3. 8.(금) 06:00\\n본문 둘"}\n').encode(),
    "rows.csv": "번호,제목,내용,일자\n1,첫 줄,\"본문, 쉼표\",2024.3.7\n2,둘째,본문 둘,\n".encode(),
    "feed.rss": ("<?xml version='1.0'?><rss><channel><title>피드</title><item><title>항목</title>"
                 "<link>https://example.kr/1</link><pubDate>Thu, 07 Mar 2024 09:00:00 +0900</pubDate>"
                 "<description>&lt;p&gt;본문&lt;/p&gt;</description></item></channel></rss>").encode(),
    "doc.hwpx": docgen.make_hwpx([["산업통상자원부 보도자료", HEADER, "본문\t문단"]], title="시험"),
    "doc.docx": docgen.make_docx(["보도자료", HEADER, ("Heading1", "제목"), "본문\t문단"], title="시험"),
    "doc.hwp": make_hwp.make_hwp([["산업통상자원부 보도자료", "본문\t문단"], ["둘째 구역"]], title="시험"),
    "doc.pdf": docgen.make_pdf(["First page text", "Second page"], title="Fuzz"),
    "ko.pdf": docgen.make_pdf(["한글 본문 첫 쪽"], korean=True),
}
EXTENSIONS = [".txt", ".md", ".html", ".jsonl", ".csv", ".tsv", ".rss", ".xml", ".pdf", ".hwp", ".hwpx", ".docx", ""]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def check(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    t0 = time.perf_counter()
    items = list(load_path(path, max_bytes=2_000_000))
    elapsed = time.perf_counter() - t0
    assert items, "load_path yielded nothing"
    for item in items:
        assert isinstance(item, (Document, LoadError)), item
        if isinstance(item, LoadError):
            assert "failed unexpectedly" not in str(item), str(item)
            assert str(item).startswith(str(path))
        else:
            assert item.text.strip() and item.source == str(path)
    assert elapsed < PER_FILE_SECONDS, f"{path.name}: {elapsed:.2f} s"


@FUZZ
@given(data=st.binary(max_size=4096), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes(workdir: Path, data: bytes, ext: str) -> None:
    check(workdir / f"random{ext}", data or b"x")


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed with a few bytes flipped, a slice cut out or repeated, or bytes inserted."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "duplicate"]))
        i = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif kind == "truncate":
            del data[max(i, 1):]
        elif kind == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del data[i:i + draw(st.integers(1, 64))]
        else:
            j = min(len(data), i + draw(st.integers(1, 256)))
            data[i:i] = data[i:j] * draw(st.integers(1, 8))
    return bytes(data) or b"x"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_mutated_valid_files(workdir: Path, name: str) -> None:
    check(workdir / name, SEEDS[name])  # the seed itself loads

    @FUZZ
    @given(data=mutated(SEEDS[name]))
    def run(data: bytes) -> None:
        check(workdir / f"mutated-{name}", data)

    run()


HWPX_XML = docgen.hwpx_section(["산업통상자원부 보도자료", HEADER, "본문\t문단\n줄"])
DOCX_XML = docgen.make_docx_xml(["보도자료", HEADER, ("Heading1", "제목"), "본문\t문단"])
HWP_RECORDS = make_hwp.section(["산업통상자원부 보도자료", "본문\t문단", "", "끝 😀"])


@FUZZ
@given(hwpx=mutated(HWPX_XML), docx=mutated(DOCX_XML), records=mutated(HWP_RECORDS))
def test_mutated_content_inside_valid_containers(workdir: Path, hwpx: bytes, docx: bytes, records: bytes) -> None:
    """Past the ZIP and OLE layers: broken XML and broken HWP records in intact containers."""
    check(workdir / "inner.hwpx", docgen.make_hwpx([["x"]], extra={"Contents/section0.xml": hwpx}))
    check(workdir / "inner.docx", docgen.make_zip({"word/document.xml": docx}))
    check(workdir / "inner.hwp", make_hwp.make_hwp([], raw_sections=[records]))
