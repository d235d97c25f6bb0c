"""Every rule that rejects a plan against its source, each with its message.

Every non-blank source line must be claimed exactly once: by an article part, a drop,
or a metadata entry.  Headings must sit inside a fragment of their own article.
Fragments must say how they join, and the join must fit the text on either side of
the break; an article must not end mid-sentence; a byline must have its stated form;
an emendation must find its text exactly once on a line that an article prints.
Errors name the plan file and the plan line.

``validate`` runs before anything is built.  Emendations are matched against the
printed (possibly converted) text, which only the build has: it calls
``locate_emendation``, so that rule and its message live here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sizheng_edition.errors import EditionError
from sizheng_edition.model.plan import (
    ArticlePlan,
    BylineForm,
    Emendation,
    Fragment,
    JoinKind,
    LineRange,
    Plan,
)
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import WHITESPACE, WHITESPACE_CHARS, ends_sentence

BYLINE_MARK = "□"


@dataclass(frozen=True)
class Claim:
    line: int
    owner: str  # human description, e.g. "article 'x' fragment"
    yaml_line: int


@dataclass(frozen=True)
class _Part:
    """A range of lines some part of the plan claims."""

    lines: LineRange
    owner: str


def validate(plan: Plan, source: Source) -> None:
    """Reject ``plan`` with an EditionError at the first rule it breaks."""
    if plan.source != source.name:
        raise EditionError(plan.path, None, f"plan is for {plan.source!r}, not {source.name!r}")
    _check_exists(plan, source)  # first: only ranges inside the source are ever enumerated
    claims = list(_claims(plan))
    _check_once(plan, source, claims)
    _check_complete(plan, source, claims)
    _check_headings(plan)
    _check_article_ids(plan)
    for art in plan.articles:
        _check_fragments(plan, source, art)
        _check_byline(plan, source, art)
    _check_emendations_printed(plan, source)


# -- every line claimed once -----------------------------------------------------


def _parts(plan: Plan) -> Iterator[_Part]:
    for meta in plan.metadata:
        yield _Part(LineRange(meta.line, meta.line, meta.yaml_line), f"metadata '{meta.key}'")
    for drop in plan.drops:
        yield _Part(drop.lines, "drop")
    for art in plan.articles:
        for name, rng in _ranged_parts(art).items():
            yield _Part(rng, f"article '{art.id}' {name}")
        if art.byline:
            byline = LineRange(art.byline.line, art.byline.line, art.byline.yaml_line)
            yield _Part(byline, f"article '{art.id}' byline")
        for frag in art.fragments:
            yield _Part(frag.lines, f"article '{art.id}' fragment {frag.lines}")


def _ranged_parts(art: ArticlePlan) -> dict[str, LineRange]:
    """The article's parts given as line ranges, other than its fragments, by name."""
    parts = {
        "title": art.title,
        "affiliation": art.affiliation,
        "abstract": art.abstract,
        "keywords": art.keywords,
        "references": art.references,
    }
    return {name: rng for name, rng in parts.items() if rng is not None}


def _claims(plan: Plan) -> Iterator[Claim]:
    for part in _parts(plan):
        for n in part.lines.numbers():
            yield Claim(n, part.owner, part.lines.yaml_line)


def _check_exists(plan: Plan, source: Source) -> None:
    """Every range ends inside the source: checked on its ends, so that a range like
    13-999999999 fails at once instead of listing a billion line numbers."""
    count = len(source.lines)
    ranged = [(p.lines, p.owner) for p in _parts(plan)]
    ranged += [(h.lines, f"article '{a.id}' heading {h.lines}") for a in plan.articles for h in a.headings]
    for lines, owner in ranged:
        if lines.last > count:
            raise EditionError(
                plan.path,
                lines.yaml_line,
                f"{owner} names line {max(lines.first, count + 1)}, but {source.name} has {count} lines",
            )


def _check_once(plan: Plan, source: Source, claims: list[Claim]) -> None:
    seen: dict[int, Claim] = {}
    for claim in claims:
        if not source.line(claim.line).strip():
            continue  # blank lines inside a range are layout, owned by nobody
        if claim.line in seen:
            first = seen[claim.line]
            raise EditionError(
                plan.path,
                claim.yaml_line,
                f"line {claim.line} is used twice: by {first.owner} (plan line "
                f"{first.yaml_line}) and by {claim.owner}",
            )
        seen[claim.line] = claim


def _check_complete(plan: Plan, source: Source, claims: list[Claim]) -> None:
    claimed = {c.line for c in claims}
    for number, text in enumerate(source.lines, 1):
        if text.strip() and number not in claimed:
            raise EditionError(
                plan.path,
                None,
                f"{source.name} line {number} is not accounted for: give it to an "
                f"article, a drop or metadata ({text.strip()[:20]!r})",
            )


def _check_headings(plan: Plan) -> None:
    for art in plan.articles:
        inside = {n for f in art.fragments for n in f.lines.numbers()}
        for heading in art.headings:
            if not set(heading.lines.numbers()) <= inside:
                raise EditionError(
                    plan.path,
                    heading.lines.yaml_line,
                    f"heading {heading.lines} of article '{art.id}' is not inside its fragments",
                )
            if not any(set(heading.lines.numbers()) <= set(f.lines.numbers()) for f in art.fragments):
                raise EditionError(
                    plan.path,
                    heading.lines.yaml_line,
                    f"heading {heading.lines} of article '{art.id}' is split between fragments: "
                    "a heading must lie inside one fragment",
                )


