"""``edition draft`` on clippings it was not written for: pages from the second generator
(``synthetic.clippings``) and clippings assembled by hand (tests/data/draft), scored
from the draft's own line-by-line output (``--json``).

The tuning part (seeds 0-29, 1000-1011, 2000-2015, 3000-3019, 4000-4059, 5000-5059,
6000-6079, 8000-8199, 9000-9299, 10000-10299 and 11000-11299, tests/data/draft/tuning) was
looked at while improving the draft; seeds 1000-1011, 2000-2015, 3000-3019, 9000-9299,
10000-10299 and 11000-11299 and seven of its hand-made
pages were earlier held-out parts, moved here once their failures had been read.  The
held-out part (seeds 7000-7029, tests/data/draft/held-out: two pages assembled by hand in
layouts neither generator makes) was frozen before the fourth round's rules were written
and run once with the rules as they stood, and once more with the fourth round's rules
final; its figures are recorded below and in docs/draft.md, and its failures were not
read.  The sixth round's held-out part (seeds 10000-10299) was frozen before any rule of
that round (and joined the tuning part in the seventh); the seventh round's (seeds
11000-11299) before any rule of the seventh (and joined the tuning part in the eighth); the
eighth round's (seeds 12000-12399) before any rule of the eighth.  A change that makes any
part worse fails here, and so does any draft that does not load as a plan or that the build
rejects."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import run_cli
from sizheng_edition.build.source import build_source
from sizheng_edition.draft import draft
from sizheng_edition.draft.line_evaluation import PageResult, score_page, table, totals
from sizheng_edition.draft.model import LineRole
from sizheng_edition.errors import EditionError
from sizheng_edition.load.plan import parse_plan
from sizheng_edition.load.seeds import parse_source
from sizheng_edition.load.yaml_lines import parse_yaml
from sizheng_edition.synthetic.clippings import Clipping, clipping, essays, parse_clip

DATA = Path(__file__).parent / "data" / "draft"
TUNING_SEEDS = [
    *range(30),
    *range(1000, 1012),
    *range(2000, 2016),
    *range(4000, 4060),  # 4000-6079: new in the third round, looked at while tuning it
    *range(5000, 5060),
    *range(6000, 6080),
    *range(3000, 3020),  # the third round's held-out part, read after its recording run
    # fresh seeds the fourth round looked at in aggregate only; tuned on from the fifth round
    *range(8000, 8200),
    # the fifth round's held-out part, read after its recording run (joins 0.87/0.83, 1 wrong
    # script, 4 drafts rejected by the build, 2 that did not load; docs/draft.md)
    *range(9000, 9300),
    # the sixth round's held-out part, read after its recording run (joins 0.88/0.86, 1 wrong
    # script; docs/draft.md)
    *range(10000, 10300),
    # the seventh round's held-out part, read after its recording run (joins 0.93/0.90, no
    # wrong script; docs/draft.md)
    *range(11000, 11300),
]
HELD_OUT_SEEDS = range(7000, 7030)
# The sixth round's held-out part: the second generator's seeds 10000-10299 (its own mix of
# families), frozen before any rule of the sixth round was written; nothing was run on it
# until the round's rules were final (its one recording run: HELD_OUT_6 below).
HELD_OUT_6_SEEDS = range(10000, 10300)
# The seventh round's held-out part: the second generator's seeds 11000-11299 (its own mix of
# families), frozen before any rule of the seventh round was written; nothing is run on it
# until the round's rules are final (then once, its recording run).
HELD_OUT_7_SEEDS = range(11000, 11300)
# The eighth round's held-out part: the second generator's seeds 12000-12399 (a larger part,
# 400 pages: 134 interleaved, 133 traditional, 133 wrapped, the family being the seed's
# residue), frozen before any rule of the eighth round was written; nothing was run on it
# until the round's rules were final (its one recording run: HELD_OUT_8 below).
HELD_OUT_8_SEEDS = range(12000, 12400)

# (precision, recall) floors per measure; layout and script must be right on every page.
TUNING = {
    "articles": (1.0, 1.0),
    "paragraphs": (0.99, 0.99),
    "headings": (1.0, 0.99),
    # 0.93/0.91 on 293 pages, 0.91/0.89 on 493; 0.90/0.87 on 793 before round 6, 0.92/0.90
    # after; 0.91/0.89 on 1093 (with 10000-10299, which read 0.88/0.86) before and after round 7;
    # 0.92/0.89 on 1393 (with 11000-11299, which read 0.93/0.90) before round 8, 0.92/0.90
    # after, and 0.92/0.90 on 1399 with the eighth round's six hand-made newspaper and journal
    # pages (4 of their 12 joins found)
    "joins": (0.92, 0.9),
}
# The held-out part of the fourth round (seeds 7000-7029, tests/data/draft/held-out: two
# pages assembled by hand in layouts neither generator makes), frozen and run once with the
# third round's rules before any rule of the fourth round was written, then once more (its
# recording run) with the fourth round's rules final; its failures unread.  Joins 0.94 -> 1.00.
HELD_OUT = {
    "articles": (1.0, 1.0),
    "paragraphs": (1.0, 1.0),
    "headings": (0.98, 1.0),
    "joins": (1.0, 1.0),
}
# The fifth round's held-out part (seeds 9000-9299) read at its recording run, with the fifth
# round's rules final: articles 1.00/1.00, paragraphs 0.98/0.99, headings 0.99/0.99, joins
# 0.87/0.83, 1 page's script wrong, 4 drafts rejected by the build and 2 that did not load.
# It is part of the tuning part since.
# The sixth round's held-out part (seeds 10000-10299), run once, with the sixth round's
# rules final (its recording run); its failures unread.
HELD_OUT_6 = {
    "articles": (1.0, 1.0),
    "paragraphs": (0.99, 0.99),
    "headings": (1.0, 0.99),
    "joins": (0.88, 0.86),  # below the 0.9
}
# The seventh round's held-out part (seeds 11000-11299), run once, with the seventh round's
# rules final (its recording run); its failures unread.  The sixth round's rules read the
# same figures on it (run after the recording run, for comparison): the round's one rule
# changed no page of it, and its joins are above the 0.9 by the pages it holds.
HELD_OUT_7 = {
    "articles": (1.0, 1.0),
    "paragraphs": (0.99, 0.99),
    "headings": (1.0, 0.99),
    "joins": (0.93, 0.9),  # 202 right of 224 true, 217 proposed
}
# The eighth round's held-out part (seeds 12000-12399), run once, with the eighth round's rules
# final (its recording run); its failures read only after these figures were recorded.
HELD_OUT_8 = {
    "articles": (1.0, 1.0),
    "paragraphs": (0.99, 0.99),
    "headings": (1.0, 0.99),
    "joins": (0.94, 0.93),  # 278 right of 300 true, 297 proposed
}
# pages whose script the draft gets wrong (tuning: 9035, a machine conversion with no slip, and
# 10025, the sixth held-out part's one: each character converted alone prints there the very
# text a phrase-by-phrase conversion does, so nothing on the page tells; the draft says so with
# a DOUBT, and a wrong script without one fails)
# (held-out-8: 12065 and 12230, each of the same class, with the DOUBT)
WRONG_SCRIPT = {"tuning": 2, "held-out": 0, "held-out-6": 1, "held-out-7": 0, "held-out-8": 2}
# A draft always loads as a plan and builds (the draft builds its own plan and, where the
# build rejects a decision, writes the safe alternative with a DOUBT): no part may have one
# that does not.  Until the sixth round 8145, 9045 and 9048 did not load and 3000, 5037,
# 9046, 9136, 9204 and 9262 were rejected by the build.
BUILD_FAILURES = {"tuning": 0, "held-out": 0, "held-out-6": 0, "held-out-7": 0, "held-out-8": 0}
UNLOADABLE = {"tuning": 0, "held-out": 0, "held-out-6": 0, "held-out-7": 0, "held-out-8": 0}


def _clips(articles, seeds: range, folder: str) -> list[Clipping]:
    pool = essays(list(articles.values()))
    hand = [parse_clip(p.read_text(encoding="utf-8"), p.stem) for p in sorted((DATA / folder).glob("*.clip"))]
    return [clipping(pool, s) for s in seeds] + hand


def _run(clips: list[Clipping]) -> tuple[list[PageResult], list[str], list[str], set[str]]:
    results, rejected, unloadable, script_doubted = [], [], [], set()
    for clip in clips:
        source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
        drafted = draft(source)
        if "DOUBT" in drafted.script.why:
            script_doubted.add(clip.name)
        found = json.loads(drafted.json_text())
        assert [d["line"] for d in found] == list(range(1, len(source.lines) + 1)), clip.name
        results.append(score_page(clip, found, drafted.layout.name.value, drafted.script.name.value))
        try:
            plan = parse_plan(parse_yaml(drafted.plan_text(), "draft.yaml"), "draft.yaml")
        except EditionError as e:
            unloadable.append(f"{clip.name}: {e}")
            continue
        try:
            build_source(source, plan)
        except EditionError as e:
            rejected.append(f"{clip.name}: {e}")
    return results, rejected, unloadable, script_doubted


def _check(clips: list[Clipping], floors: dict[str, tuple[float, float]], part: str) -> None:
    results, rejected, unloadable, script_doubted = _run(clips)
    print(f"\n{part}\n" + table(results))
    for name, s in totals(results).items():
        p, r = floors[name]
        assert s.precision >= p - 0.005 and s.recall >= r - 0.005, (
            f"{part} {name}: {s}"
        )  # figures to 2 places
    assert all(r.layout_right for r in results), [r.name for r in results if not r.layout_right]
    wrong_script = [r.name for r in results if not r.script_right]
    assert len(wrong_script) <= WRONG_SCRIPT[part], wrong_script
    # where the draft cannot tell the script, it says so rather than guess silently
    assert set(wrong_script) <= script_doubted, set(wrong_script) - script_doubted
    assert len(rejected) <= BUILD_FAILURES[part], rejected
    assert len(unloadable) <= UNLOADABLE[part], unloadable


def test_tuning_part(frozen_articles):
    _check(_clips(frozen_articles, TUNING_SEEDS, "tuning"), TUNING, "tuning")


def test_held_out_part(frozen_articles):
    _check(_clips(frozen_articles, HELD_OUT_SEEDS, "held-out"), HELD_OUT, "held-out")


def test_sixth_held_out_part(frozen_articles):
    pool = essays(list(frozen_articles.values()))
    _check([clipping(pool, s) for s in HELD_OUT_6_SEEDS], HELD_OUT_6, "held-out-6")


def test_seventh_held_out_part(frozen_articles):
    pool = essays(list(frozen_articles.values()))
    _check([clipping(pool, s) for s in HELD_OUT_7_SEEDS], HELD_OUT_7, "held-out-7")


def test_eighth_held_out_part(frozen_articles):
    pool = essays(list(frozen_articles.values()))
    _check([clipping(pool, s) for s in HELD_OUT_8_SEEDS], HELD_OUT_8, "held-out-8")


def _hand(name: str) -> tuple[Clipping, PageResult, str]:
    clip = parse_clip((DATA / "tuning" / f"{name}.clip").read_text(encoding="utf-8"), name)
    drafted = draft(parse_source(clip.text.encode("utf-8"), name, f"999_{name}.txt"))
    found = json.loads(drafted.json_text())
    result = score_page(clip, found, drafted.layout.name.value, drafted.script.name.value)
    return clip, result, drafted.plan_text()


def test_wrapped_article_with_a_column_label_and_no_title():
    """The issue's second page: the label is metadata only (not also the title), the
    wrapped references are references, not headings, and the draft builds."""
    clip, result, plan_text = _hand("wrapped-column-label-no-title")
    assert all((s.precision, s.recall) == (1.0, 1.0) for s in result.scores.values()), result.scores
    assert result.layout_right and result.script_right
    source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
    build_source(source, parse_plan(parse_yaml(plan_text, "draft.yaml"), "draft.yaml"))


def test_two_articles_interleaved_with_title_and_byline_on_one_line():
    """The issue's first page: one paragraph of each article in turn, no running title
    between them.  The global assignment (vocabulary, neighbours, heading numbers) gives
    most lines to the right article, says which lines it moved from the head above, and
    the plan builds."""
    clip, result, plan_text = _hand("two-interleaved-title-byline-one-line")
    assert result.scores["articles"].precision >= 0.8 and result.scores["articles"].recall >= 0.8
    assert "printed under article" in plan_text  # the DOUBT naming the moved lines
    source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
    build_source(source, parse_plan(parse_yaml(plan_text, "draft.yaml"), "draft.yaml"))


def test_two_articles_interleaved_reach_the_target():
    """Titles printed one after another with no text between head articles set side by
    side: the search also starts from the row-by-row reading and keeps it, as it explains
    the page better (fourth round)."""
    _, result, _ = _hand("two-interleaved-title-byline-one-line")
    assert result.scores["articles"].precision >= 0.95 and result.scores["articles"].recall >= 0.95


NEWSPAPER_PAGES = [
    "newspaper-three-in-sequence-labels-above-titles",
    "newspaper-traditional-two-in-sequence-labels",
    "newspaper-two-interleaved-dated-head-blank-lines",
    "newspaper-two-interleaved-dated-head-label-cut-mid-word",
    "newspaper-wrapped-dated-heads-page-turns",
    "journal-first-page-bracketed-affiliation-article-data",
]


@pytest.mark.parametrize("name", NEWSPAPER_PAGES)
def test_a_newspapers_furniture_is_no_articles_text(name):
    """Pages made in the eighth round (tests/data/draft/make_newspaper_round8.py) with what
    neither generator prints: a dated head with weekday and page, an editor's credit, column
    labels directly above titles in mid-page; a journal's name and date, its data of the
    article and the author's note at the foot of a first page.  Each is metadata, never a heading nor a line
    of an article, and no line is called a heading that is not one."""
    clip, result, _ = _hand(name)
    drafted = draft(parse_source(clip.text.encode("utf-8"), name, f"999_{name}.txt"))
    found = json.loads(drafted.json_text())
    metadata = [k for k, t in enumerate(clip.lines) if t.role is LineRole.METADATA]
    assert metadata and all(found[k]["role"] == "metadata" and found[k]["article"] is None for k in metadata)
    assert result.scores["headings"].precision == 1.0 or name.endswith("cut-mid-word"), result.scores


def test_the_plan_names_what_each_metadata_line_is():
    """The plan's metadata key is shown in the transcription: a page number, a running head
    and an editor's credit are not column labels."""
    clip = parse_clip(
        (DATA / "tuning" / f"{NEWSPAPER_PAGES[0]}.clip").read_text(encoding="utf-8"), NEWSPAPER_PAGES[0]
    )
    plan = parse_plan(
        parse_yaml(draft(parse_source(clip.text.encode("utf-8"), "x", "999_x.txt")).plan_text(), "d"), "d"
    )
    lines = clip.text.split("\n")
    keys = {lines[m.line - 1]: m.key for m in plan.metadata}
    assert keys == {
        "2024年3月5日　星期二　　理论周刊　　第11版": "running-head",
        "基层实践": "column",
        "思政课堂": "column",
        "工作研究": "column",
        "责任编辑：王明": "editor-credit",
        "— 11 —": "page-number",
    }


