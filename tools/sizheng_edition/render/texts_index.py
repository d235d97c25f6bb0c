"""The texts index: the contents (every essay, by source and by setting) and the toctree
of all sources and the rules page."""

from __future__ import annotations

from sizheng_edition.model.edition import EditionSource
from sizheng_edition.render import page_paths
from sizheng_edition.render.contents import render_contents


def render_sources_index(sources: list[EditionSource]) -> str:
    here = page_paths.TEXTS_INDEX
    items = "\n".join(page_paths.relative(page_paths.overview(s.source.key), here) for s in sources)
    rules = page_paths.relative(page_paths.NORMALISATION_RULES, here)
    return (
        "---\n"
        "myst:\n"
        "  html_meta:\n"
        '    "description": "The essays of the edition, with their authors, sources, lengths and '
        'subjects, by source and by setting."\n'
        "---\n\n"
        "# The texts\n\n"
        "Each source is a clipping as received; its page describes the witness and links to "
        "its diplomatic transcription. Lengths count the Han characters of an essay's text "
        "(headings and abstract included; punctuation, digits and Latin letters not).\n\n"
        f"{render_contents(sources, here)}\n"
        f"```{{toctree}}\n:maxdepth: 2\n:hidden:\n\n{items}\n{rules}\n```\n\n"
        f"The {{doc}}`normalisation rules <{rules}>` say what the edition changes in every text.\n"
    )
