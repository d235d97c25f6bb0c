"""YAML that keeps line numbers, so plan and glossary errors can name them.

Mappings load as ``LDict`` and sequences as ``LList``; their values are plain YAML
values (text, numbers, booleans, None, dates) or further ``LDict``/``LList``, typed
``object`` so that every reader checks what it got.

An editor's data file uses plain YAML only (docs/plans.md, "What YAML a plan may use"):
anchors, aliases and merge keys (they invite alias-expansion bombs and hide where a
value comes from), tags (``!!python/object`` and friends), a second document, a key
given twice and keys that are not text are refused with the line they stand on,
rather than silently resolved as PyYAML would.

libyaml's C parser reads the events (the scanning and parsing were two thirds of the
time spent on plans); PyYAML's own composer and constructor, with the checks below,
build the values from them, so a refusal names the same line either way.  When the C
parser reports an error, the file is read again by the pure-Python loader, whose
messages (which differ from libyaml's) are the ones the editor's documentation and
the tests give.  Without libyaml the pure-Python loader does everything.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

from sizheng_edition.errors import EditionError
from sizheng_edition.load.files import read_input
from sizheng_edition.text.chars import code_point, hidden_chars

# Python's line boundaries (str.splitlines): what the edition treats as a line break.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAKS = re.compile(f"[ \t]*[{LINE_BREAKS}][{LINE_BREAKS} \t]*")
_YAML_TAGS = "tag:yaml.org,2002:"
_MERGE_TAG = _YAML_TAGS + "merge"


def has_line_break(text: str) -> bool:
    return any(c in LINE_BREAKS for c in text)


def fold_lines(text: str) -> str:
    """``text`` as one line: each run of line breaks (with the spaces around it) becomes
    one space, as a folded block would read; the ends are stripped."""
    return _BREAKS.sub(" ", text).strip()


class LDict(dict[Hashable, object]):
    """A mapping that remembers the line it starts on and the line of each key."""

    def __init__(self, items: dict[Hashable, object], line: int, key_lines: dict[Hashable, int]) -> None:
        super().__init__(items)
        self.line = line
        self.key_lines = key_lines

    def line_of(self, key: Hashable) -> int:
        return self.key_lines.get(key, self.line)


class LList(list[object]):
    """A sequence that remembers the line it starts on and the line of each item."""

    def __init__(self, items: list[object], line: int, item_lines: list[int]) -> None:
        super().__init__(items)
        self.line = line
        self.item_lines = item_lines


class _RefusedError(Exception):
    """A YAML feature or shape the editor's files do not use, at a line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line(node_or_event: Node | NodeEvent) -> int:
    mark = node_or_event.start_mark
    return mark.line + 1 if mark is not None else 1


class _Checks(Composer, SafeConstructor, Resolver):
    """What every loader refuses, on top of PyYAML's composer and safe constructor; the
    parser that feeds them the events is the subclass's."""

    if TYPE_CHECKING:  # the parser's methods, from Parser or libyaml's CParser

        def peek_event(self) -> Any: ...
        def get_event(self) -> Any: ...
        def check_event(self, *choices: Any) -> bool: ...
        def dispose(self) -> None: ...

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        # Checked on the events, before PyYAML resolves anything: an alias is refused
        # before it can be expanded, however many times it would repeat its anchor.
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _RefusedError(_line(event), f"alias *{event.anchor} is not allowed: write the value out")
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise _RefusedError(_line(event), f"anchor &{event.anchor} is not allowed: write each value out")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag is not None:
            tag = event.tag.replace(_YAML_TAGS, "!!")
            raise _RefusedError(_line(event), f"tag {tag} is not allowed: write plain values (quote text)")
        return super().compose_node(parent, index)

    def get_single_node(self) -> Node | None:
        self.get_event()  # the stream start
        document = self.compose_document() if not self.check_event(yaml.StreamEndEvent) else None
        if not self.check_event(yaml.StreamEndEvent):
            event = self.peek_event()
            raise _RefusedError(
                _line(event), "a second YAML document starts here: the file holds one document"
            )
        self.get_event()
        return document

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        # The reader refuses these characters written literally; a double-quoted
        # escape ("\e", "\u202e") makes them only here.  Text from a plan or the
        # glossary reaches every output (notes, glossary, PDF, EPUB), so the witnesses'
        # character policy holds for it too (docs/characters.md).
        value: str = super().construct_yaml_str(node)
        for ch, kind in hidden_chars(value):
            if kind.rejected:
                message = f"{code_point(ch)} is a {kind.value}: it has no place in text"
                raise _RefusedError(_line(node), message)
        return value

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LDict:
        items: dict[Hashable, object] = {}
        key_lines: dict[Hashable, int] = {}
        for key_node, value_node in node.value:
            line = _line(key_node)
            if key_node.tag == _MERGE_TAG:
                raise _RefusedError(line, "merge key << is not allowed: write the keys out")
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                what = "true/false" if isinstance(key, bool) else type(key).__name__
                raise _RefusedError(
                    line, f"key {key_node.value!r} is not text (YAML reads it as {what}): quote it"
                )
            if key in key_lines:
                raise _RefusedError(line, f"duplicate key '{key}': also given on line {key_lines[key]}")
            items[key] = self.construct_object(value_node, deep=True)
            key_lines[key] = line
        return LDict(items, _line(node), key_lines)

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LList:
        item_lines = [_line(n) for n in node.value]
        items = [self.construct_object(n, deep=True) for n in node.value]
        return LList(items, _line(node), item_lines)


