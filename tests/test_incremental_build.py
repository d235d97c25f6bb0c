"""An HTML build whose sources did not change reads nothing again: the configuration
the environment was saved with equals the one read next time (book.md, the PDF's
master document, is excluded from HTML builds when the configuration is read, not
once the builder starts, which made every build read every document)."""

from __future__ import annotations

import gzip
import json
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


# One source changed in a larger site: the rebuild reads only that document, reads and
# writes it without -j (sphinxext/serial.py), runs Pagefind again, and leaves the same
# site as a clean build of the changed sources; a rebuild with nothing changed leaves
# the index alone.
ESSAYS = 12  # more than ten documents per one changed: the serial rule applies


def essay_text(i: int, word: str) -> str:
    return f"# 第{i}篇\n\n第{i}篇文章谈{word}。\n"


def big_site(root: Path) -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    toc = "\n".join(f"e{i:02d}" for i in range(ESSAYS))
    (src / "index.md").write_text(f"# 首页\n\n```{{toctree}}\n{toc}\n```\n", encoding="utf-8")
    (src / "book.md").write_text("# Book\n", encoding="utf-8")
    for i in range(ESSAYS):
        (src / f"e{i:02d}.md").write_text(essay_text(i, "群众路线"), encoding="utf-8")
    return src


def build_html(src: Path, out: Path, parallel: int = 0) -> SphinxTestApp:
    app = SphinxTestApp("html", srcdir=src, builddir=out, parallel=parallel)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def site_files(out: Path) -> dict[str, bytes]:
    """The built site (pages, assets, the Pagefind index), without Sphinx's own records."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".doctrees" not in p.parts and p.name != ".buildinfo"
    }


def indexed_text(out: Path) -> str:
    """Everything Pagefind's fragments hold (each page's indexed content), as one text."""
    text = []
    for path in sorted((out / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        text.append(str(json.loads(raw)["content"]).replace("\u200b", ""))
    return "\n".join(text)


def test_a_rebuild_after_one_change_makes_the_site_a_clean_build_makes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    src = big_site(tmp_path / "edited")
    build_html(src, tmp_path / "edited" / "build", parallel=2)
    out = tmp_path / "edited" / "build" / "html"
    (src / "e03.md").write_text(essay_text(3, "思想政治工作"), encoding="utf-8")
    again = build_html(src, tmp_path / "edited" / "build", parallel=2)
    assert again.parallel == 1  # one document of 14 read: read and written here
    assert "思想政治工作" in indexed_text(out)  # the search finds the new text

    clean = big_site(tmp_path / "clean")
    (clean / "e03.md").write_text(essay_text(3, "思想政治工作"), encoding="utf-8")
    build_html(clean, tmp_path / "clean" / "build", parallel=2)
    assert site_files(out) == site_files(tmp_path / "clean" / "build" / "html")


def test_a_rebuild_with_nothing_changed_keeps_the_index(tmp_path):
    src = big_site(tmp_path)
    build_html(src, tmp_path / "build")
    entry = tmp_path / "build" / "html" / "pagefind" / "pagefind-entry.json"
    made = entry.stat().st_mtime_ns
    build_html(src, tmp_path / "build")  # Sphinx rewrites the home page, with the same bytes
    assert entry.stat().st_mtime_ns == made
    entry.unlink()
    build_html(src, tmp_path / "build")  # an index that is gone is made again
    assert entry.is_file()
