"""Script conversion (OpenCC) mapped back onto cells, so each converted character
still knows its source character."""

from __future__ import annotations

import dataclasses
import difflib
from functools import lru_cache

import opencc

from sizheng_edition.model.edition import Cell


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    return _s2t().convert(text)


def convert_cells(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Convert the printed text of ``cells`` as one run (phrase-level t2s needs context)."""
    before = "".join(c.out for c in cells)
    after = to_simplified(before)
    if before == after:
        return cells
    owners = [i for i, c in enumerate(cells) for _ in c.out]  # text offset -> cell index
    outs = [c.out for c in cells]
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        _assign(outs, owners, i1, i2, after[j1:j2])
    return tuple(
        dataclasses.replace(c, out=o, rule="t2s") if o != c.out else c
        for c, o in zip(cells, outs, strict=True)
    )


def _assign(outs: list[str], owners: list[int], i1: int, i2: int, new: str) -> None:
    if i2 - i1 == len(new):  # the usual case: character for character
        for k, ch in enumerate(new):
            outs[owners[i1 + k]] = ch
        return
    span = sorted({owners[k] for k in range(i1, i2)}) or [owners[i1 - 1]]
    outs[span[0]] = new if i2 > i1 else outs[span[0]] + new
    for idx in span[1:]:
        outs[idx] = ""
