"""Shared fixtures: the real project, throwaway project copies, and one Sphinx build
of the real edition that the slow tests share."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sizheng_edition.pipeline import Layout, load_edition

pytest_plugins = ["sphinx.testing.fixtures"]

ROOT = Path(__file__).resolve().parent.parent


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
def real_layout() -> Layout:
    return Layout(ROOT)


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
def project(tmp_path) -> Layout:
    """A copy of the project's seeds, plans and Sphinx sources, safe to damage."""
    for part in ("seeds", "conf/plans"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "conf" / "glossary.yaml", tmp_path / "conf" / "glossary.yaml")
    copy_edition_skeleton(tmp_path / "edition")
    return Layout(tmp_path)


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


@pytest.fixture(scope="session")
def built_html(tmp_path_factory) -> Path:
    """The real edition built once with Sphinx's html builder, warnings as errors."""
    return sphinx_build("html", ROOT / "edition", tmp_path_factory.mktemp("html-build"))
