"""What every step of one source's build sees: the source, its plan, and the plan's
emendations by line."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain

from sizheng_edition.build import notes
from sizheng_edition.build.convert import convert_cells
from sizheng_edition.build.normalise import line_cells
from sizheng_edition.model.edition import Cell
from sizheng_edition.model.plan import Emendation, Plan, Script
from sizheng_edition.model.source import LineRef, Source


@dataclass(frozen=True)
class Context:
    source: Source
    plan: Plan
    emendations: Mapping[int, tuple[Emendation, ...]]  # by the line they emend
    # The cells of each run of lines asked for: the rule counts ask again for a block's
    # converted lines (cells are frozen, so sharing them is safe).
    _cells: dict[tuple[int, ...], tuple[Cell, ...]] = field(default_factory=dict, compare=False, repr=False)
    # How many characters the converter changed in each run of lines a block made
    # without cells (``blocks._plain_block``), for the rule counts, which would
    # otherwise make those cells to count them.
    t2s_counts: dict[tuple[int, ...], int] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, source: Source, plan: Plan) -> Context:
        by_line: dict[int, tuple[Emendation, ...]] = {}
        for em in plan.emendations:
            by_line[em.line] = (*by_line.get(em.line, ()), em)
        return cls(source, plan, by_line)

    def text(self, line: int) -> str:
        return self.source.line(line)

    def ref(self, *lines: int) -> tuple[LineRef, ...]:
        return notes.refs(self.source.key, lines)

    def nonblank(self, numbers: Iterable[int]) -> list[int]:
        return self.source.nonblank(numbers)

    def cells(self, *lines: int) -> tuple[Cell, ...]:
        """The cells of ``lines`` as one run, in the edition's script: a converted
        witness is converted back here, before emendations and normalisation."""
        if lines not in self._cells:
            cells = tuple(chain.from_iterable(line_cells(self.source, n) for n in lines))
            if self.plan.script is Script.CONVERTED_TRADITIONAL:
                cells = convert_cells(cells)
            self._cells[lines] = cells
        return self._cells[lines]
