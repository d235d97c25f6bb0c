"""The build stage's entry point: a Source and its Plan in, an EditionSource out.

Pure.  The plan is validated first (``build.validate``); where the rules and the plan
would disagree, the plan is rejected rather than followed silently (docs/plans.md).
"""

from __future__ import annotations

from sizheng_edition.build.article import build_article
from sizheng_edition.build.context import Context
from sizheng_edition.build.fates import discards, dispositions
from sizheng_edition.build.original_forms import original_forms
from sizheng_edition.build.validate import validate
from sizheng_edition.model.edition import EditionSource
from sizheng_edition.model.plan import Plan
from sizheng_edition.model.source import Source


def build_source(source: Source, plan: Plan) -> EditionSource:
    validate(plan, source)
    ctx = Context.of(source, plan)
    articles = tuple(build_article(ctx, art) for art in plan.articles)
    return EditionSource(
        source=source,
        title=plan.title,
        description=plan.description,
        layout=plan.layout,
        script=plan.script,
        metadata=tuple((m.key, source.line(m.line).strip()) for m in plan.metadata),
        articles=articles,
        dispositions=dispositions(ctx, articles),
        discards=discards(ctx),
        original_forms=original_forms(source, plan),
    )
