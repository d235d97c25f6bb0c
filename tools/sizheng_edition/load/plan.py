"""Reading a plan: YAML into the typed model of ``model.plan``.

The plan is the record of editorial decisions.  Its shape is checked against the
published schema (``load.schema``), which names the plan line of every mistake; what
is left here is what a schema cannot say (a range's first line after its last) and the
reading of free text: a title is one line, longer texts (description, reasons, move,
lacuna) are folded to one line as a folded block would be.  ``build.validate`` then
checks the plan against the source it describes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from sizheng_edition.errors import EditionError
from sizheng_edition.load.schema import Format, check_modeline, validate
from sizheng_edition.load.yaml_lines import LDict, LList, fold_lines, parse_yaml, read_text
from sizheng_edition.model.plan import (
    ArticlePlan,
    Byline,
    BylineForm,
    Drop,
    Emendation,
    EmendationKind,
    Fragment,
    Heading,
    Join,
    JoinKind,
    Layout,
    LineRange,
    Metadata,
    OriginalForm,
    Plan,
    Script,
    Setting,
)

T = TypeVar("T")


def load_plan(path: Path) -> Plan:
    text = read_text(path, "plan")
    check_modeline(text, str(path), Format.PLAN)
    return parse_plan(parse_yaml(text, str(path)), str(path))


def parse_plan(data: object, where: str) -> Plan:
    validate(data, where, Format.PLAN)
    top = _Node(where, _as(data, LDict))
    return Plan(
        path=where,
        source=top.line_text("source"),
        title=top.line_text("title") if "title" in top.data else "",
        description=top.text("description"),
        layout=Layout(top.get("layout", str)),
        script=Script(top.get("script", str)),
        metadata=tuple(_metadata(n) for n in top.nodes("metadata")),
        drops=tuple(_drop(n) for n in top.nodes("drops")),
        emendations=tuple(_emendation(n) for n in top.nodes("emendations")),
        articles=tuple(_article(n) for n in top.nodes("articles")),
        original_forms=tuple(_original_form(n) for n in top.nodes("original_forms")),
    )


def _as(value: object, kind: type[T]) -> T:
    # The schema has admitted the plan: a mismatch here is a bug in schema or loader.
    assert isinstance(value, kind), f"the plan schema admitted {value!r} where {kind.__name__} belongs"
    return value


class _Node:
    """Typed access to a mapping the schema has admitted, with its plan lines."""

    def __init__(self, where: str, data: LDict) -> None:
        self.where = where
        self.data = data

    @property
    def line(self) -> int:
        return self.data.line

    def get(self, key: str, kind: type[T]) -> T:
        return _as(self.data[key], kind)

    def line_text(self, key: str) -> str:
        return self.get(key, str).strip()

    def text(self, key: str) -> str:
        return fold_lines(self.get(key, str))

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def range(self, key: str) -> LineRange:
        return parse_range(self.data[key], self.where, self.data.line_of(key))

    def optional_range(self, key: str) -> LineRange | None:
        return self.range(key) if key in self.data else None

    def node(self, key: str) -> _Node:
        return _Node(self.where, self.get(key, LDict))

    def items(self, key: str) -> list[tuple[object, int]]:
        """The items of a list, each with its plan line."""
        if key not in self.data:
            return []
        value = self.get(key, LList)
        return list(zip(value, value.item_lines, strict=True))

    def nodes(self, key: str) -> list[_Node]:
        return [_Node(self.where, _as(item, LDict)) for item, _ in self.items(key)]


_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def parse_range(value: object, where: str, yaml_line: int) -> LineRange:
    """``12`` or ``"12-15"`` (inclusive) as a LineRange."""
    match = _RANGE.match(str(value)) if isinstance(value, int | str) and not isinstance(value, bool) else None
    if not match:
        raise EditionError(where, yaml_line, f"{value!r} is not a line number or range like 12-15")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first < 1:
        raise EditionError(where, yaml_line, f"range {value!r} starts below line 1")
    if last < first:
        raise EditionError(
            where, yaml_line, f"range {str(value).strip()} is empty: its first line comes after its last"
        )
    return LineRange(first, last, yaml_line)


def _metadata(n: _Node) -> Metadata:
    return Metadata(n.get("line", int), n.line_text("key"), n.text("reason"), n.line)


def _drop(n: _Node) -> Drop:
    return Drop(n.range("lines"), n.line_text("article"), n.text("reason"))


def _emendation(n: _Node) -> Emendation:
    return Emendation(
        line=n.get("line", int),
        find=n.line_text("find"),
        replace=n.line_text("replace"),
        kind=EmendationKind(n.get("kind", str)),
        reason=n.text("reason"),
        yaml_line=n.line,
    )


def _original_form(n: _Node) -> OriginalForm:
    return OriginalForm(n.line_text("form"), n.line_text("correct"), n.text("reason"), yaml_line=n.line)


def _article(n: _Node) -> ArticlePlan:
    return ArticlePlan(
        id=n.get("id", str),
        title=n.range("title"),
        byline=_byline(n.node("byline")) if "byline" in n.data else None,
        affiliation=n.optional_range("affiliation"),
        abstract=n.optional_range("abstract"),
        keywords=n.optional_range("keywords"),
        references=n.optional_range("references"),
        headings=tuple(_heading(n.where, h, line) for h, line in n.items("headings")),
        fragments=tuple(_fragment(f) for f in n.nodes("fragments")),
        yaml_line=n.line,
        description=n.optional_text("description"),
        setting=Setting(n.get("setting", str)) if "setting" in n.data else None,
    )


def _byline(n: _Node) -> Byline:
    return Byline(n.get("line", int), BylineForm(n.get("form", str)), n.line)


def _heading(where: str, item: object, yaml_line: int) -> Heading:
    if isinstance(item, LDict):
        n = _Node(where, item)
        return Heading(n.range("lines"), n.get("level", int) if "level" in item else 1)
    return Heading(parse_range(item, where, yaml_line))


def _fragment(n: _Node) -> Fragment:
    join = None
    if "join" in n.data:
        j = n.node("join")
        join = Join(JoinKind(j.get("kind", str)), j.text("reason"))
    return Fragment(
        lines=n.range("lines"),
        join=join,
        move=n.optional_text("move"),
        lacuna=n.optional_text("lacuna"),
    )
