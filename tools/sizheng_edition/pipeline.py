"""The whole pipeline up to the model: every seed read and built with its plan (in
parallel for large editions), and the glossary read."""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.build.source import build_source
from sizheng_edition.errors import EditionError
from sizheng_edition.load.glossary import load_glossary
from sizheng_edition.load.plan import load_plan
from sizheng_edition.load.seeds import read_source
from sizheng_edition.model.edition import EditionSource
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.project import ProjectPaths


def load_edition(paths: ProjectPaths) -> list[EditionSource]:
    """Read every seed and its plan; each seed must have exactly one plan."""
    seeds = sorted(paths.seeds.glob("*.txt"))
    if not seeds:
        raise EditionError(str(paths.seeds), None, "no seed files (*.txt)")
    plans = {p.name for p in paths.plans.glob("*.yaml")}
    for seed in seeds:
        if not re.match(r"^[0-9A-Za-z]+_", seed.name):
            raise EditionError(str(seed), None, "seed names start with a key of letters or digits and '_'")
        if paths.plan_for(seed).name not in plans:
            raise EditionError(str(seed), None, f"no plan: write {paths.plan_for(seed)}")
    for name in sorted(plans - {paths.plan_for(s).name for s in seeds}):
        raise EditionError(str(paths.plans / name), None, "plan has no seed file")
    jobs = [_Job(s, paths.plan_for(s)) for s in seeds]
    if len(jobs) < PARALLEL_FROM:
        return [_convert(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        results = []
        for done, source in enumerate(pool.map(_convert, jobs, chunksize=16), 1):
            results.append(source)
            _progress(done, len(jobs))
        return results


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
    return load_edition(paths), load_glossary(paths.glossary)
