"""The real edition built with Sphinx (warnings as errors), read as a reader would."""

from __future__ import annotations

import gzip
import html
import json

import pytest
from conftest import reader_text
from sizheng_edition.check.current import stale
from sizheng_edition.model.edition import BlockKind
from sizheng_edition.render.pages import edition_files

pytestmark = pytest.mark.slow


def visible(page: str) -> str:
    return reader_text(page, marks=False)


def page_of(built_html, article) -> str:
    return (built_html / "texts" / article.source / f"{article.id}.html").read_text(encoding="utf-8")


def test_committed_edition_is_current(real_layout, edition, glossary):
    assert stale(real_layout, edition_files(edition, glossary)) == []


def test_every_article_page_carries_its_whole_text(built_html, articles):
    assert len(articles) == 8
    for article in articles.values():
        page = page_of(built_html, article)
        text = visible(page)
        for block in article.blocks:
            assert block.text in text, (article.id, block.text[:20])
        assert '<div lang="zh-Hans">' in page


def test_every_note_is_a_footnote_linked_to_its_source_lines(built_html, articles):
    for article in articles.values():
        page = page_of(built_html, article)
        notes = [a.note for b in article.blocks for a in b.anchors]
        assert page.count('role="doc-footnote"') == len(notes), article.id
        for note in notes:
            for ref in note.lines:
                assert f'href="transcription.html#l{ref.line}"' in page


def test_paragraphs_are_numbered_and_citable(built_html, articles):
    article = articles["soe-branch-secretaries"]
    page = page_of(built_html, article)
    numbers = [b.number for b in article.body if b.kind in (BlockKind.PARAGRAPH, BlockKind.ABSTRACT)]
    assert numbers == list(range(1, len(numbers) + 1))
    for n in numbers:
        assert f'id="p{n}" href="#p{n}"' in page


def test_transcription_numbers_every_line_and_links_onward(built_html, edition):
    for src in edition:
        page = (built_html / "texts" / src.source.key / "transcription.html").read_text(encoding="utf-8")
        assert page.count('class="line-number"') == len(src.source.lines)
        for article in src.articles:
            assert f'href="{article.id}.html' in page
    page = (built_html / "texts" / "000" / "transcription.html").read_text(encoding="utf-8")
    assert 'href="medical-staff-ideological-work.html#p2"' in page  # line 49, after the join


def test_traditional_original_is_shown_and_tagged(built_html, articles):
    page = page_of(built_html, articles["yancheng-medical-insurance-centre"])
    assert page.count('lang="zh-Hant"') >= 12
    assert "直接關系到整個醫保中心" in html.unescape(page)


def test_search_index_holds_the_rejoined_text(built_html):
    # Pagefind's page records (gzipped JSON after a signature), its words split by U+200B.
    pages = {}
    for fragment in (built_html / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[record["url"]] = record["content"].replace("\u200b", "")

    def where(phrase):
        return sorted(url for url, text in pages.items() if phrase in text)

    # 县域 and 缺位 exist only where the edition rejoined them: the source splits both
    # across a column break, and the transcription pages are not indexed.
    assert where("县域") == ["/texts/000/medical-staff-ideological-work.html"]
    assert where("缺位") == ["/texts/000/highway-people-centred-management.html"]


def test_the_home_page_and_the_texts_index_list_every_essay(built_html, articles):
    from sizheng_edition.model.plan import Setting

    for name in ("index.html", "texts/index.html"):
        text = visible((built_html / name).read_text(encoding="utf-8"))
        by_setting = text.index("The essays by setting")
        # Each setting's heading, in order, and where its group ends.
        starts = sorted(
            (text.index(s.label, by_setting), s)
            for s in Setting
            if any(a.setting is s for a in articles.values())
        )
        for article in articles.values():
            assert text.count(article.title.text) == 2, (name, article.id)  # by source, by setting
            assert article.description and text.count(article.description) == 2
            assert article.author.text in text
            first = text.index(article.title.text)
            assert first < by_setting
            second = text.index(article.title.text, first + 1)
            group = max((at, s) for at, s in starts if at < second)[1]
            assert group is article.setting, (name, article.id)


def test_the_book_is_not_a_page_of_the_site(built_html):
    # book.md is the PDF's master document only (tests/test_pdf_book.py builds it).
    assert not (built_html / "book.html").exists()
    assert "book.html" not in (built_html / "index.html").read_text(encoding="utf-8")
