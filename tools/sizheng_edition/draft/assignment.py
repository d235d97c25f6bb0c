"""Which article each fragment belongs to: runs are cut at the column breaks the joins
found, and each piece goes to the article its title names or the piece it continues."""

from __future__ import annotations

from sizheng_edition.draft.model import Fragment, HeaderKind, Join


def split(runs: list[Fragment], joins: list[Join]) -> list[Fragment]:
    """Cut each run of lines where a join leaves it or enters it: those are column breaks."""
    cuts_before = {j.after for j in joins}
    cuts_after = {j.before for j in joins}
    pieces = []
    for run in runs:
        current = Fragment([], run.header)
        for n in run.lines:
            if current.lines and n in cuts_before:
                pieces.append(current)
                current = Fragment([], run.header, first_in_run=False)
            current.lines.append(n)
            if n in cuts_after:
                pieces.append(current)
                current = Fragment([], run.header, first_in_run=False)
        if current.lines:
            pieces.append(current)
    return pieces


def assign(pieces: list[Fragment], joins: list[Join]) -> list[str]:
    """A piece belongs to the article its title or byline names; a piece that a join
    continues belongs to the article it continues; and a piece whose continuation is the
    first text under another byline is that article's opening, printed out of place.
    A piece under no title goes with the piece before it; the doubts say so."""
    for f in pieces:
        f.article = f.header.article if f.header else None
    first = {f.lines[0] for f in pieces if f.first_in_run and f.header and f.header.kind is HeaderKind.BYLINE}
    by_end = {f.lines[-1]: f for f in pieces}
    by_start = {f.lines[0]: f for f in pieces}
    for j in sorted(joins, key=lambda j: j.before):
        src, dst = by_end[j.before], by_start[j.after]
        if dst.lines[0] in first and src.article != dst.article:
            src.article, src.moved = dst.article, True
        else:
            dst.article = src.article
    doubts = []
    for k, f in enumerate(pieces):
        if f.article is None:
            f.article = pieces[k - 1].article if k else 0
            doubts.append(
                f"lines {f.lines[0]}–{f.lines[-1]} follow no title: assigned to the article before them"
            )
    return doubts
