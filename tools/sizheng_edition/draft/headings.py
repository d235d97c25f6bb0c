"""Which prose lines are headings.  What a heading looks like depends on the layout: a
short unpunctuated line where each paragraph has its line, an enumerated or short line
after a finished paragraph on a wrapped page."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

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
_COLON_END = re.compile(r"[:：]\s*$")
_ANY_PUNCT = re.compile(r"[，、。！？；：,.;:!?“”‘’\"（）()《》—…]")


def mark_headings(source: Source, lines: list[Line], layout: DetectedLayout) -> list[Line]:
    if layout.name is Layout.WRAPPED:
        return _wrapped_headings(source, lines)
    return [
        _as_heading(ln, "short line without final punctuation") if _line_heading(ln) else ln for ln in lines
    ]


def _line_heading(ln: Line) -> bool:
    text = ln.stripped
    # a sentence ended inside a short unpunctuated line is a paragraph cut at a column's end
    # (破解党建与业务“两张皮”是新时代国企党|建…), not a heading
    return ln.kind is Kind.TEXT and bool(
        _ENUMERATED.match(text)
        or (len(text) <= 30 and _no_final_punct(text) and not _SENTENCE_INSIDE.search(text))
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
    # the column in characters: half-width punctuation, mixed in by article, narrows lines
    modal = Counter(_chars(ln.stripped) for ln in lines if ln.kind is Kind.TEXT).most_common(1)
    full = modal[0][0] if modal else col
    out = list(lines)
    prose = [i for i, ln in enumerate(out) if ln.kind is Kind.TEXT]
    indents = _indents(out, prose)
    for k, i in enumerate(prose):
        text = out[i].stripped
        prev_ends = k == 0 or out[prose[k - 1]].closes or out[prose[k - 1]].kind is Kind.HEADING
        if not prev_ends or _NUMBERED_ITEM.match(text) or out[i].kind is Kind.HEADING:
            continue
        indented = out[i].indented
        if _ENUMERATED.match(text):
            why = "enumerated line after a finished paragraph"
        elif not _after_finished_text(out, i):
            # an unnumbered heading needs a finished paragraph just above it in its own
            # column: not another heading (the lines after a heading would cascade), not a
            # repeated title, affiliation or page number (a column often resumes mid-sentence)
            continue
        elif indents and not indented and _no_final_punct(text) and _opens_section(out, prose, k, full):
            why = "unindented, unpunctuated, after a finished paragraph, on a page that indents paragraphs"
        elif not indents and _short(text, col * 0.85) and _no_final_punct(text):
            # a first line may lose its indent (002 prints them 2 short); a heading is shorter still
            why = "unpunctuated line short of the column after a finished paragraph"
        elif not indents and _no_final_punct(text) and _short_of_full_next(out, prose, k, full):
            why = "unpunctuated line short of the column, a full line under it, after a finished paragraph"
        elif not indents and _no_final_punct(text) and _short_unpunctuated_next(out, prose, k, col):
            why = "a full line and a short unpunctuated one after a finished paragraph: a wrapped heading"
        else:
            continue
        out[i] = _as_heading(out[i], why)
        for n in _heading_tail(out, prose, k, col):
            out[n] = _as_heading(out[n], f"continues the heading on line {i + 1}", continues=True)
    return out


def _heading_tail(lines: list[Line], prose: list[int], k: int, col: int) -> list[int]:
    """The lines a heading runs on to: a short unpunctuated unindented line under it; or,
    under a heading line that fills the column, up to two more full lines and then such a
    short one, none with a sentence's end inside (a long heading wrapped over three or
    four lines).  Without the short line to close it a full line is read as prose, unless
    the heading is numbered and a paragraph's indented or numbered first line follows."""
    tail: list[int] = []
    head = lines[prose[k]].stripped
    full = _chars(head) >= col - 2
    numbered = bool(_ENUMERATED.match(head)) and not _SENTENCE_INSIDE.search(head)
    for j in prose[k + 1 : k + 4]:
        ln = lines[j]
        text = ln.stripped
        if numbered and tail and (ln.indented or _NUMBERED_ITEM.match(text)):
            # （一）… over full lines, then an indented or a 1、 paragraph: the heading's end
            return tail
        if ln.kind is not Kind.TEXT or ln.indented or _ENUMERATED.match(text):
            return []  # a heading of its own: 一、… then （一）…
        if width(text) < col * 0.8 and _no_final_punct(text):
            return [*tail, j]
        if not (full and _chars(text) >= col - 2 and not _SENTENCE_INSIDE.search(text)):
            return []
        tail.append(j)
    return []


