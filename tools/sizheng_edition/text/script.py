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
