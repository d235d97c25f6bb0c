"""YAML loading that keeps line numbers, so plan and glossary errors can name them."""

from __future__ import annotations

from pathlib import Path

import yaml

from sizheng_edition.errors import EditionError


class LDict(dict):
    """A mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LList(list):
    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        value = LDict(super().construct_mapping(node, deep=True))
        value.line = node.start_mark.line + 1
        value.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
        return value

    def construct_sequence(self, node, deep=False):
        value = LList(super().construct_sequence(node, deep=True))
        value.line = node.start_mark.line + 1
        value.item_lines = [n.start_mark.line + 1 for n in node.value]
        return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_sequence)


def load_yaml(path: Path):
    """Parse ``path``; malformed YAML becomes an EditionError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditionError(str(path), None, "not UTF-8") from None
    return parse_yaml(text, str(path))


def parse_yaml(text: str, where: str):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        message = f"malformed YAML: {err.problem or err}"
        if err.context_mark and line and err.context_mark.line + 1 != line:
            message += f" ({err.context} on line {err.context_mark.line + 1})"
        raise EditionError(where, line, message) from None
    except yaml.YAMLError as err:
        raise EditionError(where, None, f"malformed YAML: {err}") from None