def _after_finished_text(lines: list[Line], i: int) -> bool:
    j = i - 1
    while j >= 0 and lines[j].kind is Kind.BLANK:
        j -= 1
    # a colon introduces what follows (二者相辅相成：…): the paragraph goes on
    return j >= 0 and lines[j].kind is Kind.TEXT and lines[j].closes and not _COLON_END.search(lines[j].text)


def page_indents(lines: list[Line]) -> bool:
    """The page indents its paragraphs (see ``_indents``)."""
    return _indents(lines, [i for i, ln in enumerate(lines) if ln.kind is Kind.TEXT])


def _indents(lines: list[Line], prose: list[int]) -> bool:
    """The page indents its paragraphs: most lines after a finished one are indented.
    Unindented unpunctuated lines there are left out: they may be the headings in question,
    and a page with many headings would otherwise look unindented.  Where no line tells,
    two indented lines say the page indents."""
    after_end = [
        ln
        for k, i in enumerate(prose)
        if k
        and lines[prose[k - 1]].closes
        and ((ln := lines[i]).indented or not _no_final_punct(ln.stripped))
    ]
    if after_end:
        return sum(ln.indented for ln in after_end) >= 0.5 * len(after_end)
    # no finished line has text after it that tells (a short page): two indented lines do
    return sum(lines[i].indented for i in prose) >= 2


def _short_unpunctuated_next(lines: list[Line], prose: list[int], k: int, col: int) -> bool:
    """The next prose line is short, has no final punctuation, and is the last of its
    stretch: what a heading's second line looks like (a paragraph's ends with 。)."""
    if k + 1 >= len(prose):
        return False
    nxt = lines[prose[k + 1]].stripped
    return _short(nxt, col * 0.8) and _no_final_punct(nxt) and not _SENTENCE_INSIDE.search(nxt)


def _opens_section(lines: list[Line], prose: list[int], k: int, full: int) -> bool:
    """On a page that indents its paragraphs, an unindented line after a finished one is a
    heading if it is short of the column or an indented line (a paragraph's start) or a
    short second line follows it; a full line with more unindented text under it is a
    paragraph going on after a sentence that ended at the column's edge."""
    if _chars(lines[prose[k]].stripped) <= full - 2 or k + 1 >= len(prose):
        return True
    nxt = lines[prose[k + 1]]
    return nxt.indented or (width(nxt.stripped) < full * 0.8 and _no_final_punct(nxt.stripped))


def _short_of_full_next(lines: list[Line], prose: list[int], k: int, col: int) -> bool:
    """Short of the column by two characters, or by one if it has no punctuation at all
    (a first line that lost its indent is printed a character or two short, and is
    prose), with a full line of text under it: a heading above its first paragraph."""
    text = lines[prose[k]].stripped
    short = _chars(text) <= col - 4 or (_chars(text) <= col - 2 and not _ANY_PUNCT.search(text))
    if not short:
        return False
    after = _next_nonblank(lines, prose[k])
    if after >= len(lines) or lines[after].kind in (Kind.AFFILIATION, Kind.REFERENCE):
        return True  # the last line of the article's text: a heading its section lost
    if k + 1 >= len(prose) or prose[k + 1] != after:
        return False
    return _chars(lines[prose[k + 1]].stripped) >= col - 1


def _next_nonblank(lines: list[Line], i: int) -> int:
    j = i + 1
    while j < len(lines) and lines[j].kind is Kind.BLANK:
        j += 1
    return j


def _chars(text: str) -> int:
    """Display width with spaces left out and half-width characters counted as full."""
    bare = "".join(text.split())
    return max(width(bare), 2 * len(bare))


def _short(text: str, limit: float) -> bool:
    """Shorter than ``limit`` display columns even if its half-width characters (digits,
    Latin, half-width punctuation) were full-width: a full line with 2025 in it is narrower."""
    return max(width(text), 2 * len(text)) < limit
