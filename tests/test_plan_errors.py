"""A plan that is malformed or does not fit its source is rejected with file and line."""

from __future__ import annotations

import pytest
from sizheng_edition.errors import EditionError
from sizheng_edition.pipeline import load_edition


def edit_plan(project, key: str, old: str, new: str):
    path = project.plans / f"{key}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def yaml_line(path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def error_of(project) -> EditionError:
    with pytest.raises(EditionError) as err:
        load_edition(project)
    return err.value


def test_malformed_yaml(project):
    path = edit_plan(project, "003", "    kind: script\n", "    kind: [script\n")
    err = error_of(project)
    assert err.path == str(path)
    assert "malformed YAML" in err.message
    assert err.line is not None and err.line >= yaml_line(path, "kind: [script")


def test_line_beyond_the_source(project):
    path = edit_plan(project, "003", "      - lines: 6-12", "      - lines: 6-999")
    err = error_of(project)
    assert (err.path, err.line) == (str(path), yaml_line(path, "6-999"))
    assert "line 16" in err.message and "has 15 lines" in err.message


def test_line_used_twice(project):
    path = edit_plan(project, "003", "    abstract: 4", "    abstract: 4-5")
    err = error_of(project)
    assert err.path == str(path)
    assert "line 5 is used twice" in err.message
    assert err.line == yaml_line(path, "keywords: 5")


def test_line_not_accounted_for(project):
    path = edit_plan(project, "003", "    references: 13-15", "    references: 13-14")
    err = error_of(project)
    assert err.path == str(path)
    assert "line 15 is not accounted for" in err.message


def test_fragment_without_join(project):
    path = project.plans / "000.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - lines: 49-53\n")
    end = text.index("      - lines: 93-97")
    path.write_text(text[:start] + "      - lines: 49-53\n" + text[end:], encoding="utf-8")
    err = error_of(project)
    assert err.line == yaml_line(path, "lines: 49-53")
    assert "say how it joins" in err.message


def test_paragraph_join_that_would_cut_a_sentence(project):
    path = edit_plan(
        project,
        "000",
        "          kind: word\n          reason: >-\n            从业观念",
        "          kind: paragraph\n          reason: >-\n            从业观念",
    )
    err = error_of(project)
    assert err.path == str(path)
    assert "line 11 ends mid-sentence" in err.message


def test_word_join_after_a_finished_sentence(project):
    path = edit_plan(
        project,
        "000",
        "          kind: paragraph\n          reason: >-\n            the repeated title at line 128",
        "          kind: word\n          reason: >-\n            the repeated title at line 128",
    )
    err = error_of(project)
    assert "line 109 ends a sentence" in err.message
    assert err.line == yaml_line(path, "lines: 130-136")


def test_emendation_text_not_on_its_line(project):
    path = edit_plan(project, "000", "    find: 才被开展工作", "    find: 才被动开展工作")
    err = error_of(project)
    assert err.path == str(path)
    assert "not found on line 113" in err.message


def test_unknown_field_value(project):
    path = edit_plan(project, "002", "layout: wrapped", "layout: columns")
    err = error_of(project)
    assert (err.path, err.line) == (str(path), yaml_line(path, "layout: columns"))
    assert "expected one of: lines, wrapped" in err.message


def test_plan_without_seed(project):
    (project.plans / "777.yaml").write_text("source: x\n", encoding="utf-8")
    err = error_of(project)
    assert err.path.endswith("777.yaml") and "no seed" in err.message


def test_seed_without_plan(project):
    (project.plans / "003.yaml").unlink()
    err = error_of(project)
    assert err.path.endswith("003_b775b8dd6b862dbc.txt") and "no plan" in err.message


def test_heading_split_between_fragments(project):
    """Once a traceback (StopIteration inside the build); now a plan error at the heading."""
    path = edit_plan(
        project,
        "002",
        "      - lines: 340-689",
        "      - lines: 340-358\n      - lines: 359-689\n        join: {kind: paragraph, reason: test}",
    )
    err = error_of(project)
    assert (err.path, err.line) == (str(path), yaml_line(path, "- 357-359"))
    assert "heading 357–359 of article 'internet-plus-hospital-education' is split between fragments" in (
        err.message
    )
