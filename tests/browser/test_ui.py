"""End-to-end in headless Chromium: search with a facet, the entity page, the network
view (clicking a node loads more nodes), the SPARQL editor with a gallery query and its
CSV download, entity autocomplete, and the path view (the pages at phone width: test_layout.py)."""
from __future__ import annotations

import csv
import io
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

pytest.importorskip("selenium")

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

MOTIE = "/id/gov/" + quote("산업통상자원부")


def wait(driver, seconds: float = 20) -> WebDriverWait:
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


def test_search_with_korean_query_and_a_facet(browser, server, shot) -> None:
    browser.get(server + "/")
    shot(browser, "home")
    box = browser.find_element(By.ID, "q")
    box.send_keys("반도체")
    box.submit()
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "ol.hits article.hit")))
    assert unquote(urlsplit(browser.current_url).query).startswith("q=반도체")
    total = browser.find_element(By.CSS_SELECTOR, "#results-title strong").text
    marks = browser.find_elements(By.CSS_SELECTOR, ".snippet mark")
    assert marks and any("반도체" in m.text for m in marks)
    shot(browser, "search")
    # narrow by an entity type facet (기업): a shareable URL with type=COMPANY
    facet = browser.find_element(By.XPATH, "//aside[@id='facets']//h2[text()='개체 유형']/following-sibling::ul//a[contains(., '기업')]")
    facet.click()
    wait(browser).until(EC.url_contains("type=COMPANY"))
    chips = browser.find_element(By.CSS_SELECTOR, ".active-filters").text
    assert "기업" in chips
    narrowed = browser.find_element(By.CSS_SELECTOR, "#results-title strong").text
    assert int(narrowed.replace(",", "")) <= int(total.replace(",", ""))
    shot(browser, "search-facet")


def test_entity_page(browser, server, shot) -> None:
    browser.get(server + MOTIE)
    assert browser.find_element(By.TAG_NAME, "h1").text == "산업통상자원부"
    names = browser.find_element(By.CSS_SELECTOR, "dl.meta").text
    assert "MOTIE" in names and "산업부" in names
    announced = browser.find_element(By.ID, "announced").text
    assert "발표한 정책·사업" in announced and "AI 자율제조" in announced
    co = browser.find_element(By.ID, "cooccurring").text
    assert "마키나락스" in co
    assert browser.find_element(By.ID, "timeline").find_elements(By.CSS_SELECTOR, "ol.timeline li")
    shot(browser, "entity")


