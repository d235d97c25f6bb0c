"""Script conversion of plain text with OpenCC, each converter built once per process."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_simplified(text: str) -> str:
    """Traditional to simplified, phrase by phrase (OpenCC's t2s)."""
    converted: str = _t2s().convert(text)
    return converted


def to_traditional(text: str) -> str:
    """Simplified to traditional, phrase by phrase (OpenCC's s2t)."""
    converted: str = _s2t().convert(text)
    return converted


def to_traditional_per_character(text: str) -> str:
    """Simplified to traditional one character at a time, each to OpenCC's default for it,
    as a naive converter does (系 for 係 and 繫 alike): the damage of a machine-converted
    witness, and what the draft compares a page with to tell one."""
    table = {c: to_traditional(c) for c in set(text)}
    return "".join(table[c] for c in text)
