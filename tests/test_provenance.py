"""Provenance per line (model.edition): spans of raw text with compact edits, read back
character by character, and the nothing-lost check's proof over them."""

from __future__ import annotations

import dataclasses

import pytest
from sizheng_edition.check.nothing_lost import check_source
from sizheng_edition.model.edition import (
    Block,
    BlockKind,
    Cell,
    Edit,
    Rule,
    Span,
    Supplied,
    apply_edits,
    spans_of,
)


def _spans(src):
    for article in src.articles:
        for block in article.blocks:
            for s in block.spans:
                if isinstance(s, Span):
                    yield s


def test_every_span_prints_its_raw_text_with_its_edits_applied(edition):
    for src in edition:
        for span in _spans(src):
            assert apply_edits(span.raw, span.edits) == span.out
            assert span.raw == src.source.line(span.line)[span.col : span.col + len(span.raw)]
            assert all(e.rule is not None and e.decodable for e in span.edits)


def test_a_span_is_a_run_of_one_line_and_edits_are_few(edition):
    spans = [s for src in edition for s in _spans(src)]
    chars = sum(len(s.raw) for s in spans)
    edits = sum(len(s.edits) for s in spans)
    assert edits < chars / 5  # compact: one edit per run of changes, not one per character
    assert len(spans) < chars / 10


def test_the_per_character_view_round_trips(edition):
    for src in edition:
        for article in src.articles:
            for block in article.blocks:
                assert spans_of(block.items) == block.spans
                assert len(block.items) == block.size
                assert "".join(i.out if isinstance(i, Cell) else i.text for i in block.items) == block.text
                assert tuple(sorted({i.line for i in block.items if isinstance(i, Cell)})) == block.lines


def test_edits_merge_only_where_they_decode_character_by_character():
    cells = [
        Cell(3, 0, " ", "", Rule.EDGE_SPACE),
        Cell(3, 1, " ", "", Rule.EDGE_SPACE),
        Cell(3, 2, "國", "国", Rule.T2S),
        Cell(3, 3, "們", "们", Rule.T2S),
        Cell(3, 4, "政", "想政", Rule.EMENDATION),  # a whole insertion on one character
        Cell(3, 5, "治", "", Rule.EMENDATION),
        Cell(3, 6, "工", "工"),
    ]
    (span,) = spans_of([Supplied("〔……〕"), *cells])[1:]
    assert span == Span(
        3,
        0,
        "  國們政治工",
        "国们想政工",
        (
            Edit(0, 2, "", Rule.EDGE_SPACE),
            Edit(2, 2, "国们", Rule.T2S),
            Edit(4, 1, "想政", Rule.EMENDATION),
            Edit(5, 1, "", Rule.EMENDATION),
        ),
    )
    assert tuple(span.cells()) == tuple(cells)
    assert list(span.printed()) == [(c.out, c.rule) for c in cells]


def test_a_gap_in_columns_or_a_new_line_starts_a_new_span():
    cells = [Cell(1, 0, "甲", "甲"), Cell(1, 2, "乙", "乙"), Cell(2, 3, "丙", "丙")]
    assert [(s.line, s.col, s.raw) for s in spans_of(cells) if isinstance(s, Span)] == [
        (1, 0, "甲"),
        (1, 2, "乙"),
        (2, 3, "丙"),
    ]


def _tamper(src, change):
    """``src`` with the first span of its first paragraph replaced by ``change(span)``."""
    article = src.articles[0]
    block = article.body[0]
    k = next(i for i, s in enumerate(block.spans) if isinstance(s, Span))
    spans = (*block.spans[:k], change(block.spans[k]), *block.spans[k + 1 :])
    body = (dataclasses.replace(block, spans=spans), *article.body[1:])
    return dataclasses.replace(src, articles=(dataclasses.replace(article, body=body), *src.articles[1:]))


_NO_RULE = Edit(0, 1, "X", None)


def _problems(src, change):
    problems, _ = check_source(_tamper(src, change))
    return [p.message for p in problems]


