"""Front and back matter: the abstract, the keywords (one block each), the references
(one block per line)."""

from __future__ import annotations

import dataclasses

from sizheng_edition.build.context import Context
from sizheng_edition.build.normalise import normalise
from sizheng_edition.build.units import Unit
from sizheng_edition.model.edition import Block, BlockKind, Cell, Rule
from sizheng_edition.model.plan import ArticlePlan
from sizheng_edition.text.chars import WHITESPACE


def front_units(ctx: Context, art: ArticlePlan) -> list[Unit]:
    if not art.abstract:
        return []
    return [Unit(BlockKind.ABSTRACT, ctx.nonblank(art.abstract.numbers()))]


def reference_units(ctx: Context, art: ArticlePlan) -> list[Unit]:
    if not art.references:
        return []
    return [Unit(BlockKind.REFERENCE, [n]) for n in ctx.nonblank(art.references.numbers())]


def keyword_blocks(ctx: Context, art: ArticlePlan) -> list[Block]:
    if not art.keywords:
        return []
    lines = ctx.nonblank(art.keywords.numbers())
    return [b for n in lines for b in _split_on_space(ctx, n, BlockKind.KEYWORD)]


def _split_on_space(ctx: Context, line: int, kind: BlockKind) -> list[Block]:
    """Split one line at runs of spaces; each space stays with the part before it."""
    groups: list[list[Cell]] = [[]]
    for cell in ctx.cells(line):
        if cell.raw in WHITESPACE and cell.out:
            groups[-1].append(dataclasses.replace(cell, out="", rule=Rule.LIST_SPLIT))
        else:
            if groups[-1] and groups[-1][-1].raw in WHITESPACE and groups[-1][-1].rule is Rule.LIST_SPLIT:
                groups.append([])
            groups[-1].append(cell)
    return [Block(kind, items=normalise(tuple(g))) for g in groups if g]
