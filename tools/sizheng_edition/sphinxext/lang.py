"""Language tagging: Chinese text carries lang="zh-Hans" (or zh-Hant), English
editorial matter lang="en", so browsers pick the right glyphs and screen
readers the right voice.  The interface itself stays English."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator

_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")


class lang_block(nodes.General, nodes.Element):  # noqa: N801 - docutils naming
    """A block of text in one language."""


class lang_inline(nodes.Inline, nodes.TextElement):  # noqa: N801 - docutils naming
    """A span of text in one language."""


class LangDirective(SphinxDirective):
    """``{lang} zh-Hant`` with MyST content: a <div lang="…"> in HTML."""

    required_arguments = 1
    has_content = True
    option_spec: ClassVar = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        tag = self.arguments[0]
        if not _TAG.match(tag):
            raise self.error(f"not a language tag: {tag!r}")
        node = lang_block(lang=tag, classes=self.options.get("class", []))
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class LangRole(SphinxRole):
    """``{lang-zh}`text``: Chinese words inside an English sentence."""

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [lang_inline(self.rawtext, self.text, lang=self.tag)], []


def visit_lang_block_html(self: HTML5Translator, node: lang_block) -> None:
    self.body.append(self.starttag(node, "div", lang=node["lang"]))


def depart_lang_block_html(self: HTML5Translator, node: lang_block) -> None:
    self.body.append("</div>\n")


def visit_lang_inline_html(self: HTML5Translator, node: lang_inline) -> None:
    self.body.append(self.starttag(node, "span", "", lang=node["lang"]))


def depart_lang_inline_html(self: HTML5Translator, node: lang_inline) -> None:
    self.body.append("</span>")


def _pass(self: nodes.NodeVisitor, node: nodes.Element) -> None:
    """LaTeX (xeCJK) and plain text need no language switch."""


def visit_footnote_html(self: HTML5Translator, node: nodes.footnote) -> None:
    """docutils' footnote markup, with lang="en": editorial notes are English."""
    style = self.settings.footnote_references
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append(f'<aside class="footnote-list {style}" lang="en">\n')
    self.body.append(self.starttag(node, "aside", classes=[node.tagname, style], role="doc-footnote"))


def depart_footnote_html(self: HTML5Translator, node: nodes.footnote) -> None:
    self.body.append("</aside>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</aside>\n")


def wrap_page_language(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """A page whose front matter says ``lang: zh-Hans`` gets its body wrapped in that language."""
    tag = (context.get("meta") or {}).get("lang")
    if tag and _TAG.match(str(tag)) and "body" in context:
        context["body"] = f'<div lang="{tag}">\n{context["body"]}</div>\n'


def setup_lang(app: Sphinx) -> None:
    app.add_node(
        lang_block,
        html=(visit_lang_block_html, depart_lang_block_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
    )
    app.add_node(
        lang_inline,
        html=(visit_lang_inline_html, depart_lang_inline_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
    )
    app.add_directive("lang", LangDirective)
    app.add_role("lang-zh", LangRole("zh-Hans"))
    app.add_role("lang-zht", LangRole("zh-Hant"))
    app.add_node(nodes.footnote, override=True, html=(visit_footnote_html, depart_footnote_html))
    app.connect("html-page-context", wrap_page_language)
