""" "How to cite" blocks (tests/roots/test-citation): Chicago and GB/T 7714 forms with
the project's name, editors and version, and the page's URL when one is known."""

from __future__ import annotations

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="citation", warningiserror=True)
def test_cite_article_without_a_base_url_gives_the_pages_path(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "article.html")
    assert '<div class="cite-this" lang="en">' in page
    assert '<p class="rubric">Cite this article</p>' in page
    assert (
        '<p><strong>Chicago</strong> <span lang="zh-Hans">刘江南</span>. '
        '“<span lang="zh-Hans">促进党建</span>.” In <em>Test Edition</em>, '
        "edited by the editors. Version 1.2.3. "
        "article.html (path on the edition's web site).</p>"
    ) in page
    assert (
        '<p><strong>GB/T 7714</strong> <span lang="zh-Hans">刘江南</span>. '
        '<span lang="zh-Hans">促进党建</span>[EB/OL]//The editors. Test Edition. '
        '<span lang="zh-Hans">1.2.3版. [引用日期]. </span>'
        "article.html (path on the edition's web site).</p>"
    ) in page
    assert "To cite a paragraph, add ¶n to the citation and #pn to the URL." in page


@pytest.mark.sphinx("html", testroot="citation", warningiserror=True)
def test_cite_edition(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert '<p class="rubric">Cite the edition</p>' in page
    assert (
        "<p><strong>Chicago</strong> The editors, eds. <em>Test Edition</em>. Version 1.2.3. "
        "index.html (path on the edition's web site).</p>"
    ) in page


@pytest.mark.sphinx(
    "html",
    testroot="citation",
    srcdir="citation-baseurl",
    freshenv=True,
    warningiserror=True,
    confoverrides={"html_baseurl": "https://edition.example/en/latest/"},
)
def test_cite_links_the_stable_url_when_the_base_url_is_known(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "article.html")
    url = "https://edition.example/en/latest/article.html"
    assert f'<a class="reference external" href="{url}">{url}</a>' in page
    assert "path on the edition's web site" not in page
