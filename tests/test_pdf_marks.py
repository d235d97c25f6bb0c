"""The PDF shows the apparatus's marks in the reading text, as the web does: every class
the generator puts on a span of reading text ([想]{.emended}, [着]{.converted},
[〔……〕]{.supplied}) has a LaTeX style, and Sphinx writes those spans as the
\\DUrole{class} that calls it (otherwise the mark would silently vanish from print)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STYLE = ROOT / "edition" / "_latex" / "editionbook.sty"
SPAN_CLASS = re.compile(r"\]\{\.([a-z][a-z-]*)\}")


def _span_classes(articles_dir: Path) -> set[str]:
    return {c for page in articles_dir.rglob("*.md") for c in SPAN_CLASS.findall(page.read_text("utf-8"))}


def _styled_roles(style: str) -> set[str]:
    return set(re.findall(r"\\newcommand\{\\DUrole([a-z]+)\}", style))


def test_every_span_class_of_the_reading_text_has_a_print_style():
    classes = _span_classes(ROOT / "edition" / "texts")
    # The classes the apparatus uses today; a new one must get a style before it ships.
    assert {"emended", "converted", "supplied"} <= classes
    missing = {c.replace("-", "") for c in classes} - _styled_roles(STYLE.read_text("utf-8"))
    assert missing == set()


def test_the_check_sees_a_class_without_a_style(tmp_path):
    (tmp_path / "a.md").write_text("思[想]{.emended}政治[x]{.newmark}", encoding="utf-8")
    classes = _span_classes(tmp_path)
    assert classes - _styled_roles(STYLE.read_text("utf-8")) == {"newmark"}


@pytest.mark.slow
def test_the_latex_source_carries_the_marks_to_the_style(built_latex):
    tex = (built_latex / "sizheng-edition.tex").read_text(encoding="utf-8")
    assert r"思\DUrole{emended}{想}政治" in tex
    assert r"比较\DUrole{converted}{着}急" in tex
    assert r"\DUrole{supplied}{〔……〕}" in tex
    assert r"\RequirePackage{xeCJKfntef}" in (built_latex / "editionbook.sty").read_text("utf-8")
