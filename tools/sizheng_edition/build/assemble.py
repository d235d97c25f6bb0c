"""Applying a plan to a source: fragments become blocks, joins and moves become notes.

Pure: a Source and a Plan in, an EditionSource out.  Where the plan is silent
the rules below decide, and where a rule and the plan disagree the plan is
rejected with an error rather than followed silently (docs/plans.md).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from sizheng_edition.build import notes
from sizheng_edition.build.normalise import count_rules, line_cells, normalise
from sizheng_edition.build.validate import validate
from sizheng_edition.errors import EditionError
from sizheng_edition.model.edition import (
    Anchor,
    Article,
    Block,
    BlockKind,
    Cell,
    Discard,
    Disposition,
    EditionSource,
    Fate,
    Note,
    Supplied,
)
from sizheng_edition.model.plan import ArticlePlan, Emendation, Fragment, Heading, Plan
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import WHITESPACE, ends_sentence
from sizheng_edition.text.script import convert_cells

LACUNA_MARK = "〔……〕"
_CLAUSE_PUNCT = set("，。、；：？！")


@dataclass(frozen=True)
class _Pin:
    """Where a note is marked: at the unit's start, at the end of a line, or at the
    end of the clause that begins on a line (so a rejoined word stays whole)."""

    line: int
    at: str  # "start" | "end" | "clause"


@dataclass
class _Unit:
    """A heading or paragraph as lines, before it becomes a Block."""

    kind: BlockKind
    lines: list[int]
    level: int = 1
    open: bool = False  # ends mid-sentence
    lead: list[Supplied] = dataclasses.field(default_factory=list)
    anchors: list[tuple[_Pin, Note]] = dataclasses.field(default_factory=list)


class _Context:
    """What every step of one source's assembly needs to see."""

    def __init__(self, source: Source, plan: Plan) -> None:
        self.source = source
        self.plan = plan
        self.emendations: dict[int, list[Emendation]] = {}
        for em in plan.emendations:
            self.emendations.setdefault(em.line, []).append(em)

    def text(self, line: int) -> str:
        return self.source.line(line)

    def ref(self, *lines: int):
        return notes.refs(self.source.key, lines)


def build_source(source: Source, plan: Plan) -> EditionSource:
    validate(plan, source)
    ctx = _Context(source, plan)
    articles = tuple(_article(ctx, art) for art in plan.articles)
    _check_emendations_used(ctx, articles)
    discards = _discards(ctx)
    return EditionSource(
        source=source,
        title=plan.title,
        description=plan.description,
        layout=plan.layout,
        script=plan.script,
        metadata=tuple((m.key, source.line(m.line).strip()) for m in plan.metadata),
        articles=articles,
        dispositions=_dispositions(ctx, articles),
        discards=discards,
    )


# -- articles -----------------------------------------------------------------


def _article(ctx: _Context, art: ArticlePlan) -> Article:
    units = _body_units(ctx, art)
    _attach_drops(ctx, art, units)
    title = _block(ctx, _Unit(BlockKind.TITLE, list(_nonblank(ctx, art.title.numbers()))))
    author, affiliation = _byline(ctx, art)
    body = (
        [_block(ctx, u) for u in _front_units(ctx, art)]
        + _keyword_blocks(ctx, art)
        + [_block(ctx, u) for u in units + _reference_units(ctx, art)]
    )
    body = _number_paragraphs(body)
    blocks = [title, author, affiliation, *body]
    counts = _rule_counts([b for b in blocks if b], units, art)
    article_notes = [notes.normalisation_summary(counts, ctx.source.key, _article_lines(blocks))]
    author, title = _attach_early_drops(ctx, art, author, title)
    return Article(
        id=art.id,
        source=ctx.source.key,
        title=title,
        author=author,
        affiliation=affiliation,
        body=tuple(body),
        notes=tuple(article_notes),
        rule_counts=tuple(sorted(counts.items())),
        script=ctx.plan.script,
    )


