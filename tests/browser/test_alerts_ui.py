"""A journalist follows an initiative: one click on its page makes an alert, a release
published later shows up on the alert's page and as 새 소식 on the home page, with the
sentence behind it; the watched-sources and calendar pages read in a real browser."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.browser.conftest import ROOT, serve
from tests.kg.test_alerts import FIRST, SECOND


def _ingest(data: Path, doc: Path) -> None:
    p = subprocess.run([sys.executable, "-m", "kg", "ingest", str(doc), "--data-dir", str(data), "--workers", "1"],
                       cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    root = tmp_path_factory.mktemp("alerts-ui")
    (root / "first.md").write_text(FIRST, encoding="utf-8")
    _ingest(root / "data", root / "first.md")
    with serve(root / "data", root) as url:
        yield url, root


def test_one_click_alert_then_news(browser, site, shot) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    url, root = site
    browser.get(url + "/id/initiative/" + quote("AI_자율제조_얼라이언스"))
    buttons = {b.text: b for b in browser.find_elements(By.CSS_SELECTOR, "form.alerts button")}
    assert "이 사업에 새로 참여하는 기업·기관" in buttons and "이 사업의 일정이 다가오거나 지남" in buttons
    buttons["이 사업에 새로 참여하는 기업·기관"].click()
    # a form's POST and redirect: the click may return before the next page is there
    WebDriverWait(browser, 15).until(EC.url_contains("/saved/"))
    assert "아직 새 소식이 없습니다" in browser.find_element(By.TAG_NAME, "main").text

    (root / "second.md").write_text(SECOND, encoding="utf-8")
    _ingest(root / "data", root / "second.md")   # a later release: evaluated at its publish
    browser.refresh()
    main = browser.find_element(By.TAG_NAME, "main").text
    assert "현대자동차 → 참여 → AI 자율제조 얼라이언스" in main and "새로 참여한다고 밝혔다" in main
    shot(browser, "alert-page")
    browser.get(url + "/")
    news = browser.find_element(By.CSS_SELECTOR, "section.news").text
    assert "새 소식" in news and "HD현대 → 참여 → AI 자율제조 얼라이언스" in news
    shot(browser, "home-news")
    browser.find_element(By.LINK_TEXT, "정책 일정").click()
    assert "2030년 말까지" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.LINK_TEXT, "지켜보는 출처").click()
    assert "아직 지켜보는 출처가 없습니다" in browser.find_element(By.TAG_NAME, "main").text
