"""Reading a raw witness: strict about encoding and line ends, because a silent
repair would change the text the edition claims to reproduce."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sizheng_edition.errors import EditionError
from sizheng_edition.load.files import read_input
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import Hidden, code_point, hidden_class

BOM = b"\xef\xbb\xbf"


def read_source(path: Path) -> Source:
    """Read ``path`` as a witness; raise EditionError naming file and line on bad input."""
    return parse_source(read_input(path, "witness"), str(path), path.name)


def parse_source(data: bytes, where: str, name: str) -> Source:
    if not data.strip():
        raise EditionError(where, None, "empty file: a witness must contain text")
    if data.startswith(BOM):
        raise EditionError(where, 1, "starts with a UTF-8 byte-order mark; save the file without BOM")
    text = _decode(data, where)
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        raise EditionError(where, line, "CR or CRLF line end; witnesses must use LF line ends")
    lines = text.split("\n")
    _reject_hidden(lines, where)
    if lines[-1] == "":
        lines.pop()  # a final newline ends the last line; it is not a line of its own
    return Source(
        name=name,
        path=where,
        lines=tuple(lines),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise EditionError(
            where, line, f"not UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None


def _reject_hidden(lines: list[str], where: str) -> None:
    """The first character that may not stand in a witness, at its line and column
    (docs/characters.md says which, and why)."""
    for number, line in enumerate(lines, 1):
        if line.isprintable():
            continue  # the common case, decided in C: nothing hidden on this line
        for column, ch in enumerate(line, 1):
            kind = hidden_class(ch)
            if kind is not None and kind.rejected:
                raise EditionError(
                    where, number, f"{code_point(ch)} is a {kind.value}; {_ADVICE[kind]}", column
                )


_ADVICE: dict[Hidden, str] = {
    Hidden.CONTROL: "no newspaper text holds one: the file is damaged or was converted badly",
    Hidden.NONCHARACTER: "Unicode reserves it for internal use; it is never text",
    Hidden.LINE_SEPARATOR: "end lines with LF only, or the edition and its witness disagree on line numbers",
    Hidden.BIDI_CONTROL: "it reorders how text is displayed and could hide what a line holds",
    Hidden.FORMAT: "it hides or reshapes text without being text",
}
