"""Source text is data: markup in a witness (or a plan) renders as literal text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import reader_text, sphinx_build
from sizheng_edition.cli import main

ROOT = Path(__file__).resolve().parent.parent

HOSTILE = [
    "标题<script>alert(1)</script>",
    "□ 作者`x`",
    "# 不是标题 [^1] {eval-rst}`x` 。",
    "```{eval-rst} 。",
    ".. raw:: html 。",
    '<script>alert("x")</script>。',
    r"$x^2$ 与 \input{/etc/passwd} 与 \textbf{粗} 。",
    "::: {note} 。",
    "[链接](javascript:alert(1)) **粗** _斜_ 。",
    "1. 列表 - 项 | 表 | 。",
    "{{ substitution }} &amp; &#60; <!-- c --> 。",
    "(作者单位:某处)",
]

PLAN = """\
source: 999_hostile.txt
description: 'A witness full of markup: <b>bold</b> `code` $math$ {eval-rst}'
layout: lines
script: simplified
articles:
  - id: hostile
    title: 1
    byline: {line: 2, form: mark-author}
    affiliation: 12
    fragments:
      - lines: 3-11
"""


GLOSSARY = """\
- term: 作者单位
  traditional: 作者單位
  english: "author's affiliation <script>x</script> `y`"
  rendering: own
  rendering_source: "test: markup in every field {eval-rst} $z$"
  category: concept
  definition: "A test entry whose fields are full of markup: <b>b</b> **c** [d](e)."
"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory, edition_skeleton):
    root = tmp_path_factory.mktemp("hostile")
    (root / "seeds").mkdir()
    (root / "conf" / "plans").mkdir(parents=True)
    (root / "seeds" / "999_hostile.txt").write_text("\n".join(HOSTILE) + "\n", encoding="utf-8")
    (root / "conf" / "plans" / "999.yaml").write_text(PLAN, encoding="utf-8")
    (root / "conf" / "glossary.yaml").write_text(GLOSSARY, encoding="utf-8")
    edition_skeleton(root / "edition")
    assert main(["--root", str(root), "generate"]) == 0
    assert main(["--root", str(root), "check"]) == 0
    return root


def build(root, builder):
    return sphinx_build(builder, root / "edition", root / "_build")


def test_html_shows_markup_as_text(hostile_project):
    out = build(hostile_project, "html")
    page = (out / "texts" / "999" / "hostile.html").read_text(encoding="utf-8")
    body = page.split('<article role="main"', 1)[1]
    assert "<script>alert" not in body
    assert "javascript:" not in re.findall(r'href="([^"]*)"', body).__str__()
    assert body.count("<h1") == 1
    assert "<b>" not in body and "<strong>粗" not in body and "<em>斜" not in body
    assert "<ol" not in body and "<table" not in body and "<!-- c -->" not in body
    text = reader_text(page)
    # Every hostile line is printed as it stands: the byline without its mark, and
    # ".. raw:: html 。" without the space before 。 (the mixed-space rule).
    for needle in (HOSTILE[0], "作者`x`", *HOSTILE[2:4], ".. raw:: html。", *HOSTILE[5:11]):
        assert needle in text, needle
    overview = reader_text((out / "texts" / "999" / "index.html").read_text(encoding="utf-8"))
    assert "<b>bold</b> `code` $math$ {eval-rst}" in overview
    transcription = reader_text((out / "texts" / "999" / "transcription.html").read_text(encoding="utf-8"))
    assert r"$x^2$␣与␣\input{/etc/passwd}" in transcription


def test_latex_escapes_markup(hostile_project):
    out = build(hostile_project, "latex")
    tex = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.tex"))
    assert r"\input{/etc/passwd}" not in tex
    assert r"\textbackslash{}input\{/etc/passwd\}" in tex
    assert r"\$x\textasciicircum{}2\$" in tex
    assert r"\textbf{粗}" not in tex
