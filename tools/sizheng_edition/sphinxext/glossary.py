"""Glossary entries with stable anchors, and term links with their gloss.

``{glossary-entry}`` registers its term with Sphinx's standard domain under the
anchor it is given (``term-`` + pinyin slug), so ``{term}`` references and the
general index work and the anchor never becomes ``term-0``.  ``{gl}`shown <term>```
links a word in the text to its entry; in HTML the link carries the pinyin and
English rendering in attributes (its title is the accessible description), which
``static/edition-notes.js`` opens in place on tap, hover or keyboard focus.
What the build knows of the terms lives in the ``edition`` domain (glossary_domain.py).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator
from sphinx.writers.text import TextTranslator

from .glossary_domain import EditionGlossaryDomain, GlossaryTerm, glossary_domain, term_link
from .lang import lang_inline

logger = logging.getLogger(__name__)
_LINK = re.compile(r"^(?P<shown>.+?)\s*<(?P<term>[^<>]+)>$")


class GlossaryEntry(SphinxDirective):
    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar = {
        "id": directives.unchanged_required,
        "pinyin": directives.unchanged_required,
        "english": directives.unchanged_required,
        "index-key": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        term_text = self.arguments[0]
        missing = [k for k in ("id", "pinyin", "english") if not self.options.get(k)]
        if missing:
            raise self.error(f"glossary entry {term_text}: missing option(s) {', '.join(missing)}")
        node_id = self.options["id"]
        source, line = self.get_source_info()
        shown = lang_inline(term_text, term_text, lang="zh-Hans")
        term = make_glossary_term(
            self.env, [shown], self.options.get("index-key"), source, line, node_id, self.state.document
        )
        self.state.document.note_explicit_target(term)
        # Index by pinyin ("sīxiǎng zhèngzhì gōngzuò 思想政治工作"): sorting Han characters by
        # code point would put the index in an order no reader could use.
        for index in term.findall(addnodes.index):
            index["entries"] = [("single", f"{self.options['pinyin']} {term_text}", node_id, "main", None)]
        entry = GlossaryTerm(self.env.docname, node_id, self.options["pinyin"], self.options["english"])
        glossary_domain(self.env).note_term(term_text, entry)
        definition = nodes.definition()
        self.state.nested_parse(self.content, self.content_offset, definition)
        item = nodes.definition_list_item("", term, definition)
        dlist = nodes.definition_list("", item, classes=["glossary", "edition-glossary"])
        return [addnodes.glossary("", dlist, sorted=False)]


class GlossaryLink(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        match = _LINK.match(self.text)
        shown, term = (match["shown"], match["term"]) if match else (self.text, self.text)
        node = term_link(self.rawtext, shown, term=term)
        self.set_source_info(node)
        return [node], []


def outdated_users(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """When a glossary page changes, pages linking to its terms must be written again."""
    domain = glossary_domain(env)
    if domain.term_pages() & (changed | added):
        return sorted(domain.users - changed - added)
    return []


def check_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A link to a term the glossary does not have is a build warning (an error under -W)."""
    known = glossary_domain(app.env).terms
    for node in doctree.findall(term_link):
        if node["term"] not in known:
            logger.warning("glossary term not found: %s", node["term"], location=node)


class NumberTooltips(SphinxPostTransform):
    """Mark the links that carry a gloss, ``tip-1``, ``tip-2``… in reading order, and the
    first link to each term on a page: the page is calm, only a term's first occurrence
    looks like a link until the reader asks to see them all (edition-notes.js).  Links to
    unknown terms get no gloss and no number; a term in a title is never its first
    occurrence (the title also prints in the contents)."""

    formats = ("html",)
    default_priority = 900  # after the post-transforms that add or remove content

    def run(self, **kwargs: Any) -> None:
        known = glossary_domain(self.env).terms
        links = (node for node in self.document.findall(term_link) if node["term"] in known)
        seen: set[str] = set()
        for number, node in enumerate(links, start=1):
            node["tip"] = f"tip-{number}"
            if node["term"] not in seen and not any(isinstance(a, nodes.title) for a in _ancestors(node)):
                seen.add(node["term"])
                node["first"] = True


def visit_term_link_html(self: HTML5Translator, node: term_link) -> None:
    target = glossary_domain(self.builder.env).terms.get(node["term"])
    if target is None:
        self.body.append(self.encode(node.astext()))
        raise nodes.SkipNode
    uri = self.builder.get_relative_uri(self.builder.current_docname, target.docname) + "#" + target.id
    if node.get("tip") is None:
        # Outside its page's body (a title in a table of contents), or in the EPUB: a
        # plain link to the entry.
        self.body.append(f'<a class="term-link" href="{self.attval(uri)}">{self.encode(node.astext())}</a>')
        raise nodes.SkipNode
    # The gloss lives in attributes, never in the text: search snippets, the search
    # index and copied text read the link's text alone ("医保局", not "医保局yībǎo jú…").
    # The title is its accessible description and the hover tip without a script;
    # edition-notes.js turns the attributes into a popover opened in place.
    kind = "term-first" if node.get("first") else "term-repeat"
    self.body.append(
        f'<a class="term-link {kind}" href="{self.attval(uri)}"'
        f' data-pinyin="{self.attval(target.pinyin)}" data-english="{self.attval(target.english)}"'
        f' title="{self.attval(target.pinyin)}: {self.attval(target.english)}">'
        f"{self.encode(node.astext())}</a>"
    )
    raise nodes.SkipNode


def visit_term_link_latex(self: LaTeXTranslator, node: term_link) -> None:
    target = glossary_domain(self.builder.env).terms.get(node["term"])
    text = self.encode(node.astext())
    if target is None:
        self.body.append(text)
    elif _first_in_essay(self, node):
        # Print marks a term once per essay (\editionterm, a small raised dot): marking
        # every occurrence, as the screen's links do, would speckle the page.
        self.body.append(self.hyperlink(f"{target.docname}:{target.id}") + rf"\editionterm{{{text}}}" + "}}")
    else:
        self.body.append(self.hyperlink(f"{target.docname}:{target.id}") + text + "}}")
    raise nodes.SkipNode


def _first_in_essay(self: LaTeXTranslator, node: term_link) -> bool:
    """Whether this is the first link to its term in an essay's running text (not in a
    title, whose mark would also print in the contents and the running head)."""
    docname = self.curfilestack[-1] if self.curfilestack else ""
    if not self.builder.env.metadata.get(docname, {}).get("article"):
        return False
    if any(isinstance(a, (nodes.title, nodes.footnote)) for a in _ancestors(node)):
        return False
    seen: set[tuple[str, str]] = self.__dict__.setdefault("_edition_terms_marked", set())
    key = (docname, node["term"])
    if key in seen:
        return False
    seen.add(key)
    return True


def _ancestors(node: nodes.Node) -> list[nodes.Element]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def visit_term_link_text(self: TextTranslator, node: term_link) -> None:
    self.add_text(node.astext())
    raise nodes.SkipNode


def setup_glossary(app: Sphinx) -> None:
    app.add_domain(EditionGlossaryDomain)
    app.add_node(
        term_link,
        html=(visit_term_link_html, None),
        latex=(visit_term_link_latex, None),
        text=(visit_term_link_text, None),
    )
    app.add_directive("glossary-entry", GlossaryEntry)
    app.add_role("gl", GlossaryLink())
    app.add_post_transform(NumberTooltips)
    app.connect("env-get-outdated", outdated_users)
    app.connect("doctree-resolved", check_links)
