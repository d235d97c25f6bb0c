"""The draft line by line: each line's role, article and confidence, with the evidence
for it and the alternatives rejected (``edition draft --json`` and ``--explain``)."""

from __future__ import annotations

import dataclasses
import json

from sizheng_edition.draft.article_ids import article_ids
from sizheng_edition.draft.model import DraftArticle, DraftSource, Kind, LineDecision, LineRole
from sizheng_edition.model.plan import Layout

_SURE = 0.95  # a line whose class its shape settles (title above a byline, [n] reference)


def decisions(draft: DraftSource) -> list[LineDecision]:
    """One decision for every line of the witness, in order."""
    by_no = {ln.number: ln for ln in draft.lines}
    ids = article_ids(draft)
    out: dict[int, LineDecision] = {}
    for ln in draft.lines:
        if ln.kind is Kind.BLANK:
            out[ln.number] = LineDecision(ln.number, LineRole.BLANK, None, 1.0, ("blank",))
    for n in draft.metadata:
        out[n] = LineDecision(n, LineRole.METADATA, None, 0.8, (by_no[n].why,), by_no[n].rejected)
    for d in draft.drops:
        out[d.line] = LineDecision(d.line, LineRole.DROPPED, ids[d.article], 0.8, (d.reason,))
    for art, art_id in zip(draft.articles, ids, strict=True):
        out.update({d.line: d for d in _article(art, art_id, draft)})
    for ln in draft.lines:  # nothing may go unaccounted for; say so if something did
        if ln.number not in out:
            out[ln.number] = LineDecision(
                ln.number, LineRole.METADATA, None, 0.0, ("DOUBT: no part of the draft claims it",)
            )
    return _column_breaks([out[n] for n in sorted(out)])


def _column_breaks(found: list[LineDecision]) -> list[LineDecision]:
    """``continues`` names a join across a column break only: the piece runs back up the
    page, or another article's lines stand between.  A piece that follows its own article's
    previous piece with nothing of another article between just runs on (the plan still
    joins them)."""
    out = []
    for d in found:
        if d.continues is not None and d.continues < d.line:
            between = found[d.continues : d.line - 1]
            if all(b.article in (None, d.article) for b in between):
                d = dataclasses.replace(d, continues=None)
        out.append(d)
    return out


def _article(art: DraftArticle, art_id: str, draft: DraftSource) -> list[LineDecision]:
    lines = {ln.number: ln for ln in draft.lines}
    made: list[LineDecision] = []

    def add(n: int | None, role: LineRole, conf: float, *evidence: str) -> None:
        if n is not None:
            made.append(LineDecision(n, role, art_id, conf, (*evidence, lines[n].why), lines[n].rejected))

    add(art.title, LineRole.TITLE, _SURE)
    add(art.byline.number if art.byline else None, LineRole.BYLINE, _SURE)
    add(art.affiliation, LineRole.AFFILIATION, _SURE)
    add(art.keywords, LineRole.KEYWORDS, 0.8)
    for n in art.references:
        add(n, LineRole.REFERENCE, 0.9)
    abstract = set(art.abstract_lines)
    for n in sorted(abstract):
        role = LineRole.ABSTRACT if n == min(abstract) else LineRole.CONTINUATION
        add(n, role, 0.7, "between the byline and the keywords")
    heading_role = {h[0]: LineRole.HEADING for h in art.headings} | {
        n: LineRole.CONTINUATION for h in art.headings for n in h[1:]
    }
    starts = set(art.paragraph_starts)
    joins = {j.after: j for j in art.joins}
    # the line read before each line of the article's text: where it is not the line just
    # above (a piece moved to this article, or printed out of place) the reading order
    # crosses a column break even without a join of its own
    order = [n for frag in art.fragments for n in frag.lines]
    before = dict(zip(order[1:], order, strict=False))
    confidence = art.confidence
    for frag in art.fragments:
        for n in frag.lines:
            join = joins.get(n)
            conf = min(confidence, join.confidence) if join else confidence
            evidence = [f"in article {art_id}: {art.why}"]
            if join:
                evidence.append(f"continues line {join.before} ({join.kind}): " + "; ".join(join.evidence))
            if n in heading_role:
                role = heading_role[n]
            elif n in starts:
                role = LineRole.PARAGRAPH_START
            else:
                role = LineRole.CONTINUATION
            if draft.layout.name is Layout.WRAPPED and n not in heading_role:
                evidence.append("wrapped page: a paragraph starts after a line that closes its sentence")
            made.append(
                LineDecision(
                    n,
                    role,
                    art_id,
                    round(conf, 2),
                    (*evidence, lines[n].why),
                    lines[n].rejected,
                    join.before if join else before.get(n),
                )
            )
    return made


def as_json(found: list[LineDecision]) -> str:
    return json.dumps([d.as_json() for d in found], ensure_ascii=False, indent=1) + "\n"


def explain(found: list[LineDecision], texts: list[str]) -> str:
    """Each line's decision, its evidence and the alternatives it rejected, for reading."""
    out = []
    for d in found:
        if d.role is LineRole.BLANK:
            continue
        where = f" [{d.article}]" if d.article else ""
        out.append(
            f"{d.line:>4} {d.role.value}{where} ({d.confidence:.2f}): {texts[d.line - 1].strip()[:24]}"
        )
        out += [f"       because {e}" for e in d.evidence if e]
        out += [f"       not {r}" for r in d.rejected]
    return "\n".join(out) + "\n"
