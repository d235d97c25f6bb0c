"""Emendations applied to a block's cells: the printed text of the emended characters
is replaced and named by the emendation's kind; a sic is only marked."""

from __future__ import annotations

import dataclasses

from sizheng_edition.build.context import Context
from sizheng_edition.build.validate import locate_emendation
from sizheng_edition.model.edition import Cell, Rule
from sizheng_edition.model.plan import Emendation, EmendationKind

RULE_OF = {EmendationKind.EMENDATION: Rule.EMENDATION, EmendationKind.SCRIPT: Rule.SCRIPT}


def emend(ctx: Context, cells: tuple[Cell, ...], em: Emendation) -> tuple[tuple[Cell, ...], int]:
    """The cells with ``em`` applied, and the index just after the emended text (where
    its note goes)."""
    positions = [i for i, c in enumerate(cells) if c.line == em.line and c.out]
    start = locate_emendation(ctx.plan, em, "".join(cells[i].out for i in positions))
    span = positions[start : start + len(em.find)]
    if em.kind is EmendationKind.SIC:
        return cells, span[-1] + 1
    work = list(cells)
    # Character for character where the lengths match; else all of it on the first.
    replacement = list(em.replace) if len(em.replace) == len(span) else [em.replace] + [""] * (len(span) - 1)
    for i, new in zip(span, replacement, strict=True):
        work[i] = dataclasses.replace(work[i], out=new, rule=RULE_OF[em.kind])
    return tuple(work), span[-1] + 1
