"""The web site, PDF and EPUB as Read the Docs builds them (the session's builds, in
conftest.py); and reproducibility of the builds."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import JOBNAME, LATEXMK, require_file, require_module, require_tool, rtd_sphinx, run

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
    assert "解决职工急难愁盼问题" in flat  # a word rejoined across a column break
    assert "干部职工素质与工作效率、社会影响息息相关" in flat  # 003, converted to simplified
    assert "Join(000_1372b43608706eb6.txt,lines67,101)" in flat  # a footnote
    log = built_pdf.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log


def test_pdf_index_is_sorted_by_pinyin(built_pdf):
    ind = built_pdf.with_suffix(".ind").read_text(encoding="utf-8")
    f_group = ind[ind.index(r"\lettergroup{F}") : ind.index(r"\lettergroup{G}")]
    lines = [line for line in f_group.splitlines() if r"\spxentry" in line]
    entries = [line.split("{", 1)[1].split(" ", 1)[0] for line in lines]
    assert entries == ["fǎnfǔbài", "fāzhǎn", "fēixíng"]


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


def test_epub_passes_epubcheck_and_is_marked_chinese(built_epub):
    java = require_tool("java")
    jar = require_file(Path("/usr/share/java/epubcheck.jar"))  # Debian's epubcheck
    result = subprocess.run(
        [java, "-jar", str(jar), str(built_epub)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "No errors or warnings detected" in result.stdout + result.stderr
    with zipfile.ZipFile(built_epub) as z:
        assert "<dc:language>zh-Hans</dc:language>" in z.read("content.opf").decode()


def test_two_builds_give_identical_html(built_html, rtd_repo, tmp_path):
    """One more build from the same sources, reading them afresh (its own doctrees), gives
    the session's site byte for byte."""
    again = tmp_path / "html"
    rtd_sphinx("html", rtd_repo / "edition", again, doctrees=tmp_path / "doctrees")
    assert _differences(filecmp.dircmp(built_html, again)) == []


def _differences(diff: filecmp.dircmp) -> list[str]:
    """Files present on one side only, or whose bytes differ (dircmp compares contents
    whenever size or modification time differ, as they do between two builds)."""
    found = [*diff.left_only, *diff.right_only, *diff.diff_files]
    for sub in diff.subdirs.values():
        found += _differences(sub)
    return found


def test_two_pdf_builds_give_the_same_text(built_pdf, tmp_path):
    """latexmk again, on the session's LaTeX sources without its outputs."""
    again = tmp_path / "pdf"
    outputs = [
        f"{JOBNAME}.{ext}" for ext in ("pdf", "aux", "log", "idx", "ind", "ilg", "toc", "out", "fls", "xdv")
    ]
    shutil.copytree(built_pdf.parent, again, ignore=shutil.ignore_patterns(*outputs, "*.fdb_latexmk"))
    run(LATEXMK, again)
    assert pdf_text(again / built_pdf.name) == pdf_text(built_pdf)
