"""The glossary's quotations checked against the built articles: apart from the
glossary's loader, so that a ``generate`` whose glossary comes from the cache need not
import the YAML parser and the schema validator to run it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NoReturn

from sizheng_edition.errors import EditionError
from sizheng_edition.model.edition import Article
from sizheng_edition.model.glossary import Glossary


def check_quotations(glossary: Glossary, articles: Iterable[Article]) -> None:
    """Every quotation names an article of the edition and one of its paragraphs, which
    contains the quoted words exactly; and the words use the term or a variant. Only the
    built edition knows its paragraphs, so this runs after the build."""
    by_id = {a.id: a for a in articles}
    for e in glossary.entries:
        for q in e.quotations:
            article_line, paragraph_line, text_line = q.yaml_lines

            def fail(line: int, message: str, term: str = e.term) -> NoReturn:
                raise EditionError(glossary.path, line, f"entry {term!r}: {message}")

            article = by_id.get(q.article)
            if article is None:
                known = ", ".join(sorted(by_id))
                fail(article_line, f"quotation names article {q.article!r}, which the edition does not have "
                     f"(expected one of: {known})")  # fmt: skip
            paragraphs = {b.number: b.text for b in article.blocks if b.number is not None}
            text = paragraphs.get(q.paragraph)
            if text is None:
                fail(paragraph_line, f"quotation names ¶{q.paragraph} of {q.article!r}, which has "
                     f"paragraphs ¶1 to ¶{max(paragraphs, default=0)}")  # fmt: skip
            if q.text not in text:
                fail(text_line, f"quotation “{q.text}” does not stand in ¶{q.paragraph} of {q.article!r}")
            if not any(form in q.text for form in (e.term, *e.variants)):
                fail(text_line, f"quotation “{q.text}” uses neither the term nor a variant")
