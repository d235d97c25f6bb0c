"""Drafting a plan, step 3: the draft as a typed plan, with the evidence for each guess
and everything the draft is unsure of as comments, written by ``load.plan_dump``.

The output is a plan in the format of conf/plans: it loads and builds as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from sizheng_edition.draft.model import DetectedLayout, DetectedScript, DraftArticle, DraftSource, Line
from sizheng_edition.load.plan_dump import Above, Comments, Field, Remark, Target, dump_plan
from sizheng_edition.model.plan import (
    ArticlePlan,
    Byline,
    Drop,
    Fragment,
    Heading,
    Join,
    LineRange,
    Metadata,
    Plan,
)
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import han_only
from sizheng_edition.text.pinyin import display, slug, syllables

_MOVED = "DRAFT: printed away from its article; it continues into it (see the join below)."


@dataclass(frozen=True)
class DraftPlan:
    plan: Plan
    comments: Comments


def render_draft(source: Source, script: DetectedScript, layout: DetectedLayout, draft: DraftSource) -> str:
    written = draft_plan(source, script, layout, draft)
    return dump_plan(written.plan, written.comments)


def draft_plan(
    source: Source, script: DetectedScript, layout: DetectedLayout, draft: DraftSource
) -> DraftPlan:
    by_no = {ln.number: ln for ln in draft.lines}
    ids = [_article_id(by_no[a.title], k) for k, a in enumerate(draft.articles)]
    articles = [_article(art, art_id, by_no) for art, art_id in zip(draft.articles, ids, strict=True)]
    plan = Plan(
        path=f"{source.name} (draft)",
        source=source.name,
        title="DRAFT",
        description="DRAFT: describe the witness and its damage.",
        layout=layout.name,
        script=script.name.plan_script,
        metadata=tuple(Metadata(n, "column", by_no[n].why) for n in draft.metadata),
        drops=tuple(Drop(_single(d.line), ids[d.article], d.reason) for d in draft.drops),
        emendations=(),
        articles=tuple(a.plan for a in articles),
    )
    header = (
        f"DRAFT plan for {source.name}, written by `edition draft`: review every line",
        "before renaming it to conf/plans/<key>.yaml.  Comments give the evidence for each",
        "guess and its confidence (0-1); nothing here has been decided by an editor.",
    )
    script_note = f"script: {script.why}"
    if script.name.plan_script.value != script.name.value:
        script_note += f" (planned as {script.name.plan_script.value}: the edition converts it to simplified)"
    comments = Comments(
        header=header,
        above=(
            Above(Field.LAYOUT, (f"layout: {layout.why}",)),
            Above(Field.SCRIPT, (script_note,)),
            Above(Field.METADATA, tuple(f"DOUBT: {d}" for d in draft.doubts)),
        ),
        remarks=tuple(r for a in articles for r in a.remarks),
    )
    return DraftPlan(plan, comments)


def _single(n: int) -> LineRange:
    return LineRange(n, n)


def _span(numbers: list[int]) -> LineRange:
    return LineRange(numbers[0], numbers[-1])


def _article_id(title: Line, k: int) -> str:
    han = han_only(title.stripped)[:6]
    words = slug(display(han, syllables(han))) if han else ""
    return f"draft-{k + 1}-{words}" if words else f"draft-{k + 1}"


@dataclass(frozen=True)
class _WrittenArticle:
    plan: ArticlePlan
    remarks: tuple[Remark, ...]


def _article(art: DraftArticle, art_id: str, by_no: dict[int, Line]) -> _WrittenArticle:
    remarks = [Remark(art_id, Target.TITLE, by_no[art.title].stripped[:30])]
    remarks += [Remark(art_id, Target.HEADING, by_no[h[0]].why, h[0]) for h in art.headings]
    joins = {j.after: j for j in art.joins}
    fragments = []
    for k, frag in enumerate(art.fragments):
        join = joins.get(frag.lines[0]) if k else None
        if join is not None:
            remarks.append(Remark(art_id, Target.JOIN, f"confidence {join.confidence}", frag.lines[0]))
        reason = "DRAFT: " + ("; ".join(join.evidence) or "no evidence found") if join else ""
        fragments.append(
            Fragment(
                lines=_span(frag.lines),
                join=Join(join.kind, reason) if join else None,
                move=_MOVED if frag.moved else None,
            )
        )
    plan = ArticlePlan(
        id=art_id,
        title=_single(art.title),
        byline=_byline(art.byline),
        affiliation=_single(art.affiliation) if art.affiliation is not None else None,
        abstract=_single(art.abstract) if art.abstract is not None else None,
        keywords=_single(art.keywords) if art.keywords is not None else None,
        references=_span(art.references) if art.references else None,
        headings=tuple(Heading(_span(h)) for h in art.headings),
        fragments=tuple(fragments),
    )
    return _WrittenArticle(plan, tuple(remarks))


def _byline(line: Line | None) -> Byline | None:
    if line is None or line.byline_form is None:
        return None
    return Byline(line.number, line.byline_form)
