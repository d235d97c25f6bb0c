"""Headings and paragraphs as lines, with the notes pinned to them, before they
become blocks."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from sizheng_edition.model.edition import BlockKind, Note, Supplied


class PinAt(enum.Enum):
    """Where in its unit a note is marked."""

    START = "start"  # before the unit's first character
    END = "end"  # after the last printed character of a line
    CLAUSE = "clause"  # after the clause that begins on a line, so a rejoined word stays whole


@dataclass(frozen=True)
class Pin:
    """A note, and where it is marked: at ``line``, as ``at`` says."""

    line: int
    at: PinAt
    note: Note


@dataclass
class Unit:
    """A heading or paragraph as lines, before it becomes a Block."""

    kind: BlockKind
    lines: list[int]
    level: int = 1
    open: bool = False  # ends mid-sentence
    lead: list[Supplied] = field(default_factory=list)  # supplied text before the first line
    pins: list[Pin] = field(default_factory=list)
