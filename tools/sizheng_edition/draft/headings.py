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
from sizheng_edition.text.chars import ends_sentence

_ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|结语$|[一二三四五六七八九十]+、结语)"
)
_FINAL_PUNCT = re.compile(r"[。！？；：…，、”]$")
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
    """On a wrapped page a heading starts with an enumerator (一、 （一）); it runs on to
    the next line when it fills the column and the next line is short and unpunctuated."""
    col = column_width(source)
    out = list(lines)
    prose = [i for i, ln in enumerate(out) if ln.kind is Kind.TEXT]
    for k, i in enumerate(prose):
        text = out[i].stripped
        prev_ends = k == 0 or ends_sentence(out[prose[k - 1]].text) or out[prose[k - 1]].kind is Kind.HEADING
        if not prev_ends or _NUMBERED_ITEM.match(text):
            continue
        if _ENUMERATED.match(text):
            why = "enumerated line after a finished paragraph"
        elif width(text) < col * 0.8 and _no_final_punct(text):
            why = "short unpunctuated line after a finished paragraph"
        else:
            continue
        out[i] = _as_heading(out[i], why)
        nxt = prose[k + 1] if k + 1 < len(prose) else None
        if nxt is not None:
            follow = out[nxt].stripped
            if width(follow) < col * 0.8 and _no_final_punct(follow):
                out[nxt] = _as_heading(out[nxt], f"continues the heading on line {i + 1}", continues=True)
    return out
