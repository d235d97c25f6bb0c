"""Version, citation metadata, changelog and licences agree with each other."""

from __future__ import annotations

import tomllib

import yaml
from conftest import ROOT


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def test_citation_cff_names_the_current_version():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == version()
    assert cff["cff-version"] == "1.2.0" and cff["title"] and cff["authors"]


def test_changelog_has_an_entry_for_the_current_version():
    assert f"## {version()}\n" in (ROOT / "edition" / "front" / "changelog.md").read_text(encoding="utf-8")


def test_licence_files_exist_for_every_licence_named():
    assert "Attribution 4.0 International" in (ROOT / "LICENSES" / "CC-BY-4.0.txt").read_text(
        encoding="utf-8"
    )
    assert "Permission is hereby granted" in (ROOT / "LICENSES" / "MIT.txt").read_text(encoding="utf-8")
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "LICENSES/CC-BY-4.0.txt" in licence and "LICENSES/MIT.txt" in licence


def test_every_article_page_has_a_citation(built_html, articles):
    for article in articles.values():
        page = (built_html / "texts" / article.source / f"{article.id}.html").read_text(encoding="utf-8")
        assert "Cite this article" in page
        assert f"{version()}版" in page and f"Version {version()}" in page
        assert f"texts/{article.source}/{article.id}.html" in page
        # The panel closes the essay: after its last section, before the notes.
        panel = page.index('<aside class="cite-panel"')
        assert page.count("</section>", panel) == 1


def test_citation_uses_the_canonical_url_when_hosted(built_html):
    # The session's site is built as Read the Docs builds it, with its canonical URL
    # (conftest.CANONICAL_URL) set.
    page = (built_html / "texts" / "003" / "yancheng-medical-insurance-centre.html").read_text(
        encoding="utf-8"
    )
    assert 'href="https://example.org/en/latest/texts/003/yancheng-medical-insurance-centre.html"' in page


def test_every_essay_carries_metadata_a_reference_manager_reads(built_html, articles):
    from test_ext_citation import head, zotero_item

    for article in articles.values():
        page = (built_html / "texts" / article.source / f"{article.id}.html").read_text(encoding="utf-8")
        reader = head(page)
        url = f"https://example.org/en/latest/texts/{article.source}/{article.id}.html"
        item = zotero_item(reader.meta)
        assert item["title"] == article.title.text
        assert item["creators"] == [{"name": article.author.text, "creatorType": "author"}]
        assert item["url"] == url and item["language"] == "zh-Hans"
        assert reader.meta["description"] == [article.description]
        # Read the Docs serves the PDF it builds beside the canonical URL.
        assert reader.meta["citation_pdf_url"] == ["https://example.org/_/downloads/en/latest/pdf/"]
        (ld,) = reader.json_ld
        assert ld["author"]["name"] == article.author.text and ld["url"] == url
        # CITATION.cff states no release date: no date is invented.
        assert "citation_publication_date" not in reader.meta and "datePublished" not in ld


def test_the_home_page_links_the_downloads_read_the_docs_serves(built_html):
    page = (built_html / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/_/downloads/en/latest/pdf/"' in page
    assert 'href="https://example.org/_/downloads/en/latest/epub/"' in page
