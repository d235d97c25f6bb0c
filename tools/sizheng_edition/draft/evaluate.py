"""How much of a finished plan a draft recovers: precision and recall of paragraph
boundaries, headings, the article each line belongs to, and joins."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TypeVar

from sizheng_edition.draft.model import DraftSource
from sizheng_edition.model.edition import BlockKind, EditionSource
from sizheng_edition.model.plan import Plan
from sizheng_edition.synthetic.witnesses import Truth

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class Score:
    found: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        counts = f"{self.correct}/{self.found} found, {self.expected} expected"
        return f"P {self.precision:.2f} R {self.recall:.2f} ({counts})"


def score(found: set[T], expected: set[T]) -> Score:
    return Score(len(found), len(expected), len(found & expected))


def evaluate(draft: DraftSource, finished: EditionSource, plan: Plan) -> dict[str, Score]:
    return {
        "paragraphs": score(_draft_paragraphs(draft), _finished_paragraphs(finished)),
        "headings": score(_draft_headings(draft), _finished_headings(finished)),
        "articles": score(_draft_lines(draft), _finished_lines(finished, plan)),
        "joins": score(_draft_joins(draft), _finished_joins(finished, plan)),
    }


def _finished_paragraphs(src: EditionSource) -> set[int]:
    return {
        b.lines[0]
        for a in src.articles
        for b in a.body
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.ABSTRACT)
    }


def _draft_paragraphs(d: DraftSource) -> set[int]:
    return {n for a in d.articles for n in a.paragraph_starts} | {
        a.abstract for a in d.articles if a.abstract
    }


def _finished_headings(src: EditionSource) -> set[int]:
    return {n for a in src.articles for b in a.body if b.kind is BlockKind.HEADING for n in b.lines}


def _draft_headings(d: DraftSource) -> set[int]:
    return {n for a in d.articles for h in a.headings for n in h}


def _finished_lines(src: EditionSource, plan: Plan) -> set[tuple[int, int]]:
    title_of = {a.id: a.title.first for a in plan.articles}
    return {(n, title_of[a.id]) for a in src.articles for b in a.blocks for n in b.lines}


def _draft_lines(d: DraftSource) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for k, a in enumerate(d.articles):
        key = a.title if a.title is not None else -k - 1
        own = [a.title, a.affiliation, a.abstract, a.keywords, *a.references]
        own += [a.byline.number] if a.byline else []
        own += [n for f in a.fragments for n in f.lines]
        pairs |= {(n, key) for n in own if n is not None}
    return pairs


def _finished_joins(src: EditionSource, plan: Plan) -> set[tuple[int, int]]:
    lines = src.source.lines
    pairs: set[tuple[int, int]] = set()
    for art in plan.articles:
        for prev, frag in zip(art.fragments, art.fragments[1:], strict=False):
            last = max(n for n in prev.lines.numbers() if lines[n - 1].strip())
            first = min(n for n in frag.lines.numbers() if lines[n - 1].strip())
            pairs.add((last, first))
    return pairs


def _draft_joins(d: DraftSource) -> set[tuple[int, int]]:
    return {(j.before, j.after) for a in d.articles for j in a.joins}


def evaluate_truth(draft: DraftSource, truth: Truth) -> dict[str, Score]:
    """The same measures against the known structure of a synthetic witness."""
    return {
        "paragraphs": score(_draft_paragraphs(draft), truth.paragraphs),
        "headings": score(_draft_headings(draft), truth.headings),
        "articles": score(_draft_lines(draft), truth.lines),
        "joins": score(_draft_joins(draft), truth.joins),
    }