def test_sequence_pages_under_a_newspapers_furniture_read_exactly():
    for name in NEWSPAPER_PAGES[:2] + NEWSPAPER_PAGES[4:]:  # all but the two interleaved
        _, result, _ = _hand(name)
        assert all(s.precision == s.recall == 1.0 for s in result.scores.values()), (name, result.scores)


@pytest.mark.parametrize(
    ("head", "furniture"),
    [
        ("人民日报　2024年3月5日　第9版", "running-head"),
        ("星期二　2024年3月5日", "running-head"),
        ("理论周刊　2024年3月5日", "running-head"),
        ("思想政治工作研究　2023.05", "running-head"),
        ("第45卷第3期", "running-head"),
        ("2023年第5期　总第345期", "running-head"),
        ("ZHONGGUO DANGJIAN", "running-head"),
        ("（责任编辑：王明　　版式设计：李强）", "editor-credit"),
        ("本版编辑：王明", "editor-credit"),
        ("DOI:10.3969/j.issn.1004-1435.2023.05.012", "article-data"),
        ("收稿日期：2023-03-01", "article-data"),
        ("第11版", "running-head"),
        # text, not furniture: a date opening a sentence, a dated signature alone
        ("2024年3月5日星期二，党支部召开专题组织生活会", None),
        ("2023年5月，公司召开党建工作会议", None),
        ("截至2023年5月底共有党员120名", None),
        ("2023年5月12日", None),
    ],
)
def test_a_running_head_or_credit_is_furniture_and_prose_with_a_date_is_not(head, furniture):
    from sizheng_edition.draft.lines import classify

    body = "近年来，公司党委认真落实党建主体责任，积极探索党建思想政治工作与生产经营深度融合的方法途径。"
    text = f"{head}\n\n促进党建思想政治工作与生产经营深度融合\n□ 刘江南\n\n{body}\n"
    first = classify(parse_source(text.encode("utf-8"), "x", "999_x.txt"))[0]
    assert (first.furniture.value if first.furniture else None) == furniture, first


