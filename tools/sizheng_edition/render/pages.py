"""All generated pages of the edition, as a mapping from path (relative to
``edition/``) to MyST text.  Pure: the loaded sources and glossary in, text out."""

from __future__ import annotations

from sizheng_edition.model.edition import Block, EditionSource
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.render import page_paths
from sizheng_edition.render.article import render_article
from sizheng_edition.render.concordance import Link, links, occurrences, scan
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

__all__ = ["GENERATED_DIRS", "edition_files"]


def edition_files(sources: list[EditionSource], glossary: Glossary) -> dict[str, str]:
    articles = [a for s in sources for a in s.articles]
    scanned = scan(TermMatcher(glossary.surfaces()), articles)
    # Blocks are looked up by identity: hashing one would hash all its cells.
    found = {id(s.block): s.matches for s in scanned}

    def find_links(block: Block) -> list[Link]:
        return links(block, found[id(block)])

    pages = {
        page_paths.TEXTS_INDEX: render_sources_index(sources),
        page_paths.NORMALISATION_RULES: render_rules(),
        page_paths.WITNESSES: render_witnesses(sources),
    }
    for src in sources:
        key = src.source.key
        pages[page_paths.overview(key)] = render_overview(src)
        pages[page_paths.transcription(key)] = render_transcription(src)
        for article in src.articles:
            pages[page_paths.article(key, article.id)] = render_article(src, article, find_links)
    found_terms = occurrences(scanned)
    pages[page_paths.GLOSSARY_INDEX] = render_glossary_index(glossary, articles, found_terms)
    pages[page_paths.GLOSSARY_CATEGORIES] = render_glossary_categories(glossary)
    pages[page_paths.GLOSSARY_USAGE] = render_glossary_usage(glossary, articles, found_terms)
    files = {page_paths.file(doc): text for doc, text in pages.items()}
    files[CONTENTS] = render_contents(sources, HOME)  # included by the hand-written home page
    return files
