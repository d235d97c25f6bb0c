"""Paragraph and line anchors (tests/roots/test-anchors): ids, labels that reach them
from other pages, and their form in LaTeX and plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.anchors import numbered_anchor
from sphinx.testing.util import SphinxTestApp


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_paragraph_number_is_anchor_and_permalink(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert '<a class="para-number" id="p1" href="#p1"' in page
    doctree = app.env.get_doctree("index")
    anchors = list(doctree.findall(numbered_anchor))
    assert [a["ids"] for a in anchors] == [["p1"], ["p2"]]


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_anchor_has_an_accessible_name(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "transcription.html")
    assert (
        '<a class="line-number" id="l3" href="#l3" title="000:3 (link to this place)" '
        'aria-label="000:3 (link to this place)">3</a>'
    ) in page


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_labels_reach_paragraphs_and_lines_on_other_pages(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert 'href="other.html#p1"' in page
    assert 'href="transcription.html#l3"' in page
    labels = app.env.domains.standard_domain.anonlabels
    assert labels["other-p1"] == ("other", "p1")
    assert labels["s000-l3"] == ("transcription", "l3")


@pytest.mark.sphinx("latex", testroot="anchors", warningiserror=True)
def test_latex_output_has_labels_for_anchors(app: SphinxTestApp) -> None:
    build(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\label{\detokenize{index:p1}}\editionparanum{1}" in tex
    assert r"\providecommand{\editionparanum}" in tex
    assert r"\label{\detokenize{transcription:l3}}\editionlinenum{3}" in tex


@pytest.mark.sphinx("text", testroot="anchors", warningiserror=True)
def test_plain_text_shows_the_numbers(app: SphinxTestApp) -> None:
    build(app)
    assert "[1]  第一段。" in read(app, "index.txt")  # the number, then the space the source has