@pytest.mark.parametrize(
    "name",
    [
        "side-by-side-two-bylines-on-own-lines",
        "side-by-side-two-title-byline-one-line",
        "side-by-side-three-articles",
    ],
)
def test_articles_side_by_side_read_row_by_row(name):
    """Pages made in the fourth round (tests/data/draft/make_side_by_side_round4.py) with the
    layout of the issue's first page: the heads printed one after another, then one line of
    each article in turn, for two other pairs of articles and for three."""
    _, result, _ = _hand(name)
    assert result.scores["articles"].precision >= 0.95 and result.scores["articles"].recall >= 0.95


def test_json_is_one_typed_object_per_line(tmp_path, real_layout):
    witness = real_layout.seeds / "002_5bbf46da956b4cfb.txt"
    result = run_cli(real_layout.root, "draft", "--json", str(witness))
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    lines = witness.read_text(encoding="utf-8").split("\n")
    assert len(found) == len(lines) - (lines[-1] == "")
    assert {d["role"] for d in found} <= {r.value for r in LineRole}
    assert all(0 <= d["confidence"] <= 1 and d["line"] == k for k, d in enumerate(found, 1))
    roles = {d["line"]: d["role"] for d in found}
    assert (roles[33], roles[35]) == ("heading", "continuation")  # a heading wrapped over two lines
    explained = run_cli(real_layout.root, "draft", "--explain", str(witness))
    assert explained.returncode == 0 and "because" in explained.stdout and "script:" in explained.stdout


