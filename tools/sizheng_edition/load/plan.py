"""Reading a plan: YAML into the typed model of ``model.plan``.

The plan is the record of editorial decisions.  Parsing checks its shape and
names the plan file and line of every mistake; ``sizheng_edition.build.validate`` then checks it
against the source it describes.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path
from typing import NoReturn, TypeVar

from sizheng_edition.errors import EditionError
from sizheng_edition.load.yaml_lines import LDict, LList, load_yaml
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
    Plan,
    Script,
)

E = TypeVar("E", bound=enum.Enum)


def load_plan(path: Path) -> Plan:
    data = load_yaml(path)
    return parse_plan(data, str(path))


class _Reader:
    """Typed access to a YAML mapping, with errors that name the plan line."""

    def __init__(self, where: str, data: object, context: str = "plan") -> None:
        self.where = where
        if not isinstance(data, LDict):
            line = getattr(data, "line", None)
            raise EditionError(where, line, f"{context}: expected a mapping")
        self.data = data

    @property
    def line(self) -> int:
        return self.data.line

    def fail(self, key: str | None, message: str) -> NoReturn:
        line = self.data.line_of(key) if key else self.data.line
        raise EditionError(self.where, line, message)

    def text(self, key: str) -> str:
        value = self.optional_text(key)
        if value is None:
            self.fail(None, f"missing field '{key}'")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(key, f"'{key}' must be non-empty text")
        return value.strip()

    def choice(self, key: str, allowed: type[E]) -> E:
        value = self.text(key)
        known = [m.value for m in allowed]
        if value not in known:
            self.fail(key, f"'{key}' is {value!r}; expected one of: {', '.join(known)}")
        return allowed(value)

    def integer(self, key: str) -> int:
        value = self.data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            self.fail(key if key in self.data else None, f"'{key}' must be a line number (1 or more)")
        return value

    def range(self, key: str) -> LineRange:
        found = self.optional_range(key)
        if found is None:
            self.fail(None, f"missing field '{key}'")
        return found

    def optional_range(self, key: str) -> LineRange | None:
        if key not in self.data or self.data[key] is None:
            return None
        return parse_range(self.data[key], self.where, self.data.line_of(key))

    def items(self, key: str) -> list[tuple[object, int]]:
        """The items of a list, each with its plan line."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, LList):
            self.fail(key, f"'{key}' must be a list")
        return list(zip(value, value.item_lines, strict=True))


_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


def parse_range(value: object, where: str, yaml_line: int) -> LineRange:
    """``12`` or ``"12-15"`` (inclusive) as a LineRange."""
    match = _RANGE.match(str(value)) if isinstance(value, (int, str)) else None
    if not match or isinstance(value, bool):
        raise EditionError(where, yaml_line, f"{value!r} is not a line number or range like 12-15")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if first < 1 or last < first:
        raise EditionError(where, yaml_line, f"range {value!r} is empty or starts below line 1")
    return LineRange(first, last, yaml_line)


def parse_plan(data: object, where: str) -> Plan:
    top = _Reader(where, data)
    articles = tuple(_article(where, item) for item, _ in top.items("articles"))
    if not articles:
        top.fail("articles" if "articles" in top.data else None, "a plan needs at least one article")
    return Plan(
        path=where,
        source=top.text("source"),
        title=top.optional_text("title") or "",
        description=top.text("description"),
        layout=top.choice("layout", Layout),
        script=top.choice("script", Script),
        metadata=tuple(_metadata(where, item) for item, _ in top.items("metadata")),
        drops=tuple(_drop(where, item) for item, _ in top.items("drops")),
        emendations=tuple(_emendation(where, item) for item, _ in top.items("emendations")),
        articles=articles,
    )


def _metadata(where: str, item: object) -> Metadata:
    r = _Reader(where, item, "metadata entry")
    return Metadata(r.integer("line"), r.text("key"), r.text("reason"), r.line)


def _drop(where: str, item: object) -> Drop:
    r = _Reader(where, item, "drop entry")
    return Drop(r.range("lines"), r.text("article"), r.text("reason"))


def _emendation(where: str, item: object) -> Emendation:
    r = _Reader(where, item, "emendation")
    return Emendation(
        line=r.integer("line"),
        find=r.text("find"),
        replace=r.text("replace"),
        kind=r.choice("kind", EmendationKind),
        reason=r.text("reason"),
        yaml_line=r.line,
    )


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _article(where: str, item: object) -> ArticlePlan:
    r = _Reader(where, item, "article")
    article_id = r.text("id")
    if not _ID.match(article_id):
        r.fail("id", f"article id {article_id!r} must be lower-case ASCII words joined by '-'")
    fragments = tuple(_fragment(where, f) for f, _ in r.items("fragments"))
    if not fragments:
        r.fail(None, f"article {article_id!r} has no fragments")
    byline = r.data.get("byline")
    return ArticlePlan(
        id=article_id,
        title=r.range("title"),
        byline=_byline(where, byline) if byline is not None else None,
        affiliation=r.optional_range("affiliation"),
        abstract=r.optional_range("abstract"),
        keywords=r.optional_range("keywords"),
        references=r.optional_range("references"),
        headings=tuple(_heading(where, h, line) for h, line in r.items("headings")),
        fragments=fragments,
        yaml_line=r.line,
    )


def _byline(where: str, item: object) -> Byline:
    r = _Reader(where, item, "byline")
    return Byline(r.integer("line"), r.choice("form", BylineForm), r.line)


HEADING_LEVELS = (1, 2, 3)


def _heading(where: str, item: object, yaml_line: int) -> Heading:
    if isinstance(item, LDict):
        r = _Reader(where, item, "heading")
        level = item.get("level", 1)
        if not isinstance(level, int) or isinstance(level, bool) or level not in HEADING_LEVELS:
            r.fail("level", "heading level must be 1, 2 or 3")
        return Heading(r.range("lines"), level)
    return Heading(parse_range(item, where, yaml_line))


def _fragment(where: str, item: object) -> Fragment:
    r = _Reader(where, item, "fragment")
    join = None
    if r.data.get("join") is not None:
        j = _Reader(where, r.data["join"], "join")
        join = Join(j.choice("kind", JoinKind), j.text("reason"))
    return Fragment(
        lines=r.range("lines"),
        join=join,
        move=r.optional_text("move"),
        lacuna=r.optional_text("lacuna"),
    )
