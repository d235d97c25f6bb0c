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
from dataclasses import dataclass

_END = ""  # trie key marking the end of a term: no term contains the empty string


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    surface: str  # as it stands in the text
    term: str  # the entry it links to


class TermMatcher:
    def __init__(self, surfaces: Mapping[str, str]) -> None:
        """``surfaces`` maps every term and variant to the entry term it stands for."""
        self._root: dict = {}
        for surface, term in surfaces.items():
            if not surface:
                raise ValueError("empty term")
            node = self._root
            for char in surface:
                node = node.setdefault(char, {})
            node[_END] = term

    def _longest_at(self, text: str, start: int) -> tuple[int, str] | None:
        node, best = self._root, None
        for i in range(start, len(text)):
            node = node.get(text[i])
            if node is None:
                break
            if _END in node:
                best = (i + 1, node[_END])
        return best

    def finditer(self, text: str) -> Iterator[Match]:
        i = 0
        while i < len(text):
            hit = self._longest_at(text, i)
            if hit is None:
                i += 1
                continue
            end, term = hit
            yield Match(i, end, text[i:end], term)
            i = end
