"""Real-browser tests: headless Debian Chromium driven by selenium over a real `kg serve`
on a free loopback port, with the sample corpus (corpus/) ingested once per session.

Nothing is downloaded: the driver and browser paths are given explicitly, so
selenium-manager never runs. Without chromium/chromedriver the tests are skipped with
the reason. Screenshots go to test-output/screenshots/ (git-ignored).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests import kgserve

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("KG_CHROMEDRIVER", "/usr/bin/chromedriver"))
SCREENSHOTS = ROOT / "test-output" / "screenshots"

os.environ.setdefault("SE_OFFLINE", "true")  # belt and braces: selenium-manager must not fetch anything


def _missing() -> str | None:
    for p in (CHROMIUM, CHROMEDRIVER):
        if not (p.is_file() and os.access(p, os.X_OK)):
            return f"{p} not installed (make browser, or apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401, PLC0415
    except ImportError:
        return "selenium is not installed (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason is None:
        return
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus, ingested through the real CLI (about 10-20 s)."""
    d = tmp_path_factory.mktemp("browser-data")
    p = subprocess.run([sys.executable, "-m", "kg", "ingest", str(ROOT / "corpus"), "--data-dir", str(d)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert p.returncode == 0, p.stdout + p.stderr
    return d


@contextmanager
def serve(data_dir: Path, log_dir: Path) -> Iterator[str]:
    """`kg serve` on `data_dir` (tests/kgserve.py); yields its base URL."""
    with kgserve.serve(data_dir, log_dir) as served:
        yield served.url


@pytest.fixture(scope="session")
def server(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve` on the sample corpus, shared by the session's browser tests."""
    with serve(data_dir, tmp_path_factory.mktemp("server")) as url:
        yield url


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory, downloads: Path) -> Iterator[object]:
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    profile = tmp_path_factory.mktemp("chromium-profile")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1280,900", "--lang=ko-KR"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def shot() -> object:
    """shot(driver, name): save a PNG screenshot under test-output/screenshots/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(driver: object, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        driver.save_screenshot(str(path))  # type: ignore[attr-defined]
        return path

    return take
