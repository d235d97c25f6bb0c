"""Classes of characters, defined once for the pipeline, the draft and the Sphinx
extension: what counts as a Han character, as Chinese punctuation, as white space,
and as the end of a sentence."""

from __future__ import annotations

import re

# CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B–H.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
_HAN_CLASS = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in HAN_RANGES)
HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
"""A run of Han characters (the same ranges as :func:`is_han`)."""

CJK_PUNCT = frozenset("，。、；：？！（）《》〈〉「」『』【】〔〕“”‘’—…·～")
WHITESPACE = frozenset(" \t\u3000\u00a0")
WHITESPACE_CHARS = "".join(sorted(WHITESPACE))  # for str.strip and friends

_SENTENCE_END = re.compile(r"[。！？…][”’」』）]*$")


def is_han(ch: str) -> bool:
    if len(ch) != 1:
        return False
    code = ord(ch)
    return any(a <= code <= b for a, b in HAN_RANGES)


def is_cjk(ch: str) -> bool:
    """A Han character or Chinese (full-width) punctuation."""
    return len(ch) == 1 and (is_han(ch) or ch in CJK_PUNCT or 0x3000 < ord(ch) <= 0x303F)


def is_alnum_ascii(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def han_only(text: str) -> str:
    return "".join(c for c in text if is_han(c))


def ends_sentence(text: str) -> bool:
    """The text (trailing white space aside) ends with a sentence-final mark."""
    return bool(_SENTENCE_END.search(text.rstrip(WHITESPACE_CHARS)))
