"""The typed data model that the whole pipeline passes along.

Provenance is kept per line, not per character.  A block's content is a run of
*spans*: each the stretch of one source line that the block prints (its line,
first column and raw text), the text the edition prints for it, and a compact
list of *edits* (offset and length in the raw text, replacement, rule) that turn
the one into the other.  Every change (normalisation, conversion, emendation)
is an edit naming its rule, so the source can always be read back from the
edition: that is what ``sizheng_edition.check.nothing_lost`` proves.

Why spans and not one object per character: a model of one frozen cell per
source character made building and reading the model most of a cold generate
(docs/benchmark.md), and a block's text and lines were rebuilt from its cells on
every use.  A span costs one object per line plus one per run of changes, and a
block computes its text, raw text and lines once, when it is made.

The build's rules still reason character by character (a space is removed by
what stands either side of it, across line ends), so they work on *cells*, a
per-character view, and a block turns its cells into spans when it is made
(``Block(kind, items=cells)``).  ``Block.items`` gives the per-character view
back, built from the spans when asked for; ``Anchor.after`` and the glossary
links count positions in that view (a span of n raw characters is n positions,
a supplied text one), which ``Block.size`` totals, so their meaning is what it
was when a block held cells.

An edit is per-character decodable, so that the view, and with it the rule of
each character, is exactly what the build made: an edit of one character may
have any replacement (an emendation can put a whole new phrase on one
character), a longer one either removes all it covers (replacement "") or
replaces it character for character (a replacement as long as it).  Adjacent
changed characters with one rule and of one of those two shapes share an edit;
any other change is an edit of its own.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import Any

from sizheng_edition.model.plan import Layout, Script, Setting
from sizheng_edition.model.source import LineRef, Source


class Rule(enum.StrEnum):
    """Why a printed character differs from its source character (``build.normalise``
    describes each; the emendation kinds come from the plan)."""

    T2S = "t2s"
    EDGE_SPACE = "edge-space"
    CJK_SPACE = "cjk-space"
    MIXED_SPACE = "mixed-space"
    FULLWIDTH_PUNCT = "fullwidth-punct"
    INTERNET_PLUS = "internet-plus"
    PLUS_SPACE = "plus-space"
    FULLWIDTH_ALNUM = "fullwidth-alnum"
    BYLINE_MARK = "byline-mark"
    BYLINE_SPLIT = "byline-split"
    LIST_SPLIT = "list-split"
    UNWRAP = "unwrap"
    ZERO_WIDTH = "zero-width"
    EMENDATION = "emendation"
    SCRIPT = "script"


@dataclass(slots=True)
class Cell:
    """One source character and what the edition prints for it: what the build's
    rules work on, and the per-character view of a span.

    Not frozen, unlike the rest of the model: a cell is scratch, never stored (blocks
    hold spans), and making a frozen object per character was a third of building a
    source (300 synthetic sources: 1.5 s against 1.1 s).  No step changes a cell in
    place; the rules make a new one (``dataclasses.replace``)."""

    line: int
    col: int
    raw: str
    out: str
    rule: Rule | None = None  # the rule that made ``out`` differ from ``raw``


@dataclass(frozen=True)
class Supplied:
    """Text the editor supplies that is not in the source (a lacuna mark)."""

    text: str


@dataclass(frozen=True, slots=True)
class Edit:
    """``length`` raw characters from ``offset`` (within its span) printed as
    ``replacement``, because of ``rule`` (None only in a damaged model, which
    the check reports)."""

    offset: int
    length: int
    replacement: str
    rule: Rule | None

    def per_character(self) -> list[str]:
        """The replacement of each raw character the edit covers."""
        if self.length == 1:
            return [self.replacement]
        if not self.replacement:
            return [""] * self.length
        return list(self.replacement)

    @property
    def decodable(self) -> bool:
        return self.length == 1 or self.replacement == "" or len(self.replacement) == self.length


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one source line as printed: raw text from column ``col``, the
    printed text, and the edits that turn one into the other (in order, apart)."""

    line: int
    col: int
    raw: str
    out: str
    edits: tuple[Edit, ...] = ()

    def cells(self) -> Iterator[Cell]:
        """The per-character view."""
        changed: dict[int, tuple[str, Rule | None]] = {}
        for e in self.edits:
            for k, text in enumerate(e.per_character()):
                changed[e.offset + k] = (text, e.rule)
        line, col = self.line, self.col
        for k, ch in enumerate(self.raw):
            if k in changed:
                out, rule = changed[k]
                yield Cell(line, col + k, ch, out, rule)
            else:
                yield Cell(line, col + k, ch, ch)

    def printed(self) -> Iterator[tuple[str, Rule | None]]:
        """What each raw character prints, and its rule: the view without the cells."""
        k = 0
        for e in self.edits:
            for ch in self.raw[k : e.offset]:
                yield ch, None
            for text in e.per_character():
                yield text, e.rule
            k = e.offset + e.length
        for ch in self.raw[k:]:
            yield ch, None


