"""One article assembled from its plan: title, byline, front matter, body and
references as blocks, paragraphs numbered, and the normalisation rules counted."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from sizheng_edition.build import notes
from sizheng_edition.build.blocks import block
from sizheng_edition.build.byline import byline
from sizheng_edition.build.context import Context
from sizheng_edition.build.drops import anchor_early_drops, pin_drops
from sizheng_edition.build.fragments import body_units
from sizheng_edition.build.matter import front_units, keyword_blocks, reference_units
from sizheng_edition.build.normalise import count_span_rules
from sizheng_edition.build.units import Unit
from sizheng_edition.model.edition import Article, Block, BlockKind, Rule, Span
from sizheng_edition.model.plan import ArticlePlan, Script

NOT_SUMMARISED = (Rule.EMENDATION, Rule.SCRIPT)  # noted one by one instead
NUMBERED = (BlockKind.PARAGRAPH, BlockKind.ABSTRACT)


def build_article(ctx: Context, art: ArticlePlan) -> Article:
    units = body_units(ctx, art)
    pin_drops(ctx, art, units)
    title = block(ctx, Unit(BlockKind.TITLE, ctx.nonblank(art.title.numbers())))
    author, affiliation = byline(ctx, art)
    body = _number_paragraphs(
        [block(ctx, u) for u in front_units(ctx, art)]
        + keyword_blocks(ctx, art)
        + [block(ctx, u) for u in units + reference_units(ctx, art)]
    )
    blocks = [b for b in (title, author, affiliation, *body) if b]
    counts = _rule_counts(ctx, blocks, units, art)
    summary = notes.normalisation_summary(counts, ctx.source.key, _lines(blocks))
    author, title = anchor_early_drops(ctx, art, author, title)
    return Article(
        id=art.id,
        source=ctx.source.key,
        title=title,
        author=author,
        affiliation=affiliation,
        body=tuple(body),
        notes=(summary,),
        rule_counts=tuple(sorted(counts.items())),
        script=ctx.plan.script,
        description=art.description,
        setting=art.setting,
    )


def _lines(blocks: Iterable[Block]) -> list[int]:
    return sorted({n for b in blocks for n in b.lines})


def _rule_counts(ctx: Context, blocks: list[Block], units: list[Unit], art: ArticlePlan) -> Counter[Rule]:
    # Block by block: the last cell of one block and the first of the next are not
    # one occurrence of anything.
    counts: Counter[Rule] = Counter()
    for b in blocks:
        counts += count_span_rules(s for s in b.spans if isinstance(s, Span))
    for rule in NOT_SUMMARISED:
        counts.pop(rule, None)
    if ctx.plan.script is Script.CONVERTED_TRADITIONAL:
        counts[Rule.T2S] = _converted(ctx, blocks)
    # Each line end inside a title, heading or paragraph was unwrapped, except where
    # fragments ran on: those breaks are joins, noted as such.
    wrapped = (BlockKind.TITLE, BlockKind.HEADING, BlockKind.ABSTRACT)  # built whole, not from fragments
    joins = sum(len(b.lines) - 1 for b in blocks if b.kind in wrapped)
    joins += sum(len(u.lines) - 1 for u in units if u.kind is BlockKind.PARAGRAPH)
    joins -= sum(1 for f in art.fragments if f.join and f.join.kind.runs_on)
    if joins:
        counts[Rule.UNWRAP] = joins
    return counts


def _converted(ctx: Context, blocks: list[Block]) -> int:
    """Characters the converter changed. Counted on the converted text before
    emendations, because an emendation relabels its whole span (承擔著: the converter's
    担 as well as the editor's 着), and the converter's work there is still its own."""
    total = 0
    for b in blocks:
        spans = [s for s in b.spans if isinstance(s, Span)]
        lines = tuple(dict.fromkeys(s.line for s in spans))  # in reading order, as the block converted them
        whole = len(lines) == len(spans) and all(s.col == 0 and s.raw == ctx.text(s.line) for s in spans)
        if whole and lines in ctx.t2s_counts:  # counted when made without cells: every line whole
            total += ctx.t2s_counts[lines]
            continue
        here = {(s.line, s.col + k) for s in spans for k in range(len(s.raw))}
        total += sum(1 for c in ctx.cells(*lines) if c.rule is Rule.T2S and (c.line, c.col) in here)
    return total


def _number_paragraphs(blocks: list[Block]) -> list[Block]:
    numbered, n = [], 0
    for b in blocks:
        if b.kind in NUMBERED:
            n += 1
            b = dataclasses.replace(b, number=n)
        numbered.append(b)
    return numbered
