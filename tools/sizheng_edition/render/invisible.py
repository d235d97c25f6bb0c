"""Characters a witness holds that no reader would see (zero-width, private-use), shown
as small labelled marks: ‹ZWSP›, ‹U+E000›, with the code point and its class as the
mark's title (docs/characters.md).  A mark is an ``{abbr}`` role, which every builder
knows: ``<abbr title>`` in HTML and EPUB, the explanation in brackets in the PDF."""

from __future__ import annotations

import re

from sizheng_edition.text.chars import (
    WHITESPACE_CHARS,
    ZERO_WIDTH,
    ZERO_WIDTH_NAMES,
    Hidden,
    code_point,
    hidden_class,
)

# The guillemets are in the Noto CJK fonts the PDF uses (⟨ ⟩ are not), and unlike 〈 〉
# they are not Chinese punctuation a witness could hold itself.
OPEN, CLOSE = "‹", "›"

KEPT_CHARS = "".join(ZERO_WIDTH) + "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"  # a class's body
KEPT = re.compile(f"[{KEPT_CHARS}]")


VISIBLE_SPACE = "␣"  # a witness's space, as its transcription and its lines beside a paragraph show it
# One search of a line, which most lines pass through unchanged: str.translate with a
# table looked up every character and took ten times as long (27,000 lines at 300 sources).
_SPACES = re.compile(f"[{re.escape(WHITESPACE_CHARS)}]")


def show_spaces(line: str) -> str:
    """A witness line with each space (of any width) shown as ``VISIBLE_SPACE``."""
    return _SPACES.sub(VISIBLE_SPACE, line)


def label(ch: str) -> str:
    """What the mark shows: a short name for a zero-width character, else the code point."""
    return f"{OPEN}{ZERO_WIDTH_NAMES.get(ch, f'U+{ord(ch):04X}')}{CLOSE}"


def mark(ch: str) -> str:
    """The MyST for one kept invisible character."""
    kind = hidden_class(ch)
    what = f"{kind.value if kind is not None else 'character'} {code_point(ch)}"
    if kind is Hidden.PRIVATE_USE:
        what += ", a publisher's code for a character no standard font shows"
    # abbr takes "text (explanation)"; neither part holds a bracket or a backtick.
    return f"{{abbr}}`{label(ch)} ({what})`"


def show_invisible(myst: str) -> str:
    """``myst`` with every kept invisible character replaced by its mark."""
    return KEPT.sub(lambda m: mark(m.group()), myst)


def label_invisible(text: str) -> str:
    """``text`` with every kept invisible character replaced by its label alone, for
    places that take plain text, not markup (a citation's title)."""
    return KEPT.sub(lambda m: label(m.group()), text)
