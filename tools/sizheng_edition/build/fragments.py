"""An article's fragments into paragraph and heading units: lines run together where
the layout wraps them, fragments join as the plan says, and moves and lacunae are
noted.  The plan has been validated, so every join here fits its text."""

from __future__ import annotations

from sizheng_edition.build import notes
from sizheng_edition.build.context import Context
from sizheng_edition.build.units import Pin, PinAt, Unit
from sizheng_edition.model.edition import BlockKind, Supplied
from sizheng_edition.model.plan import ArticlePlan, Fragment, Heading, JoinKind, Layout
from sizheng_edition.text.chars import ends_sentence

LACUNA_MARK = "〔……〕"


def body_units(ctx: Context, art: ArticlePlan) -> list[Unit]:
    headings = {h.lines.first: h for h in art.headings}
    units: list[Unit] = []
    for frag in art.fragments:
        units = _join(ctx, art, units, frag, _fragment_units(ctx, frag, headings))
    return units


def _fragment_units(ctx: Context, frag: Fragment, headings: dict[int, Heading]) -> list[Unit]:
    units: list[Unit] = []
    lines = iter(ctx.nonblank(frag.lines.numbers()))
    for n in lines:
        if n in headings:
            h = headings[n]
            span = ctx.nonblank(h.lines.numbers())
            for _ in span[1:]:
                next(lines)
            units.append(Unit(BlockKind.HEADING, span, level=h.level))
        elif ctx.plan.layout is Layout.WRAPPED and units and units[-1].open:
            units[-1].lines.append(n)
            units[-1].open = not ends_sentence(ctx.text(n))
        else:
            units.append(Unit(BlockKind.PARAGRAPH, [n], open=not ends_sentence(ctx.text(n))))
    return units


def host_of_move(ctx: Context, art: ArticlePlan, frag: Fragment) -> str | None:
    """The article whose title stands nearest above moved lines of ``art``: the one a
    reader of the source would take them for (the other end of the move), if not ``art``."""
    above = [(a.title.first, a.id) for a in ctx.plan.articles if a.title.first < frag.lines.first]
    host = max(above)[1] if above else None
    return host if host != art.id else None


def _join(ctx: Context, art: ArticlePlan, done: list[Unit], frag: Fragment, new: list[Unit]) -> list[Unit]:
    first_line = new[0].lines[0]
    if frag.lacuna:
        new[0].lead.append(Supplied(LACUNA_MARK))
        note = notes.lacuna(ctx.ref(first_line), frag.lacuna, ctx.text(first_line))
        new[0].pins.append(Pin(first_line, PinAt.START, note))
    if frag.move:
        lines = ctx.ref(*ctx.nonblank(frag.lines.numbers()))
        note = notes.move(lines, frag.lines, frag.move, host_of_move(ctx, art, frag))
        new[0].pins.append(Pin(new[0].lines[-1], PinAt.END, note))
    if frag.join is None:  # the article's first fragment
        return done + new
    prev = done[-1]
    note = notes.join(
        ctx.ref(prev.lines[-1], first_line), frag.join, ctx.text(prev.lines[-1]), ctx.text(first_line)
    )
    if frag.join.kind is JoinKind.PARAGRAPH:
        prev.pins.append(Pin(prev.lines[-1], PinAt.END, note))
        return done + new
    # Marked at the end of the clause, not at the break, so the rejoined word stays whole.
    new[0].pins.insert(0, Pin(first_line, PinAt.CLAUSE, note))
    prev.lines.extend(new[0].lines)
    prev.pins.extend(new[0].pins)
    prev.open = new[0].open
    return done + new[1:]