def _nonblank(ctx: _Context, numbers) -> list[int]:
    return [n for n in numbers if ctx.text(n).strip()]


def _article_lines(blocks) -> list[int]:
    return sorted({n for b in blocks if b for n in b.lines})


def _rule_counts(blocks: list[Block], units: list[_Unit], art: ArticlePlan) -> Counter:
    counts = count_rules(c for b in blocks for c in b.items if isinstance(c, Cell))
    for name in ("emendation", "script"):
        counts.pop(name, None)  # emendations are noted one by one, not summarised
    joins = sum(len(b.lines) - 1 for b in blocks if b.kind in (BlockKind.TITLE, BlockKind.HEADING))
    joins += sum(len(u.lines) - 1 for u in units if u.kind is BlockKind.PARAGRAPH)
    joins -= sum(1 for f in art.fragments if f.join and f.join.kind != "paragraph")
    if joins:
        counts["unwrap"] = joins
    return counts


# -- fragments into units -------------------------------------------------------


def _body_units(ctx: _Context, art: ArticlePlan) -> list[_Unit]:
    headings = {h.lines.first: h for h in art.headings}
    units: list[_Unit] = []
    for index, frag in enumerate(art.fragments):
        frag_units = _fragment_units(ctx, frag, headings)
        if not frag_units:
            raise EditionError(ctx.plan.path, frag.lines.yaml_line, f"fragment {frag.lines} has no text")
        _check_join(ctx, art, index, units, frag, frag_units)
        units = _join(ctx, units, frag, frag_units)
    if units[-1].open:
        last = units[-1].lines[-1]
        raise EditionError(
            ctx.plan.path,
            art.fragments[-1].lines.yaml_line,
            f"article '{art.id}' ends mid-sentence at line {last}; add the fragment that continues it",
        )
    return units


def _fragment_units(ctx: _Context, frag: Fragment, headings: dict[int, Heading]) -> list[_Unit]:
    units: list[_Unit] = []
    lines = iter(_nonblank(ctx, frag.lines.numbers()))
    for n in lines:
        if n in headings:
            h = headings[n]
            span = _nonblank(ctx, h.lines.numbers())
            for _ in span[1:]:
                next(lines)
            units.append(_Unit(BlockKind.HEADING, span, level=h.level))
        elif ctx.plan.layout == "wrapped" and units and units[-1].open:
            units[-1].lines.append(n)
            units[-1].open = not ends_sentence(ctx.text(n))
        else:
            units.append(_Unit(BlockKind.PARAGRAPH, [n], open=not ends_sentence(ctx.text(n))))
    return units


def _check_join(ctx, art: ArticlePlan, index: int, done: list[_Unit], frag: Fragment, new: list[_Unit]):
    where = (ctx.plan.path, frag.lines.yaml_line)
    if index == 0:
        if frag.join:
            raise EditionError(*where, "the first fragment of an article cannot join a previous one")
        return
    if frag.join is None:
        raise EditionError(
            *where,
            f"fragment {frag.lines} of '{art.id}': say how it joins the previous fragment "
            "(join: kind word, sentence or paragraph, with a reason)",
        )
    prev_line = done[-1].lines[-1]
    if frag.join.kind == "paragraph":
        if done[-1].open and not frag.lacuna:
            raise EditionError(
                *where,
                f"line {prev_line} ends mid-sentence, so a 'paragraph' join would leave the "
                "sentence unfinished: use kind word or sentence, or mark a lacuna",
            )
        return
    if not done[-1].open or done[-1].kind is not BlockKind.PARAGRAPH:
        raise EditionError(
            *where,
            f"line {prev_line} ends a sentence or heading, so a '{frag.join.kind}' join would run "
            "two paragraphs together: use kind paragraph",
        )
    if new[0].kind is not BlockKind.PARAGRAPH:
        raise EditionError(
            *where, f"fragment {frag.lines} starts with a heading and cannot continue a sentence"
        )


