"""The bounded sidebar (tests/roots/test-navigation, a small site shaped like the
edition: sources with several articles, under furo).  The limits are forced low so
that a few pages exercise what a large edition would."""

from __future__ import annotations

from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from sizheng_edition.sphinxext import navigation
from sphinx.testing.util import SphinxTestApp

LOW_LIMITS = {"edition_nav_full_limit": 1, "edition_nav_max_siblings": 2}
PAGE = "texts/000/soe-branch-secretaries.html"


def build(app: SphinxTestApp) -> SphinxTestApp:
    app.build()
    assert not app.warning.getvalue(), app.warning.getvalue()
    return app


def sidebar(app: SphinxTestApp, name: str) -> str:
    page = (Path(app.outdir) / name).read_text(encoding="utf-8")
    return page[page.index('class="sidebar-tree"') : page.index('id="furo-main-content"')]


@pytest.mark.sphinx("html", testroot="navigation", srcdir="navigation-bounded", confoverrides=LOW_LIMITS)
def test_navigation_stays_bounded_on_large_sites(app: SphinxTestApp) -> None:
    """With the limits forced low, the sidebar shows the branch to the current page and
    counts the rest, instead of the whole site."""
    build(app)
    nav = sidebar(app, PAGE)
    assert "… 3 more" in nav  # the other sources and the rules page
    assert "… 5 more" in nav  # the other articles of source 000 and its transcription
    assert 'class="current reference internal" href="#"' in nav
    assert "Introduction" in nav and "Glossary" in nav  # the top level is always complete
    assert "medical-staff-ideological-work.html" not in nav


@pytest.mark.sphinx("html", testroot="navigation", srcdir="navigation-bounded", confoverrides=LOW_LIMITS)
def test_bounded_tree_follows_the_main_tree_not_the_books(app: SphinxTestApp) -> None:
    """book.md's toctree also includes the article; its place is still under source 000."""
    build(app)
    nav = sidebar(app, PAGE)
    assert nav.index("Source 000") < nav.index("Article soe-branch-secretaries")
    assert "The book" not in nav


@pytest.mark.sphinx("html", testroot="navigation")
def test_small_sites_keep_furos_full_tree(app: SphinxTestApp) -> None:
    build(app)
    nav = sidebar(app, PAGE)
    assert "medical-staff-ideological-work.html" in nav
    assert "more</a>" not in nav


@pytest.mark.sphinx("html", testroot="navigation", srcdir="navigation-untested", confoverrides=LOW_LIMITS)
def test_an_untested_furo_keeps_its_own_tree_and_says_so(
    app: SphinxTestApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(navigation, "FURO_TESTED", SpecifierSet("<2000"))
    app.build()
    warnings = app.warning.getvalue()
    assert warnings.count("WARNING: furo ") == 1, warnings
    assert "keeping furo's full navigation tree" in warnings
    nav = sidebar(app, PAGE)
    assert "medical-staff-ideological-work.html" in nav
    assert "more</a>" not in nav


def test_the_tested_furo_range_is_the_one_pyproject_allows() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    furo = next(d for d in dependencies if d.startswith("furo"))
    assert SpecifierSet(furo.removeprefix("furo")) == navigation.FURO_TESTED
