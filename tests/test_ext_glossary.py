"""Glossary entries and term links (tests/roots/test-glossary): stable anchors, the
index, the tooltip, unknown terms, and the glossary's state in its Sphinx domain."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.glossary_domain import GlossaryTerm, glossary_domain
from sphinx.testing.util import SphinxTestApp

TWO_SKINS = GlossaryTerm("glossary", "term-liang-zhang-pi", "liǎng zhāng pí", "two skins")


def rewrite(path: Path, text: str) -> None:
    """Change a source file so that Sphinx sees it changed since the last build, however
    coarse the file system's clock."""
    path.write_text(text, encoding="utf-8")
    later = time.time_ns() + 2_000_000_000
    os.utime(path, ns=(later, later))


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_glossary_entry_has_a_stable_anchor_and_works_with_term_and_index(app: SphinxTestApp) -> None:
    build(app)
    glossary = read(app, "glossary.html")
    assert 'id="term-liang-zhang-pi"' in glossary
    assert "term-0" not in glossary
    other = read(app, "other.html")
    assert 'href="glossary.html#term-liang-zhang-pi"' in other  # {term} resolves to the stable anchor
    genindex = read(app, "genindex.html")
    assert 'href="glossary.html#term-liang-zhang-pi"' in genindex
    assert ">L</h2>" in genindex  # grouped under the pinyin initial


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_glossary_link_carries_its_gloss_outside_its_text(app: SphinxTestApp) -> None:
    build(app)
    other = read(app, "other.html")
    link = other[other.index('<a class="term-link') :]
    link = link[: link.index("</a>") + 4]
    assert 'data-pinyin="liǎng zhāng pí"' in link
    assert 'data-english="two skins"' in link
    assert 'title="liǎng zhāng pí: two skins"' in link  # the description without a script
    # The link's text is the term alone: search snippets and copied text read nothing else.
    assert link.endswith(">两张皮</a>")


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_only_the_first_link_to_a_term_on_a_page_is_marked(app: SphinxTestApp) -> None:
    build(app)
    other = read(app, "other.html")
    assert other.count('class="term-link') == 2
    assert other.index('class="term-link term-first"') < other.index('class="term-link term-repeat"')


@pytest.mark.sphinx("latex", testroot="glossary", warningiserror=True)
def test_term_links_are_hyperlinks_in_latex(app: SphinxTestApp) -> None:
    build(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\hyperref[\detokenize{glossary:term-liang-zhang-pi}]{两张皮}" in tex


# A copy of the root (srcdir) that the test may change, with an environment of its own.
COPY = {"testroot": "glossary", "freshenv": True, "warningiserror": True}


@pytest.mark.sphinx("html", srcdir="glossary-unknown", **COPY)
def test_unknown_glossary_term_fails_the_build(app: SphinxTestApp) -> None:
    (Path(app.srcdir) / "other.md").write_text(
        "# Other\n\n{pn}`1` 见{gl}`不存在 <不存在>`。\n", encoding="utf-8"
    )
    app.build()
    assert "other.md:3: WARNING: glossary term not found: 不存在" in app.warning.getvalue()
    assert app.statuscode == 1
    assert "data-english" not in read(app, "other.html")  # no gloss for a term that has no entry


@pytest.mark.sphinx("html", srcdir="glossary-changed", **COPY)
def test_pages_linking_to_a_term_are_written_again_when_the_glossary_changes(app: SphinxTestApp) -> None:
    build(app)
    assert "two skins" in read(app, "other.html")
    glossary = Path(app.srcdir) / "glossary.md"
    rewrite(glossary, glossary.read_text(encoding="utf-8").replace("two skins", "two hides"))
    build(app)
    assert "two hides" in read(app, "other.html")  # other.md itself did not change


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_domain_holds_terms_and_the_pages_that_use_them(app: SphinxTestApp) -> None:
    build(app)
    domain = glossary_domain(app.env)
    assert domain.terms == {"两张皮": TWO_SKINS}
    assert domain.users == {"other"}
    assert domain.term_pages() == {"glossary"}


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_domain_clear_doc_forgets_a_documents_terms_and_links(app: SphinxTestApp) -> None:
    build(app)
    domain = glossary_domain(app.env)
    domain.clear_doc("index")  # neither defines nor links to a term
    assert domain.terms == {"两张皮": TWO_SKINS} and domain.users == {"other"}
    domain.clear_doc("glossary")
    assert domain.terms == {}
    domain.clear_doc("other")
    assert domain.users == set()


@pytest.mark.sphinx("html", testroot="glossary", warningiserror=True)
def test_domain_merges_what_a_parallel_reader_found_in_its_documents(app: SphinxTestApp) -> None:
    build(app)
    domain = glossary_domain(app.env)
    mine = GlossaryTerm("more", "term-xin-ci", "xīn cí", "new word")
    theirs = GlossaryTerm("elsewhere", "term-bie-chu", "bié chù", "not this reader's")
    other_data = {
        "version": domain.data_version,
        "terms": {"新词": mine, "别处": theirs},
        "users": {"more", "elsewhere"},
    }
    domain.merge_domaindata({"more"}, other_data)
    assert domain.terms == {"两张皮": TWO_SKINS, "新词": mine}
    assert domain.users == {"other", "more"}


# edition_serial_below 0: three documents would otherwise be read without -j (serial.py).
@pytest.mark.sphinx(
    "html", srcdir="glossary-parallel", parallel=2, confoverrides={"edition_serial_below": 0}, **COPY
)
def test_parallel_read_gathers_the_terms_of_every_reader(app: SphinxTestApp) -> None:
    build(app)
    assert app.parallel == 2  # read by workers, not serially
    domain = glossary_domain(app.env)
    assert domain.terms == {"两张皮": TWO_SKINS}
    assert domain.users == {"other"}
    assert 'data-english="two skins"' in read(app, "other.html")
