"""Where an article's paragraphs and headings begin, and which paragraph is its abstract."""

from __future__ import annotations

import re
from itertools import pairwise

from sizheng_edition.draft.headings import page_indents
from sizheng_edition.draft.lines import continued_from_earlier
from sizheng_edition.draft.model import DetectedLayout, DraftArticle, Kind, Line, closes
from sizheng_edition.draft.widths import modal_width, width
from sizheng_edition.model.plan import Layout
from sizheng_edition.text.script import to_simplified

_NOTE_MARKS = "①②③④⑤⑥⑦⑧⑨⑩"
# 摘要：…, 【摘要】…, [摘要]…: the abstract says what it is
_ABSTRACT_LABEL = re.compile(r"^\s*(?:【\s*摘\s*要\s*】|\[\s*摘\s*要\s*\]|摘\s*要\s*[:：])")


def paragraphs(by_no: dict[int, Line], layout: DetectedLayout, art: DraftArticle) -> list[str]:
    """A paragraph begins at a line that no join runs into and, on a wrapped page, that
    follows a line which closed its sentence.  Consecutive heading lines, the second
    continuing the first, are one heading.

    On a wrapped page that does not indent its paragraphs, a sentence that ends at the
    column's edge says nothing: a paragraph's last line is seldom full, and a paragraph
    holds several sentences, so the line after a full line ending in 。 more often
    continues it than starts a paragraph; but not at the end of an article's first
    paragraph.  Where the page indents its paragraphs, the same holds of an unindented line
    after a full one, whether or not it is the first paragraph; after a short line that
    closed its sentence an unindented line still starts one (2、… numbered paragraphs)."""
    joined_after = {j.after for j in art.joins if j.kind.runs_on}
    edge = _edge_closes(by_no) if layout.name is Layout.WRAPPED else frozenset()
    indents = layout.name is Layout.WRAPPED and page_indents([by_no[n] for n in sorted(by_no)])
    # the text under （上接第12页） is the rest of a paragraph begun on an earlier page
    open_para = bool(art.fragments) and _under_jump_from_earlier(by_no, art.fragments[0].lines[0])
    doubts: list[str] = []
    prev = 0
    if open_para:
        n = art.fragments[0].lines[0]
        doubts.append(
            f"line {n}, under a jump line, is read as the rest of a paragraph begun on an"
            " earlier page; it may start one"
        )
    for frag in art.fragments:
        for n in frag.lines:
            ln = by_no[n]
            if ln.kind is Kind.HEADING:
                if art.headings and art.headings[-1][-1] == _heading_continued(by_no, n):
                    art.headings[-1].append(n)
                else:
                    art.headings.append([n])
                open_para = False
                continue
            # a line that follows an unfinished one in the article continues it, in any layout
            indented = layout.name is Layout.WRAPPED and ln.indented
            continues = (open_para and not indented) or n in joined_after
            # a note's call wrapped to the head of the line (。|①然而…) belongs to the line above
            continues = continues or (bool(prev) and ln.stripped[:1] in _NOTE_MARKS)
            if not continues:
                art.paragraph_starts.append(n)
            elif open_para and prev in by_no and by_no[prev].closes:
                doubts.append(
                    f"line {prev} ends a sentence at the column's edge: line {n} is read as going on with"
                    " its paragraph; it may start a new one"
                )
            prev = n
            # an article's opening paragraph is often its lead or abstract, set apart
            # from the body whatever its last line's width (002:339)
            opening = len(art.paragraph_starts) == 1 and not art.headings
            open_para = not ln.closes or (n in edge and (indents or not opening))
    return doubts


def _under_jump_from_earlier(by_no: dict[int, Line], n: int) -> bool:
    j = n - 1
    while j in by_no and by_no[j].kind is Kind.BLANK:
        j -= 1
    return j in by_no and continued_from_earlier(by_no[j].text)


def _edge_closes(by_no: dict[int, Line]) -> frozenset[int]:
    """Lines of a wrapped page that end a sentence at the column's edge."""
    lines = [by_no[n] for n in sorted(by_no)]
    prose = [ln for ln in lines if ln.kind is Kind.TEXT]
    col = modal_width([ln.text for ln in prose])
    return frozenset(
        ln.number
        for ln, nxt in pairwise(prose)
        if ln.closes and width(ln.text) >= col - 1 and not _lost_indent(nxt.stripped, col)
    )


def _lost_indent(text: str, col: int) -> bool:
    """An unfinished line short of the column: a first line whose indent the page lost
    (002 prints them two characters short), not the middle of a paragraph.  Spaces are
    left out (002 sets them around Latin, OCR strays them), and other half-width
    characters count as full (a full line with 2025 in it is narrower)."""
    bare = "".join(text.split())
    return not closes(text) and max(width(bare), 2 * len(bare)) <= col - 4


def _heading_continued(by_no: dict[int, Line], n: int) -> int | None:
    """The heading line that line ``n`` continues, past blank lines and the furniture of
    a page break, if it continues one."""
    j = n - 1
    while j in by_no and by_no[j].kind in (Kind.BLANK, Kind.FURNITURE):
        j -= 1
    return j if j in by_no and by_no[j].kind is Kind.HEADING and by_no[n].continues_heading else None


def abstract(by_no: dict[int, Line], art: DraftArticle) -> None:
    """A paragraph between the byline and the keywords is the abstract, and so is the
    first paragraph when it is labelled 摘要, keywords or none."""
    if not art.paragraph_starts:
        return
    first = art.paragraph_starts[0]
    labelled = bool(_ABSTRACT_LABEL.match(to_simplified(by_no[first].text)))
    if not labelled and (art.keywords is None or first > art.keywords):
        return
    art.abstract = art.paragraph_starts.pop(0)
    for frag in art.fragments:
        if art.abstract in frag.lines:
            frag.lines.remove(art.abstract)
    art.fragments = [f for f in art.fragments if f.lines]
