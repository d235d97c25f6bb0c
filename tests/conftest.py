"""Shared fixtures: the real project, throwaway project copies, and the real edition's
builds (one per format and session) that the slow tests share."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sizheng_edition.pipeline import load_edition
from sizheng_edition.project import ProjectPaths
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The Sphinx test roots: ``@pytest.mark.sphinx(testroot="x")`` builds tests/roots/test-x."""
    return Path(__file__).resolve().parent / "roots"


def require_tool(name: str) -> str:
    """Path of an external tool; skip when missing, fail instead in CI (EDITION_REQUIRE_TOOLS=1)."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("EDITION_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{name} is required (EDITION_REQUIRE_TOOLS=1) but not installed")
    pytest.skip(f"{name} not installed")


def require_module(name: str):
    """A Python package the test needs: skip when missing, fail in CI."""
    try:
        return __import__(name)
    except ImportError:
        if os.environ.get("EDITION_REQUIRE_TOOLS") == "1":
            pytest.fail(f"Python package {name} is required (EDITION_REQUIRE_TOOLS=1)")
        pytest.skip(f"{name} not installed")


def require_file(path: Path) -> Path:
    """A file an external tool provides (npm packages, Debian's jars): skip when missing, fail in CI."""
    if path.exists():
        return path
    if os.environ.get("EDITION_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{path} is required (EDITION_REQUIRE_TOOLS=1)")
    pytest.skip(f"{path} missing")


@pytest.fixture(scope="session")
def real_layout() -> ProjectPaths:
    return ProjectPaths(ROOT)


@pytest.fixture(scope="session")
def edition(real_layout):
    return load_edition(real_layout)


@pytest.fixture(scope="session")
def glossary(real_layout):
    from sizheng_edition.load.glossary import load_glossary

    return load_glossary(real_layout.glossary)


@pytest.fixture(scope="session")
def articles(edition):
    return {a.id: a for src in edition for a in src.articles}


FROZEN_MATERIAL = ROOT / "tests" / "data" / "draft" / "material.json"


@pytest.fixture(scope="session")
def frozen_articles():
    """The synthetic generators' material, frozen apart from editorial decisions
    (sizheng_edition.synthetic.material): the draft's recorded scores measure the draft."""
    from sizheng_edition.synthetic.material import thaw

    return {a.id: a for a in thaw(FROZEN_MATERIAL.read_text(encoding="utf-8"))}


def copy_edition_skeleton(dest: Path) -> None:
    """The hand-written part of edition/ (conf.py, pages, LaTeX support), without generated
    pages, and the pyproject.toml beside it."""
    generated = {"texts", "glossary", "_build"}
    shutil.copytree(ROOT / "edition", dest, ignore=lambda d, names: [n for n in names if n in generated])
    shutil.copy(ROOT / "pyproject.toml", dest.parent / "pyproject.toml")  # conf.py reads the version


@pytest.fixture(scope="session")
def edition_skeleton():
    return copy_edition_skeleton


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    """A copy of the project's seeds, plans and Sphinx sources, safe to damage."""
    for part in ("seeds", "conf/plans"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "conf" / "glossary.yaml", tmp_path / "conf" / "glossary.yaml")
    copy_edition_skeleton(tmp_path / "edition")
    return ProjectPaths(tmp_path)


def sphinx_build(builder: str, srcdir: Path, builddir: Path) -> Path:
    """Build with Sphinx's test application; any warning fails the test.  Returns outdir."""
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp(builder, srcdir=srcdir, builddir=builddir, warningiserror=True)
    try:
        app.build()
        assert not app.warning.getvalue(), app.warning.getvalue()
    finally:
        app.cleanup()
    return Path(app.outdir)


def reader_text(page: str, marks: bool = True) -> str:
    """The text a reader sees in a built page's main article; with ``marks=False``,
    without paragraph numbers, note markers and glossary tooltips."""
    body = page.split('<article role="main"', 1)[1].split("</article>", 1)[0]
    if not marks:
        body = re.sub(r'<a class="footnote-reference.*?</a>', "", body, flags=re.S)
        body = re.sub(r'<a class="para-number.*?</a>', "", body, flags=re.S)
        body = re.sub(r'<span class="term-tip".*?</span>[^<]*</span>', "", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def run_cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The command line as an editor runs it, in a separate process."""
    cmd = [sys.executable, "-m", "sizheng_edition", "--root", str(root), *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=False)


def invoke_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line's ``main`` called in this process, with its output captured.

    The catalogues of bad input use it: the same code path as the ``edition`` command,
    without starting an interpreter per case (which made them two thirds of the suite's
    time).  An exception escaping ``main`` fails the test, as a traceback would show to
    an editor; each catalogue also runs some of its cases through ``run_cli`` to show
    the real process prints the same line."""
    import contextlib
    import io

    from sizheng_edition.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(root), *args])
    return subprocess.CompletedProcess(["edition", *args], code, out.getvalue(), err.getvalue())


