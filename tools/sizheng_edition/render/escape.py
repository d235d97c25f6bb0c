"""Source text is data: escaping it so that no MyST, HTML or LaTeX markup survives.

CommonMark lets any ASCII punctuation be backslash-escaped, and an escaped
character is always literal.  Escaping *all* of it (rather than a list of
characters known to be special today) means a future MyST extension cannot
turn source text into markup.  HTML and LaTeX need nothing more: the text
reaches docutils as plain Text nodes, which every builder escapes itself.
"""

from __future__ import annotations

import re

from sizheng_edition.render.invisible import KEPT_CHARS, show_invisible

_PUNCT = r"!-/:-@\[-`{-~"  # all ASCII punctuation, as a character class's body
_ASCII_PUNCT = re.compile(f"([{_PUNCT}])")
# Whether either substitution below changes anything: most inline text (Han characters,
# Chinese punctuation) holds neither kind of character, and one search says so in less
# than half the time of the two substitutions (82,000 calls at 300 sources).
_CHANGED = re.compile(f"[{_PUNCT}{KEPT_CHARS}]")


def escape(text: str) -> str:
    """``text`` as MyST inline content that renders as exactly ``text``; a character no
    reader could see (zero-width, private-use) as a visible mark (``render.invisible``)."""
    if "\n" in text or "\r" in text:
        raise ValueError("inline text cannot contain line breaks")
    if _CHANGED.search(text) is None:
        return text
    return show_invisible(_ASCII_PUNCT.sub(r"\\\1", text))


def role_content(text: str) -> str:
    """Content for a role: roles take text literally, so only backticks matter."""
    if "`" in text:
        raise ValueError(f"role content cannot contain a backtick: {text!r}")
    return text
