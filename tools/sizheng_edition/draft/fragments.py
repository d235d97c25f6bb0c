"""Drafting a plan, step 2: the articles (one per title above a byline) and the runs of
text lines between titles, bylines and repeated titles, with the lines the plan drops
or keeps as metadata."""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.model import DraftArticle, DraftDrop, Fragment, Header, HeaderKind, Kind, Line

# Lines that end a run of text: what follows them is a new fragment.
_BREAKS = (Kind.TITLE, Kind.BYLINE, Kind.RUNNING_TITLE, Kind.AFFILIATION, Kind.DUPLICATE, Kind.LABEL)


@dataclass(frozen=True)
class Skeleton:
    articles: list[DraftArticle]
    runs: list[Fragment]  # in page order
    affiliations: list[int]  # lines; each belongs to the article of the text above it
    drops: list[DraftDrop]
    metadata: list[int]
    doubts: list[str]


def skeleton(lines: list[Line]) -> Skeleton:
    articles: list[DraftArticle] = []
    doubts: list[str] = []
    by_title: dict[str, int] = {}
    for ln in lines:
        if ln.kind is Kind.TITLE:
            by_title[ln.stripped] = len(articles)
            articles.append(DraftArticle(title=ln.number))
    if not articles:
        doubts.append("no title found above a byline: the whole text is drafted as one article")
        first = next(ln.number for ln in lines if ln.kind is not Kind.BLANK)
        articles.append(DraftArticle(title=first))
    runs: list[Fragment] = []
    affiliations: list[int] = []
    drops: list[DraftDrop] = []
    metadata: list[int] = []
    header: Header | None = None
    current: Fragment | None = None
    last_title = 0
    for ln in lines:
        k = ln.kind
        if k is Kind.BLANK:
            continue
        if k in _BREAKS:
            current = None
        if k is Kind.TITLE:
            last_title = by_title[ln.stripped]
            header = Header(HeaderKind.BYLINE, last_title, ln.number)
        elif k is Kind.BYLINE:
            articles[last_title].byline = ln
        elif k is Kind.RUNNING_TITLE:
            header = Header(HeaderKind.RUNNING, by_title[ln.stripped], ln.number)
            drops.append(
                DraftDrop(ln.number, header.article, "Running title repeated at the head of a continuation")
            )
        elif k is Kind.DUPLICATE:
            drops.append(DraftDrop(ln.number, last_title, f"Duplicate line ({ln.why})"))
        elif k is Kind.LABEL:
            metadata.append(ln.number)
        elif k is Kind.AFFILIATION:
            affiliations.append(ln.number)
            header = None
        elif k is Kind.KEYWORDS:
            articles[last_title].keywords = ln.number
        elif k is Kind.REFERENCE:
            articles[last_title].references.append(ln.number)
        else:
            if current is None:
                current = Fragment([], header)
                runs.append(current)
            current.lines.append(ln.number)
    return Skeleton(articles, runs, affiliations, drops, metadata, doubts)