def _join(ctx: _Context, done: list[_Unit], frag: Fragment, new: list[_Unit]) -> list[_Unit]:
    first_line = new[0].lines[0]
    if frag.lacuna:
        new[0].lead.append(Supplied(LACUNA_MARK))
        note = notes.lacuna(ctx.ref(first_line), frag.lacuna, ctx.text(first_line))
        new[0].anchors.append((_Pin(first_line, "start"), note))
    if frag.move:
        note = notes.move(ctx.ref(*_nonblank(ctx, frag.lines.numbers())), frag.lines, frag.move)
        new[0].anchors.append((_Pin(new[0].lines[-1], "end"), note))
    if frag.join is None:
        return done + new
    prev = done[-1]
    note = notes.join(
        ctx.ref(prev.lines[-1], first_line), frag.join, ctx.text(prev.lines[-1]), ctx.text(first_line)
    )
    if frag.join.kind == "paragraph":
        prev.anchors.append((_Pin(prev.lines[-1], "end"), note))
        return done + new
    # Marked at the end of the clause, not at the break, so the rejoined word stays whole.
    new[0].anchors.insert(0, (_Pin(first_line, "clause"), note))
    prev.lines.extend(new[0].lines)
    prev.anchors.extend(new[0].anchors)
    prev.open = new[0].open
    return done + new[1:]


def _attach_drops(ctx: _Context, art: ArticlePlan, units: list[_Unit]) -> None:
    """A dropped running title is noted where its article's text resumes after it."""
    for drop in (d for d in ctx.plan.drops if d.article == art.id):
        index = next((i for i, f in enumerate(art.fragments) if f.lines.first > drop.lines.last), 0)
        if index == 0:
            continue  # before the article's text: noted at the byline instead
        frag = art.fragments[index]
        prev_line = _nonblank(ctx, art.fragments[index - 1].lines.numbers())[-1]
        unit = next(u for u in units if prev_line in u.lines)
        if frag.join and frag.join.kind != "paragraph":  # beside the join's own note
            pin = _Pin(_nonblank(ctx, frag.lines.numbers())[0], "clause")
        else:
            pin = _Pin(prev_line, "end")
        texts = [ctx.text(n) for n in drop.lines.numbers()]
        unit.anchors.append((pin, notes.drop(ctx.ref(*_nonblank(ctx, drop.lines.numbers())), drop, texts)))


def _attach_early_drops(ctx: _Context, art: ArticlePlan, author: Block | None, title: Block):
    for drop in (d for d in ctx.plan.drops if d.article == art.id):
        if drop.lines.last > art.fragments[0].lines.first:
            continue
        note = notes.drop(
            ctx.ref(*_nonblank(ctx, drop.lines.numbers())), drop, [ctx.text(n) for n in drop.lines.numbers()]
        )
        target = author or title
        anchored = dataclasses.replace(target, anchors=(*target.anchors, Anchor(len(target.items), note)))
        if author:
            author = anchored
        else:
            title = anchored
    return author, title


# -- front and back matter --------------------------------------------------------


def _front_units(ctx: _Context, art: ArticlePlan) -> list[_Unit]:
    units = []
    if art.abstract:
        units.append(_Unit(BlockKind.ABSTRACT, _nonblank(ctx, art.abstract.numbers())))
    return units


def _reference_units(ctx: _Context, art: ArticlePlan) -> list[_Unit]:
    if not art.references:
        return []
    return [_Unit(BlockKind.REFERENCE, [n]) for n in _nonblank(ctx, art.references.numbers())]


def _keyword_blocks(ctx: _Context, art: ArticlePlan) -> list[Block]:
    if not art.keywords:
        return []
    blocks = []
    for n in _nonblank(ctx, art.keywords.numbers()):
        blocks.extend(_split_on_space(ctx, n, BlockKind.KEYWORD, "list-split"))
    return blocks


