"""A catalogue of bad plans, as a hostile or hurried editor writes them.

Each case damages one plan of a throwaway copy of the project, runs the command line
as an editor would (``generate`` and ``check``), and asserts the one line on stderr
(``error: FILE:LINE: message``), exit status 2, no traceback, and that nothing under
``edition/`` was written.  ``tests/test_bad_glossary.py`` does the same for the
glossary with the helpers defined here."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import invoke_cli, run_cli

Edit = Callable[[str], "str | bytes"]
Runner = Callable[..., "subprocess.CompletedProcess[str]"]


@dataclass(frozen=True)
class Case:
    id: str
    edit: Edit  # the file's text before -> its content after
    at: int | str  # the error's line, or text on that line of the damaged file (its first line with it)
    message: str
    file: str = "conf/plans/003.yaml"


def replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert old in text, f"test setup: {old!r} not in the file"
        return text.replace(old, new, 1)

    return edit


def whole(content: str | bytes) -> Edit:
    return lambda text: content


def encode(edit: Edit, transform: Callable[[bytes], bytes]) -> Edit:
    def bytes_edit(text: str) -> bytes:
        result = edit(text)
        return transform(result.encode("utf-8") if isinstance(result, str) else result)

    return bytes_edit


def edition_tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_refused(project, case: Case, command: str, runner: Runner = invoke_cli) -> None:
    path = project.root / case.file
    damaged = case.edit(path.read_text(encoding="utf-8"))
    if isinstance(damaged, bytes):
        path.write_bytes(damaged)
    else:
        path.write_text(damaged, encoding="utf-8")
    if isinstance(case.at, int):
        line = case.at
    else:
        lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
        line = next(n for n, text in enumerate(lines, 1) if case.at in text)
    before = edition_tree(project.edition)
    result = runner(project.root, command)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr == f"error: {path}:{line}: {case.message}\n"
    assert result.returncode == 2
    assert edition_tree(project.edition) == before


TITLE_LINE = "title: a journal article in machine-converted traditional script"
DESCRIPTION = (
    "description: >-\n"
    "  One journal article with abstract, keywords and references, in traditional\n"
    "  script produced by machine conversion from a simplified original; the author\n"
    "  line is printed twice.\n"
)
ARTICLE_DESCRIPTION = (
    "    description: >-\n"
    "      Ideological work among the staff of a county medical insurance centre (Sheyang\n"
    "      county, Yancheng), as its author practises it: loyalty to the Party, dedication,\n"
    "      unity and cooperation, and self-discipline against corruption.\n"
)
REASON_7 = "    reason: the aspect particle after a verb is 着 in simplified script (see line 4)"
NEEDS = "(a plan needs source, description, layout, script, articles)"
RANGE = "expected a line number (1 or more) or a range of lines like 12-15"

CASES = [
    # -- keys misspelt, at every level ------------------------------------------------------
    Case("typo-move", replace("      - lines: 6-12", "      - lines: 6-12\n        mvoe: printed elsewhere"),
         "mvoe:", "unknown key 'mvoe': did you mean 'move'?"),
    Case("typo-lacuna", replace("      - lines: 6-12", "      - lines: 6-12\n        lacunna: text lost"),
         "lacunna:", "unknown key 'lacunna': did you mean 'lacuna'?"),
    Case("typo-headings", replace("    fragments:\n", "    heading: [6]\n    fragments:\n"),
         "heading:", "unknown key 'heading': did you mean 'headings'?"),
    Case("typo-join", replace("      - lines: 49-53\n        join:", "      - lines: 49-53\n        joim:"),
         "joim:", "unknown key 'joim': did you mean 'join'?", file="conf/plans/000.yaml"),
    Case("typo-join-kind", replace("          kind: word", "          knd: word"),
         "knd:", "unknown key 'knd': did you mean 'kind'?", file="conf/plans/000.yaml"),
    Case("typo-top-level", replace("layout: lines", "layuot: lines"),
         "layuot:", "unknown key 'layuot': did you mean 'layout'?"),
    Case("typo-article", replace("    title: 2", "    titel: 2"),
         "titel:", "unknown key 'titel': did you mean 'title'?"),
    Case("typo-emendation", replace("    kind: sic", "    knid: sic"),
         "knid:", "unknown key 'knid': did you mean 'kind'?"),
    Case("typo-byline", replace("{line: 3, form: author-affiliation}", "{line: 3, from: author-affiliation}"),
         "from:", "unknown key 'from': did you mean 'form'?"),
    Case("typo-required-key", replace("    fragments:\n", "    fragmnets:\n"),
         "fragmnets:", "unknown key 'fragmnets': did you mean 'fragments'?"),
    Case("unknown-key", replace("layout: lines", "layout: lines\ncolour: red"),
         "colour:", "unknown key 'colour': expected one of: articles, description, drops, emendations, "
         "layout, metadata, original_forms, script, source, title"),
    # -- keys given twice ---------------------------------------------------------------------
    Case("duplicate-top-key",
         replace("script: converted-traditional", "script: converted-traditional\nlayout: wrapped"),
         "layout: wrapped", "duplicate key 'layout': also given on line 12"),
    Case("duplicate-fragment-key", replace("      - lines: 6-12", "      - lines: 6-12\n        lines: 6-11"),
         "lines: 6-11", "duplicate key 'lines': also given on line 142"),
    # -- wrong types --------------------------------------------------------------------------
    Case("list-for-mapping", replace("{line: 3, form: author-affiliation}", "[3, author-affiliation]"),
         "byline:", "'byline' is a list: expected a byline (a mapping of key: value lines)"),
    Case("mapping-for-list",
         replace("    fragments:\n      - lines: 6-12", "    fragments:\n      lines: 6-12"),
         "fragments:", "'fragments' is a mapping: expected a list"),
    Case("number-for-text", replace("    find: 承担著", "    find: 12"),
         "find: 12",
         "'find' is the number 12: expected one line of text, not empty; put it in quotes to make it text"),
    Case("true-as-line", replace("    title: 2", "    title: true"),
         "    title: true", f"'title' is true: {RANGE}"),
    Case("date-as-range", replace("    title: 2", "    title: 2019-01-01"),
         "2019-01-01", f"'title' is the date 2019-01-01: {RANGE}"),
    Case("float-line", replace("  - line: 7\n", "  - line: 7.0\n"),
         "line: 7.0", "'line' is the number 7.0: expected a line number, 1 or more"),
    Case("word-as-line", replace("  - line: 7\n", "  - line: seven\n"),
         "line: seven", "'line' is 'seven': expected a line number, 1 or more"),
    Case("words-as-range", replace("    references: 13-15", "    references: thirteen"),
         "references:", f"'references' is 'thirteen': {RANGE}"),
    Case("text-as-top-level", replace(TITLE_LINE, "title: [a, list]"),
         "title: [a, list]", "'title' is a list: expected one line of text, not empty"),
    # -- missing fields -------------------------------------------------------------------------
    Case("missing-description", replace(DESCRIPTION, ""), "source:", f"missing key 'description' {NEEDS}"),
    Case("missing-reason", replace(REASON_7 + "\n", ""), "  - line: 7",
         "missing key 'reason' (an emendation needs line, find, replace, kind, reason)"),
    Case("null-reason", replace(REASON_7, "    reason: null"), "reason: null",
         "'reason' is empty (null): expected text, not empty"),
    Case("blank-reason", replace(REASON_7, "    reason: '   '"), "reason: '   '",
         "'reason' is empty text: expected text, not empty"),
    Case("no-articles", lambda text: text[: text.index("articles:")] + "articles: []\n",
         "articles: []", "'articles' is an empty list: expected at least 1 item"),
    Case("no-fragments", replace("    fragments:\n      - lines: 6-12", "    fragments: []"),
         "fragments: []", "'fragments' is an empty list: expected at least 1 item"),
    # -- values out of range ------------------------------------------------------------------
    Case("line-0", replace("  - line: 7\n", "  - line: 0\n"),
         "line: 0", "'line' is the number 0: expected a line number, 1 or more"),
    Case("negative-line", replace("      - lines: 6-12", "      - lines: -6"),
         "lines: -6", f"'lines' is the number -6: {RANGE}"),
    Case("range-from-0", replace("    references: 13-15", "    references: 0-15"),
         "references: 0-15", f"'references' is '0-15': {RANGE}"),
    Case("range-far-beyond", replace("    references: 13-15", "    references: 13-999999999"),
         "references: 13-999999999",
         "article 'yancheng-medical-insurance-centre' references names line 16, but 003_b775b8dd6b862dbc.txt "
         "has 15 lines"),
    Case("heading-far-beyond", replace("      - {lines: 33-35, level: 2}", "      - 33-999999999"),
         "33-999999999", "article 'tianjin-railway-party-building' heading 33–999999999 names line 691, but "
         "002_5bbf46da956b4cfb.txt has 690 lines", file="conf/plans/002.yaml"),
    Case("empty-range", replace("      - lines: 6-12", "      - lines: 9-3"),
         "lines: 9-3", "range 9-3 is empty: its first line comes after its last"),
    Case("heading-level-4", replace("      - {lines: 33-35, level: 2}", "      - {lines: 33-35, level: 4}"),
         "level: 4", "'level' is the number 4: expected a heading level: 1, 2 or 3",
         file="conf/plans/002.yaml"),
    Case("layout-misspelt", replace("layout: lines", "layout: wraped"),
         "layout: wraped", "'layout' is 'wraped': expected one of: lines, wrapped (did you mean 'wrapped'?)"),
    Case("emendation-kind", replace("    kind: sic", "    kind: sci"),
         "kind: sci", "'kind' is 'sci': expected one of: emendation, sic, script (did you mean 'sic'?)"),
    Case("byline-form", replace("form: author-affiliation", "form: author"),
         "form: author", "'form' is 'author': expected one of: mark-author, mark-affiliation-author, "
         "author-affiliation (did you mean 'mark-author'?)"),
    Case("setting-misspelt", replace("    setting: medical-insurance", "    setting: medical-insurence"),
         "setting: medical-insurence",
         "'setting' is 'medical-insurence': expected one of: hospitals, medical-insurance, state-firms, "
         "railway, highways, rural-district (did you mean 'medical-insurance'?)"),
    Case("typo-setting", replace("    setting: medical-insurance", "    settting: medical-insurance"),
         "settting:", "unknown key 'settting': did you mean 'setting'?"),
    Case("blank-article-description", replace(ARTICLE_DESCRIPTION, "    description: ''\n"),
         "description: ''", "'description' is empty text: expected text, not empty"),
    Case("list-as-article-description", replace(ARTICLE_DESCRIPTION, "    description: [an, essay]\n"),
         "description: [an, essay]", "'description' is a list: expected text, not empty"),
    Case("article-id", replace("  - id: yancheng-medical-insurance-centre", "  - id: Yancheng_Centre"),
         "id: Yancheng_Centre",
         "'id' is 'Yancheng_Centre': expected an article id: lower-case ASCII letters and digits, "
         "words joined by '-'"),
    # -- YAML features an editor's file does not use ----------------------------------------------
    Case("anchor-and-alias", replace("    title: 2", "    title: &t 2\n    abstract: *t"),
         "&t", "anchor &t is not allowed: write each value out"),
    Case("alias", replace("    abstract: 4", "    abstract: *t"),
         "*t", "alias *t is not allowed: write the value out"),
    Case("merge-key", replace("    byline: {line: 3, form: author-affiliation}",
                              "    byline:\n      <<: {line: 3}\n      form: author-affiliation"),
         "<<:", "merge key << is not allowed: write the keys out"),
    Case("python-tag", replace(TITLE_LINE, "title: !!python/object:os.system a journal"),
         "!!python", "tag !!python/object:os.system is not allowed: write plain values (quote text)"),
    Case("str-tag", replace("    title: 2", "    title: !!str 2"),
         "!!str", "tag !!str is not allowed: write plain values (quote text)"),
    Case("second-document", lambda text: text + "---\nsource: another\n",
         "---", "a second YAML document starts here: the file holds one document"),
    Case("tab-indent", replace("    title: 2", "\ttitle: 2"),
         "\ttitle", "a tab where YAML expects spaces: indent with spaces only"),
    Case("key-not-text", replace("layout: lines", "layout: lines\nyes: x"),
         "yes: x", "key 'yes' is not text (YAML reads it as true/false): quote it"),
    Case("control-character", replace(TITLE_LINE, "title: a \x07journal"),
         "title: a", "character U+0007 is not allowed in YAML"),
    Case("malformed", replace("    kind: script\n", "    kind: [script\n"),
         27, "malformed YAML: expected ',' or ']', but got ':' (while parsing a flow sequence on line 26)"),
    # -- the file as a whole ----------------------------------------------------------------------
    Case("bom", lambda text: "\ufeff" + text,
         1, "starts with a UTF-8 byte-order mark; save the file without BOM"),
    Case("not-utf8",
         encode(replace("    find: 承担著", "    find: X"), lambda b: b.replace(b"X", b"\xb3\xd0", 1)),
         "    find: ", "not UTF-8: byte 0xb3 at column 11; save the file as UTF-8"),
    Case("empty-file", whole(""), 1, "the file is empty (or only comments): expected a plan, a mapping with "
         "source, description, layout, script, articles"),
    Case("only-a-comment", whole("# a plan, one day\n"),
         1, "the file is empty (or only comments): expected a plan, a mapping with source, description, "
         "layout, script, articles"),
    Case("top-level-list", whole("- source: 003_b775b8dd6b862dbc.txt\n"), 1,
         "the file is a list: expected a plan, a mapping with source, description, layout, script, articles"),
    Case("top-level-text", whole("just a sentence\n"), 1,
         "the file is 'just a sentence': expected a plan, a mapping with source, description, layout, "
         "script, articles"),
    Case("schema-of-the-glossary", replace("plan.v1.schema.json", "glossary.v1.schema.json"), 1,
         "names schema '../schema/glossary.v1.schema.json', but a plan is read with plan.v1.schema.json "
         "(docs/plans.md, 'Format versions')"),
    Case("schema-of-another-version", replace("plan.v1.schema.json", "plan.v0.schema.json"), 1,
         "names schema '../schema/plan.v0.schema.json', but a plan is read with plan.v1.schema.json "
         "(docs/plans.md, 'Format versions')"),
    # -- multi-line text ----------------------------------------------------------------------------
    Case("title-literal-block", replace(TITLE_LINE, "title: |\n  a journal article\n  in two lines"),
         "title: |", "'title' is text with a line break: expected one line of text, not empty"),
    Case("title-escaped-break", replace(TITLE_LINE, 'title: "a journal\\narticle"'),
         "title: ", "'title' is text with a line break: expected one line of text, not empty"),
    # Written as escapes, hidden characters reach the parsed text: the witnesses' policy
    # holds for it too (docs/characters.md), or an ESC in a note breaks the EPUB's XML.
    Case("escaped-control", replace(TITLE_LINE, 'title: "a journal\\e article"'),
         "title: ", "U+001B ESCAPE is a control character: it has no place in text"),
    Case("escaped-bidi", replace(TITLE_LINE, 'title: "a journal \\u202e article"'),
         "title: ", "U+202E RIGHT-TO-LEFT OVERRIDE is a bidirectional control: it has no place in text"),
    Case("escaped-noncharacter", replace(TITLE_LINE, 'title: "a journal \\uFFFE article"'),
         "title: ", "U+FFFE is a noncharacter: it has no place in text"),
]  # fmt: skip


@pytest.mark.parametrize("command", ["generate", "check"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_bad_plan_is_refused_with_its_line(project, case, command):
    assert_refused(project, case, command)


# The catalogue calls the command line's main in this process; these cases run the real
# `edition` process too, one of each family, to show it prints exactly the same line.
REAL_PROCESS = ("typo-move", "duplicate-top-key", "alias", "range-far-beyond")


@pytest.mark.parametrize("case", [c for c in CASES if c.id in REAL_PROCESS], ids=lambda c: c.id)
def test_the_real_process_prints_the_same_line(project, case):
    assert_refused(project, case, "generate", runner=run_cli)


def test_the_catalogue_is_large_and_each_case_distinct():
    assert {c.id for c in CASES} >= set(REAL_PROCESS)
    assert len(CASES) >= 45
    assert len({c.id for c in CASES}) == len(CASES)
    assert len({c.message for c in CASES}) >= len(CASES) - 5  # messages say what is wrong, case by case


def test_a_description_written_as_a_literal_block_is_read_as_one_line(project):
    path = project.plans / "003.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("description: >-", "description: |", 1), "utf-8")
    result = run_cli(project.root, "generate")
    assert result.returncode == 0, result.stderr
    overview = (project.edition / "texts" / "003" / "index.md").read_text(encoding="utf-8")
    assert "in traditional script produced by machine conversion" in overview.replace("\\", "")
