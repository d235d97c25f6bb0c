"""The glossary: data validation, pinyin, anchors, matching, links and concordance."""

from __future__ import annotations

import pytest
from sizheng_edition.errors import EditionError
from sizheng_edition.load.glossary import parse_glossary
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.render.concordance import links, occurrences
from sizheng_edition.text.pinyin import syllables
from sizheng_edition.text.termmatch import TermMatcher

ENTRY = """\
- term: {term}
  traditional: {term}
  english: x
  rendering: own
  rendering_source: test
  category: concept
  definition: A test entry.
  variants: {variants}
  see_also: {see_also}
"""


def glossary_text(*entries: dict) -> str:
    defaults = {"variants": "[]", "see_also": "[]"}
    return "".join(ENTRY.format(**{**defaults, **e}) for e in entries)


def parse(text: str):
    return parse_glossary(parse_yaml(text, "g.yaml"), "g.yaml")


# -- content ----------------------------------------------------------------------------


def test_glossary_is_large_enough(glossary):
    assert len(glossary.entries) >= 80


def test_every_term_and_variant_occurs_in_the_edition(glossary, articles):
    text = "\n".join(b.text for a in articles.values() for b in a.blocks)
    missing = [form for form in glossary.surfaces() if form not in text]
    assert missing == []


def test_every_entry_is_complete(glossary):
    for e in glossary.entries:
        sentences = [s for s in e.definition.replace("e.g.", "eg").split(". ") if s.strip()]
        assert 2 <= len(sentences) <= 6, e.term
        assert e.rendering_source and e.english and e.traditional


def test_pinyin_overrides_are_checked_against_pypinyin(glossary):
    overridden = {e.term: e for e in glossary.entries if e.pinyin_override}
    assert "以人民为中心" in overridden
    assert "wèi" in syllables("以人民为中心")  # pypinyin's reading, wrong in this formula
    assert overridden["以人民为中心"].pinyin == "yǐ rénmín wéi zhōngxīn"
    for e in glossary.entries:
        if e.pinyin_override is None:
            assert e.pinyin.replace(" ", "").replace("'", "") == "".join(syllables(e.term))


def test_a_wrong_override_is_rejected():
    text = glossary_text({"term": "以人民为中心"}).replace(
        "  english", '  pinyin: "yǐ rénmín wàng zhōngxīn"\n  english'
    )
    with pytest.raises(EditionError) as err:
        parse(text)
    assert err.value.line == 3
    assert "entry '以人民为中心'" in err.value.message
    assert "'wàng' does not begin with a reading of 为 (wèi, wéi)" in err.value.message


# -- anchors ----------------------------------------------------------------------------


def test_anchors_are_readable_pinyin_slugs(glossary):
    by_term = glossary.by_term()
    assert by_term["思想政治工作"].anchor == "term-sixiang-zhengzhi-gongzuo"
    assert by_term["两个维护"].anchor == "term-liang-ge-weihu"
    assert by_term["互联网+"].anchor == "term-hulianwang-jia"
    assert all(not e.anchor[5:].isdigit() for e in glossary.entries)


def test_anchors_do_not_change_when_entries_are_added_or_reordered():
    a, b, c = ({"term": "党支部"}, {"term": "两张皮"}, {"term": "三会一课"})
    before = {e.term: e.anchor for e in parse(glossary_text(a, b)).entries}
    after = {e.term: e.anchor for e in parse(glossary_text(c, b, a)).entries}
    assert {t: after[t] for t in before} == before


# -- validation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entries", "line", "words"),
    [
        (
            ({"term": "党支部"}, {"term": "党支部"}),
            10,
            "term '党支部' is already claimed by entry '党支部' (line 1)",
        ),
        (
            ({"term": "党支部", "variants": "[支部]"}, {"term": "党委", "variants": "[支部]"}),
            17,  # the second entry's variants: the form claimed the second time
            "entry '党委': form '支部' is already claimed by entry '党支部' (line 8)",
        ),
        (({"term": "党支部", "see_also": "[党小组]"},), 9, "'see also' names missing entry '党小组'"),
    ],
)
def test_invalid_glossary_names_entry_and_line(entries, line, words):
    with pytest.raises(EditionError) as err:
        parse(glossary_text(*entries))
    assert err.value.path == "g.yaml"
    assert err.value.line == line
    assert words in err.value.message


def test_missing_field_names_entry_and_line():
    text = glossary_text({"term": "党支部"}, {"term": "党委"}).replace("  definition: A test entry.\n", "", 1)
    with pytest.raises(EditionError) as err:
        parse(text)
    needs = "term, traditional, english, rendering, rendering_source, category, definition"
    message = f"entry '党支部': missing key 'definition' (a glossary entry needs {needs})"
    assert (err.value.line, err.value.message) == (1, message)


# -- matching ----------------------------------------------------------------------------


@pytest.fixture
def matcher():
    forms = {"思想政治工作": "思想政治工作", "思政工作": "思想政治工作", "思政": "思想政治工作"}
    forms |= {"医务思政": "医务思政", "党建": "党建", "党建+": "党建+", "政治": "政治"}
    return TermMatcher(forms)


def test_longest_match_wins(matcher):
    found = [(m.surface, m.term) for m in matcher.finditer("医务思政与思政工作和思想政治工作，深化党建+工程")]
    assert found == [
        ("医务思政", "医务思政"),
        ("思政工作", "思想政治工作"),
        ("思想政治工作", "思想政治工作"),
        ("党建+", "党建+"),
    ]


def test_overlaps_go_to_the_leftmost(matcher):
    assert [m.surface for m in matcher.finditer("思政治")] == ["思政"]


def test_matching_does_not_depend_on_glossary_order():
    forms = {"思政": "a", "思政工作": "b", "工作": "c"}
    text = "思政工作和工作"
    one = [(m.start, m.term) for m in TermMatcher(forms).finditer(text)]
    two = [(m.start, m.term) for m in TermMatcher(dict(reversed(list(forms.items())))).finditer(text)]
    assert one == two == [(0, "b"), (5, "c")]


def test_only_the_first_occurrence_in_a_paragraph_links(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    rail = articles["tianjin-railway-party-building"]
    for block in rail.body:
        found = links(matcher, block)
        assert len({link.term for link in found}) == len(found)
    paragraph = next(b for b in rail.body if b.text.count("思想政治工作") >= 2)
    assert sum(link.term == "思想政治工作" for link in links(matcher, paragraph)) == 1


def test_emended_text_is_not_linked(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    first = articles["guangyang-medical-insurance"].body[0]
    assert "思想政治优势" in first.text  # emended from 思政政治
    assert links(matcher, first)
    for link in links(matcher, first):
        assert all(first.items[i].rule != "emendation" for i in range(link.first, link.end))


def test_concordance_counts_every_occurrence(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    found = occurrences(matcher, articles.values())
    soe = [o for o in found if o.term == "两张皮"]
    assert {o.article for o in soe} >= {"soe-branch-secretaries", "tianjin-railway-party-building"}
