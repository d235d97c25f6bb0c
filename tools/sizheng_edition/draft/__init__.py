"""``edition draft``: propose a plan for a new witness (classify lines, detect script and
layout, find articles, fragments and joins), for an editor to review."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.lines import Layout, Script, classify, detect_layout, detect_script, mark_headings
from sizheng_edition.draft.structure import DraftSource, build
from sizheng_edition.draft.writer import render_draft
from sizheng_edition.model.source import Source


@dataclass(frozen=True)
class Draft:
    source: Source
    script: Script
    layout: Layout
    structure: DraftSource

    def plan_text(self) -> str:
        return render_draft(self.source, self.script, self.layout, self.structure)


def draft(source: Source) -> Draft:
    lines = classify(source)
    layout = detect_layout(source, lines)
    lines = mark_headings(source, lines, layout)
    return Draft(source, detect_script(source), layout, build(lines, layout))
