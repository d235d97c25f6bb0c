"""The Sphinx extension on a small project (tests/roots/test-ext), as sphinx-design tests its features."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docutils import nodes
from sizheng_edition.sphinxext.anchors import numbered_anchor
from sizheng_edition.sphinxext.lang import lang_block

ROOTS = Path(__file__).parent / "roots"


@pytest.fixture
def app(make_app, tmp_path):
    import shutil

    src = tmp_path / "test-ext"
    shutil.copytree(ROOTS / "test-ext", src)
    app = make_app("html", srcdir=src, warningiserror=True)
    app.build()
    return app


def read(app, name: str) -> str:
    return (Path(app.outdir) / name).read_text(encoding="utf-8")


def test_paragraph_number_is_anchor_and_permalink(app):
    page = read(app, "index.html")
    assert '<a class="para-number" id="p1" href="#p1"' in page
    doctree = app.env.get_doctree("index")
    anchors = list(doctree.findall(numbered_anchor))
    assert [a["ids"] for a in anchors] == [["p1"], ["p2"]]


def test_labels_reach_paragraphs_and_lines_on_other_pages(app):
    page = read(app, "index.html")
    assert 'href="other.html#p1"' in page
    assert 'href="transcription.html#l3"' in page
    labels = app.env.domains.standard_domain.anonlabels
    assert labels["other-p1"] == ("other", "p1")
    assert labels["s000-l3"] == ("transcription", "l3")


def test_language_tags(app):
    page = read(app, "index.html")
    assert '<div lang="zh-Hans">' in page  # from the page's front matter
    assert '<div class="original" lang="zh-Hant">' in page
    assert '<aside class="footnote-list brackets" lang="en">' in page
    assert '<span lang="zh-Hans">中文</span>' in read(app, "other.html")
    doctree = app.env.get_doctree("index")
    assert [b["lang"] for b in doctree.findall(lang_block)] == ["zh-Hant"]
    assert len(list(doctree.findall(nodes.footnote))) == 1


def test_chinese_search_script_names_a_stemmer_that_exists(app):
    data = read(app, "_static/language_data.js")
    assert "window.Stemmer = EnglishStemmer;" in data
    assert "EnglishStemmer = function" in data or "class EnglishStemmer" in data or "EnglishStemmer=" in data


def search_terms(app) -> dict:
    raw = read(app, "searchindex.js")
    return json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])["terms"]


def test_chinese_text_is_indexed_with_jieba(app):
    terms = search_terms(app)
    assert "第一段" in terms or "第一" in terms
    assert "原文" in terms


def test_latex_output_has_labels_for_anchors(make_app, tmp_path):
    import shutil

    src = tmp_path / "test-ext"
    shutil.copytree(ROOTS / "test-ext", src)
    app = make_app("latex", srcdir=src, warningiserror=True)
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\label{\detokenize{index:p1}}\editionparanum{1}" in tex
    assert r"\providecommand{\editionparanum}" in tex


def test_glossary_entry_has_a_stable_anchor_and_works_with_term_and_index(app):
    glossary = read(app, "glossary.html")
    assert 'id="term-liang-zhang-pi"' in glossary
    assert "term-0" not in glossary
    other = read(app, "other.html")
    assert 'href="glossary.html#term-liang-zhang-pi"' in other  # {term} resolves to the stable anchor
    genindex = read(app, "genindex.html")
    assert 'href="glossary.html#term-liang-zhang-pi"' in genindex
    assert ">L</h2>" in genindex  # grouped under the pinyin initial


def test_glossary_link_has_an_accessible_tooltip(app):
    other = read(app, "other.html")
    link = other[other.index('<a class="term-link"') :]
    link = link[: link.index("</a>") + 4]
    assert 'aria-describedby="tip-1"' in link
    assert '<span class="term-tip" role="tooltip" id="tip-1" lang="en">' in link
    assert "liǎng zhāng pí</span> two skins" in link


def test_unknown_glossary_term_fails_the_build(make_app, tmp_path):
    import shutil

    src = tmp_path / "test-ext"
    shutil.copytree(ROOTS / "test-ext", src)
    (src / "other.md").write_text("# Other\n\n{pn}`1` 见{gl}`不存在 <不存在>`。\n", encoding="utf-8")
    app = make_app("html", srcdir=src, warningiserror=True)
    app.build()
    assert "other.md:3: WARNING: glossary term not found: 不存在" in app.warning.getvalue()
    assert app.statuscode == 1


def test_navigation_stays_bounded_on_large_sites(tmp_path):
    """With the limits forced low, the sidebar shows the branch to the current page and
    counts the rest, instead of the whole site."""
    from conftest import ROOT
    from sphinx.testing.util import SphinxTestApp

    overrides = {"edition_nav_full_limit": 1, "edition_nav_max_siblings": 2}
    app = SphinxTestApp("html", srcdir=ROOT / "edition", builddir=tmp_path, confoverrides=overrides)
    try:
        app.build()
    finally:
        app.cleanup()
    page = (Path(app.outdir) / "texts" / "000" / "soe-branch-secretaries.html").read_text(encoding="utf-8")
    nav = page[page.index('class="sidebar-tree"') : page.index('id="furo-main-content"')]
    assert "… 3 more" in nav  # the other sources and the rules page
    assert "… 5 more" in nav  # the other articles of source 000 and its transcription
    assert 'class="current reference internal" href="#"' in nav
    assert "Introduction" in nav and "Glossary" in nav  # the top level is always complete
    assert "medical-staff-ideological-work.html" not in nav
