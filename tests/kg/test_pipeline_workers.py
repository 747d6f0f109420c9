"""kg.workers: chunks of documents through worker processes, results in input order,
a bounded number of chunks in flight, and a worker that dies costs one document."""
from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from kg.write.workers import Extractor, extract_chunk

HELPER = textwrap.dedent('''
    import os

    def only_here(items):
        if str(os.getpid()) != os.environ["KG_TEST_PARENT"]:
            os._exit(3)  # no worker process can do anything
        return [(text.upper(), date, os.getpid()) for text, date in items]

    def upper(items):
        out = []
        for text, date in items:
            if text == "CRASH":
                os._exit(3)  # a segfault, the OOM killer: the worker is just gone
            if text == "RAISE":
                out.append("ValueError: bad document")
                continue
            out.append((text.upper(), date, os.getpid()))
        return out
''')


@pytest.fixture()
def helper(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """A chunk function the spawned workers can import (spawn passes sys.path on)."""
    (tmp_path / "kg_worker_helper.py").write_text(HELPER, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import kg_worker_helper  # type: ignore[import-not-found]

    yield kg_worker_helper
    sys.modules.pop("kg_worker_helper", None)


def test_results_in_order_from_two_processes(helper) -> None:  # noqa: ANN001
    items = [f"doc{i}" for i in range(50)]
    with Extractor(workers=2, chunk_size=3, chunk_fn=helper.upper) as ex:
        out = [(x, r) for chunk, res in ex.run(items, key=lambda x: (x, None)) for x, r in zip(chunk, res)]
    assert [x for x, _r in out] == items
    assert all(r[0] == x.upper() for x, r in out)
    assert sys.modules["os"].getpid() not in {r[2] for _x, r in out}  # done in other processes


def test_in_flight_work_is_bounded(helper) -> None:  # noqa: ANN001
    pulled = 0

    def source():  # noqa: ANN202
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield f"d{i}"

    with Extractor(workers=2, chunk_size=4, in_flight=3, chunk_fn=helper.upper) as ex:
        for n, (_chunk, _res) in enumerate(ex.run(source(), key=lambda x: (x, None))):
            # at most in_flight chunks submitted, plus the one being cut
            assert pulled <= (n + 1 + 3) * 4
    assert pulled == 200


def test_a_dying_worker_costs_one_document(helper) -> None:  # noqa: ANN001
    items = [f"a{i}" for i in range(10)] + ["CRASH"] + [f"b{i}" for i in range(10)] + ["RAISE"]
    with Extractor(workers=2, chunk_size=4, chunk_fn=helper.upper) as ex:
        out = dict((x, r) for chunk, res in ex.run(items, key=lambda x: (x, None)) for x, r in zip(chunk, res))
        assert ex.restarts >= 1
    assert list(out) == items
    assert "died" in out["CRASH"] and out["RAISE"] == "ValueError: bad document"
    assert all(out[x][0] == x.upper() for x in items if x not in ("CRASH", "RAISE"))


def test_in_process_chunks_report_a_failing_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.nlp.pipeline as nlp

    real = nlp.extract_many

    def extract_many(items, batch_size=32, ner_model=False):  # noqa: ANN001, ANN202
        for text, date in items:
            if "폭탄" in text:
                raise MemoryError("too big")
            yield from real([(text, date)])

    monkeypatch.setattr(nlp, "extract_many", extract_many)
    out = extract_chunk([("산업부는 발표했다.", None), ("폭탄 문서", None), ("환경부가 참석했다.", None)])
    assert out[1] == "MemoryError: too big"
    assert [e.text for e in out[0].entities] == ["산업부"] and out[2].entities


def test_workers_that_cannot_work_fall_back_to_this_process(helper, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import os

    monkeypatch.setenv("KG_TEST_PARENT", str(os.getpid()))
    items = [f"doc{i}" for i in range(12)]
    with Extractor(workers=2, chunk_size=3, chunk_fn=helper.only_here) as ex:
        out = [r for _chunk, res in ex.run(items, key=lambda x: (x, None)) for r in res]
        assert ex.fallback and ex.restarts == 3
    died = [r for r in out if isinstance(r, str)]
    assert len(died) <= 2 and all("died" in r for r in died)  # the ones tried before giving up
    assert [r[0] for r in out if not isinstance(r, str)] == [x.upper() for x in items][len(died):]
