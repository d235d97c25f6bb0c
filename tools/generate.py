"""All generated pages of the edition, as a mapping from path to MyST text (pure)."""

from __future__ import annotations

from .model import EditionSource
from .render_article import render_article
from .render_source import render_overview, render_rules, render_sources_index, render_transcription


def edition_files(sources: list[EditionSource]) -> dict[str, str]:
    files = {"index.md": render_sources_index(sources), "normalisation.md": render_rules()}
    for src in sources:
        key = src.source.key
        files[f"{key}/index.md"] = render_overview(src)
        files[f"{key}/transcription.md"] = render_transcription(src)
        for article in src.articles:
            files[f"{key}/{article.id}.md"] = render_article(src, article)
    return files
