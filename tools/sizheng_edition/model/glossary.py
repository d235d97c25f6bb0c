"""The glossary as data: entries with their pinyin, rendering and definition."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from sizheng_edition.model.labels import term_anchor
from sizheng_edition.text.pinyin import slug, strip_tones


class Rendering(enum.StrEnum):
    """Where an English rendering comes from."""

    OFFICIAL = "official"
    SCHOLARLY = "scholarly"
    OWN = "own"

    @property
    def label(self) -> str:
        return {
            Rendering.OFFICIAL: "official rendering",
            Rendering.SCHOLARLY: "scholarly rendering",
            Rendering.OWN: "the edition's own rendering",
        }[self]


class Category(enum.StrEnum):
    """The kind of thing a term names; the order is the order of the category page."""

    FORMULA = "formula"
    CONCEPT = "concept"
    INSTITUTION = "institution"
    OFFICE = "office"
    CAMPAIGN = "campaign"
    METHOD = "method"
    DOCUMENT = "document"
    MEETING = "meeting"

    @property
    def label(self) -> str:
        return {
            Category.FORMULA: "Formulas and slogans",
            Category.CONCEPT: "Concepts",
            Category.INSTITUTION: "Institutions and organisations",
            Category.OFFICE: "Offices and roles",
            Category.CAMPAIGN: "Campaigns and programmes",
            Category.METHOD: "Methods of work",
            Category.DOCUMENT: "Documents",
            Category.MEETING: "Meetings",
        }[self]


@dataclass(frozen=True)
class Source:
    """A published English text that uses a rendering."""

    title: str
    publisher: str
    date: str  # as the source shows it: YYYY-MM-DD, YYYY-MM, YYYY, or "undated"
    url: str
    quote: str | None = None


class Dated(enum.StrEnum):
    """What a history item's date is the date of."""

    EVENT = "event"  # the event's own date, as the source gives it
    REPORT = "report"  # the source gives no date for the event: the date is the report's


@dataclass(frozen=True)
class HistoryItem:
    """A dated event in a term's history, as a published page states it. The loader has
    checked the date against the calendar and the page's own date, and that ``first`` is
    what the page's quoted words say."""

    date: str  # YYYY-MM-DD, YYYY-MM or YYYY, as precisely as the source gives it
    event: str  # one English sentence; may quote Chinese
    source: Source  # dated, with the quoted words that state the date and the event
    first: bool = False  # the source says it was the first (for the first time, 首次)
    dated: Dated = Dated.EVENT
    yaml_line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Quotation:
    """Words of one of the essays that use the term, quoted exactly from a paragraph.
    The loader checks them against that paragraph (``load.glossary.check_quotations``)."""

    article: str  # the article's id
    paragraph: int  # its number, cited as ¶n
    text: str  # plain text, exactly as the reading text prints it
    # The YAML lines of the article, paragraph and text keys, for errors only.
    yaml_lines: tuple[int, int, int] = field(default=(0, 0, 0), compare=False)


@dataclass(frozen=True)
class Entry:
    term: str
    traditional: str
    pinyin: str  # display form, tone-marked, grouped into words
    pinyin_override: str | None  # the YAML override, as written: the display form
    english: str
    rendering: Rendering
    rendering_source: str  # a note on the rendering; for an own rendering, why it is the edition's
    category: Category
    definition: str
    variants: tuple[str, ...]
    see_also: tuple[str, ...]
    note: str | None
    sources: tuple[Source, ...] = ()  # at least one for an official or scholarly rendering
    quotations: tuple[Quotation, ...] = ()  # from the essays, shown as "In the essays"
    history: tuple[HistoryItem, ...] = ()  # dated events, oldest first, each with its source
    yaml_line: int = field(default=0, compare=False)

    @property
    def anchor(self) -> str:
        return term_anchor(slug(self.pinyin))

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return (strip_tones(self.pinyin).replace(" ", "").lower(), self.pinyin, self.term)


@dataclass(frozen=True)
class Glossary:
    path: str
    entries: tuple[Entry, ...]

    def by_term(self) -> dict[str, Entry]:
        return {e.term: e for e in self.entries}

    def surfaces(self) -> dict[str, str]:
        """Every form that links to an entry: its term and its variants."""
        out = {e.term: e.term for e in self.entries}
        out.update({v: e.term for e in self.entries for v in e.variants})
        return out

    def sorted(self) -> list[Entry]:
        return sorted(self.entries, key=lambda e: e.sort_key)
