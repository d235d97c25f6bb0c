"""The published JSON Schemas of the plan and glossary formats, and validation against
them with every error mapped back to the file and line of the offending key or value.

The schemas (``conf/schema/*.schema.json``, carried in the package as
``load/schema/``) are what an editor's text editor checks as they type; the loader
checks the same files with ``jsonschema``, so the editor and ``edition generate`` agree.
A file is first checked by the compiled validator of ``schema_fast``; jsonschema (and
its imports) is needed only for a file that does not match, to name its first problem.
Only what a schema cannot say (a range's first line after its last, lines that exist
in the source, cross-references) is checked in code.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import json
import re
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from sizheng_edition.errors import EditionError
from sizheng_edition.load.yaml_lines import LDict, LList, fold_lines, has_line_break

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


class Format(enum.Enum):
    """An editor's file format and the schema file of its current version."""

    PLAN = "plan.v1.schema.json"
    GLOSSARY = "glossary.v2.schema.json"

    @property
    def noun(self) -> str:
        return self.name.lower()


@cache
def schema(fmt: Format) -> dict[str, Any]:
    text = resources.files("sizheng_edition.load").joinpath("schema", fmt.value).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _integer(checker: object, value: object) -> bool:
    # JSON Schema counts 12.0 as an integer; a line number written 12.0 is a mistake.
    return isinstance(value, int) and not isinstance(value, bool)


@cache
def _validator(fmt: Format) -> Any:
    # Imported here: a file that matches (``schema_fast``) needs none of it.
    import jsonschema
    from jsonschema import Draft202012Validator

    types = Draft202012Validator.TYPE_CHECKER.redefine("integer", _integer)
    extended = jsonschema.validators.extend(Draft202012Validator, type_checker=types)  # type: ignore[no-untyped-call]
    return extended(schema(fmt))


_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")


def check_modeline(text: str, where: str, fmt: Format) -> None:
    """A first-line schema comment must name this format's current schema: a file written
    for another version (or the other format) is refused before it is misread."""
    first = text.split("\n", 1)[0]
    found = _MODELINE.match(first)
    if found and found.group(1).rsplit("/", 1)[-1] != fmt.value:
        raise EditionError(
            where,
            1,
            f"names schema {found.group(1)!r}, but a {fmt.noun} is read with {fmt.value} "
            "(docs/plans.md, 'Format versions')",
        )


def validate(data: object, where: str, fmt: Format) -> None:
    """Raise an EditionError for the first problem in the file (by line) if ``data``
    does not match the format's schema."""
    if data is None:
        raise EditionError(where, 1, f"the file is empty (or only comments): {_expected_file(fmt)}")
    from sizheng_edition.load.schema_fast import matches  # it imports this module

    if matches(data, fmt):
        return
    errors = list(_validator(fmt).iter_errors(data))
    if not errors:
        return
    problems = [_problem(data, e, fmt) for e in errors]
    # A missing key is usually a misspelt one: report the unknown key, with its suggestion.
    misspelt = {p.path for p in problems if p.unknown_key}
    problems = [p for p in problems if not (p.missing_key and p.path in misspelt)]
    first = min(problems, key=lambda p: (p.line, p.order))
    prefix = _entry_prefix(data, first.path) if fmt is Format.GLOSSARY else ""
    raise EditionError(where, first.line, prefix + first.message)


def _expected_file(fmt: Format) -> str:
    required = ", ".join(schema(fmt).get("required", []))
    return f"expected a {fmt.noun}, " + (f"a mapping with {required}" if required else "a list of entries")


@dataclass(frozen=True)
class _Problem:
    path: tuple[Hashable, ...]  # of the mapping or list the problem is in, or of the value
    line: int
    message: str
    order: int  # among problems on one line: unknown keys first
    unknown_key: bool = False
    missing_key: bool = False


