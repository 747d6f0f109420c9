"""What `kg ingest` tells: warnings (what a loader made do with: bad bytes replaced, a date
dropped) in the summary, on screen and in DATA_DIR/ingest-warnings.tsv; progress lines in
a log file survive a kill -9 of the run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from app.cli import main

BASE = "http://kg.test/"
TEXT = "산업통상자원부는 7일 'AI 자율제조 전략'을 발표했다. LG전자와 마키나락스가 참여한다. " * 4


def test_warnings_are_counted_in_the_summary_shown_and_written_to_a_file(tmp_path: Path) -> None:
    folder, data = tmp_path / "in", tmp_path / "data"
    folder.mkdir()
    raw = TEXT.encode()
    cut = len(TEXT[:20].encode())
    (folder / "damaged.md").write_bytes(raw[:cut] + b"\xff\xfe" + raw[cut:])
    (folder / "dated.txt").write_text(f"---\ndate: 어제쯤\n---\n{TEXT}", encoding="utf-8")
    (folder / "clean.txt").write_text("기획재정부는 '경제정책방향'을 발표했다.", encoding="utf-8")
    runner, env = CliRunner(), {"KG_BASE_IRI": BASE, "KG_WORKERS": "1"}
    res = runner.invoke(main, ["ingest", str(folder), "--data-dir", str(data)], env=env)
    assert res.exit_code == 0, res.output
    assert "새로 수집 3건, 갱신 0건, 변경 없음 0건, 실패 0건, 경고 2건" in res.output
    assert f"경고: {folder / 'damaged.md'}: UTF-8로 읽을 수 없는 바이트 2개를 �로 바꿨습니다" in res.output
    assert f"경고: {folder / 'dated.txt'}: invalid date '어제쯤' dropped" in res.output
    listed = (data / "ingest-warnings.tsv").read_text(encoding="utf-8").splitlines()
    assert sorted(line.split("\t")[0] for line in listed) == [str(folder / "damaged.md"), str(folder / "dated.txt")]
    (folder / "damaged.md").write_text(TEXT, encoding="utf-8")   # repaired; the other one moved away
    (folder / "dated.txt").unlink()
    res = runner.invoke(main, ["ingest", str(folder), "--data-dir", str(data)], env=env)
    assert "갱신 1건" in res.output and "경고" not in res.output
    assert not (data / "ingest-warnings.tsv").exists()


KILL_AT_SECOND_COMMIT = '''
import os, signal, sys
from kg.search.whoosh_backend import WhooshIndex
import kg.write.pipeline
kg.write.pipeline.COMMIT_SECONDS = 1e9
real, count = WhooshIndex.write, [0]

def write(self, *a, **kw):
    count[0] += 1
    if count[0] == 3:   # two chunks committed and reported; killed in the third
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, *a, **kw)

WhooshIndex.write = write
from app.cli import main
main(sys.argv[1:], prog_name="kg")
'''


def test_progress_lines_in_a_log_file_survive_a_kill_9(tmp_path: Path) -> None:
    folder, data = tmp_path / "in", tmp_path / "data"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(f"산업통상자원부는 {i + 1}일 '전략 {i}'을 발표했다.", encoding="utf-8")
    script = tmp_path / "kill_at.py"
    script.write_text(KILL_AT_SECOND_COMMIT, encoding="utf-8")
    env = dict(os.environ, KG_BASE_IRI=BASE, KG_WORKERS="1")
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("KG_DATA_DIR", None)
    log = tmp_path / "ingest.log"
    with log.open("wb") as out:
        t0 = time.monotonic()
        res = subprocess.run([sys.executable, str(script), "ingest", str(folder), "--data-dir", str(data),
                              "--batch-size", "4", "--commit-every", "4"], stdout=out, stderr=out, env=env,
                             timeout=600)
    assert res.returncode == -signal.SIGKILL, (res.returncode, log.read_text(encoding="utf-8"), time.monotonic() - t0)
    ingested = [line for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("ingested\t")]
    assert len(ingested) == 8, log.read_text(encoding="utf-8")      # the two committed chunks, every line
