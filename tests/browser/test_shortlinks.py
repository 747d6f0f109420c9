"""In Chromium: the "짧은 링크" button of the /query and /search pages shows a short
address without leaving the page, and that address opens the same page again."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.mark.parametrize("path, check", [
    ("/query?example=initiatives-per-ministry", "table.data.results"),
    ("/search?q=" + quote("반도체") + "&type=COMPANY", "ol.hits article.hit"),
])
def test_short_link_button_gives_an_address_that_opens_the_same_page(browser, server, shot, path: str,
                                                                     check: str) -> None:
    browser.get(server + path)
    long_url = browser.current_url
    before = browser.find_element(By.CSS_SELECTOR, check).text
    browser.find_element(By.CSS_SELECTOR, "form.shortlink button").click()
    link = WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".shortlink-out a")))
    short = link.text
    assert browser.current_url == long_url                    # made without leaving the page
    assert short.startswith(server + "/q/") and len(short) < len(long_url)
    shot(browser, "shortlink-" + path[1:6])
    browser.get(short)
    assert browser.current_url == long_url
    assert browser.find_element(By.CSS_SELECTOR, check).text == before
