"""A witness as received, and references to its lines."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """A raw witness, read and validated, never altered."""

    name: str  # file name, e.g. 000_1372b43608706eb6.txt
    path: str  # path as given, for error messages
    lines: tuple[str, ...]
    sha256: str
    size: int

    @property
    def key(self) -> str:
        """Short, stable identifier: the numeric prefix of the file name."""
        return self.name.split("_", 1)[0]

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def nonblank(self, numbers: Iterable[int]) -> list[int]:
        """The numbers among ``numbers`` of lines holding more than white space."""
        return [n for n in numbers if self.line(n).strip()]


@dataclass(frozen=True)
class LineRef:
    source: str  # Source.key
    line: int
