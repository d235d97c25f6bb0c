"""YAML loading that keeps line numbers, so plan and glossary errors can name them.

Mappings load as ``LDict`` and sequences as ``LList``; their values are plain YAML
values (text, numbers, booleans, None, dates) or further ``LDict``/``LList``, typed
``object`` so that every reader checks what it got.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, SequenceNode

from sizheng_edition.errors import EditionError


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


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LDict:
        items = super().construct_mapping(node, deep=True)  # first: it flattens merge keys into node
        key_lines: dict[Hashable, int] = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        return LDict(items, node.start_mark.line + 1, key_lines)

    def construct_sequence(self, node: SequenceNode, deep: bool = False) -> LList:
        item_lines = [n.start_mark.line + 1 for n in node.value]
        return LList(super().construct_sequence(node, deep=True), node.start_mark.line + 1, item_lines)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_sequence)


def load_yaml(path: Path) -> object:
    """Parse ``path``; malformed YAML becomes an EditionError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditionError(str(path), None, "not UTF-8") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, where: str) -> object:
    try:
        data: object = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        message = f"malformed YAML: {err.problem or err}"
        if err.context_mark and line and err.context_mark.line + 1 != line:
            message += f" ({err.context} on line {err.context_mark.line + 1})"
        raise EditionError(where, line, message) from None
    except yaml.YAMLError as err:
        raise EditionError(where, None, f"malformed YAML: {err}") from None
    return data
