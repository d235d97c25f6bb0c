"""``edition draft``: propose a plan for a new witness (classify lines, detect script and
layout, find articles, fragments and joins), for an editor to review."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.headings import mark_headings
from sizheng_edition.draft.layout_detection import detect_layout
from sizheng_edition.draft.lines import classify
from sizheng_edition.draft.model import DetectedLayout, DetectedScript, DraftSource
from sizheng_edition.draft.script_detection import detect_script
from sizheng_edition.draft.structure import build
from sizheng_edition.draft.writer import render_draft
from sizheng_edition.model.source import Source


@dataclass(frozen=True)
class Draft:
    source: Source
    script: DetectedScript
    layout: DetectedLayout
    structure: DraftSource

    def plan_text(self) -> str:
        return render_draft(self.source, self.script, self.layout, self.structure)


def draft(source: Source) -> Draft:
    lines = classify(source)
    layout = detect_layout(source, lines)
    lines = mark_headings(source, lines, layout)
    return Draft(source, detect_script(source), layout, build(lines, layout))
