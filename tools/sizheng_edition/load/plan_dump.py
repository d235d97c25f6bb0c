"""Writing a plan: the typed model of ``model.plan`` as YAML in the format of
conf/plans, with comments for the editor.

The one rule: ``parse_plan(parse_yaml(dump_plan(plan)))`` equals ``plan``; a plan with a
text that would not read back equal (a line break, white space at an end) is refused.
The first line names the plan schema, for the editor's YAML language server.  Every free
text is written as a JSON string (a JSON string is a YAML double-quoted scalar), with
the characters YAML would read differently escaped too, so no reason, however it is
worded, can change the shape of the plan.  Comments are attached by what they explain
(a top-level field, an article's title, byline, heading, fragment or join), never by
position in the output, and are flattened to one line each: a comment cannot end early.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

import yaml

from sizheng_edition.load.schema import Format
from sizheng_edition.load.yaml_lines import has_line_break
from sizheng_edition.model.plan import (
    ArticlePlan,
    Drop,
    Emendation,
    Fragment,
    Heading,
    LineRange,
    Metadata,
    OriginalForm,
    Plan,
)
from sizheng_edition.text.chars import code_point, hidden_class


class Field(enum.Enum):
    """The top-level fields of a plan, in the order they are written."""

    SOURCE = "source"
    TITLE = "title"
    DESCRIPTION = "description"
    LAYOUT = "layout"
    SCRIPT = "script"
    METADATA = "metadata"
    DROPS = "drops"
    EMENDATIONS = "emendations"
    ORIGINAL_FORMS = "original_forms"
    ARTICLES = "articles"


class Target(enum.Enum):
    """The element of an article an end-of-line comment explains."""

    TITLE = "title"
    BYLINE = "byline"
    HEADING = "heading"  # named by the first source line of the heading
    FRAGMENT = "fragment"  # named by the first source line of the fragment
    JOIN = "join"  # the join into the fragment named by its first source line


@dataclass(frozen=True)
class Above:
    """Comment lines written above a top-level field (also where the field is absent)."""

    field: Field
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Remark:
    """An end-of-line comment on one element of one article."""

    article: str  # ArticlePlan.id
    target: Target
    text: str
    line: int | None = None  # first source line of the heading or fragment; None for title, byline


@dataclass(frozen=True)
class Comments:
    header: tuple[str, ...] = ()  # comment lines at the top of the file
    above: tuple[Above, ...] = ()
    remarks: tuple[Remark, ...] = ()

    def lines_above(self, field: Field) -> list[str]:
        return [line for a in self.above if a.field is field for line in a.lines]

    def remark(self, article: str, target: Target, line: int | None = None) -> str | None:
        found = [r.text for r in self.remarks if (r.article, r.target, r.line) == (article, target, line)]
        return "; ".join(found) if found else None


NO_COMMENTS = Comments()

# The first line: the schema a YAML language server checks the plan against, relative to
# the plan's place in conf/plans/ (docs/editor-setup.md).
MODELINE = f"# yaml-language-server: $schema=../schema/{Format.PLAN.value}"

# What YAML cannot hold literally in a double-quoted scalar: characters outside its
# printable set (the reader rejects them) and the line breaks YAML 1.1 knows besides
# \n and \r (a raw one would fold into a space).
_NOT_LITERAL = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def quote(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back as exactly ``value``."""
    return _NOT_LITERAL.sub(lambda m: _escape(m.group()), json.dumps(value, ensure_ascii=False))


def token(value: str) -> str:
    """An identifier or enum value, plain where YAML reads it back as the same string."""
    plain = _TOKEN.fullmatch(value) is not None and yaml.safe_load(value) == value  # not yes, null, ...
    return value if plain else quote(value)


def comment(text: str) -> str:
    """One comment line's worth of ``text``: line breaks become spaces, and characters
    YAML rejects are spelled as escapes."""
    flat = " ".join(text.splitlines())
    return _NOT_LITERAL.sub(lambda m: _escape(m.group()), flat)


def line_range(r: LineRange) -> str:
    return str(r.first) if r.first == r.last else f"{r.first}-{r.last}"


def _check_text(value: str, what: str) -> str:
    """Plan texts are read stripped, non-empty and on one line (a title with a line break
    is refused, longer texts are folded); any other text would not read back equal."""
    if not value or value != value.strip() or has_line_break(value):
        raise ValueError(
            f"{what} {value!r} is empty, has white space at an end or a line break: it would not read back"
        )
    refused = [ch for ch in value if (kind := hidden_class(ch)) is not None and kind.rejected]
    if refused:  # the loader refuses these in any text (docs/characters.md)
        raise ValueError(f"{what} {value!r} holds {code_point(refused[0])}: it would not read back")
    return value