# The real edition is built once per session per format, as Read the Docs builds it (its
# command lines and environment, in a fresh copy of the repository), and every test that
# reads an output reads these builds.
JOBNAME = "sizheng-edition"  # Read the Docs passes the project slug as -jobname
CANONICAL_URL = "https://example.org/en/latest/"
BUILD_ENV = {
    "READTHEDOCS_CANONICAL_URL": CANONICAL_URL,  # Read the Docs sets it: citations carry the full URL
    "SOURCE_DATE_EPOCH": "1767225600",  # dates from a fixed time, so that two builds compare equal
}
LATEXMK = ["latexmk", "-r", "latexmkrc", "-pdf", "-f", "-dvi-", "-ps-", f"-jobname={JOBNAME}",
           "-interaction=nonstopmode"]  # fmt: skip


def fresh_copy(dest: Path) -> Path:
    """The repository as a clone would have it: tracked and new files, nothing ignored."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for rel in filter(None, listed):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, dest / rel)
    return dest


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    """Run a command; a failure shows the end of its output."""
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, f"{' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def rtd_sphinx(builder: str, conf_dir: Path, out: Path, doctrees: str | Path = "_build/doctrees") -> None:
    """Read the Docs' sphinx command line, run in the directory of conf.py; warnings fail it."""
    cmd = [sys.executable, "-m", "sphinx", "-T", "-W", "--keep-going", "-b", builder,
           "-d", str(doctrees), "-D", "language=en", ".", str(out)]  # fmt: skip
    run(cmd, conf_dir, {**os.environ, **BUILD_ENV})


@pytest.fixture(scope="session")
def rtd_repo(tmp_path_factory) -> Path:
    """The fresh copy of the repository in which the session's builds run."""
    return fresh_copy(tmp_path_factory.mktemp("rtd-repo"))


@pytest.fixture(scope="session")
def rtd_output(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("rtd-output")


@pytest.fixture(scope="session")
def built_html(rtd_repo, rtd_output) -> Path:
    """The real edition's web site (the output directory)."""
    rtd_sphinx("html", rtd_repo / "edition", rtd_output / "html")
    return rtd_output / "html"


@pytest.fixture(scope="session")
def built_latex(rtd_repo, rtd_output) -> Path:
    """The real edition's LaTeX sources (the output directory; Sphinx alone, no TeX)."""
    rtd_sphinx("latex", rtd_repo / "edition", rtd_output / "pdf")
    return rtd_output / "pdf"


@pytest.fixture(scope="session")
def built_pdf(built_latex) -> Path:
    """The PDF, compiled by latexmk beside the LaTeX sources (its log and index stay there)."""
    for tool in ("xelatex", "latexmk", "xindy"):
        require_tool(tool)
    run(LATEXMK, built_latex)
    return built_latex / f"{JOBNAME}.pdf"


@pytest.fixture(scope="session")
def built_epub(rtd_repo, rtd_output) -> Path:
    """The EPUB file."""
    rtd_sphinx("epub", rtd_repo / "edition", rtd_output / "epub")
    return next((rtd_output / "epub").glob("*.epub"))


def build_root(app: SphinxTestApp) -> SphinxTestApp:
    """Build a test root's app (``@pytest.mark.sphinx``); any warning fails the test."""
    app.build()
    assert not app.warning.getvalue(), app.warning.getvalue()
    return app


def read_output(app: SphinxTestApp, name: str) -> str:
    """A file the app wrote, as text."""
    return (Path(app.outdir) / name).read_text(encoding="utf-8")
