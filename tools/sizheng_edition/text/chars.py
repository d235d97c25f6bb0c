"""Classes of characters, defined once for the pipeline, the draft and the Sphinx
extension: what counts as a Han character, as Chinese punctuation, as white space,
and as the end of a sentence; and which characters a witness may not hold, or holds
invisibly (docs/characters.md)."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterator

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
    # One regular expression over the same ranges as is_han: a call per character made
    # the contents' lengths most of a generate whose sources all came from the cache.
    return "".join(HAN_RUN.findall(text))


def ends_sentence(text: str) -> bool:
    """The text (trailing white space aside) ends with a sentence-final mark."""
    return bool(_SENTENCE_END.search(text.rstrip(WHITESPACE_CHARS)))


class Hidden(enum.Enum):
    """A class of character that no reader sees as text.  The value is its name in
    messages and marks; ``rejected`` says whether a witness may hold it
    (docs/characters.md gives the reasons, class by class)."""

    CONTROL = "control character"
    NONCHARACTER = "noncharacter"
    LINE_SEPARATOR = "line or paragraph separator"
    BIDI_CONTROL = "bidirectional control"
    FORMAT = "format character"
    ZERO_WIDTH = "zero-width character"
    PRIVATE_USE = "private-use character"

    @property
    def rejected(self) -> bool:
        return self not in (Hidden.ZERO_WIDTH, Hidden.PRIVATE_USE)


LINE_SEPARATORS = frozenset("\u2028\u2029\u0085")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Invisible, but ordinary in text from the web or a word processor: U+FEFF inside a
# file (a byte-order mark pasted mid-text), the soft hyphen.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
ZERO_WIDTH_NAMES = {
    "\u200b": "ZWSP",
    "\u200c": "ZWNJ",
    "\u200d": "ZWJ",
    "\u2060": "WJ",
    "\ufeff": "ZWNBSP",
    "\u00ad": "SHY",
}
_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def hidden_class(ch: str) -> Hidden | None:
    """The class of ``ch`` if no reader would see it as text; None for ordinary text
    (tab and line feed are layout, not hidden)."""
    code = ord(ch)
    if ch in LINE_SEPARATORS:  # before the controls: U+0085 is also a C1 control
        return Hidden.LINE_SEPARATOR
    if (code < 0x20 and ch not in "\t\n") or 0x7F <= code <= 0x9F:
        return Hidden.CONTROL
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return Hidden.NONCHARACTER
    if ch in BIDI_CONTROLS:
        return Hidden.BIDI_CONTROL
    if ch in ZERO_WIDTH:
        return Hidden.ZERO_WIDTH
    if any(a <= code <= b for a, b in _PRIVATE_USE):
        return Hidden.PRIVATE_USE
    if unicodedata.category(ch) == "Cf":
        # The rest of the format characters (tag characters, interlinear annotation,
        # deprecated shaping controls, ...) have no business in a newspaper's text,
        # and tag characters are a known way to hide text from a reader.
        return Hidden.FORMAT
    return None


def hidden_chars(text: str) -> Iterator[tuple[str, Hidden]]:
    """Each character of ``text`` that ``hidden_class`` classes, with its class, in order."""
    # Every hidden character is in a Unicode category str.isprintable refuses (Cc, Cf,
    # Co, Cn, Zl, Zp): printable text, almost all text, is passed in one C call.
    if text.isprintable():
        return
    for ch in text:
        if not ch.isprintable():
            kind = hidden_class(ch)
            if kind is not None:
                yield ch, kind


def code_point(ch: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: the code point and, where Unicode has one, its name."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "")
    return f"U+{ord(ch):04X} {name}" if name else f"U+{ord(ch):04X}"


# Unicode gives controls no names, only aliases that unicodedata does not return: the
# ones an editor is likely to meet, so that a message says more than a number.
_CONTROL_NAMES = {
    "\x00": "NULL",
    "\x07": "BELL",
    "\x08": "BACKSPACE",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}
