"""Pagefind search (tests/roots/test-search): what is indexed, how it is weighted, what
is kept out, the traditional → simplified table, and the pinyin/English keys that let
a reader without a Chinese keyboard find an essay.  The index read here is Pagefind's
own output (its gzipped fragments), so the tests see what the search page will see."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.search import TermKey, term_keys, toneless
from sphinx.testing.util import SphinxTestApp

SIGNATURE = b"pagefind_dcd"


def fragments(app: SphinxTestApp) -> dict[str, dict[str, Any]]:
    """Each indexed page's record in Pagefind's index, by URL."""
    records = {}
    for path in (Path(app.outdir) / "pagefind" / "fragment").glob("*.pf_fragment"):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE)
        record = json.loads(raw[len(SIGNATURE) :])
        records[record["url"]] = record
    return records


def plain(record: dict[str, Any]) -> str:
    """A record's content without the zero-width spaces Pagefind puts between words."""
    return str(record["content"]).replace("\u200b", "")


@pytest.fixture
def built(app: SphinxTestApp) -> SphinxTestApp:
    return build(app)


@pytest.mark.sphinx("html", testroot="search")
def test_only_page_bodies_are_indexed_and_essays_outweigh_apparatus(built: SphinxTestApp) -> None:
    essay, glossary = read(built, "essay.html"), read(built, "glossary.html")
    assert essay.count("data-pagefind-body") == 1
    assert '<div data-pagefind-body data-pagefind-weight="6">' in essay
    assert '<div data-pagefind-body data-pagefind-weight="1">' in glossary
    assert '<p class="byline" data-pagefind-weight="10">傅清' in essay  # an author finds their essay
    # The sidebar, header and footer are outside the body: the site's title is not indexed.
    assert "data-pagefind-body" not in read(built, "search.html")
    records = fragments(built)
    assert set(records) == {"/", "/essay.html", "/glossary.html"}
    # No filters: Pagefind writes them in a varying order, and builds must be identical.
    assert all(r["filters"] == {} for r in records.values())
    assert all("Test Edition" not in plain(r) for r in records.values())


@pytest.mark.sphinx("html", testroot="search")
def test_notes_witness_lines_original_provenance_and_citation_stay_out(built: SphinxTestApp) -> None:
    text = plain(fragments(built)["/essay.html"])
    assert "破解急难愁盼问题" in text and "傅清" in text
    for leak in (
        "editorial footnote",
        "kept",
        "joined",
        "再談",
        "provenance",
        "Cite this",
        "Chicago",
        "GB/T",
    ):
        assert leak not in text, leak
    # Glosses are link attributes, not text: the term reads as itself in the running text.
    assert "医保局党支部" in text
    assert "yībǎo" not in text


@pytest.mark.sphinx("html", testroot="search")
def test_pinyin_and_english_of_the_essays_terms_lead_to_their_paragraph(built: SphinxTestApp) -> None:
    record = fragments(built)["/essay.html"]
    anchors = {a["text"].rstrip("."): a["id"] for a in record["anchors"] if a["id"].startswith("st-")}
    # Paragraph of the first occurrence and the term, which the search page marks in the
    # text: 医保局 in ¶1, 两张皮 only in ¶2.
    assert re.fullmatch(r"st-p1-\d+-医保局", anchors["yibao ju"])
    assert re.fullmatch(r"st-p1-\d+-医保局", anchors["yibaoju"])
    assert re.fullmatch(r"st-p1-\d+-医保局", anchors["healthcare security bureau"])
    assert re.fullmatch(r"st-p2-\d+-两张皮", anchors["liang zhang pi"])
    assert re.fullmatch(r"st-p2-\d+-两张皮", anchors["two skins"])
    # The keys come after the text, so that the search page can tell them apart.
    text_end = min(a["location"] for a in record["anchors"] if a["id"].startswith("st-"))
    assert "医保局" not in "".join(str(record["content"]).split("\u200b")[text_end:])
    # The glossary page has no key block: its entries already carry pinyin and English.
    assert "edition-search-terms" not in read(built, "glossary.html")


@pytest.mark.sphinx("html", testroot="search")
def test_no_sphinx_index_and_the_search_page_runs_pagefind(built: SphinxTestApp) -> None:
    out = Path(built.outdir)
    assert not (out / "searchindex.js").exists()
    page = read(built, "search.html")
    assert "pagefind/pagefind-ui.js" in page and "edition-search.js" in page
    assert (out / "pagefind" / "pagefind-ui.js").is_file()


@pytest.mark.sphinx("html", testroot="search")
def test_t2s_table_covers_the_characters_the_site_uses(built: SphinxTestApp) -> None:
    script = read(built, "_static/edition-search-t2s.js")
    table: dict[str, str] = json.loads(script.removeprefix("window.EDITION_T2S = ").rstrip().rstrip(";"))
    assert table["黨"] == "党" and table["醫"] == "医" and table["書"] == "书"
    # Only characters whose simplified form is on the site: 國 → 国 is not (国 is absent).
    assert "國" not in table
    site = "".join(p.read_text(encoding="utf-8") for p in Path(built.outdir).glob("*.html"))
    assert all(s in site for s in table.values())


def test_toneless_pinyin() -> None:
    assert toneless("yībǎo jú") == "yibao ju"
    assert toneless("Lǚyóu") == "luyou"


def test_term_keys_read_the_gloss_attributes() -> None:
    body = (
        '<p><a class="para-number" id="p3" href="#p3">3</a>'
        '<a class="term-link term-first" href="g.html#t" data-pinyin="liǎng zhāng pí" '
        'data-english="two &quot;skins&quot;" title="x">两张皮</a></p>'
    )
    key = TermKey("p3", "两张皮")
    assert term_keys(body) == {"liang zhang pi": key, "liangzhangpi": key, 'two "skins"': key}
    assert term_keys('<a class="term-link" href="g.html#t">两张皮</a>') == {}
