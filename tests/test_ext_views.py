"""The parallel blocks (tests/roots/test-views) in each output: a closed <details> that
search skips on the web, the original alone as a block in print and e-book."""

from __future__ import annotations

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="views", warningiserror=True)
def test_html_blocks_are_closed_details_search_ignores(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert page.count("<details ") == 2 and " open" not in page
    assert '<details class="witness-lines" data-pagefind-ignore="all" lang="zh-Hant">' in page
    assert '<summary lang="en">Source lines 003:4–5</summary>' in page
    assert '<span lang="en">joined</span>' in page
    assert "第一段&lt;b&gt;原文" in page  # source text stays text


@pytest.mark.sphinx("epub", testroot="views", warningiserror=True)
def test_epub_prints_the_original_open_and_leaves_the_lines_out(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.xhtml")
    assert "<details" not in page and "joined" not in page
    assert '<div class="original" lang="zh-Hant">' in page


@pytest.mark.sphinx("latex", testroot="views", warningiserror=True)
def test_print_keeps_the_original_and_leaves_the_lines_out(app: SphinxTestApp) -> None:
    build(app)
    tex = next(p for p in app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert tex.count("\\begin{editionoriginal}") == 1 and "第一段" in tex
    assert "joined" not in tex and "Source lines" not in tex
