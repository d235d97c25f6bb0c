"""End-to-end: the built site in headless Chromium (Debian's), driven by Playwright,
served on localhost.  Also the Nu HTML Checker and axe-core on every page."""

from __future__ import annotations

import functools
import http.server
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import ROOT, require_file, require_module, require_tool

pytestmark = pytest.mark.slow
NODE_MODULES = ROOT / "node_modules"


@pytest.fixture(scope="module")
def site(built_html):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(built_html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    require_module("playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        args = [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
        ]
        b = p.chromium.launch(executable_path=chromium, args=args)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = browser.new_page(viewport={"width": 1280, "height": 900})
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    yield pg
    pg.close()


def pages(built_html: Path) -> list[str]:
    return sorted(p.relative_to(built_html).as_posix() for p in built_html.rglob("*.html"))


# Search (Pagefind) is tested on the whole query set in tests/test_search_browser.py.


def in_view(page, selector: str) -> bool:
    """Whether the element comes to rest in the viewport (furo scrolls smoothly)."""
    script = (
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight / 2; }"
    )
    try:
        page.wait_for_function(script, arg=selector, timeout=5000)
    except Exception:  # Playwright's timeout: the element did not come into view
        return False
    return True


def test_paragraph_permalink_scrolls_to_the_paragraph(page, site):
    page.goto(f"{site}/texts/000/soe-branch-secretaries.html#p8")
    page.wait_for_load_state("load")
    assert in_view(page, "#p8")
    assert page.evaluate("window.scrollY") > 200
    assert page.inner_text("#p8") == "8"


def settles_in_view(page, element_id: str) -> bool:
    """in_view for a page without scripts (wait_for_function needs them): the smooth
    scroll polled from here."""
    script = f"(() => {{ const r = document.getElementById('{element_id}').getBoundingClientRect();"
    script += " return r.top >= 0 && r.top < window.innerHeight / 2; })()"
    for _ in range(50):
        if page.evaluate(script):
            return True
        page.wait_for_timeout(100)
    return False


def test_note_marker_goes_to_its_note_and_back(browser, site):
    # Without the script (or in print) the notes are footnotes; with it they open in
    # place (tests/test_reading.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/texts/000/medical-staff-ideological-work.html")
    marker = page.locator("a.footnote-reference").first
    ref_id = marker.get_attribute("id")
    marker.click()
    note_id = page.evaluate("location.hash.slice(1)")
    assert settles_in_view(page, note_id)
    assert "Move" in page.inner_text(f"[id='{note_id}']")
    page.locator(f"[id='{note_id}'] a[href='#{ref_id}']").first.click()
    assert page.evaluate("location.hash.slice(1)") == ref_id
    assert settles_in_view(page, ref_id)
    context.close()


def test_no_console_errors_on_any_page(page, site, built_html):
    failures = {}
    for rel in pages(built_html):
        page.problems.clear()
        page.goto(f"{site}/{rel}")
        page.wait_for_load_state("load")
        if page.problems:
            failures[rel] = list(page.problems)
    assert failures == {}


def test_every_page_passes_the_nu_html_checker(built_html):
    java = require_tool("java")
    vnu = require_file(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar")
    result = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--skip-non-html", str(built_html)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:3000]


def test_axe_reports_no_violations(page, site, built_html):
    """Every page, at every impact level (minor and moderate too)."""
    axe = require_file(NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    found = {}
    for rel in pages(built_html):
        page.goto(f"{site}/{rel}")
        page.add_script_tag(content=axe)
        violations = page.evaluate("async () => (await axe.run()).violations.map(v => [v.id, v.impact])")
        if violations:
            found[rel] = violations
    assert found == {}
