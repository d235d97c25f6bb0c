"""Pinyin for glossary terms: tone marks, grouped into words, and the toneless slug
that makes stable, readable anchors (``term-sixiang-zhengzhi-gongzuo``).

pypinyin and jieba are imported only by the functions that read characters: the
glossary's pinyin is cached (``load/pinyin_cache.py``), and the slug and sort key of
an entry need neither."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from sizheng_edition.text.chars import is_han

PLUS = "jiā"  # 互联网+ is read hùliánwǎng jiā ("Internet Plus")


def spoken(char: str) -> bool:
    """Characters that have a syllable: Han characters and the + of 互联网+."""
    return is_han(char) or char == "+"


def syllables(term: str) -> list[str]:
    """One tone-marked syllable per spoken character, as pypinyin reads the whole term."""
    from pypinyin import Style, pinyin

    han = "".join(c for c in term if is_han(c))
    read = iter(s[0] for s in pinyin(han, style=Style.TONE, heteronym=False))
    return [PLUS if c == "+" else next(read) for c in term if spoken(c)]


@lru_cache(maxsize=4096)
def readings(char: str) -> frozenset[str]:
    """Every reading pypinyin knows for one character (for checking overrides)."""
    if char == "+":
        return frozenset({PLUS})
    from pypinyin import Style, pinyin

    return frozenset(pinyin(char, style=Style.TONE, heteronym=True)[0])


def display(term: str, sylls: list[str]) -> str:
    """Syllables joined into words (jieba's segmentation), with ' before a/o/e inside a word."""
    out: list[str] = []
    k = 0
    for word in _words(term):
        parts: list[str] = []
        for char in word:
            if not spoken(char):
                continue
            syl = sylls[k]
            k += 1
            if parts and strip_tones(syl)[:1] in ("a", "o", "e"):
                syl = "'" + syl
            parts.append(syl)
        if parts:
            out.append("".join(parts))
    return " ".join(out)


def _words(term: str) -> list[str]:
    import jieba  # loaded only when pinyin is grouped into words, not for slugs

    jieba.setLogLevel(60)  # silence jieba's start-up chatter
    return list(jieba.cut(term, HMM=False))


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ü", "v")


def slug(display_pinyin: str) -> str:
    """``sīxiǎng zhèngzhì gōngzuò`` → ``sixiang-zhengzhi-gongzuo``."""
    plain = strip_tones(display_pinyin).lower().replace("'", "")
    return "-".join(plain.split())
