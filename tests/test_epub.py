"""The EPUB as an e-book (the session's Read the Docs build, conftest.py): valid, its
contents showing the essays, every page and passage saying its language, notes as
EPUB 3 footnotes, a stylesheet of its own, accessible, and reproducible."""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, fresh_copy, require_file, require_tool, rtd_sphinx
from sizheng_edition.sphinxext.epub import Entry, documents_only
from sizheng_edition.sphinxext.lang import CHINESE_RUN, ENGLISH_RUN

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@pytest.fixture(scope="module")
def book(built_epub) -> dict[str, bytes]:
    with zipfile.ZipFile(built_epub) as z:
        return {name: z.read(name) for name in z.namelist()}


@pytest.fixture(scope="module")
def pages(book) -> dict[str, ET.Element]:
    return {name: ET.fromstring(data) for name, data in book.items() if name.endswith(".xhtml")}


def nav_entries(pages) -> list[tuple[str, str]]:
    """(text, href) of every entry in the nav document's table of contents."""
    toc = next(n for n in pages["nav.xhtml"].iter(f"{XHTML}nav") if n.get(EPUB_TYPE) == "toc")
    return [("".join(a.itertext()), a.get("href", "")) for a in toc.iter(f"{XHTML}a")]


@pytest.mark.slow
def test_epubcheck_finds_no_errors_or_warnings(built_epub):
    java = require_tool("java")
    jar = require_file(Path("/usr/share/java/epubcheck.jar"))  # Debian's epubcheck
    result = subprocess.run(
        [java, "-jar", str(jar), str(built_epub)], capture_output=True, text=True, check=False
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "No errors or warnings detected" in output, output[-3000:]


@pytest.mark.slow
def test_contents_list_each_essay_with_its_author_and_the_glossary_once(pages, book, articles):
    entries = nav_entries(pages)
    texts = [text for text, _ in entries]
    for article in articles.values():
        assert f"{article.title.text} · {article.author.text}" in texts, article.id
    hrefs = [href for _, href in entries]
    assert hrefs.count("glossary/index.xhtml") == 1
    assert not any("#" in href for href in hrefs), (
        "sections (the glossary's letters) are not parts of the book"
    )
    assert sum("transcription" in href for href in hrefs) == len({a.source for a in articles.values()})
    ncx = book["toc.ncx"].decode()
    for article in articles.values():
        assert f"<text>{article.title.text} · {article.author.text}</text>" in ncx


def test_contents_keep_documents_at_their_depth_among_documents():
    flat = [
        Entry(1, "index.xhtml", "Title"),
        Entry(1, "glossary/index.xhtml", "Glossary"),
        Entry(2, "glossary/index.xhtml#glossary-a", "A"),
        Entry(1, "texts/index.xhtml", "The texts"),
        Entry(2, "texts/index.xhtml#part", "A section"),
        Entry(3, "texts/000/index.xhtml", "Source 000"),  # listed under a section
        Entry(4, "texts/000/essay.xhtml", "An essay"),
        Entry(2, "texts/normalisation.xhtml", "Rules"),
    ]
    assert [(e.level, e.text) for e in documents_only(flat)] == [
        (1, "Title"), (1, "Glossary"), (1, "The texts"), (2, "Source 000"), (3, "An essay"), (2, "Rules"),
    ]  # fmt: skip


def _language_slips(element: ET.Element, lang: str, slips: list[str]) -> None:
    """Han text in a non-Chinese element, or English words in a Chinese one."""
    lang = element.get("lang") or lang
    if element.tag in (f"{XHTML}title", f"{XHTML}style"):
        return
    # Pinyin (zh-Latn-pinyin) is Chinese in Latin letters: Han in it is a slip, its words are not English.
    han_script = lang.startswith("zh") and "-Latn" not in lang
    for text in [element.text, *(child.tail for child in element)]:
        if not text:
            continue
        if not han_script and HAN.search(text):
            slips.append(f"Chinese in {lang}: {text.strip()[:40]}")
        if han_script and ENGLISH_RUN.search(text):
            slips.append(f"English in {lang}: {text.strip()[:40]}")
    for child in element:
        _language_slips(child, lang, slips)


@pytest.mark.slow
def test_every_page_and_passage_says_its_language(pages, articles):
    for name, page in pages.items():
        assert page.get("lang"), f"{name}: no lang on <html>"
        assert page.get(XML_LANG) == page.get("lang"), name
    english = [
        n for n in pages if n.startswith(("front/", "glossary/")) or n in ("nav.xhtml", "genindex.xhtml")
    ]
    assert english and all(pages[n].get("lang") == "en" for n in english)
    essays = [f"texts/{a.source}/{a.id}.xhtml" for a in articles.values()]
    assert all(pages[n].get("lang") == "zh-Hans" for n in essays)
    slips: list[str] = []
    for page in pages.values():
        _language_slips(page, "", slips)
    assert slips == []
    # And the check can see a slip: an untagged Chinese word in an English page.
    probe: list[str] = []
    _language_slips(
        ET.fromstring('<html xmlns="http://www.w3.org/1999/xhtml" lang="en"><p>党建</p></html>'), "", probe
    )
    assert probe and CHINESE_RUN.search("党建")


@pytest.mark.slow
def test_glossary_entries_mark_their_pinyin_and_promise_no_tooltips(pages, glossary):
    page = pages["glossary/index.xhtml"]
    entries = {e.term: e for e in glossary.entries}
    checked = 0
    for dd in page.iter(f"{XHTML}dd"):
        first = next(dd.iter(f"{XHTML}p"))
        pinyin = [s for s in first.iter(f"{XHTML}span") if s.get("lang") == "zh-Latn-pinyin"]
        assert len(pinyin) == 1, ET.tostring(first, encoding="unicode")[:120]
        # A dictionary's order: the pinyin opens the entry, before the traditional form.
        assert "".join(first.itertext()).startswith("".join(pinyin[0].itertext()))
        assert "".join(pinyin[0].itertext()) in {e.pinyin for e in entries.values()}
        checked += 1
    assert checked == len(entries) > 0
    # Term links in the EPUB carry no tooltip, so the page must not promise one.
    text = " ".join("".join(page.itertext()).split())
    assert "links to its entry here" in text
    assert "pointed at" not in text and "focused" not in text
    assert not [a for a in page.iter(f"{XHTML}a") if a.get("aria-describedby")]


@pytest.mark.slow
def test_notes_are_epub3_footnotes_that_resolve(pages):
    generated = sum(
        len(re.findall(r"^\[\^[^\]]+\]:", page.read_text(encoding="utf-8"), flags=re.M))
        for page in (ROOT / "edition" / "texts").rglob("*.md")
    )
    notes = refs = 0
    for name, page in pages.items():
        by_id = {el.get("id"): el for el in page.iter() if el.get("id")}
        noterefs = [a for a in page.iter(f"{XHTML}a") if a.get(EPUB_TYPE) == "noteref"]
        footnotes = [el for el in page.iter(f"{XHTML}aside") if el.get(EPUB_TYPE) == "footnote"]
        targets = set()
        for ref in noterefs:
            assert re.fullmatch(r"\d+", "".join(ref.itertext())), f"{name}: mark {''.join(ref.itertext())!r}"
            target = by_id.get(ref.get("href", "").removeprefix("#"))
            assert target is not None and target.get(EPUB_TYPE) == "footnote", f"{name}: {ref.get('href')}"
            targets.add(target.get("id"))
        assert {f.get("id") for f in footnotes} == targets, f"{name}: a note without a mark"
        notes += len(footnotes)
        refs += len(noterefs)
    assert notes == generated > 0
    assert refs >= notes


@pytest.mark.slow
def test_the_stylesheet_is_the_books_own(book, pages):
    sheets = [name for name in book if name.endswith(".css")]
    assert sheets == ["_static/edition-epub.css"]
    assert "var(--" not in book[sheets[0]].decode()
    for name, page in pages.items():
        if name == "nav.xhtml":
            continue
        links = [
            link.get("href", "") for link in page.iter(f"{XHTML}link") if link.get("rel") == "stylesheet"
        ]
        assert [Path(href).name for href in links] == ["edition-epub.css"], name


@pytest.mark.slow
def test_ace_finds_no_serious_or_critical_violation(built_epub, tmp_path):
    ace = require_file(ROOT / "node_modules" / ".bin" / "ace-cli")
    chromium = require_tool("chromium")
    # Ace drives the machine's Chromium through puppeteer (it passes --no-sandbox itself).
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": chromium, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    result = subprocess.run(
        [str(ace), "--force", "--silent", "--outdir", str(tmp_path), str(built_epub)],
        capture_output=True, text=True, check=False, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    violations = [
        (check["earl:test"]["earl:impact"], check["earl:test"]["dct:title"], page["earl:testSubject"]["url"])
        for page in report["assertions"]
        for check in page.get("assertions", [])
    ]
    assert [v for v in violations if v[0] in ("serious", "critical")] == []
    assert report["earl:result"]["earl:outcome"] == "pass", violations


@pytest.mark.slow
def test_two_checkouts_at_different_paths_build_the_same_epub(built_epub, tmp_path):
    other = fresh_copy(tmp_path / "elsewhere" / "another-checkout")
    rtd_sphinx("epub", other / "edition", tmp_path / "epub", doctrees=tmp_path / "doctrees")
    again = next((tmp_path / "epub").glob("*.epub"))
    assert again.read_bytes() == built_epub.read_bytes()
