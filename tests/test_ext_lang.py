"""Language tagging (tests/roots/test-lang): pages, blocks, spans and footnotes say
which language they are in."""

from __future__ import annotations

import pytest
from conftest import build_root as build
from conftest import read_output as read
from docutils import nodes
from sizheng_edition.sphinxext.lang import lang_block
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="lang", warningiserror=True)
def test_language_tags(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert '<div lang="zh-Hans">' in page  # from the page's front matter
    assert '<div class="original" lang="zh-Hant">' in page
    assert '<aside class="footnote-list brackets" lang="en">' in page
    assert '<span lang="zh-Hans">中文</span>' in read(app, "other.html")
    doctree = app.env.get_doctree("index")
    assert [b["lang"] for b in doctree.findall(lang_block)] == ["zh-Hant"]
    assert len(list(doctree.findall(nodes.footnote))) == 1


@pytest.mark.sphinx("html", testroot="lang", warningiserror=True)
def test_a_page_without_a_language_is_not_wrapped(app: SphinxTestApp) -> None:
    build(app)
    assert '<div lang="zh-Hans">' not in read(app, "other.html")
