"""The YAML reader through libyaml's C parser: the same values, the same line of every
mapping, key and list item, and the same refusals at the same lines as the pure-Python
loader (whose messages the editor's documentation gives)."""

from __future__ import annotations

import pytest
from conftest import ROOT, require_module
from sizheng_edition.errors import EditionError
from sizheng_edition.load import yaml_lines
from sizheng_edition.load.yaml_lines import LDict, LList, parse_yaml
from sizheng_edition.text.chars import hidden_chars, hidden_class


@pytest.fixture
def fast() -> type:
    require_module("yaml._yaml")  # PyYAML built with libyaml
    assert yaml_lines._FastLoader is not None
    return yaml_lines._FastLoader


def _lines(value: object) -> object:
    """The value with every line it remembers, for comparing two loads exactly."""
    if isinstance(value, LDict):
        return ("map", value.line, {k: (value.key_lines[k], _lines(v)) for k, v in value.items()})
    if isinstance(value, LList):
        return ("seq", value.line, [(n, _lines(v)) for n, v in zip(value.item_lines, value, strict=True)])
    return (type(value).__name__, value)


def _pure(text: str) -> object:
    return yaml_lines._parse_pure(text, "x.yaml")


EDITOR_FILES = [*sorted((ROOT / "conf" / "plans").glob("*.yaml")), ROOT / "conf" / "glossary.yaml"]


@pytest.mark.parametrize("path", EDITOR_FILES, ids=lambda p: p.name)
def test_the_c_parser_keeps_every_line(fast, path):
    text = path.read_text(encoding="utf-8")
    loaded = yaml_lines._load(fast, text)
    assert isinstance(loaded, LDict | LList)
    assert _lines(loaded) == _lines(_pure(text))


def test_lines_of_nested_values(fast):
    text = "a: 1\nb:\n  - x\n  -\n    c: true\n    d: 2024-01-02\n\ne: 'q'\n"
    loaded = yaml_lines._load(fast, text)
    assert loaded.key_lines == {"a": 1, "b": 2, "e": 8}
    assert loaded["b"].item_lines == [3, 5]  # an item is where its value starts
    assert (loaded["b"][1].line, loaded["b"][1].key_lines) == (5, {"c": 5, "d": 6})
    assert _lines(loaded) == _lines(_pure(text))


REFUSED = {
    "alias": ("a: &x 1\nb: *x\n", 1, "anchor &x is not allowed: write each value out"),
    "alias alone": ("a: 1\nb: *x\n", 2, "alias *x is not allowed: write the value out"),
    "tag": ("a: 1\nb: !!python/object:os.system x\n", 2, "tag !!python/object:os.system is not allowed"),
    "duplicate": ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a': also given on line 1"),
    "merge": ("a:\n  <<: {b: 1}\n", 2, "merge key << is not allowed: write the keys out"),
    "second document": ("a: 1\n---\nb: 2\n", 2, "a second YAML document starts here"),
    "key not text": ("a: 1\ntrue: 2\n", 2, "key 'true' is not text (YAML reads it as true/false)"),
    "escaped control": ('a: 1\nb: "x\\u202ey"\n', 2, "U+202E RIGHT-TO-LEFT OVERRIDE is a"),
}


@pytest.mark.parametrize("case", REFUSED, ids=str)
def test_the_c_parser_refuses_at_the_same_line(fast, case):
    text, line, message = REFUSED[case]
    with pytest.raises(yaml_lines._RefusedError) as fast_err:
        yaml_lines._load(fast, text)
    with pytest.raises(EditionError) as err:
        parse_yaml(text, "x.yaml")
    assert fast_err.value.line == err.value.line == line
    assert fast_err.value.message == err.value.message
    assert message in err.value.message


MALFORMED = ["a: [1, 2\n", "a:\n\tb: 1\n", "a: 1\n b: 2\n", "a: 'x\n", "a: \x07\n"]


@pytest.mark.parametrize("text", MALFORMED, ids=repr)
def test_a_malformed_file_gets_the_pure_loaders_message(text):
    # libyaml words its errors differently; the file is read again by the pure
    # loader, so the message is the one the documentation shows.
    with pytest.raises(EditionError) as err:
        parse_yaml(text, "x.yaml")
    with pytest.raises(EditionError) as pure:
        _pure(text)
    assert (err.value.line, err.value.message) == (pure.value.line, pure.value.message)


def test_printable_text_holds_no_hidden_character():
    # hidden_chars passes printable text in one call: that is only right if every
    # character hidden_class classes is one str.isprintable refuses.
    hidden = [chr(c) for c in range(0x110000) if hidden_class(chr(c)) is not None]
    assert len(hidden) > 100_000  # the private-use planes, controls, format characters, ...
    assert not any(ch.isprintable() for ch in hidden)
    text = "思想\u200b政治\t工作\ue000\u3000 x\u202e"
    assert [(ch, kind.value) for ch, kind in hidden_chars(text)] == [
        (ch, hidden_class(ch).value) for ch in text if hidden_class(ch) is not None
    ]
