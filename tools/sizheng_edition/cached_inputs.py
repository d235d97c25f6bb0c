"""The typed, checked models of ``generate``'s inputs (the glossary, each plan) kept in the
cache, so that a run whose glossary and plans are unchanged imports neither the YAML
parser nor the schema validator."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sizheng_edition import pipeline_cache
from sizheng_edition.load.files import read_input
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.model.plan import Plan
from sizheng_edition.project import ProjectPaths

# Beside the sources' *.pickle entries, never pruned as one of them.
GLOSSARY_ENTRY = "glossary.model"
PLANS_ENTRY = "plans.model"


def cached_glossary(paths: ProjectPaths, data: bytes, folder: Path) -> Glossary:
    """The glossary's typed model, checked: from the cache while the glossary's bytes
    (and path, and the tools) are those it was made from; else read, checked and stored."""
    key = pipeline_cache.entry_key(b"glossary", str(paths.glossary).encode(), data)
    hit = pipeline_cache.load(folder / GLOSSARY_ENTRY, key, Glossary)
    if hit is not None:
        return hit
    from sizheng_edition.load.glossary import load_glossary

    glossary = load_glossary(paths.glossary)
    if read_input(paths.glossary, "glossary") == data:  # not saved again during the run
        pipeline_cache.store(folder / GLOSSARY_ENTRY, key, glossary)
    return glossary


@dataclass(frozen=True)
class PlanModels:
    """Each seed's plan model as the cache keeps it: sealed (``pipeline_cache.seal``)
    under the key of its plan's path and bytes, all in one file.  A file each was 300
    files to create on a cold run at 300 sources (0.3 s of storing under the profiler on
    the disk of docs/benchmark.md); this one (about 1.3 KB a plan) is read whole, 1 ms
    at 300 sources, and only the plan a run needs is unsealed.  The models of seeds
    removed are dropped when it is next written."""

    sealed: dict[str, bytes]  # by seed stem


class PlanCache:
    """The plans' models for one run: read from ``PLANS_ENTRY`` at the first plan needed,
    added to as plans are read and checked, and stored once, by ``save``."""

    def __init__(self, folder: Path, root: Path) -> None:
        self._path = folder / PLANS_ENTRY
        self._key = pipeline_cache.entry_key(b"plans", str(root.resolve()).encode())
        self._sealed: dict[str, bytes] | None = None
        self._added = False

    def plan(self, plan_path: Path, stem: str, data: bytes) -> Plan:
        """A plan's typed model, checked: from the cache while the plan's bytes are those
        it was made from (a seed corrected, its plan not), so that building one source
        needs neither the YAML parser nor the schema validator; else read and checked."""
        key = pipeline_cache.entry_key(b"plan", str(plan_path).encode(), data)
        sealed = self._models().get(stem)
        hit = pipeline_cache.unseal(sealed, key, Plan) if sealed is not None else None
        if hit is not None:
            return hit
        from sizheng_edition.load.plan import load_plan

        plan = load_plan(plan_path)
        if read_input(plan_path, "plan") == data:  # not saved again during the run
            self._models()[stem] = pipeline_cache.seal(key, plan)
            self._added = True
        return plan

    def save(self, stems: Iterable[str]) -> None:
        """Store the models if this run added one, keeping only those of ``stems``."""
        if self._sealed is None or not self._added:
            return
        keep = set(stems)
        models = PlanModels({stem: m for stem, m in self._sealed.items() if stem in keep})
        pipeline_cache.store(self._path, self._key, models)

    def _models(self) -> dict[str, bytes]:
        if self._sealed is None:
            found = pipeline_cache.load(self._path, self._key, PlanModels)
            self._sealed = dict(found.sealed) if found is not None else {}
        return self._sealed