def apply_edits(raw: str, edits: Iterable[Edit]) -> str:
    """``raw`` with ``edits`` (in order, apart) applied."""
    parts: list[str] = []
    k = 0
    for e in edits:
        parts += (raw[k : e.offset], e.replacement)
        k = e.offset + e.length
    parts.append(raw[k:])
    return "".join(parts)


def _mergeable(last: Edit, cell: Cell) -> bool:
    if last.rule is not cell.rule:
        return False
    if last.replacement == "" and cell.out == "":
        return True
    return len(cell.out) == 1 and len(last.replacement) == last.length


def spans_of(items: Iterable[Cell | Supplied]) -> tuple[Span | Supplied, ...]:
    """Cells as spans: one per run of adjacent characters of one line."""
    out: list[Span | Supplied] = []
    line = col = -1
    raw: list[str] = []
    edits: list[Edit] = []

    def close() -> None:
        if raw:
            text = "".join(raw)
            out.append(Span(line, col, text, apply_edits(text, edits), tuple(edits)))
            raw.clear()
            edits.clear()

    for item in items:
        if isinstance(item, Supplied):
            close()
            out.append(item)
            continue
        if not raw or item.line != line or item.col != col + len(raw):
            close()
            line, col = item.line, item.col
        k = len(raw)
        raw.append(item.raw)
        if item.rule is None and item.out == item.raw:
            continue
        last = edits[-1] if edits else None
        if last is not None and last.offset + last.length == k and _mergeable(last, item):
            edits[-1] = Edit(last.offset, last.length + 1, last.replacement + item.out, last.rule)
        else:
            edits.append(Edit(k, 1, item.out, item.rule))
    close()
    return tuple(out)


class NoteKind(enum.Enum):
    JOIN = "join"
    MOVE = "move"
    LACUNA = "lacuna"
    EMENDATION = "emendation"  # the witness is wrong; the edition corrects it
    CONVERSION = "conversion"  # the edition's own converter is wrong; the witness is right
    SIC = "sic"
    DROP = "dropped line"
    NORMALISATION = "normalisation summary"


@dataclass(frozen=True)
class Note:
    kind: NoteKind
    text: str  # English; may quote Chinese; plain text, escaped when rendered
    lines: tuple[LineRef, ...]
    # A move is noted at both ends: the other article (same source), which the page links.
    see: str | None = None


class BlockKind(enum.Enum):
    TITLE = "title"
    BYLINE = "byline"
    AFFILIATION = "affiliation"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ABSTRACT = "abstract"
    KEYWORD = "keyword"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Anchor:
    """A note attached after the ``after``-th position of a block's content: in its
    per-character view (``Block.items``), a raw character or a supplied text each."""

    after: int
    note: Note


