"""Parallel views on the generated pages: each paragraph's block of witness lines lists
exactly the lines the transcription says went into it, and the 003 original is a
parallel block rather than a grey paragraph."""

from __future__ import annotations

import re

import pytest
from sizheng_edition.model.edition import BlockKind, Fate, NoteKind
from sizheng_edition.render.article import render_article

SHEYANG = "yancheng-medical-insurance-centre"
# A block of witness lines on a generated page: its summary and its listed line numbers.
BLOCK = re.compile(r"````\{parallel\} witness-lines\n:lang: \S+\n:summary: (.*)\n\n((?:- .*\n)+)````")
LISTED = re.compile(r"^- \{ref\}`(\d+) <s(\w+)-l(\d+)>` ", re.M)
PARAGRAPH = re.compile(r"^\{pn\}`(\d+)`", re.M)


def _sources(edition):
    return [(src, a) for src in edition for a in src.articles]


def test_each_paragraph_lists_exactly_the_lines_the_transcription_sends_it(edition):
    checked = 0
    for src, article in _sources(edition):
        page = render_article(src, article)
        # Each numbered paragraph is followed by its block (and, for 003, the original).
        for match in PARAGRAPH.finditer(page):
            number = int(match.group(1))
            block = BLOCK.search(page, match.end())
            assert block is not None, (article.id, number)
            assert not PARAGRAPH.search(page, match.end(), block.start()), (article.id, number)
            found = LISTED.findall(block.group(2))
            # Shown as its number, linked to that line of this source's transcription.
            assert all(shown == line and key == src.source.key for shown, key, line in found)
            listed = [int(n) for n, _, _ in found]
            # The transcription's own record: lines printed in this paragraph, and the
            # dropped lines the paragraph's notes report.
            printed = {d.line for d in src.dispositions if d.article == article.id and d.paragraph == number}
            body = next(b for b in article.body if b.number == number)
            dropped = {r.line for a in body.anchors if a.note.kind is NoteKind.DROP for r in a.note.lines}
            assert all(d.fate is Fate.DROPPED for d in src.dispositions if d.line in dropped), (
                article.id,
                number,
            )
            assert set(listed) == printed | dropped, (article.id, number)
            assert len(listed) == len(set(listed))  # each line once
            first, last = min(listed), max(listed)
            span = f"{src.source.key}:{first}" + (f"–{last}" if last != first else "")
            assert block.group(1).endswith(span)
            checked += 1
    assert checked > 50


def test_fates_follow_the_notes(edition):
    """A line a join or move note names is shown as joined or moved, a dropped line as
    dropped; the rest kept."""
    seen = set()
    for src, article in _sources(edition):
        page = render_article(src, article)
        for block in article.body:
            if block.kind is BlockKind.HEADING:
                continue
            for anchor in block.anchors:
                fate = {NoteKind.JOIN: "joined", NoteKind.DROP: "dropped", NoteKind.MOVE: "moved"}.get(
                    anchor.note.kind
                )
                if fate is None:
                    continue
                for ref in anchor.note.lines:
                    if ref.line not in block.lines and anchor.note.kind is not NoteKind.DROP:
                        continue  # the other end of a move: listed where it is printed
                    item = rf"^- \{{ref\}}`{ref.line} <s{src.source.key}-l{ref.line}>`.*$"
                    line = re.search(item, page, re.M)
                    assert line is not None
                    fates = re.search(r"\{lang-en\}`(.*)`$", line.group())
                    assert fates is not None and fate in fates.group(1).split(", ")
                    seen.add(fate)
    assert seen == {"joined", "dropped", "moved"}


@pytest.mark.parametrize("article_id", [SHEYANG])
def test_the_traditional_original_is_a_parallel_block_after_each_paragraph(edition, articles, article_id):
    src = next(s for s in edition if any(a.id == article_id for a in s.articles))
    page = render_article(src, articles[article_id])
    assert ":class: original\n" not in page  # no longer a grey block under the text
    paragraphs = len(PARAGRAPH.findall(page))
    originals = re.findall(r"````\{parallel\} original\n:lang: zh-Hant\n", page)
    assert paragraphs and len(originals) >= paragraphs
    # Every other source prints in simplified: no original beside it.
    for other, article in _sources(edition):
        if other is not src:
            assert "{parallel} original" not in render_article(other, article)
