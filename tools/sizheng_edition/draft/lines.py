"""Drafting a plan, step 1: what each line of a new witness looks like.

Pure functions from a Source to classified lines, each with the evidence for its
class.  Nothing here decides for the editor; ``sizheng_edition.draft.writer`` writes the result
as a plan to review.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import ends_sentence, is_han
from sizheng_edition.text.script import to_simplified, to_traditional


class Kind(enum.Enum):
    BLANK = "blank"
    LABEL = "column label"
    TITLE = "title"
    RUNNING_TITLE = "repeated title"
    BYLINE = "byline"
    AFFILIATION = "affiliation"
    DUPLICATE = "duplicate line"
    HEADING = "heading"
    KEYWORDS = "keywords"
    REFERENCE = "reference"
    TEXT = "text"


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    kind: Kind
    why: str
    byline_form: str | None = None


_AFFILIATION = re.compile(r"^[（(]作者单位[:：].+[）)]$")
_REFERENCE = re.compile(r"^\[\d+\]")
_ENUMERATED = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|结语$|[一二三四五六七八九十]+、结语)"
)
_ORG_END = ("中心", "局", "院", "公司", "大学", "学院", "所", "委", "处", "厅", "部", "站", "集团", "医院")
_PLAIN_AUTHOR = re.compile(r"^\S{2,4}\s+\S+$")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text.strip())


def column_width(source: Source) -> int:
    """The most common display width of non-blank lines: the column, on a wrapped page."""
    widths = Counter(width(t) for t in source.lines if t.strip())
    return widths.most_common(1)[0][0] if widths else 0


def classify(source: Source) -> list[Line]:
    lines = source.lines
    texts = [t.strip() for t in lines]
    out: list[Line] = []
    byline_at = {i for i, t in enumerate(texts) if _is_byline(t)}
    title_at = {_previous_nonblank(texts, i) for i in byline_at} - {None}
    titles = {texts[i] for i in title_at}
    for i, raw in enumerate(lines):
        out.append(_one(i, raw, texts, title_at, titles, byline_at))
    return out


def _is_byline(text: str) -> bool:
    if text.startswith("□"):
        return True
    # 王燁 江蘇省…中心: a short name, a space, an organisation
    return bool(_PLAIN_AUTHOR.match(text)) and text.endswith(_ORG_END) and not ends_sentence(text)


def _previous_nonblank(texts: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not texts[j]:
        j -= 1
    return j if j >= 0 else None


def _one(i: int, raw: str, texts: list[str], title_at: set, titles: set, byline_at: set) -> Line:
    n, text = i + 1, texts[i]
    if not text:
        return Line(n, raw, Kind.BLANK, "blank")
    if i < 3 and raw[:1].isspace() and len(text) <= 8 and not ends_sentence(text):
        return Line(n, raw, Kind.LABEL, "short indented line at the head of the page")
    if i in byline_at:
        if texts.count(text) > 1 and i != max(j for j in byline_at if texts[j] == text):
            return Line(n, raw, Kind.DUPLICATE, f"repeats line {_last_index(texts, text) + 1}")
        return Line(n, raw, Kind.BYLINE, "byline mark □ or 'name organisation'", _byline_form(text))
    if i in title_at:
        return Line(n, raw, Kind.TITLE, "stands above a byline")
    if text in titles:
        return Line(n, raw, Kind.RUNNING_TITLE, "repeats an article title: a continuation begins")
    if _AFFILIATION.match(text):
        return Line(n, raw, Kind.AFFILIATION, "（作者单位：…）")
    if _REFERENCE.match(text):
        return Line(n, raw, Kind.REFERENCE, "numbered reference [n]")
    if _is_keywords(text):
        return Line(n, raw, Kind.KEYWORDS, "a few short words separated by spaces, no punctuation")
    return Line(n, raw, Kind.TEXT, "prose")


def _last_index(texts: list[str], text: str) -> int:
    return max(j for j, t in enumerate(texts) if t == text)


def _byline_form(text: str) -> str:
    if not text.startswith("□"):
        return "author-affiliation"
    return "mark-affiliation-author" if len(text.lstrip("□").split()) > 1 else "mark-author"


def _is_keywords(text: str) -> bool:
    parts = text.split()
    return 2 <= len(parts) <= 8 and all(1 < len(p) <= 10 and all(is_han(c) for c in p) for p in parts)


# -- script -------------------------------------------------------------------------


@dataclass(frozen=True)
class Script:
    name: str  # simplified | converted-traditional | traditional
    why: str


def detect_script(source: Source) -> Script:
    """Simplified, traditional, or traditional machine-converted from simplified.

    A machine conversion leaves the simplified characters that stand for several
    traditional ones (干部 for 幹部, 關系 for 關係): converting the text to simplified and
    back with OpenCC's phrase-level converters restores them, so the round trip changes a
    machine-converted text and leaves a properly traditional one alone.
    """
    text = "".join(source.lines)
    han = sum(is_han(c) for c in text)
    if not han:
        return Script("simplified", "no Chinese characters")
    simplified = to_simplified(text)
    changed = sum(a != b for a, b in zip(text, simplified, strict=False))
    if changed / han < 0.02:
        return Script("simplified", f"{changed / han:.1%} of characters change under t2s")
    round_trip = to_traditional(simplified)
    slips = [(a, b) for a, b in zip(text, round_trip, strict=False) if a != b]
    if len(slips) / han > 0.003:
        shown = "、".join(sorted({f"{a}→{b}" for a, b in slips})[:6])
        return Script(
            "converted-traditional",
            f"{changed / han:.0%} of characters are traditional, but {len(slips)} are simplified forms "
            f"a proper conversion would not leave ({shown}): a machine conversion from simplified",
        )
    return Script("traditional", f"{changed / han:.0%} of characters are traditional and read as such")


# -- layout -------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    name: str  # lines | wrapped
    interleaved: bool
    why: str


def detect_layout(source: Source, lines: list[Line]) -> Layout:
    text_lines = [ln for ln in lines if ln.kind in (Kind.TEXT, Kind.HEADING)]
    if not text_lines:
        return Layout("lines", False, "no prose lines")
    col = column_width(source)
    at_col = sum(abs(width(ln.text) - col) <= 3 for ln in text_lines) / len(text_lines)
    open_end = sum(not ends_sentence(ln.text) for ln in text_lines) / len(text_lines)
    bylines = sum(ln.kind is Kind.BYLINE for ln in lines)
    repeated = sum(ln.kind is Kind.RUNNING_TITLE for ln in lines)
    interleaved = bylines > 1 and repeated > 0
    if at_col > 0.5 and open_end > 0.5:
        why = f"{at_col:.0%} of lines are {col} columns wide and {open_end:.0%} end mid-sentence"
        return Layout("wrapped", interleaved, why)
    why = f"lines of varying width ({at_col:.0%} at the modal width); {bylines} byline(s)"
    if interleaved:
        why += f", {repeated} repeated title(s): columns of several articles interleaved"
    return Layout("lines", interleaved, why)


# -- headings (they depend on the layout) -------------------------------------------


def mark_headings(source: Source, lines: list[Line], layout: Layout) -> list[Line]:
    if layout.name == "wrapped":
        return _wrapped_headings(source, lines)
    out = []
    for ln in lines:
        text = ln.text.strip()
        if ln.kind is Kind.TEXT and (_ENUMERATED.match(text) or (len(text) <= 30 and _no_final_punct(text))):
            ln = Line(ln.number, ln.text, Kind.HEADING, "short line without final punctuation")
        out.append(ln)
    return out


def _no_final_punct(text: str) -> bool:
    return not re.search(r"[。！？；：…，、”]$", text)


def _wrapped_headings(source: Source, lines: list[Line]) -> list[Line]:
    """On a wrapped page a heading starts with an enumerator (一、 （一）); it runs on to
    the next line when it fills the column and the next line is short and unpunctuated."""
    col = column_width(source)
    out = list(lines)
    prose = [i for i, ln in enumerate(out) if ln.kind is Kind.TEXT]
    for k, i in enumerate(prose):
        text = out[i].text.strip()
        prev_ends = k == 0 or ends_sentence(out[prose[k - 1]].text) or out[prose[k - 1]].kind is Kind.HEADING
        if not prev_ends or re.match(r"^\d+、", text):
            continue
        if _ENUMERATED.match(text):
            why = "enumerated line after a finished paragraph"
        elif width(text) < col * 0.8 and _no_final_punct(text):
            why = "short unpunctuated line after a finished paragraph"
        else:
            continue
        out[i] = Line(out[i].number, out[i].text, Kind.HEADING, why)
        nxt = prose[k + 1] if k + 1 < len(prose) else None
        if nxt is not None:
            follow = out[nxt].text.strip()
            if width(follow) < col * 0.8 and _no_final_punct(follow):
                out[nxt] = Line(
                    out[nxt].number, out[nxt].text, Kind.HEADING, f"continues the heading on line {i + 1}"
                )
    return out
