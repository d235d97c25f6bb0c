"""Citable anchors: ``{pn}`7``` numbers a paragraph (id ``p7``, label
``<article>-p7``) and ``{ln}`000:11``` numbers a source line in a diplomatic
transcription (id ``l11``, label ``s000-l11``).  Both register a standard
label, so ``{ref}`` reaches them from any page and the LaTeX build links them."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole


class numbered_anchor(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils naming
    """A visible number that is also a link target and a permalink."""


class _AnchorRole(SphinxRole):
    pattern: re.Pattern
    kind: str

    def run(self):
        match = self.pattern.match(self.text)
        if not match:
            msg = self.inliner.reporter.error(f"{self.name}: cannot read {self.text!r}", line=self.lineno)
            return [self.inliner.problematic(self.rawtext, self.rawtext, msg)], [msg]
        node_id, label, title, shown = self.target(match)
        self.env.domains.standard_domain.note_hyperlink_target(label, self.env.docname, node_id, title)
        node = numbered_anchor(self.rawtext, shown, ids=[node_id], classes=[self.kind], title=title)
        return [node], []


class ParagraphNumber(_AnchorRole):
    pattern = re.compile(r"^(\d+)$")
    kind = "para-number"

    def target(self, match):
        n = match.group(1)
        article = PurePosixPath(self.env.docname).name
        return f"p{n}", f"{article}-p{n}", f"¶{n}", n


class LineNumber(_AnchorRole):
    pattern = re.compile(r"^(\w+):(\d+)$")
    kind = "line-number"

    def target(self, match):
        source, n = match.groups()
        return f"l{n}", f"s{source}-l{n}", f"{source}:{n}", n


def visit_anchor_html(self, node: numbered_anchor) -> None:
    node_id = node["ids"][0]
    label = f"{node['title']} (link to this place)"
    self.body.append(
        f'<a class="{" ".join(node["classes"])}" id="{node_id}" href="#{node_id}" '
        f'title="{self.attval(label)}" aria-label="{self.attval(label)}">{self.encode(node.astext())}</a>'
    )
    raise nodes.SkipNode


def visit_anchor_latex(self, node: numbered_anchor) -> None:
    target = self.hypertarget(node["ids"][0])
    number = self.encode(node.astext())
    if "para-number" in node["classes"]:
        self.body.append(rf"{target}\editionparanum{{{number}}}")
    else:
        self.body.append(rf"{target}\editionlinenum{{{number}}}")
    raise nodes.SkipNode


def visit_anchor_text(self, node: numbered_anchor) -> None:
    self.add_text(f"[{node.astext()}] ")
    raise nodes.SkipNode


LATEX_MACROS = r"""
\providecommand{\editionparanum}[1]{\leavevmode\llap{\footnotesize\sffamily #1\quad}}
\providecommand{\editionlinenum}[1]{\makebox[2.5em][r]{\footnotesize\sffamily #1}\quad}
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


def _add_latex_macros(app: Sphinx, config) -> None:
    elements = dict(config.latex_elements)
    elements["preamble"] = LATEX_MACROS + elements.get(
        "preamble", ""
    )  # before the project's own, which may redefine them
    config.latex_elements = elements
