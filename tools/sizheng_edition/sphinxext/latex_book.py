"""The printed book: what the LaTeX writer needs beyond Sphinx's manual to set the
edition like a critical edition.  An essay's byline and affiliation open its chapter
and set the running heads and the contents line; note marks that stand together are
separated ("3,4", never "34"); each note opens with its paragraph's number; the
transcription's lines and run heads get their compact setting; a glossary entry is
set like a dictionary's, its headword run in.  The commands written
here are defined in ``edition/_latex/editionbook.sty``; the HTML and EPUB are untouched."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders.latex.nodes import footnotemark
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.latex import LaTeXTranslator

from .anchors import numbered_anchor
from .lang import lang_block

_NOTE_NODES = (nodes.footnote, footnotemark)
# A subtitle after a dash is left out of the running head, which has one line.
_SUBTITLE_DASH = "——"


def short_title(title: str) -> str:
    """The title as the running head shows it: without its subtitle."""
    return title.split(_SUBTITLE_DASH, 1)[0].strip() or title


def _shown_text(node: nodes.Element) -> str:
    """A paragraph's own text, without the notes attached to it."""
    return "".join(
        child.astext()
        for child in node.children
        if not isinstance(child, (*_NOTE_NODES, nodes.footnote_reference))
    ).strip()


def visit_paragraph_latex(self: LaTeXTranslator, node: nodes.paragraph) -> None:
    classes = node["classes"]
    if "letter-bar" in classes:  # A · B · C…: a screen's jump bar; a book has running heads
        raise nodes.SkipNode
    if "byline" in classes and isinstance(node.parent, nodes.section):
        author = self.encode(_shown_text(node))
        title = self.encode(short_title(node.parent[0].astext()))
        self.body.append(
            rf"\editionarticlemarks{{{author}}}{{{title}}}"
            rf"\addtocontents{{toc}}{{\protect\editiontocauthor{{{author}}}}}"
            "\n\\begin{editionbyline}"
        )
        self.context.append("\\end{editionbyline}\n")
    elif "affiliation" in classes:
        self.body.append("\n\\begin{editionaffiliation}")
        self.context.append("\\end{editionaffiliation}\n")
    elif "entry-field" in classes:  # a glossary entry's category, cross-references, places
        self.body.append("\n{\\editionentryfield ")
        self.context.append("\\par}\n")
    elif "srcline" in classes or "blank" in classes:
        self.body.append("\n{\\editionsrcline ")
        self.context.append("\\par}\n")
    elif "srcrun" in classes:
        self.body.append("\n{\\editionrunhead ")
        self.context.append("\\par}\n")
    else:
        self.context.append(None)
        LaTeXTranslator.visit_paragraph(self, node)


def depart_paragraph_latex(self: LaTeXTranslator, node: nodes.paragraph) -> None:
    closing = self.context.pop()
    if closing is None:
        LaTeXTranslator.depart_paragraph(self, node)
    else:
        self.body.append(closing)


def _in_glossary(node: nodes.Element) -> bool:
    """Whether a definition list (or its term) is a ``{glossary-entry}``."""
    dlist = node if isinstance(node, nodes.definition_list) else node.parent.parent
    return isinstance(dlist, nodes.definition_list) and "edition-glossary" in dlist["classes"]


def visit_definition_list_latex(self: LaTeXTranslator, node: nodes.definition_list) -> None:
    if _in_glossary(node):
        # A dictionary's entry: the headword run in with its pinyin, traditional form and
        # rendering, not a description list's label on a line of its own.
        self.body.append("\n\\begin{editionglossaryentry}\n")
    else:
        LaTeXTranslator.visit_definition_list(self, node)


def depart_definition_list_latex(self: LaTeXTranslator, node: nodes.definition_list) -> None:
    if _in_glossary(node):
        self.body.append("\\end{editionglossaryentry}\n")
    else:
        LaTeXTranslator.depart_definition_list(self, node)


def visit_term_latex(self: LaTeXTranslator, node: nodes.term) -> None:
    if not _in_glossary(node):
        LaTeXTranslator.visit_term(self, node)
        return
    self.in_term += 1
    anchors = "".join(self.hypertarget(node_id, anchor=False) for node_id in node["ids"])
    self.body.append(rf"\phantomsection{anchors}\editionheadword{{")
    # No paragraph break after the headword: the definition's first paragraph runs on.
    self.context.append("}")


def depart_term_latex(self: LaTeXTranslator, node: nodes.term) -> None:
    self.body.append(self.context.pop())
    self.in_term -= 1


