"""The witness list: one section per source file, from the files and their plans.

Nothing on it depends on a file's bytes: its checksum, size and line count are on the
source's own page (and checksum and lines at the head of its transcription, which the
printed book carries too).  A shared page that printed them was rewritten, and read and
written again by Sphinx, whenever any seed was corrected; now a corrected seed changes
only its own source's pages."""

from __future__ import annotations

from sizheng_edition.model.edition import EditionSource
from sizheng_edition.render import page_paths
from sizheng_edition.render.escape import escape
from sizheng_edition.render.references import doc_link
from sizheng_edition.render.witness_description import LAYOUTS, SCRIPTS


def render_witnesses(sources: list[EditionSource]) -> str:
    out = [
        "# Witness list",
        "",
        "The sources of the edition, as received. Each file is kept unchanged in the "
        "repository's `seeds/` folder. Its SHA-256 checksum, which identifies it exactly, "
        "heads its transcription (linked below) and is given with its size on its source's page.",
        "",
    ]
    here = page_paths.WITNESSES
    for src in sources:
        s = src.source
        articles = ", ".join(
            doc_link(a.title.text, page_paths.relative(page_paths.article(s.key, a.id), here))
            for a in src.articles
        )
        transcription = page_paths.file(page_paths.relative(page_paths.transcription(s.key), here))
        heading = f"{s.key}: {escape(src.title)}" if src.title else s.key
        out += [f"## {heading}", ""]
        out += [
            f"- File: {escape(s.name)}",
            f"- Script: {SCRIPTS[src.script]}",
            f"- Layout: {LAYOUTS[src.layout]}",
            *(f"- {escape(k.capitalize())}: {escape(v)}" for k, v in src.metadata),
            f"- Articles: {articles}",
            f"- Transcription: [{s.key}]({transcription})",
            "",
            f"State: {escape(src.description)}",
            "",
        ]
    return "\n".join(out)
