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
from sizheng_edition.draft.model import DraftArticle, DraftDrop, DraftSource
from sizheng_edition.errors import EditionError
from sizheng_edition.load.plan import parse_plan
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.model.plan import BylineForm
from sizheng_edition.model.source import Source

_ATTEMPTS = 8
_ENDS_OPEN = re.compile(r"ends mid-sentence at line (\d+)")
_USED_BY_REFERENCES = re.compile(r"line (\d+) is used twice: by .* references")


def buildable(source: Source, structure: DraftSource, render: Callable[[DraftSource], str]) -> DraftSource:
    """``structure``, or a copy changed until its plan builds (at most a few times).

    Two things the plan needs are made sure of first, whatever the build would say: every
    line of the witness is claimed by some part of the plan (a line the reading left to
    nothing is kept as a dropped line), and every article written has a title and text
    (an article that would have none gives its lines to a neighbour as dropped lines).
    Each such change is a ``# DOUBT`` naming the alternatives."""
    current = _every_line_claimed(_no_empty_article(structure))
    for _ in range(_ATTEMPTS):
        problem = _rejection(source, render(current))
        if problem is None:
            return current
        safer = _safer(current, problem)
        if safer is None:
            break
        current = _every_line_claimed(_no_empty_article(safer))  # a safer plan keeps both promises
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
    """References that another line (a running head or page number where the page breaks,
    an affiliation printed among them) interrupts: a plan gives
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
            f"the references run on past line {line}, which is not theirs (the build rejected: "
            f"{problem}): a plan gives references as one range, so lines {after[0]}–{after[-1]} "
            "are kept as dropped lines; join them to the references by hand, or give line "
            f"{line} to the references"
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
            # nothing would be left of the article: none of it is planned
            why = f"breaks off at line {line} with no continuation on this page (the build rejected: "
            why += f"{problem})"
            return out if _drop_article(out, idx, why) else None
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


def _claimed(art: DraftArticle) -> list[int]:
    """The lines an article's plan claims (a title-less article's first line stands in for
    its title)."""
    lines = [n for n in (art.title, art.affiliation, art.abstract, art.keywords) if n is not None]
    lines += [art.byline.number] if art.byline is not None else []
    return lines + art.references + [n for f in art.fragments for n in f.lines]


def _would_be_empty(art: DraftArticle) -> bool:
    """A plan's article needs a title and at least one fragment of text."""
    text = sum(len(f.lines) for f in art.fragments)
    return text == 0 if art.title is not None else text == 1


def _nearest(structure: DraftSource, idx: int, lines: list[int]) -> int | None:
    """The article, other than ``idx``, with text printed nearest to ``lines``."""
    others = [
        (min(abs(n - m) for n in _claimed(a) for m in lines), k)
        for k, a in enumerate(structure.articles)
        if k != idx and _claimed(a) and not _would_be_empty(a)
    ]
    return min(others)[1] if others else None


def _no_empty_article(structure: DraftSource) -> DraftSource:
    """An article that would be written with no text (the one line of text under no title,
    which would stand in for the title; a title whose text all went elsewhere): a plan
    cannot hold it, so its lines are kept as dropped lines of the article printed nearest,
    and the doubt says what else they may be."""
    out = copy.deepcopy(structure)
    for idx, art in enumerate(out.articles):
        if _would_be_empty(art) and _claimed(art):
            _drop_article(out, idx, "cannot make an article of the plan (it needs a title and text)")
    return out


def _drop_article(out: DraftSource, idx: int, why: str) -> bool:
    """Article ``idx``'s lines kept as dropped lines of the article printed nearest, and the
    article not written (changes ``out``); False where there is no other article."""
    lines = sorted(_claimed(out.articles[idx]))
    home = _nearest(out, idx, lines)
    if home is None:
        return False  # the only article on the page: the build will say what is wrong
    one = len(lines) == 1
    where = f"line {lines[0]}" if one else f"lines {', '.join(map(str, lines))}"
    out.doubts.append(
        f"{where}, all of article {idx + 1}, {why}: kept as "
        f"{'a dropped line' if one else 'dropped lines'}; {'it' if one else 'they'} may be an "
        f"article whose title or continuation is not on this page, or a piece of article "
        f"{home + 1} or of another article printed away from it"
    )
    art = out.articles[idx]
    out.drops = [DraftDrop(d.line, home if d.article == idx else d.article, d.reason) for d in out.drops]
    out.drops += [DraftDrop(n, home, f"DRAFT: part of article {idx + 1}, not planned") for n in lines]
    out.articles[idx] = DraftArticle(title=None, why=art.why, confidence=art.confidence)
    return True


def _every_line_claimed(structure: DraftSource) -> DraftSource:
    """A line of the witness no part of the reading claims (a line taken for an
    affiliation where the article has one already): kept as a dropped line of the article
    printed nearest, with a doubt, so that no line is lost from the plan unsaid."""
    claimed = set(structure.metadata) | {d.line for d in structure.drops}
    claimed |= {n for a in structure.articles for n in _claimed(a)}
    lost = [ln.number for ln in structure.lines if ln.stripped and ln.number not in claimed]
    if not lost:
        return structure
    out = copy.deepcopy(structure)
    for n in lost:
        home = _nearest(out, -1, [n])
        if home is None:
            continue
        out.drops.append(DraftDrop(n, home, "DRAFT: no part of the draft's reading claims it"))
        out.doubts.append(
            f"line {n} is claimed by no part of the draft's reading (read as "
            f"{_kind_of(structure, n)}): kept as a dropped line of article {home + 1}; it may be "
            "the text of the paragraph it stands in"
        )
    return out


def _kind_of(structure: DraftSource, n: int) -> str:
    return next(ln.kind.value for ln in structure.lines if ln.number == n)