class _Loader(_Checks, Reader, Scanner, Parser):
    """The pure-Python loader: PyYAML's reader, scanner and parser."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)  # checks every character of the text
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


_FastLoader: type[_Checks] | None = None
try:
    from yaml._yaml import CParser

    class _CLoader(_Checks, CParser):
        """libyaml's parser for the events; PyYAML's composer comes before CParser, so
        that the checks above compose the nodes, not libyaml's own composer."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    _FastLoader = _CLoader
except ImportError:  # PyYAML built without libyaml
    pass

# Registered on _Checks: both loaders inherit them (PyYAML copies the table per class).
# The stubs admit only PyYAML's own loader classes here.
_Checks.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Checks.construct_mapping)  # type: ignore[type-var]
_Checks.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Checks.construct_sequence)  # type: ignore[type-var]
_Checks.add_constructor("tag:yaml.org,2002:str", _Checks.construct_yaml_str)  # type: ignore[type-var]


def read_text(path: Path, what: str) -> str:
    """An editor's file (``what``: the plan, the glossary) as text: a regular file,
    readable, UTF-8, no byte-order mark."""
    data = read_input(path, what)  # the one strict reader of every input file
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        byte = data[err.start]
        raise EditionError(
            str(path), line, f"not UTF-8: byte 0x{byte:02x} at column {column}; save the file as UTF-8"
        ) from None
    if text.startswith("\ufeff"):
        raise EditionError(str(path), 1, "starts with a UTF-8 byte-order mark; save the file without BOM")
    # Universal newlines, as an editor counts lines: CRLF and CR files number their lines alike.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, where: str) -> object:
    if _FastLoader is not None:
        try:
            return _load(_FastLoader, text)
        except (_RefusedError, yaml.YAMLError):
            pass  # read again below, for the pure loader's message and line
    return _parse_pure(text, where)


def _load(cls: type[_Checks], text: str) -> object:
    loader = cls(text)  # type: ignore[call-arg]
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def _parse_pure(text: str, where: str) -> object:
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the reader checks every character here
        data: object = loader.get_single_data()
    except _RefusedError as err:
        raise EditionError(where, err.line, err.message) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        if err.problem and "'\\t'" in err.problem:
            raise EditionError(
                where, line, "a tab where YAML expects spaces: indent with spaces only"
            ) from None
        message = f"malformed YAML: {err.problem or err}"
        if err.context_mark and line and err.context_mark.line + 1 != line:
            message += f" ({err.context} on line {err.context_mark.line + 1})"
        raise EditionError(where, line, message) from None
    except yaml.reader.ReaderError as err:
        # A character YAML does not allow (a control character, say); its position is
        # counted in characters of the text.
        line = text.count("\n", 0, err.position) + 1
        code = ord(err.character) if isinstance(err.character, str) else err.character
        raise EditionError(where, line, f"character U+{code:04X} is not allowed in YAML") from None
    except yaml.YAMLError as err:
        raise EditionError(where, None, f"malformed YAML: {err}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data
