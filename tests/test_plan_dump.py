"""The one plan writer: every plan it writes reads back equal, comments and all, and no
text in a plan can change the shape of the YAML."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from conftest import ROOT
from sizheng_edition.draft import draft
from sizheng_edition.draft.writer import draft_plan
from sizheng_edition.load.plan import load_plan, parse_plan
from sizheng_edition.load.plan_dump import Above, Comments, Field, Remark, Target, dump_plan
from sizheng_edition.load.yaml_lines import fold_lines, has_line_break, parse_yaml
from sizheng_edition.model.plan import (
    Drop,
    Emendation,
    EmendationKind,
    Join,
    JoinKind,
    LineRange,
    Metadata,
    Plan,
    Setting,
)
from sizheng_edition.synthetic.corpus import Kind, synthetic_source
from sizheng_edition.text.chars import hidden_class

PLANS = sorted((ROOT / "conf" / "plans").glob("*.yaml"))

HOSTILE = [
    "key: value # not a comment",
    "- a list item? {a: b} [c, d] & *alias !tag %directive @ `tick` |",
    "'single' and \"double\" quotes, a backslash \\ and \\n as text",
    "two\nlines, a\ttab, and a blank line\n\nafter",
    "line breaks YAML knows\u0085and\u2028and\u2029here; a control \x01 and DEL \x7f and BOM \ufeff",
    "--- a document marker\n... and its end",
    "yes",
    "null",
    "123",
    "# a comment?",
    "中文：冒号，＃号 and full-width spaces\u3000inside",
]


def reread(text: str) -> Plan:
    return parse_plan(parse_yaml(text, "dumped.yaml"), "dumped.yaml")


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_every_real_plan_reads_back_equal(path: Path):
    plan = load_plan(path)
    assert reread(dump_plan(plan)) == plan


@pytest.mark.parametrize("key", ["000", "002", "003"])
def test_the_draft_of_every_real_seed_reads_back_equal(edition, key):
    src = next(s for s in edition if s.source.key == key).source
    result = draft(src)
    written = draft_plan(src, result.script, result.layout, result.structure)
    text = result.plan_text()
    assert reread(text) == written.plan
    assert reread(dump_plan(reread(text))) == written.plan
    assert "# layout:" in text and "# script:" in text
    if key == "000":  # the interleaved page: joins with their confidence
        assert "join:  # confidence" in text


def test_corpus_plans_read_back_equal(edition):
    articles = [a for s in edition for a in s.articles]
    rng = random.Random(5)
    for i in range(6):
        made = synthetic_source(f"s{i:05d}", Kind.of(i), articles, rng)
        assert reread(dump_plan(made.plan)) == made.plan


def test_hostile_text_survives_the_round_trip():
    plan = load_plan(PLANS[0])
    article = plan.articles[0]
    for raw in HOSTILE:
        text = fold_lines(raw)  # plan texts are one line (the writer refuses others, below); comments are not
        # Characters no text may hold are refused by loader and writer alike (below); the
        # rest of the hostile text must survive.
        text = "".join(ch for ch in text if not ((kind := hidden_class(ch)) and kind.rejected))
        fragments = list(article.fragments)
        fragments[0] = dataclasses.replace(fragments[0], move=text, lacuna=text)
        fragments.append(
            dataclasses.replace(fragments[0], lines=LineRange(900, 901), join=Join(JoinKind.SENTENCE, text))
        )
        hostile = dataclasses.replace(
            plan,
            source=text,
            title=text,
            description=text,
            metadata=(Metadata(1, text, text),),
            drops=(Drop(LineRange(2, 3), text, text),),
            emendations=(Emendation(4, text, text, EmendationKind.SIC, text),),
            articles=(
                dataclasses.replace(article, fragments=tuple(fragments), description=text),
                *plan.articles[1:],
            ),
        )
        comments = Comments(
            header=(raw,),
            above=(Above(Field.DROPS, (raw, raw)), Above(Field.SCRIPT, (raw,))),
            remarks=(
                Remark(article.id, Target.TITLE, raw),
                Remark(article.id, Target.JOIN, raw, 900),
                Remark(article.id, Target.FRAGMENT, raw, 900),
                Remark(article.id, Target.HEADING, raw, article.headings[0].lines.first),
            ),
        )
        dumped = dump_plan(hostile, comments)
        again = reread(dumped)
        assert again == hostile, raw
        assert again.articles[0].fragments[-1].join == Join(JoinKind.SENTENCE, text)


def test_comments_stand_where_they_are_attached():
    plan = load_plan(PLANS[0])
    art = plan.articles[1]
    moved = art.fragments[1]
    comments = Comments(
        header=("a header",),
        above=(Above(Field.LAYOUT, ("why this layout",)),),
        remarks=(
            Remark(art.id, Target.TITLE, "the title"),
            Remark(art.id, Target.JOIN, "confidence 0.7", moved.lines.first),
        ),
    )
    lines = dump_plan(plan, comments).splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/plan.v1.schema.json"
    assert lines[1] == "# a header"
    assert lines[lines.index("layout: lines") - 1] == "# why this layout"
    assert f"    title: {art.title.first}  # the title" in lines
    at = lines.index(f"      - lines: {moved.lines.first}-{moved.lines.last}")
    assert lines[at + 1] == "        join:  # confidence 0.7"


def test_a_text_that_would_not_read_back_is_refused():
    plan = load_plan(PLANS[0])
    for bad in ("", " padded", "padded\n", *(t for t in HOSTILE if has_line_break(t)), "a control \x01 here"):
        with pytest.raises(ValueError, match="would not read back"):
            dump_plan(dataclasses.replace(plan, description=bad))


def test_an_articles_description_and_setting_read_back_and_may_be_absent():
    plan = load_plan(PLANS[0])
    first, second, *rest = plan.articles
    assert first.description and first.setting is not None  # the real plans give both
    changed = dataclasses.replace(
        plan,
        articles=(
            dataclasses.replace(first, description=None, setting=None),
            dataclasses.replace(second, setting=Setting.RAILWAY),
            *rest,
        ),
    )
    dumped = dump_plan(changed)
    assert reread(dumped) == changed
    assert reread(dumped).articles[0].description is None
    assert reread(dumped).articles[1].setting is Setting.RAILWAY
    assert "    setting: railway" in dumped.splitlines()