def test_the_frozen_material_reads_back_exactly():
    """The material file is what `freeze` writes of what `thaw` reads: no field lost."""
    from conftest import FROZEN_MATERIAL
    from sizheng_edition.synthetic.material import freeze, thaw

    text = FROZEN_MATERIAL.read_text(encoding="utf-8")
    articles = thaw(text)
    assert len(articles) == 8
    assert freeze(articles) == text


def _builds(source, plan_text: str) -> None:
    build_source(source, parse_plan(parse_yaml(plan_text, "draft.yaml"), "draft.yaml"))


@pytest.mark.parametrize(
    ("seed", "doubt"),
    [
        (8145, "all of article 1, cannot make an article of the plan"),  # one line under no title
        # a heading joined to an open line (5037 until the eighth round read its open line right)
        (9204, "cannot continue it: a lacuna is marked"),
        (4944, "all of article 2, breaks off at line 13"),  # an article's only paragraph open
        (481, "which is not theirs"),  # an affiliation printed among the references
    ],
)
def test_where_the_build_would_reject_a_decision_the_plan_takes_the_safe_one(frozen_articles, seed, doubt):
    """The draft builds its own plan; where a decision would make the plan fail to load or
    build, it writes the safe alternative (dropped lines, a lacuna) and a DOUBT that names
    the alternatives, and no line goes unclaimed (the build checks every line)."""
    clip = clipping(essays(list(frozen_articles.values())), seed)
    source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
    plan_text = draft(source).plan_text()
    assert doubt in plan_text
    assert "the build rejects this plan" not in plan_text
    _builds(source, plan_text)


