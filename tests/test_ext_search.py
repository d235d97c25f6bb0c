"""Chinese search (tests/roots/test-search): the script names a stemmer that exists,
jieba segments the text, and every pair of adjacent Han characters is indexed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import build_root as build
from conftest import read_output as read
from sizheng_edition.sphinxext.search import han_pairs
from sphinx.testing.util import SphinxTestApp


def search_terms(app: SphinxTestApp) -> dict[str, Any]:
    raw = read(app, "searchindex.js")
    terms: dict[str, Any] = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])["terms"]
    return terms


@pytest.mark.sphinx("html", testroot="search", warningiserror=True)
def test_chinese_search_script_names_a_stemmer_that_exists(app: SphinxTestApp) -> None:
    build(app)
    data = read(app, "_static/language_data.js")
    assert "window.Stemmer = EnglishStemmer;" in data
    assert "EnglishStemmer = function" in data or "class EnglishStemmer" in data or "EnglishStemmer=" in data


@pytest.mark.sphinx("html", testroot="search", warningiserror=True)
def test_chinese_text_is_indexed_with_jieba(app: SphinxTestApp) -> None:
    build(app)
    terms = search_terms(app)
    assert "第一段" in terms or "第一" in terms
    assert "原文" in terms


@pytest.mark.sphinx("html", testroot="search", warningiserror=True)
def test_phrases_are_found_by_their_character_pairs(app: SphinxTestApp) -> None:
    build(app)
    terms = search_terms(app)
    assert {"急难", "难愁", "愁盼"} <= terms.keys()
    assert r"\p{Script=Han}" in read(app, "_static/language_data.js")  # the query is split the same way


def test_han_pairs() -> None:
    assert han_pairs("急难愁盼 ok 原文") == ["急难", "难愁", "愁盼", "原文"]
