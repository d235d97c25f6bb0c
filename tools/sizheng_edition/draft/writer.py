"""Drafting a plan, step 3: the draft written as a plan for the editor to review.

The output is a plan in the format of conf/plans (it loads and builds as it is), with
the evidence for each guess and everything the draft is unsure of as YAML comments.
"""

from __future__ import annotations

import json

from sizheng_edition.draft.lines import Layout, Line, Script
from sizheng_edition.draft.structure import DraftArticle, DraftSource, Join
from sizheng_edition.model.source import Source
from sizheng_edition.text.chars import han_only
from sizheng_edition.text.pinyin import display, slug, syllables

PLAN_SCRIPTS = {
    "simplified": "simplified",
    "converted-traditional": "converted-traditional",
    "traditional": "converted-traditional",
}


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _range(numbers: list[int]) -> str:
    return str(numbers[0]) if numbers[0] == numbers[-1] else f"{numbers[0]}-{numbers[-1]}"


def render_draft(source: Source, script: Script, layout: Layout, draft: DraftSource) -> str:
    by_no = {ln.number: ln for ln in draft.lines}
    out = [
        f"# DRAFT plan for {source.name}, written by `edition draft`: review every line",
        "# before renaming it to conf/plans/<key>.yaml.  Comments give the evidence for each",
        "# guess and its confidence (0-1); nothing here has been decided by an editor.",
        f"source: {_q(source.name)}",
        "title: DRAFT",
        "description: >-",
        "  DRAFT: describe the witness and its damage.",
        f"# script: {script.why}",
        f"script: {PLAN_SCRIPTS[script.name]}",
        f"# layout: {layout.why}",
        f"layout: {layout.name}",
    ]
    out += [f"# DOUBT: {d}" for d in draft.doubts]
    if draft.metadata:
        out.append("metadata:")
        out += [f"  - {{line: {n}, key: column, reason: {_q(by_no[n].why)}}}" for n in draft.metadata]
    ids = [_article_id(by_no[a.title], k) for k, a in enumerate(draft.articles)]
    if draft.drops:
        out.append("drops:")
        out += [f"  - {{lines: {n}, article: {ids[a]}, reason: {_q(why)}}}" for n, a, why in draft.drops]
    out.append("articles:")
    for art, art_id in zip(draft.articles, ids, strict=True):
        out += _article(art, art_id, by_no)
    return "\n".join(out) + "\n"


def _article_id(title: Line, k: int) -> str:
    text = title.text.strip()
    han = han_only(text)[:6]
    words = slug(display(han, syllables(han))) if han else ""
    return f"draft-{k + 1}-{words}" if words else f"draft-{k + 1}"


def _article(art: DraftArticle, art_id: str, by_no: dict) -> list[str]:
    out = [f"  - id: {art_id}", f"    title: {art.title}  # {by_no[art.title].text.strip()[:30]}"]
    if art.byline:
        out.append(f"    byline: {{line: {art.byline.number}, form: {art.byline.byline_form}}}")
    for name in ("affiliation", "abstract", "keywords"):
        value = getattr(art, name)
        if value is not None:
            out.append(f"    {name}: {value}")
    if art.references:
        out.append(f"    references: {_range(art.references)}")
    if art.headings:
        out.append("    headings:")
        out += [f"      - {_range(h)}  # {by_no[h[0]].why}" for h in art.headings]
    out.append("    fragments:")
    joins = {j.after: j for j in art.joins}
    for frag in art.fragments:
        out.append(f"      - lines: {_range(frag.lines)}")
        if frag.moved:
            why = "DRAFT: printed away from its article; it continues into it (see the join below)."
            out.append(f"        move: {_q(why)}")
        if frag.lines[0] in joins and frag is not art.fragments[0]:
            out += _join(joins[frag.lines[0]])
    return out


def _join(j: Join) -> list[str]:
    reason = "; ".join(j.evidence) or "DRAFT: no evidence found"
    return [
        f"        join:  # confidence {j.confidence}",
        f"          kind: {j.kind}",
        f"          reason: {_q('DRAFT: ' + reason)}",
    ]
