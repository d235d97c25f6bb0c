"""The synthetic corpus: valid plans for every source, converted in parallel, nothing lost."""

from __future__ import annotations

import pickle

import pytest
from conftest import ROOT, run_cli
from sizheng_edition.check.nothing_lost import check_source
from sizheng_edition.errors import EditionError
from sizheng_edition.pipeline import PARALLEL_FROM, load_edition
from sizheng_edition.synthetic.corpus import make_corpus

pytestmark = pytest.mark.slow


def test_a_corpus_converts_in_parallel_and_loses_nothing(tmp_path):
    layout = make_corpus(ROOT, tmp_path / "corpus", PARALLEL_FROM + 1, seed=7)
    sources = load_edition(layout)  # parallel from PARALLEL_FROM sources on
    assert len(sources) == PARALLEL_FROM + 1
    assert {s.layout for s in sources} == {"lines", "wrapped"}
    assert {s.script for s in sources} == {"simplified", "converted-traditional"}
    for src in sources:
        problems, _ = check_source(src)
        assert problems == []
    result = run_cli(layout.root, "generate")
    assert result.returncode == 0
    assert f"converted {PARALLEL_FROM + 1}/{PARALLEL_FROM + 1} sources" in result.stderr
    again = run_cli(layout.root, "generate")
    assert "generated 0 changed file(s)" in again.stdout


def test_errors_survive_the_trip_from_a_worker_process():
    err = pickle.loads(pickle.dumps(EditionError("conf/plans/x.yaml", 3, "bad")))
    assert (err.path, err.line, str(err)) == ("conf/plans/x.yaml", 3, "conf/plans/x.yaml:3: bad")
