"""Nothing lost: every character of every source line is accounted for, once.

The check reads the finished model, not the plan: for each source line it
collects the spans printed in articles and the characters recorded as
discarded, and proves that together they are the line, character for
character, each used once.  Within each span it proves that the edits are
in order, apart and inside its raw text, each one decodable character by
character (``model.edition``), that applying them to the raw text gives the
printed text, and that every edit that changes a character names its rule;
and that each block's text is made of its spans and supplied text and
nothing else.  A character is thus accounted for by the raw text of exactly
one span or discard, and what the edition prints for it by the edits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sizheng_edition.model.edition import Block, EditionSource, Span, apply_edits


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class _Claim:
    """Characters of a source line that something says it accounts for."""

    col: int
    text: str
    who: str  # for messages: the article, or the discard and its reason


@dataclass(frozen=True)
class Tally:
    lines: int
    printed: int  # source characters printed (possibly normalised)
    removed: int  # source characters removed by a named rule
    discarded: int  # source characters in dropped lines, metadata, layout


def check_source(src: EditionSource) -> tuple[list[Problem], Tally]:
    owners: dict[int, list[_Claim]] = defaultdict(list)  # by line
    problems: list[Problem] = []
    printed = removed = 0
    for article in src.articles:
        for block in article.blocks:
            problems += _check_block(src, article.id, block)
            for span in block.spans:
                if isinstance(span, Span):
                    owners[span.line].append(_Claim(span.col, span.raw, f"article '{article.id}'"))
                    gone = sum(e.length for e in span.edits if not e.replacement)
                    printed += len(span.raw) - gone
                    removed += gone
    discarded = 0
    for d in src.discards:
        owners[d.line].append(_Claim(d.col, d.text, f"discard ({d.reason})"))
        discarded += len(d.text)
    for number, text in enumerate(src.source.lines, 1):
        problems += _check_line(src, number, text, owners.get(number, []))
    return problems, Tally(len(src.source.lines), printed, removed, discarded)


def _check_block(src: EditionSource, article_id: str, block: Block) -> list[Problem]:
    problems = []
    rebuilt = "".join(s.out if isinstance(s, Span) else s.text for s in block.spans)
    if rebuilt != block.text:
        problems.append(
            Problem(src.source.path, block.lines[0], f"block text of '{article_id}' is not its spans")
        )
    for span in block.spans:
        if isinstance(span, Span):
            problems += _check_span(src, span)
    return problems


def _check_span(src: EditionSource, span: Span) -> list[Problem]:
    problems = []

    def problem(message: str) -> None:
        problems.append(Problem(src.source.path, span.line, message))

    end = 0  # where the previous edit ends
    for e in span.edits:
        col = span.col + e.offset
        if e.offset < end or e.length < 1 or e.offset + e.length > len(span.raw):
            problem(f"column {col + 1}: edit of {e.length} character(s) out of order or outside its span")
            return problems
        if not e.decodable:
            problem(
                f"column {col + 1}: edit of {e.length} characters to {e.replacement!r}: not per character"
            )
        raw = span.raw[e.offset : e.offset + e.length]
        if e.replacement != raw and not e.rule:
            problem(f"column {col + 1}: {raw!r} printed as {e.replacement!r} with no rule")
        end = e.offset + e.length
    if apply_edits(span.raw, span.edits) != span.out:
        problem(f"column {span.col + 1}: printed text {span.out!r} is not its raw text with its edits")
    return problems


def _check_line(src: EditionSource, number: int, text: str, claims: list[_Claim]) -> list[Problem]:
    where = src.source.path
    covered: list[str | None] = [None] * len(text)
    problems = []
    for claim in claims:
        col, piece, who = claim.col, claim.text, claim.who
        if text[col : col + len(piece)] != piece:
            problems.append(
                Problem(
                    where, number, f"{who} claims {piece!r} at column {col + 1}, which the line does not have"
                )
            )
            continue
        for k in range(col, col + len(piece)):
            if covered[k] is not None:
                problems.append(
                    Problem(where, number, f"column {k + 1} used twice: by {covered[k]} and {who}")
                )
            covered[k] = who
    missing = [k for k, who in enumerate(covered) if who is None]
    if missing:
        lost = "".join(text[k] for k in missing)
        problems.append(Problem(where, number, f"{len(missing)} characters unaccounted for: {lost[:30]!r}"))
    return problems
