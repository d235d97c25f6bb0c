"""Normalisation counts are occurrences in each rule's unit, and each rule changes only
what its description says (the figures the apparatus review checked by hand)."""

from __future__ import annotations

import pytest
from sizheng_edition.build.normalise import RULES, UNITS, count_rules, line_cells, normalise
from sizheng_edition.model.edition import Cell, Rule
from sizheng_edition.model.source import Source
from sizheng_edition.text.script import to_simplified


def counts_of(articles, aid: str) -> dict[str, int]:
    return {str(k): v for k, v in articles[aid].rule_counts}


def cells_of(article) -> list[Cell]:
    return [c for b in article.blocks for c in b.items if isinstance(c, Cell)]


@pytest.mark.parametrize(
    ("aid", "rule", "expected"),
    [
        ("tianjin-railway-party-building", "internet-plus", 2),  # 002:203, 002:217
        ("tianjin-railway-party-building", "plus-space", 2),  # the two + at 002:117
        ("internet-plus-hospital-education", "internet-plus", 10),
        ("yancheng-medical-insurance-centre", "t2s", 572),
    ],
)
def test_reviewed_figures(articles, aid, rule, expected):
    assert counts_of(articles, aid)[rule] == expected


def test_one_byline_mark_counts_once(articles):
    marked = [a for a in articles.values() if any(c.rule is Rule.BYLINE_MARK for c in cells_of(a))]
    assert len(marked) == 7
    for a in marked:
        assert counts_of(articles, a.id)["byline-mark"] == 1
        assert sum(c.raw == "□" for c in cells_of(a)) == 1


def test_t2s_counts_every_character_the_converter_changed(articles):
    art = articles["yancheng-medical-insurance-centre"]
    changed = sum(1 for c in cells_of(art) if to_simplified(c.raw) != c.raw)
    # Phrase-level conversion can differ from character-level; here it does not, which
    # is what the review found by comparing the witness with its t2s output.
    assert counts_of(articles, art.id)["t2s"] == changed


def test_internet_plus_changes_nothing_outside_its_phrase(articles):
    for art in articles.values():
        cells = cells_of(art)
        for i, c in enumerate(cells):
            if c.rule is not Rule.INTERNET_PLUS:
                continue
            before = "".join(x.raw for x in cells[max(0, i - 6) : i + 1]).replace(" ", "")
            assert "互联网" in before, (art.id, c.line, c.col)


def test_plus_space_only_removes_spaces_beside_a_plus(articles):
    for art in articles.values():
        cells = cells_of(art)
        for i, c in enumerate(cells):
            if c.rule is Rule.PLUS_SPACE:
                assert c.raw.isspace() and c.out == ""
                assert "+" in (cells[i - 1].raw, cells[i + 1].raw)


def run(text: str):
    src = Source("t.txt", "t.txt", (text,), "0", len(text))
    return count_rules(normalise(line_cells(src, 1)))


@pytest.mark.parametrize(
    ("raw", "rule", "n"),
    [
        ("“互联网 + 思政”与“互联网＋医疗”", "internet-plus", 2),
        ("定期调研 + 动态跟踪 + 分层研判", "plus-space", 2),
        ("营业里程 137 公里", "mixed-space", 2),
        ("广泛，  涉及", "cjk-space", 1),
        ("医患(场景),不断", "fullwidth-punct", 3),
    ],
)
def test_units(raw, rule, n):
    counts = run(raw)
    assert counts[Rule(rule)] == n


def test_plus_space_is_not_internet_plus():
    counts = run("定期调研 + 动态跟踪")
    assert Rule.INTERNET_PLUS not in counts


def test_a_lone_fullwidth_plus_is_kept():
    src = Source("t.txt", "t.txt", ("甲＋乙",), "0", 3)
    cells = normalise(line_cells(src, 1))
    assert "".join(c.out for c in cells) == "甲＋乙"


def test_every_rule_has_a_description_and_a_unit():
    assert set(RULES) == set(UNITS)
    assert "newspaper" not in RULES[Rule.BYLINE_MARK]
