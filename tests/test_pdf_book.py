"""The PDF as a printed book (issue 12): each essay a chapter of its own, opening on a
recto; its pages free of the manual's Latin furniture; its reading text intact; note
marks separated; and the file reproducible byte for byte from another checkout."""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
from conftest import LATEXMK, fresh_copy, require_module, require_tool, rtd_sphinx, run
from sizheng_edition.model.edition import BlockKind

pytestmark = pytest.mark.slow

BODY_SIZE = 10.9  # 11 pt in PostScript points: the reading text; notes, heads and marks are smaller
READING_KINDS = {BlockKind.PARAGRAPH, BlockKind.ABSTRACT, BlockKind.KEYWORD, BlockKind.REFERENCE}


@cache
def _pages(pdf: Path) -> tuple[str, ...]:
    require_tool("pdftotext")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return tuple(text.split("\f"))


def _flat(text: str) -> str:
    # Noto CJK's centred ellipsis glyph reads back as ⋯ (U+22EF), whatever was set
    return "".join(text.split()).replace("⋯", "…")


@cache
def _chapters(pdf: Path) -> tuple[tuple[str, int], ...]:
    """The outline's top level: (title, first page index) of every chapter, in order."""
    pypdf = require_module("pypdf")
    reader = pypdf.PdfReader(str(pdf))
    return tuple(
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
        if not isinstance(item, list)
    )


def _essay_pages(pdf: Path, title: str) -> range:
    chapters = _chapters(pdf)
    index = next(i for i, (t, _) in enumerate(chapters) if t == title)
    start = chapters[index][1]
    end = chapters[index + 1][1] if index + 1 < len(chapters) else len(_pages(pdf))
    return range(start, end)


def _title(article) -> str:
    return article.title.text


def test_contents_and_bookmarks_list_each_essay_as_a_chapter(built_pdf, articles):
    toc = built_pdf.with_suffix(".toc").read_text(encoding="utf-8")
    listed = re.findall(r"\\contentsline \{chapter\}\{(.*?)\}\{", toc)
    chapter_titles = [t for t, _ in _chapters(built_pdf)]
    for article in articles.values():
        assert _title(article) in listed, f"{article.id} is not a chapter in the contents"
        assert _title(article) in chapter_titles, f"{article.id} is not a top-level bookmark"
    # The manual's furniture is gone: no "Source 000" chapter holding essays as sections.
    assert not any(t.startswith("Source") and "transcription" not in t for t in chapter_titles)


def test_each_essay_starts_a_recto_page_with_its_title_and_author(built_pdf, articles):
    pages = _pages(built_pdf)
    for article in articles.values():
        first = _essay_pages(built_pdf, _title(article)).start
        assert first % 2 == 0, f"{article.id} opens on page {first + 1}, a verso"  # index 0 is page 1
        opening = _flat("".join(pages[first].splitlines()[:6]))
        assert opening.startswith(_flat(_title(article))), opening[:60]
        if article.author is not None:
            assert _flat(article.author.text) in opening


def test_essay_pages_carry_no_latin_furniture(built_pdf, articles):
    """No "CHAPTER", no "Release", no section numbers; and the opening (title, author,
    affiliation: everything above the source line) is in the source's own script."""
    pages = _pages(built_pdf)
    for article in articles.values():
        for index in _essay_pages(built_pdf, _title(article)):
            furniture = re.search(r"CHAPTER|Chapter|Release|^\d+\.\d+(\.\d+)? ", pages[index], re.M)
            assert furniture is None, (article.id, index + 1, furniture)
        first = pages[_essay_pages(built_pdf, _title(article)).start]
        head = first.split("Source", 1)[0]
        source_latin = set(
            re.findall(r"[A-Za-z]+", article.title.text + (article.author.text if article.author else ""))
        )
        assert set(re.findall(r"[A-Za-z]+", head)) <= source_latin, head


def test_body_text_round_trips_the_reading_text(built_pdf, articles):
    """The text set at body size on an essay's pages, read back from the PDF, holds
    every paragraph of the model's reading text, whole (note marks, paragraph numbers,
    glossary marks, running heads and notes are set smaller and fall away)."""
    pypdf = require_module("pypdf")
    reader = pypdf.PdfReader(str(built_pdf))
    for article in articles.values():
        body: list[str] = []

        def keep(text, cm, tm, font, size, body=body):
            if abs(size * tm[0] * cm[0] - BODY_SIZE) < 0.1:
                body.append(text)

        for index in _essay_pages(built_pdf, _title(article)):
            reader.pages[index].extract_text(visitor_text=keep)
        printed = _flat("".join(body))
        for block in article.body:
            if block.kind in READING_KINDS:
                assert _flat(block.text) in printed, f"{article.id} ¶{block.number}: {block.text[:40]}"


def test_glossary_entries_read_headword_pinyin_traditional_rendering(built_pdf, glossary):
    """The appendix is a dictionary: each entry, read back from the PDF, runs headword,
    pinyin, traditional form, rendering (Sphinx's hyphen reads back as U+2011)."""
    pages = _pages(built_pdf)
    # An entry may run across a page: drop each page's running head and folio, which
    # pdftotext reads first ("Glossary 91" on rectos, "86 Glossary" on versos), before
    # joining the pages.
    body = [
        re.sub(r"^\s*(?:Glossary\s+\d+|\d+\s+Glossary)\s*\n", "", pages[i])
        for i in _essay_pages(built_pdf, "Glossary")
    ]
    printed = _flat("".join(body)).replace("\u2011", "-")
    for e in glossary.entries:
        entry = _flat(f"{e.term}{e.pinyin}·{e.traditional}·{e.english}")
        assert entry in printed, f"{e.term}: not headword, pinyin, traditional, rendering"
    # No screen's wording in print: no tooltip, no letter bar, no Sphinx label names.
    assert not re.search(r"pointed at|genindex|A·B·C", printed)


def test_note_marks_that_touch_are_separated(built_pdf):
    tex = built_pdf.with_suffix(".tex").read_text(encoding="utf-8")
    touching = re.findall(r"\\end\{footnote\}(\\editionnotesep\{\})?%?\n?\\begin\{footnote\}", tex)
    assert touching, "the edition has adjacent notes (000: 索淑杰 ¶4)"
    assert all(sep for sep in touching)
    # and in print: "3,4", never "34"
    assert any(re.search(r"\d,\d", page) for page in _pages(built_pdf))


def test_fonts_are_embedded(built_pdf):
    require_tool("pdffonts")
    fonts = subprocess.run(["pdffonts", str(built_pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in row for row in rows), rows


def test_two_checkouts_build_byte_identical_pdfs(built_pdf, tmp_path):
    """A second checkout at another path, built with Read the Docs' commands: the same
    bytes (dates from SOURCE_DATE_EPOCH, a fixed trailer /ID, no paths in the file)."""
    for tool in ("xelatex", "latexmk", "xindy"):
        require_tool(tool)
    repo = fresh_copy(tmp_path / "second-checkout")
    out = tmp_path / "pdf"
    rtd_sphinx("latex", repo / "edition", out)
    run(LATEXMK, out)
    again = (out / built_pdf.name).read_bytes()
    assert str(tmp_path).encode() not in again
    assert again == built_pdf.read_bytes()