@dataclass(frozen=True, init=False)
class Block:
    """A title, byline, heading, paragraph and so on: spans and supplied text, with its
    text, raw text, lines and size (positions in the per-character view) computed once
    when it is made.  ``items``, if given, are cells and supplied text, made into spans
    (they win over ``spans``, so ``dataclasses.replace(block, items=...)`` works)."""

    kind: BlockKind
    spans: tuple[Span | Supplied, ...]
    anchors: tuple[Anchor, ...] = ()
    level: int = 1  # heading level within the article, 1 = top
    number: int | None = None  # paragraph number, for citation as ¶n
    text: str = field(init=False, repr=False, compare=False)
    raw: str = field(init=False, repr=False, compare=False)
    lines: tuple[int, ...] = field(init=False, repr=False, compare=False)
    size: int = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        kind: BlockKind,
        spans: tuple[Span | Supplied, ...] = (),
        anchors: tuple[Anchor, ...] = (),
        level: int = 1,
        number: int | None = None,
        *,
        items: Iterable[Cell | Supplied] | None = None,
    ) -> None:
        if items is not None:
            spans = spans_of(items)
        init = object.__setattr__
        init(self, "kind", kind)
        init(self, "spans", spans)
        init(self, "anchors", anchors)
        init(self, "level", level)
        init(self, "number", number)
        init(self, "text", "".join(s.out if isinstance(s, Span) else s.text for s in spans))
        init(self, "raw", "".join(s.raw for s in spans if isinstance(s, Span)))
        init(self, "lines", tuple(sorted({s.line for s in spans if isinstance(s, Span)})))
        init(self, "size", sum(len(s.raw) if isinstance(s, Span) else 1 for s in spans))

    @cached_property
    def items(self) -> tuple[Cell | Supplied, ...]:
        """The per-character view: one cell per raw character, supplied text as it is."""
        return tuple(self.cells())

    def positions(self) -> tuple[list[str], list[Rule | Supplied | None]]:
        """The per-character view without its cells, as two lists: what each position
        prints, and its rule (None if unchanged) or, for supplied text, the Supplied.
        Made with list operations per span and edit, not a Python object per character."""
        outs: list[str] = []
        rules: list[Rule | Supplied | None] = []
        for s in self.spans:
            if isinstance(s, Supplied):
                outs.append(s.text)
                rules.append(s)
                continue
            start = len(outs)
            outs += s.raw
            rules += [None] * len(s.raw)
            for e in s.edits:
                at = start + e.offset
                outs[at : at + e.length] = e.per_character()
                rules[at : at + e.length] = [e.rule] * e.length
        return outs, rules

    def cells(self) -> Iterator[Cell | Supplied]:
        for s in self.spans:
            if isinstance(s, Span):
                yield from s.cells()
            else:
                yield s

    def text_offset(self, position: int) -> int:
        """Where in ``text`` the first ``position`` positions of the per-character view
        end: where an anchor after them stands in the printed text."""
        done = 0
        for s in self.spans:
            if position <= 0:
                break
            if isinstance(s, Supplied):
                done, position = done + len(s.text), position - 1
            elif position >= len(s.raw):
                done, position = done + len(s.out), position - len(s.raw)
            else:
                done += sum(len(text) for text, _ in islice(s.printed(), position))
                position = 0
        return done

    def __getstate__(self) -> dict[str, Any]:
        # Not the per-character view: it is rebuilt from the spans when needed.
        return {k: v for k, v in self.__dict__.items() if k != "items"}


@dataclass(frozen=True)
class Article:
    id: str
    source: str  # Source.key
    title: Block
    author: Block | None
    affiliation: Block | None
    body: tuple[Block, ...]
    notes: tuple[Note, ...]  # article-level notes (drop, normalisation summary)
    rule_counts: tuple[tuple[Rule, int], ...]
    script: Script
    description: str | None = None  # the plan's: what the essay is about, for the contents
    setting: Setting | None = None

    @property
    def blocks(self) -> tuple[Block, ...]:
        head = (self.title, self.author, self.affiliation)
        return tuple(b for b in head if b is not None) + self.body


class Fate(enum.Enum):
    """What happened to a source line."""

    ARTICLE = "article"
    DROPPED = "dropped"
    METADATA = "metadata"
    BLANK = "blank"


@dataclass(frozen=True)
class Disposition:
    """The fate of one source line, with what the transcription page says about it."""

    line: int
    fate: Fate
    article: str | None = None  # the article that prints the line, or that a drop belongs to
    paragraph: int | None = None  # the number of the paragraph that prints it
    block: BlockKind | None = None  # the kind of block that prints it
    metadata_key: str | None = None  # for a metadata line: the plan's key
    drop_reason: str | None = None  # for a dropped line: the plan's reason


@dataclass(frozen=True)
class Discard:
    """Source characters that are deliberately not printed, with the reason."""

    line: int
    col: int
    text: str
    reason: str


@dataclass(frozen=True)
class OriginalForm:
    """A form of a converted-traditional witness that its converter got wrong, with the
    lines where it occurs (found in the witness, one entry per occurrence)."""

    form: str
    correct: str
    reason: str
    lines: tuple[int, ...]


@dataclass(frozen=True)
class EditionSource:
    """One witness turned into articles, with the fate of every line."""

    source: Source
    title: str
    description: str
    layout: Layout
    script: Script
    metadata: tuple[tuple[str, str], ...]
    articles: tuple[Article, ...]
    dispositions: tuple[Disposition, ...]
    discards: tuple[Discard, ...] = field(default=())
    original_forms: tuple[OriginalForm, ...] = field(default=())
