"""The package as pip installs it: a wheel holding one top-level package, which works on
its own in a fresh environment, beside a project that has a ``tools`` package of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from conftest import ROOT, fresh_copy, run

PACKAGE = "sizheng_edition"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a fresh copy: setuptools writes build/ and *.egg-info into the tree it builds.
    src = fresh_copy(tmp_path_factory.mktemp("wheel-source"))
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(src)], src)
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed by pip.  Its dependencies come
    from this environment's site-packages, named in a .pth file: a directory added that way
    is not a site directory, so its own .pth files (the editable install that points at the
    working tree) do not run."""
    env = tmp_path_factory.mktemp("venv")
    run([sys.executable, "-m", "venv", "--without-pip", str(env)], env)
    python = env / "bin" / "python"
    install = ["install", "--quiet", "--no-deps", "--no-index", str(wheel)]
    run([sys.executable, "-m", "pip", "--python", str(python), *install], env)
    (site,) = env.glob("lib/python*/site-packages")
    ours = dict.fromkeys((sysconfig.get_path("purelib"), sysconfig.get_path("platlib")))
    (site / "project-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    return env


@pytest.fixture(scope="module")
def user_project(tmp_path_factory, edition_skeleton) -> Path:
    """A copy of the project's seeds, configuration and edition skeleton, in a directory
    that also holds a ``tools`` package of its own, as many projects do."""
    root = tmp_path_factory.mktemp("user-project")
    (root / "tools").mkdir()
    (root / "tools" / "__init__.py").write_text("", encoding="utf-8")
    (root / "tools" / "cli.py").write_text('"""The project\'s own command line."""\n', encoding="utf-8")
    for part in ("seeds", "conf"):
        shutil.copytree(ROOT / part, root / part)
    edition_skeleton(root / "edition")
    return root


def installed(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    """The environment's python, run in ``cwd`` (first on sys.path), without PYTHONPATH."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    cmd = [str(venv / "bin" / "python"), *args]
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_wheel_holds_one_package_and_its_stylesheet(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        dist_info = {n.split("/", 1)[0] for n in names if n.split("/", 1)[0].endswith(".dist-info")}
        assert len(dist_info) == 1
        (meta,) = dist_info
        assert z.read(f"{meta}/top_level.txt").decode().split() == [PACKAGE]
    assert {n.split("/", 1)[0] for n in names} == {PACKAGE, meta}
    parts = {PurePosixPath(part).stem for n in names for part in PurePosixPath(n).parts}
    assert "tools" not in parts
    assert f"{PACKAGE}/sphinxext/static/edition.css" in names


def test_installed_package_and_a_projects_tools_package_are_each_their_own(venv, user_project):
    code = "import sizheng_edition, sizheng_edition.cli, tools.cli; print(sizheng_edition.__file__);"
    code += "print(sizheng_edition.cli.__file__); print(tools.cli.__file__)"
    result = installed(venv, user_project, "-c", code)
    assert result.returncode == 0, result.stderr
    package, cli, own_cli = (Path(line).resolve() for line in result.stdout.splitlines())
    assert package.is_relative_to(venv.resolve()), package  # the wheel's, not the working tree's
    assert cli == package.parent / "cli.py"
    assert own_cli == (user_project / "tools" / "cli.py").resolve()


def test_installed_command_line_generates_and_checks_and_sphinx_reads_every_page(venv, user_project):
    for command in ("generate", "check"):
        result = installed(venv, user_project, "-m", PACKAGE, "--root", str(user_project), command)
        assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    seeds = sorted(p.name for p in (user_project / "seeds").glob("*.txt"))
    assert [line.split(":", 1)[0] for line in result.stdout.splitlines() if line.endswith(": OK")] == seeds
    # The dummy builder reads and resolves every document with the extension loaded, and
    # writes nothing: the html and latex outputs are tested on the session's builds.
    build = "import sys; from sphinx.cmd.build import main; status = main(sys.argv[1:]);"
    build += "import sizheng_edition.sphinxext as ext; print(ext.__file__); sys.exit(status)"
    args = ["-W", "--keep-going", "-q", "-b", "dummy", "edition", "_build/dummy"]
    result = installed(venv, user_project, "-c", build, *args)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    extension = Path(result.stdout.splitlines()[-1]).resolve()
    assert extension.is_relative_to(venv.resolve()), extension
