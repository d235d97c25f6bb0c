"""A unit into a block: its cells in the edition's script, emended and normalised, with
each pinned note anchored at a character.

Most units need no cell at all: when no emendation falls on their lines, no note is
pinned in them, conversion keeps the text's length, and the converted text holds no
character any normalisation rule reacts to (``_TRIGGERS``), every rule would leave the
cells as ``Context.cells`` made them: only the line's edge spaces removed and the
characters the converter changed.  Such a unit's spans are made from its lines' text
directly (``_plain_block``), exactly the spans its cells would have made: a cold
generate made a million cells for them (docs/benchmark.md, "Cold generate: the
floor").  Any other unit takes the cells' path."""

from __future__ import annotations

import re
from itertools import compress, count
from operator import ne

from sizheng_edition.build import notes
from sizheng_edition.build.context import Context
from sizheng_edition.build.emend import emend
from sizheng_edition.build.normalise import HALF_TO_FULL, normalise
from sizheng_edition.build.units import Pin, PinAt, Unit
from sizheng_edition.model.edition import Anchor, Block, BlockKind, Cell, Edit, Rule, Span, Supplied
from sizheng_edition.model.plan import Script
from sizheng_edition.text.chars import WHITESPACE, WHITESPACE_CHARS, ZERO_WIDTH
from sizheng_edition.text.script import to_simplified

CLAUSE_PUNCT = frozenset("，。、；：？！")

# Every character a normalisation rule reacts to (``normalise``): zero-width ones, the
# full-width ＋ and Latin letters and digits, white space inside a line; with
# ``punctuation``, the half-width marks made full-width.  Text without any is left as it
# is by every rule.
_FORMS = "".join(sorted(ZERO_WIDTH | WHITESPACE)) + "＋"
_ALNUM = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_TRIGGERS = re.compile(f"[{re.escape(_FORMS)}{_ALNUM}]")
_TRIGGERS_PUNCT = re.compile(f"[{re.escape(_FORMS + ''.join(sorted(HALF_TO_FULL)))}{_ALNUM}]")


def block(ctx: Context, unit: Unit) -> Block:
    plain = _plain_block(ctx, unit)
    if plain is not None:
        return plain
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


def _plain_block(ctx: Context, unit: Unit) -> Block | None:
    """The block ``block`` makes of ``unit`` when no rule but the edge spaces and the
    converter would change a character (see the module's docstring), made from the
    lines' text; None for any other unit."""
    if unit.pins or any(n in ctx.emendations for n in unit.lines):
        return None
    texts = [ctx.text(n) for n in unit.lines]
    edges = []
    for text in texts:
        lead = len(text) - len(text.lstrip(WHITESPACE_CHARS))
        edges.append((lead, max(lead, len(text.rstrip(WHITESPACE_CHARS)))))
    before = "".join(text[lead:trail] for text, (lead, trail) in zip(texts, edges, strict=True))
    converted = ctx.plan.script is Script.CONVERTED_TRADITIONAL
    after = to_simplified(before) if converted and before else before
    if len(after) != len(before):
        return None  # the cells' path aligns the two
    triggers = _TRIGGERS_PUNCT if unit.kind is not BlockKind.REFERENCE else _TRIGGERS
    if triggers.search(after):
        return None
    spans: list[Span | Supplied] = [*unit.lead]
    at = changed = 0
    for n, text, (lead, trail) in zip(unit.lines, texts, edges, strict=True):
        if not text:
            continue
        edits: list[Edit] = []
        if lead:
            edits.append(Edit(0, lead, "", Rule.EDGE_SPACE))
        out = after[at : at + trail - lead]
        if converted:
            changed += _converter_edits(text, lead, out, edits)
        at += trail - lead
        if trail < len(text):
            edits.append(Edit(trail, len(text) - trail, "", Rule.EDGE_SPACE))
        spans.append(Span(n, 0, text, out, tuple(edits)))
    if converted:
        ctx.t2s_counts[tuple(n for n, text in zip(unit.lines, texts, strict=True) if text)] = changed
    return Block(unit.kind, tuple(spans), level=unit.level)


def _converter_edits(text: str, lead: int, out: str, edits: list[Edit]) -> int:
    """Append to ``edits`` the converter's, for ``out`` printed for ``text`` from
    ``lead`` on (as long), one per run of changed characters; return how many changed."""
    # The changed positions found in C (compress, map), not by a Python step per
    # character: most of a converted line is left as it was.
    changed = list(compress(count(), map(ne, text[lead : lead + len(out)], out)))
    start = 0
    while start < len(changed):
        end = start + 1
        while end < len(changed) and changed[end] == changed[end - 1] + 1:
            end += 1
        first, last = changed[start], changed[end - 1] + 1
        edits.append(Edit(lead + first, last - first, out[first:last], Rule.T2S))
        start = end
    return len(changed)
