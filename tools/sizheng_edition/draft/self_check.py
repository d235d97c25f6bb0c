"""The draft checks its own plan by building it.  Where the build rejects it for a reason
the draft can do something about, it writes a safer plan instead and says why (a
``# DOUBT``); where it cannot, it keeps the plan and says what the build will object to.

The line-by-line reading (``--json``) is not changed: it is what the draft believes the
witness says; the plan is what the pipeline can build from it."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from sizheng_edition.build.source import build_source
from sizheng_edition.draft.model import DraftDrop, DraftSource
from sizheng_edition.errors import EditionError
from sizheng_edition.load.plan import parse_plan
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.model.plan import BylineForm
from sizheng_edition.model.source import Source

_ATTEMPTS = 4
_ENDS_OPEN = re.compile(r"ends mid-sentence at line (\d+)")
_USED_BY_REFERENCES = re.compile(r"line (\d+) is used twice: by metadata .* references")


def buildable(source: Source, structure: DraftSource, render: Callable[[DraftSource], str]) -> DraftSource:
    """``structure``, or a copy changed until its plan builds (at most a few times)."""
    current = structure
    for _ in range(_ATTEMPTS):
        problem = _rejection(source, render(current))
        if problem is None:
            return current
        safer = _safer(current, problem)
        if safer is None:
            break
        current = safer
    else:
        problem = _rejection(source, render(current))
    if problem is None:
        return current
    out = copy.deepcopy(current)
    out.doubts.append(f"the build rejects this plan: {problem}; the draft found no safer plan")
    return out


def _rejection(source: Source, plan_text: str) -> str | None:
    try:
        build_source(source, parse_plan(parse_yaml(plan_text, "draft.yaml"), "draft.yaml"))
    except EditionError as e:
        return e.message
    return None


def _safer(structure: DraftSource, problem: str) -> DraftSource | None:
    if "affiliation given twice" in problem:
        return _affiliation_once(structure, problem)
    m = _ENDS_OPEN.search(problem)
    if m:
        return _cut_unfinished_end(structure, int(m.group(1)), problem)
    m = _USED_BY_REFERENCES.search(problem)
    if m:
        return _references_to_the_break(structure, int(m.group(1)), problem)
    return None


def _references_to_the_break(structure: DraftSource, line: int, problem: str) -> DraftSource | None:
    """References that a page break (running head, page number) interrupts: a plan gives
    an article's references as one range, so they end before the break and the lines
    after it are kept as dropped lines, and the doubt says so."""
    out = copy.deepcopy(structure)
    for idx, art in enumerate(out.articles):
        if not art.references or not art.references[0] < line < art.references[-1]:
            continue
        after = [n for n in art.references if n > line]
        art.references = [n for n in art.references if n < line]
        out.drops += [DraftDrop(n, idx, "Reference continued after a page break") for n in after]
        out.doubts.append(
            f"the references run on past the page break at line {line} (the build rejected: "
            f"{problem}): a plan gives references as one range, so lines {after[0]}–{after[-1]} "
            "are kept as dropped lines; join them to the references by hand"
        )
        return out
    return None


def _affiliation_once(structure: DraftSource, problem: str) -> DraftSource | None:
    """A byline that names the organisation (□ 单位 作者) and an affiliation line too: the
    line is kept as a dropped repetition, so the organisation is not given twice."""
    out = copy.deepcopy(structure)
    for idx, art in enumerate(out.articles):
        byline = art.byline
        if byline is None or art.affiliation is None:
            continue
        if byline.byline_form not in (None, BylineForm.MARK_AUTHOR):
            out.drops.append(
                DraftDrop(art.affiliation, idx, "Affiliation repeated: the byline already names it")
            )
            out.doubts.append(
                f"line {art.affiliation} repeats the organisation the byline on line {byline.number} "
                f"names (the build rejected: {problem}): kept as a dropped line; or the byline gives "
                "only the author"
            )
            art.affiliation = None
            return out
    return None


def _cut_unfinished_end(structure: DraftSource, line: int, problem: str) -> DraftSource | None:
    """An article whose text stops mid-sentence at the foot of the clipping: a plan cannot
    end an article open, so its unfinished last paragraph is dropped, and the doubt says so."""
    out = copy.deepcopy(structure)
    for idx, art in enumerate(out.articles):
        text = [n for f in art.fragments for n in f.lines]
        if not text or text[-1] != line:
            continue
        start = max((p for p in art.paragraph_starts if p <= line), default=None)
        if start is None or start == text[0]:
            return None  # nothing would be left of the article
        cut = text[text.index(start) :]
        for f in art.fragments:
            f.lines = [n for n in f.lines if n not in cut]
        art.fragments = [f for f in art.fragments if f.lines]
        art.paragraph_starts = [p for p in art.paragraph_starts if p not in cut]
        art.headings = [h for h in art.headings if h[0] not in cut]
        kept = {f.lines[-1] for f in art.fragments} | {f.lines[0] for f in art.fragments}
        art.joins = [j for j in art.joins if j.before in kept and j.after in kept]
        out.drops += [DraftDrop(n, idx, "Unfinished at the foot of the clipping") for n in cut]
        where = f"line {cut[0]}" if len(cut) == 1 else f"lines {cut[0]}–{cut[-1]}"
        out.doubts.append(
            f"{where} end the article mid-sentence with no continuation on this page (the build "
            f"rejected: {problem}): dropped from the plan; find the continuation, or mark a lacuna"
        )
        return out
    return None
