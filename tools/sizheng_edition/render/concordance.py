"""Where each glossary term occurs in the articles, and which occurrence in each
paragraph becomes a link (pure functions over the model)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sizheng_edition.model.edition import Article, Block, BlockKind, Cell, Rule, Supplied
from sizheng_edition.text.termmatch import Match, TermMatcher

LINKED_KINDS = (BlockKind.PARAGRAPH, BlockKind.ABSTRACT)
# The rules by which the editor, not normalisation, changed the reading: such
# characters print as an emended span and never take part in a link.
EDITED_RULES = (Rule.EMENDATION, Rule.SCRIPT)


@dataclass(frozen=True)
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


def occurrences(matcher: TermMatcher, articles: Iterable[Article]) -> list[Occurrence]:
    out: list[Occurrence] = []
    for article in articles:
        for block in article.blocks:
            for m in matcher.finditer(block.text):
                out.append(Occurrence(m.term, m.surface, article.id, block.number))
    return out


def links(matcher: TermMatcher, block: Block) -> list[Link]:
    """The first linkable occurrence of each term in a paragraph.

    An occurrence is not linkable if it covers an emended or supplied character
    or has a note mark inside it; the next occurrence of the term is tried.
    """
    if block.kind not in LINKED_KINDS:
        return []
    owners = _text_owners(block)
    blocked = _blocked_items(block)
    inner_marks = {a.after for a in block.anchors}
    chosen: dict[str, Link] = {}
    for m in matcher.finditer(block.text):
        if m.term in chosen:
            continue
        link = _link_for(m, owners)
        printed = "".join(_printed(block.items[i]) for i in range(link.first, link.end))
        if printed != m.surface or set(range(link.first, link.end)) & blocked:
            continue  # the span does not print exactly the term, or holds an edited character
        if any(link.first < k < link.end for k in inner_marks):
            continue
        chosen[m.term] = link
    return sorted(chosen.values(), key=lambda link: link.first)


def _printed(item: Cell | Supplied) -> str:
    return item.out if isinstance(item, Cell) else item.text


def _text_owners(block: Block) -> list[int]:
    """For each character of block.text, the index of the item that prints it."""
    owners: list[int] = []
    for i, item in enumerate(block.items):
        owners.extend([i] * len(_printed(item)))
    return owners


def _blocked_items(block: Block) -> set[int]:
    return {
        i for i, item in enumerate(block.items) if not isinstance(item, Cell) or item.rule in EDITED_RULES
    }


def _link_for(m: Match, owners: list[int]) -> Link:
    first, last = owners[m.start], owners[m.end - 1]
    return Link(first, last + 1, m.surface, m.term)
