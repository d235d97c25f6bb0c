"""A unit no rule touches but the edge spaces and the converter is made into a block
from its lines' text, without cells (``build.blocks._plain_block``): that block must be
the one the cells' path makes, span for span and edit for edit, and the converter's
count for the rule summary the one the cells give."""

from __future__ import annotations

from conftest import ROOT
from sizheng_edition.build import article, blocks
from sizheng_edition.pipeline import load_edition
from sizheng_edition.project import ProjectPaths
from sizheng_edition.synthetic.corpus import make_corpus


def _checked_load(paths: ProjectPaths, monkeypatch) -> dict[str, int]:
    seen = {"plain": 0, "cells": 0, "converted": 0}
    plain = blocks._plain_block
    converted = article._converted

    def both(ctx, unit):
        fast = plain(ctx, unit)
        if fast is None:
            seen["cells"] += 1
            return None
        seen["plain"] += 1
        monkeypatch.setattr(blocks, "_plain_block", lambda c, u: None)
        try:
            slow = blocks.block(ctx, unit)
        finally:
            monkeypatch.setattr(blocks, "_plain_block", both)
        assert fast == slow
        assert (fast.text, fast.raw, fast.lines, fast.size) == (slow.text, slow.raw, slow.lines, slow.size)
        return fast

    def counted(ctx, made):
        recorded = converted(ctx, made)
        saved = dict(ctx.t2s_counts)
        ctx.t2s_counts.clear()
        assert converted(ctx, made) == recorded  # from the cells
        ctx.t2s_counts.update(saved)
        seen["converted"] += 1
        return recorded

    monkeypatch.setattr(blocks, "_plain_block", both)
    monkeypatch.setattr(article, "_converted", counted)
    load_edition(paths)
    return seen


def test_plain_blocks_are_the_cells_blocks_in_the_edition(monkeypatch):
    seen = _checked_load(ProjectPaths(ROOT), monkeypatch)
    assert seen["plain"] and seen["cells"]


def test_plain_blocks_are_the_cells_blocks_in_a_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(tmp_path / "cache"))
    seen = _checked_load(make_corpus(ROOT, tmp_path / "corpus", 33, seed=7), monkeypatch)
    assert seen["plain"] and seen["cells"] and seen["converted"]