def test_a_line_the_reading_leaves_unclaimed_is_kept_as_a_dropped_line(frozen_articles):
    """Should the reading lose a line (no article, drop or metadata claims it), the plan
    keeps it as a dropped line with a DOUBT rather than leave the build to reject it."""
    from sizheng_edition.draft.self_check import buildable
    from sizheng_edition.draft.writer import render_draft

    clip = clipping(essays(list(frozen_articles.values())), 2)
    source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
    drafted = draft(source)
    structure = copy.deepcopy(drafted.structure)
    fragment = next(f for a in structure.articles for f in a.fragments if len(f.lines) > 2)
    lost = fragment.lines.pop(1)

    def render(s):
        return render_draft(source, drafted.script, drafted.layout, s)

    planned = buildable(source, structure, render)
    assert any(d.line == lost for d in planned.drops)
    assert any(f"line {lost} is claimed by no part" in d for d in planned.doubts)
    _builds(source, render(planned))


@pytest.mark.parametrize("seed", [9035, 10025, 2])
def test_a_page_any_conversion_would_print_alike_has_its_script_doubted(frozen_articles, seed):
    """9035 and 10025 were converted character by character, 2 phrase by phrase, yet each
    prints exactly what the other conversion would: the draft reads them traditional, the
    likelier, names the alternative in a DOUBT beside the script, and the plan is the same
    either way (both are planned converted-traditional)."""
    from sizheng_edition.text.script import to_simplified, to_traditional, to_traditional_per_character

    clip = clipping(essays(list(frozen_articles.values())), seed)
    simplified = to_simplified(clip.text)
    assert to_traditional_per_character(simplified) == to_traditional(simplified) == clip.text
    source = parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt")
    drafted = draft(source)
    assert drafted.script.name.value == "traditional"
    assert "DOUBT: traditional or converted-traditional" in drafted.plan_text()
    _builds(source, drafted.plan_text())


