"""The pages at phone width (375 px and 390 px) in headless Chromium, whatever fonts the
machine has: nothing may stick out of the screen sideways. Each page is checked with
the machine's fonts and again with every glyph made wider (letter-spacing), so a
machine whose CJK font is wider than ours, or a longer value in a list (the failure
of issue #21 on a fresh clone: a select as wide as the corpus path), cannot break
what passed here."""
from __future__ import annotations

import time
from urllib.parse import quote

import pytest

pytest.importorskip("selenium")

MOTIE = "/id/gov/" + quote("산업통상자원부")
LONG = "반도체" * 30  # one unbreakable word, longer than the screen

# elements that stick out past the right edge of the viewport and are not inside a
# box that scrolls or clips them (a table in .table-wrap may be wide: it scrolls)
OVERFLOWING = """
const vw = document.documentElement.clientWidth, out = [];
const clipped = el => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const s = getComputedStyle(a); if (s.overflowX !== 'visible') return true; } return false; };
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= vw + 1 || getComputedStyle(el).position === 'fixed') continue;
  if (el.closest('.visually-hidden, .skip') || clipped(el)) continue;
  out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
           (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
           ' +' + Math.round(r.right - vw) + 'px: ' + (el.textContent || '').trim().slice(0, 40));
}
return {scroll: document.documentElement.scrollWidth - vw, out: out.slice(0, 8)};
"""
WIDER = """
const s = document.createElement('style');
s.textContent = '* { letter-spacing: .5em !important; word-spacing: .5em !important; }';
document.head.appendChild(s);
for (const o of document.querySelectorAll('option')) o.textContent += ' /' + '긴출처이름'.repeat(12);
"""

PAGES = [("home", "/"), ("entity", MOTIE), ("search", "/search?q=" + quote("반도체")),
         ("search-long", "/search?q=" + quote(LONG)), ("entities", "/entities"),
         ("network", MOTIE + "/network"), ("query", "/query?example=initiatives-per-ministry"),
         ("query-error", "/query?query=" + quote("SELECT * WHERE { ?s ?p \"산업통상자원부\" . ?x }")),
         ("document", None), ("path", "/path?from=" + quote("마키나락스") + "&to=" + quote("산업부")),
         ("stats", "/stats"), ("api", "/api"), ("calendar", "/calendar"), ("saved", "/saved"), ("watch", "/watch"),
         ("initiative", "/id/initiative/" + quote("AI_자율제조_얼라이언스"))]


def _first_document(browser, server: str) -> str:
    browser.get(server + "/search?q=" + quote("반도체"))
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    return browser.find_element(By.CSS_SELECTOR, "ol.hits article.hit h3 a").get_attribute("href")


@pytest.mark.parametrize("width", [375, 390])
@pytest.mark.parametrize("name, path", PAGES, ids=[p[0] for p in PAGES])
def test_pages_fit_a_phone_screen_whatever_the_fonts(browser, server, shot, name: str, path: str | None,
                                                     width: int) -> None:
    url = _first_document(browser, server) if path is None else server + path
    browser.set_window_size(width, 800)
    try:
        browser.get(url)
        time.sleep(0.3)
        for wide in (False, True):
            if wide:
                browser.execute_script(WIDER)
                time.sleep(0.1)
            found = browser.execute_script(OVERFLOWING)
            how = "with wider glyphs" if wide else "with this machine's fonts"
            if width == 375:
                shot(browser, f"mobile-{name}" + ("-wider-glyphs" if wide else ""))
            assert found["scroll"] <= 1 and not found["out"], \
                f"{name} is {found['scroll']}px wider than a {width}px screen {how}; sticking out: {found['out']}"
    finally:
        browser.set_window_size(1280, 900)


def test_entity_tables_keep_dates_on_one_line_at_390px(browser, server, shot) -> None:
    browser.set_window_size(390, 800)
    try:
        browser.get(server + MOTIE)
        # every date (2024-05-08, 2024-05, or in words: 2024년 5월 8일) and number in a table, on one line
        broken, dates = browser.execute_script("""
            const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            let n = 0;
            for (let t = walk.nextNode(); t; t = walk.nextNode()) {
              if (!t.parentElement.closest('table.data')) continue;
              for (const m of t.data.matchAll(/\\d{4}-\\d{2}(-\\d{2})?|\\d{4}년( \\d{1,2}월)?( \\d{1,2}일)?|\\d[\\d,]*/g)) {
                const r = document.createRange(); r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);
                if (m[0].includes('-') || m[0].includes('년')) n++;
                if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(m[0]);
              }
            }
            return [out, n];""")
        assert dates, "the entity page shows no dates in its tables"
        assert not broken, f"dates broken over lines at 390px: {broken}"
        shot(browser, "mobile-entity-390")
    finally:
        browser.set_window_size(1280, 900)