def _check_article_ids(plan: Plan) -> None:
    ids = [a.id for a in plan.articles]
    for art in plan.articles:
        if ids.count(art.id) > 1:
            raise EditionError(plan.path, art.yaml_line, f"article id '{art.id}' is used twice")
    for drop in plan.drops:
        if drop.article not in ids:
            raise EditionError(
                plan.path, drop.lines.yaml_line, f"drop names unknown article '{drop.article}'"
            )


# -- fragments and their joins ----------------------------------------------------


@dataclass(frozen=True)
class _Ends:
    """What the build needs to know of the two sides of a break between fragments."""

    source: Source
    heading_starts: frozenset[int]  # first lines of the article's headings
    heading_lines: frozenset[int]  # every printed line of its headings

    @classmethod
    def of(cls, source: Source, art: ArticlePlan) -> _Ends:
        return cls(
            source,
            frozenset(h.lines.first for h in art.headings),
            frozenset(n for h in art.headings for n in source.nonblank(h.lines.numbers())),
        )

    def is_open(self, line: int) -> bool:
        """A paragraph (not a heading) breaks off mid-sentence after ``line``."""
        return line not in self.heading_lines and not ends_sentence(self.source.line(line))

    def starts_heading(self, line: int) -> bool:
        return line in self.heading_starts


def _check_fragments(plan: Plan, source: Source, art: ArticlePlan) -> None:
    ends = _Ends.of(source, art)
    last: int | None = None  # the last printed line of the fragment before
    for frag in art.fragments:
        lines = source.nonblank(frag.lines.numbers())
        if not lines:
            raise EditionError(plan.path, frag.lines.yaml_line, f"fragment {frag.lines} has no text")
        _check_join(plan, art, frag, last, lines[0], ends)
        last = lines[-1]
    if last is not None and ends.is_open(last):
        raise EditionError(
            plan.path,
            art.fragments[-1].lines.yaml_line,
            f"article '{art.id}' ends mid-sentence at line {last}; add the fragment that continues it",
        )


def _check_join(
    plan: Plan, art: ArticlePlan, frag: Fragment, prev_line: int | None, first_line: int, ends: _Ends
) -> None:
    """``prev_line`` is the last printed line of the fragment before (None for the
    article's first), ``first_line`` the first of this one."""
    where = (plan.path, frag.lines.yaml_line)
    if prev_line is None:
        if frag.join:
            raise EditionError(*where, "the first fragment of an article cannot join a previous one")
        return
    if frag.join is None:
        raise EditionError(
            *where,
            f"fragment {frag.lines} of '{art.id}': say how it joins the previous fragment "
            "(join: kind word, sentence or paragraph, with a reason)",
        )
    if frag.join.kind is JoinKind.PARAGRAPH:
        if ends.is_open(prev_line) and not frag.lacuna:
            raise EditionError(
                *where,
                f"line {prev_line} ends mid-sentence, so a 'paragraph' join would leave the "
                "sentence unfinished: use kind word or sentence, or mark a lacuna",
            )
        return
    if not ends.is_open(prev_line):
        raise EditionError(
            *where,
            f"line {prev_line} ends a sentence or heading, so a '{frag.join.kind}' join would run "
            "two paragraphs together: use kind paragraph",
        )
    if ends.starts_heading(first_line):
        raise EditionError(
            *where, f"fragment {frag.lines} starts with a heading and cannot continue a sentence"
        )


# -- bylines -----------------------------------------------------------------------


def _check_byline(plan: Plan, source: Source, art: ArticlePlan) -> None:
    if not art.byline:
        return
    byline = art.byline
    if not byline_fits(source.line(byline.line), byline.form):
        raise EditionError(
            plan.path, byline.yaml_line, f"byline line {byline.line} does not have the form '{byline.form}'"
        )
    if byline.form is not BylineForm.MARK_AUTHOR and art.affiliation:
        raise EditionError(
            plan.path, byline.yaml_line, "affiliation given twice: in the byline and as a line"
        )


def byline_fits(text: str, form: BylineForm) -> bool:
    """A byline with only an author has no inner space; one with an affiliation has one
    (or more) between it and the author.  The mark and the line's edge spaces aside."""
    if form.has_mark:
        text = text.lstrip(BYLINE_MARK + WHITESPACE_CHARS)
    spaced = any(c in WHITESPACE for c in text.strip(WHITESPACE_CHARS))
    return not spaced if form is BylineForm.MARK_AUTHOR else spaced


# -- emendations ---------------------------------------------------------------------


def _check_emendations_printed(plan: Plan, source: Source) -> None:
    printed = {n for art in plan.articles for n in _printed_lines(source, art)}
    for em in plan.emendations:
        if em.line not in printed:
            raise EditionError(
                plan.path, em.yaml_line, f"emendation on line {em.line}, which no article prints"
            )


def _printed_lines(source: Source, art: ArticlePlan) -> Iterator[int]:
    """The lines of which the article prints (or removes by a rule) some character."""
    if art.byline and source.line(art.byline.line):
        yield art.byline.line  # the byline is printed whole, even if only white space
    for rng in _ranged_parts(art).values():
        yield from source.nonblank(rng.numbers())
    for frag in art.fragments:
        yield from source.nonblank(frag.lines.numbers())


def locate_emendation(plan: Plan, em: Emendation, printed: str) -> int:
    """Where in ``printed``, the printed text of the emendation's line, its text begins."""
    hits = [m.start() for m in re.finditer(re.escape(em.find), printed)]
    if len(hits) != 1:
        found = "not found" if not hits else f"found {len(hits)} times"
        raise EditionError(plan.path, em.yaml_line, f"emendation text {em.find!r} {found} on line {em.line}")
    return hits[0]
