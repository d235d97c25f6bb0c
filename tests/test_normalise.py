"""Each normalisation rule on small examples, and its bookkeeping."""

from __future__ import annotations

import pytest
from sizheng_edition.build.convert import convert_cells
from sizheng_edition.build.normalise import count_rules, line_cells, normalise
from sizheng_edition.model.source import Source


def run(text: str, punctuation: bool = True, convert: bool = False):
    src = Source("t.txt", "t.txt", (text,), "0", len(text))
    cells = line_cells(src, 1)
    if convert:
        cells = convert_cells(cells)
    cells = normalise(cells, punctuation=punctuation)
    return "".join(c.out for c in cells), count_rules(cells), cells


@pytest.mark.parametrize(
    ("raw", "expected", "rule"),
    [
        ("业务范畴广泛， 涉及港口", "业务范畴广泛，涉及港口", "cjk-space"),
        ("营业里程 137 公里", "营业里程137公里", "mixed-space"),
        ("移动 APP 等", "移动APP等", "mixed-space"),
        ("“互联网 + 思政”", "“互联网+思政”", "internet-plus"),
        ("“互联网＋思想政治工作”", "“互联网+思想政治工作”", "internet-plus"),
        ("医患场景,不断考验", "医患场景，不断考验", "fullwidth-punct"),
        ("(作者单位:廊坊市)", "（作者单位：廊坊市）", "fullwidth-punct"),
        (" 学术论坛 ", "学术论坛", "edge-space"),
        ("ＶＲ技术１２３", "VR技术123", "fullwidth-alnum"),
    ],
)
def test_rule(raw, expected, rule):
    text, counts, _ = run(raw)
    assert text == expected
    assert counts[rule] >= 1


def test_latin_words_keep_their_space():
    assert run("use VR technology 一下")[0] == "use VR technology一下"


def test_numbers_keep_ascii_comma():
    assert run("共1,000人")[0] == "共1,000人"


def test_references_keep_citation_punctuation():
    raw = "[1]赵宝红.多措并举[J].科技经济市场.2014(09)"
    assert run(raw, punctuation=False)[0] == raw


def test_t2s_is_phrase_level_and_recorded():
    text, counts, cells = run("乾隆年間的乾燥天氣", convert=True)
    assert text == "乾隆年间的干燥天气"  # 乾 kept in the name, simplified in 乾燥
    assert counts["t2s"] == 3
    assert "".join(c.raw for c in cells) == "乾隆年間的乾燥天氣"


def test_no_cell_is_created_or_lost():
    raw = "  甲 , 乙 + 丙  "
    _, _, cells = run(raw)
    assert "".join(c.raw for c in cells) == raw
