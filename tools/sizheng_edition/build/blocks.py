"""A unit into a block: its cells in the edition's script, emended and normalised, with
each pinned note anchored at a character."""

from __future__ import annotations

from sizheng_edition.build import notes
from sizheng_edition.build.context import Context
from sizheng_edition.build.emend import emend
from sizheng_edition.build.normalise import normalise
from sizheng_edition.build.units import Pin, PinAt, Unit
from sizheng_edition.model.edition import Anchor, Block, BlockKind, Cell, Supplied

CLAUSE_PUNCT = frozenset("，。、；：？！")


def block(ctx: Context, unit: Unit) -> Block:
    cells = ctx.cells(*unit.lines)
    anchors: list[Anchor] = []  # positions in ``cells``, moved past the lead below
    for n in unit.lines:
        for em in ctx.emendations.get(n, ()):
            cells, end = emend(ctx, cells, em)
            anchors.append(Anchor(end, notes.emendation(ctx.ref(n), em)))
    cells = normalise(cells, punctuation=unit.kind is not BlockKind.REFERENCE)
    anchors += [Anchor(_anchor_index(cells, pin), pin.note) for pin in unit.pins]
    offset = len(unit.lead)
    placed = sorted((Anchor(offset + a.after, a.note) for a in anchors), key=lambda a: a.after)
    items: tuple[Cell | Supplied, ...] = (*unit.lead, *cells)
    return Block(unit.kind, anchors=tuple(placed), level=unit.level, items=items)


def _anchor_index(cells: tuple[Cell, ...], pin: Pin) -> int:
    if pin.at is PinAt.START:
        return 0
    if pin.at is PinAt.END:
        return _line_end(cells, pin.line)
    start = next(i for i, c in enumerate(cells) if c.line == pin.line)
    return next((i + 1 for i in range(start, len(cells)) if cells[i].out in CLAUSE_PUNCT), len(cells))


def _line_end(cells: tuple[Cell, ...], line: int) -> int:
    """Index just after the last printed cell of ``line``."""
    printed = [i for i, c in enumerate(cells) if c.line == line and c.out]
    return printed[-1] + 1
