"""All generated pages of the edition, as a mapping from path (relative to
``edition/``) to MyST text.  Pure: the loaded sources and glossary in, text out.

A source's own pages (``source_pages``) depend on that source and the glossary alone,
so ``generate`` can render, and cache, one source at a time; the shared pages
(``shared_pages``) read every source's headings and the glossary's occurrences."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.model.edition import Article, Block, EditionSource
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.render import page_paths
from sizheng_edition.render.article import render_article
from sizheng_edition.render.concordance import Link, Occurrence, links, occurrences, scan
from sizheng_edition.render.contents import CONTENTS, HOME, render_contents
from sizheng_edition.render.glossary_categories import render_glossary_categories
from sizheng_edition.render.glossary_index import render_glossary_index
from sizheng_edition.render.glossary_usage import render_glossary_usage
from sizheng_edition.render.page_paths import GENERATED_DIRS
from sizheng_edition.render.rules_page import render_rules
from sizheng_edition.render.source_overview import render_overview
from sizheng_edition.render.texts_index import render_sources_index
from sizheng_edition.render.transcription import render_transcription
from sizheng_edition.render.witness_list import render_witnesses
from sizheng_edition.text.termmatch import TermMatcher

__all__ = ["GENERATED_DIRS", "SourcePages", "edition_files", "shared_pages", "source_pages"]


@dataclass(frozen=True)
class SourcePages:
    """One source rendered: its own pages (file path → text) and where the glossary's
    terms occur in its articles."""

    files: dict[str, str]
    occurrences: tuple[Occurrence, ...]


def edition_files(sources: list[EditionSource], glossary: Glossary) -> dict[str, str]:
    matcher = TermMatcher(glossary.surfaces())
    files: dict[str, str] = {}
    found: list[Occurrence] = []
    for src in sources:
        done = source_pages(src, matcher)
        files.update(done.files)
        found += done.occurrences
    return files | shared_pages(sources, glossary, found)


def source_pages(src: EditionSource, matcher: TermMatcher) -> SourcePages:
    """The pages that depend on one source alone (and the glossary, through
    ``matcher``): its overview, transcription and articles.  Its articles are scanned
    once; the links and the occurrences are both read from that scan."""
    scanned = scan(matcher, src.articles)
    # Blocks are looked up by identity: hashing one would hash all its cells.
    found = {id(s.block): s.matches for s in scanned}

    def find_links(block: Block) -> list[Link]:
        return links(block, found[id(block)])

    key = src.source.key
    pages = {
        page_paths.overview(key): render_overview(src),
        page_paths.transcription(key): render_transcription(src),
    }
    for article in src.articles:
        pages[page_paths.article(key, article.id)] = render_article(src, article, find_links)
    files = {page_paths.file(doc): text for doc, text in pages.items()}
    return SourcePages(files, tuple(occurrences(scanned)))


def shared_pages(sources: list[EditionSource], glossary: Glossary, found: list[Occurrence]) -> dict[str, str]:
    """The pages drawn from every source: the indexes, the witness list, the contents
    and the glossary.  They read the sources' and articles' headings and the length of
    their text, never its cells, and the glossary's occurrences (``found``)."""
    articles: list[Article] = [a for s in sources for a in s.articles]
    pages = {
        page_paths.TEXTS_INDEX: render_sources_index(sources),
        page_paths.NORMALISATION_RULES: render_rules(),
        page_paths.WITNESSES: render_witnesses(sources),
        page_paths.GLOSSARY_INDEX: render_glossary_index(glossary, articles, found),
        page_paths.GLOSSARY_CATEGORIES: render_glossary_categories(glossary),
        page_paths.GLOSSARY_USAGE: render_glossary_usage(glossary, articles, found),
    }
    files = {page_paths.file(doc): text for doc, text in pages.items()}
    files[CONTENTS] = render_contents(sources, HOME)  # included by the hand-written home page
    return files
