"""Bylines: the witnesses' byline mark □ (on the newspaper and on the journal page)
removed, and the line split into author and affiliation as the plan's form says.  The
plan has been validated, so the line has its form."""

from __future__ import annotations

import dataclasses

from sizheng_edition.build.blocks import block
from sizheng_edition.build.context import Context
from sizheng_edition.build.normalise import normalise
from sizheng_edition.build.units import Unit
from sizheng_edition.build.validate import BYLINE_MARK
from sizheng_edition.model.edition import Block, BlockKind, Cell, Rule
from sizheng_edition.model.plan import ArticlePlan, BylineForm
from sizheng_edition.text.chars import WHITESPACE


def byline(ctx: Context, art: ArticlePlan) -> tuple[Block | None, Block | None]:
    """The author block and the affiliation block, either of them possibly absent."""
    affiliation = None
    if art.affiliation:
        affiliation = block(ctx, Unit(BlockKind.AFFILIATION, ctx.nonblank(art.affiliation.numbers())))
    if not art.byline:
        return None, affiliation
    form = art.byline.form
    cells = ctx.cells(art.byline.line)
    if form.has_mark:
        cells = _strip_mark(cells)
    author, affil = _split(cells, form)
    author_block = Block(BlockKind.BYLINE, items=normalise(author))
    if affiliation is None and affil:
        affiliation = Block(BlockKind.AFFILIATION, items=normalise(affil))
    return author_block, affiliation


def _strip_mark(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    out, marking = [], True
    for cell in cells:
        if marking and (cell.raw == BYLINE_MARK or (cell.raw in WHITESPACE)):
            out.append(dataclasses.replace(cell, out="", rule=cell.rule or Rule.BYLINE_MARK))
        else:
            marking = False
            out.append(cell)
    return tuple(out)


def _split(cells: tuple[Cell, ...], form: BylineForm) -> tuple[tuple[Cell, ...], tuple[Cell, ...]]:
    """Author and affiliation cells; the separating space goes with the first part."""
    if form is BylineForm.MARK_AUTHOR:
        return cells, ()
    spaces = [i for i, c in enumerate(cells) if c.out in WHITESPACE and c.out]
    # author-affiliation: the name is the first word; otherwise it is the last
    cut = spaces[0] if form is BylineForm.AUTHOR_AFFILIATION else spaces[-1]
    sep = dataclasses.replace(cells[cut], out="", rule=Rule.BYLINE_SPLIT)
    before, after = (*cells[:cut], sep), cells[cut + 1 :]
    return (before, after) if form is BylineForm.AUTHOR_AFFILIATION else (after, before)
