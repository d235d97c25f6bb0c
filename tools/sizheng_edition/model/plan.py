"""An editor's plan for one source, as data: what goes where and why.

The plan is the record of editorial decisions.  ``load.plan`` parses it from YAML,
``load.plan_dump`` writes it back, and ``build.validate`` checks it against the source
it describes.  Where a value names the plan line it came from (``yaml_line``), that
value is for error messages only and takes no part in equality, so a plan written and
read again equals the original.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Layout(enum.StrEnum):
    """How the witness sets its text."""

    LINES = "lines"  # one paragraph (or heading) per line
    WRAPPED = "wrapped"  # hard-wrapped at the column width


class Script(enum.StrEnum):
    """The script of the witness."""

    SIMPLIFIED = "simplified"
    CONVERTED_TRADITIONAL = "converted-traditional"  # machine-converted from simplified


class BylineForm(enum.StrEnum):
    MARK_AUTHOR = "mark-author"  # □ 作者
    MARK_AFFILIATION_AUTHOR = "mark-affiliation-author"  # □ 单位 作者
    AUTHOR_AFFILIATION = "author-affiliation"  # 作者 单位

    @property
    def has_mark(self) -> bool:
        return self is not BylineForm.AUTHOR_AFFILIATION


class JoinKind(enum.StrEnum):
    WORD = "word"  # a word split across the break
    SENTENCE = "sentence"  # a sentence runs on
    PARAGRAPH = "paragraph"  # the article continues with a new paragraph

    @property
    def runs_on(self) -> bool:
        """The two fragments print as one paragraph."""
        return self is not JoinKind.PARAGRAPH


class EmendationKind(enum.StrEnum):
    EMENDATION = "emendation"  # the witness is wrong; the edition corrects it
    SIC = "sic"  # kept as printed, with a conjecture
    SCRIPT = "script"  # the edition's converter is wrong; corrected


class Setting(enum.StrEnum):
    """Where an article's subject is set: the contents page groups the essays by it."""

    HOSPITALS = "hospitals"
    MEDICAL_INSURANCE = "medical-insurance"
    STATE_FIRMS = "state-firms"
    RAILWAY = "railway"
    HIGHWAYS = "highways"
    RURAL_DISTRICT = "rural-district"

    @property
    def label(self) -> str:
        return _SETTING_LABELS[self]


_SETTING_LABELS = {
    Setting.HOSPITALS: "Hospitals",
    Setting.MEDICAL_INSURANCE: "Medical insurance",
    Setting.STATE_FIRMS: "State-owned enterprises",
    Setting.RAILWAY: "Railway",
    Setting.HIGHWAYS: "Highways",
    Setting.RURAL_DISTRICT: "A rural district",
}


@dataclass(frozen=True)
class LineRange:
    first: int
    last: int
    yaml_line: int = field(default=0, compare=False)

    def numbers(self) -> range:
        return range(self.first, self.last + 1)

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


@dataclass(frozen=True)
class Join:
    kind: JoinKind
    reason: str


@dataclass(frozen=True)
class Fragment:
    lines: LineRange
    join: Join | None = None
    move: str | None = None
    lacuna: str | None = None


@dataclass(frozen=True)
class Heading:
    lines: LineRange
    level: int = 1


@dataclass(frozen=True)
class Byline:
    line: int
    form: BylineForm
    yaml_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ArticlePlan:
    id: str
    title: LineRange
    byline: Byline | None
    affiliation: LineRange | None
    abstract: LineRange | None
    keywords: LineRange | None
    references: LineRange | None
    headings: tuple[Heading, ...]
    fragments: tuple[Fragment, ...]
    yaml_line: int = field(default=0, compare=False)
    # The editor's words for the contents page: what the essay is about (English, one
    # line, from the text) and where its subject is set.
    description: str | None = None
    setting: Setting | None = None


@dataclass(frozen=True)
class Drop:
    lines: LineRange
    article: str
    reason: str


@dataclass(frozen=True)
class Metadata:
    line: int
    key: str
    reason: str
    yaml_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Emendation:
    line: int
    find: str
    replace: str
    kind: EmendationKind
    reason: str
    yaml_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class OriginalForm:
    """A machine-conversion error of a converted-traditional witness: the form as printed
    and the traditional form it should have been (listed, never corrected, in the original)."""

    form: str
    correct: str
    reason: str
    yaml_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Plan:
    path: str = field(compare=False)
    source: str
    title: str
    description: str
    layout: Layout
    script: Script
    metadata: tuple[Metadata, ...]
    drops: tuple[Drop, ...]
    emendations: tuple[Emendation, ...]
    articles: tuple[ArticlePlan, ...]
    original_forms: tuple[OriginalForm, ...] = ()
