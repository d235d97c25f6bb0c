"""Citable anchors: ``{pn}`7``` numbers a paragraph (id ``p7``, label
``<article>-p7``) and ``{ln}`000:11``` numbers a source line in a diplomatic
transcription (id ``l11``, label ``s000-l11``).  Both register a standard
label, so ``{ref}`` reaches them from any page and the LaTeX build links them.
The formats are ``model.labels``', shared with the page generator that cites them."""

from __future__ import annotations

import re
from abc import abstractmethod
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
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


class _AnchorRole(SphinxRole):
    pattern: ClassVar[re.Pattern[str]]
    kind: ClassVar[str]

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = self.pattern.match(self.text)
        if not match:
            msg = self.inliner.reporter.error(f"{self.name}: cannot read {self.text!r}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        anchor = self.anchor(match)
        self.env.domains.standard_domain.note_hyperlink_target(
            anchor.label, self.env.docname, anchor.id, anchor.title
        )
        node = numbered_anchor(
            self.rawtext, anchor.shown, ids=[anchor.id], classes=[self.kind], title=anchor.title
        )
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
    app.add_node(
        numbered_anchor,
        html=(visit_anchor_html, None),
        latex=(visit_anchor_latex, None),
        text=(visit_anchor_text, None),
    )
    app.add_role("pn", ParagraphNumber())
    app.add_role("ln", LineNumber())
    app.connect("config-inited", _add_latex_macros)


def _add_latex_macros(app: Sphinx, config: Config) -> None:
    elements = dict(config.latex_elements)
    # Before the project's own preamble, which may redefine them.
    elements["preamble"] = LATEX_MACROS + elements.get("preamble", "")
    config.latex_elements = elements
