"""The network view as a journalist uses it, in headless Chromium under the page's CSP:
the legend, labels readable at the default zoom, expanding a node (counts and address
follow), the address reopening the same graph in the same picture, relation filters in
the address, PNG and SVG downloads, and no CSP violation on the way. Screenshots:
test-output/screenshots/network-view*.png."""
from __future__ import annotations

import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MOTIE = "/id/gov/" + quote("산업통상자원부")
EXPORTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"  # the downloads, for the reviewer
# runs before the page's own scripts in every document (CDP scripts are not subject to the CSP)
RECORD = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.effectiveDirective + ' ' + (e.blockedURI || '') + ' @' + e.sourceFile + ':' + e.lineNumber));"""
POSITIONS = """return window.kgNetwork.cy.nodes().map(n => n.id() + ' ' + Math.round(n.position('x')) + ','
                + Math.round(n.position('y'))).sort()"""


def wait(driver, seconds: float = 30) -> WebDriverWait:  # noqa: ANN001
    return WebDriverWait(driver, seconds)


@pytest.fixture(scope="module")
def page(browser, server):  # noqa: ANN001, ANN201
    """The browser, recording CSP violations; skipped without the Cytoscape library."""
    try:
        with urllib.request.urlopen(f"{server}/vendor/cytoscape.min.js", timeout=5) as r:
            assert r.status == 200
    except OSError:
        pytest.skip("/vendor/cytoscape.min.js is missing: run `make setup` (npm ci)")
    script = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD})
    yield browser
    browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def open_graph(driver, url: str) -> None:  # noqa: ANN001
    driver.get(url)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready=true]")))


def show_graph(driver) -> None:  # noqa: ANN001
    """Scroll the figure (legend, graph, buttons) into the screenshot."""
    driver.execute_script("document.querySelector('figure.graph-wrap').scrollIntoView()")


def violations(driver) -> list[str]:  # noqa: ANN001
    return driver.execute_script("return window.__csp || ['(the recorder did not run)']")


def shown_counts(driver) -> dict[str, list[str]]:  # noqa: ANN001
    return driver.execute_script("""const out = {};
        document.querySelectorAll('[data-count]').forEach(s => (out[s.dataset.count] = out[s.dataset.count] || []).push(s.textContent));
        return out;""")


def test_legend_and_readable_labels_at_the_default_zoom(page, server, shot) -> None:
    open_graph(page, server + MOTIE + "/network")
    legend = page.find_element(By.ID, "net-legend")
    assert legend.is_displayed()
    for word in ("정부기관", "기업", "정책·사업", "발표", "참여", "주재·대표", "함께 언급", "근거 문서"):
        assert word in legend.text, word
    # each legend swatch has the colour its nodes are drawn in
    colours = page.execute_script("""const n = window.kgNetwork.cy.nodes('.center');
        const sw = document.querySelector('#net-legend .swatch[data-type=MINISTRY]');
        return [n.style('background-color'), getComputedStyle(sw).backgroundColor];""")
    assert colours[0].replace(" ", "") == colours[1].replace(" ", "") != "rgb(100,116,139)"   # not the fallback grey
    # a relation stated in more documents is drawn wider
    widths = page.execute_script("""const es = window.kgNetwork.cy.edges("[relation != 'comention']")
          .sort((a, b) => a.data('documents') - b.data('documents'));
        const lo = es[0], hi = es[es.length - 1];
        return [lo.data('documents'), parseFloat(lo.style('width')), hi.data('documents'), parseFloat(hi.style('width'))];""")
    assert widths[2] > widths[0] and widths[3] > widths[1], widths
    sizes = page.execute_script("""const cy = window.kgNetwork.cy, z = cy.zoom(), ext = cy.extent();
        return cy.nodes(':visible').filter(n => { const p = n.position();
            return p.x > ext.x1 && p.x < ext.x2 && p.y > ext.y1 && p.y < ext.y2; })
          .map(n => parseFloat(n.style('font-size')) * z);""")
    assert len(sizes) >= 5 and min(sizes) >= 11, f"labels on screen are {min(sizes):.1f}px at the default zoom"
    # labels seldom overlap (6 pairs of 42 labels at 산업통상자원부, slightly): the layout gives each label room
    overlaps = page.execute_script("""const bbs = window.kgNetwork.cy.nodes(':visible')
          .map(n => n.boundingBox({includeLabels: true, includeOverlays: false}));
        let bad = 0;
        for (let i = 0; i < bbs.length; i++) for (let j = i + 1; j < bbs.length; j++) {
          const a = bbs[i], b = bbs[j];
          const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1), h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
          if (w > 4 && h > 4) bad++;
        }
        return [bad, bbs.length];""")
    assert overlaps[0] <= max(1, overlaps[1] // 6), f"{overlaps[0]} of {overlaps[1]} labels overlap"
    show_graph(page)
    shot(page, "network-view")
    assert violations(page) == []


def test_expanding_a_node_updates_counts_and_address_and_the_address_restores_it(page, server, shot) -> None:
    open_graph(page, server + MOTIE + "/network")
    before = page.execute_script("return [window.kgNetwork.cy.nodes().length, window.kgNetwork.cy.edges().length]")
    assert shown_counts(page)["nodes"] == [str(before[0])] * 2     # the lead and the table heading
    # a neighbour with neighbours of its own: its 펼치기 button in the table
    target = page.execute_script("""const cy = window.kgNetwork.cy;
        const n = cy.nodes().filter(n => !n.hasClass('center') && n.data('type') === 'INITIATIVE')[0]
               || cy.nodes().filter(n => !n.hasClass('center'))[0];
        return {id: n.id(), page: n.data('page'), label: n.data('label')};""")
    row = page.execute_script("return Array.from(document.querySelectorAll('#net-nodes tbody tr'))"
                              ".find(tr => tr.dataset.id === arguments[0])", target["id"])
    row.find_element(By.CSS_SELECTOR, "button").click()
    wait(page).until(lambda d: "expand=" in d.current_url)
    after = page.execute_script("return [window.kgNetwork.cy.nodes().length, window.kgNetwork.cy.edges().length]")
    assert after[1] > before[1]
    counts = shown_counts(page)
    assert counts["nodes"] == [str(after[0])] * 2 and counts["edges"] == [str(after[1])] * 2
    assert counts["visible-nodes"] == [str(after[0])]
    assert len(page.find_elements(By.CSS_SELECTOR, "#net-nodes tbody tr")) == after[0]
    assert len(page.find_elements(By.CSS_SELECTOR, "#net-edges tbody tr")) == after[1]
    query = parse_qs(urlsplit(page.current_url).query)
    assert query["expand"] == [target["page"]]
    graphml = page.find_element(By.CSS_SELECTOR, "a[data-twin=graphml]").get_attribute("href")
    assert "network.graphml?" in graphml and "expand=" in graphml   # the download is what is on screen
    show_graph(page)
    shot(page, "network-view-expanded")
    url = page.current_url
    # the address reopens the same graph, in the same picture, each time
    open_graph(page, url)
    assert page.execute_script("return [window.kgNetwork.cy.nodes().length, window.kgNetwork.cy.edges().length]") == after
    assert page.execute_script("return window.kgNetwork.cy.getElementById(arguments[0]).hasClass('expanded')",
                               target["id"])
    assert target["label"] in page.find_element(By.CSS_SELECTOR, ".net-expanded").text
    assert shown_counts(page)["nodes"] == [str(after[0])] * 2
    first = page.execute_script(POSITIONS)
    open_graph(page, url)
    assert page.execute_script(POSITIONS) == first
    assert violations(page) == []


def test_relation_filters_are_kept_in_the_address(page, server) -> None:
    open_graph(page, server + MOTIE + "/network")
    visible = "return window.kgNetwork.cy.edges(':visible').length"
    before = page.execute_script(visible)
    page.find_element(By.CSS_SELECTOR, "input[name=rel][value=comention]").click()
    wait(page).until(lambda d: "rel=" in d.current_url)
    assert "comention" not in parse_qs(urlsplit(page.current_url).query)["rel"]
    fewer = page.execute_script(visible)
    assert fewer < before
    assert page.find_element(By.CSS_SELECTOR, "[data-count=visible-edges]").text == str(fewer)
    open_graph(page, page.current_url)
    assert not page.find_element(By.CSS_SELECTOR, "input[name=rel][value=comention]").is_selected()
    assert page.execute_script(visible) == fewer
    # checking it again loads the co-mentions that the reloaded page left out
    page.find_element(By.CSS_SELECTOR, "input[name=rel][value=comention]").click()
    wait(page).until(lambda d: d.execute_script(visible) == before)
    assert "rel=" not in page.current_url
    assert violations(page) == []


def _download(page, downloads: Path, button: str, suffix: str) -> bytes:  # noqa: ANN001
    for f in downloads.glob("*"):
        f.unlink()
    page.find_element(By.ID, button).click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done = [f for f in downloads.glob("*" + suffix)]
        if done and done[0].stat().st_size > 0:
            return done[0].read_bytes()
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} download after clicking #{button}: {list(downloads.glob('*'))}")


def test_png_and_svg_downloads(page, server, downloads: Path) -> None:
    open_graph(page, server + MOTIE + "/network")
    data = _download(page, downloads, "net-png", ".png")
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    EXPORTS.mkdir(parents=True, exist_ok=True)
    (EXPORTS / "network-export.png").write_bytes(data)
    raw = _download(page, downloads, "net-svg", ".svg")
    (EXPORTS / "network-export.svg").write_bytes(raw)
    svg = ET.fromstring(raw)
    ns = "{http://www.w3.org/2000/svg}"
    texts = " ".join("".join(t.itertext()) for t in svg.iter(ns + "text"))
    assert "산업통상자원부" in texts and "발표" in texts               # labels and the legend, as text
    circles = len(list(svg.iter(ns + "circle")))
    assert circles >= page.execute_script("return window.kgNetwork.cy.nodes(':visible').length")
    assert page.execute_script("return window.kgNetwork.png() instanceof Blob")
    assert violations(page) == []
