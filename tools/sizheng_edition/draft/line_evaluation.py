"""The draft's line-by-line output (``edition draft --json``) scored against a clipping's
truth: precision and recall of the article of each line, paragraph starts, headings and
joins, and whether the page's layout and script are right.

It reads only the JSON objects (``line``, ``role``, ``article``, ``continues``), so any
drafting tool that writes them can be scored the same way."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sizheng_edition.draft.evaluate import Score, score
from sizheng_edition.draft.model import LineRole
from sizheng_edition.synthetic.clippings import Clipping

MEASURES = ("articles", "paragraphs", "headings", "joins")


@dataclass(frozen=True)
class PageResult:
    name: str
    family: str
    scores: dict[str, Score]
    layout_right: bool
    script_right: bool


def score_page(clip: Clipping, found: list[dict[str, object]], layout: str, script: str) -> PageResult:
    truth = clip.lines
    mapping = _article_mapping(found, clip)
    got_articles = {
        (int(str(d["line"])), mapping.get(str(d["article"]), f"?{d['article']}"))
        for d in found
        if d["article"] is not None
    }
    want_articles = {(n, t.article) for n, t in enumerate(truth, 1) if t.article is not None}
    scores = {
        "articles": score(got_articles, want_articles),
        "paragraphs": score(
            _with_role(found, LineRole.PARAGRAPH_START), _truth_role(clip, LineRole.PARAGRAPH_START)
        ),
        "headings": score(_with_role(found, LineRole.HEADING), _truth_role(clip, LineRole.HEADING)),
        "joins": score(
            {
                (int(str(d["continues"])), int(str(d["line"])))
                for d in found
                if d.get("continues") is not None
            },
            set(clip.joins),
        ),
    }
    return PageResult(
        clip.name, clip.family, scores, layout == clip.layout.value, script == clip.script.value
    )


def _with_role(found: list[dict[str, object]], role: LineRole) -> set[int]:
    return {int(str(d["line"])) for d in found if d["role"] == role.value}


def _truth_role(clip: Clipping, role: LineRole) -> set[int]:
    return {n for n, t in enumerate(clip.lines, 1) if t.role is role}


def _article_mapping(found: list[dict[str, object]], clip: Clipping) -> dict[str, str]:
    """Each draft article is the true article it shares most lines with, one to one."""
    overlap: Counter[tuple[str, str]] = Counter()
    for d in found:
        n = int(str(d["line"]))
        truth = clip.lines[n - 1].article if n <= len(clip.lines) else None
        if d["article"] is not None and truth is not None:
            overlap[(str(d["article"]), truth)] += 1
    mapping: dict[str, str] = {}
    for (mine, theirs), _ in overlap.most_common():
        if mine not in mapping and theirs not in mapping.values():
            mapping[mine] = theirs
    return mapping


def totals(results: list[PageResult]) -> dict[str, Score]:
    sums: dict[str, Counter[str]] = {m: Counter() for m in MEASURES}
    for r in results:
        for m in MEASURES:
            s = r.scores[m]
            sums[m].update({"f": s.found, "e": s.expected, "c": s.correct})
    return {m: Score(c["f"], c["e"], c["c"]) for m, c in sums.items()}


def table(results: list[PageResult]) -> str:
    """Layout family × measure, precision/recall, as a Markdown table."""
    families = sorted({r.family for r in results})
    rows = ["| Family (pages) | " + " | ".join(MEASURES) + " | layout | script |", "|---" * 7 + "|"]
    for fam in [*families, "all"]:
        mine = [r for r in results if fam in ("all", r.family)]
        t = totals(mine)
        cells = [f"P {t[m].precision:.2f} R {t[m].recall:.2f}" for m in MEASURES]
        layout = f"{sum(r.layout_right for r in mine)}/{len(mine)}"
        script = f"{sum(r.script_right for r in mine)}/{len(mine)}"
        rows.append(f"| {fam} ({len(mine)}) | " + " | ".join(cells) + f" | {layout} | {script} |")
    return "\n".join(rows) + "\n"
