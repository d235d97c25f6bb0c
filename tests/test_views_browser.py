"""The parallel views in Chromium, at a desktop and a phone viewport: the switch, the
second column, the collapsible block under the paragraph on a phone, the choice
remembered across pages, pages read without JavaScript, and axe-core in every view."""

from __future__ import annotations

import pytest
from conftest import require_file
from test_browser import NODE_MODULES, browser, site  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.slow

RAILWAY = "texts/002/tianjin-railway-party-building.html"
HOSPITAL = "texts/002/internet-plus-hospital-education.html"
SHEYANG = "texts/003/yancheng-medical-insurance-centre.html"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def context(browser):  # noqa: F811 - the fixture imported above
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


def open_page(ctx, url: str):
    page = ctx.new_page()
    page.goto(url)
    page.wait_for_selector("fieldset.view-switch")
    return page


def choose(page, label: str) -> None:
    page.get_by_role("radio", name=label).check()


def box(page, selector: str) -> dict[str, float]:
    return page.locator(selector).first.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }"
    )


def views_shown(page, kind: str) -> tuple[int, int, int]:
    """How many blocks of ``kind`` there are, are open, and are displayed."""
    return tuple(
        page.evaluate(
            """kind => {
            const all = [...document.querySelectorAll(`details.${kind}`)];
            return [all.length, all.filter(d => d.open).length,
                    all.filter(d => getComputedStyle(d).display !== "none").length];
        }""",
            kind,
        )
    )


def test_text_alone_by_default_and_the_switch_opens_the_lines_beside_each_paragraph(context, site):  # noqa: F811
    page = open_page(context, f"{site}/{RAILWAY}")
    assert page.evaluate("document.documentElement.dataset.view") == "text"
    n, opened, shown = views_shown(page, "witness-lines")
    assert n > 10 and opened == 0 and shown == 0
    choose(page, "Source lines")
    assert views_shown(page, "witness-lines") == (n, n, n)
    para, lines = box(page, "p:has(#p2)"), box(page, "p:has(#p2) + details.witness-lines")
    assert lines["left"] >= para["right"]  # a second column
    assert abs(lines["top"] - para["top"]) < 40  # beside the paragraph, not under it
    link = page.locator("p:has(#p2) + details.witness-lines a.reference").first
    assert "transcription.html#l" in (link.get_attribute("href") or "")


def test_the_choice_is_remembered_on_the_next_page(context, site):  # noqa: F811
    page = open_page(context, f"{site}/{RAILWAY}")
    choose(page, "Source lines")
    page.goto(f"{site}/{HOSPITAL}")
    page.wait_for_selector("fieldset.view-switch")
    assert page.evaluate("document.documentElement.dataset.view") == "witness-lines"
    n, opened, shown = views_shown(page, "witness-lines")
    assert n > 5 and opened == n and shown == n
    assert page.get_by_role("radio", name="Source lines").is_checked()
    choose(page, "Text")
    page.reload()
    page.wait_for_selector("fieldset.view-switch")
    assert views_shown(page, "witness-lines")[1:] == (0, 0)


def test_the_traditional_original_beside_each_paragraph_of_the_003_essay(context, site):  # noqa: F811
    page = open_page(context, f"{site}/{SHEYANG}")
    choose(page, "Traditional original")
    n, opened, shown = views_shown(page, "original")
    assert n >= 10 and opened == n and shown == n
    assert views_shown(page, "witness-lines")[2] == 0  # one view at a time
    para, original = box(page, "p:has(#p2)"), box(page, "p:has(#p2) ~ details.original")
    assert original["left"] >= para["right"] and abs(original["top"] - para["top"]) < 40
    # Essays from simplified witnesses offer no such view.
    other = open_page(context, f"{site}/{RAILWAY}")
    assert other.get_by_role("radio", name="Traditional original").count() == 0
    assert other.evaluate("document.documentElement.dataset.view") == "text"


def test_the_switch_is_a_keyboard_radio_group(context, site):  # noqa: F811
    page = open_page(context, f"{site}/{SHEYANG}")
    page.get_by_role("radio", name="Text").focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.dataset.view") == "witness-lines"
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.documentElement.dataset.view") == "original"
    assert page.get_by_role("group", name="Read").count() == 1


def test_on_a_phone_the_block_is_under_the_paragraph_and_collapses(browser, site):  # noqa: F811
    ctx = browser.new_context(viewport=PHONE)
    try:
        page = open_page(ctx, f"{site}/{RAILWAY}")
        choose(page, "Source lines")
        para, lines = box(page, "p:has(#p2)"), box(page, "p:has(#p2) + details.witness-lines")
        assert lines["top"] >= para["bottom"] - 1 and lines["right"] <= PHONE["width"]
        summary = page.locator("p:has(#p2) + details.witness-lines > summary")
        summary.click()
        assert not page.locator("p:has(#p2) + details.witness-lines").evaluate("d => d.open")
        summary.click()
        assert page.locator("p:has(#p2) + details.witness-lines").evaluate("d => d.open")
    finally:
        ctx.close()


def test_without_javascript_every_block_is_a_closed_details_a_click_opens(browser, site):  # noqa: F811
    ctx = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = ctx.new_page()
        page.goto(f"{site}/{SHEYANG}")
        assert page.locator("fieldset.view-switch").count() == 0
        for kind in ("witness-lines", "original"):
            n, opened, shown = views_shown_nojs(page, kind)
            assert n >= 10 and opened == 0 and shown == n
        details = page.locator("p:has(#p2) + details.witness-lines")
        details.locator("summary").click()
        assert details.get_attribute("open") is not None
        assert details.locator("li").first.is_visible()
    finally:
        ctx.close()


def views_shown_nojs(page, kind: str) -> tuple[int, int, int]:
    # page.evaluate runs even with the page's scripts disabled.
    return views_shown(page, kind)


@pytest.mark.parametrize(
    ("path", "view"),
    [
        (RAILWAY, "Text"),
        (RAILWAY, "Source lines"),
        (SHEYANG, "Source lines"),
        (SHEYANG, "Traditional original"),
    ],
)
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_in_any_view(context, site, path, view, theme):  # noqa: F811
    axe = require_file(NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    page = open_page(context, f"{site}/{path}")
    choose(page, view)
    page.evaluate("theme => { document.body.dataset.theme = theme; }", theme)
    page.add_script_tag(content=axe)
    violations = page.evaluate(
        # The article, where the views are: the frame around it is furo's, which the
        # site-wide axe test in test_browser.py checks on every page.
        "async () => (await axe.run({include: [['article']]})).violations"
        ".map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' '))])"
    )
    assert violations == []
