"""In headless Chromium, what a journalist sees (issue 21): a short name finds its
companies and says so, a misspelling gets a suggestion and the entity card, the chart of
a search filters by period (with JavaScript off too), and "인용 복사" copies a citation
with the publisher. Screenshots in test-output/screenshots/journalist-*.png."""
from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def wait(driver, seconds: float = 20) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def total(browser) -> int:
    return int(browser.find_element(By.CSS_SELECTOR, "#results-title strong").text.replace(",", ""))


def test_short_name_finds_companies_and_says_so(browser, server, shot) -> None:
    browser.get(server + "/search?q=" + quote("삼성"))
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.hits article.hit")))
    included = browser.find_element(By.CSS_SELECTOR, "p.included").text
    assert "삼성전자" in included and "삼성SDI" in included and "포함" in included
    assert total(browser) >= 13  # 삼성전자 alone is in 13 documents of the sample corpus
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".snippet mark")]
    assert any(m.startswith("삼성") for m in marks)
    shot(browser, "journalist-short-name")


def test_compound_nouns_match_spaced_or_not(browser, server) -> None:
    found = {}
    for q in ("반도체특별법", "반도체 특별법", "수소경제", "수소 경제"):
        browser.get(server + "/search?q=" + quote(q))
        found[q] = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "ol.hits h3 a")}
    assert found["반도체특별법"] and found["반도체특별법"] == found["반도체 특별법"]
    assert found["수소경제"] and found["수소경제"] <= found["수소 경제"]  # the spaced words also match apart


def test_misspelling_suggests_a_name_that_leads_to_its_card(browser, server, shot) -> None:
    browser.get(server + "/search?q=" + quote("산업퉁상자원부"))
    box = browser.find_element(By.CSS_SELECTOR, "div.suggestions")
    assert "혹시 이것을 찾으셨나요?" in box.text
    shot(browser, "journalist-suggestion")
    box.find_element(By.LINK_TEXT, "산업통상자원부").click()
    card = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "section.entity-card")))
    assert "정부기관" in card.text and "산업부" in card.text  # type and other names
    assert total(browser) > 0
    shot(browser, "journalist-card")
    card.find_element(By.CSS_SELECTOR, "h3 a").click()
    wait(browser).until(EC.url_contains("/id/gov/"))
    assert unquote(urlsplit(browser.current_url).path) == "/id/gov/산업통상자원부"


@pytest.mark.parametrize("javascript", [True, False])
def test_chart_bar_filters_the_search_by_period(browser, server, shot, javascript: bool) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not javascript})
    try:
        browser.get(server + "/search?q=" + quote("반도체"))
        before = total(browser)
        chart = browser.find_element(By.CSS_SELECTOR, "figure.timechart")
        assert chart.is_displayed() and chart.size["height"] > 40
        bars = chart.find_elements(By.CSS_SELECTOR, "rect.tbar")
        heights = [float(b.get_attribute("height")) for b in bars]
        assert max(heights) > 0 and len(set(heights)) > 1  # drawn to scale, not all alike
        if javascript:
            shot(browser, "journalist-chart")
        link = chart.find_elements(By.CSS_SELECTOR, "a")[0]
        label = link.get_attribute("aria-label")
        link.click()
        wait(browser).until(EC.url_contains("from="))
        year = re.match(r"(\d{4})년", label).group(1)
        assert f"{year}년" in browser.find_element(By.CSS_SELECTOR, ".active-filters").text
        assert 0 < total(browser) <= before and total(browser) == int(re.search(r"(\d+)건", label).group(1))
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_copy_citation_of_an_evidence_sentence(browser, server, shot) -> None:
    origin = server.rstrip("/")
    try:
        browser.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin,
                                                             "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    except Exception:  # noqa: BLE001 - an older Chromium: the copy falls back to execCommand
        pass
    browser.get(server + "/search?q=" + quote("AI 자율제조 얼라이언스"))
    browser.find_element(By.CSS_SELECTOR, "ol.hits article.hit h3 a").click()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "dd.publisher")))
    publisher = browser.find_element(By.CSS_SELECTOR, "dd.publisher").text
    assert publisher == "산업통상자원부"
    assert "corpus/" not in browser.find_element(By.CSS_SELECTOR, "dl.meta").text
    button = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "button.cite")))
    button.click()
    wait(browser).until(lambda d: button.text == "복사됨")
    copied = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, () => done(null));")
    if copied is not None:  # reading the clipboard back needs the permission granted above
        assert copied.startswith("산업통상자원부, 「") and copied.endswith('"') and "/id/doc/" in copied
    shot(browser, "journalist-citation")


def test_entity_timeline_charts_every_document_and_dates_read_in_words(browser, server, shot) -> None:
    browser.get(server + "/id/gov/" + quote("산업통상자원부") + "#timeline")
    chart = browser.find_element(By.CSS_SELECTOR, "#timeline figure.timechart")
    caption = chart.find_element(By.TAG_NAME, "figcaption").text
    total = int(re.search(r"언급한 문서 ([\d,]+)건 전체", caption).group(1).replace(",", ""))
    listed = len(browser.find_elements(By.CSS_SELECTOR, "#timeline li.tl-document"))
    assert total > listed  # the chart covers every document, the list one page of them
    counts = [int(re.search(r"(\d+)건", a.get_attribute("aria-label")).group(1))
              for a in chart.find_elements(By.CSS_SELECTOR, "a")]
    assert sum(counts) == total
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "../" not in page and re.search(r"\d{4}년 (?:\d+월 )?말까지", page)
    shot(browser, "journalist-entity-timeline")
