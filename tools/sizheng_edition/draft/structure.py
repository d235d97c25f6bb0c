"""Drafting a plan, step 2 as a whole: from classified lines to a DraftSource.

Which lines each article has, in which order, where its paragraphs and headings begin,
and which fragments continue which across a column break, each join with its evidence
and a confidence.  What the draft is unsure of it says (``doubts``).
"""

from __future__ import annotations

from sizheng_edition.draft.assignment import assign, split
from sizheng_edition.draft.fragments import skeleton
from sizheng_edition.draft.global_assignment import assign_lines, moved_doubts, recut
from sizheng_edition.draft.joins import JoinChoice, choose_joins
from sizheng_edition.draft.lacunae import lacuna_doubt, unfinished
from sizheng_edition.draft.model import DetectedLayout, DraftSource, Line
from sizheng_edition.draft.ordering import order, place_affiliations
from sizheng_edition.draft.paragraphs import abstract, paragraphs
from sizheng_edition.model.plan import Layout


def build(lines: list[Line], layout: DetectedLayout) -> DraftSource:
    by_no = {ln.number: ln for ln in lines}
    found = skeleton(lines)
    doubts = list(found.doubts)
    # Joins across column breaks are looked for only where columns are interleaved.
    wrapped = layout.name is Layout.WRAPPED
    # one paragraph a line, several articles, not read as interleaved (titles that carry their
    # bylines, no repeated title): joins are sought once each line's article is read, and
    # only at the pieces' edges with strong evidence (``breaks_only``)
    several = layout.name is Layout.LINES and len(found.articles) > 1 and not layout.interleaved
    choice = choose_joins(by_no, found.runs, wrapped) if layout.interleaved else JoinChoice([], [])
    pieces = split(found.runs, choice.joins)
    assigned = assign(pieces, choice.joins)
    moved: list[str] = []
    if layout.name is Layout.LINES:
        # one paragraph a line: a piece can sit under another article's head unmarked
        titles = [a.title for a in found.articles]
        found_lines = assign_lines(by_no, pieces, choice.joins, titles)
        if layout.interleaved or several:
            # the joins chosen again, each line's article now read from the page as a whole
            # (a line printed under another article's head no longer counts as that one's)
            again = choose_joins(by_no, found.runs, wrapped, found_lines.article_of, several)
            if again.joins != choice.joins:
                choice = again
                pieces = split(found.runs, choice.joins)
                assigned = assign(pieces, choice.joins)
                found_lines = assign_lines(by_no, pieces, choice.joins, titles)
        pieces = recut(pieces, found_lines.article_of)
        moved = moved_doubts(found_lines)
    # an unfinished line with the next line of its run below it runs on into that line
    runs_on = {n for run in found.runs for n in run.lines[:-1]}
    doubts += [lacuna_doubt(n) for n in choice.unmatched if n not in runs_on]
    doubts += assigned + moved
    order(found.articles, pieces, choice.joins, by_no)
    place_affiliations(found.articles, pieces, found.affiliations)
    for art in found.articles:
        doubts += paragraphs(by_no, layout, art)
        abstract(by_no, art)
        doubts += [d for d in map(lacuna_doubt, unfinished(by_no, layout, art)) if d not in doubts]
    return DraftSource(lines, layout, found.articles, found.drops, found.metadata, doubts)
