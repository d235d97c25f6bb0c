"""Names that clash, and inputs the file system refuses: each one exact error line, exit
status 2, no traceback, nothing under edition/ written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT
from sizheng_edition.load.names import PAGES_BESIDE_ARTICLES, SPHINX_LABELS, reserved_reason
from sizheng_edition.render import page_paths
from test_bad_seeds import SEED, assert_rejected

ARTICLE = "yancheng-medical-insurance-centre"  # the one article of source 003


def id_line(key: str, article_id: str) -> int:
    """The '- id:' line of an article in the real plan, where errors about its id point."""
    lines = (ROOT / "conf" / "plans" / f"{key}.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {article_id}")


ARTICLE_LINE = id_line("003", ARTICLE)


def rename_article(project, new_id: str) -> str:
    plan = project.plans / "003.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(ARTICLE, new_id), encoding="utf-8")
    return str(plan)


@pytest.mark.parametrize(
    ("article_id", "reason"),
    [
        ("index", "the tools write texts/<key>/index.md themselves"),
        ("transcription", "the tools write texts/<key>/transcription.md themselves"),
        ("genindex", "Sphinx uses it for a page and label of its own"),
        ("search", "Sphinx uses it for a page and label of its own"),
        ("modindex", "Sphinx uses it for a page and label of its own"),
        ("py-modindex", "Sphinx uses it for a page and label of its own"),
        ("p7", "it has the form of a paragraph's or line's anchor"),
        ("l12", "it has the form of a paragraph's or line's anchor"),
        ("soe-branch-secretaries-p3", "it has the form of a paragraph's label (<article>-p<n>)"),
        ("s000-l11", "it has the form of a source line's label (s<key>-l<n>)"),
        ("source-003", "it has the form of a generated label (src-, source-, term-, glossary-)"),
        ("term-sizheng", "it has the form of a generated label (src-, source-, term-, glossary-)"),
    ],
)
def test_reserved_article_id(project, article_id, reason):
    plan = rename_article(project, article_id)
    assert_rejected(project, f"{plan}:{ARTICLE_LINE}: article id '{article_id}' is reserved: {reason}")


def test_same_article_id_in_two_sources(project):
    plan = rename_article(project, "guangyang-medical-insurance")
    assert_rejected(
        project,
        f"{plan}:{ARTICLE_LINE}: article id 'guangyang-medical-insurance' is already used by source 000 "
        f"({project.plans / '000.yaml'}:{id_line('000', 'guangyang-medical-insurance')}); "
        "article ids name pages and labels, so each must be unique in the edition",
    )


def test_reserved_names_cover_the_renderers_pages_and_sphinx_labels():
    """Every page the renderer writes beside articles, and every label Sphinx's standard
    domain defines, is refused as an article id."""
    from sphinx.domains.std import StandardDomain

    assert {
        page_paths.overview("k").rsplit("/", 1)[1],
        page_paths.transcription("k").rsplit("/", 1)[1],
    } == set(PAGES_BESIDE_ARTICLES)
    assert set(StandardDomain.initial_data["labels"]) <= SPHINX_LABELS
    assert all(reserved_reason(name) for name in PAGES_BESIDE_ARTICLES | SPHINX_LABELS)
    assert reserved_reason("internet-plus-hospital-education") is None


# -- seed names ----------------------------------------------------------------------------


def test_two_seeds_with_one_key(project):
    shutil.copy(project.seeds / SEED, project.seeds / "003_copy.txt")
    assert_rejected(
        project,
        f"{project.seeds / '003_copy.txt'}: seed key '003' is also the key of {SEED}: "
        "give each seed a key of its own",
    )


def test_seed_keys_that_differ_only_in_case(project):
    shutil.copy(project.seeds / SEED, project.seeds / "ab_one.txt")
    shutil.copy(project.seeds / SEED, project.seeds / "AB_two.txt")
    assert_rejected(
        project,
        f"{project.seeds / 'ab_one.txt'}: seed key 'ab' differs only in case from 'AB' of AB_two.txt: "
        "give each seed a key of its own",
    )


def test_seed_name_not_in_nfc(project):
    name = unicodedata.normalize("NFD", "003_é.txt")
    (project.seeds / SEED).rename(project.seeds / name)
    assert_rejected(
        project,
        f"{project.seeds / name}: the file name is not in Unicode NFC form; "
        "rename it (plans name seeds in NFC)",
    )


def test_seed_name_without_key(project):
    (project.seeds / SEED).rename(project.seeds / "witness.txt")
    assert_rejected(
        project,
        f"{project.seeds / 'witness.txt'}: seed names start with a key of ASCII letters or digits "
        "and '_' (e.g. 004_x.txt)",
    )


def test_seed_with_fullwidth_key(project):
    (project.seeds / SEED).rename(project.seeds / "００３_x.txt")
    assert_rejected(
        project,
        f"{project.seeds / '００３_x.txt'}: seed names start with a key of ASCII letters or digits "
        "and '_' (e.g. 004_x.txt)",
    )


# -- the file system -------------------------------------------------------------------------


def test_seed_that_is_a_symlink(project, tmp_path):
    seed = project.seeds / SEED
    elsewhere = tmp_path / "elsewhere.txt"
    shutil.move(seed, elsewhere)
    seed.symlink_to(elsewhere)
    assert_rejected(project, f"{seed}: the witness is a symbolic link; put the file itself here")


def test_seed_that_is_a_directory(project):
    seed = project.seeds / SEED
    seed.unlink()
    seed.mkdir()
    assert_rejected(project, f"{seed}: the witness is a directory, not a file")


def test_seed_that_is_a_fifo(project):
    seed = project.seeds / SEED
    seed.unlink()
    os.mkfifo(seed)
    assert_rejected(project, f"{seed}: the witness is not a regular file (a FIFO, socket or device)")


def test_unreadable_seed(project):
    """Root reads files whatever their permissions (and CI runs as root): there the real
    command runs without the capabilities that let root bypass them (util-linux's setpriv)."""
    seed = project.seeds / SEED
    seed.chmod(0)
    expected = f"{seed}: cannot read the witness: Permission denied"
    if os.geteuid() != 0:
        assert_rejected(project, expected)
        return
    setpriv = shutil.which("setpriv")
    assert setpriv, "util-linux's setpriv is part of every Debian system"
    dropped = "-dac_override,-dac_read_search"

    def without_override(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [setpriv, f"--inh-caps={dropped}", f"--bounding-set={dropped}",
               sys.executable, "-m", "sizheng_edition", "--root", str(root), *args]  # fmt: skip
        return subprocess.run(cmd, capture_output=True, text=True, check=False)

    assert_rejected(project, expected, runner=without_override)


def test_plan_that_is_a_directory(project):
    plan = project.plans / "003.yaml"
    plan.unlink()
    plan.mkdir()
    assert_rejected(project, f"{plan}: the plan is a directory, not a file")


def test_plan_that_is_a_symlink(project, tmp_path):
    plan = project.plans / "003.yaml"
    shutil.move(plan, tmp_path / "003.yaml")
    plan.symlink_to(tmp_path / "003.yaml")
    assert_rejected(project, f"{plan}: the plan is a symbolic link; put the file itself here")


def test_missing_glossary(project):
    project.glossary.unlink()
    assert_rejected(project, f"{project.glossary}: no such file: the glossary is missing")


def test_glossary_that_is_a_directory(project):
    project.glossary.unlink()
    project.glossary.mkdir()
    assert_rejected(project, f"{project.glossary}: the glossary is a directory, not a file")


def test_seeds_folder_that_is_a_file(project):
    shutil.rmtree(project.seeds)
    project.seeds.write_text("x", encoding="utf-8")
    assert_rejected(
        project, f"{project.root}: not an edition project: no seeds/ (give the project with --root)"
    )


def test_root_that_is_not_a_project(project, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert_rejected(
        project,
        f"{empty}: not an edition project: no seeds/, conf/plans/, edition/ (give the project with --root)",
        "--root",
        str(empty),
        "generate",
    )


def test_root_that_does_not_exist(project, tmp_path):
    assert_rejected(
        project, f"{tmp_path / 'nowhere'}: no such directory: the project root is missing", "--root",
        str(tmp_path / "nowhere"), "check",
    )  # fmt: skip


def test_draft_of_a_missing_witness(project, tmp_path):
    missing = tmp_path / "new.txt"
    assert_rejected(project, f"{missing}: no such file: the witness is missing", "draft", str(missing))


def test_draft_of_a_directory(project, tmp_path):
    assert_rejected(project, f"{tmp_path}: the witness is a directory, not a file", "draft", str(tmp_path))


def test_draft_of_a_bad_witness(project, tmp_path):
    witness = tmp_path / "new.txt"
    witness.write_bytes("第一行\n第\u202e二行\n".encode())
    assert_rejected(
        project,
        f"{witness}:2:2: U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control; it reorders how text "
        "is displayed and could hide what a line holds",
        "draft",
        str(witness),
    )
