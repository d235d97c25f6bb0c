"""Glossary entries with stable anchors, and term links with an accessible tooltip.

``{glossary-entry}`` registers its term with Sphinx's standard domain under the
anchor it is given (``term-`` + pinyin slug), so ``{term}`` references and the
general index work and the anchor never becomes ``term-0``.  ``{gl}`shown <term>```
links a word in the text to its entry; in HTML the link carries the pinyin and
English rendering in a tooltip that shows on hover and on keyboard focus and is
the link's accessible description; on touch, a tap opens the entry itself.
"""

from __future__ import annotations

import re
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.domains.std import make_glossary_term
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective, SphinxRole

from .lang import lang_inline

logger = logging.getLogger(__name__)
_LINK = re.compile(r"^(?P<shown>.+?)\s*<(?P<term>[^<>]+)>$")


class term_link(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils naming
    """A word in the text that links to its glossary entry."""


def _terms(env) -> dict:
    if not hasattr(env, "edition_terms"):
        env.edition_terms = {}
    return env.edition_terms


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
        _terms(self.env)[term_text] = {
            "docname": self.env.docname,
            "id": node_id,
            "pinyin": self.options["pinyin"],
            "english": self.options["english"],
        }
        definition = nodes.definition()
        self.state.nested_parse(self.content, self.content_offset, definition)
        item = nodes.definition_list_item("", term, definition)
        dlist = nodes.definition_list("", item, classes=["glossary", "edition-glossary"])
        return [addnodes.glossary("", dlist, sorted=False)]


class GlossaryLink(SphinxRole):
    def run(self):
        match = _LINK.match(self.text)
        shown, term = (match["shown"], match["term"]) if match else (self.text, self.text)
        node = term_link(self.rawtext, shown, term=term)
        self.set_source_info(node)
        return [node], []


def note_users(app: Sphinx, doctree: nodes.document) -> None:
    """Remember which pages link to terms: they show the entries' pinyin and English."""
    users = getattr(app.env, "edition_term_users", set())
    if any(True for _ in doctree.findall(term_link)):
        users.add(app.env.docname)
    app.env.edition_term_users = users


def outdated_users(app: Sphinx, env, added, changed, removed) -> list[str]:
    """When a glossary page changes, pages linking to its terms must be written again."""
    glossary_docs = {d["docname"] for d in _terms(env).values()}
    if glossary_docs & (set(changed) | set(added)):
        return sorted(getattr(env, "edition_term_users", set()) - set(changed) - set(added))
    return []


def check_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """A link to a term the glossary does not have is a build warning (an error under -W)."""
    known = _terms(app.env)
    for node in doctree.findall(term_link):
        if node["term"] not in known:
            logger.warning("glossary term not found: %s", node["term"], location=node)


def _target(translator, node: term_link) -> dict | None:
    return _terms(translator.builder.env).get(node["term"])


def visit_term_link_html(self, node: term_link) -> None:
    target = _target(self, node)
    if target is None:
        self.body.append(self.encode(node.astext()))
        raise nodes.SkipNode
    uri = self.builder.get_relative_uri(self.builder.current_docname, target["docname"]) + "#" + target["id"]
    self.edition_tips = getattr(self, "edition_tips", 0) + 1
    tip = f"tip-{self.edition_tips}"
    self.body.append(
        f'<a class="term-link" href="{self.attval(uri)}" aria-describedby="{tip}">'
        f"{self.encode(node.astext())}"
        f'<span class="term-tip" role="tooltip" id="{tip}" lang="en">'
        f'<span class="term-tip-pinyin" lang="zh-Latn-pinyin">{self.encode(target["pinyin"])}</span> '
        f"{self.encode(target['english'])}</span></a>"
    )
    raise nodes.SkipNode


def visit_term_link_latex(self, node: term_link) -> None:
    target = _target(self, node)
    text = self.encode(node.astext())
    if target is None:
        self.body.append(text)
    else:
        self.body.append(self.hyperlink(f"{target['docname']}:{target['id']}") + text + "}}")
    raise nodes.SkipNode


def visit_term_link_text(self, node: term_link) -> None:
    self.add_text(node.astext())
    raise nodes.SkipNode


def purge_terms(app: Sphinx, env, docname: str) -> None:
    getattr(env, "edition_term_users", set()).discard(docname)
    terms = _terms(env)
    for name in [t for t, data in terms.items() if data["docname"] == docname]:
        del terms[name]


def merge_terms(app: Sphinx, env, docnames, other) -> None:
    _terms(env).update({t: d for t, d in _terms(other).items() if d["docname"] in docnames})
    users = getattr(env, "edition_term_users", set())
    users |= getattr(other, "edition_term_users", set()) & set(docnames)
    env.edition_term_users = users


def setup_glossary(app: Sphinx) -> None:
    app.add_node(
        term_link,
        html=(visit_term_link_html, None),
        latex=(visit_term_link_latex, None),
        text=(visit_term_link_text, None),
    )
    app.add_directive("glossary-entry", GlossaryEntry)
    app.add_role("gl", GlossaryLink())
    app.connect("doctree-read", note_users)
    app.connect("env-get-outdated", outdated_users)
    app.connect("doctree-resolved", check_links)
    app.connect("env-purge-doc", purge_terms)
    app.connect("env-merge-info", merge_terms)
