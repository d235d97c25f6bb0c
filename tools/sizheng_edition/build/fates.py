"""The fate of every source line: the characters deliberately not printed (dropped,
metadata and whitespace-only lines), and each line's disposition for the
transcription page."""

from __future__ import annotations

from sizheng_edition.build.context import Context
from sizheng_edition.model.edition import Article, Discard, Disposition, Fate


def discards(ctx: Context) -> tuple[Discard, ...]:
    out = []
    for drop in ctx.plan.drops:
        for n in ctx.nonblank(drop.lines.numbers()):
            out.append(Discard(n, 0, ctx.text(n), f"dropped: {drop.reason}"))
    for meta in ctx.plan.metadata:
        out.append(Discard(meta.line, 0, ctx.text(meta.line), f"metadata '{meta.key}': {meta.reason}"))
    for n, text in enumerate(ctx.source.lines, 1):
        if text and not text.strip():
            out.append(Discard(n, 0, text, "whitespace-only line: layout"))
    return tuple(out)


def dispositions(ctx: Context, articles: tuple[Article, ...]) -> tuple[Disposition, ...]:
    fates: dict[int, Disposition] = {}
    for drop in ctx.plan.drops:
        for n in drop.lines.numbers():
            fates[n] = Disposition(n, Fate.DROPPED, drop.article, drop_reason=drop.reason)
    for meta in ctx.plan.metadata:
        fates[meta.line] = Disposition(meta.line, Fate.METADATA, metadata_key=meta.key)
    for art in articles:
        for block in art.blocks:
            for n in block.lines:
                fates.setdefault(n, Disposition(n, Fate.ARTICLE, art.id, block.number, block=block.kind))
    return tuple(
        fates.get(n, Disposition(n, Fate.BLANK)) if text.strip() else Disposition(n, Fate.BLANK)
        for n, text in enumerate(ctx.source.lines, 1)
    )
