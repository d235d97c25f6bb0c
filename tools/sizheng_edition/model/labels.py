"""The names of citable places: one definition shared by the page generator, which
writes references to them, and the Sphinx extension, which registers them.

A paragraph is ``p7`` on its page and ``<article>-p7`` across the site; a source line
is ``l11`` on its transcription page and ``s000-l11`` across the site.  Changing a
format here changes every URL a reader may have cited: treat these as frozen.
"""

from __future__ import annotations


def paragraph_id(number: int | str) -> str:
    """The HTML id of paragraph ``number`` on its own page."""
    return f"p{number}"


def paragraph_label(article_id: str, number: int | str) -> str:
    """The site-wide label of a paragraph, for ``{ref}``."""
    return f"{article_id}-{paragraph_id(number)}"


def line_id(number: int | str) -> str:
    """The HTML id of a source line on its transcription page."""
    return f"l{number}"


def line_label(source_key: str, number: int | str) -> str:
    """The site-wide label of a source line, for ``{ref}``."""
    return f"s{source_key}-{line_id(number)}"


def transcription_label(source_key: str) -> str:
    """The label of a source's diplomatic transcription page."""
    return f"src-{source_key}"


def source_label(source_key: str) -> str:
    """The label of a source's overview page."""
    return f"source-{source_key}"


def term_anchor(slug: str) -> str:
    """The HTML id of a glossary entry, from its toneless pinyin slug."""
    return f"term-{slug}"


def paragraph_citation(number: int | str) -> str:
    """How a paragraph is cited in running text and in its permalink's title."""
    return f"¶{number}"


def line_citation(source_key: str, number: int | str) -> str:
    """How a source line is cited in running text: also the content of the ``{ln}`` role."""
    return f"{source_key}:{number}"


def article_label(article_id: str) -> str:
    """The label of an article page."""
    return article_id


def glossary_letter_label(letter: str) -> str:
    """The label of a letter's section of the glossary (``glossary-a``)."""
    return f"glossary-{letter.lower()}"


def glossary_category_label(category: str) -> str:
    """The label of a category's section of the glossary-by-category page.

    ``category`` is a ``model.glossary.Category`` (a StrEnum, so it formats as its
    value); typed as ``str`` so that this module depends on nothing.
    """
    return f"glossary-category-{category}"


GLOSSARY = "glossary"  # the glossary page
GLOSSARY_RENDERINGS = "glossary-renderings"  # the glossary's note on where renderings come from
GLOSSARY_DISTINCTIVE = "glossary-distinctive"  # the terms each article uses most
NORMALISATION_RULES = "normalisation-rules"  # the page listing the normalisation rules
