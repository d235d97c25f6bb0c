"""Drafting a plan, step 3: the draft as a typed plan, with the evidence for each guess
and everything the draft is unsure of as comments, written by ``load.plan_dump``.

The output is a plan in the format of conf/plans: it loads and builds as it is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sizheng_edition.draft.article_ids import article_ids
from sizheng_edition.draft.model import (
    DetectedLayout,
    DetectedScript,
    DraftArticle,
    DraftSource,
    Furniture,
    Kind,
    Line,
)
from sizheng_edition.draft.model import Fragment as Fragment_
from sizheng_edition.load.plan_dump import Above, Comments, Field, Remark, Target, dump_plan
from sizheng_edition.model.plan import (
    ArticlePlan,
    Byline,
    Drop,
    Fragment,
    Heading,
    Join,
    JoinKind,
    LineRange,
    Metadata,
    Plan,
)
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import ends_sentence

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
    ids = article_ids(draft)  # of every article, so that the plan's ids are the --json ids
    articles = [
        _article(art, art_id, by_no)
        for art, art_id in zip(draft.articles, ids, strict=True)
        if art.title is not None or art.fragments  # an article the self-check emptied is not written
    ]
    plan = Plan(
        path=f"{source.name} (draft)",
        source=source.name,
        title="DRAFT",
        description="DRAFT: describe the witness and its damage.",
        layout=layout.name,
        script=script.name.plan_script,
        metadata=tuple(Metadata(n, _metadata_key(by_no[n]), by_no[n].why) for n in draft.metadata),
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


def _metadata_key(line: Line) -> str:
    """The plan's name for what a metadata line is (the transcription shows it): a page
    number is not a column label.  Every label and furniture line has its kind; a line
    without one keeps the plan's usual key."""
    return (line.furniture or Furniture.COLUMN).value


def _single(n: int) -> LineRange:
    return LineRange(n, n)


def _span(numbers: list[int]) -> LineRange:
    return LineRange(numbers[0], numbers[-1])


@dataclass(frozen=True)
class _WrittenArticle:
    plan: ArticlePlan
    remarks: tuple[Remark, ...]


def _article(art: DraftArticle, art_id: str, by_no: dict[int, Line]) -> _WrittenArticle:
    art, title_note = _with_title(art)
    assert art.title is not None
    remarks = [Remark(art_id, Target.TITLE, title_note or by_no[art.title].stripped[:30])]
    remarks += [Remark(art_id, Target.HEADING, by_no[h[0]].why, h[0]) for h in art.headings]
    joins = {j.after: j for j in art.joins}
    heading_lines = {n for h in art.headings for n in h}
    # a plan's headings are the parts a page break leaves of them (see ``headings`` below)
    heading_starts = {part[0] for h in art.headings for part in _contiguous(h, by_no)}
    fragments = []
    last: int | None = None
    for k, frag in enumerate(art.fragments):
        for j, part in enumerate(_contiguous(frag.lines, by_no)):
            join = joins.get(part[0]) if k and not j else None
            lacuna = None
            if last is None:
                kind, reason = None, ""
            elif join is None:
                kind = _kind(by_no, last, heading_lines, JoinKind.PARAGRAPH)
                reason = "DRAFT: a running head, page number or other line stands between"
            else:
                remarks.append(Remark(art_id, Target.JOIN, f"confidence {join.confidence}", part[0]))
                kind = _kind(by_no, last, heading_lines, join.kind)
                reason = "DRAFT: " + ("; ".join(join.evidence) or "no evidence found")
            if last is not None and kind is not None and kind.runs_on and part[0] in heading_starts:
                # a sentence cannot run on into a heading: the plan marks the text lost
                # between them (the build accepts a paragraph after an open line only so)
                kind, lacuna = JoinKind.PARAGRAPH, _HEADING_AFTER_OPEN
                remarks.append(Remark(art_id, Target.JOIN, _heading_after_open(last, part[0]), part[0]))
            fragments.append(
                Fragment(
                    lines=_span(part),
                    join=Join(kind, reason) if kind is not None else None,
                    move=_MOVED if frag.moved and not j else None,
                    lacuna=lacuna,
                )
            )
            last = part[-1]
    plan = ArticlePlan(
        id=art_id,
        title=_single(art.title),
        byline=_byline(art.byline),
        affiliation=_single(art.affiliation) if art.affiliation is not None else None,
        abstract=_single(art.abstract) if art.abstract is not None else None,
        keywords=_single(art.keywords) if art.keywords is not None else None,
        references=_span(art.references) if art.references else None,
        # a plan's heading lies inside one fragment: a heading the page breaks is written
        # as its parts (the --json reading keeps it one heading)
        headings=tuple(Heading(_span(part)) for h in art.headings for part in _contiguous(h, by_no)),
        fragments=tuple(fragments),
    )
    return _WrittenArticle(plan, tuple(remarks))


_HEADING_AFTER_OPEN = "DRAFT: the line before breaks off mid-sentence and this fragment opens with a heading"


def _heading_after_open(before: int, heading: int) -> str:
    return (
        f"DOUBT: line {before} breaks off mid-sentence, and line {heading}, the heading that opens "
        "this fragment, cannot continue it: a lacuna is marked between them; or line "
        f"{heading} is no heading, or line {before} runs on into another line, or this fragment "
        "belongs elsewhere"
    )


def _contiguous(numbers: list[int], by_no: dict[int, Line]) -> list[list[int]]:
    """A fragment's lines cut where a line of something else (a running head, a page
    number, another article's line) stands between them: a plan's range is contiguous."""
    parts: list[list[int]] = []
    for n in numbers:
        between = range(parts[-1][-1] + 1, n) if parts else range(0)
        if parts and all(by_no[p].kind is Kind.BLANK for p in between):
            parts[-1].append(n)
        else:
            parts.append([n])
    return parts


def _kind(by_no: dict[int, Line], prev: int, headings: set[int], proposed: JoinKind) -> JoinKind:
    """The join kind the build accepts: a paragraph after a line that ends its sentence
    (or a heading), a run-on after one that breaks off."""
    closed = prev in headings or ends_sentence(by_no[prev].text)
    if closed:
        return JoinKind.PARAGRAPH
    return proposed if proposed.runs_on else JoinKind.SENTENCE


def _with_title(art: DraftArticle) -> tuple[DraftArticle, str | None]:
    """A plan's article needs a title line.  Where none is printed, the first line of
    text stands in for it, and the remark says so: the editor must decide."""
    if art.title is not None:
        return art, None
    first = art.fragments[0].lines[0]
    rest = [
        Fragment_(f.lines[1:] if k == 0 else list(f.lines), f.header, f.article, f.moved)
        for k, f in enumerate(art.fragments)
    ]
    kept = [f for f in rest if f.lines]
    joins = [j for j in art.joins if j.after != (kept[0].lines[0] if kept else None)]
    stand_in = dataclasses.replace(
        art,
        title=first,
        fragments=kept,
        joins=joins,
        headings=[h for h in art.headings if first not in h],
        paragraph_starts=[n for n in art.paragraph_starts if n != first],
    )
    note = f"DOUBT: no title printed; line {first}, the first line of text, stands in so the plan loads"
    return stand_in, note


def _byline(line: Line | None) -> Byline | None:
    if line is None or line.byline_form is None:
        return None
    return Byline(line.number, line.byline_form)
