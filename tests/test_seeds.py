"""Bad witnesses give one clear error naming file and line, never a traceback."""

from __future__ import annotations

import pytest
from conftest import run_cli
from sizheng_edition.errors import EditionError
from sizheng_edition.load.seeds import parse_source, read_source


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"", None, "empty file"),
        (b"\n  \n", None, "empty file"),
        (b"\xef\xbb\xbf\xe6\x96\x87\n", 1, "byte-order mark"),
        ("第一行\n第二行\r\n".encode(), 2, "CRLF"),
        ("第一行\n第二行\n".encode("gbk"), 1, "not UTF-8"),
        ("好\n好\n".encode() + b"\xff\n", 3, "not UTF-8"),
    ],
)
def test_bad_witness_names_file_and_line(data, line, words):
    with pytest.raises(EditionError) as err:
        parse_source(data, "seeds/x.txt", "x.txt")
    assert err.value.path == "seeds/x.txt"
    assert err.value.line == line
    assert words in str(err.value)
    assert str(err.value).startswith("seeds/x.txt" + (f":{line}" if line else ""))


def test_good_witness_keeps_every_line(tmp_path):
    path = tmp_path / "001_x.txt"
    path.write_bytes("  甲\n\n乙 \n".encode())
    source = read_source(path)
    assert source.lines == ("  甲", "", "乙 ")
    assert source.key == "001"
    assert source.size == len(path.read_bytes())


def test_missing_final_newline_keeps_last_line():
    assert parse_source("甲\n乙".encode(), "x", "x").lines == ("甲", "乙")


@pytest.mark.parametrize(
    ("data", "expect"),
    [
        (b"\xef\xbb\xbf\xe6\x96\x87\n", ":1: starts with a UTF-8 byte-order mark"),
        (b"", ": empty file"),
        (b"a\r\nb\r\n", ":1: CR or CRLF"),
        (b"\x80abc\n", ":1: not UTF-8"),
    ],
)
def test_cli_reports_bad_seed_without_traceback(project, data, expect):
    seed = next(project.seeds.glob("003_*.txt"))
    seed.write_bytes(data)
    result = run_cli(project.root, "generate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"error: {seed}{expect}")
