"""What the words say across a column break: a dictionary word the break splits, and
how alike the vocabulary of two texts is (Han bigrams, cosine similarity)."""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import jieba

from sizheng_edition.text.chars import HAN_RUN, is_han


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, int]:
    jieba.initialize()
    words: dict[str, int] = jieba.dt.FREQ
    return words


def forms_word(left: str, right: str) -> str | None:
    """A dictionary word of two to four characters that spans the break, if any."""
    words = _dictionary()
    for size in (4, 3, 2):
        for k in range(1, size):
            candidate = left[-k:] + right[: size - k]
            if len(candidate) == size and all(is_han(c) for c in candidate) and words.get(candidate):
                return candidate
    return None


def bigrams(text: str) -> Counter[str]:
    runs = HAN_RUN.findall(text)
    return Counter(r[i : i + 2] for r in runs for i in range(len(r) - 1))


def cosine(x: Counter[str], y: Counter[str]) -> float:
    dot = sum(v * y[k] for k, v in x.items())
    norm = math.sqrt(sum(v * v for v in x.values())) * math.sqrt(sum(v * v for v in y.values()))
    return dot / norm if norm else 0.0
