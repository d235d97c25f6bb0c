"""Where each glossary term occurs in the articles, and which occurrence in each
paragraph becomes a link (pure functions over the model).

Every block is scanned once (``scan``); the links of the article pages and the
concordance of the glossary pages are both read from that one scan."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from sizheng_edition.model.edition import Article, Block, BlockKind, Rule, Supplied
from sizheng_edition.text.termmatch import Match, TermMatcher

LINKED_KINDS = (BlockKind.PARAGRAPH, BlockKind.ABSTRACT)
# The rules by which the editor, not normalisation, changed the reading: such
# characters print as an emended span and never take part in a link.
EDITED_RULES = (Rule.EMENDATION, Rule.SCRIPT)


@dataclass(frozen=True, slots=True)  # no __dict__: every occurrence is kept until the glossary pages
class Occurrence:
    term: str
    surface: str
    article: str
    paragraph: int | None  # None: in a title, heading, keyword or reference


@dataclass(frozen=True)
class Link:
    """A span of a block's items rendered as a link to a glossary entry."""

    first: int  # item index
    end: int  # item index, exclusive
    surface: str
    term: str


@dataclass(frozen=True)
class Scanned:
    """The terms found in one block of an article, in text order."""

    article: Article
    block: Block
    matches: tuple[Match, ...]


def scan(matcher: TermMatcher, articles: Iterable[Article]) -> list[Scanned]:
    """Every block of every article scanned once, in reading order."""
    return [
        Scanned(article, block, tuple(matcher.finditer(block.text)))
        for article in articles
        for block in article.blocks
    ]


def occurrences(scanned: Iterable[Scanned]) -> list[Occurrence]:
    return [Occurrence(m.term, m.surface, s.article.id, s.block.number) for s in scanned for m in s.matches]


def links(block: Block, matches: Sequence[Match]) -> list[Link]:
    """The first linkable occurrence of each term in a paragraph (``matches``: the
    terms found in ``block.text``).

    An occurrence is not linkable if it covers an emended or supplied character
    or has a note mark inside it; the next occurrence of the term is tried.
    """
    if block.kind not in LINKED_KINDS or not matches:
        return []
    outs, rules = block.positions()
    ends = list(accumulate(map(len, outs)))
    inner_marks = {a.after for a in block.anchors}
    chosen: dict[str, Link] = {}
    for m in matches:
        if m.term in chosen:
            continue
        link = _link_for(m, ends)
        span = range(link.first, link.end)
        if "".join(outs[link.first : link.end]) != m.surface or any(_edited(rules[k]) for k in span):
            continue  # the span does not print exactly the term, or holds an edited character
        if any(link.first < k < link.end for k in inner_marks):
            continue
        chosen[m.term] = link
    return sorted(chosen.values(), key=lambda link: link.first)


def _edited(rule: Rule | Supplied | None) -> bool:
    """Supplied by the editor, or changed by an emendation or the script's conversion."""
    return isinstance(rule, Supplied) or rule in EDITED_RULES


def _link_for(m: Match, ends: list[int]) -> Link:
    """The items that print the match: ``ends[i]`` is where item i's text ends in
    block.text, so the item printing character c is the first whose end lies beyond c."""
    first, last = bisect_right(ends, m.start), bisect_right(ends, m.end - 1)
    return Link(first, last + 1, m.surface, m.term)
