"""kill -9 during `kg ingest`, for real (subprocesses): the store and the text index never
disagree about a committed document, the locks the killed process leaves behind do not
block the next run, and the next run finishes the job with every document exactly once.

What a kill can leave (kg.pipeline's write order): graphs the index has not committed
yet (at most --commit-every documents), or replaced graphs not yet dropped — never an
index entry without its graph. Every writer reconciles first, so the next `kg ingest`
starts from "in both or in neither" and reports what it repaired.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from kg.read.graph import KnowledgeGraph
from kg.store.locks import WriterLock
from kg.write.pipeline import reconcile
from kg.settings import Settings
from ontology.namespace import KGO

BASE = "http://kg.test/"
N = 60
BATCH = 4

MINISTRIES = ["산업통상자원부", "과학기술정보통신부", "기획재정부", "환경부", "중소벤처기업부", "국토교통부"]
TOPICS = ["반도체", "이차전지", "수소", "인공지능", "로봇", "탄소중립", "바이오", "조선", "원전", "디스플레이"]
KINDS = ["전략", "로드맵", "지원 방안", "육성 계획", "혁신 대책"]
COMPANIES = ["삼성전자", "SK하이닉스", "LG에너지솔루션", "현대자동차", "포스코퓨처엠", "두산에너빌리티", "네이버", "한화오션"]
TEMPLATES = [
    "{m}는 {d}일 '{t} 산업 {k}'을 발표했다. {c}와 {c2}가 간담회에 참석했다. 정부는 {y}년까지 {n}조 원을 투자한다.",
    "# {t} {k} 점검 회의\n\n{m}는 {d}일 {t} 분야 {k}의 추진 상황을 점검했다. 회의에는 {c} 관계자가 참석했다. "
    "{m}는 연내 후속 과제 {n}건을 확정하기로 했다.",
    "{c}는 {d}일 {m}와 {t} 공동 연구 협약을 맺었다. 협약에 따라 {y}년까지 연구 인력 {n}00명을 양성한다.",
    "# {t} 규제 개선\n\n{m}는 {t} 기업의 애로 사항 {n}건을 개선하는 '{t} {k}'을 내놓았다. {c2} 등이 건의한 과제다.",
]


def make_corpus(folder: Path, n: int = N) -> list[Path]:
    """n small Korean documents, each different (.txt and .md)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        tpl = TEMPLATES[i % len(TEMPLATES)]
        text = tpl.format(m=MINISTRIES[i % 6], t=TOPICS[i % 10], k=KINDS[i % 5], c=COMPANIES[i % 8],
                          c2=COMPANIES[(i + 3) % 8], d=1 + i % 28, y=2025 + i % 6, n=i + 2)
        p = folder / f"{i:03d}-{TOPICS[i % 10]}.{'md' if tpl.startswith('#') else 'txt'}"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def env(marker: str = "") -> dict[str, str]:
    e = dict(os.environ, KG_BASE_IRI=BASE, PYTHONUNBUFFERED="1", KG_TEST_MARKER=marker or uuid.uuid4().hex)
    e.pop("KG_DATA_DIR", None)
    return e


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def ingest(folder: Path, data: Path, *extra: str, cmd: list[str] | None = None,
           environ: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    argv = (cmd or kg_cmd()) + ["ingest", str(folder), "--data-dir", str(data), "--batch-size", str(BATCH),
                                "--commit-every", str(BATCH), *extra]
    return subprocess.run(argv, capture_output=True, text=True, env=environ or env(), timeout=600)


def state(data: Path) -> tuple[set[str], set[str]]:
    """(documents in the store, documents in the index), read through KnowledgeGraph."""
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        return set(kg.store.document_iris()), kg.index.all_iris()


def check_complete(data: Path, paths: list[Path]) -> None:
    """Every file's document is there exactly once, in the store and in the index."""
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        stored, indexed = set(kg.store.document_iris()), kg.index.all_iris()
        assert stored == indexed and len(stored) == len(paths)
        for p in paths:
            assert len(kg.store.documents_with_key(str(p))) == 1, p
        assert kg.index.doc_count() == len(paths)


def processes_with(marker: str) -> list[int]:
    """PIDs of live processes whose environment carries `marker` (our kg and its workers)."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit() and int(d.name) != os.getpid():
            try:
                if marker.encode() in (d / "environ").read_bytes():
                    stat = (d / "stat").read_text()
                    if stat.rsplit(")", 1)[1].split()[0] != "Z":
                        out.append(int(d.name))
            except OSError:
                continue
    return out


# -- a real kill -9 at a random moment --------------------------------------------------------
@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_kill_9_during_ingest_then_resume(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "corpus")
    data = tmp_path / "data"
    marker = uuid.uuid4().hex
    argv = kg_cmd("ingest", str(tmp_path / "corpus"), "--data-dir", str(data), "--batch-size", str(BATCH),
                  "--commit-every", str(BATCH), "--workers", "2")
    done = 0
    with subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env(marker)) as p:
        assert p.stderr is not None
        for line in p.stderr:  # progress lines: "ingested\t<key>" once a document is in store and index
            done += line.startswith("ingested\t")
            if done >= 12:
                break
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=30)
    assert p.returncode == -signal.SIGKILL and done >= 12
    # the worker processes (and multiprocessing's helper) do not outlive the parent
    deadline = time.monotonic() + 60
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert processes_with(marker) == []
    # the killed process's lock files are still there ...
    assert (data / "graph" / "LOCK").exists() and (data / "index" / "MAIN_WRITELOCK").exists()
    assert (data / "write.lock").exists()
    # ... the index never names a document the store lacks; the store may hold the one chunk
    # in flight, which the next writer drops first (reconcile)
    stored, indexed = state(data)
    assert indexed <= stored and len(stored - indexed) <= BATCH
    assert 12 <= len(indexed) < N
    copy = tmp_path / "copy"
    shutil.copytree(data, copy)
    with KnowledgeGraph(Settings(data_dir=copy, base_iri=BASE)) as kg:
        partial = kg.store.leftover_graphs(BASE + "id/doc/") - stored  # cut short before their type
        assert reconcile(kg) == len(stored - indexed) + len(partial)
        assert set(kg.store.document_iris()) == kg.index.all_iris() == indexed
    # the next run is not blocked by the stale locks and finishes the job
    res = ingest(tmp_path / "corpus", data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert f"새로 수집 {N - len(indexed)}건, 갱신 0건, 변경 없음 {len(indexed)}건, 실패 0건" in res.stdout, res.stdout
    if stored != indexed and not partial:
        assert f"이전에 중단된 수집을 정리했습니다: {len(stored - indexed)}건" in res.stdout
    check_complete(data, paths)
    res = ingest(tmp_path / "corpus", data, "--workers", "1")
    assert f"새로 수집 0건, 갱신 0건, 변경 없음 {N}건, 실패 0건" in res.stdout, res.stdout


# -- kills at the exact instants that matter ---------------------------------------------------
WRAPPER = '''
import os, signal, sys
import kg.write.pipeline
kg.write.pipeline.COMMIT_SECONDS = 1e9  # commits by document count only: the kill points are exact
target, nth = os.environ["KG_TEST_KILL_AT"].split(":")
count = [0]

def arm(cls, name):
    real = getattr(cls, name)

    def wrapped(self, *a, **kw):
        count[0] += 1
        if count[0] == int(nth):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, *a, **kw)
    setattr(cls, name, wrapped)

if target == "index.write":
    from kg.search.whoosh_backend import WhooshIndex
    arm(WhooshIndex, "write")
elif target == "store.put_graphs":  # a bulk load cut short: the second half of its quads never lands
    from kg.store.embedded import GraphStore, PreparedGraph
    real = GraphStore.put_graphs

    def cut(self, graphs):
        count[0] += 1
        if count[0] == int(nth):
            lines = "".join(str(g.payload) for g in graphs).splitlines(keepends=True)[: len("".join(str(g.payload) for g in graphs).splitlines()) // 2]
            # and no graph got its `a kgo:Document` (the loader writes in no set order)
            lines = [q for q in lines if "rdf-syntax-ns#type> <" + os.environ["KG_TEST_DOC_CLASS"] not in q]
            real(self, [PreparedGraph(graphs[0].iri, "".join(lines), 0)])
            os.kill(os.getpid(), signal.SIGKILL)
        return real(self, graphs)
    GraphStore.put_graphs = cut
else:
    from kg.store.embedded import GraphStore
    arm(GraphStore, "remove_graph")
from app.cli import main
main(sys.argv[1:], prog_name="kg")
'''


def killing(tmp_path: Path, target: str, nth: int) -> tuple[list[str], dict[str, str]]:
    script = tmp_path / "kill_at.py"
    script.write_text(WRAPPER, encoding="utf-8")
    return [sys.executable, str(script)], dict(env(), KG_TEST_KILL_AT=f"{target}:{nth}")


def test_kill_between_store_write_and_index_commit(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "corpus", 20)
    data = tmp_path / "data"
    cmd, environ = killing(tmp_path, "index.write", 3)  # chunks 1 and 2 committed, chunk 3 in the store only
    res = ingest(tmp_path / "corpus", data, "--workers", "1", cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL, res.stderr
    stored, indexed = state(data)
    assert len(indexed) == 2 * BATCH and indexed < stored and len(stored - indexed) == BATCH
    res = ingest(tmp_path / "corpus", data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert f"이전에 중단된 수집을 정리했습니다: {BATCH}건" in res.stdout
    assert f"새로 수집 {20 - 2 * BATCH}건, 갱신 0건, 변경 없음 {2 * BATCH}건, 실패 0건" in res.stdout, res.stdout
    check_complete(data, paths)


def test_kill_in_the_middle_of_a_bulk_load(tmp_path: Path) -> None:
    """Oxigraph's bulk loader is not atomic: a kill part-way leaves some quads of some of
    the graphs, perhaps without the `a kgo:Document` that makes them documents. The next
    run drops every one of them and redoes their documents."""
    paths = make_corpus(tmp_path / "corpus", 20)
    data = tmp_path / "data"
    cmd, environ = killing(tmp_path, "store.put_graphs", 3)  # chunks 1 and 2 committed, chunk 3 half written
    environ["KG_TEST_DOC_CLASS"] = str(KGO.Document)
    res = ingest(tmp_path / "corpus", data, "--workers", "1", cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL, res.stderr
    stored, indexed = state(data)
    assert len(indexed) == 2 * BATCH and indexed <= stored
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        prefix = BASE + "id/doc/"
        written = kg.store.leftover_graphs(prefix) - indexed
        # half of the chunk's quads: graphs of the chunk, none of them a document yet
        assert 0 < len(written) <= BATCH and not written & stored
    res = ingest(tmp_path / "corpus", data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert f"이전에 중단된 수집을 정리했습니다: {len(written)}건" in res.stdout
    assert f"새로 수집 {20 - 2 * BATCH}건, 갱신 0건, 변경 없음 {2 * BATCH}건, 실패 0건" in res.stdout, res.stdout
    check_complete(data, paths)
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        assert kg.store.leftover_graphs(BASE + "id/doc/") == kg.index.all_iris()


def test_kills_while_updating(tmp_path: Path) -> None:
    paths = make_corpus(tmp_path / "corpus", 12)
    data = tmp_path / "data"
    assert ingest(tmp_path / "corpus", data, "--workers", "1").returncode == 0
    before, _ = state(data)
    changed = paths[:3]
    for p in changed:
        p.write_text(p.read_text(encoding="utf-8") + " (수정)", encoding="utf-8")
    # 1. killed after the new versions are in the store, before the index commit: the old
    #    versions stay in both, the new ones are dropped and redone
    cmd, environ = killing(tmp_path, "index.write", 1)
    res = ingest(tmp_path / "corpus", data, "--workers", "1", "--batch-size", "16", "--commit-every", "16",
                 cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL
    stored, indexed = state(data)
    assert indexed == before and len(stored - indexed) == 3
    # 2. killed after the index commit, before the old versions are dropped (the first 3
    #    graph removals are the reconcile of step 1): the new versions are in both
    cmd, environ = killing(tmp_path, "store.remove_graph", 4)
    res = ingest(tmp_path / "corpus", data, "--workers", "1", "--batch-size", "16", "--commit-every", "16",
                 cmd=cmd, environ=environ)
    assert res.returncode == -signal.SIGKILL
    assert "이전에 중단된" not in res.stdout  # killed before the summary
    stored, indexed = state(data)
    assert len(indexed) == 12 and len(stored - indexed) == 3 and not (indexed - stored)
    assert stored - indexed <= before  # the leftovers are the old versions
    res = ingest(tmp_path / "corpus", data, "--workers", "1")
    assert res.returncode == 0, res.stderr
    assert "이전에 중단된 수집을 정리했습니다: 3건" in res.stdout
    assert "새로 수집 0건, 갱신 0건, 변경 없음 12건, 실패 0건" in res.stdout, res.stdout
    check_complete(data, paths)
    with KnowledgeGraph(Settings(data_dir=data, base_iri=BASE)) as kg:
        assert kg.search("수정").total == 3


def test_a_live_writer_is_not_mistaken_for_a_stale_lock(tmp_path: Path) -> None:
    make_corpus(tmp_path / "corpus", 2)
    data = tmp_path / "data"
    with WriterLock(data, "test holder"):
        res = ingest(tmp_path / "corpus", data, "--workers", "1")
        assert res.returncode == 1
        assert "다른 프로세스가" in res.stderr and f"pid {os.getpid()}" in res.stderr and "test holder" in res.stderr
    res = ingest(tmp_path / "corpus", data, "--workers", "1")  # released: works (the lock file stays)
    assert res.returncode == 0 and "새로 수집 2건" in res.stdout
