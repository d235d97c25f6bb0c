"""Parallel views: what a paragraph can be read beside (its diplomatic source lines, or
for a converted witness its traditional original).

``{parallel} witness-lines`` (or ``original``) becomes, on the web, a native
``<details>`` right after its paragraph, closed by default: the page reads as the text
alone and every block still opens by a click without JavaScript.  The view switch
(static/edition-views.js) opens one kind of block on every page and lays it beside its
paragraph (static/edition-views.css).  The blocks say ``data-pagefind-ignore`` so that
a search engine indexes the reading text only (and Sphinx's own index skips them by
the ``no-search`` class).

Print and e-book keep a critical edition, not a control: the PDF and the EPUB print the
traditional original as a block under its paragraph (as before these views) and leave
the witness lines out, which the transcription appendix prints in full."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from .lang import _TAG

KINDS = ("witness-lines", "original")
"""The kinds of parallel block; each is a view of its own (edition-views.js)."""


class parallel_block(nodes.General, nodes.Element):  # noqa: N801 - docutils naming
    """What a paragraph can be read beside."""


class ParallelDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec: ClassVar = {"lang": directives.unchanged_required, "summary": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in KINDS:
            raise self.error(f"not a kind of parallel block: {kind!r} (one of {', '.join(KINDS)})")
        lang = self.options.get("lang", "")
        if not _TAG.match(lang):
            raise self.error(f"not a language tag: {lang!r}")
        # "no-search": Sphinx's own index skips the node, as Pagefind does by the attribute.
        summary = self.options.get("summary", "")
        node = parallel_block(kind=kind, lang=lang, summary=summary, classes=[kind, "no-search"])
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class CompactWitnessLines(SphinxPostTransform):
    """A witness line is one short row: its line number's link without the reference's
    inner span, which adds a node per line to a hard-wrapped witness's page (Lighthouse
    counts every node)."""

    builders = ("html", "dirhtml", "singlehtml")
    default_priority = 900  # after references are resolved

    def run(self, **kwargs: Any) -> None:
        for block in self.document.findall(parallel_block):
            if block["kind"] != "witness-lines":
                continue
            # The list items keep their paragraph: a reference directly in a list item
            # fails Sphinx's HTML writer (an assertion in visit_reference), and the writer
            # prints a lone paragraph in a simple list without a <p> anyway.
            for ref in list(block.findall(nodes.reference)):
                _unwrap(ref, nodes.inline)


def _unwrap(parent: nodes.Element, kind: type[nodes.Element]) -> None:
    """``parent``'s children of ``kind`` replaced by their own children."""
    for child in [c for c in parent.children if isinstance(c, kind)]:
        at = parent.index(child)
        parent[at : at + 1] = child.children


def _in_epub(self: HTML5Translator) -> bool:
    return self.builder.name == "epub"


def visit_parallel_html(self: HTML5Translator, node: parallel_block) -> None:
    if _in_epub(self):
        # E-readers differ in whether a closed <details> can be opened: the EPUB prints
        # the original open and leaves the lines to the transcription.
        if node["kind"] != "original":
            raise nodes.SkipNode
        self.body.append(f'<div class="{node["kind"]}" lang="{node["lang"]}">')
        return
    # Written out rather than by starttag, which would add the "no-search" class too.
    kind, lang = node["kind"], node["lang"]
    self.body.append(f'<details class="{kind}" data-pagefind-ignore="all" lang="{lang}">\n')
    self.body.append(f'<summary lang="en">{self.encode(node["summary"])}</summary>\n')


def depart_parallel_html(self: HTML5Translator, node: parallel_block) -> None:
    self.body.append("</div>\n" if _in_epub(self) else "</details>\n")


def visit_parallel_latex(self: LaTeXTranslator, node: parallel_block) -> None:
    if node["kind"] != "original":
        raise nodes.SkipNode
    self.body.append("\n\\begin{editionoriginal}\n")


def depart_parallel_latex(self: LaTeXTranslator, node: parallel_block) -> None:
    self.body.append("\n\\end{editionoriginal}\n")


def _skip(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    raise nodes.SkipNode


def setup_views(app: Sphinx) -> None:
    app.add_node(
        parallel_block,
        html=(visit_parallel_html, depart_parallel_html),
        latex=(visit_parallel_latex, depart_parallel_latex),
        text=(_skip, None),
    )
    app.add_directive("parallel", ParallelDirective)
    app.add_post_transform(CompactWitnessLines)
