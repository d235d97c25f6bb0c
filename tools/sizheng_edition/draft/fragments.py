"""Drafting a plan, step 2: the articles (one per title, or per byline with no title
above it) and the runs of text lines between titles, bylines and repeated titles, with
the lines the plan drops or keeps as metadata."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.lines import title_text
from sizheng_edition.draft.model import DraftArticle, DraftDrop, Fragment, Header, HeaderKind, Kind, Line

# Lines that end a run of text: what follows them is a new fragment.
_BREAKS = (Kind.TITLE, Kind.BYLINE, Kind.RUNNING_TITLE, Kind.AFFILIATION, Kind.DUPLICATE, Kind.LABEL)
_PAGE = (Kind.BLANK, Kind.FURNITURE, Kind.LABEL)  # lines that stand between others on any page


@dataclass(frozen=True)
class Skeleton:
    articles: list[DraftArticle]
    runs: list[Fragment]  # in page order
    affiliations: list[int]  # lines; each belongs to the article of the text above it
    drops: list[DraftDrop]
    metadata: list[int]
    doubts: list[str]


def _heads(lines: list[Line]) -> tuple[list[DraftArticle], dict[int, int], dict[str, int], list[str]]:
    """The articles, in page order, and the line each begins at: a title; a byline with
    no title above it; text printed before any title or byline."""
    articles: list[DraftArticle] = []
    starts: dict[int, int] = {}
    by_title: dict[str, int] = {}
    doubts: list[str] = []
    previous: Line | None = None
    # text under a repeated title printed before its article's own title is that article's
    running_seen = False
    for ln in lines:
        if ln.kind in _PAGE:
            continue
        running_seen = running_seen or ln.kind is Kind.RUNNING_TITLE
        if ln.kind is Kind.TITLE:
            by_title.setdefault(title_text(ln), len(articles))
            starts[ln.number] = len(articles)
            articles.append(DraftArticle(title=ln.number, why=f"under its title on line {ln.number}"))
        elif ln.kind is Kind.BYLINE and (previous is None or previous.kind is not Kind.TITLE):
            starts[ln.number] = len(articles)
            why = f"under the byline on line {ln.number}, which has no title above it"
            articles.append(DraftArticle(title=None, why=why, confidence=0.7))
            doubts.append(
                f"the byline on line {ln.number} has no title above it: an article without a title?"
            )
        elif ln.kind is Kind.TEXT and not articles and not running_seen:
            starts[ln.number] = 0
            articles.append(DraftArticle(title=None, why="text printed before any title", confidence=0.6))
            doubts.append(
                f"line {ln.number} begins text under no title: an article without a title "
                "(or a piece of a later article printed first)?"
            )
        previous = ln
    return articles, starts, by_title, doubts


def skeleton(lines: list[Line]) -> Skeleton:
    articles, starts, by_title, doubts = _heads(lines)
    runs: list[Fragment] = []
    affiliations: list[int] = []
    drops: list[DraftDrop] = []
    metadata: list[int] = []
    header: Header | None = None
    current: Fragment | None = None
    last_title: int | None = None
    previous: Kind | None = None  # of the last line that is not blank or furniture
    for ln in lines:
        k = ln.kind
        if k in (Kind.LABEL, Kind.FURNITURE):
            metadata.append(ln.number)
            continue
        if k is Kind.BLANK:
            continue
        under_head, previous = previous in (Kind.TITLE, Kind.BYLINE), k
        if k in _BREAKS:
            current = None
        if ln.number in starts:
            last_title = starts[ln.number]
            header = Header(HeaderKind.BYLINE, last_title, ln.number)
        if k is Kind.BYLINE and last_title is not None:
            articles[last_title].byline = ln
        elif k is Kind.RUNNING_TITLE:
            article = by_title[ln.stripped]
            header = Header(HeaderKind.RUNNING, article, ln.number)
            drops.append(
                DraftDrop(ln.number, article, "Running title repeated at the head of a continuation")
            )
        elif k is Kind.DUPLICATE:
            drops.append(DraftDrop(ln.number, last_title or 0, f"Duplicate line ({ln.why})"))
        elif k is Kind.AFFILIATION:
            affiliations.append(ln.number)
            if not under_head:  # at an article's foot it ends the article; under its byline, not
                header = None
        elif k is Kind.KEYWORDS and last_title is not None:
            articles[last_title].keywords = ln.number
        elif k is Kind.REFERENCE and last_title is not None:
            articles[last_title].references.append(ln.number)
        elif k not in (Kind.TITLE, Kind.BYLINE):
            if current is None:
                current = Fragment([], header)
                runs.append(current)
            current.lines.append(ln.number)
    return Skeleton(articles, runs, affiliations, drops, metadata, doubts)
