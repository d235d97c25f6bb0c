"""The draft's own model: classified lines, detected script and layout, and the
articles, fragments and joins the draft proposes, each with its evidence.

Unlike ``model.plan`` this is a working model: the structure steps fill in a
``DraftArticle`` one after another, and ``draft.writer`` turns the result into a plan.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from sizheng_edition.model.plan import BylineForm, JoinKind, Layout, Script
from sizheng_edition.text.chars import ends_sentence


class Kind(enum.Enum):
    """What a line of the witness looks like."""

    BLANK = "blank"
    LABEL = "column label"
    FURNITURE = "running head or page number"
    TITLE = "title"
    RUNNING_TITLE = "repeated title"
    BYLINE = "byline"
    AFFILIATION = "affiliation"
    DUPLICATE = "duplicate line"
    HEADING = "heading"
    KEYWORDS = "keywords"
    REFERENCE = "reference"
    TEXT = "text"


class Furniture(enum.Enum):
    """What a metadata line is: the plan's metadata key, shown in the transcription."""

    COLUMN = "column"
    RUNNING_HEAD = "running-head"
    PAGE_NUMBER = "page-number"
    JUMP = "jump-line"
    CREDIT = "editor-credit"
    ARTICLE_DATA = "article-data"


def closes(text: str) -> bool:
    """A line that ends a sentence, or introduces a list with a colon."""
    text = text.rstrip().rstrip("①②③④⑤⑥⑦⑧⑨⑩")  # a note's mark after the full stop
    return ends_sentence(text) or text.endswith(("：", ":"))


@dataclass(frozen=True)
class Line:
    number: int
    text: str  # as in the witness
    kind: Kind
    why: str
    byline_form: BylineForm | None = None
    continues_heading: bool = False  # the second line of a heading wrapped over two
    rejected: tuple[str, ...] = ()  # other classes considered, and why they lost
    carries_byline: bool = False  # a title with its byline printed on the same line
    furniture: Furniture | None = None  # what a column label, running head or page number is

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def closes(self) -> bool:
        return closes(self.text)

    @property
    def indented(self) -> bool:
        """Set in: a full-width space or two half-width ones.  One half-width space at the
        head of a line is OCR's stray, not an indent."""
        return self.text.startswith(("\u3000", "  ", "\t"))


class WitnessScript(enum.StrEnum):
    """The script the draft detects; one more than a plan can say."""

    SIMPLIFIED = "simplified"
    CONVERTED_TRADITIONAL = "converted-traditional"  # machine-converted from simplified
    TRADITIONAL = "traditional"  # properly traditional

    @property
    def plan_script(self) -> Script:
        """The plan's value.  The pipeline converts any traditional text to simplified with
        the same converter, so a properly traditional witness is planned as converted: the
        script comment and the editor's review tell the two apart."""
        if self is WitnessScript.SIMPLIFIED:
            return Script.SIMPLIFIED
        return Script.CONVERTED_TRADITIONAL


@dataclass(frozen=True)
class DetectedScript:
    name: WitnessScript
    why: str


@dataclass(frozen=True)
class DetectedLayout:
    name: Layout
    interleaved: bool  # columns of several articles interleaved on one page
    why: str


class HeaderKind(enum.Enum):
    """What stands above a run of text lines and names its article."""

    BYLINE = "byline"  # the article's own title and byline
    RUNNING = "running"  # a repeated (running) title over a continuation


@dataclass(frozen=True)
class Header:
    kind: HeaderKind
    article: int  # index of the article in DraftSource.articles
    line: int  # the title line it stands on: two headers are one only if printed once

    def names_same(self, other: Header | None) -> bool:
        """The same kind of header over the same article (wherever printed)."""
        return other is not None and (other.kind, other.article) == (self.kind, self.article)


@dataclass
class Fragment:
    lines: list[int]
    header: Header | None  # None: text under no title
    article: int | None = None
    moved: bool = False
    first_in_run: bool = True  # the first piece under its title, byline or repeated title


@dataclass(frozen=True)
class Join:
    before: int  # last line of the earlier fragment
    after: int  # first line of the continuing fragment
    kind: JoinKind
    evidence: tuple[str, ...]
    confidence: float


@dataclass
class DraftArticle:
    title: int | None  # None: no title printed
    byline: Line | None = None
    affiliation: int | None = None
    abstract: int | None = None
    keywords: int | None = None
    references: list[int] = field(default_factory=list)
    fragments: list[Fragment] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)
    headings: list[list[int]] = field(default_factory=list)
    paragraph_starts: list[int] = field(default_factory=list)
    why: str = "under its title"  # how its lines were found
    confidence: float = 0.9  # of the assignment of its lines

    @property
    def abstract_lines(self) -> list[int]:
        return [self.abstract] if self.abstract is not None else []


@dataclass(frozen=True)
class DraftDrop:
    line: int
    article: int  # index of the article in DraftSource.articles
    reason: str


@dataclass
class DraftSource:
    lines: list[Line]
    layout: DetectedLayout
    articles: list[DraftArticle]
    drops: list[DraftDrop]
    metadata: list[int]  # column labels
    doubts: list[str]


class LineRole(enum.StrEnum):
    """What a line of the witness is, in the draft's line-by-line output (``--json``)."""

    BLANK = "blank"
    METADATA = "metadata"  # column label, running head, page number: no article's text
    TITLE = "title"
    BYLINE = "byline"
    AFFILIATION = "affiliation"
    ABSTRACT = "abstract"
    KEYWORDS = "keywords"
    HEADING = "heading"
    PARAGRAPH_START = "paragraph-start"
    CONTINUATION = "continuation"  # the next line of a paragraph or heading
    REFERENCE = "reference"  # every line of the references and notes
    DROPPED = "dropped"  # a repeated title or a duplicate line


@dataclass(frozen=True)
class LineDecision:
    """The draft's proposal for one line, with the evidence and what it rejected."""

    line: int  # 1-based
    role: LineRole
    article: str | None  # the proposed article id
    confidence: float  # 0-1
    evidence: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()  # alternatives considered and why they lost
    continues: int | None = None  # the line this one continues across a break (a join)

    def as_json(self) -> dict[str, object]:
        return {
            "line": self.line,
            "role": self.role.value,
            "article": self.article,
            "confidence": self.confidence,
            "continues": self.continues,
        }
