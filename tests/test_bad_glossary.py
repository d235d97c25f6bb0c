"""A catalogue of bad glossaries: each damages conf/glossary.yaml of a throwaway project,
runs ``generate`` and ``check``, and asserts the one error line, exit status 2, no
traceback, and nothing written (helpers in tests/test_bad_plans.py)."""

from __future__ import annotations

import pytest
from conftest import run_cli
from test_bad_plans import Case, assert_refused, replace, whole

GLOSSARY = "conf/glossary.yaml"
FIRST = "entry '思想政治工作': "
SECOND = "entry '思想政治教育': "
KEYS = "term, traditional, english, rendering, rendering_source, category, definition"
QUOTED = "思想政治工作是凝聚队伍力量、引领事业发展、厚植民生温度的重要抓手"
QUOTATION = f"    - {{article: guangyang-medical-insurance, paragraph: 1, text: {QUOTED}}}"
ARTICLES = (
    "fengrun-rural-development, guangyang-medical-insurance, highway-people-centred-management, "
    "internet-plus-hospital-education, medical-staff-ideological-work, soe-branch-secretaries, "
    "tianjin-railway-party-building, yancheng-medical-insurance-centre"
)


def quotation(old: str, new: str):
    """The first entry's first quotation with ``old`` replaced by ``new``."""
    return replace(QUOTATION, QUOTATION.replace(old, new))


ONE_ENTRY = (
    "- {term: 党支部, traditional: 黨支部, english: x, rendering: own, rendering_source: x, "
    "category: concept, definition: x}\n"
)


def without_line(start: str):
    """The file without its first line that starts with ``start``."""

    def edit(text: str) -> str:
        lines = text.splitlines(keepends=True)
        at = next(k for k, line in enumerate(lines) if line.startswith(start))
        return "".join(lines[:at] + lines[at + 1 :])

    return edit


def without_sources(text: str) -> str:
    """The file without the first entry's sources."""
    lines = text.splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if line.startswith("  sources:"))
    end = next(k for k in range(at + 1, len(lines)) if not lines[k].startswith("    "))
    return "".join(lines[:at] + lines[end:])


# The first history item of the real glossary (四个意识) and its source.
HISTORY = '    - date: "2016-01-29"\n      first: true\n'
SOURCE = "      source:\n        title: \"'Four Consciousnesses'\"\n"
SOURCE_URL = (
    '        url: "http://www.china.org.cn/english/china_key_words/2018-10/29/content_68862759.htm"\n'
)
SAYS_FIRST = "publicly spelled out for the first time the “Four Consciousnesses”"
FOURTH = "entry '四个意识': "


def history_without_url(text: str) -> str:
    """The first history item's source without its URL, its mapping marked for the line."""
    at = text.index(SOURCE)
    text = text[:at] + SOURCE.replace("source:", "source:  # no url", 1) + text[at + len(SOURCE) :]
    return text.replace(SOURCE_URL, "", 1)


def history_date(new: str):
    return replace(HISTORY, HISTORY.replace("2016-01-29", new))


def g(id: str, edit, at, message: str) -> Case:
    return Case(id, edit, at, message, file=GLOSSARY)


