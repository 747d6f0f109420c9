"""`kg serve` in a subprocess on a free loopback port, for tests that need a real server
(the browser tests, the production-server tests)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    def __init__(self, proc: subprocess.Popen, port: int, log: Path) -> None:
        self.proc, self.port, self.log = proc, port, log
        self.url = f"http://127.0.0.1:{port}"


@contextmanager
def serve(data_dir: Path, log_dir: Path, env: dict[str, str] | None = None, wait: float = 90) -> Iterator[Served]:
    """Start `kg serve --data-dir DATA_DIR` (extra KG_* settings in `env`), wait until it
    answers, yield it, stop it."""
    port = free_port()
    log = log_dir / "serve.log"
    full_env = {**os.environ, "KG_HOST": "127.0.0.1", "KG_PORT": str(port), **(env or {})}
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--data-dir", str(data_dir)],
                                cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
    served = Served(proc, port, log)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                with urllib.request.urlopen(served.url + "/api/stats", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("kg serve did not start:\n" + log.read_text(errors="replace"))
            time.sleep(0.3)
        yield served
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