def _problem(data: object, error: ValidationError, fmt: Format) -> _Problem:
    path = tuple(error.absolute_path)
    value = error.instance
    keyword = error.validator
    own: Mapping[str, Any] = error.schema if isinstance(error.schema, Mapping) else {}
    if keyword == "additionalProperties" and isinstance(value, LDict):
        known = sorted(own.get("properties", {}))
        extra = sorted((k for k in value if k not in known), key=value.line_of)[0]
        return _Problem(path, value.line_of(extra), _unknown(str(extra), known), 0, unknown_key=True)
    if keyword == "required" and isinstance(value, LDict):
        required = list(own.get("required", []))
        missing = [k for k in required if k not in value]
        names = ", ".join(f"'{k}'" for k in missing)
        noun = own.get("title", "") if path else fmt.noun
        article = "an" if noun[:1] in "aeiou" else "a"
        plural = "s" if len(missing) > 1 else ""
        what = f"missing key{plural} {names} ({article} {noun} needs {', '.join(required)})"
        return _Problem(path, _line_of(data, path), what, 1, missing_key=True)
    name = _name(path)
    if not path and keyword == "type":
        return _Problem(
            path, _line_of(data, path), f"the file is {_describe(value)}: {_expected_file(fmt)}", 2
        )
    expected = own.get("errorMessage") or _expected(keyword, error.validator_value, own)
    message = f"{name} is {_describe(value)}: {expected}"
    if _wants_text(own) and isinstance(value, bool | int | float | datetime.date):
        message += "; put it in quotes to make it text"
    if keyword == "enum" and isinstance(value, str) and isinstance(error.validator_value, list):
        close = difflib.get_close_matches(value, [str(v) for v in error.validator_value], n=1)
        if close:
            message += f" (did you mean '{close[0]}'?)"
    return _Problem(path, _line_of(data, path), message, 2)


def _wants_text(own: Mapping[str, Any]) -> bool:
    kinds = own.get("type")
    return kinds == "string" or (isinstance(kinds, list) and "string" in kinds and "integer" not in kinds)


def _unknown(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return f"unknown key '{key}': did you mean '{close[0]}'?"
    return f"unknown key '{key}': expected one of: {', '.join(known)}"


def _expected(keyword: object, wanted: object, own: Mapping[str, Any]) -> str:
    if keyword == "enum" and isinstance(wanted, list):
        return f"expected one of: {', '.join(str(v) for v in wanted)}"
    if keyword == "type" and wanted == "object" and "title" in own:
        return f"expected a {own['title']} (a mapping of key: value lines)"
    if keyword == "type":
        kinds = wanted if isinstance(wanted, list) else [wanted]
        return "expected " + " or ".join(_TYPE_WORDS.get(str(k), str(k)) for k in kinds)
    if keyword == "minItems":
        return f"expected at least {wanted} item{'s' if wanted != 1 else ''}"
    if keyword in ("minimum", "maximum"):
        return f"expected a number {'from' if keyword == 'minimum' else 'up to'} {wanted}"
    return f"does not match the schema ({keyword})"


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "null": "null",
    "boolean": "true or false",
}


def _describe(value: object) -> str:
    """What the editor wrote, in words."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, LDict):
        return "a mapping"
    if isinstance(value, LList):
        return "an empty list" if not value else "a list"
    if isinstance(value, str):
        if not value.strip():
            return "empty text"
        if has_line_break(value.strip()):
            return "text with a line break"
        return repr(value if len(value) <= 40 else value[:37] + "...")
    return type(value).__name__


def _name(path: tuple[Hashable, ...]) -> str:
    """The offending value, named by its key, or as an item of a list."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        owner = next((k for k in reversed(path[:-1]) if isinstance(k, str)), None)
        return f"item {last + 1} of '{owner}'" if owner else f"item {last + 1}"
    return f"'{last}'"


def _line_of(data: object, path: tuple[Hashable, ...]) -> int:
    """The line of the key or list item at ``path``, walking the LDict/LList nodes."""
    node, line = data, getattr(data, "line", 1)
    for step in path:
        if isinstance(node, LDict) and step in node:
            line, node = node.line_of(step), node[step]
        elif isinstance(node, LList) and isinstance(step, int) and step < len(node):
            line, node = node.item_lines[step], node[step]
        else:
            break
    return int(line)


def _entry_prefix(data: object, path: tuple[Hashable, ...]) -> str:
    """Glossary errors name their entry, as the glossary's own checks do."""
    if path and isinstance(data, LList) and isinstance(path[0], int):
        entry = data[path[0]]
        term = entry.get("term") if isinstance(entry, LDict) else None
        if isinstance(term, str):
            return f"entry {fold_lines(term)!r}: "
    return ""
