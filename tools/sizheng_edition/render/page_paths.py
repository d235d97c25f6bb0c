"""Where each generated page lives: document names relative to ``edition/``
(without ``.md``), and the relative form one page uses to link another."""

from __future__ import annotations

import posixpath
from functools import lru_cache

TEXTS = "texts"
GLOSSARY = "glossary"
GENERATED_DIRS = (TEXTS, GLOSSARY)  # everything in these folders is written by the tools

TEXTS_INDEX = f"{TEXTS}/index"
NORMALISATION_RULES = f"{TEXTS}/normalisation"
WITNESSES = f"{TEXTS}/witnesses"
GLOSSARY_INDEX = f"{GLOSSARY}/index"
GLOSSARY_CATEGORIES = f"{GLOSSARY}/categories"
GLOSSARY_USAGE = f"{GLOSSARY}/usage"


def source_dir(source_key: str) -> str:
    return f"{TEXTS}/{source_key}"


def overview(source_key: str) -> str:
    return f"{source_dir(source_key)}/index"


def transcription(source_key: str) -> str:
    return f"{source_dir(source_key)}/transcription"


def article(source_key: str, article_id: str) -> str:
    return f"{source_dir(source_key)}/{article_id}"


def file(doc: str) -> str:
    """The file of a document."""
    return f"{doc}.md"


def relative(doc: str, from_doc: str) -> str:
    """``doc`` as a link target written in ``from_doc``."""
    folder, name = posixpath.split(doc)
    up = _relative_folder(folder or ".", posixpath.dirname(from_doc))
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=4096)
def _relative_folder(folder: str, from_folder: str) -> str:
    # posixpath.relpath makes both paths absolute on every call; a page links to few
    # folders (its own, the glossary, a source's), so the pairs repeat (30,000 calls
    # for 300 sources).
    return posixpath.relpath(folder, from_folder)
