"""Finding glossary terms in text: leftmost-longest matching over all terms and
variants at once.

A trie walk from each position costs at most the length of the longest term, so
a scan is linear in the length of the text, O(n·L) with L the longest term (a
dozen characters), and independent of how many entries the glossary has.  At
each position the longest term wins, so a term inside a longer term (思政 in
思政工作) links to the longer one; after a match the scan resumes behind it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    surface: str  # as it stands in the text
    term: str  # the entry it links to


@dataclass
class _Node:
    """A trie node: the characters that may follow, and the entry if a surface ends here."""

    children: dict[str, _Node] = field(default_factory=dict)
    term: str | None = None


@dataclass(frozen=True)
class _Hit:
    end: int
    term: str


class TermMatcher:
    def __init__(self, surfaces: Mapping[str, str]) -> None:
        """``surfaces`` maps every term and variant to the entry term it stands for."""
        self._root = _Node()
        for surface, term in surfaces.items():
            if not surface:
                raise ValueError("empty term")
            node = self._root
            for char in surface:
                node = node.children.setdefault(char, _Node())
            node.term = term

    def _longest_at(self, text: str, start: int) -> _Hit | None:
        node, best = self._root, None
        for i in range(start, len(text)):
            child = node.children.get(text[i])
            if child is None:
                break
            node = child
            if node.term is not None:
                best = _Hit(i + 1, node.term)
        return best

    def finditer(self, text: str) -> Iterator[Match]:
        i = 0
        while i < len(text):
            hit = self._longest_at(text, i)
            if hit is None:
                i += 1
                continue
            yield Match(i, hit.end, text[i : hit.end], hit.term)
            i = hit.end
