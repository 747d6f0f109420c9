"""In Chromium, on a server whose port is not the base IRI's (the base stays
http://127.0.0.1:5000/; the test server runs on a free port): every link a page shows
answers on this server, and an alias in the address bar lands on the entity's page."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import quote, unquote, urlsplit

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402

MOTIE = "/id/gov/" + quote("산업통상자원부")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.mark.parametrize("path", [MOTIE, "/search?q=" + quote("반도체"), "/query?example=initiatives-per-ministry"])
def test_every_link_answers_on_this_server(browser, server, path: str) -> None:
    assert not server.endswith(":5000")
    browser.get(server + path)
    hrefs = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")}
    ours = sorted(h for h in hrefs if h and h.startswith(server) and "#" not in h[len(server):][:1])
    assert not [h for h in hrefs if h and h.startswith("http://127.0.0.1:5000/")]
    # every entity and document page linked, and the downloads (a sample of the rest)
    pages = [h for h in ours if "/id/" in h][:40] + [h for h in ours if "/id/" not in h][:20]
    dead = [h for h in pages if _status(h.split("#", 1)[0]) != 200]
    assert not dead, f"links that do not answer on {server}: {dead[:5]}"


def test_an_alias_in_the_address_bar_lands_on_the_page(browser, server) -> None:
    browser.get(server + "/id/gov/" + quote("산업부"))
    assert unquote(urlsplit(browser.current_url).path) == "/id/gov/산업통상자원부"
    assert browser.find_element(By.TAG_NAME, "h1").text == "산업통상자원부"
