"""An HTML build whose sources did not change reads nothing again: the configuration
the environment was saved with equals the one read next time (book.md, the PDF's
master document, is excluded from HTML builds when the configuration is read, not
once the builder starts, which made every build read every document)."""

from __future__ import annotations

from pathlib import Path

from sphinx.environment import CONFIG_OK
from sphinx.testing.util import SphinxTestApp

CONF = """
extensions = ["myst_parser", "sizheng_edition.sphinxext"]
html_theme = "furo"
root_doc = "index"
latex_documents = [("book", "book.tex", "Book", "Editor", "manual")]
"""


def site(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nessay\n```\n", encoding="utf-8")
    (src / "essay.md").write_text("# Essay\n\nText.\n", encoding="utf-8")
    (src / "book.md").write_text("# Book\n\n```{toctree}\nessay\n```\n", encoding="utf-8")
    return src


def app_for(src: Path, builder: str) -> SphinxTestApp:
    return SphinxTestApp(builder, srcdir=src, builddir=src.parent / "build" / builder)


def test_a_second_html_build_finds_the_configuration_unchanged(tmp_path):
    src = site(tmp_path)
    first = app_for(src, "html")
    try:
        first.build()
        assert "book" not in first.env.found_docs  # no stray second home page
    finally:
        first.cleanup()
    second = app_for(src, "html")
    try:
        assert second.env.config_status == CONFIG_OK
        second.build()
        assert second.builder.get_outdated_docs is not None
        assert "book" not in second.env.found_docs
    finally:
        second.cleanup()


def test_the_latex_build_still_reads_the_book(tmp_path):
    src = site(tmp_path)
    app = app_for(src, "latex")
    try:
        app.build()
        assert {"book", "essay"} <= app.env.found_docs
    finally:
        app.cleanup()
