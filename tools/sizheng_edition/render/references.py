"""MyST markup for the places pages point at: label targets, links to other pages, and
the ``{ref}`` and ``{gl}`` roles.  The label names themselves come from ``model.labels``,
the page names from ``render.page_paths``."""

from __future__ import annotations

from sizheng_edition.model import labels
from sizheng_edition.model.source import LineRef
from sizheng_edition.render import page_paths
from sizheng_edition.render.escape import escape, role_content


def target(label: str) -> str:
    """A MyST label on the block that follows."""
    return f"({label})="


def ref(label: str, text: str | None = None) -> str:
    """A reference to ``label``, shown as ``text`` (or, without it, as the target's title)."""
    if text is None:
        return f"{{ref}}`{role_content(label)}`"
    return f"{{ref}}`{role_content(text)} <{role_content(label)}>`"


def line_ref(line: LineRef, text: str | None = None) -> str:
    """A reference to a source line in its transcription, shown as ``000:11`` by default."""
    shown = labels.line_citation(line.source, line.line) if text is None else text
    return ref(labels.line_label(line.source, line.line), shown)


def paragraph_ref(article_id: str, number: int) -> str:
    """A reference to a paragraph, shown as ``¶7``."""
    return ref(labels.paragraph_label(article_id, number), labels.paragraph_citation(number))


def term_link(surface: str, term: str) -> str:
    """``surface`` linked to the glossary entry of ``term``."""
    return f"{{gl}}`{role_content(surface)} <{role_content(term)}>`"


def doc_link(text: str, doc: str) -> str:
    """A link to another page whose text may come from a source: a Markdown link, whose
    text is parsed (and so can be escaped), rather than a role, whose text is not.
    ``doc`` is relative to the linking page (``page_paths.relative``)."""
    return f"[{escape(text)}]({page_paths.file(doc)})"
