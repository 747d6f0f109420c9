"""The pages under their Content-Security-Policy in headless Chromium: the network view,
the SPARQL editor with its chart and result graph, and autocomplete still run, and the
browser reports no CSP violation; an injected inline script is refused."""
from __future__ import annotations

import urllib.request
from urllib.parse import quote

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MOTIE = "/id/gov/" + quote("산업통상자원부")

# runs before the page's own scripts in every document (CDP scripts are not subject to the CSP)
RECORD = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.effectiveDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' @' + e.sourceFile + ':' + e.lineNumber));"""


@pytest.fixture(scope="module")
def watched(browser):  # noqa: ANN001, ANN201
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def wait(driver, seconds: float = 20) -> WebDriverWait:  # noqa: ANN001
    return WebDriverWait(driver, seconds)


def need_vendor(server: str, name: str) -> None:
    """Skip when `make setup` could not install a front-end library (no npm)."""
    try:
        with urllib.request.urlopen(f"{server}/vendor/{name}", timeout=5) as r:
            if r.status == 200:
                return
    except OSError:
        pass
    pytest.skip(f"/vendor/{name} is missing: run `make setup` (npm ci + the editor bundle)")


def violations(driver) -> list[str]:  # noqa: ANN001
    return driver.execute_script("return window.__csp || ['(the recorder did not run)']")


def test_network_view_runs_under_the_policy(watched, server) -> None:
    need_vendor(server, "cytoscape.min.js")
    watched.get(server + MOTIE + "/network")
    wait(watched).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready=true]")))
    assert watched.execute_script("return window.kgNetwork.cy.nodes().length") > 2
    assert violations(watched) == []


def test_sparql_editor_chart_and_graph_run_under_the_policy(watched, server) -> None:
    need_vendor(server, "editor.js")
    watched.get(server + "/query?example=initiatives-per-ministry")
    wait(watched).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".cm-editor .cm-content")))
    # CodeMirror's own styles apply (a constructed style sheet, which the policy allows)
    assert watched.execute_script(
        "return getComputedStyle(document.querySelector('.cm-editor')).display") == "flex"
    bar = watched.find_element(By.CSS_SELECTOR, "figure.chart .bar")
    assert bar.size["width"] > 0  # the bar widths (style attributes) still apply
    assert violations(watched) == []
    need_vendor(server, "cytoscape.min.js")
    watched.get(server + "/query?example=announcement-graph")
    wait(watched).until(lambda d: d.execute_script("return !!window.kgResultGraph"))
    assert violations(watched) == []


def test_search_entity_and_autocomplete_run_under_the_policy(watched, server) -> None:
    for path in ["/search?q=" + quote("반도체"), MOTIE, "/path?from=" + quote("마키나락스") + "&to=" + quote("산업부")]:
        watched.get(server + path)
        assert violations(watched) == [], path
    watched.get(server + "/")
    box = watched.find_element(By.ID, "eq")
    box.send_keys("산업부")
    wait(watched).until(EC.visibility_of_element_located(
        (By.CSS_SELECTOR, "#" + box.get_attribute("aria-controls") + " [role=option]")))
    assert violations(watched) == []


def test_an_injected_inline_script_is_refused(watched, server) -> None:
    watched.get(server + "/")
    watched.execute_script("""const s = document.createElement('script');
        s.textContent = 'window.__ran = 1'; document.body.appendChild(s);
        const a = document.createElement('a'); a.href = 'javascript:window.__ran = 2'; a.id = 'evil'; a.textContent = '클릭';
        document.body.appendChild(a);""")
    watched.find_element(By.ID, "evil").click()
    wait(watched).until(lambda d: len(violations(d)) >= 2)
    assert watched.execute_script("return window.__ran === undefined")
    assert all(v.startswith("script-src") for v in violations(watched)), violations(watched)
