"""Dropped lines (a repeated running title, say) noted in the article they belong to:
where its text resumes after them, or at the byline when they come before it.  Lines
moved away from under a byline are noted at that byline the same way."""

from __future__ import annotations

import dataclasses

from sizheng_edition.build import notes
from sizheng_edition.build.context import Context
from sizheng_edition.build.fragments import host_of_move
from sizheng_edition.build.units import Pin, PinAt, Unit
from sizheng_edition.model.edition import Anchor, Block, Note
from sizheng_edition.model.plan import ArticlePlan, Drop


def _note(ctx: Context, drop: Drop) -> Note:
    texts = [ctx.text(n) for n in drop.lines.numbers()]
    return notes.drop(ctx.ref(*ctx.nonblank(drop.lines.numbers())), drop, texts)


def _drops_of(ctx: Context, art: ArticlePlan) -> list[Drop]:
    return [d for d in ctx.plan.drops if d.article == art.id]


def pin_drops(ctx: Context, art: ArticlePlan, units: list[Unit]) -> None:
    """A drop inside the article is noted where its text resumes after it."""
    for drop in _drops_of(ctx, art):
        index = next((i for i, f in enumerate(art.fragments) if f.lines.first > drop.lines.last), 0)
        if index == 0:
            continue  # before the article's text: noted at the byline instead
        frag = art.fragments[index]
        prev_line = ctx.nonblank(art.fragments[index - 1].lines.numbers())[-1]
        unit = next(u for u in units if prev_line in u.lines)
        note = _note(ctx, drop)
        if frag.join and frag.join.kind.runs_on:  # beside the join's own note
            unit.pins.append(Pin(ctx.nonblank(frag.lines.numbers())[0], PinAt.CLAUSE, note))
        else:
            unit.pins.append(Pin(prev_line, PinAt.END, note))


def anchor_early_drops(
    ctx: Context, art: ArticlePlan, author: Block | None, title: Block
) -> tuple[Block | None, Block]:
    """A drop before the article's text, or lines moved away from under its byline, are
    noted after its byline, or its title if it has none."""
    early = [_note(ctx, d) for d in _drops_of(ctx, art) if d.lines.last <= art.fragments[0].lines.first]
    for note in early + _moved_away(ctx, art):
        target = author or title
        anchored = dataclasses.replace(target, anchors=(*target.anchors, Anchor(target.size, note)))
        if author:
            author = anchored
        else:
            title = anchored
    return author, title


def _moved_away(ctx: Context, art: ArticlePlan) -> list[Note]:
    """The other end of each move whose lines stand under this article's byline."""
    out = []
    for other in ctx.plan.articles:
        for frag in other.fragments:
            if frag.move and other.id != art.id and host_of_move(ctx, other, frag) == art.id:
                lines = ctx.ref(*ctx.nonblank(frag.lines.numbers()))
                out.append(notes.moved_away(lines, frag.lines, other.id))
    return out