class SeparateNoteMarks(SphinxPostTransform):
    """Runs after Sphinx has moved each note to where its mark stands (priority 600):
    a raised comma between two marks that touch, and the paragraph number at the
    start of each note, so a note printed at the foot of the page names its place."""

    formats = ("latex",)
    default_priority = 650

    def run(self, **kwargs: Any) -> None:
        for note in list(self.document.findall(lambda n: isinstance(n, _NOTE_NODES))):
            parent = note.parent
            following = parent[parent.index(note) + 1] if parent.index(note) + 1 < len(parent) else None
            if isinstance(following, _NOTE_NODES):
                parent.insert(parent.index(note) + 1, nodes.raw("", r"\editionnotesep{}", format="latex"))
            if isinstance(note, nodes.footnote):
                self._key_to_paragraph(note)

    @staticmethod
    def _key_to_paragraph(note: nodes.footnote) -> None:
        host = note.parent
        if not isinstance(host, nodes.paragraph):
            return
        number = next(
            (a.astext() for a in host.findall(numbered_anchor) if "para-number" in a["classes"]), None
        )
        first = next((p for p in note.children if isinstance(p, nodes.paragraph)), None)
        if number is not None and first is not None:
            first.insert(0, nodes.raw("", rf"\editionnotepara{{{number}}}", format="latex"))


class KeepWitnessSpaces(SphinxPostTransform):
    """xeCJK drops a space between two ideographs, as Chinese typesetting wants for
    reading text; but a witness's original (醫保中心 職工思想工作 分析研究, its keywords)
    is printed as received, so there each space becomes an explicit one."""

    formats = ("latex",)
    default_priority = 650

    def run(self, **kwargs: Any) -> None:
        for block in self.document.findall(lang_block):
            if "original" not in block["classes"]:
                continue
            for text in list(block.findall(nodes.Text)):
                if " " not in text or isinstance(text.parent, nodes.raw):
                    continue
                pieces: list[nodes.Node] = []
                for i, part in enumerate(str(text).split(" ")):
                    if i:
                        pieces.append(nodes.raw("", "\\ ", format="latex"))
                    if part:
                        pieces.append(nodes.Text(part))
                text.parent.replace(text, pieces)


_SOURCE_PAGE = re.compile(r"^texts/[^/]+/index$")


class EssayChapters(SphinxDirective):
    """``{essay-chapters}`` in book.md: a toctree of every essay, in the order of the
    sources and of each source's own contents, so that each essay becomes a chapter
    and a new source or article needs no edit to the book."""

    def run(self) -> list[nodes.Node]:
        entries = [
            doc
            for page in sorted(d for d in self.env.found_docs if _SOURCE_PAGE.match(d))
            for doc in self.env.toctree_includes.get(page, [])
            if PurePosixPath(doc).name != "transcription"
        ]
        toctree = addnodes.toctree()
        settings = {
            "parent": self.env.docname, "entries": [(None, doc) for doc in entries], "includefiles": entries,
            "maxdepth": 1, "caption": None, "glob": False, "hidden": False, "includehidden": False,
            "numbered": 0, "titlesonly": False, "rawentries": [],
        }  # fmt: skip
        for key, value in settings.items():
            toctree[key] = value
        return [nodes.compound("", toctree, classes=["toctree-wrapper"])]


def read_sources_first(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """The source pages before the book, whose essay list is read from their contents."""
    docnames.sort(key=lambda d: not _SOURCE_PAGE.match(d))


def book_follows_sources(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    master = app.config.latex_documents[0][0] if app.config.latex_documents else "book"
    touched = added | changed | removed
    if any(_SOURCE_PAGE.match(d) for d in touched) and master in env.found_docs and master not in touched:
        return [master]
    return []


def setup_latex_book(app: Sphinx) -> None:
    app.add_directive("essay-chapters", EssayChapters)
    app.connect("env-before-read-docs", read_sources_first)
    app.connect("env-get-outdated", book_follows_sources)
    app.add_node(nodes.paragraph, override=True, latex=(visit_paragraph_latex, depart_paragraph_latex))
    app.add_node(
        nodes.definition_list,
        override=True,
        latex=(visit_definition_list_latex, depart_definition_list_latex),
    )
    app.add_node(nodes.term, override=True, latex=(visit_term_latex, depart_term_latex))
    app.add_post_transform(SeparateNoteMarks)
    app.add_post_transform(KeepWitnessSpaces)
