"""A synthetic corpus of N sources made from the real ones, with a plan for each, so the
pipeline can be run and measured at 10, 100, 1,000 or 3,000 sources.

Each synthetic source is one of three kinds, in turn: an article re-wrapped at another
column width, two articles' columns interleaved, or an article converted naively to
traditional script.  Plans come from the synthetic witness's known structure.
"""

from __future__ import annotations

import enum
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.load.plan_dump import dump_plan
from sizheng_edition.model.edition import Article
from sizheng_edition.model.plan import (
    ArticlePlan,
    Byline,
    BylineForm,
    Drop,
    Fragment,
    Heading,
    Join,
    JoinKind,
    Layout,
    LineRange,
    Plan,
    Script,
)
from sizheng_edition.pipeline import load_edition
from sizheng_edition.project import ProjectPaths
from sizheng_edition.synthetic.witnesses import Synthetic, interleave, naive_traditional, rewrap


def make_corpus(project: Path, out: Path, n: int, seed: int = 0) -> ProjectPaths:
    """Write seeds/, conf/ and edition/ (without generated pages) for ``n`` sources under ``out``."""
    articles = [a for s in load_edition(ProjectPaths(project)) for a in s.articles]
    rng = random.Random(seed)
    for sub in ("seeds", "conf/plans"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    glossary = (project / "conf" / "glossary.yaml").read_text(encoding="utf-8")
    (out / "conf" / "glossary.yaml").write_text(without_quotations(glossary), encoding="utf-8")
    shutil.copy(project / "pyproject.toml", out / "pyproject.toml")
    skip = {"texts", "glossary", "_build"}
    shutil.copytree(
        project / "edition", out / "edition", ignore=lambda d, names: [x for x in names if x in skip]
    )
    for i in range(n):
        key = f"s{i:05d}"
        made = synthetic_source(key, Kind.of(i), articles, rng)
        (out / "seeds" / made.plan.source).write_text(made.text, encoding="utf-8")
        (out / "conf" / "plans" / f"{key}.yaml").write_text(dump_plan(made.plan), encoding="utf-8")
    return ProjectPaths(out)


def without_quotations(glossary: str) -> str:
    """The glossary without its entries' quotations: they name the real articles and
    paragraphs, which a synthetic corpus does not have (its articles are a1-s00000, …),
    and generate rejects a quotation of an article the edition lacks."""
    out: list[str] = []
    skipping = False
    for line in glossary.splitlines(keepends=True):
        if line.rstrip() == "  quotations:":
            skipping = True
            continue
        if skipping and line.startswith("    "):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


class Kind(enum.Enum):
    """The kinds of synthetic source, made in turn."""

    REWRAPPED = 0  # one article re-wrapped at another column width
    INTERLEAVED = 1  # two articles' columns interleaved
    NAIVE_TRADITIONAL = 2  # one article, one paragraph a line, converted naively to traditional

    @classmethod
    def of(cls, i: int) -> Kind:
        return cls(i % len(cls))


@dataclass(frozen=True)
class CorpusSource:
    text: str  # the witness
    plan: Plan


def synthetic_source(key: str, kind: Kind, articles: list[Article], rng: random.Random) -> CorpusSource:
    """One synthetic witness named ``key`` and its plan, drawn from ``articles``."""
    if kind is Kind.REWRAPPED:
        article = rng.choice(articles)
        synthetic = rewrap(article, rng.choice((16, 20, 24, 28, 32)))
        return CorpusSource(synthetic.text, _plan(key, Layout.WRAPPED, Script.SIMPLIFIED, synthetic))
    if kind is Kind.INTERLEAVED:
        pair = rng.sample(articles, 2)
        synthetic = interleave(pair, rng.randrange(10**6))
        return CorpusSource(synthetic.text, _plan(key, Layout.LINES, Script.SIMPLIFIED, synthetic))
    article = rng.choice(articles)
    synthetic = rewrap(article, 10**6)  # one paragraph a line
    plan = _plan(key, Layout.LINES, Script.CONVERTED_TRADITIONAL, synthetic)
    return CorpusSource(naive_traditional(synthetic.text), plan)


def _article_id(key: str, title: int) -> str:
    return f"a{title}-{key}"


def _plan(key: str, layout: Layout, script: Script, syn: Synthetic) -> Plan:
    lines = syn.text.split("\n")
    titles = sorted({t for _, t in syn.truth.lines})
    title_texts = {lines[t - 1] for t in titles}
    running = [n for n, text in enumerate(lines, 1) if text and n not in titles and text in title_texts]
    drops = tuple(
        Drop(
            LineRange(n, n),
            _article_id(key, next(t for t in titles if lines[t - 1] == lines[n - 1])),
            "repeated title",
        )
        for n in running
    )
    return Plan(
        path=f"{key}.yaml",
        source=f"{key}_synthetic.txt",
        title="synthetic",
        description="A synthetic witness made from the edition's articles for benchmarking.",
        layout=layout,
        script=script,
        metadata=(),
        drops=drops,
        emendations=(),
        articles=tuple(_article(key, title, syn) for title in titles),
    )


def _article(key: str, title: int, syn: Synthetic) -> ArticlePlan:
    mine = sorted(n for n, t in syn.truth.lines if t == title and n != title)
    byline, body = mine[0], mine[1:]
    heads = sorted(n for n in body if n in syn.truth.headings)
    cuts = [after for before, after in sorted(syn.truth.joins) if after in body]
    column_break = Join(JoinKind.SENTENCE, "synthetic column break")
    return ArticlePlan(
        id=_article_id(key, title),
        title=LineRange(title, title),
        byline=Byline(byline, BylineForm.MARK_AUTHOR),
        affiliation=None,
        abstract=None,
        keywords=None,
        references=None,
        headings=tuple(Heading(LineRange(r[0], r[-1])) for r in _runs(heads)),
        fragments=tuple(
            Fragment(LineRange(piece[0], piece[-1]), join=column_break if k else None)
            for k, piece in enumerate(_split(body, cuts))
        ),
    )


def _runs(numbers: list[int]) -> list[list[int]]:
    """Consecutive heading lines (two apart, with a blank between) as one heading."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n - runs[-1][-1] <= 2:
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _split(body: list[int], cuts: list[int]) -> list[list[int]]:
    pieces: list[list[int]] = [[]]
    for n in body:
        if n in cuts and pieces[-1]:
            pieces.append([])
        pieces[-1].append(n)
    return pieces
