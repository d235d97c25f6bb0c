"""Where an article's paragraphs and headings begin, and which paragraph is its abstract."""

from __future__ import annotations

import re

from sizheng_edition.draft.model import DetectedLayout, DraftArticle, Kind, Line
from sizheng_edition.model.plan import Layout
from sizheng_edition.text.script import to_simplified

# 摘要：…, 【摘要】…, [摘要]…: the abstract says what it is
_ABSTRACT_LABEL = re.compile(r"^\s*(?:【\s*摘\s*要\s*】|\[\s*摘\s*要\s*\]|摘\s*要\s*[:：])")


def paragraphs(by_no: dict[int, Line], layout: DetectedLayout, art: DraftArticle) -> None:
    """A paragraph begins at a line that no join runs into and, on a wrapped page, that
    follows a line which closed its sentence.  Consecutive heading lines, the second
    continuing the first, are one heading."""
    joined_after = {j.after for j in art.joins if j.kind.runs_on}
    open_para = False
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
            indented = layout.name is Layout.WRAPPED and ln.text[:1].isspace()
            continues = (open_para and not indented) or n in joined_after
            if not continues:
                art.paragraph_starts.append(n)
            open_para = not ln.closes


def _heading_continued(by_no: dict[int, Line], n: int) -> int | None:
    """The heading line that line ``n`` continues, past blank lines, if it continues one."""
    j = n - 1
    while j in by_no and by_no[j].kind is Kind.BLANK:
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
