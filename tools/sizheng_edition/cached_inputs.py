"""The typed, checked models of ``generate``'s inputs (the glossary, each plan) kept in the
cache, so that a run whose glossary and plans are unchanged imports neither the YAML
parser nor the schema validator."""

from __future__ import annotations

from pathlib import Path

from sizheng_edition import pipeline_cache
from sizheng_edition.load.files import read_input
from sizheng_edition.model.glossary import Glossary
from sizheng_edition.model.plan import Plan
from sizheng_edition.project import ProjectPaths

# Beside the sources' *.pickle entries, never pruned as one of them.
GLOSSARY_ENTRY = "glossary.model"


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


def cached_plan(plan_path: Path, stem: str, data: bytes, folder: Path) -> Plan:
    """A plan's typed model, checked: from the cache while the plan's bytes are those it
    was made from (a seed corrected, its plan not), so that building one source needs
    neither the YAML parser nor the schema validator; else read, checked and stored."""
    key = pipeline_cache.entry_key(b"plan", str(plan_path).encode(), data)
    entry = folder / pipeline_cache.PLANS / f"{stem}.pickle"
    hit = pipeline_cache.load(entry, key, Plan)
    if hit is not None:
        return hit
    from sizheng_edition.load.plan import load_plan

    plan = load_plan(plan_path)
    if read_input(plan_path, "plan") == data:
        pipeline_cache.store(entry, key, plan)
    return plan
