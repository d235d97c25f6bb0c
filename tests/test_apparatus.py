"""The editorial apparatus: conversion notes and signs, the apparatus to the traditional
original, both ends of a move, and the citation's inner quotation marks."""

from __future__ import annotations

import re

from sizheng_edition.model.edition import Cell, NoteKind, Rule
from sizheng_edition.render.pages import edition_files
from sizheng_edition.sphinxext.citation import chicago_title

SHEYANG = "yancheng-medical-insurance-centre"
GUANGYANG = "guangyang-medical-insurance"
MEDICAL = "medical-staff-ideological-work"


def _notes(article):
    return [a.note for b in article.blocks for a in b.anchors]


def _page(edition, glossary, path_end: str) -> str:
    files = edition_files(edition, glossary)
    return next(text for path, text in files.items() if str(path).endswith(path_end))


def test_conversion_notes_are_their_own_kind_and_say_the_converter_is_corrected(articles):
    notes = _notes(articles[SHEYANG])
    conversions = [n for n in notes if n.kind is NoteKind.CONVERSION]
    assert len(conversions) == 3
    for note in conversions:
        assert "converter" in note.text and "not the witness" in note.text
    assert not [n for n in notes if n.kind is NoteKind.EMENDATION]


def test_only_changed_characters_are_marked(articles):
    for article in articles.values():
        for block in article.blocks:
            for item in block.items:
                if isinstance(item, Cell) and item.rule in (Rule.EMENDATION, Rule.SCRIPT):
                    assert item.out != item.raw, (article.id, item)
    sheyang_marked = [
        c.out
        for b in articles[SHEYANG].blocks
        for c in b.items
        if isinstance(c, Cell) and c.rule is Rule.SCRIPT
    ]
    assert sheyang_marked == ["着", "着", "着"]


def test_the_generated_page_marks_one_character(edition, glossary):
    guangyang = _page(edition, glossary, f"{GUANGYANG}.md")
    assert "思[想]{.emended}政治" in guangyang and "[思想政治]{.emended}" not in guangyang
    sheyang = _page(edition, glossary, f"{SHEYANG}.md")
    assert "承担[着]{.converted}" in sheyang and "{.emended}" not in sheyang


def test_original_forms_table_lists_each_form_with_lines_that_hold_it(edition, glossary):
    src = next(s for s in edition if s.source.key == "003")
    plan_forms = {f.form for f in src.original_forms}
    assert len(plan_forms) == 12 and sum(len(f.lines) for f in src.original_forms) == 29
    for form in src.original_forms:
        for n in set(form.lines):
            assert src.source.line(n).count(form.form) == form.lines.count(n)
    page = _page(edition, glossary, f"{SHEYANG}.md")
    rows = [line for line in page.splitlines() if line.startswith("| {lang-zht}")]
    assert len(rows) == 12
    for row in rows:
        form = re.match(r"\| \{lang-zht\}`([^`]+)`", row)
        assert form is not None
        lines = [int(n) for n in re.findall(r"<s003-l(\d+)>", row)]
        assert lines and all(form.group(1) in src.source.line(n) for n in lines)


def test_every_move_is_noted_at_both_ends_with_links(edition, glossary, articles):
    moves = [n for n in _notes(articles[MEDICAL]) if n.kind is NoteKind.MOVE]
    assert [n.see for n in moves] == [GUANGYANG]
    away = [n for n in _notes(articles[GUANGYANG]) if n.kind is NoteKind.MOVE]
    assert [n.see for n in away] == [MEDICAL]
    assert {r.line for r in away[0].lines} == {7, 9, 11}
    page = _page(edition, glossary, f"{GUANGYANG}.md")
    note = next(line for line in page.splitlines() if line.startswith("[^") and "**Move**" in line)
    assert f"<{MEDICAL}>" in note and f"<{MEDICAL}-p1>" in note
    back = _page(edition, glossary, f"{MEDICAL}.md")
    assert f"<{GUANGYANG}>`" in next(line for line in back.splitlines() if "**Move**" in line)


def test_chicago_citation_alternates_inner_quotes(articles):
    title = articles["internet-plus-hospital-education"].title.text
    assert "“互联网+”" in title  # the printed title carries its own double quotes
    cited = chicago_title(title)
    assert cited.startswith("‘互联网+’") and "“" not in cited and "”" not in cited
    assert chicago_title("甲‘乙’丙") == "甲“乙”丙"
