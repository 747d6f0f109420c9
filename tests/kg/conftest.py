"""Shared fixtures of tests/kg: a real Oxigraph server (`oxigraph serve`)."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"  # the virtualenv's, without activating it
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(location: Path, *flags: str) -> Iterator[str]:
    """Start `oxigraph serve` on a free port, wait until it answers, yield its base URL."""
    exe = oxigraph_binary()
    if exe is None:
        pytest.skip("the `oxigraph` server binary is missing: pip install oxigraph==0.5.13")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = location.parent / f"{location.name}.log"
    with log.open("wb") as err:
        proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {log.read_text(errors='replace')}")
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture
def start_oxigraph() -> Callable[..., object]:
    """`with start_oxigraph(location, *flags) as url:` — a server of a test's own."""
    return oxigraph_server


@pytest.fixture
def unused_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # --timeout-s: a query the client gave up on does not keep the server busy
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph") / "db", "--union-default-graph", "--timeout-s", "5") as b:
        yield b


@pytest.fixture
def base_url(server: str) -> str:
    """The server, emptied."""
    urllib.request.urlopen(urllib.request.Request(f"{server}/update", data=b"update=DROP%20ALL", method="POST"),
                           timeout=10).close()
    return server
