"""Synthetic witnesses made from the finished articles, with the truth about them.

Used to measure ``edition draft`` on layouts it was not tuned on (re-wrapped at other
column widths, columns of several articles interleaved, naive traditional conversion),
and by the benchmark to make corpora of any size.  Deterministic: a seed picks every cut.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sizheng_edition.model.edition import Article, BlockKind
from sizheng_edition.text.script import to_traditional


@dataclass
class Truth:
    paragraphs: set[int] = field(default_factory=set)
    headings: set[int] = field(default_factory=set)
    lines: set[tuple[int, int]] = field(default_factory=set)  # (line, title line)
    joins: set[tuple[int, int]] = field(default_factory=set)


@dataclass
class Synthetic:
    text: str
    truth: Truth


class _Page:
    """Appends lines, numbering them, with a blank line after each when asked."""

    def __init__(self, spaced: bool) -> None:
        self.lines: list[str] = []
        self.spaced = spaced

    def add(self, text: str) -> int:
        self.lines.append(text)
        number = len(self.lines)
        if self.spaced:
            self.lines.append("")
        return number

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _head(page: _Page, article: Article, truth: Truth) -> int:
    title = page.add(article.title.text)
    truth.lines.add((title, title))
    if article.author:
        truth.lines.add((page.add(f"□ {article.author.text}"), title))
    return title


def _body(article: Article) -> list[tuple[BlockKind, str]]:
    # An abstract the witness prints without a label is, on the page, a paragraph of prose.
    prose = {BlockKind.PARAGRAPH: BlockKind.PARAGRAPH, BlockKind.ABSTRACT: BlockKind.PARAGRAPH}
    kinds = {**prose, BlockKind.HEADING: BlockKind.HEADING}
    return [(kinds[b.kind], b.text) for b in article.body if b.kind in kinds and "〔" not in b.text]


def rewrap(article: Article, width: int) -> Synthetic:
    """The article hard-wrapped at ``width`` characters, a blank line after each line."""
    page, truth = _Page(spaced=True), Truth()
    title = _head(page, article, truth)
    for kind, text in _body(article):
        pieces = [text[i : i + width] for i in range(0, len(text), width)]
        numbers = [page.add(p) for p in pieces]
        truth.lines |= {(n, title) for n in numbers}
        if kind is BlockKind.HEADING:
            truth.headings |= set(numbers)
        else:
            truth.paragraphs.add(numbers[0])
    return Synthetic(page.text(), truth)


def _cut(text: str, rng: random.Random) -> int:
    """A column break inside a sentence, between two Chinese characters."""
    spots = [
        i for i in range(len(text) // 4, 3 * len(text) // 4) if text[i - 1].isalnum() and text[i].isalnum()
    ]
    return rng.choice(spots) if spots else len(text) // 2


@dataclass(frozen=True)
class _Broken:
    """An article broken by a column break: the blocks before it and after it."""

    article: Article
    before: list[tuple[BlockKind, str]]
    after: list[tuple[BlockKind, str]]


def interleave(articles: list[Article], seed: int) -> Synthetic:
    """Two or more articles, one paragraph a line, each broken once in mid-sentence; the
    continuations follow, on the same page, under their repeated titles."""
    rng = random.Random(seed)
    page, truth = _Page(spaced=True), Truth()
    broken = []
    for article in articles:
        body = _body(article)
        k = rng.randrange(1, max(2, len(body) - 1))
        while k < len(body) and body[k][0] is not BlockKind.PARAGRAPH:
            k += 1
        k = min(k, len(body) - 1)
        text = body[k][1]
        at = _cut(text, rng)
        broken.append(
            _Broken(
                article,
                [*body[:k], (BlockKind.PARAGRAPH, text[:at])],
                [(BlockKind.PARAGRAPH, text[at:]), *body[k + 1 :]],
            )
        )
    titles = {}
    for b in broken:
        titles[b.article.id] = _head(page, b.article, truth)
        _blocks(page, b.before, titles[b.article.id], truth)
    for b in broken:
        page.add(b.article.title.text)  # the running title over the continuation
        _blocks(page, b.after, titles[b.article.id], truth, continues=True)
    return Synthetic(page.text(), truth)


def _blocks(
    page: _Page, blocks: list[tuple[BlockKind, str]], title: int, truth: Truth, continues: bool = False
) -> None:
    for i, (kind, text) in enumerate(blocks):
        n = page.add(text)
        truth.lines.add((n, title))
        if kind is BlockKind.HEADING:
            truth.headings.add(n)
        elif not (continues and i == 0):
            truth.paragraphs.add(n)
        if continues and i == 0:
            cut_line = max(
                m for m, t in truth.lines if t == title and m < n and m not in truth.headings and m != title
            )
            truth.joins.add((cut_line, n))


# Characters whose simplified form stands for two or more traditional ones: a careless
# character-by-character converter leaves them as they are (干部 for 幹部).
ONE_TO_MANY = set("干系范采并斗里面发后松只台制历复尽万余冲")


def naive_traditional(text: str) -> str:
    """Character-by-character conversion to traditional that leaves ambiguous characters."""
    return "".join(c if c in ONE_TO_MANY else to_traditional(c) for c in text)


def proper_traditional(text: str) -> str:
    """Phrase-level conversion, as a careful converter makes it."""
    return to_traditional(text)
