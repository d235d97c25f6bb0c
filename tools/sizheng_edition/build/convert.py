"""Script conversion mapped back onto cells, so each converted character still knows
its source character."""

from __future__ import annotations

import dataclasses
import difflib

from sizheng_edition.model.edition import Cell, Rule
from sizheng_edition.text.script import to_simplified


def convert_cells(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Convert the printed text of ``cells`` as one run (phrase-level t2s needs context)."""
    before = "".join(c.out for c in cells)
    after = to_simplified(before)
    if before == after:
        return cells
    # Usually conversion keeps the length, and then each character simply replaces
    # the one at its position; only a change of length needs the (slow) alignment.
    outs = _by_position(cells, after) if len(after) == len(before) else _by_alignment(cells, before, after)
    return tuple(
        dataclasses.replace(c, out=o, rule=Rule.T2S) if o != c.out else c
        for c, o in zip(cells, outs, strict=True)
    )


def _by_position(cells: tuple[Cell, ...], after: str) -> list[str]:
    outs = []
    start = 0
    for cell in cells:
        end = start + len(cell.out)
        outs.append(after[start:end])
        start = end
    return outs


def _by_alignment(cells: tuple[Cell, ...], before: str, after: str) -> list[str]:
    owners = [i for i, c in enumerate(cells) for _ in c.out]  # text offset -> cell index
    outs = [c.out for c in cells]
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            _assign(outs, owners, i1, i2, after[j1:j2])
    return outs


def _assign(outs: list[str], owners: list[int], i1: int, i2: int, new: str) -> None:
    if i2 - i1 == len(new):  # character for character
        for k, ch in enumerate(new):
            outs[owners[i1 + k]] = ch
        return
    span = sorted({owners[k] for k in range(i1, i2)}) or [owners[i1 - 1]]
    outs[span[0]] = new if i2 > i1 else outs[span[0]] + new
    for idx in span[1:]:
        outs[idx] = ""
