"""A synthetic corpus of N sources made from the real ones, with a plan for each, so the
pipeline can be run and measured at 10, 100, 1,000 or 3,000 sources.

Each synthetic source is one of three kinds, in turn: an article re-wrapped at another
column width, two articles' columns interleaved, or an article converted naively to
traditional script.  Plans come from the synthetic witness's known structure.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from sizheng_edition.model.edition import Article
from sizheng_edition.pipeline import Layout, load_edition
from sizheng_edition.synthetic.witnesses import Synthetic, interleave, naive_traditional, rewrap


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def make_corpus(project: Path, out: Path, n: int, seed: int = 0) -> Layout:
    """Write seeds/, conf/ and edition/ (without generated pages) for ``n`` sources under ``out``."""
    articles = [a for s in load_edition(Layout(project)) for a in s.articles]
    rng = random.Random(seed)
    for sub in ("seeds", "conf/plans"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    shutil.copy(project / "conf" / "glossary.yaml", out / "conf" / "glossary.yaml")
    shutil.copy(project / "pyproject.toml", out / "pyproject.toml")
    skip = {"texts", "glossary", "_build"}
    shutil.copytree(
        project / "edition", out / "edition", ignore=lambda d, names: [x for x in names if x in skip]
    )
    for i in range(n):
        key = f"s{i:05d}"
        seed_text, plan = _one(key, i % 3, articles, rng)
        (out / "seeds" / f"{key}_synthetic.txt").write_text(seed_text, encoding="utf-8")
        (out / "conf" / "plans" / f"{key}.yaml").write_text(plan, encoding="utf-8")
    return Layout(out)


def _one(key: str, kind: int, articles: list[Article], rng: random.Random) -> tuple[str, str]:
    if kind == 0:
        article = rng.choice(articles)
        synthetic = rewrap(article, rng.choice((16, 20, 24, 28, 32)))
        return synthetic.text, _plan(key, "wrapped", "simplified", [article], synthetic)
    if kind == 1:
        pair = rng.sample(articles, 2)
        synthetic = interleave(pair, rng.randrange(10**6))
        return synthetic.text, _plan(key, "lines", "simplified", pair, synthetic)
    article = rng.choice(articles)
    synthetic = rewrap(article, 10**6)  # one paragraph a line
    return naive_traditional(synthetic.text), _plan(
        key, "lines", "converted-traditional", [article], synthetic
    )


def _plan(key: str, layout: str, script: str, articles: list[Article], syn: Synthetic) -> str:
    lines = syn.text.split("\n")
    titles = sorted({t for _, t in syn.truth.lines})
    out = [
        f"source: {key}_synthetic.txt",
        "title: synthetic",
        "description: A synthetic witness made from the edition's articles for benchmarking.",
        f"layout: {layout}",
        f"script: {script}",
    ]
    running = [
        n
        for n, text in enumerate(lines, 1)
        if text and n not in titles and text in {lines[t - 1] for t in titles}
    ]
    if running:
        out.append("drops:")
        for n in running:
            owner = next(t for t in titles if lines[t - 1] == lines[n - 1])
            out.append(f"  - {{lines: {n}, article: a{owner}-{key}, reason: repeated title}}")
    out.append("articles:")
    for title in titles:
        out += _article(key, title, syn, lines)
    return "\n".join(out) + "\n"


def _article(key: str, title: int, syn: Synthetic, lines: list[str]) -> list[str]:
    mine = sorted(n for n, t in syn.truth.lines if t == title and n != title)
    byline, body = mine[0], mine[1:]
    out = [
        f"  - id: a{title}-{key}",
        f"    title: {title}",
        f"    byline: {{line: {byline}, form: mark-author}}",
    ]
    heads = sorted(n for n in body if n in syn.truth.headings)
    if heads:
        out.append("    headings: [" + ", ".join(str(h) for h in _runs(heads)) + "]")
    out.append("    fragments:")
    cuts = [after for before, after in sorted(syn.truth.joins) if after in body]
    pieces = _split(body, cuts)
    for k, piece in enumerate(pieces):
        out.append(f"      - lines: {piece[0]}-{piece[-1]}")
        if k:
            out.append("        join: {kind: sentence, reason: synthetic column break}")
    return out


def _runs(numbers: list[int]) -> list[str]:
    """Consecutive heading lines (two apart, with a blank between) as ranges."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n - runs[-1][-1] <= 2:
            runs[-1].append(n)
        else:
            runs.append([n])
    return [f'"{r[0]}-{r[-1]}"' if len(r) > 1 else str(r[0]) for r in runs]


def _split(body: list[int], cuts: list[int]) -> list[list[int]]:
    pieces: list[list[int]] = [[]]
    for n in body:
        if n in cuts and pieces[-1]:
            pieces.append([])
        pieces[-1].append(n)
    return pieces
