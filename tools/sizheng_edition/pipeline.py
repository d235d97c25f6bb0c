"""The edges of the pipeline: where the project keeps its seeds, plans and output."""

from __future__ import annotations

import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition.build.assemble import build_source
from sizheng_edition.errors import EditionError
from sizheng_edition.load.glossary import load_glossary
from sizheng_edition.load.plan import load_plan
from sizheng_edition.load.seeds import read_source
from sizheng_edition.model.edition import EditionSource
from sizheng_edition.model.glossary import Glossary


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def plans(self) -> Path:
        return self.root / "conf" / "plans"

    @property
    def glossary(self) -> Path:
        return self.root / "conf" / "glossary.yaml"

    @property
    def edition(self) -> Path:
        return self.root / "edition"


def plan_for(layout: Layout, seed: Path) -> Path:
    return layout.plans / f"{seed.name.split('_', 1)[0]}.yaml"


def load_edition(layout: Layout) -> list[EditionSource]:
    """Read every seed and its plan; each seed must have exactly one plan."""
    seeds = sorted(layout.seeds.glob("*.txt"))
    if not seeds:
        raise EditionError(str(layout.seeds), None, "no seed files (*.txt)")
    plans = {p.name for p in layout.plans.glob("*.yaml")}
    for seed in seeds:
        if not re.match(r"^[0-9A-Za-z]+_", seed.name):
            raise EditionError(str(seed), None, "seed names start with a key of letters or digits and '_'")
        if plan_for(layout, seed).name not in plans:
            raise EditionError(str(seed), None, f"no plan: write {plan_for(layout, seed)}")
    for name in sorted(plans - {plan_for(layout, s).name for s in seeds}):
        raise EditionError(str(layout.plans / name), None, "plan has no seed file")
    jobs = [(s, plan_for(layout, s)) for s in seeds]
    if len(jobs) < PARALLEL_FROM:
        return [_convert(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        results = []
        for done, source in enumerate(pool.map(_convert, jobs, chunksize=16), 1):
            results.append(source)
            _progress(done, len(jobs))
        return results


PARALLEL_FROM = 32  # below this, starting worker processes costs more than it saves


def _convert(job: tuple[Path, Path]) -> EditionSource:
    seed, plan = job
    return build_source(read_source(seed), load_plan(plan))


def _progress(done: int, total: int) -> None:
    step = max(1, total // 20)
    if done % step == 0 or done == total:
        print(f"converted {done}/{total} sources", file=sys.stderr, flush=True)


def load_all(layout: Layout) -> tuple[list[EditionSource], Glossary]:
    return load_edition(layout), load_glossary(layout.glossary)
