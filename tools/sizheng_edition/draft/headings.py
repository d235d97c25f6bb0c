"""Which prose lines are headings.  What a heading looks like depends on the layout: a
short unpunctuated line where each paragraph has its line, an enumerated or short line
after a finished paragraph on a wrapped page."""

from __future__ import annotations

import dataclasses
import re

from sizheng_edition.draft.model import DetectedLayout, Kind, Line
from sizheng_edition.draft.widths import column_width, width
from sizheng_edition.model.plan import Layout
from sizheng_edition.model.source import Source

_ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|结语$|[一二三四五六七八九十]+、结语)"
)
_FINAL_PUNCT = re.compile(r"[。！？；：…，、”“‘（《]$")  # or an opening mark: the line runs on
_SENTENCE_INSIDE = re.compile(r"[。！？]")
_NUMBERED_ITEM = re.compile(r"^\d+、")


def mark_headings(source: Source, lines: list[Line], layout: DetectedLayout) -> list[Line]:
    if layout.name is Layout.WRAPPED:
        return _wrapped_headings(source, lines)
    return [
        _as_heading(ln, "short line without final punctuation") if _line_heading(ln) else ln for ln in lines
    ]


def _line_heading(ln: Line) -> bool:
    text = ln.stripped
    return ln.kind is Kind.TEXT and bool(
        _ENUMERATED.match(text) or (len(text) <= 30 and _no_final_punct(text))
    )


def _as_heading(ln: Line, why: str, continues: bool = False) -> Line:
    return dataclasses.replace(ln, kind=Kind.HEADING, why=why, continues_heading=continues)


def _no_final_punct(text: str) -> bool:
    return not _FINAL_PUNCT.search(text)


def _wrapped_headings(source: Source, lines: list[Line]) -> list[Line]:
    """On a wrapped page a heading follows a finished paragraph and has no final
    punctuation: it starts with an enumerator (一、 （一）), or is shorter than the column,
    or, where the page indents its paragraphs, is not indented.  It runs on to the next
    line only when it fills the column."""
    col = column_width(source)
    out = list(lines)
    prose = [i for i, ln in enumerate(out) if ln.kind is Kind.TEXT]
    indents = _indents(out, prose)
    for k, i in enumerate(prose):
        text = out[i].stripped
        prev_ends = k == 0 or out[prose[k - 1]].closes or out[prose[k - 1]].kind is Kind.HEADING
        if not prev_ends or _NUMBERED_ITEM.match(text) or out[i].kind is Kind.HEADING:
            continue
        indented = out[i].text[:1].isspace()
        if _ENUMERATED.match(text):
            why = "enumerated line after a finished paragraph"
        elif not _after_finished_text(out, i):
            # an unnumbered heading needs a finished paragraph just above it in its own
            # column: not another heading (the lines after a heading would cascade), not a
            # repeated title, affiliation or page number (a column often resumes mid-sentence)
            continue
        elif indents and not indented and _no_final_punct(text):
            why = "unindented, unpunctuated, after a finished paragraph, on a page that indents paragraphs"
        elif not indents and _short(text, col * 0.85) and _no_final_punct(text):
            # a first line may lose its indent (002 prints them 2 short); a heading is shorter still
            why = "unpunctuated line short of the column after a finished paragraph"
        elif not indents and _no_final_punct(text) and _short_unpunctuated_next(out, prose, k, col):
            why = "a full line and a short unpunctuated one after a finished paragraph: a wrapped heading"
        else:
            continue
        out[i] = _as_heading(out[i], why)
        nxt = prose[k + 1] if k + 1 < len(prose) else None
        if nxt is not None:
            follow = out[nxt]
            if (
                width(follow.stripped) < col * 0.8
                and _no_final_punct(follow.stripped)
                and not follow.text[:1].isspace()
            ):
                out[nxt] = _as_heading(follow, f"continues the heading on line {i + 1}", continues=True)
    return out


def _after_finished_text(lines: list[Line], i: int) -> bool:
    j = i - 1
    while j >= 0 and lines[j].kind is Kind.BLANK:
        j -= 1
    return j >= 0 and lines[j].kind is Kind.TEXT and lines[j].closes


def page_indents(lines: list[Line]) -> bool:
    """The page indents its paragraphs (see ``_indents``)."""
    return _indents(lines, [i for i, ln in enumerate(lines) if ln.kind is Kind.TEXT])


def _indents(lines: list[Line], prose: list[int]) -> bool:
    """The page indents its paragraphs: most lines after a finished one are indented.
    Unindented unpunctuated lines there are left out: they may be the headings in question,
    and a page with many headings would otherwise look unindented."""
    after_end = [
        ln
        for k, i in enumerate(prose)
        if k
        and lines[prose[k - 1]].closes
        and ((ln := lines[i]).text[:1].isspace() or not _no_final_punct(ln.stripped))
    ]
    return bool(after_end) and sum(ln.text[:1].isspace() for ln in after_end) >= 0.5 * len(after_end)


def _short_unpunctuated_next(lines: list[Line], prose: list[int], k: int, col: int) -> bool:
    """The next prose line is short, has no final punctuation, and is the last of its
    stretch: what a heading's second line looks like (a paragraph's ends with 。)."""
    if k + 1 >= len(prose):
        return False
    nxt = lines[prose[k + 1]].stripped
    return _short(nxt, col * 0.8) and _no_final_punct(nxt) and not _SENTENCE_INSIDE.search(nxt)


def _short(text: str, limit: float) -> bool:
    """Shorter than ``limit`` display columns even if its half-width characters (digits,
    Latin, half-width punctuation) were full-width: a full line with 2025 in it is narrower."""
    return max(width(text), 2 * len(text)) < limit