def _split_on_space(ctx: _Context, line: int, kind: BlockKind, rule: str) -> list[Block]:
    """Split one line at runs of spaces; each space stays with the part before it."""
    cells = _prepare(ctx, line_cells(ctx.source, line))
    groups: list[list[Cell]] = [[]]
    for cell in cells:
        if cell.raw in WHITESPACE and cell.out:
            groups[-1].append(dataclasses.replace(cell, out="", rule=rule))
        else:
            if groups[-1] and groups[-1][-1].raw in WHITESPACE and groups[-1][-1].rule == rule:
                groups.append([])
            groups[-1].append(cell)
    return [Block(kind, tuple(normalise(tuple(g)))) for g in groups if g]


# -- bylines -----------------------------------------------------------------------


def _byline(ctx: _Context, art: ArticlePlan) -> tuple[Block | None, Block | None]:
    affiliation = None
    if art.affiliation:
        affiliation = _block(ctx, _Unit(BlockKind.AFFILIATION, _nonblank(ctx, art.affiliation.numbers())))
    if not art.byline:
        return None, affiliation
    line = art.byline.line
    cells = _strip_mark(_prepare(ctx, line_cells(ctx.source, line)), art.byline.form)
    parts = _split_byline(cells, art.byline.form)
    if parts is None:
        raise EditionError(
            ctx.plan.path,
            art.byline.yaml_line,
            f"byline line {line} does not have the form '{art.byline.form}'",
        )
    author, affil = parts
    if affil and affiliation:
        raise EditionError(
            ctx.plan.path, art.byline.yaml_line, "affiliation given twice: in the byline and as a line"
        )
    author_block = Block(BlockKind.BYLINE, normalise(author))
    return author_block, affiliation or (Block(BlockKind.AFFILIATION, normalise(affil)) if affil else None)


def _strip_mark(cells: tuple[Cell, ...], form: str) -> tuple[Cell, ...]:
    if not form.startswith("mark-"):
        return cells
    out, marking = [], True
    for cell in cells:
        if marking and (cell.raw == "□" or (cell.raw in WHITESPACE)):
            out.append(dataclasses.replace(cell, out="", rule=cell.rule or "byline-mark"))
        else:
            marking = False
            out.append(cell)
    return tuple(out)


def _split_byline(cells: tuple[Cell, ...], form: str):
    """Author and affiliation cells; the separating space goes with the first part."""
    spaces = [i for i, c in enumerate(cells) if c.out in WHITESPACE and c.out]
    if form == "mark-author":
        return (cells, ()) if not spaces else None
    if not spaces:
        return None
    # author-affiliation: the name is the first word; otherwise it is the last
    cut = spaces[0] if form == "author-affiliation" else spaces[-1]
    sep = dataclasses.replace(cells[cut], out="", rule="byline-split")
    before, after = (*cells[:cut], sep), cells[cut + 1 :]
    return (before, after) if form == "author-affiliation" else (after, before)


# -- units into blocks ---------------------------------------------------------------


