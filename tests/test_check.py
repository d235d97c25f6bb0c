"""The nothing-lost check passes on the edition and fails on any loss or double use."""

from __future__ import annotations

import dataclasses

from conftest import run_cli
from sizheng_edition.check.nothing_lost import check_source
from sizheng_edition.model.edition import Cell


def test_every_character_of_every_source_is_accounted_for(edition):
    for src in edition:
        problems, tally = check_source(src)
        assert problems == []
        chars = sum(len(line) for line in src.source.lines)
        assert tally.printed + tally.removed + tally.discarded == chars


def _with_first_paragraph(src, change):
    article = src.articles[0]
    block = article.body[0]
    body = (dataclasses.replace(block, items=change(block.items)), *article.body[1:])
    return dataclasses.replace(src, articles=(dataclasses.replace(article, body=body), *src.articles[1:]))


def test_a_lost_character_is_reported_with_file_and_line(edition):
    src = _with_first_paragraph(edition[0], lambda items: items[:5] + items[6:])
    problems, _ = check_source(src)
    lost = items_line = src.articles[0].body[0].items[0].line
    assert any(p.line == items_line and "unaccounted" in p.message for p in problems)
    assert str(problems[0]).startswith(f"{src.source.path}:{lost}:")


def test_a_character_used_twice_is_reported(edition):
    src = _with_first_paragraph(edition[0], lambda items: items + items[:1])
    problems, _ = check_source(src)
    assert any("used twice" in p.message for p in problems)


def test_a_change_without_a_rule_is_reported(edition):
    def retouch(items):
        first = items[0]
        assert isinstance(first, Cell)
        return (dataclasses.replace(first, out="X", rule=None), *items[1:])

    problems, _ = check_source(_with_first_paragraph(edition[0], retouch))
    assert any("with no rule" in p.message for p in problems)


def test_check_command_passes_on_the_project(real_layout):
    result = run_cli(real_layout.root, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(": OK") == 3


def test_check_command_fails_on_stale_edition(project):
    assert run_cli(project.root, "generate").returncode == 0
    page = project.edition / "texts" / "003" / "yancheng-medical-insurance-centre.md"
    page.write_text(page.read_text(encoding="utf-8").replace("王烨", "王某"), encoding="utf-8")
    result = run_cli(project.root, "check")
    assert result.returncode == 1
    assert "yancheng-medical-insurance-centre.md: stale" in result.stderr
