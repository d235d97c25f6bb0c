"""The glossary's pinyin is cached between runs: used while the glossary is unchanged,
computed again when it changes or the cache is unusable, and a generate with a warm
cache never imports pypinyin or jieba."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from sizheng_edition.load import pinyin_cache
from sizheng_edition.load.glossary import load_glossary


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(where))
    return where


@pytest.fixture
def glossary_file(tmp_path) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_bytes((ROOT / "conf" / "glossary.yaml").read_bytes())
    return path


def _cached(cache: Path) -> dict[str, str]:
    (only,) = cache.glob("pinyin-*.json")
    return json.loads(only.read_text(encoding="utf-8"))


def test_first_load_writes_every_terms_pinyin(cache, glossary_file):
    glossary = load_glossary(glossary_file)
    assert _cached(cache) == {e.term: e.pinyin for e in glossary.entries}
    assert _cached(cache)["思想政治工作"] == "sīxiǎng zhèngzhì gōngzuò"


def test_an_unchanged_glossary_reads_its_pinyin_from_the_cache(cache, glossary_file):
    load_glossary(glossary_file)
    (path,) = cache.glob("pinyin-*.json")
    readings = _cached(cache)
    readings["思想政治工作"] = "from the cache"
    path.write_text(json.dumps(readings, ensure_ascii=False), encoding="utf-8")
    assert load_glossary(glossary_file).by_term()["思想政治工作"].pinyin == "from the cache"


def test_a_changed_glossary_computes_its_pinyin_again(cache, glossary_file):
    load_glossary(glossary_file)
    (old,) = cache.glob("pinyin-*.json")
    old.write_text(json.dumps(dict.fromkeys(_cached(cache), "stale"), ensure_ascii=False), encoding="utf-8")
    with glossary_file.open("a", encoding="utf-8") as out:
        out.write("# an editor's comment: the text changed, its terms did not\n")
    glossary = load_glossary(glossary_file)
    assert {p.name for p in cache.glob("pinyin-*.json")} > {old.name}
    assert all(e.pinyin != "stale" for e in glossary.entries)
    assert glossary.by_term()["思想政治工作"].pinyin == "sīxiǎng zhèngzhì gōngzuò"


def test_the_key_follows_the_libraries_and_the_code(glossary_file, monkeypatch):
    text = glossary_file.read_text(encoding="utf-8")
    before = pinyin_cache.cache_path(text)
    monkeypatch.setattr(pinyin_cache, "_version", lambda dist: "0" if dist == "pypinyin" else "1")
    assert pinyin_cache.cache_path(text) != before
    monkeypatch.undo()
    monkeypatch.setattr(pinyin_cache, "FORMAT", pinyin_cache.FORMAT + 1)
    assert pinyin_cache.cache_path(text) != before


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"思想政治工作": 3}'])
def test_an_unusable_cache_is_ignored(cache, glossary_file, content):
    expected = {e.term: e.pinyin for e in load_glossary(glossary_file).entries}
    (path,) = cache.glob("pinyin-*.json")
    path.write_text(content, encoding="utf-8")
    assert {e.term: e.pinyin for e in load_glossary(glossary_file).entries} == expected


def test_an_unwritable_cache_costs_only_time(tmp_path, monkeypatch, glossary_file):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(blocker / "cache"))  # under a file: cannot exist
    glossary = load_glossary(glossary_file)
    assert glossary.by_term()["思想政治工作"].pinyin == "sīxiǎng zhèngzhì gōngzuò"


def test_a_warm_check_never_imports_pypinyin_or_jieba(tmp_path):
    # `check` reads and renders everything `generate` does, without writing the edition.
    probe = (
        "import sys\n"
        "from sizheng_edition.cli import main\n"
        f"assert main(['--root', {str(ROOT)!r}, 'check']) == 0\n"
        "print(sorted(m for m in ('jieba', 'pypinyin') if m in sys.modules))\n"
    )
    env = {**os.environ, "SIZHENG_EDITION_CACHE": str(tmp_path / "cache")}

    def imported() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
        )
        return done.stdout.strip().splitlines()[-1]

    assert imported() == "['jieba', 'pypinyin']"  # cold: the pinyin is computed
    assert imported() == "[]"
