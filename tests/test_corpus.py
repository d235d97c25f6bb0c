"""The synthetic corpus: valid plans for every source, nothing lost, generated then reused."""

from __future__ import annotations

import pickle

import pytest
from conftest import ROOT, run_cli
from sizheng_edition.check.nothing_lost import check_source
from sizheng_edition.errors import EditionError
from sizheng_edition.pipeline import load_edition
from sizheng_edition.synthetic.corpus import make_corpus

pytestmark = pytest.mark.slow

SOURCES = 33  # enough that the synthetic corpus holds every layout and script


def test_a_corpus_converts_and_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(tmp_path / "cache"))
    layout = make_corpus(ROOT, tmp_path / "corpus", SOURCES, seed=7)
    sources = load_edition(layout)
    assert len(sources) == SOURCES
    assert {s.layout for s in sources} == {"lines", "wrapped"}
    assert {s.script for s in sources} == {"simplified", "converted-traditional"}
    for src in sources:
        problems, _ = check_source(src)
        assert problems == []
    result = run_cli(layout.root, "generate")
    assert result.returncode == 0
    assert f"built {SOURCES} source(s), 0 unchanged from the cache" in result.stdout
    again = run_cli(layout.root, "generate")
    assert f"built 0 source(s), {SOURCES} unchanged from the cache" in again.stdout
    assert "generated 0 changed file(s)" in again.stdout


def test_errors_survive_pickling():
    err = pickle.loads(pickle.dumps(EditionError("conf/plans/x.yaml", 3, "bad")))
    assert (err.path, err.line, str(err)) == ("conf/plans/x.yaml", 3, "conf/plans/x.yaml:3: bad")