def _prepare(ctx: _Context, cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    if ctx.plan.script == "converted-traditional":
        cells = convert_cells(cells)
    return cells


def _block(ctx: _Context, unit: _Unit) -> Block:
    cells = tuple(c for n in unit.lines for c in line_cells(ctx.source, n))
    cells = _prepare(ctx, cells)
    anchors: list[tuple[int, Note]] = []
    for n in unit.lines:
        for em in ctx.emendations.get(n, []):
            cells, end = _emend(ctx, cells, em)
            anchors.append((end, notes.emendation(ctx.ref(n), em)))
    cells = normalise(cells, punctuation=unit.kind is not BlockKind.REFERENCE)
    items: tuple = tuple(unit.lead) + cells
    offset = len(unit.lead)
    for pin, note in unit.anchors:
        anchors.append((_anchor_index(cells, pin), note))
    placed = tuple(Anchor(offset + i if i != -1 else offset, note) for i, note in anchors)
    return Block(unit.kind, items, tuple(sorted(placed, key=lambda a: a.after)), level=unit.level)


def _anchor_index(cells: tuple[Cell, ...], pin: _Pin) -> int:
    if pin.at == "start":
        return -1
    if pin.at == "end":
        return _line_end(cells, pin.line)
    start = next(i for i, c in enumerate(cells) if c.line == pin.line)
    return next((i + 1 for i in range(start, len(cells)) if cells[i].out in _CLAUSE_PUNCT), len(cells))


def _line_end(cells: tuple[Cell, ...], line: int) -> int:
    """Index just after the last printed cell of ``line``."""
    printed = [i for i, c in enumerate(cells) if c.line == line and c.out]
    return printed[-1] + 1


def _emend(ctx: _Context, cells: tuple[Cell, ...], em: Emendation) -> tuple[tuple[Cell, ...], int]:
    positions = [i for i, c in enumerate(cells) if c.line == em.line and c.out]
    text = "".join(cells[i].out for i in positions)
    hits = [m.start() for m in re.finditer(re.escape(em.find), text)]
    if len(hits) != 1:
        found = "not found" if not hits else f"found {len(hits)} times"
        raise EditionError(
            ctx.plan.path, em.yaml_line, f"emendation text {em.find!r} {found} on line {em.line}"
        )
    span = positions[hits[0] : hits[0] + len(em.find)]
    if em.kind == "sic":
        return cells, span[-1] + 1
    work = list(cells)
    replacement = list(em.replace) if len(em.replace) == len(span) else [em.replace] + [""] * (len(span) - 1)
    for i, new in zip(span, replacement, strict=True):
        work[i] = dataclasses.replace(work[i], out=new, rule=em.kind)
    return tuple(work), span[-1] + 1


def _number_paragraphs(blocks: list[Block]) -> list[Block]:
    numbered, n = [], 0
    for block in blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.ABSTRACT):
            n += 1
            block = dataclasses.replace(block, number=n)
        numbered.append(block)
    return numbered


def _check_emendations_used(ctx: _Context, articles) -> None:
    used = {c.line for a in articles for b in a.blocks for c in b.items if isinstance(c, Cell)}
    for em in ctx.plan.emendations:
        if em.line not in used:
            raise EditionError(
                ctx.plan.path, em.yaml_line, f"emendation on line {em.line}, which no article prints"
            )


# -- the fate of every line -------------------------------------------------------


def _discards(ctx: _Context) -> tuple[Discard, ...]:
    out = []
    for drop in ctx.plan.drops:
        for n in _nonblank(ctx, drop.lines.numbers()):
            out.append(Discard(n, 0, ctx.text(n), f"dropped: {drop.reason}"))
    for meta in ctx.plan.metadata:
        out.append(Discard(meta.line, 0, ctx.text(meta.line), f"metadata '{meta.key}': {meta.reason}"))
    for n, text in enumerate(ctx.source.lines, 1):
        if text and not text.strip():
            out.append(Discard(n, 0, text, "whitespace-only line: layout"))
    return tuple(out)


def _dispositions(ctx: _Context, articles: tuple[Article, ...]) -> tuple[Disposition, ...]:
    fates: dict[int, Disposition] = {}
    for drop in ctx.plan.drops:
        for n in drop.lines.numbers():
            fates[n] = Disposition(n, Fate.DROPPED, drop.article, reason=drop.reason)
    for meta in ctx.plan.metadata:
        fates[meta.line] = Disposition(meta.line, Fate.METADATA, reason=meta.key)
    for art in articles:
        for block in art.blocks:
            for n in block.lines:
                fates.setdefault(n, Disposition(n, Fate.ARTICLE, art.id, block.number, block.kind.value))
    return tuple(
        fates.get(n, Disposition(n, Fate.BLANK)) if text.strip() else Disposition(n, Fate.BLANK)
        for n, text in enumerate(ctx.source.lines, 1)
    )
