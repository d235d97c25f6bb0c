""" "How to cite" panels (tests/roots/test-citation): Chicago and GB/T 7714 forms with the
project's name, editors and version; the page's full URL when the build knows it and an
honest note when it does not; the panel at the end of the essay, outside its last
section; and the metadata reference managers read, parsed as Zotero's Embedded Metadata
translator reads it (every ``meta name=citation_*``, repeated names kept in order)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.citation import NO_URL, chicago_title
from sizheng_edition.sphinxext.citation_meta import shortened
from sizheng_edition.sphinxext.downloads import rtd_downloads
from sphinx.testing.util import SphinxTestApp

BASE = "https://edition.example/en/latest/"


class HeadReader(HTMLParser):
    """The meta tags (name → values, in order) and JSON-LD blocks of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[object] = []
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta.setdefault(str(a["name"]), []).append(str(a.get("content")))
        self._in_ld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_ld:
            self.json_ld.append(json.loads(data))
            self._in_ld = False


def head(page: str) -> HeadReader:
    reader = HeadReader()
    reader.feed(page)
    return reader


def zotero_item(meta: dict[str, list[str]]) -> dict[str, object]:
    """The fields Zotero's Embedded Metadata translator takes from Highwire tags: the title,
    one creator per citation_author (a single name without a comma is kept whole, as
    Zotero does for a name it cannot split), the date, the URL and the language."""
    return {
        "title": meta["citation_title"][0],
        "creators": [{"name": name, "creatorType": "author"} for name in meta.get("citation_author", [])],
        "date": (meta.get("citation_publication_date") or meta.get("citation_date") or [""])[0],
        "url": (meta.get("citation_public_url") or meta.get("citation_abstract_html_url") or [""])[0],
        "language": meta.get("citation_language", [""])[0],
        "bookTitle": meta.get("citation_inbook_title", [""])[0],
    }


@pytest.mark.sphinx("html", testroot="citation", warningiserror=True)
def test_without_a_base_url_the_citation_says_it_has_no_address(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "article.html")
    assert '<p class="rubric">Cite this article</p>' in page
    assert (
        '<p class="cite-chicago"><strong>Chicago</strong> <span class="cite-text">'
        '<span lang="zh-Hans">刘江南</span>. '
        '“<span lang="zh-Hans">促进‘党建’</span>.” In <em>Test Edition</em>, '
        f"edited by the editors. Version 1.2.3. {NO_URL}.</span></p>"
    ) in page
    assert (
        '<p class="cite-gbt"><strong>GB/T 7714</strong> <span class="cite-text">'
        '<span lang="zh-Hans">刘江南</span>. '
        '<span lang="zh-Hans">促进“党建”</span>[EB/OL]//The editors. Test Edition. '
        f'<span lang="zh-Hans">1.2.3版. [引用日期]. </span>{NO_URL}.</span></p>'
    ) in page
    assert "article.html" not in page.split('<aside class="cite-panel"')[1].split("</aside>")[0]
    meta = head(page).meta
    assert "citation_public_url" not in meta and "citation_pdf_url" not in meta  # nothing guessed
    assert "citation_publication_date" not in meta  # no release date in the configuration


@pytest.mark.sphinx("html", testroot="citation", warningiserror=True)
def test_the_panel_closes_the_essay_outside_its_last_section(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "article.html")
    panel = page.index('<aside class="cite-panel"')
    last_section_end = page.rindex("</section>", 0, panel)
    assert page.index("第二段", 0, panel) < last_section_end  # the last section ends first
    assert page.count("</section>", panel) == 1  # then only the essay's own section closes
    assert 'data-cite-kind="article"' in page


@pytest.mark.sphinx("html", testroot="citation", warningiserror=True)
def test_cite_edition(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "index.html")
    assert '<p class="rubric">Cite the edition</p>' in page
    assert f"The editors, eds. <em>Test Edition</em>. Version 1.2.3. {NO_URL}.</span></p>" in page
    assert "citation_title" not in page  # the edition's page is not an essay


@pytest.mark.sphinx(
    "html",
    testroot="citation",
    srcdir="citation-baseurl",
    freshenv=True,
    warningiserror=True,
    confoverrides={
        "html_baseurl": BASE,
        "edition_release_date": "2026-01-01",
        "edition_pdf_url": "https://edition.example/_/downloads/en/latest/pdf/",
    },
)
def test_with_a_base_url_citation_and_metadata_carry_the_full_address(app: SphinxTestApp) -> None:
    build(app)
    page = read(app, "article.html")
    url = f"{BASE}article.html"
    assert f'<a class="reference external" href="{url}">{url}</a>' in page
    assert NO_URL not in page
    reader = head(page)
    assert zotero_item(reader.meta) == {
        "title": "促进“党建”",
        "creators": [{"name": "刘江南", "creatorType": "author"}],
        "date": "2026/01/01",
        "url": url,
        "language": "zh-Hans",
        "bookTitle": "Test Edition",
    }
    assert reader.meta["citation_pdf_url"] == ["https://edition.example/_/downloads/en/latest/pdf/"]
    assert reader.meta["citation_publisher"] == ["The editors"]
    # The description is the plan's, as text: markup in it is escaped, never markup.
    assert reader.meta["description"] == ['An essay on <b>Party</b> building & "work".']
    assert "<b>Party</b>" not in page
    (ld,) = reader.json_ld
    assert ld["@type"] == "ScholarlyArticle"
    assert ld["author"] == {"@type": "Person", "name": "刘江南"}
    assert ld["inLanguage"] == "zh-Hans"
    assert ld["url"] == url
    assert ld["datePublished"] == "2026-01-01"
    assert ld["isPartOf"]["name"] == "Test Edition" and ld["isPartOf"]["version"] == "1.2.3"


def test_chicago_alternates_the_titles_own_quotation_marks():
    assert chicago_title("论“两张皮”问题") == "论‘两张皮’问题"
    assert chicago_title("‘a’ and “b”") == "“a” and ‘b’"
    assert chicago_title('say "yes" now') == "say ‘yes’ now"


def test_read_the_docs_downloads_follow_the_canonical_url():
    assert rtd_downloads("https://proj.readthedocs.io/en/latest/") == (
        "https://proj.readthedocs.io/_/downloads/en/latest/pdf/",
        "https://proj.readthedocs.io/_/downloads/en/latest/epub/",
    )
    assert rtd_downloads("https://proj.readthedocs.io/zh-cn/v1.0/") == (
        "https://proj.readthedocs.io/_/downloads/zh-cn/v1.0/pdf/",
        "https://proj.readthedocs.io/_/downloads/zh-cn/v1.0/epub/",
    )
    assert rtd_downloads("") == ("", "")  # a local build links no download
    assert rtd_downloads("https://example.org/") == ("", "")


def test_a_description_is_shortened_at_a_word():
    text = "word " * 60
    short = shortened(text, 40)
    assert len(short) <= 40 and short.endswith("…") and " wor…" not in short
    assert shortened("  two\n lines ") == "two lines"
