"""Reading an essay in the browser (headless Chromium, Playwright), at a desktop and a
phone viewport: notes and glosses open in place inside the viewport on tap and on
keyboard focus and close again; no gloss ever enters the text a reader copies; Chinese
typography (full-width quotation marks from a CJK face, measure, leading, balanced
headings); axe-core and the Nu HTML Checker on the enhanced page, light and dark."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import require_file, require_tool
from test_browser import NODE_MODULES, browser, site  # noqa: F401 - shared fixtures

pytestmark = pytest.mark.slow

NOTO_SERIF_CJK = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
ESSAY = "texts/000/medical-staff-ideological-work.html"
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

# Where an element lies against the viewport, in CSS pixels.
BOX = """el => { const r = el.getBoundingClientRect();
  return {left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          vw: document.documentElement.clientWidth, vh: window.innerHeight}; }"""


def inside_viewport(box: dict[str, float]) -> bool:
    return box["left"] >= 0 and box["top"] >= 0 and box["right"] <= box["vw"] and box["bottom"] <= box["vh"]


@pytest.fixture(params=["desktop", "phone"])
def device(request):
    return request.param


def open_page(browser, site, device: str, theme: str = "light", script: bool = True, path: str = ESSAY):  # noqa: F811
    context = browser.new_context(**(DESKTOP if device == "desktop" else PHONE), java_script_enabled=script)
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{site}/{path}")
    page.wait_for_load_state("load")
    if script:
        page.wait_for_function("document.querySelector('.edition-show-terms-switch') !== null")
    return page


def popover(page):
    return page.locator(".edition-popover")


def test_a_gloss_opens_in_place_on_tap_and_closes(browser, site, device):  # noqa: F811
    page = open_page(browser, site, device)
    # The last gloss on the first screen's paragraph may sit at the column's edge.
    for index in (0, 3):
        link = page.locator("a.term-link").nth(index)
        link.scroll_into_view_if_needed()
        (link.tap if device == "phone" else link.click)()
        assert popover(page).count() == 1
        assert link.get_attribute("aria-controls") == popover(page).get_attribute("id")
        box = popover(page).evaluate(BOX)
        assert inside_viewport(box), box
        text = popover(page).inner_text()
        assert link.get_attribute("data-pinyin") in text
        assert link.get_attribute("data-english") in text
        assert page.url.endswith(ESSAY)  # the tap did not jump to the glossary
        href = popover(page).locator("a").get_attribute("href")
        assert href == link.get_attribute("href")
        # A tap outside closes it.
        page.mouse.click(5, box["vh"] - 5) if device == "desktop" else page.touchscreen.tap(5, box["vh"] - 5)
        assert popover(page).count() == 0
        assert link.get_attribute("aria-controls") is None
    assert page.problems == []
    page.context.close()


def test_a_gloss_opens_on_keyboard_focus_and_closes_on_escape(browser, site, device):  # noqa: F811
    page = open_page(browser, site, device)
    link = page.locator("a.term-link").first
    # Focus it from the keyboard: Tab from the element just before it.
    # (whatever is focusable before it: the paragraph number, or the cite button beside it).
    page.evaluate(
        "() => { const a = document.querySelector('a.term-link');"
        " const all = [...document.querySelectorAll('a[href], button, summary, [tabindex]')]"
        "   .filter(e => e.tabIndex >= 0 && (e === a || e.getClientRects().length > 0));"
        " all[all.indexOf(a) - 1].focus(); }"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('term-link')")
    assert popover(page).count() == 1
    assert inside_viewport(popover(page).evaluate(BOX))
    # The gloss is the link's accessible description, in a hidden element outside the text.
    described = link.get_attribute("aria-describedby")
    assert page.evaluate(f"document.getElementById('{described}').textContent") == (
        f"{link.get_attribute('data-pinyin')}: {link.get_attribute('data-english')}"
    )
    # Tab reaches the entry link inside the popover; Escape closes and returns focus.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.edition-popover') !== null")
    page.keyboard.press("Escape")
    assert popover(page).count() == 0
    assert page.evaluate("document.activeElement.classList.contains('term-link')")
    page.context.close()


def test_a_note_opens_in_place_on_a_phone_and_closes(browser, site):  # noqa: F811
    page = open_page(browser, site, "phone")
    assert page.locator(".edition-sidenote").count() == 0  # no margin on a phone
    mark = page.locator("a.footnote-reference").first
    mark.scroll_into_view_if_needed()
    mark.tap()
    assert popover(page).count() == 1
    assert inside_viewport(popover(page).evaluate(BOX))
    note = page.locator(mark.get_attribute("href")).inner_text()
    assert "Move" in popover(page).inner_text() and "Move" in note
    assert mark.get_attribute("aria-expanded") == "true"
    popover(page).get_by_role("button", name="Close").tap()
    assert popover(page).count() == 0
    assert page.url.endswith(ESSAY)
    # The keyboard reaches the same note: focus the mark, Tab into its links.
    page.evaluate(
        "() => document.querySelector('a.footnote-reference').closest('p').querySelector('a').focus()"
    )
    for _ in range(20):
        if page.evaluate("document.activeElement.classList.contains('footnote-reference')"):
            break
        page.keyboard.press("Tab")
    assert popover(page).count() == 1
    assert inside_viewport(popover(page).evaluate(BOX))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.edition-popover') !== null")
    page.keyboard.press("Escape")
    assert popover(page).count() == 0
    page.context.close()


def test_notes_sit_in_the_margin_beside_their_paragraph_on_a_wide_screen(browser, site):  # noqa: F811
    page = open_page(browser, site, "desktop")
    marks = page.locator("a.footnote-reference")
    sides = page.locator(".edition-sidenote")
    assert sides.count() == marks.count() > 1
    previous_bottom = -1.0
    for i in range(sides.count()):
        side, mark = sides.nth(i), marks.nth(i)
        paragraph = mark.evaluate("m => m.closest('p').getBoundingClientRect().right")
        box = side.evaluate(BOX)
        assert box["left"] > paragraph  # beside the text, not over it
        assert box["right"] <= box["vw"]
        assert box["top"] >= previous_bottom  # stacked, never overlapping
        assert box["top"] >= mark.evaluate(BOX)["top"] - 20  # not above its mark
        previous_bottom = box["bottom"]
        assert side.inner_text().startswith(mark.inner_text().strip("[]"))
    # Focus on a mark points at its sidenote; a click does not leave the paragraph.
    marks.first.focus()
    assert "edition-sidenote-current" in (sides.first.get_attribute("class") or "")
    marks.first.click()
    assert page.url.endswith(ESSAY)
    assert inside_viewport(sides.first.evaluate(BOX))
    page.context.close()


def test_without_the_script_notes_stay_footnotes_and_terms_link_to_the_glossary(browser, site):  # noqa: F811
    page = open_page(browser, site, "phone", script=False)
    mark = page.locator("a.footnote-reference").first
    mark.click()
    assert page.url.endswith(mark.get_attribute("href"))
    link = page.locator("a.term-link").first
    assert (
        link.get_attribute("title")
        == f"{link.get_attribute('data-pinyin')}: {link.get_attribute('data-english')}"
    )
    link.click()
    assert "/glossary/index.html#term-" in page.url
    page.context.close()


def test_print_keeps_the_footnotes(browser, site):  # noqa: F811
    page = open_page(browser, site, "desktop")
    page.emulate_media(media="print")
    assert page.locator(".edition-sidenote").first.evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("aside.footnote-list").is_visible()
    page.context.close()


def test_copied_text_and_selection_carry_no_gloss(browser, site, device):  # noqa: F811
    page = open_page(browser, site, device)
    link = page.locator("#p1").locator("xpath=..").locator("a.term-link").first
    (link.tap if device == "phone" else link.click)()  # a gloss open while copying
    assert popover(page).count() == 1
    result = page.evaluate(
        """() => {
          const p = document.getElementById('p1').closest('p');
          const glosses = [...p.querySelectorAll('a.term-link')]
            .flatMap(a => [a.dataset.pinyin, a.dataset.english]);
          const range = document.createRange(); range.selectNodeContents(p);
          const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
          return {selected: sel.toString(), inner: p.innerText, content: p.textContent, glosses};
        }"""
    )
    assert len(result["glosses"]) >= 4
    for gloss in result["glosses"]:
        assert gloss not in result["selected"]
        assert gloss not in result["inner"]
        assert gloss not in result["content"]
    assert "医务思政以行业特色为依托" in result["selected"]
    page.context.close()


def test_show_terms_switch_marks_every_term_and_is_remembered(browser, site):  # noqa: F811
    page = open_page(browser, site, "desktop")
    repeat = page.locator("a.term-link.term-repeat").first
    first = page.locator("a.term-link.term-first").first
    underline = "e => getComputedStyle(e).textDecorationLine"
    assert first.evaluate(underline) == "underline"
    assert repeat.evaluate(underline) == "none"  # calm by default
    switch = page.locator(".edition-show-terms-switch")
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    assert repeat.evaluate(underline) == "underline"
    page.reload()
    page.wait_for_function("document.querySelector('.edition-show-terms-switch') !== null")
    assert page.locator(".edition-show-terms-switch").get_attribute("aria-pressed") == "true"
    assert page.locator("a.term-link.term-repeat").first.evaluate(underline) == "underline"
    page.context.close()


def test_chinese_quotation_marks_are_full_width_from_a_cjk_face(browser, site, device):  # noqa: F811
    require_file(NOTO_SERIF_CJK)  # Debian's fonts-noto-cjk
    page = open_page(browser, site, device, path="texts/000/soe-branch-secretaries.html")
    found = page.evaluate(
        """() => {
          const walker = document.createTreeWalker(document.querySelector('div[lang="zh-Hans"] > section'),
                                                   NodeFilter.SHOW_TEXT);
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const i = n.data.indexOf('“');
            if (i < 0 || !n.parentElement.closest('[lang]').lang.startsWith('zh')) continue;
            const range = document.createRange(); range.setStart(n, i); range.setEnd(n, i + 1);
            const el = n.parentElement; el.id = el.id || 'quote-holder';
            return {width: range.getBoundingClientRect().width,
                    size: parseFloat(getComputedStyle(el).fontSize), id: el.id,
                    family: getComputedStyle(el).fontFamily};
          }
          return null;
        }"""
    )
    assert found is not None
    assert found["family"].startswith('"Noto Serif CJK SC"')
    assert abs(found["width"] - found["size"]) <= 0.1 * found["size"], found
    # The face actually used for it (Chromium's own record) is a CJK one.
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"#{found['id']}"})["nodeId"]
    fonts = [f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]]
    assert any("CJK" in f for f in fonts), fonts
    page.context.close()


def test_reading_text_has_a_chinese_measure_and_leading(browser, site, device):  # noqa: F811
    page = open_page(browser, site, device)
    measure = page.evaluate(
        """() => { const p = document.getElementById('p2').closest('p'); const s = getComputedStyle(p);
          const size = parseFloat(s.fontSize);
          return {chars: p.getBoundingClientRect().width / size, leading: parseFloat(s.lineHeight) / size,
                  align: s.textAlign, last: s.textAlignLast, lineBreak: s.lineBreak}; }"""
    )
    assert abs(measure["leading"] - 1.8) < 0.01
    assert measure["align"] == "justify" and measure["last"] == "start" and measure["lineBreak"] == "strict"
    if device == "desktop":
        assert 30 <= measure["chars"] <= 38, measure
    else:
        assert measure["chars"] <= 38
    page.context.close()


def test_headings_are_balanced_and_never_end_on_one_character(browser, site, device):  # noqa: F811
    page = open_page(browser, site, device)
    headings = page.evaluate(
        """() => [...document.querySelectorAll('div[lang="zh-Hans"] :is(h1, h2)')].map(h => {
          const text = h.firstChild; const n = text.data.length;
          const top = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                             return r.getBoundingClientRect().top; };
          return {wrap: getComputedStyle(h).textWrapStyle || getComputedStyle(h).textWrap,
                  lonely: n > 1 && top(n - 1) !== top(n - 2), text: text.data};
        })"""
    )
    assert len(headings) > 3
    for heading in headings:
        assert heading["wrap"] == "balance", heading
        assert not heading["lonely"], heading
    page.context.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_nothing_on_an_essay_with_a_note_and_a_gloss_open(browser, site, device, theme):  # noqa: F811
    axe = require_file(NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    page = open_page(browser, site, device, theme)
    link = page.locator("a.term-link").first
    (link.tap if device == "phone" else link.click)()
    assert popover(page).count() == 1
    page.add_script_tag(content=axe)
    violations = page.evaluate(
        "async () => (await axe.run()).violations.map(v => [v.id, v.impact, v.nodes.length])"
    )
    assert violations == []
    if device == "phone":
        mark = page.locator("a.footnote-reference").first
        mark.scroll_into_view_if_needed()
        mark.tap()
        violations = page.evaluate(
            "async () => (await axe.run()).violations.map(v => [v.id, v.impact, v.nodes.length])"
        )
        assert violations == []
    page.context.close()


def test_the_enhanced_essay_passes_the_nu_html_checker(browser, site, tmp_path):  # noqa: F811
    java = require_tool("java")
    vnu = require_file(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar")
    page = open_page(browser, site, "phone")
    page.locator("a.term-link").first.tap()
    (tmp_path / "essay.html").write_text(page.content(), encoding="utf-8")
    page.context.close()
    result = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", str(tmp_path / "essay.html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[:3000]
