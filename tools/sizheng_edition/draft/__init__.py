"""``edition draft``: propose a plan for a new witness (classify lines, detect script and
layout, find articles, fragments and joins), for an editor to review."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.headings import mark_headings
from sizheng_edition.draft.layout_detection import detect_layout
from sizheng_edition.draft.line_roles import as_json, decisions, explain
from sizheng_edition.draft.lines import classify
from sizheng_edition.draft.model import DetectedLayout, DetectedScript, DraftSource, LineDecision
from sizheng_edition.draft.script_detection import detect_script
from sizheng_edition.draft.self_check import buildable
from sizheng_edition.draft.structure import build
from sizheng_edition.draft.writer import render_draft
from sizheng_edition.model.source import Source


@dataclass(frozen=True)
class Draft:
    source: Source
    script: DetectedScript
    layout: DetectedLayout
    structure: DraftSource  # what the draft reads the witness as (``--json``)
    planned: DraftSource  # the same, made safe to build where the build rejected it

    def plan_text(self) -> str:
        return render_draft(self.source, self.script, self.layout, self.planned)

    def lines(self) -> list[LineDecision]:
        return decisions(self.structure)

    def json_text(self) -> str:
        return as_json(self.lines())

    def explain_text(self) -> str:
        head = [f"script: {self.script.name.value}: {self.script.why}", f"layout: {self.layout.why}"]
        head += [f"DOUBT: {d}" for d in self.planned.doubts]
        return "\n".join(head) + "\n" + explain(self.lines(), list(self.source.lines))


def draft(source: Source) -> Draft:
    lines = classify(source)
    layout = detect_layout(source, lines)
    lines = mark_headings(source, lines, layout)
    script = detect_script(source)
    structure = build(lines, layout)
    planned = buildable(source, structure, lambda s: render_draft(source, script, layout, s))
    return Draft(source, script, layout, structure, planned)
