"""Citable anchors: ``{pn}`7``` numbers a paragraph (id ``p7``, label
``<article>-p7``) and ``{ln}`000:11``` numbers a source line in a diplomatic
transcription (id ``l11``, label ``s000-l11``).  ``{ref}`` reaches them from any
page and the LaTeX build links them.
The formats are ``model.labels``', shared with the page generator that cites them.

The labels are kept in the edition's own ``anchors`` domain, not as standard labels:
Sphinx's standard domain forgets a page's labels by scanning every label of the
project, so with one label per line and paragraph (some 11,000 at 100 sources) a
serial build grew quadratically.  Here each page's labels are kept together and
forgotten in time proportional to that page.  A ``{ref}`` the standard domain does
not know comes to ``resolve_missing`` and is built exactly as the standard domain
builds it; a label no one defines is still the standard domain's warning, naming
the page.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Set
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, ClassVar, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from sizheng_edition.model.labels import (
    line_citation,
    line_id,
    line_label,
    paragraph_citation,
    paragraph_id,
    paragraph_label,
)


class numbered_anchor(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils naming
    """A visible number that is also a link target and a permalink."""


@dataclass(frozen=True)
class Anchor:
    """One citable place: its id on the page, its site-wide label, the title
    a link to it shows, and the number printed in the text."""

    id: str
    label: str
    title: str
    shown: str


logger = logging.getLogger(__name__)

# A label's place: its page, its id on the page, and the title a link to it shows.
Place = tuple[str, str, str]


class EditionAnchorDomain(Domain):
    """Every paragraph and line label, page by page."""

    name = "anchors"
    label = "Edition anchors"
    initial_data: ClassVar[dict[str, Any]] = {"pages": {}, "places": {}}
    data_version = 1

    @property
    def pages(self) -> dict[str, dict[str, tuple[str, str]]]:
        """Each page's labels: label -> (id, title)."""
        pages: dict[str, dict[str, tuple[str, str]]] = self.data["pages"]
        return pages

    @property
    def places(self) -> dict[str, Place]:
        """Each label's place, for resolving a reference in one look-up."""
        places: dict[str, Place] = self.data["places"]
        return places

    def note_anchor(self, docname: str, anchor: Anchor, node: nodes.Node) -> None:
        other = self.places.get(anchor.label)
        if other is not None and other[0] != docname:
            logger.warning(
                "duplicate label %s, other instance in %s",
                anchor.label,
                self.env.doc2path(other[0]),
                location=node,
            )
        self.pages.setdefault(docname, {})[anchor.label] = (anchor.id, anchor.title)
        self.places[anchor.label] = (docname, anchor.id, anchor.title)

    def clear_doc(self, docname: str) -> None:
        for label in self.pages.pop(docname, {}):
            if self.places.get(label, ("",))[0] == docname:
                del self.places[label]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        other_pages: dict[str, dict[str, tuple[str, str]]] = otherdata["pages"]
        for docname in docnames & other_pages.keys():
            labels = other_pages[docname]
            self.pages[docname] = labels
            for label, (node_id, title) in labels.items():
                self.places[label] = (docname, node_id, title)

    def resolve_xref(self, *args: Any, **kwargs: Any) -> None:
        # References arrive as the standard domain's {ref}; see resolve_missing.
        return None

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        return []


def anchor_domain(env: BuildEnvironment) -> EditionAnchorDomain:
    return cast("EditionAnchorDomain", env.domains[EditionAnchorDomain.name])


def resolve_missing(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """A ``{ref}`` to a paragraph or line, linked as the standard domain links a label."""
    if node.get("refdomain") != "std" or node.get("reftype") != "ref":
        return None
    place = anchor_domain(env).places.get(node["reftarget"])
    if place is None:
        return None
    docname, node_id, title = place
    shown = node.astext() if node.get("refexplicit") else title
    return env.domains.standard_domain.build_reference_node(
        node["refdoc"], app.builder, docname, node_id, shown, "ref"
    )


class _AnchorRole(SphinxRole):
    pattern: ClassVar[re.Pattern[str]]
    kind: ClassVar[str]

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = self.pattern.match(self.text)
        if not match:
            msg = self.inliner.reporter.error(f"{self.name}: cannot read {self.text!r}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        anchor = self.anchor(match)
        node = numbered_anchor(
            self.rawtext, anchor.shown, ids=[anchor.id], classes=[self.kind], title=anchor.title
        )
        self.set_source_info(node)
        anchor_domain(self.env).note_anchor(self.env.docname, anchor, node)
        return [node], []

    @abstractmethod
    def anchor(self, match: re.Match[str]) -> Anchor:
        """The place the role's text names."""


class ParagraphNumber(_AnchorRole):
    pattern = re.compile(r"^(\d+)$")
    kind = "para-number"

    def anchor(self, match: re.Match[str]) -> Anchor:
        n = match.group(1)
        article = PurePosixPath(self.env.docname).name
        return Anchor(paragraph_id(n), paragraph_label(article, n), paragraph_citation(n), n)


class LineNumber(_AnchorRole):
    pattern = re.compile(r"^(\w+):(\d+)$")
    kind = "line-number"

    def anchor(self, match: re.Match[str]) -> Anchor:
        source, n = match.groups()
        return Anchor(line_id(n), line_label(source, n), line_citation(source, n), n)


def visit_anchor_html(self: HTML5Translator, node: numbered_anchor) -> None:
    node_id = node["ids"][0]
    label = f"{node['title']} (link to this place)"
    self.body.append(
        f'<a class="{" ".join(node["classes"])}" id="{node_id}" href="#{node_id}" '
        f'title="{self.attval(label)}" aria-label="{self.attval(label)}">{self.encode(node.astext())}</a>'
    )
    raise nodes.SkipNode


def visit_anchor_latex(self: LaTeXTranslator, node: numbered_anchor) -> None:
    target = self.hypertarget(node["ids"][0])
    number = self.encode(node.astext())
    if "para-number" in node["classes"]:
        self.body.append(rf"{target}\editionparanum{{{number}}}")
    elif "srcrun" in node.parent.get("classes", []):
        # An empty line named in its run's head: a number in the sentence, not a column.
        self.body.append(rf"{target}\editionemptyline{{{number}}}")
    else:
        self.body.append(rf"{target}\editionlinenum{{{number}}}")
    raise nodes.SkipNode


def visit_anchor_text(self: TextTranslator, node: numbered_anchor) -> None:
    self.add_text(f"[{node.astext()}] ")
    raise nodes.SkipNode


LATEX_MACROS = r"""
\providecommand{\editionparanum}[1]{\leavevmode\llap{\footnotesize\sffamily #1\quad}}
\providecommand{\editionlinenum}[1]{\makebox[2.5em][r]{\footnotesize\sffamily #1}\quad}
\providecommand{\editionemptyline}[1]{#1}
"""


def setup_anchors(app: Sphinx) -> None:
    app.add_domain(EditionAnchorDomain)
    app.add_node(
        numbered_anchor,
        html=(visit_anchor_html, None),
        latex=(visit_anchor_latex, None),
        text=(visit_anchor_text, None),
    )
    app.add_role("pn", ParagraphNumber())
    app.add_role("ln", LineNumber())
    app.connect("config-inited", _add_latex_macros)
    app.connect("missing-reference", resolve_missing)


def _add_latex_macros(app: Sphinx, config: Config) -> None:
    elements = dict(config.latex_elements)
    # Before the project's own preamble, which may redefine them.
    elements["preamble"] = LATEX_MACROS + elements.get("preamble", "")
    config.latex_elements = elements