def test_a_page_with_a_slip_has_no_script_doubt(frozen_articles):
    """A machine conversion that left a slip (a simplified form a phrase would not) is read
    as one, with no doubt."""
    clip = clipping(essays(list(frozen_articles.values())), 9002)
    drafted = draft(parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt"))
    assert clip.script.value == drafted.script.name.value == "converted-traditional"
    assert "DOUBT" not in drafted.script.why


@pytest.mark.parametrize("seed", [8052, 8163, 10173])
def test_an_unfinished_line_whose_word_another_line_completes_is_not_bound_to_the_next(frozen_articles, seed):
    """An unfinished line printed above another article's line (枢纽铁路公司 above the highway
    article's 思政工作, 8052), whose word only a line elsewhere completes (公司|党委), is no
    longer bound to the line under it: the page's vocabulary gives it to its article, and
    the join to the line that completes it is found (eighth round; each of these pages had
    every line's article and every join right only after it)."""
    clip = clipping(essays(list(frozen_articles.values())), seed)
    drafted = draft(parse_source(clip.text.encode("utf-8"), clip.name, f"999_{clip.name}.txt"))
    result = score_page(
        clip, json.loads(drafted.json_text()), drafted.layout.name.value, drafted.script.name.value
    )
    assert (result.scores["articles"].precision, result.scores["articles"].recall) == (1.0, 1.0)
    assert (result.scores["joins"].precision, result.scores["joins"].recall) == (1.0, 1.0)


def test_an_outline_does_not_skip_a_level(frozen_articles):
    """11052 prints 一、 (line 21), then a piece opening 1、 (37), then （一） (43): the piece
    under （一） is read before the one opening 1、, as the numbers say (eighth round)."""
    clip = clipping(essays(list(frozen_articles.values())), 11052)
    found = json.loads(draft(parse_source(clip.text.encode("utf-8"), clip.name, "999_x.txt")).json_text())
    assert (43, 37) in clip.joins
    assert found[37 - 1]["continues"] == 43


@pytest.mark.parametrize(("seed", "line", "after"), [(9087, 41, 17), (10029, 59, 21)])
def test_a_sentence_runs_on_into_the_next_line_of_its_column(frozen_articles, seed, line, after):
    """9087's line 15 ends 出于事业，and line 17 goes on 当面指出: a paragraph printed under a
    repeated title of the same article (41) is of the article, not of the sentence, and is
    read after the paragraph ends (eighth round; it used to be spliced in between)."""
    clip = clipping(essays(list(frozen_articles.values())), seed)
    found = json.loads(draft(parse_source(clip.text.encode("utf-8"), clip.name, "999_x.txt")).json_text())
    assert (after, line) in clip.joins
    assert found[line - 1]["continues"] == after
    assert found[after - 1]["continues"] is None
