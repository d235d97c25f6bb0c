"""The texts index: the toctree of all sources and the rules page."""

from __future__ import annotations

from sizheng_edition.model.edition import EditionSource
from sizheng_edition.render import page_paths


def render_sources_index(sources: list[EditionSource]) -> str:
    here = page_paths.TEXTS_INDEX
    items = "\n".join(page_paths.relative(page_paths.overview(s.source.key), here) for s in sources)
    rules = page_paths.relative(page_paths.NORMALISATION_RULES, here)
    return (
        "# The texts\n\n"
        "Each source is a clipping as received. Its page lists the articles "
        "reconstructed from it and links to its diplomatic transcription.\n\n"
        f"```{{toctree}}\n:maxdepth: 2\n\n{items}\n{rules}\n```\n"
    )