CASES = [
    # -- keys misspelt, unknown or given twice -------------------------------------------------------
    g("typo-rendering-source", replace('  rendering_source: "Xinhua', '  rendering_sorce: "Xinhua'),
      "rendering_sorce:", FIRST + "unknown key 'rendering_sorce': did you mean 'rendering_source'?"),
    g("typo-see-also", replace("  see_also: [思想政治教育, 党建,", "  seealso: [思想政治教育, 党建,"),
      "seealso:", FIRST + "unknown key 'seealso': did you mean 'see_also'?"),
    g("unknown-key", replace("  pinyin: null\n", "  pinyin: null\n  colour: red\n"),
      "colour:", FIRST + "unknown key 'colour': expected one of: category, definition, english, "
      "history, note, pinyin, quotations, rendering, rendering_source, see_also, sources, term, "
      "traditional, variants"),
    g("duplicate-key", replace('  english: "ideological and political work"\n',
                               '  english: "ideological and political work"\n  english: another\n'),
      "english: another", "duplicate key 'english': also given on line 14"),
    # -- terms and forms ------------------------------------------------------------------------------
    g("duplicate-term", replace("- term: 思想政治教育", "- term: 思想政治工作"),
      42, FIRST + "term '思想政治工作' is already claimed by entry '思想政治工作' (line 11)"),
    g("variant-claimed-twice", replace("  variants: [思政教育]", "  variants: [思政]"),
      "variants: [思政]", SECOND + "form '思政' is already claimed by entry '思想政治工作' (line 33)"),
    g("variant-is-another-term", replace("  variants: [思政教育]", "  variants: [医务思政]"),
      "- term: 医务思政",
      "entry '医务思政': form '医务思政' is already claimed by entry '思想政治教育' (line 62)"),
    g("term-multi-line", replace("- term: 思想政治教育", "- term: |\n    思想政治\n    教育"),
      "- term: |", "entry '思想政治 教育': 'term' is text with a line break: expected a term as "
      "printed: one line of text, without ` < or >"),
    g("term-with-markup", replace("- term: 思想政治教育", "- term: 思想<b>政治教育"),
      "思想<b>", "entry '思想<b>政治教育': 'term' is '思想<b>政治教育': expected a term as "
      "printed: one line of text, without ` < or >"),
    g("variant-a-number", replace("  variants: [思政教育]", "  variants: [12]"),
      "variants: [12]", SECOND + "item 1 of 'variants' is the number 12: expected a term as printed: "
      "one line of text, without ` < or >; put it in quotes to make it text"),
    # -- wrong types ----------------------------------------------------------------------------------
    g("variants-not-a-list", replace("  variants: [思政教育]", "  variants: 思政教育"),
      "variants: 思政教育", SECOND + "'variants' is '思政教育': expected a list or null"),
    g("variants-a-mapping", replace("  variants: [思政教育]", "  variants: {form: 思政教育}"),
      "variants: {", SECOND + "'variants' is a mapping: expected a list or null"),
    g("definition-a-number", replace("  definition: >-\n    The Party's work",
                                     "  definition: 5\n  note_: >-\n    The Party's work"),
      "definition: 5", FIRST + "'definition' is the number 5: expected text, not empty; put it in quotes to "
      "make it text"),
    g("english-null", replace('  english: "ideological and political work"', "  english: null"),
      "english: null", FIRST + "'english' is empty (null): expected text, not empty"),
    g("note-a-list", replace("  note: null", "  note: [a, b]"),
      "note: [a, b]", SECOND + "'note' is a list: expected text or null"),
    g("entry-a-list", whole("- [党支部, 黨支部]\n"), 1,
      "item 1 is a list: expected a glossary entry (a mapping of key: value lines)"),
    g("entry-text", whole("- 党支部\n"), 1,
      "item 1 is '党支部': expected a glossary entry (a mapping of key: value lines)"),
    g("top-level-mapping", whole("term: 党支部\n"),
      1, "the file is a mapping: expected a glossary, a list of entries"),
    # -- values out of their set -----------------------------------------------------------------------
    g("unknown-category", replace("  category: concept", "  category: concpet"),
      "category: concpet", FIRST + "'category' is 'concpet': expected one of: formula, concept, institution, "
      "office, campaign, method, document, meeting (did you mean 'concept'?)"),
    g("unknown-rendering", replace("  rendering: official", "  rendering: offical"),
      "rendering: offical", FIRST + "'rendering' is 'offical': expected one of: official, scholarly, own "
      "(did you mean 'official'?)"),
    # -- missing fields ---------------------------------------------------------------------------------
    g("missing-rendering-source", without_line('  rendering_source: "Xinhua'),
      "- term: 思想政治工作", FIRST + f"missing key 'rendering_source' (a glossary entry needs {KEYS})"),
    g("missing-many", whole("- term: 党支部\n"), 1, "entry '党支部': missing keys 'traditional', 'english', "
      f"'rendering', 'rendering_source', 'category', 'definition' (a glossary entry needs {KEYS})"),
    # -- cross-references and pinyin ------------------------------------------------------------------------
    g("see-also-missing-entry",
      replace("  see_also: [思想政治教育, 党建,", "  see_also: [思想政治教肓, 党建,"),
      "see_also: [思想政治教肓", FIRST + "'see also' names missing entry '思想政治教肓'"),
    g("see-also-itself",
      replace("  see_also: [思想政治工作, 网络思政, 医务思政]", "  see_also: [思想政治教育]"),
      "see_also: [思想政治教育]", SECOND + "'see also' names itself"),
    g("wrong-pinyin", replace('  pinyin: "yīwù sīzhèng"', '  pinyin: "yīwù sīzhàng"'),
      "sīzhàng", "entry '医务思政': pinyin override 'yīwù sīzhàng': 'zhàng' does not begin with a "
      "reading of 政 (zhèng, zhēng)"),
    # -- quotations from the essays: checked against the built paragraphs ---------------------------------
    g("quotation-unknown-article", quotation("-medical-insurance,", ","),
      "article: guangyang,", FIRST + f"quotation names article 'guangyang', which the edition does not "
      f"have (expected one of: {ARTICLES})"),
    g("quotation-paragraph-out-of-range", quotation("paragraph: 1,", "paragraph: 99,"),
      "paragraph: 99", FIRST + "quotation names ¶99 of 'guangyang-medical-insurance', which has "
      "paragraphs ¶1 to ¶11"),
    g("quotation-wrong-paragraph", quotation("paragraph: 1,", "paragraph: 2,"),
      "paragraph: 2,", FIRST + f"quotation “{QUOTED}” does not stand in ¶2 of 'guangyang-medical-insurance'"),
    g("quotation-without-the-term", quotation(QUOTED, "引领事业发展"),
      "text: 引领事业发展", FIRST + "quotation “引领事业发展” uses neither the term nor a variant"),
    g("quotation-with-markup", quotation(QUOTED, '"思想政治工作`{raw} html`"'),
      "{raw}", FIRST + "'text' is '思想政治工作`{raw} html`': expected the words as printed: one line of "
      "text, without `"),
    g("quotation-with-html", quotation(QUOTED, '"<script>x</script>思想政治工作"'),
      "<script>", FIRST + "quotation “<script>x</script>思想政治工作” does not stand in ¶1 of "
      "'guangyang-medical-insurance'"),
    g("quotation-paragraph-text", quotation("paragraph: 1,", 'paragraph: "1",'),
      'paragraph: "1"', FIRST + "'paragraph' is '1': expected a paragraph number (1, 2, ...)"),
    g("quotation-without-text", quotation(f", text: {QUOTED}", ""),
      "paragraph: 1}",
      FIRST + "missing key 'text' (a quotation from the essays needs article, paragraph, text)"),
    # -- history: dated events, each with its source (docs/glossary.md, "History") ----------------------
    g("history-without-url", history_without_url, "# no url",
      FOURTH + "missing key 'url' (a history source needs title, publisher, date, url, quote)"),
    g("history-date-after-its-source", history_date("2019-01-29"), '- date: "2019-01-29"',
      FOURTH + "history date 2019-01-29 is later than its source, dated 2018-10-29: a page can only "
      "report what has happened"),
    g("history-date-not-in-the-calendar", history_date("2016-02-30"), '- date: "2016-02-30"',
      FOURTH + "history date '2016-02-30' is not a date of the calendar"),
    g("history-date-in-words", history_date("29 January 2016"), "29 January 2016",
      FOURTH + "'date' is '29 January 2016': expected the event's date as the source gives it, in quotes: "
      '"2016-01-29", "2014-12" or "2015"'),
    g("history-source-undated",
      replace('        date: "2018-10-29"\n' + SOURCE_URL, "        date: undated\n" + SOURCE_URL),
      "date: undated", FOURTH + "'date' is 'undated': expected the page's date, in quotes: \"2018-10-29\", "
      '"2015-09" or "2015" (a history source must be dated)'),
    g("history-quote-empty",
      replace(f'quote: "On January 29, 2016, the Political Bureau of the CPC Central Committee {SAYS_FIRST}"',
              'quote: " "'),
      'quote: " "', FOURTH + "'quote' is empty text: expected text, not empty"),
    g("history-first-unsaid", replace(SAYS_FIRST, "publicly spelled out the “Four Consciousnesses”"),
      "first: true", FOURTH + "history item is marked 'first', but its source's quote does not say so "
      "(first, 首次, 第一次): quote the words that do, or leave 'first' out"),
    g("history-report-date-not-the-report", replace(HISTORY, HISTORY + "      dated: report\n"),
      '- date: "2016-01-29"', FOURTH + "history date 2016-01-29 is marked as the report's, but the report "
      "is dated 2018-10-29"),
    g("history-source-misspelt", replace(SOURCE, SOURCE.replace("source:", "sourc:")),
      "sourc:", FOURTH + "unknown key 'sourc': did you mean 'source'?"),
    # -- YAML features and the file as a whole -------------------------------------------------------------
    g("anchor", replace("  variants: [思政教育]", "  variants: &v [思政教育]"),
      "&v", "anchor &v is not allowed: write each value out"),
    g("empty-file", whole(""),
      1, "the file is empty (or only comments): expected a glossary, a list of entries"),
    g("bom", lambda text: "\ufeff" + text,
      1, "starts with a UTF-8 byte-order mark; save the file without BOM"),
    g("official-without-sources", without_sources,
      "  rendering: official", FIRST + "missing key 'sources': an official rendering needs at least one "
      "source (title, publisher, date, url), or the rendering is 'own'"),
    g("schema-of-a-plan", replace("schema/glossary.v2.schema.json", "schema/plan.v1.schema.json"), 1,
      "names schema 'schema/plan.v1.schema.json', but a glossary is read with glossary.v2.schema.json "
      "(docs/plans.md, 'Format versions')"),
    g("one-entry-twice", whole(ONE_ENTRY + ONE_ENTRY), 2,
      "entry '党支部': term '党支部' is already claimed by entry '党支部' (line 1)"),
]  # fmt: skip


@pytest.mark.parametrize("command", ["generate", "check"])
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_bad_glossary_is_refused_with_its_line(project, case, command):
    assert_refused(project, case, command)


def test_the_real_process_prints_the_same_line(project):
    assert_refused(project, CASES[0], "generate", runner=run_cli)


def test_the_catalogue_is_large_and_each_case_distinct():
    assert len(CASES) >= 25
    assert len({c.id for c in CASES}) == len(CASES)


def test_a_removed_source_whose_article_is_quoted_is_named(project):
    """Removing a source leaves the glossary quoting an article the edition no longer has:
    refused with the quotation's line, not silently dropped from the glossary page."""
    for key in ("000",):
        next(project.seeds.glob(f"{key}_*.txt")).unlink()
        (project.plans / f"{key}.yaml").unlink()
    lines = project.glossary.read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines, 1) if "article: guangyang-medical-insurance" in line)
    for command in ("generate", "check"):
        result = run_cli(project.root, command)
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr
        assert f"glossary.yaml:{first}: " in result.stderr
        assert (
            "quotation names article 'guangyang-medical-insurance', which the edition does not have"
            in result.stderr
        )