def dump_plan(plan: Plan, comments: Comments = NO_COMMENTS) -> str:
    """``plan`` as YAML in the format of conf/plans, with ``comments``."""
    out = [MODELINE, *(f"# {comment(c)}" for c in comments.header)]
    sections: dict[Field, list[str]] = {
        Field.SOURCE: [f"source: {quote(_check_text(plan.source, 'source'))}"],
        Field.TITLE: [f"title: {quote(_check_text(plan.title, 'title'))}"] if plan.title else [],
        Field.DESCRIPTION: [f"description: {quote(_check_text(plan.description, 'description'))}"],
        Field.LAYOUT: [f"layout: {token(plan.layout.value)}"],
        Field.SCRIPT: [f"script: {token(plan.script.value)}"],
        Field.METADATA: _list("metadata", [_metadata(m) for m in plan.metadata]),
        Field.DROPS: _list("drops", [_drop(d) for d in plan.drops]),
        Field.EMENDATIONS: _list("emendations", [_emendation(e) for e in plan.emendations]),
        Field.ORIGINAL_FORMS: _list("original_forms", [_original_form(f) for f in plan.original_forms]),
        Field.ARTICLES: _articles(plan.articles, comments),
    }
    spaced = (Field.METADATA, Field.DROPS, Field.EMENDATIONS, Field.ORIGINAL_FORMS, Field.ARTICLES)
    for field in Field:
        body = sections[field]
        if field in spaced and body:
            out.append("")
        out += [f"# {comment(c)}" for c in comments.lines_above(field)]
        out += body
    return "\n".join(out) + "\n"


def _list(key: str, items: list[list[str]]) -> list[str]:
    if not items:
        return []
    return [f"{key}:", *(line for item in items for line in item)]


def _item(fields: Iterable[tuple[str, str]], indent: int = 2) -> list[str]:
    """A block mapping as an item of a list: ``- key: value`` then the other keys."""
    out = []
    for k, (key, value) in enumerate(fields):
        lead = " " * indent + ("- " if k == 0 else "  ")
        out.append(f"{lead}{key}: {value}")
    return out


def _metadata(m: Metadata) -> list[str]:
    key = token(_check_text(m.key, "key"))
    reason = quote(_check_text(m.reason, "reason"))
    return [f"  - {{line: {m.line}, key: {key}, reason: {reason}}}"]


def _drop(d: Drop) -> list[str]:
    article = token(_check_text(d.article, "article"))
    reason = quote(_check_text(d.reason, "reason"))
    return [f"  - {{lines: {line_range(d.lines)}, article: {article}, reason: {reason}}}"]


def _emendation(e: Emendation) -> list[str]:
    return _item(
        [
            ("line", str(e.line)),
            ("find", quote(_check_text(e.find, "find"))),
            ("replace", quote(_check_text(e.replace, "replace"))),
            ("kind", token(e.kind.value)),
            ("reason", quote(_check_text(e.reason, "reason"))),
        ]
    )


def _original_form(f: OriginalForm) -> list[str]:
    return _item(
        [
            ("form", quote(_check_text(f.form, "form"))),
            ("correct", quote(_check_text(f.correct, "correct"))),
            ("reason", quote(_check_text(f.reason, "reason"))),
        ]
    )


def _eol(text: str | None) -> str:
    return f"  # {comment(text)}" if text else ""


def _articles(articles: tuple[ArticlePlan, ...], comments: Comments) -> list[str]:
    out = ["articles:"]
    for k, art in enumerate(articles):
        if k:
            out.append("")
        out += _article(art, comments)
    return out


def _article(art: ArticlePlan, comments: Comments) -> list[str]:
    aid = _check_text(art.id, "article id")
    out = [
        f"  - id: {token(aid)}",
        f"    title: {line_range(art.title)}{_eol(comments.remark(aid, Target.TITLE))}",
    ]
    if art.byline is not None:
        byline = f"{{line: {art.byline.line}, form: {token(art.byline.form.value)}}}"
        out.append(f"    byline: {byline}{_eol(comments.remark(aid, Target.BYLINE))}")
    for key, value in (
        ("affiliation", art.affiliation),
        ("abstract", art.abstract),
        ("keywords", art.keywords),
        ("references", art.references),
    ):
        if value is not None:
            out.append(f"    {key}: {line_range(value)}")
    if art.description is not None:
        out.append(f"    description: {quote(_check_text(art.description, 'description'))}")
    if art.setting is not None:
        out.append(f"    setting: {token(art.setting.value)}")
    remarks = [comments.remark(aid, Target.HEADING, h.lines.first) for h in art.headings]
    if art.headings and not any(remarks) and all(h.level == 1 for h in art.headings):
        out.append(f"    headings: [{', '.join(line_range(h.lines) for h in art.headings)}]")
    elif art.headings:
        out.append("    headings:")
        out += [_heading(h, remark) for h, remark in zip(art.headings, remarks, strict=True)]
    out.append("    fragments:" if art.fragments else "    fragments: []")
    for frag in art.fragments:
        out += _fragment(frag, aid, comments)
    return out


def _heading(h: Heading, remark: str | None) -> str:
    if h.level == 1:
        return f"      - {line_range(h.lines)}{_eol(remark)}"
    return f"      - {{lines: {line_range(h.lines)}, level: {h.level}}}{_eol(remark)}"


def _fragment(frag: Fragment, aid: str, comments: Comments) -> list[str]:
    first = frag.lines.first
    out = [f"      - lines: {line_range(frag.lines)}{_eol(comments.remark(aid, Target.FRAGMENT, first))}"]
    if frag.move is not None:
        out.append(f"        move: {quote(_check_text(frag.move, 'move'))}")
    if frag.lacuna is not None:
        out.append(f"        lacuna: {quote(_check_text(frag.lacuna, 'lacuna'))}")
    if frag.join is not None:
        out += [
            f"        join:{_eol(comments.remark(aid, Target.JOIN, first))}",
            f"          kind: {token(frag.join.kind.value)}",
            f"          reason: {quote(_check_text(frag.join.reason, 'reason'))}",
        ]
    return out