def test_entity_list_by_type_leads_to_an_entity(browser, server, shot) -> None:
    browser.get(server + "/entities")
    chip = browser.find_element(By.XPATH, "//ul[contains(@class, 'entity-types')]//a[contains(., '기업')]")
    chip.click()
    wait(browser).until(EC.url_contains("type=COMPANY"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "기업"
    rows = browser.find_elements(By.CSS_SELECTOR, "ol.entity-list li")
    counts = [int(r.find_element(By.TAG_NAME, "small").text.split("문서 ")[1].rstrip("건").replace(",", "")) for r in rows]
    assert rows and counts == sorted(counts, reverse=True)       # the most mentioned first
    shot(browser, "entities-companies")
    first = rows[0].find_element(By.TAG_NAME, "a")
    name = first.text
    first.click()
    wait(browser).until(EC.url_contains("/id/company/"))
    assert browser.find_element(By.TAG_NAME, "h1").text == name


def test_network_click_a_node_loads_its_neighbours(browser, server, shot) -> None:
    need_vendor(server, "cytoscape.min.js")
    browser.get(server + "/id/company/" + quote("마키나락스") + "/network")
    graph = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready=true]")))
    before = browser.execute_script("return window.kgNetwork.cy.nodes().length")
    browser.execute_script("arguments[0].scrollIntoView()", graph)
    # a neighbour on screen that is not expanded yet: the meeting the company took part in
    target = browser.execute_script("""
        const cy = window.kgNetwork.cy, w = cy.width(), h = cy.height();
        const onScreen = n => { const p = n.renderedPosition(); return p.x > 15 && p.y > 15 && p.x < w - 15 && p.y < h - 15; };
        const n = cy.nodes().filter(n => !n.hasClass('center') && onScreen(n) && n.data('type') === 'EVENT')[0]
               || cy.nodes().filter(n => !n.hasClass('center') && onScreen(n))[0];
        const p = n.renderedPosition();
        return {id: n.id(), x: p.x, y: p.y};""")
    size = graph.size
    ActionChains(browser).move_to_element_with_offset(graph, target["x"] - size["width"] / 2,
                                                      target["y"] - size["height"] / 2).click().perform()
    wait(browser).until(lambda d: d.execute_script("return window.kgNetwork.cy.nodes().length") > before)
    after = browser.execute_script("return window.kgNetwork.cy.nodes().length")
    assert after > before
    assert target["id"] in browser.execute_script(
        "return window.kgNetwork.cy.nodes('.expanded').map(n => n.id())")
    info = browser.find_element(By.ID, "net-info").text
    assert "관계망" in info
    # the node table grew with the new nodes, each with an expand button
    rows = browser.find_elements(By.CSS_SELECTOR, "#net-nodes tbody tr")
    assert len(rows) == after
    # click an edge: its sentence and document are shown
    # the layout after an expansion may still be moving nodes (and fitting the view)
    settled = "return window.kgNetwork.cy.nodes().map(n => { const p = n.renderedPosition(); " \
              "return n.id() + ':' + Math.round(p.x) + ',' + Math.round(p.y); }).join(' ')"
    last = [None]

    def still(d) -> bool:  # noqa: ANN001
        now = d.execute_script(settled)
        same, last[0] = now == last[0], now
        time.sleep(0.2)
        return same

    wait(browser).until(still)
    # a point on screen where a participatesIn edge is what a click hits: nodes, labels and
    # other edges may lie over an edge, so ask cytoscape's own hit test (the one its tap
    # events use) along each edge. The click lands on whole viewport pixels, so the point is
    # rounded first and every pixel around it must hit the same edge.
    mid = browser.execute_script("""
        const cy = window.kgNetwork.cy, w = cy.width(), h = cy.height(), z = cy.zoom(), pan = cy.pan();
        const box = cy.container().getBoundingClientRect();
        const model = (cx, cy_) => ({x: (cx - box.left - pan.x) / z, y: (cy_ - box.top - pan.y) / z});
        const hits = (e, cx, cy_) => {
          for (const dx of [-1, 0, 1]) for (const dy of [-1, 0, 1]) {
            const m = model(cx + dx, cy_ + dy);
            const hit = cy.renderer().findNearestElement(m.x, m.y, true, false);
            if (!hit || hit.id() !== e.id()) return false;
          }
          return true;
        };
        for (const e of cy.edges("[relation = 'participatesIn']")) {
          const a = e.source().position(), b = e.target().position();
          for (const t of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75]) {
            const m = t === 0.5 ? e.midpoint() : {x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t};
            const r = {x: m.x * z + pan.x, y: m.y * z + pan.y};
            if (r.x < 5 || r.y < 5 || r.x > w - 5 || r.y > h - 5) continue;
            const cx = Math.round(box.left + r.x), cy_ = Math.round(box.top + r.y);
            if (hits(e, cx, cy_)) return {x: cx, y: cy_, edge: e.id()};
          }
        }
        return null;""")
    assert mid, "no point on screen where a click hits a participatesIn edge"
    actions = ActionBuilder(browser)
    actions.pointer_action.move_to_location(mid["x"], mid["y"]).click()
    actions.perform()
    try:
        wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#net-info blockquote")))
    except Exception as e:
        raise AssertionError(f"no evidence shown after clicking at {mid}; the panel says: "
                             f"{browser.find_element(By.ID, 'net-info').text!r}") from e
    assert browser.find_element(By.CSS_SELECTOR, "#net-info figcaption a").get_attribute("href")
    shot(browser, "network")


def test_relation_filter_hides_edges(browser, server) -> None:
    need_vendor(server, "cytoscape.min.js")
    browser.get(server + MOTIE + "/network")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready=true]")))
    visible = "return window.kgNetwork.cy.edges().filter(e => !e.hasClass('filtered')).length"
    before = browser.execute_script(visible)
    browser.find_element(By.CSS_SELECTOR, "input[name=rel][value=comention]").click()
    wait(browser).until(lambda d: d.execute_script(visible) < before)


