"""The whole search query set (tests/search/queries.yaml) run in Chromium on the real
edition's site (conftest's built_html): ranking, paragraph links, highlighted excerpts
cut from the reading text alone, and the search page at a phone's width."""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, require_file, require_module, require_tool
from search_engines import Query, article_id, found, load_queries, pagefind_results, serve

QUERIES = load_queries()

# Hits in the top 3 that Pagefind reaches per class (docs/search.md), as measured.  Below
# the class size, and why:
#  single-character: Pagefind matches a query as the start of a word of its Chinese
#    segmentation, so 润 (only inside 丰润) and 床 (only inside 临床) find nothing;
#  glossary-term: 从苍蝇到老虎 is segmented into 从/苍蝇/到/老虎 and the common 从 and 到
#    lift longer essays above the one that has the phrase;
#  english: "public institution" is not matched as a phrase: an essay with "public
#    complaints" and "medical institutions" outranks the one glossed "public institution".
FLOOR = {
    "simplified": 8,
    "column-break": 5,
    "traditional": 7,
    "single-character": 4,
    "author": 8,
    "glossary-term": 5,
    "pinyin": 7,
    "english": 7,
}
# Classes whose expected essay matches inside a paragraph, so its hit links to #pN.
IN_PARAGRAPH = {"column-break", "glossary-term", "pinyin", "english"}
ESSAY = re.compile(r"/texts/\d{3}/(?!index|transcription)[a-z-]+\.html")


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("chromium")
    require_module("playwright")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(built_html):
    with serve(built_html) as url:
        yield url


@pytest.fixture(scope="module")
def results(browser, site) -> dict[Query, list[dict[str, Any]]]:
    """Every query's results, searched once at a desktop width."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    out = {q: pagefind_results(page, site, q.q) for q in QUERIES}
    page.close()
    assert not problems, problems
    return out


def hrefs(found_results: list[dict[str, Any]]) -> list[str]:
    return [r["href"] for r in found_results]


def test_the_query_set_covers_every_class() -> None:
    assert len(QUERIES) >= 40
    assert set(FLOOR) == {q.kind for q in QUERIES}


def test_each_class_reaches_its_floor_in_the_top_3(results) -> None:
    hits: Counter[str] = Counter()
    misses = []
    for query, found_results in results.items():
        if found(query, hrefs(found_results)):
            hits[query.kind] += 1
        else:
            misses.append(f"{query.kind} {query.q}: {hrefs(found_results)[:3]}")
    below = {kind: (hits[kind], floor) for kind, floor in FLOOR.items() if hits[kind] < floor}
    assert not below, f"hits below the floor {below}; misses:\n" + "\n".join(misses)


def test_essays_rank_above_apparatus_pages(results) -> None:
    for query, found_results in results.items():
        links = hrefs(found_results)
        if not links:
            continue
        assert ESSAY.match(links[0]), (query.q, links[:3])
        # Where the expected essay is a hit, no apparatus page comes before it.
        at = next((i for i, h in enumerate(links[:3]) if article_id(h) in query.expect), None)
        if at is not None:
            assert all(ESSAY.match(h) for h in links[:at]), (query.q, links[: at + 1])


def paragraph_text(page_html: str, pid: str) -> str:
    """The reading text from paragraph ``pid`` to the next numbered paragraph, without
    its witness lines and original (which repeat it)."""
    start = page_html.index(f'id="{pid}"')
    nxt = re.compile(r'id="p\d+"|class="edition-search-terms"').search(page_html, start + 1)
    chunk = page_html[start : nxt.start() if nxt else len(page_html)]
    chunk = re.sub(r"<details.*?</details>", "", chunk, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", chunk))


def test_hits_link_to_the_paragraph_that_holds_the_match(results, built_html: Path) -> None:
    checked = 0
    for query, found_results in results.items():
        for result in found_results[:3]:
            if not ESSAY.match(result["href"]):
                continue
            url, _, pid = result["href"].partition("#")
            if query.kind in IN_PARAGRAPH and article_id(url) in query.expect:
                assert re.fullmatch(r"p\d+", pid), (query.q, result["href"])
            if not pid:
                continue  # matched in the title or byline: the page itself
            assert re.fullmatch(r"p\d+", pid), result["href"]
            text = paragraph_text((built_html / url.lstrip("/")).read_text(encoding="utf-8"), pid)
            assert result["marks"], (query.q, result["excerpt"])
            assert result["marks"][0].strip() in text, (query.q, result["href"], result["marks"][0])
            checked += 1
    assert checked > len(QUERIES) // 2  # the check ran on most queries, not on a few


def hidden_keys(page_html: str) -> list[str]:
    """The pinyin and English keys a page indexes after its text."""
    block = re.search(r'<div class="edition-search-terms"[^>]*>(.*?)</div>', page_html, re.S)
    keys = re.findall(r">([^<]+)\. </span>", block.group(1)) if block else []
    return [html.unescape(k) for k in keys if len(k) >= 5]


def note_texts(page_html: str) -> list[str]:
    """Opening words of each editorial note (aside.footnote) on a page."""
    notes = re.findall(r'<aside class="footnote brackets".*?</aside>', page_html, re.S)
    texts = [
        html.unescape(
            re.sub(r"<[^>]+>", "", re.sub(r'<span class="label">.*?</span>\s*</span>', "", n, flags=re.S))
        )
        for n in notes
    ]
    return [" ".join(t.split())[:24] for t in texts if len(t.strip()) >= 24]


def test_excerpts_mark_the_match_and_hold_no_gloss_or_note_text(results, built_html: Path) -> None:
    pages: dict[str, str] = {}
    checked = 0
    for query, found_results in results.items():
        for result in found_results[:3]:
            url = result["href"].partition("#")[0]
            if not ESSAY.match(url):
                continue
            page_html = pages.setdefault(url, (built_html / url.lstrip("/")).read_text(encoding="utf-8"))
            assert "<mark>" in result["excerpt"], (query.q, result["excerpt"])
            text = result["text"]
            for leak in hidden_keys(page_html) + note_texts(page_html):
                assert leak not in text, (query.q, url, leak, text)
            checked += 1
    assert checked > len(QUERIES)


def test_a_traditional_query_is_marked_in_simplified(results) -> None:
    by_text = {q.q: r for q, r in results.items()}
    assert any("党支部" in m for r in by_text["黨支部書記"][:3] for m in r["marks"])
    assert any("医保" in m for r in by_text["醫保局"][:3] for m in r["marks"])


def test_furo_search_box_leads_to_pagefind_at_phone_width(browser, site) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site}/texts/000/guangyang-medical-insurance.html")
    page.click("label.nav-overlay-icon")  # furo's menu button opens the sidebar
    box = page.locator("input.sidebar-search").first
    box.fill("yibao")
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=yibao"))
    page.wait_for_selector(".pagefind-ui__result-link")
    first = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
    assert first and first.endswith("guangyang-medical-insurance.html#p1")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, overflow
    page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)])
def test_axe_finds_nothing_on_the_results(browser, site, theme, viewport) -> None:
    axe = require_file(ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    found = {}
    for query in ("黨支部書記", "yibao"):
        pagefind_results(page, site, query)
        page.add_script_tag(content=axe)
        violations = page.evaluate(
            "async () => (await axe.run()).violations.map(v => [v.id, v.impact, v.nodes[0].html])"
        )
        if violations:
            found[query] = violations
    context.close()
    assert found == {}
