"""Emendations applied to a block's cells: only the characters that change are replaced
and named by the emendation's kind (the rest of the matched phrase keeps its own rule,
so a sign marks just what the editor changed); a sic is only marked."""

from __future__ import annotations

import dataclasses

from sizheng_edition.build.context import Context
from sizheng_edition.build.validate import locate_emendation
from sizheng_edition.model.edition import Cell, Rule
from sizheng_edition.model.plan import Emendation, EmendationKind

RULE_OF = {EmendationKind.EMENDATION: Rule.EMENDATION, EmendationKind.SCRIPT: Rule.SCRIPT}


def changed_span(find: str, replace: str) -> tuple[int, int, str]:
    """The part of ``find`` that ``replace`` changes, as (start, end, new text): the
    common head and tail of the two are left alone."""
    head = _common_head(find, replace)
    tail = _common_head(find[head:][::-1], replace[head:][::-1])
    return head, len(find) - tail, replace[head : len(replace) - tail]


def _common_head(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def emend(ctx: Context, cells: tuple[Cell, ...], em: Emendation) -> tuple[tuple[Cell, ...], int]:
    """The cells with ``em`` applied, and the index just after the emended text (where
    its note goes)."""
    positions = [i for i, c in enumerate(cells) if c.line == em.line and c.out]
    start = locate_emendation(ctx.plan, em, "".join(cells[i].out for i in positions))
    span = positions[start : start + len(em.find)]
    if em.kind is EmendationKind.SIC:
        return cells, span[-1] + 1
    first, end, new = changed_span(em.find, em.replace)
    changed = span[first:end]
    if not changed:  # a pure insertion: carried by a neighbouring character
        changed, new = (
            (span[:1], new + em.find[0])
            if first == 0
            else (span[first - 1 : first], em.find[first - 1] + new)
        )
    work = list(cells)
    # Character for character where the lengths match; else all of it on the first.
    replacement = list(new) if len(new) == len(changed) else [new] + [""] * (len(changed) - 1)
    for i, text in zip(changed, replacement, strict=True):
        if text != work[i].out:  # an unchanged character inside the span is not marked
            work[i] = dataclasses.replace(work[i], out=text, rule=RULE_OF[em.kind])
    return tuple(work), span[-1] + 1
