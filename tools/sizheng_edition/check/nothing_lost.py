"""Nothing lost: every character of every source line is accounted for, once.

The check reads the finished model, not the plan: for each source line it
collects the cells printed in articles and the characters recorded as
discarded, and proves that together they are the line, character for
character, each used once; that every changed character names its rule; and
that each block's text is made of its cells and nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sizheng_edition.model.edition import Block, Cell, EditionSource, Supplied


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
            for item in block.items:
                if isinstance(item, Cell):
                    owners[item.line].append(_Claim(item.col, item.raw, f"article '{article.id}'"))
                    printed += bool(item.out)
                    removed += not item.out
    discarded = 0
    for d in src.discards:
        owners[d.line].append(_Claim(d.col, d.text, f"discard ({d.reason})"))
        discarded += len(d.text)
    for number, text in enumerate(src.source.lines, 1):
        problems += _check_line(src, number, text, owners.get(number, []))
    return problems, Tally(len(src.source.lines), printed, removed, discarded)


def _check_block(src: EditionSource, article_id: str, block: Block) -> list[Problem]:
    problems = []
    rebuilt = "".join(i.out if isinstance(i, Cell) else i.text for i in block.items)
    if rebuilt != block.text:
        problems.append(
            Problem(src.source.path, block.lines[0], f"block text of '{article_id}' is not its cells")
        )
    for item in block.items:
        if isinstance(item, Supplied):
            continue
        if item.out != item.raw and not item.rule:
            problems.append(
                Problem(
                    src.source.path,
                    item.line,
                    f"column {item.col + 1}: {item.raw!r} printed as {item.out!r} with no rule",
                )
            )
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
