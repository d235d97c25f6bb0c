"""Normalisation rules: pure functions from cells to cells.

Each rule rewrites the ``out`` of the cells it touches and records its name in
``rule``; it never adds or removes cells, so every source character stays
accounted for.  The rules and their order are documented in
``docs/normalisation.md``; ``RULES`` is the single list both docs and the
per-article counts use.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from sizheng_edition.model.edition import Cell, Rule, Span
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import (
    WHITESPACE,
    WHITESPACE_CHARS,
    ZERO_WIDTH,
    is_alnum_ascii,
    is_cjk,
    is_han,
)

RULES: dict[Rule, str] = {
    Rule.T2S: "traditional characters converted to simplified with OpenCC's phrase-level t2s",
    Rule.EDGE_SPACE: "space at the start or end of a source line removed",
    Rule.CJK_SPACE: "space between Chinese characters or Chinese punctuation removed",
    Rule.MIXED_SPACE: "space between Chinese and a Latin letter or digit removed "
    "(the renderer spaces mixed scripts itself)",
    Rule.FULLWIDTH_PUNCT: "half-width , ; : ? ! ( ) in Chinese context made full-width",
    Rule.INTERNET_PLUS: "互联网 + written 互联网+ "
    "(spaces around its + removed, a full-width ＋ made half-width)",
    Rule.PLUS_SPACE: "spaces around a + joining Chinese words removed "
    "(定期调研 + 动态跟踪 → 定期调研+动态跟踪)",
    Rule.FULLWIDTH_ALNUM: "full-width Latin letters and digits made half-width",
    Rule.BYLINE_MARK: "the byline mark □ and its space removed",
    Rule.BYLINE_SPLIT: "space between affiliation and author in a byline removed (shown as separate fields)",
    Rule.LIST_SPLIT: "space between keywords removed (shown as a list)",
    Rule.UNWRAP: "line end inside a hard-wrapped paragraph or heading joined",
    Rule.ZERO_WIDTH: "zero-width character (ZWSP, ZWNJ, ZWJ, word joiner, a stray BOM, soft hyphen) "
    "removed; the diplomatic transcription shows it",
}

# What one occurrence of each rule is, so that a count says how many times the rule
# applied, not how many characters it touched: a space rule applies once per gap
# (however many spaces fill it), 互联网+ once whether one or both of its spaces went.
UNITS: dict[Rule, str] = {
    Rule.T2S: "converted character",
    Rule.EDGE_SPACE: "run of spaces at a line's start or end",
    Rule.CJK_SPACE: "gap (one space or more)",
    Rule.MIXED_SPACE: "gap (one space or more): 营业里程 137 公里 has two",
    Rule.FULLWIDTH_PUNCT: "mark",
    Rule.INTERNET_PLUS: "互联网+ (its spaces and its ＋ together)",
    Rule.PLUS_SPACE: "+ (the spaces on both its sides together)",
    Rule.FULLWIDTH_ALNUM: "character",
    Rule.BYLINE_MARK: "mark □ (with its space)",
    Rule.BYLINE_SPLIT: "byline",
    Rule.LIST_SPLIT: "gap between two keywords",
    Rule.UNWRAP: "line end",
    Rule.ZERO_WIDTH: "character",
}

# Rules counted per changed character; every other rule counts a run of adjacent
# cells it changed as one occurrence.
PER_CHARACTER = frozenset({Rule.T2S, Rule.FULLWIDTH_PUNCT, Rule.FULLWIDTH_ALNUM, Rule.ZERO_WIDTH})
# Rules whose occurrence spans a + they leave as it is: the spaces either side of it
# are one occurrence.
_ACROSS_PLUS = frozenset({Rule.INTERNET_PLUS, Rule.PLUS_SPACE})
_INTERNET = "互联网"

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def line_cells(source: Source, number: int, start: int = 0, end: int | None = None) -> tuple[Cell, ...]:
    """Cells for a slice of one source line; edge whitespace of the line is marked removed."""
    text = source.line(number)
    end = len(text) if end is None else end
    lead = len(text) - len(text.lstrip(WHITESPACE_CHARS))
    trail = len(text.rstrip(WHITESPACE_CHARS))
    cells = []
    for col in range(start, end):
        ch = text[col]
        if col < lead or col >= trail:
            cells.append(Cell(number, col, ch, "", Rule.EDGE_SPACE))
        else:
            cells.append(Cell(number, col, ch, ch))
    return tuple(cells)


def _visible_neighbour(cells: list[Cell], index: int, step: int) -> str:
    """The nearest printed, non-space character before (step -1) or after (step 1)."""
    i = index + step
    while 0 <= i < len(cells):
        out = cells[i].out
        if out and not all(c in WHITESPACE for c in out):
            return out[-1] if step < 0 else out[0]
        i += step
    return ""


def _set(cell: Cell, out: str, rule: Rule) -> Cell:
    return dataclasses.replace(cell, out=out, rule=rule)


def remove_spaces(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    work = list(cells)
    for i, cell in enumerate(work):
        if cell.out not in WHITESPACE or not cell.out:
            continue
        left, right = _visible_neighbour(work, i, -1), _visible_neighbour(work, i, 1)
        rule = _space_rule(left, right)
        if rule is Rule.PLUS_SPACE and _after_internet(work, _plus_index(work, i, left)):
            rule = Rule.INTERNET_PLUS
        if rule:
            work[i] = _set(cell, "", rule)
    return tuple(work)


def _space_rule(left: str, right: str) -> Rule | None:
    if not left or not right:
        return None
    if "+" in (left, right) and (is_cjk(left) or is_cjk(right)):
        return Rule.PLUS_SPACE  # 互联网+ is told apart by the caller, which sees more text
    if is_cjk(left) and is_cjk(right):
        return Rule.CJK_SPACE
    if (is_cjk(left) and is_alnum_ascii(right)) or (is_alnum_ascii(left) and is_cjk(right)):
        return Rule.MIXED_SPACE
    return None


def _plus_index(cells: list[Cell], index: int, left: str) -> int:
    """The index of the + beside the space at ``index`` (before it if ``left`` is one)."""
    step = -1 if left == "+" else 1
    i = index + step
    while cells[i].out != "+":
        i += step
    return i


def _after_internet(cells: list[Cell], plus: int) -> bool:
    """Whether the visible text just before the + at ``plus`` ends in 互联网."""
    before = ""
    i = plus - 1
    while i >= 0 and len(before) < len(_INTERNET):
        out = cells[i].out
        if out and not all(c in WHITESPACE for c in out):
            before = out + before
        i -= 1
    return before.endswith(_INTERNET)


def widen_punctuation(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    work = list(cells)
    for i, cell in enumerate(work):
        full = HALF_TO_FULL.get(cell.out)
        if not full:
            continue
        left, right = _visible_neighbour(work, i, -1), _visible_neighbour(work, i, 1)
        if is_cjk(left) or is_han(right):
            work[i] = _set(cell, full, Rule.FULLWIDTH_PUNCT)
    return tuple(work)


def narrow_forms(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    out: list[Cell] = []
    for cell in cells:
        code = ord(cell.out) if len(cell.out) == 1 else 0
        # Only the ＋ of 互联网＋ is the rule's; any other ＋ is printed as it stands.
        if cell.out == "＋" and _after_internet([*out, cell], len(out)):
            cell = _set(cell, "+", Rule.INTERNET_PLUS)
        elif 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            cell = _set(cell, chr(code - 0xFEE0), Rule.FULLWIDTH_ALNUM)
        out.append(cell)
    return tuple(out)


def drop_zero_width(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    """Zero-width characters out of the reading text: invisible, they would only break
    search and glossary matching (a ZWSP inside 思政 hides the term); counted, and
    shown in the transcription, so the witness still says they were there."""
    return tuple(_set(c, "", Rule.ZERO_WIDTH) if c.out in ZERO_WIDTH and c.out else c for c in cells)


def normalise(cells: tuple[Cell, ...], punctuation: bool = True) -> tuple[Cell, ...]:
    """All spacing and form rules, in the documented order.

    ``punctuation`` is off for bibliographic references, whose ASCII
    punctuation follows the citation style, not Chinese prose.
    """
    cells = drop_zero_width(cells)
    cells = narrow_forms(cells)
    cells = remove_spaces(cells)
    return widen_punctuation(cells) if punctuation else cells


def count_span_rules(spans: Iterable[Span]) -> Counter[Rule]:
    """``count_rules`` of the cells of ``spans``, read from their edits: an edit is a run
    of characters of one rule, and the unchanged text between two edits ends the run of
    the first unless it is nothing, or only the + a run of the + rules passes over."""
    counts: Counter[Rule] = Counter()
    open_rule: Rule | None = None
    for span in spans:
        k = 0
        for e in span.edits:
            open_rule = _after_gap(open_rule, span.raw[k : e.offset])
            rule = e.rule
            if rule is not None:
                if rule in PER_CHARACTER:
                    counts[rule] += e.length
                elif rule is not open_rule:
                    counts[rule] += 1
            open_rule = rule
            k = e.offset + e.length
        open_rule = _after_gap(open_rule, span.raw[k:])
    return counts


def _after_gap(open_rule: Rule | None, gap: str) -> Rule | None:
    """The open rule after unchanged text ``gap``."""
    if not gap or (open_rule in _ACROSS_PLUS and gap.count("+") == len(gap)):
        return open_rule
    return None


def count_rules(cells: Iterable[Cell]) -> Counter[Rule]:
    """Occurrences of each rule in one run of cells (a block), in the unit ``UNITS``
    names: a changed character for the rules in ``PER_CHARACTER``, otherwise a run of
    adjacent cells the rule changed (for the + rules, a run that may pass over the +)."""
    counts: Counter[Rule] = Counter()
    open_rule: Rule | None = None  # the rule of the run the previous cell belongs to
    for cell in cells:
        rule = cell.rule
        if rule is None and open_rule in _ACROSS_PLUS and cell.out == "+":
            continue  # the + inside 互联网 + 思政 does not end its occurrence
        if rule is not None and (rule in PER_CHARACTER or rule is not open_rule):
            counts[rule] += 1
        open_rule = rule
    return counts
