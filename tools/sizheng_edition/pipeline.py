"""The whole pipeline up to the model: every seed read and built with its plan (in
parallel for large editions), and the glossary read."""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.build.source import build_source
from sizheng_edition.errors import EditionError
from sizheng_edition.load.files import require_dir, require_file
from sizheng_edition.load.glossary import check_quotations, load_glossary
from sizheng_edition.load.names import ArticleName, check_article_ids, check_seed_names, reserved_reason
from sizheng_edition.load.plan import load_plan
from sizheng_edition.load.seeds import read_source
from sizheng_edition.model.edition import EditionSource
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.project import ProjectPaths


def load_edition(paths: ProjectPaths) -> list[EditionSource]:
    """Read every seed and its plan; each seed must have exactly one plan, and the
    names across them (seed keys, article ids) must not clash."""
    require_dir(paths.root, "project root")
    paths.require_project()
    seeds = sorted(paths.seeds.glob("*.txt"))
    if not seeds:
        raise EditionError(str(paths.seeds), None, "no seed files (*.txt)")
    check_seed_names(seeds)
    plans = {p.name for p in paths.plans.glob("*.yaml")}
    for seed in seeds:
        require_file(seed, "witness")
        if paths.plan_for(seed).name not in plans:
            raise EditionError(str(seed), None, f"no plan: write {paths.plan_for(seed)}")
        require_file(paths.plan_for(seed), "plan")
    for name in sorted(plans - {paths.plan_for(s).name for s in seeds}):
        raise EditionError(str(paths.plans / name), None, "plan has no seed file")
    jobs = [_Job(s, paths.plan_for(s)) for s in seeds]
    sources = _convert_all(jobs)
    check_article_ids(_article_names(jobs, sources))
    return sources


def _convert_all(jobs: list[_Job]) -> list[EditionSource]:
    if len(jobs) < PARALLEL_FROM:
        return [_convert(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        results = []
        for done, source in enumerate(pool.map(_convert, jobs, chunksize=16), 1):
            results.append(source)
            _progress(done, len(jobs))
        return results


def _article_names(jobs: list[_Job], sources: list[EditionSource]) -> list[ArticleName]:
    """Each article's id with its plan; the plan line is looked up only for a plan
    whose ids need it (an id reserved or used twice), so the usual case reads no plan again."""
    wanted = _suspect_ids(sources)
    names = []
    for job, src in zip(jobs, sources, strict=True):
        lines: dict[str, int | None] = {}
        if any(a.id in wanted for a in src.articles):
            lines = {a.id: a.yaml_line for a in load_plan(job.plan).articles}
        names += [ArticleName(a.id, src.source.key, str(job.plan), lines.get(a.id)) for a in src.articles]
    return names


def _suspect_ids(sources: list[EditionSource]) -> set[str]:
    ids = [a.id for src in sources for a in src.articles]
    return {i for i in ids if ids.count(i) > 1 or reserved_reason(i)}


PARALLEL_FROM = 32  # below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class _Job:
    """One seed and its plan, to build in a worker process."""

    seed: Path
    plan: Path


def _convert(job: _Job) -> EditionSource:
    return build_source(read_source(job.seed), load_plan(job.plan))


def _progress(done: int, total: int) -> None:
    step = max(1, total // 20)
    if done % step == 0 or done == total:
        print(f"converted {done}/{total} sources", file=sys.stderr, flush=True)


def load_all(paths: ProjectPaths) -> tuple[list[EditionSource], Glossary]:
    sources = load_edition(paths)
    require_file(paths.glossary, "glossary")
    glossary = load_glossary(paths.glossary)
    check_quotations(glossary, (a for src in sources for a in src.articles))
    return sources, glossary
