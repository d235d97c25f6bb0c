"""``render.escape``: every character it must change is changed, also now that text
holding none of them is returned as it is without the substitutions; and
``show_spaces``, which marks a witness line's spaces, marks each kind and nothing else."""

from __future__ import annotations

import string

from sizheng_edition.render.escape import escape
from sizheng_edition.render.invisible import VISIBLE_SPACE, show_spaces
from sizheng_edition.text.chars import WHITESPACE, ZERO_WIDTH


def test_every_ascii_punctuation_mark_is_escaped_and_other_text_kept():
    for ch in string.punctuation:
        assert escape(f"中{ch}文") == f"中\\{ch}文"
    plain = "思想政治工作，“生命线”。ABC abc 123 \u3000"
    assert escape(plain) is plain


def test_every_invisible_character_is_marked():
    for ch in [*ZERO_WIDTH, "\ue000", "\uf8ff", "\U000f0000", "\U0010fffd"]:
        shown = escape(f"中{ch}文")
        assert ch not in shown and shown.startswith("中{abbr}`‹"), repr(ch)


def test_every_kind_of_space_is_shown_and_nothing_else():
    assert sorted(WHITESPACE) == sorted(" \t\u3000\u00a0")  # each of them below
    assert VISIBLE_SPACE == "␣"
    assert show_spaces("中 文\t一\u3000二\u00a0三") == "中␣文␣一␣二␣三"
    line = "思想\u200b政治，ABC-1。"
    assert show_spaces(line) == line
