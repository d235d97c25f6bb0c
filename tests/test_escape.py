"""``render.escape``: every character it must change is changed, also now that text
holding none of them is returned as it is without the substitutions."""

from __future__ import annotations

import string

from sizheng_edition.render.escape import escape
from sizheng_edition.text.chars import ZERO_WIDTH


def test_every_ascii_punctuation_mark_is_escaped_and_other_text_kept():
    for ch in string.punctuation:
        assert escape(f"中{ch}文") == f"中\\{ch}文"
    plain = "思想政治工作，“生命线”。ABC abc 123 \u3000"
    assert escape(plain) is plain


def test_every_invisible_character_is_marked():
    for ch in [*ZERO_WIDTH, "\ue000", "\uf8ff", "\U000f0000", "\U0010fffd"]:
        shown = escape(f"中{ch}文")
        assert ch not in shown and shown.startswith("中{abbr}`‹"), repr(ch)
