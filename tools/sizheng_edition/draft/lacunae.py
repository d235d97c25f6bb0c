"""Where text may be lost: a line that ends mid-sentence with nothing to continue it."""

from __future__ import annotations

from sizheng_edition.draft.model import DetectedLayout, DraftArticle, Kind, Line
from sizheng_edition.model.plan import Layout


def lacuna_doubt(line: int) -> str:
    return f"line {line} ends mid-sentence and no continuation was found: a lacuna?"


def unfinished(by_no: dict[int, Line], layout: DetectedLayout, art: DraftArticle) -> list[int]:
    """Text lines of ``art`` that end mid-sentence and run into no other line.  On a
    wrapped page only the article's last line counts: the others run on by layout."""
    joined = {j.before for j in art.joins}
    text_lines = [n for f in art.fragments for n in f.lines if by_no[n].kind is Kind.TEXT]
    return [
        n
        for k, n in enumerate(text_lines)
        if not (
            by_no[n].closes or n in joined or (layout.name is Layout.WRAPPED and k != len(text_lines) - 1)
        )
    ]
