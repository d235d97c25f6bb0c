"""Checking a plan against its source before anything is built.

Every non-blank source line must be claimed exactly once: by an article part,
a drop, or a metadata entry.  Headings must sit inside a fragment of their own
article.  Errors name the plan file and the plan line.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.errors import EditionError
from sizheng_edition.model.plan import LineRange, Plan
from sizheng_edition.model.source import Source


@dataclass(frozen=True)
class Claim:
    line: int
    owner: str  # human description, e.g. "article 'x' fragment"
    yaml_line: int


def validate(plan: Plan, source: Source) -> None:
    if plan.source != source.name:
        raise EditionError(plan.path, None, f"plan is for {plan.source!r}, not {source.name!r}")
    claims = list(_claims(plan))
    for claim in claims:
        _check_exists(plan, source, claim)
    _check_once(plan, source, claims)
    _check_complete(plan, source, claims)
    _check_headings(plan)
    _check_article_ids(plan)


def _ranges(plan: Plan):
    for meta in plan.metadata:
        yield LineRange(meta.line, meta.line, meta.yaml_line), f"metadata '{meta.key}'"
    for drop in plan.drops:
        yield drop.lines, "drop"
    for art in plan.articles:
        parts = {
            "title": art.title,
            "affiliation": art.affiliation,
            "abstract": art.abstract,
            "keywords": art.keywords,
            "references": art.references,
        }
        if art.byline:
            parts["byline"] = LineRange(art.byline.line, art.byline.line, art.byline.yaml_line)
        for name, rng in parts.items():
            if rng is not None:
                yield rng, f"article '{art.id}' {name}"
        for frag in art.fragments:
            yield frag.lines, f"article '{art.id}' fragment {frag.lines}"


def _claims(plan: Plan):
    for rng, owner in _ranges(plan):
        for n in rng.numbers():
            yield Claim(n, owner, rng.yaml_line)


def _check_exists(plan: Plan, source: Source, claim: Claim) -> None:
    if claim.line > len(source.lines):
        raise EditionError(
            plan.path,
            claim.yaml_line,
            f"{claim.owner} names line {claim.line}, but {source.name} has {len(source.lines)} lines",
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
