"""All generated pages of the edition, as a mapping from path (relative to
``edition/``) to MyST text.  Pure: the loaded sources and glossary in, text out."""

from __future__ import annotations

from functools import partial

from sizheng_edition.model.edition import EditionSource
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.render.article import render_article
from sizheng_edition.render.concordance import links, occurrences
from sizheng_edition.render.glossary_pages import GlossaryPages
from sizheng_edition.render.source_pages import (
    render_overview,
    render_rules,
    render_sources_index,
    render_transcription,
    render_witnesses,
)
from sizheng_edition.text.termmatch import TermMatcher

GENERATED_DIRS = ("texts", "glossary")  # everything in these folders is written by the tools


def edition_files(sources: list[EditionSource], glossary: Glossary) -> dict[str, str]:
    matcher = TermMatcher(glossary.surfaces())
    find_links = partial(links, matcher)
    files = {
        "texts/index.md": render_sources_index(sources),
        "texts/normalisation.md": render_rules(),
        "texts/witnesses.md": render_witnesses(sources),
    }
    for src in sources:
        key = src.source.key
        files[f"texts/{key}/index.md"] = render_overview(src)
        files[f"texts/{key}/transcription.md"] = render_transcription(src)
        for article in src.articles:
            files[f"texts/{key}/{article.id}.md"] = render_article(src, article, find_links)
    articles = [a for s in sources for a in s.articles]
    files.update(GlossaryPages(glossary, articles, occurrences(matcher, articles)).files())
    return files
