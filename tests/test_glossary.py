"""The glossary: data validation, pinyin, anchors, matching, links and concordance."""

from __future__ import annotations

import random

import pytest
from sizheng_edition.errors import EditionError
from sizheng_edition.load.glossary import parse_glossary
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.render.concordance import links, occurrences, scan
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


def test_a_term_inside_another_and_overlapping_variants():
    # 思政 sits inside 思政工作 and 工作; 政工 overlaps both; a variant (思政课) of another
    # entry shares the prefix 思政 with the longer term.
    forms = {"思政": "a", "思政工作": "b", "工作": "c", "政工": "d", "思政课": "e", "工": "f"}
    found = [(m.start, m.end, m.term) for m in TermMatcher(forms).finditer("思政工作思政课政工思政工工作")]
    assert found == [(0, 4, "b"), (4, 7, "e"), (7, 9, "d"), (9, 11, "a"), (11, 12, "f"), (12, 14, "c")]


def test_terms_with_punctuation_and_no_terms():
    forms = {"党建+": "党建+", "党建": "党建", "a.b": "x", "[]": "y"}
    found = [(m.surface, m.term) for m in TermMatcher(forms).finditer("党建+党建axb a.b [] [")]
    assert found == [("党建+", "党建+"), ("党建", "党建"), ("a.b", "x"), ("[]", "y")]
    assert list(TermMatcher({}).finditer("思政工作")) == []
    with pytest.raises(ValueError):
        TermMatcher({"": "x"})


def _leftmost_longest(forms: dict[str, str], text: str) -> list[tuple[int, int, str]]:
    """The definition, spelled out: at each position the longest form, then on behind it."""
    out, i = [], 0
    while i < len(text):
        fits = [f for f in forms if text.startswith(f, i)]
        if not fits:
            i += 1
            continue
        best = max(fits, key=len)
        out.append((i, i + len(best), forms[best]))
        i += len(best)
    return out


@pytest.mark.parametrize("seed", range(40))
def test_matching_is_leftmost_longest_on_random_glossaries(seed):
    rng = random.Random(seed)
    alphabet = "思政工作党建+课中心"
    forms = {"".join(rng.choices(alphabet, k=rng.randint(1, 5))): f"t{k}" for k in range(rng.randint(1, 25))}
    text = "".join(rng.choices(alphabet + "，。 ", k=300))
    found = [(m.start, m.end, m.term) for m in TermMatcher(forms).finditer(text)]
    assert found == _leftmost_longest(forms, text)
    assert all(text[m.start : m.end] == m.surface for m in TermMatcher(forms).finditer(text))


def test_the_real_glossary_matches_as_defined(articles, glossary):
    forms = glossary.surfaces()
    matcher = TermMatcher(forms)
    for article in articles.values():
        for block in article.blocks:
            assert [(m.start, m.end, m.term) for m in matcher.finditer(block.text)] == _leftmost_longest(
                forms, block.text
            )


def test_only_the_first_occurrence_in_a_paragraph_links(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    rail = articles["tianjin-railway-party-building"]
    for block in rail.body:
        found = links(block, list(matcher.finditer(block.text)))
        assert len({link.term for link in found}) == len(found)
    paragraph = next(b for b in rail.body if b.text.count("思想政治工作") >= 2)
    found = links(paragraph, list(matcher.finditer(paragraph.text)))
    assert sum(link.term == "思想政治工作" for link in found) == 1


def test_emended_text_is_not_linked(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    first = articles["guangyang-medical-insurance"].body[0]
    assert "思想政治优势" in first.text  # emended from 思政政治
    found = links(first, list(matcher.finditer(first.text)))
    assert found
    for link in found:
        assert all(first.items[i].rule != "emendation" for i in range(link.first, link.end))


def test_concordance_counts_every_occurrence(articles, glossary):
    matcher = TermMatcher(glossary.surfaces())
    found = occurrences(scan(matcher, articles.values()))
    soe = [o for o in found if o.term == "两张皮"]
    assert {o.article for o in soe} >= {"soe-branch-secretaries", "tianjin-railway-party-building"}
