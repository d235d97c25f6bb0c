"""Paragraph and line anchors (tests/roots/test-anchors): ids, labels that reach them
from other pages, and their form in LaTeX and plain text; their labels kept page by page
in the ``anchors`` domain, not one standard label each."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.anchors import anchor_domain, numbered_anchor
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
    places = anchor_domain(app.env).places
    assert places["other-p1"] == ("other", "p1", "¶1")
    assert places["s000-l3"] == ("transcription", "l3", "000:3")


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_no_standard_label_per_line_or_paragraph(app: SphinxTestApp) -> None:
    # The standard domain forgets a page by scanning all its labels: one label per line
    # there made a serial build quadratic in the number of pages.
    build(app)
    std = app.env.domains.standard_domain
    ours = {"index-p1", "index-p2", "other-p1", "s000-l3"}
    assert not ours & (std.labels.keys() | std.anonlabels.keys())
    assert anchor_domain(app.env).pages == {
        "index": {"index-p1": ("p1", "¶1"), "index-p2": ("p2", "¶2")},
        "other": {"other-p1": ("p1", "¶1")},
        "transcription": {"s000-l3": ("l3", "000:3")},
    }


class _NoScan(dict[str, tuple[str, str, str]]):
    """The labels of all pages, refusing to be scanned as a whole."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        raise AssertionError("all labels scanned")

    def items(self):  # type: ignore[no-untyped-def]
        raise AssertionError("all labels scanned")

    def values(self):  # type: ignore[no-untyped-def]
        raise AssertionError("all labels scanned")

    def keys(self):  # type: ignore[no-untyped-def]
        raise AssertionError("all labels scanned")


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_forgetting_a_page_touches_only_its_labels(app: SphinxTestApp) -> None:
    build(app)
    domain = anchor_domain(app.env)
    domain.data["places"] = _NoScan(domain.places)
    domain.clear_doc("transcription")
    assert "s000-l3" not in domain.places
    assert "transcription" not in domain.pages
    assert domain.places["other-p1"] == ("other", "p1", "¶1")


@pytest.mark.sphinx("html", testroot="anchors", warningiserror=True)
def test_labels_from_a_parallel_reader_are_merged(app: SphinxTestApp) -> None:
    build(app)
    domain = anchor_domain(app.env)
    other = {"pages": {"transcription": {"s000-l9": ("l9", "000:9")}, "other": {"x-p1": ("p1", "¶1")}}}
    domain.clear_doc("transcription")
    domain.merge_domaindata({"transcription"}, other)
    assert domain.places["s000-l9"] == ("transcription", "l9", "000:9")
    assert "x-p1" not in domain.places  # not among the docnames that reader read
    assert domain.places["other-p1"] == ("other", "p1", "¶1")


@pytest.mark.sphinx("html", testroot="anchors", srcdir="anchors-broken")
def test_broken_line_reference_is_a_warning_naming_the_page(app: SphinxTestApp) -> None:
    index = Path(app.srcdir) / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("s000-l3", "s000-l9"), encoding="utf-8")
    app.build()
    warnings = app.warning.getvalue()
    assert "index.md" in warnings
    assert "undefined label: 's000-l9'" in warnings
    page = read(app, "index.html")
    assert 'href="transcription.html#l3"' not in page
    assert 'href="other.html#p1"' in page


@pytest.mark.sphinx("html", testroot="anchors", srcdir="anchors-duplicate")
def test_duplicate_label_is_a_warning(app: SphinxTestApp) -> None:
    (Path(app.srcdir) / "other.md").write_text("# Other\n\n{ln}`000:3` 重复\n", encoding="utf-8")
    app.build()
    assert "duplicate label s000-l3" in app.warning.getvalue()


@pytest.mark.sphinx("latex", testroot="anchors", warningiserror=True)
def test_latex_output_has_labels_for_anchors(app: SphinxTestApp) -> None:
    build(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\label{\detokenize{index:p1}}\editionparanum{1}" in tex
    assert r"\providecommand{\editionparanum}" in tex
    assert r"\label{\detokenize{transcription:l3}}\editionlinenum{3}" in tex
    # The references on the first page reach both anchors in the one LaTeX document.
    assert r"\hyperref[\detokenize{other:p1}]" in tex
    assert r"\hyperref[\detokenize{transcription:l3}]" in tex


@pytest.mark.sphinx("text", testroot="anchors", warningiserror=True)
def test_plain_text_shows_the_numbers(app: SphinxTestApp) -> None:
    build(app)
    assert "[1]  第一段。" in read(app, "index.txt")  # the number, then the space the source has
