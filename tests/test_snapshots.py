"""Snapshots of the generated MyST: one article page, the diplomatic transcription of
each kind of witness, and the glossary page.

Both these snapshots and the committed pages in ``edition/`` hold the same text, for
different reasons.  The committed pages are what Sphinx builds, and ``edition check``
fails when they differ from what the renderer writes now; but regenerating them makes
that check pass again, so a change to the renderer can slip into a commit as a large
rewrite of generated pages.  The snapshots pin the renderer's output for each layout
and script: a change fails here and, once accepted with ``--force-regen``, shows up as
a small, reviewable diff under ``tests/test_snapshots/``.
"""

from __future__ import annotations

import pytest
from sizheng_edition.model.plan import Layout, Script
from sizheng_edition.render.pages import edition_files

# snapshot name → generated page (path relative to edition/)
PAGES = {
    # source 003: abstract, keywords, references, notes, emendations and the traditional original
    "article-003-yancheng-medical-insurance-centre": "texts/003/yancheng-medical-insurance-centre.md",
    "transcription-000-lines": "texts/000/transcription.md",  # interleaved newspaper columns
    "transcription-002-wrapped": "texts/002/transcription.md",  # hard-wrapped journal page
    "transcription-003-converted-traditional": "texts/003/transcription.md",
    "glossary-index": "glossary/index.md",
}

# source → what its transcription snapshot stands for
WITNESS_KINDS = {
    "000": (Layout.LINES, Script.SIMPLIFIED),
    "002": (Layout.WRAPPED, Script.SIMPLIFIED),
    "003": (Layout.LINES, Script.CONVERTED_TRADITIONAL),
}


@pytest.fixture(scope="module")
def files(edition, glossary) -> dict[str, str]:
    return edition_files(edition, glossary)


@pytest.mark.parametrize(("name", "page"), PAGES.items(), ids=PAGES.keys())
def test_generated_page_matches_snapshot(files, file_regression, name, page):
    file_regression.check(files[page], basename=name, extension=".md", encoding="utf-8", newline="\n")


def test_snapshots_cover_every_layout_and_script(edition):
    kinds = {src.source.key: (src.layout, src.script) for src in edition}
    assert {key: kinds[key] for key in WITNESS_KINDS} == WITNESS_KINDS
    assert {layout for layout, _ in WITNESS_KINDS.values()} == set(Layout)
    assert {script for _, script in WITNESS_KINDS.values()} == set(Script)
