"""The LaTeX builder accepts the edition (warnings as errors) and keeps its links.
Compiling the PDF needs TeX and is tested with the PDF (tests/test_formats.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tex(built_latex) -> str:
    return (built_latex / "sizheng-edition.tex").read_text(encoding="utf-8")


def test_glossary_is_an_appendix_with_stable_labels(tex):
    assert tex.index(r"\appendix") < tex.index(
        r"\label{\detokenize{glossary/index:term-sixiang-zhengzhi-gongzuo}}"
    )


def test_term_links_are_hyperlinks(tex):
    assert r"\hyperref[\detokenize{glossary/index:term-sixiang-zhengzhi-gongzuo}]{思想政治工作}" in tex


def test_notes_are_footnotes_and_paragraphs_are_labelled(tex):
    assert tex.count(r"\begin{footnote}") >= 20
    assert r"\label{\detokenize{texts/000/soe-branch-secretaries:p4}}\editionparanum{4}" in tex


def test_cjk_fonts_are_set(tex):
    assert r"\usepackage[CJKmath=true]{xeCJK}" in tex and r"\setCJKmainfont{Noto Serif CJK SC}" in tex
