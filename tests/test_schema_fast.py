"""The compiled schema check (``load/schema_fast.py``) says yes exactly where jsonschema,
whose errors ``generate`` reports, finds no problem: on every plan and the glossary of
the edition, and on each of them damaged at every value (a wrong type, 12.0 for a whole
number, a key removed, an unknown key added).  A yes where jsonschema says no would let
a bad file through unreported; a no where it says yes would only cost time."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Hashable, Iterator
from typing import Any

import pytest
from conftest import ROOT
from sizheng_edition.load import schema_fast
from sizheng_edition.load.schema import Format, _validator, schema
from sizheng_edition.load.yaml_lines import parse_yaml, read_text

PLANS = sorted((ROOT / "conf" / "plans").glob("*.yaml"))
GLOSSARY = ROOT / "conf" / "glossary.yaml"
HOSTILE: list[object] = [12.0, True, None, "", "text", -1, 0, [], {}]


def jsonschema_accepts(data: object, fmt: Format) -> bool:
    return not any(True for _ in _validator(fmt).iter_errors(data))


def paths(node: object, at: tuple[Hashable, ...] = ()) -> Iterator[tuple[Hashable, ...]]:
    """The path of every value below ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*at, key)
            yield from paths(value, (*at, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*at, i)
            yield from paths(value, (*at, i))


def owner(data: Any, path: tuple[Hashable, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


def damaged(data: object) -> Iterator[object]:
    """Copies of ``data``, each damaged once: each value replaced by each of ``HOSTILE``;
    each key of a mapping removed; an unknown key added to each mapping."""
    for path in paths(data):
        for value in HOSTILE:
            copied = copy.deepcopy(data)
            owner(copied, path)[path[-1]] = copy.deepcopy(value)
            yield copied
        if isinstance(path[-1], str):
            copied = copy.deepcopy(data)
            del owner(copied, path)[path[-1]]
            yield copied
    for path in [(), *paths(data)]:
        copied = copy.deepcopy(data)
        node = owner(copied, (*path, None))
        if isinstance(node, dict):
            node["colour"] = "red"
            yield copied


def glossaries() -> Iterator[object]:
    """The glossary whole, then (damaging all of it would take minutes) each entry of
    another shape (its keys and those of its lists' items) as a glossary of its own."""
    data = parse_yaml(read_text(GLOSSARY, "glossary"), str(GLOSSARY))
    yield data
    assert isinstance(data, list)
    shapes = {json.dumps(sorted(str(p[-1]) for p in paths(e) if isinstance(p[-1], str))): e for e in data}
    yield from ([entry] for entry in shapes.values())


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_the_compiled_check_agrees_with_jsonschema_on_plans(path):
    agree(parse_yaml(read_text(path, "plan"), str(path)), Format.PLAN)


def test_the_compiled_check_agrees_with_jsonschema_on_the_glossary():
    for data in glossaries():
        agree(data, Format.GLOSSARY, damage=isinstance(data, list) and len(data) == 1)


def agree(data: object, fmt: Format, *, damage: bool = True) -> None:
    assert schema_fast.matches(data, fmt) and jsonschema_accepts(data, fmt)
    if not damage:
        return
    before = json.dumps(data, sort_keys=True, default=str)
    verdicts = [(schema_fast.matches(bad, fmt), jsonschema_accepts(bad, fmt)) for bad in damaged(data)]
    assert json.dumps(data, sort_keys=True, default=str) == before  # nothing filled in
    disagree = [v for v in verdicts if v[0] != v[1]]
    assert not disagree, f"{len(disagree)} of {len(verdicts)} damaged copies judged otherwise"
    assert sum(not ok for ok, _ in verdicts) > len(verdicts) // 2  # the damage is mostly refused


def keywords(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            named = key in ("properties", "$defs")  # maps of names, not of keywords
            yield from (k for v in value.values() for k in keywords(v)) if named else keywords(value)
    elif isinstance(node, list):
        for value in node:
            yield from keywords(value)


@pytest.mark.parametrize("fmt", list(Format))
def test_the_schemas_use_only_keywords_the_compiled_check_implements(fmt):
    assert set(keywords(schema(fmt))) <= schema_fast.KEYWORDS


def test_a_good_plan_and_glossary_are_read_without_jsonschema():
    """jsonschema (0.08 s of imports) is for reporting a problem only."""
    code = (
        "import sys; from pathlib import Path\n"
        "from sizheng_edition.load.plan import load_plan\n"
        "from sizheng_edition.load.glossary import load_glossary\n"
        f"load_plan(Path({str(PLANS[0])!r})); load_glossary(Path({str(GLOSSARY)!r}))\n"
        "assert 'jsonschema' not in sys.modules, 'jsonschema imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