def test_sparql_gallery_query_and_csv_download(browser, server, downloads: Path, shot) -> None:
    need_vendor(server, "editor.js")
    browser.get(server + "/query")
    wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".cm-editor .cm-content")))
    assert browser.find_element(By.ID, "query").get_attribute("hidden") is not None  # the editor replaced it
    browser.find_element(By.LINK_TEXT, "정부기관별 발표한 정책·사업 수").click()
    table = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, "table.data.results")))
    assert "initiatives" in table.text and "산업통상자원부" in table.text
    assert "example" in browser.current_url or "query=" in browser.current_url       # the query is in the URL
    # syntax highlighting: the keywords are styled spans inside CodeMirror
    spans = browser.find_elements(By.CSS_SELECTOR, ".cm-content span")
    assert any(s.text.upper() == "SELECT" for s in spans)
    assert browser.find_element(By.CSS_SELECTOR, "figure.chart").is_displayed()
    shot(browser, "query")
    for f in downloads.glob("*"):
        f.unlink()
    browser.find_element(By.CSS_SELECTOR, ".downloads").find_element(By.LINK_TEXT, "CSV").click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done = [f for f in downloads.glob("*.csv")]
        if done and not list(downloads.glob("*.crdownload")):
            break
        time.sleep(0.2)
    assert done, "no CSV was downloaded"
    rows = list(csv.DictReader(io.StringIO(done[0].read_text(encoding="utf-8-sig"))))
    assert rows and "산업통상자원부" in {r["name"] for r in rows} and all(int(r["initiatives"]) > 0 for r in rows)


def test_result_graph_is_drawn_for_two_iri_columns(browser, server) -> None:
    need_vendor(server, "cytoscape.min.js")
    browser.get(server + "/query?example=announcement-graph")
    wait(browser).until(lambda d: d.execute_script("return !!window.kgResultGraph"))
    assert browser.execute_script("return window.kgResultGraph.nodes().length") > 2
    assert browser.find_element(By.CSS_SELECTOR, "figure.result-graph").is_displayed()


def test_autocomplete_suggests_and_jumps(browser, server) -> None:
    browser.get(server + "/")
    box = browser.find_element(By.ID, "eq")
    box.send_keys("산업부")
    option = wait(browser).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#" + box.get_attribute("aria-controls") + " [role=option]")))
    assert "산업통상자원부" in option.text and box.get_attribute("aria-expanded") == "true"
    box.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait(browser).until(lambda d: unquote(urlsplit(d.current_url).path) == "/id/gov/산업통상자원부")
    assert browser.find_element(By.TAG_NAME, "h1").text == "산업통상자원부"


def test_path_view_answers_how_two_entities_connect(browser, server, shot) -> None:
    browser.get(server + "/path")
    browser.find_element(By.ID, "path-from").send_keys("마키나락스")
    to = browser.find_element(By.ID, "path-to")
    to.send_keys("산업부", Keys.ENTER)  # (Escape would clear a search box: the browser's own behaviour)
    summary = wait(browser).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".path-summary"))).text
    assert "마키나락스" in summary and "산업통상자원부" in summary
    assert "함께 언급한 문서" in summary
    assert browser.find_elements(By.CSS_SELECTOR, "section.path ol.hops li") or \
        browser.find_elements(By.CSS_SELECTOR, "ol.docs.shared li")
    shot(browser, "path")


def test_pages_work_with_javascript_off(browser, server) -> None:
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get(server + "/id/company/" + quote("마키나락스") + "/network")
        assert not browser.find_element(By.CSS_SELECTOR, "figure.graph-wrap").is_displayed()
        edges = browser.find_element(By.ID, "net-edges")
        assert edges.is_displayed() and "참여" in edges.text
        browser.find_element(By.CSS_SELECTOR, "input[name=rel][value=comention]").click()   # filter by GET
        browser.find_element(By.CSS_SELECTOR, "#net-filter button[type=submit]").click()
        wait(browser).until(EC.url_contains("rel="))
        assert "함께 언급" not in browser.find_element(By.ID, "net-edges").text
        browser.get(server + "/query?example=initiatives-per-ministry")
        assert browser.find_element(By.ID, "query").is_displayed()                        # a plain text area
        assert browser.find_element(By.CSS_SELECTOR, "table.data.results").is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
