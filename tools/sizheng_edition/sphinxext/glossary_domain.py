"""The glossary's state in a Sphinx build: which terms exist, on which page and under
which anchor, and which pages link to them (those holding a ``term_link`` node).

It lives in a Sphinx domain, as the todo extension keeps its todos, so that Sphinx
pickles it with the environment, forgets a page's part when the page is read again
(``clear_doc``) and gathers it from the processes of a parallel read
(``merge_domaindata``).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment


class term_link(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils naming
    """A word in the text that links to its glossary entry."""


@dataclass(frozen=True)
class GlossaryTerm:
    """Where a term's entry is, and what a link to it shows in its tooltip."""

    docname: str
    id: str
    pinyin: str
    english: str


class EditionGlossaryDomain(Domain):
    name = "edition"
    label = "Edition glossary"
    initial_data: ClassVar[dict[str, Any]] = {"terms": {}, "users": set()}
    data_version = 1

    @property
    def terms(self) -> dict[str, GlossaryTerm]:
        """Each term by its Chinese text."""
        terms: dict[str, GlossaryTerm] = self.data["terms"]
        return terms

    @property
    def users(self) -> set[str]:
        """The pages that link to a term: they show its pinyin and English."""
        users: set[str] = self.data["users"]
        return users

    def note_term(self, text: str, term: GlossaryTerm) -> None:
        self.terms[text] = term

    def term_pages(self) -> set[str]:
        return {term.docname for term in self.terms.values()}

    def clear_doc(self, docname: str) -> None:
        self.users.discard(docname)
        for text in [text for text, term in self.terms.items() if term.docname == docname]:
            del self.terms[text]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        other_terms: dict[str, GlossaryTerm] = otherdata["terms"]
        other_users: set[str] = otherdata["users"]
        self.terms.update({text: term for text, term in other_terms.items() if term.docname in docnames})
        self.users.update(other_users & docnames)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        if any(True for _ in document.findall(term_link)):
            self.users.add(docname)


def glossary_domain(env: BuildEnvironment) -> EditionGlossaryDomain:
    return cast("EditionGlossaryDomain", env.domains[EditionGlossaryDomain.name])
