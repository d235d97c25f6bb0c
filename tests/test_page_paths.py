"""Links between generated pages: ``relative`` (whose folder pairs are cached) says
exactly what posixpath.relpath says."""

from __future__ import annotations

import posixpath

import pytest
from sizheng_edition.render import page_paths

DOCS = ["index", "texts/index", "texts/s0/a1", "texts/s0/index", "texts/s1/t", "glossary/usage", "a/b/c/d"]


@pytest.mark.parametrize("from_doc", DOCS)
def test_relative_is_relpath_from_the_pages_folder(from_doc):
    for doc in DOCS:
        assert page_paths.relative(doc, from_doc) == posixpath.relpath(doc, posixpath.dirname(from_doc))
