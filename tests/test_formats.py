"""The web site, PDF and EPUB as Read the Docs builds them (the session's builds, in
conftest.py); and reproducibility of the builds."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import JOBNAME, LATEXMK, fresh_copy, require_module, require_tool, rtd_sphinx, run

pytestmark = pytest.mark.slow


def pdf_text(pdf: Path) -> str:
    require_tool("pdftotext")
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_read_the_docs_builds_html(built_html):
    assert (built_html / "index.html").exists()
    assert (built_html / "texts" / "000" / "soe-branch-secretaries.html").exists()


def test_pdf_is_a_book_with_chinese_text_that_can_be_copied(built_pdf):
    text = pdf_text(built_pdf)
    flat = "".join(text.split())  # Chinese has no spaces; pdftotext breaks lines
    # a word rejoined across a column break (the phrase around it may be split by a page
    # break in pdftotext's reading order; test_pdf_book.py checks the whole reading text)
    assert "急难愁盼" in flat
    assert "干部职工素质与工作效率、社会影响息息相关" in flat  # 003, converted to simplified
    assert "Join(000_1372b43608706eb6.txt,lines67,101)" in flat  # a footnote
    log = built_pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


def test_pdf_index_is_sorted_by_pinyin(built_pdf, glossary):
    """The F group of the index holds the glossary's F entries, in toneless pinyin order
    (code-point order would put fǎ- before fā-)."""
    from sizheng_edition.text.pinyin import strip_tones

    ind = built_pdf.with_suffix(".ind").read_text(encoding="utf-8")
    f_group = ind[ind.index(r"\lettergroup{F}") : ind.index(r"\lettergroup{G}")]
    lines = [line for line in f_group.splitlines() if r"\spxentry" in line]
    entries = [line.split("{", 1)[1].split(" ", 1)[0] for line in lines]
    expected = [e.pinyin.split()[0] for e in glossary.sorted() if strip_tones(e.pinyin)[:1].lower() == "f"]
    assert len(expected) >= 3
    assert entries == expected


def test_pdf_fonts_are_embedded_cjk_fonts(built_pdf):
    require_tool("pdffonts")
    fonts = subprocess.run(
        ["pdffonts", str(built_pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), fonts
    assert any("NotoSerifCJK" in line for line in fonts) and any("NotoSansCJK" in line for line in fonts)


def test_pdf_has_bookmarks_and_live_internal_links(built_pdf):
    pypdf = require_module("pypdf")
    reader = pypdf.PdfReader(str(built_pdf))
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    assert any(t.startswith("Source 000") for t in titles)
    assert "新时代提升国有企业党支部书记能力素养实践路径" in titles
    assert any(t.startswith("Glossary") for t in titles)
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            action = obj.get("/A")
            if obj.get("/Subtype") == "/Link" and (
                obj.get("/Dest") or (action and action.get("/S") == "/GoTo")
            ):
                internal += 1
    assert internal > 500  # notes, line references, glossary links, contents


def test_read_the_docs_builds_an_epub_marked_chinese(built_epub):
    """The e-book itself (epubcheck, contents, notes, languages, Ace) is tests/test_epub.py."""
    with zipfile.ZipFile(built_epub) as z:
        assert z.namelist()[0] == "mimetype"
        assert "<dc:language>zh-Hans</dc:language>" in z.read("content.opf").decode()


def test_two_builds_give_identical_html(built_html, tmp_path):
    """A second checkout at another path, built afresh, gives the session's site byte for
    byte, .buildinfo included (it hashes the configuration, which must hold no path)."""
    again = tmp_path / "html"
    checkout = fresh_copy(tmp_path / "second-checkout")
    rtd_sphinx("html", checkout / "edition", again, doctrees=tmp_path / "doctrees")
    first, second = _tree_bytes(built_html), _tree_bytes(again)
    assert sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k)) == []


def _tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (dot files too) by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_pdf_builds_give_the_same_text(built_pdf, tmp_path):
    """latexmk again, on the session's LaTeX sources without its outputs."""
    again = tmp_path / "pdf"
    outputs = [
        f"{JOBNAME}.{ext}" for ext in ("pdf", "aux", "log", "idx", "ind", "ilg", "toc", "out", "fls", "xdv")
    ]
    shutil.copytree(built_pdf.parent, again, ignore=shutil.ignore_patterns(*outputs, "*.fdb_latexmk"))
    run(LATEXMK, again)
    assert pdf_text(again / built_pdf.name) == pdf_text(built_pdf)
