"""generate's per-source cache: a source is built again only when its seed, plan,
glossary or the tools changed; an entry that is damaged, or crafted, is never trusted
but rebuilt; and the pages are the same, byte for byte, with and without the cache."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, invoke_cli
from sizheng_edition import pipeline_cache
from sizheng_edition.pipeline import load_all, render_edition, source_key
from sizheng_edition.project import ProjectPaths
from sizheng_edition.render.pages import edition_files
from sizheng_edition.synthetic.corpus import without_quotations

SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(where))
    return where


def entries(project) -> dict[str, Path]:
    folder = pipeline_cache.project_dir(project.root)
    return {p.stem: p for p in folder.glob("*.pickle")}


def generated(project) -> dict[str, bytes]:
    return {
        p.relative_to(project.edition).as_posix(): p.read_bytes()
        for d in ("texts", "glossary")
        for p in (project.edition / d).rglob("*.md")
    }


def test_a_second_generate_builds_nothing(project, cache):
    first = invoke_cli(project.root, "generate")
    assert first.returncode == 0, first.stderr
    assert f"built {len(SEEDS)} source(s), 0 unchanged from the cache" in first.stdout
    assert sorted(entries(project)) == [Path(s).stem for s in SEEDS]

    second = invoke_cli(project.root, "generate")
    assert second.returncode == 0, second.stderr
    assert f"built 0 source(s), {len(SEEDS)} unchanged from the cache" in second.stdout
    assert "generated 0 changed file(s)" in second.stdout


def test_the_pages_are_the_same_with_and_without_the_cache(project, cache):
    cold = render_edition(project)
    warm = render_edition(project)
    assert sorted(cold.built) == SEEDS and warm.built == ()
    expected = edition_files(*load_all(project))  # what check proves current
    assert dict(cold.files()) == expected
    assert dict(warm.files()) == expected
    # and what the repository holds: the committed edition
    assert invoke_cli(project.root, "generate").returncode == 0
    committed = {
        p.relative_to(ROOT / "edition").as_posix(): p.read_bytes()
        for d in ("texts", "glossary")
        for p in (ROOT / "edition" / d).rglob("*.md")
    }
    assert generated(project) == committed


def test_a_changed_plan_rebuilds_its_source_only(project, cache):
    render_edition(project)
    plan = project.plan_for(project.seeds / SEEDS[1])
    with plan.open("a", encoding="utf-8") as out:
        out.write("# the editor's comment: the bytes changed, the plan did not\n")
    assert render_edition(project).built == (SEEDS[1],)
    assert render_edition(project).built == ()


def test_a_changed_seed_rebuilds_its_source_and_its_pages_change(project, cache):
    render_edition(project)
    before = dict(render_edition(project).files())
    seed = project.seeds / SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    last = text.rindex("。")
    seed.write_text(text[:last] + "！" + text[last + 1 :], encoding="utf-8")
    after = render_edition(project)
    assert after.built == (SEEDS[0],)
    changed = {rel for rel, page in after.files() if before.get(rel) != page}
    assert changed  # the new text reached the pages
    assert dict(after.files()) == edition_files(*load_all(project))


def test_a_changed_glossary_rebuilds_every_source(project, cache):
    render_edition(project)
    with project.glossary.open("a", encoding="utf-8") as out:
        out.write("# a comment\n")
    assert sorted(render_edition(project).built) == SEEDS


@pytest.mark.parametrize("damage", ["cut", "flip", "empty"])
def test_a_damaged_entry_is_rebuilt(project, cache, damage):
    render_edition(project)
    expected = dict(render_edition(project).files())
    entry = entries(project)[Path(SEEDS[2]).stem]
    data = entry.read_bytes()
    broken = {"cut": data[: len(data) // 2], "flip": data[:-1] + bytes([data[-1] ^ 1]), "empty": b""}[damage]
    entry.write_bytes(broken)
    again = render_edition(project)
    assert again.built == (SEEDS[2],)
    assert dict(again.files()) == expected
    assert entry.read_bytes() == data  # stored whole again
    assert render_edition(project).built == ()


class _Exploit:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # what a crafted pickle would do when loaded: call a function
        return (os.mkdir, (str(self.marker),))


def test_an_entry_crafted_to_match_its_key_cannot_run_code(project, cache, tmp_path):
    render_edition(project)
    seed = project.seeds / SEEDS[0]
    key = source_key(
        seed,
        seed.read_bytes(),
        project.plan_for(seed).read_bytes(),
        hashlib.sha256(project.glossary.read_bytes()).digest(),
    )
    marker = tmp_path / "exploited"
    payload = pickle.dumps(_Exploit(marker), protocol=pickle.HIGHEST_PROTOCOL)
    entry = entries(project)[seed.stem]
    entry.write_bytes(hashlib.sha256(key + payload).digest() + payload)  # a digest that matches
    again = render_edition(project)
    assert not marker.exists()
    assert again.built == (SEEDS[0],)
    assert dict(again.files()) == edition_files(*load_all(project))


def test_a_cache_that_cannot_be_written_only_costs_time(project, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(blocked))
    result = invoke_cli(project.root, "generate")
    assert result.returncode == 0, result.stderr
    assert invoke_cli(project.root, "check").returncode == 0
    assert render_edition(project).built  # nothing was stored, so it builds again


def test_entries_of_a_removed_seed_and_of_a_removed_project_are_pruned(project, cache, tmp_path):
    # The glossary quotes the removed source's article, which the build would refuse.
    project.glossary.write_text(
        without_quotations(project.glossary.read_text(encoding="utf-8")), encoding="utf-8"
    )
    render_edition(project)
    gone = project.seeds / SEEDS[2]
    gone.unlink()
    project.plan_for(gone).unlink()
    render_edition(project)
    assert sorted(entries(project)) == [Path(s).stem for s in SEEDS[:2]]

    other = tmp_path / "other"
    for part in ("seeds", "conf", "edition"):
        shutil.copytree(project.root / part, other / part)
    render_edition(ProjectPaths(other))
    theirs = pipeline_cache.project_dir(other)
    assert theirs.is_dir()
    render_edition(project)
    assert theirs.is_dir()  # a project that exists keeps its entries
    shutil.rmtree(other)
    render_edition(project)
    assert not theirs.exists()
    assert sorted(entries(project)) == [Path(s).stem for s in SEEDS[:2]]


def test_the_plans_models_are_kept_and_a_corrected_seed_reads_no_plan(project, cache, monkeypatch):
    from sizheng_edition.load import plan as plan_module

    render_edition(project)
    folder = pipeline_cache.project_dir(project.root)
    assert (folder / "plans.model").is_file() and not (folder / "plans").exists()  # one file for all
    read: list[Path] = []
    real = plan_module.load_plan
    monkeypatch.setattr(plan_module, "load_plan", lambda path: read.append(path) or real(path))

    change_last_mark(project.seeds / SEEDS[0])
    assert render_edition(project).built == (SEEDS[0],) and read == []
    second = project.plan_for(project.seeds / SEEDS[1])
    with second.open("a", encoding="utf-8") as out:
        out.write("# the editor's comment\n")
    assert render_edition(project).built == (SEEDS[1],) and read == [second]
    change_last_mark(project.seeds / SEEDS[1])
    change_last_mark(project.seeds / SEEDS[2])
    assert sorted(render_edition(project).built) == SEEDS[1:3] and read == [second]  # its new model kept


def test_a_glossary_saved_while_it_is_read_files_no_result_under_its_old_bytes(project, cache, monkeypatch):
    from sizheng_edition.load import glossary as glossary_module

    real = glossary_module.load_glossary

    def read_then_saved(path: Path):
        model = real(path)
        with path.open("a", encoding="utf-8") as out:  # the editor saves just after the read
            out.write("# saved during the run\n")
        return model

    monkeypatch.setattr(glossary_module, "load_glossary", read_then_saved)
    assert sorted(render_edition(project).built) == SEEDS
    assert entries(project) == {}  # nothing filed under the bytes the run started from
    monkeypatch.setattr(glossary_module, "load_glossary", real)
    assert sorted(render_edition(project).built) == SEEDS
    assert sorted(entries(project)) == [Path(s).stem for s in SEEDS]


# The run-wide entries beside the sources': the glossary's checked model, the plans',
# the shared pages, and the manifest of the last run's pages.
RUN_ENTRIES = ("glossary.model", "shared.model", "manifest.model", "plans.model")


def change_last_mark(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    last = text.rindex("。")
    seed.write_text(text[:last] + "！" + text[last + 1 :], encoding="utf-8")


def expected_pages(project) -> dict[str, bytes]:
    """The pages as ``check`` proves them current, made without any cache (as ``generated``
    reads them: the .md files)."""
    files = edition_files(*load_all(project))
    return {rel: text.encode("utf-8") for rel, text in files.items() if rel.endswith(".md")}


def cli_generate(project) -> str:
    result = invoke_cli(project.root, "generate")
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_run_entries_are_written_and_a_second_run_reads_no_page(project, cache, monkeypatch):
    cli_generate(project)
    folder = pipeline_cache.project_dir(project.root)
    for name in RUN_ENTRIES:
        assert (folder / name).is_file(), name
    read: list[Path] = []
    original = Path.read_bytes

    def spy(path: Path) -> bytes:
        read.append(path)
        return original(path)

    monkeypatch.setattr(Path, "read_bytes", spy)
    assert "generated 0 changed file(s)" in cli_generate(project)
    assert not [p for p in read if project.edition in p.parents]  # no page compared: the manifest


@pytest.mark.parametrize("name", RUN_ENTRIES)
@pytest.mark.parametrize("damage", ["cut", "flip", "empty"])
def test_a_damaged_run_entry_is_refused_and_made_again(project, cache, monkeypatch, name, damage):
    cli_generate(project)
    entry = pipeline_cache.project_dir(project.root) / name
    data = entry.read_bytes()
    broken = {"cut": data[: len(data) // 2], "flip": data[:-1] + bytes([data[-1] ^ 1]), "empty": b""}[damage]
    entry.write_bytes(broken)
    if name == "plans.model":  # a plan's model is read only when its source is built
        change_last_mark(project.seeds / SEEDS[0])
    cli_generate(project)
    assert generated(project) == expected_pages(project)
    assert pipeline_cache.load(entry, b"any other key", object) is None
    assert entry.read_bytes() != broken  # stored whole again: the next run reads it
    stored: list[Path] = []
    monkeypatch.setattr(pipeline_cache, "store", lambda path, key, value: stored.append(path))
    cli_generate(project)
    assert stored == [pipeline_cache.project_dir(project.root) / "manifest.model"]  # written by every run
    assert invoke_cli(project.root, "check").returncode == 0


def test_a_changed_glossary_invalidates_its_model_and_the_shared_pages(project, cache):
    cli_generate(project)
    text = project.glossary.read_text(encoding="utf-8")
    first = next(e for e in load_all(project)[1].entries if e.definition)
    project.glossary.write_text(text.replace(first.definition[:20], "EDITED " + first.definition[:20], 1))
    out = cli_generate(project)
    assert "wrote glossary/index.md" in out
    assert "EDITED " in (project.edition / "glossary" / "index.md").read_text(encoding="utf-8")
    assert generated(project) == expected_pages(project)


def test_a_glossary_made_bad_after_a_cached_good_one_is_still_refused(project, cache):
    cli_generate(project)
    with project.glossary.open("a", encoding="utf-8") as out:
        out.write("- term: 思想\n  nonsense: [\n")
    result = invoke_cli(project.root, "generate")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {project.glossary}:")


def test_a_plan_made_bad_after_a_cached_good_one_is_still_refused(project, cache):
    cli_generate(project)
    plan = project.plan_for(project.seeds / SEEDS[0])
    with plan.open("a", encoding="utf-8") as out:
        out.write("unknown_key: 1\n")
    result = invoke_cli(project.root, "generate")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {plan}:")


@pytest.mark.parametrize("how", ["edited", "same-size", "removed"])
def test_a_page_changed_by_hand_is_written_again(project, cache, how):
    cli_generate(project)
    expected = generated(project)
    for rel in ("glossary/index.md", f"texts/{SEEDS[1].split('_')[0]}/index.md"):
        page = project.edition / rel
        data = page.read_bytes()
        if how == "removed":
            page.unlink()
        else:
            page.write_bytes(data + b"x" if how == "edited" else data[:-1] + b"x")
    out = cli_generate(project)
    assert "generated 2 changed file(s)" in out
    assert generated(project) == expected


def test_the_pages_are_the_same_with_a_warm_and_a_fresh_cache(project, cache, tmp_path, monkeypatch):
    cli_generate(project)
    change_last_mark(project.seeds / SEEDS[0])
    assert "built 1 source(s)" in cli_generate(project)
    warm = generated(project)
    monkeypatch.setenv("SIZHENG_EDITION_CACHE", str(tmp_path / "fresh"))
    shutil.rmtree(project.edition / "texts")
    shutil.rmtree(project.edition / "glossary")
    assert f"built {len(SEEDS)} source(s)" in cli_generate(project)
    assert generated(project) == warm


def test_a_quoted_paragraph_changed_is_checked_again(project, cache):
    """The shared pages read only a paragraph's Han characters' count, the quotations its
    words: a change of the words must reach the check, whatever is cached."""
    cli_generate(project)
    seed = project.seeds / "002_5bbf46da956b4cfb.txt"
    text = seed.read_text(encoding="utf-8")
    assert "党委认真落实党建主体责" in text  # ¶1 of tianjin-railway-party-building, quoted
    seed.write_text(text.replace("党委认真落实党建主体责", "党委认真贯彻党建主体责", 1), encoding="utf-8")
    result = invoke_cli(project.root, "generate")
    assert result.returncode == 2
    assert result.stderr.startswith(f"error: {project.glossary}:")
    assert "does not stand in ¶1 of 'tianjin-railway-party-building'" in result.stderr
    seed.write_text(text, encoding="utf-8")
    assert "generated 0 changed file(s)" in cli_generate(project)
