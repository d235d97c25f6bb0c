"""A newcomer follows docs/editing.md: adds a ninth text (the guide's own example) to a
copy of the project and sees it in the built site."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT, run_cli, sphinx_build

pytestmark = pytest.mark.slow
GUIDE = (ROOT / "docs" / "editing.md").read_text(encoding="utf-8")


def example(marker: str) -> str:
    """The fenced block that follows ``<!-- marker -->`` in the guide."""
    match = re.search(rf"<!-- {marker} -->\n```\w*\n(.*?)```", GUIDE, re.S)
    assert match, f"docs/editing.md has no {marker} block"
    return match.group(1)


@pytest.fixture
def ninth(project):
    (project.seeds / "004_example.txt").write_text(example("example-seed"), encoding="utf-8")
    (project.plans / "004.yaml").write_text(example("example-plan"), encoding="utf-8")
    return project


def test_the_guide_adds_a_ninth_text_to_the_built_site(ninth):
    generate = run_cli(ninth.root, "generate")
    assert generate.returncode == 0, generate.stderr
    check = run_cli(ninth.root, "check")
    assert check.returncode == 0, check.stderr
    assert "004_example.txt: 11 lines" in check.stdout

    out = sphinx_build("html", ninth.edition, ninth.root / "_build")
    page = (out / "texts" / "004" / "example-heart-to-heart-talks.html").read_text(encoding="utf-8")
    assert "要坚持经常性地与党员交流" in page  # the join across the column break (经常|性)
    assert 'href="../../glossary/index.html#term-tanxin-tanhua"' in page
    assert "Dropped line" in page
    # A local build has no canonical URL: the citation says so rather than give a bare path.
    assert "(this copy of the edition was built without its web address)" in page
    assert 'href="004/index.html"' in (out / "texts" / "index.html").read_text(encoding="utf-8")
    glossary = (out / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "texts/004/example-heart-to-heart-talks.html" in glossary  # the concordance


def test_the_guide_shows_the_real_error(ninth):
    plan = ninth.plans / "004.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("kind: word", "kind: paragraph"), encoding="utf-8"
    )
    result = run_cli(ninth.root, "generate")
    shown = re.search(r"error: conf/plans/004\.yaml(:\d+: .*)", GUIDE).group(1)
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {plan}{shown}"


def test_cli_reference_is_generated_from_the_cli():
    from sizheng_edition.cli import cli_reference

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference()
