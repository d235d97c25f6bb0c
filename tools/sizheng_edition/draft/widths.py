"""How wide a line prints: display width, and the column width of a wrapped page."""

from __future__ import annotations

import unicodedata
from collections import Counter

from sizheng_edition.model.source import Source


def width(text: str) -> int:
    """Display width of the stripped text: a full-width character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text.strip())


def column_width(source: Source) -> int:
    """The most common display width of non-blank lines: the column, on a wrapped page."""
    return modal_width(list(source.lines))


def modal_width(texts: list[str]) -> int:
    """The most common display width of the non-blank texts."""
    widths = Counter(width(t) for t in texts if t.strip())
    return widths.most_common(1)[0][0] if widths else 0