def test_an_untampered_span_passes(edition):
    assert _problems(edition[0], lambda s: s) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # the printed text is not what the edits make of the raw text
        (lambda s: dataclasses.replace(s, out=s.out + "X"), "is not its raw text with its edits"),
        # an edit that changes a character names no rule
        (lambda s: dataclasses.replace(s, edits=(_NO_RULE,), out=apply_edits(s.raw, (_NO_RULE,))), "no rule"),
        # an edit outside its span, or before the one it follows
        (lambda s: dataclasses.replace(s, edits=(Edit(len(s.raw), 1, "", Rule.EDGE_SPACE),)), "outside"),
        (
            lambda s: dataclasses.replace(
                s, edits=(Edit(1, 1, "", Rule.CJK_SPACE), Edit(0, 1, "", Rule.CJK_SPACE))
            ),
            "out of order",
        ),
        # an edit that cannot be read back character by character
        (lambda s: dataclasses.replace(s, edits=(Edit(0, 2, "X", Rule.EMENDATION),)), "not per character"),
        # a span that claims raw text the line does not have, or loses a character
        (lambda s: dataclasses.replace(s, raw="X" + s.raw[1:]), "which the line does not have"),
        (lambda s: dataclasses.replace(s, raw=s.raw[:-1], out=s.out[:-1], edits=()), "unaccounted"),
        # a span moved onto the column of another claim
        (lambda s: dataclasses.replace(s, col=s.col + 1), "line does not have"),
    ],
)
def test_a_tampered_span_or_edit_is_reported(edition, change, message):
    problems = _problems(edition[0], change)
    assert any(message in p for p in problems), problems


def test_a_block_made_of_tampered_spans_does_not_pass_as_its_text(edition):
    block = edition[0].articles[0].body[0]
    forged = dataclasses.replace(block, spans=(Supplied("X"), *block.spans))
    assert forged.text == "X" + block.text  # the text is always computed from the spans


def test_anchors_land_where_they_did(articles):
    """An anchor counts positions of the per-character view: the emendation note of
    思政政治 → 思想政治 still follows the emended phrase, each note mark at the same
    place in the printed text as when a block held one cell per character."""
    first = articles["guangyang-medical-insurance"].body[0]
    offsets = [first.text_offset(a.after) for a in first.anchors if a.note.kind.value == "emendation"]
    assert offsets and all(first.text[:k].endswith("思想政治") for k in offsets)
    for article in articles.values():
        for block in article.blocks:
            for a in block.anchors:
                assert 0 <= a.after <= block.size
                printed = "".join(i.out if isinstance(i, Cell) else i.text for i in block.items[: a.after])
                assert block.text_offset(a.after) == len(printed)


def test_blocks_pickle_without_their_per_character_view():
    import pickle

    block = Block(BlockKind.PARAGRAPH, items=[Cell(1, 0, "甲", "甲"), Cell(1, 1, "，", "，")])
    assert len(block.items) == 2
    again = pickle.loads(pickle.dumps(block))
    assert "items" not in again.__dict__ and again == block and again.text == "甲，"


def test_rules_counted_from_edits_as_from_cells(edition):
    from sizheng_edition.build.normalise import count_rules, count_span_rules

    for src in edition:
        for article in src.articles:
            for block in article.blocks:
                spans = [s for s in block.spans if isinstance(s, Span)]
                cells = [c for c in block.items if isinstance(c, Cell)]
                assert count_span_rules(spans) == count_rules(cells)


@pytest.mark.parametrize(
    "text",
    [
        "互联网 + 思政",
        "互联网＋思政 工作",
        " 甲 乙 ",
        "定期调研 + 动态跟踪",
        "ＡＢ１, 甲 (乙)",
        "a + b 甲 + 乙 +",
    ],
)
def test_rules_counted_from_edits_as_from_cells_on_small_lines(text):
    from sizheng_edition.build.normalise import count_rules, count_span_rules, line_cells, normalise
    from sizheng_edition.model.source import Source

    cells = normalise(line_cells(Source("t.txt", "t.txt", (text,), "0", len(text)), 1))
    spans = [s for s in spans_of(cells) if isinstance(s, Span)]
    assert count_span_rules(spans) == count_rules(cells)


def test_positions_are_the_per_character_view(edition):
    for src in edition:
        for article in src.articles:
            for block in article.blocks:
                outs, rules = block.positions()
                assert outs == [i.out if isinstance(i, Cell) else i.text for i in block.items]
                assert rules == [i.rule if isinstance(i, Cell) else i for i in block.items]
