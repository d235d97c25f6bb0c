"""A catalogue of bad witnesses, each run as an editor runs the command line: one exact
error line naming file, line and column, exit status 2, no traceback, and nothing under
edition/ written.  docs/characters.md gives the policy the character cases follow."""

from __future__ import annotations

import unicodedata

import pytest
from conftest import invoke_cli, run_cli

SEED = "003_b775b8dd6b862dbc.txt"
LINE, COLUMN = 6, 4  # where a character is put into the real witness


def edition_bytes(project) -> dict[str, bytes]:
    return {
        p.relative_to(project.edition).as_posix(): p.read_bytes()
        for p in project.edition.rglob("*")
        if p.is_file()
    }


def assert_rejected(project, expected: str, *args: str, runner=invoke_cli) -> None:
    """The command fails with exactly ``expected`` as its one error line and writes nothing."""
    before = edition_bytes(project)
    result = runner(project.root, *(args or ("generate",)))
    assert "Traceback" not in result.stderr
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: {expected}\n"
    assert result.stdout == ""
    assert edition_bytes(project) == before


def with_char(ch: str) -> bytes:
    """The real witness with ``ch`` at LINE, COLUMN (1-based, in characters)."""
    from conftest import ROOT

    lines = (ROOT / "seeds" / SEED).read_text(encoding="utf-8").split("\n")
    line = lines[LINE - 1]
    lines[LINE - 1] = line[: COLUMN - 1] + ch + line[COLUMN - 1 :]
    return "\n".join(lines).encode("utf-8")


# -- the file as a whole: encoding, byte-order mark, line ends, emptiness ------------------
FILE_CASES = [
    ("empty", b"", "empty file: a witness must contain text"),
    ("only white space", b"\n  \n\t\n", "empty file: a witness must contain text"),
    ("BOM", "\ufeff第一行\n".encode(), "1: starts with a UTF-8 byte-order mark; save the file without BOM"),
    ("CRLF", "第一行\n第二行\r\n".encode(), "2: CR or CRLF line end; witnesses must use LF line ends"),
    ("CR only", "第一行\r第二行\r".encode(), "1: CR or CRLF line end; witnesses must use LF line ends"),
    ("GBK", "第一行\n第二行\n".encode("gbk"), "1: not UTF-8 (byte 0xb5 at offset 0)"),
    ("Latin-1 byte", "好\n好\n".encode() + b"\xff\n", "3: not UTF-8 (byte 0xff at offset 8)"),
    ("UTF-16", "第一行\n".encode("utf-16"), "1: not UTF-8 (byte 0xff at offset 0)"),
    ("cut-off sequence", "好\n".encode() + "好".encode()[:2], "2: not UTF-8 (byte 0xe5 at offset 4)"),
    ("encoded surrogate", b"ab\n\xed\xa0\x80\n", "2: not UTF-8 (byte 0xed at offset 3)"),
    ("overlong slash", b"a\xc0\xaf\n", "1: not UTF-8 (byte 0xc0 at offset 1)"),
]


@pytest.mark.parametrize(("data", "message"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_bad_file_is_rejected(project, data, message):
    seed = project.seeds / SEED
    seed.write_bytes(data)
    sep = "" if message[0].isdigit() else " "
    assert_rejected(project, f"{seed}:{sep}{message}")


def test_the_real_process_prints_the_same_line(project):
    """The catalogue calls main in this process; the real `edition` process says the same."""
    _, data, message = FILE_CASES[0]
    seed = project.seeds / SEED
    seed.write_bytes(data)
    sep = "" if message[0].isdigit() else " "
    assert_rejected(project, f"{seed}:{sep}{message}", runner=run_cli)


# -- characters a witness may not hold, one of each kind, at a known place ----------------
CONTROL = "is a control character; no newspaper text holds one: the file is damaged or was converted badly"
NONCHAR = "is a noncharacter; Unicode reserves it for internal use; it is never text"
SEPARATOR = (
    "is a line or paragraph separator; end lines with LF only, "
    "or the edition and its witness disagree on line numbers"
)
BIDI = "is a bidirectional control; it reorders how text is displayed and could hide what a line holds"
FORMAT = "is a format character; it hides or reshapes text without being text"

CHAR_CASES = [
    ("\x00", "U+0000 NULL", CONTROL),
    ("\x0b", "U+000B LINE TABULATION", CONTROL),
    ("\x0c", "U+000C FORM FEED", CONTROL),
    ("\x1b", "U+001B ESCAPE", CONTROL),
    ("\x7f", "U+007F DELETE", CONTROL),
    ("\x80", "U+0080", CONTROL),
    ("\x9b", "U+009B", CONTROL),
    ("\x85", "U+0085 NEXT LINE", SEPARATOR),
    ("\u2028", "U+2028 LINE SEPARATOR", SEPARATOR),
    ("\u2029", "U+2029 PARAGRAPH SEPARATOR", SEPARATOR),
    ("\ufffe", "U+FFFE", NONCHAR),
    ("\uffff", "U+FFFF", NONCHAR),
    ("\ufdd0", "U+FDD0", NONCHAR),
    ("\U0001ffff", "U+1FFFF", NONCHAR),
    ("\U0010ffff", "U+10FFFF", NONCHAR),
    ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING", BIDI),
    ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", BIDI),
    ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", BIDI),
    ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE", BIDI),
    ("\u200e", "U+200E LEFT-TO-RIGHT MARK", BIDI),
    ("\u200f", "U+200F RIGHT-TO-LEFT MARK", BIDI),
    ("\u061c", "U+061C ARABIC LETTER MARK", BIDI),
    ("\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A", FORMAT),
    ("\ufff9", "U+FFF9 INTERLINEAR ANNOTATION ANCHOR", FORMAT),
]


@pytest.mark.parametrize(("ch", "named", "why"), CHAR_CASES, ids=[f"U+{ord(c[0]):04X}" for c in CHAR_CASES])
def test_rejected_character_is_named_at_line_and_column(project, ch, named, why):
    seed = project.seeds / SEED
    seed.write_bytes(with_char(ch))
    assert_rejected(project, f"{seed}:{LINE}:{COLUMN}: {named} {why}")


def test_column_counts_characters_not_bytes(project):
    """Column 4 after three Han characters (nine bytes): what an editor's cursor shows."""
    seed = project.seeds / SEED
    line = (project.seeds / SEED).read_text(encoding="utf-8").split("\n")[LINE - 1]
    assert all(unicodedata.east_asian_width(c) == "W" for c in line[: COLUMN - 1])
    seed.write_bytes(with_char("\x0b"))
    result = run_cli(project.root, "generate")
    assert f":{LINE}:{COLUMN}: U+000B" in result.stderr
