"""In Chromium, the small things of issue #21 a reader sees: an entity's announcements
shown once, policies apart from the launch events; the marked place of a SPARQL syntax
error on a Hangul line; the network page's particle; the API page from the footer."""
from __future__ import annotations

from urllib.parse import quote

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402

MOTIE = "/id/gov/" + quote("산업통상자원부")


def test_announcements_are_shown_once_and_launches_apart(browser, server, shot) -> None:
    browser.get(server + MOTIE)
    section = browser.find_element(By.ID, "announced")
    policies = [r.find_element(By.TAG_NAME, "th").text for r in section.find_elements(By.CSS_SELECTOR, "table tbody tr")]
    events = [li.text for li in section.find_elements(By.CSS_SELECTOR, "ul.announced-events li")]
    assert policies and not [p for p in policies if "출범식" in p or "간담회" in p]
    assert any("출범식" in e for e in events)
    relations = browser.find_element(By.ID, "relations").text
    assert "발표한 정책·사업" not in relations
    shot(browser, "entity-announced")


def test_a_syntax_error_marks_its_place_on_a_hangul_line(browser, server, shot) -> None:
    query = 'SELECT * WHERE {\n  ?s ?p "산업통상자원부" , ! ?o }'
    browser.get(server + "/query?query=" + quote(query))
    mark = browser.find_element(By.CSS_SELECTOR, "pre.message mark.err-at")
    line = query.split("\n")[1]
    col = int(mark.get_attribute("title").split("행 ")[1].rstrip("열"))
    assert mark.get_attribute("textContent") == (line[col - 1:col] or " ")   # the character there, whatever the font
    # the mark sits right after the text before it, on the same line
    before, at = browser.execute_script("""
        const m = document.querySelector('pre.message mark.err-at'), r = document.createRange();
        r.setStart(m.previousSibling, 0); r.setEnd(m.previousSibling, m.previousSibling.length);
        const b = [...r.getClientRects()].pop(), a = m.getBoundingClientRect();
        return [[b.right, b.top], [a.left, a.top]];""")
    assert abs(before[0] - at[0]) <= 1 and abs(before[1] - at[1]) <= 2
    shot(browser, "query-syntax-error")


def test_network_page_and_api_page_read_right(browser, server) -> None:
    browser.get(server + MOTIE + "/network")
    assert "산업통상자원부와 직접 이어진" in browser.find_element(By.CSS_SELECTOR, "p.lead").text
    browser.find_element(By.CSS_SELECTOR, "footer.site").find_element(By.LINK_TEXT, "API").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("API")
    assert browser.find_elements(By.CSS_SELECTOR, "section.api-op")
    icon = browser.execute_script("return document.querySelector('link[rel=icon]').href")
    ok = browser.execute_script("return fetch(arguments[0]).then(r => r.ok && r.headers.get('content-type'))", icon)
    assert ok and "svg" in ok
