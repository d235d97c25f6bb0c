"""How a witness sets its text: one paragraph a line, or hard-wrapped at the column
width; and whether the columns of several articles are interleaved."""

from __future__ import annotations

from sizheng_edition.draft.model import DetectedLayout, Kind, Line
from sizheng_edition.draft.widths import column_width, width
from sizheng_edition.model.plan import Layout
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import ends_sentence


def detect_layout(source: Source, lines: list[Line]) -> DetectedLayout:
    text_lines = [ln for ln in lines if ln.kind in (Kind.TEXT, Kind.HEADING)]
    if not text_lines:
        return DetectedLayout(Layout.LINES, False, "no prose lines")
    col = column_width(source)
    at_col = sum(abs(width(ln.text) - col) <= 3 for ln in text_lines) / len(text_lines)
    open_end = sum(not ends_sentence(ln.text) for ln in text_lines) / len(text_lines)
    bylines = sum(ln.kind is Kind.BYLINE for ln in lines)
    repeated = sum(ln.kind is Kind.RUNNING_TITLE for ln in lines)
    interleaved = bylines > 1 and repeated > 0
    if at_col > 0.5 and open_end > 0.5:
        why = f"{at_col:.0%} of lines are {col} columns wide and {open_end:.0%} end mid-sentence"
        return DetectedLayout(Layout.WRAPPED, interleaved, why)
    why = f"lines of varying width ({at_col:.0%} at the modal width); {bylines} byline(s)"
    if interleaved:
        why += f", {repeated} repeated title(s): columns of several articles interleaved"
    return DetectedLayout(Layout.LINES, interleaved, why)
