"""The typed data model that the whole pipeline passes along.

Text moves through the pipeline as *cells*: one cell per source character,
carrying where it came from and what the edition prints for it.  Every change
(normalisation, conversion, emendation) rewrites a cell's output and names the
rule, so the source can always be read back from the edition: that is what
``sizheng_edition.check.nothing_lost`` proves.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Cell:
    """One source character and what the edition prints for it."""

    line: int
    col: int
    raw: str
    out: str
    rule: Rule | None = None  # the rule that made ``out`` differ from ``raw``


@dataclass(frozen=True)
class Supplied:
    """Text the editor supplies that is not in the source (a lacuna mark)."""

    text: str


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
    """A note attached after the ``after``-th item of a block's content."""

    after: int
    note: Note


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    items: tuple[Cell | Supplied, ...]
    anchors: tuple[Anchor, ...] = ()
    level: int = 1  # heading level within the article, 1 = top
    number: int | None = None  # paragraph number, for citation as ¶n

    @property
    def text(self) -> str:
        return "".join(i.out if isinstance(i, Cell) else i.text for i in self.items)

    @property
    def raw(self) -> str:
        return "".join(i.raw for i in self.items if isinstance(i, Cell))

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(sorted({i.line for i in self.items if isinstance(i, Cell)}))


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
