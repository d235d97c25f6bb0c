"""Language tagging: Chinese text carries lang="zh-Hans" (or zh-Hant), English
editorial matter lang="en", so browsers pick the right glyphs and screen
readers the right voice.  The interface itself stays English.

In the EPUB every document says its language on ``<html>`` (a reader takes an
untagged page to be in the book's language, zh-Hans), and Han characters inside
English text are marked wherever they come from (notes, glossary, titles, index)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from markupsafe import Markup, escape
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective, SphinxRole
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator

from ..text.chars import HAN_RANGES

_TAG = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")

_HAN = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in HAN_RANGES)
_FULL_WIDTH = "\u3001-\u303f\uff01-\uff60"  # ideographic punctuation and full-width forms
_SHARED = "“”‘’—…·～+"  # marks both scripts use: inside a Chinese run, never at its edges
CHINESE_RUN = re.compile(f"[{_HAN}](?:[{_HAN}{_FULL_WIDTH}{_SHARED}]*[{_HAN}{_FULL_WIDTH}])?")
"""Han characters with the punctuation between and after them: a stretch of Chinese."""
_HAN_CHAR = re.compile(f"[{_HAN}]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_WORD = r"[A-Za-z][A-Za-z'’\-]*"
ENGLISH_RUN = re.compile(rf"{_WORD}(?:[\s,.;:!?()/\d¶#“”‘’\-–—]+{_WORD})+[.,;:!?)]?")
"""Two or more Latin words with what lies between them: English inside Chinese text (a
single word, such as VR in VR技术, is part of the Chinese sentence)."""


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


# In print, some blocks are set apart by their role rather than their language: the
# traditional original of a converted witness, a page's provenance, a citation.  The
# environments are defined in edition/_latex/editionbook.sty.
_LATEX_ENVIRONMENTS = {
    "original": "editionoriginal",
    "provenance": "editionprovenance",
    "cite-this": "editionragged",
}


def _latex_environment(node: lang_block) -> str | None:
    return next((_LATEX_ENVIRONMENTS[c] for c in node["classes"] if c in _LATEX_ENVIRONMENTS), None)


def visit_lang_block_latex(self: LaTeXTranslator, node: lang_block) -> None:
    env = _latex_environment(node)
    if env:
        self.body.append(f"\n\\begin{{{env}}}\n")


def depart_lang_block_latex(self: LaTeXTranslator, node: lang_block) -> None:
    env = _latex_environment(node)
    if env:
        self.body.append(f"\n\\end{{{env}}}\n")


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


def declared_language(metadata: dict[str, Any] | None) -> str | None:
    """The language a page's front matter declares (``lang: zh-Hans``), if any."""
    tag = (metadata or {}).get("lang")
    return str(tag) if tag and _TAG.match(str(tag)) else None


def wrap_page_language(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """A page whose front matter says ``lang: zh-Hans`` gets its body wrapped in that language;
    in the EPUB, whose builders write ``<html>`` from ``html_tag``, every page says its
    language there instead (English pages too: untagged, they would inherit the book's)."""
    tag = declared_language(context.get("meta"))
    if "html_tag" in context:
        lang = tag or app.config.language or "en"
        context["html_tag"] = re.sub(r">\s*$", f' lang="{lang}" xml:lang="{lang}">', context["html_tag"])
    elif tag and "body" in context:
        context["body"] = f'<div lang="{tag}">\n{context["body"]}</div>\n'


def chinese_runs(text: str, run: re.Pattern[str] = CHINESE_RUN) -> list[tuple[str, bool]]:
    """The text cut into pieces, each with whether it is a run of Chinese (or of ``run``)."""
    pieces: list[tuple[str, bool]] = []
    end = 0
    for match in run.finditer(text):
        if match.start() > end:
            pieces.append((text[end : match.start()], False))
        pieces.append((match.group(), True))
        end = match.end()
    if end < len(text):
        pieces.append((text[end:], False))
    return pieces


def chinese_marked_html(text: str, tag: str = "zh-Hans") -> Markup:
    """Plain text as HTML, its runs of Chinese in ``<span lang>`` (for template-made pages)."""
    return Markup("").join(
        Markup('<span lang="{}">{}</span>').format(tag, piece) if chinese else escape(piece)
        for piece, chinese in chinese_runs(text)
    )


class MarkChineseInOtherLanguages(SphinxPostTransform):
    """Han characters in an English element (a quotation in a note, a headword in the
    glossary, an author in a table) get ``lang="zh-Hans"``, and English words in a
    Chinese element (a transcription's "→ dropped, noted in") ``lang="en"``, so that
    e-readers choose the right font and screen readers the right voice.  The EPUB only:
    the web site's pages are left as they are."""

    builders = ("epub",)
    default_priority = 950  # after the post-transforms that add content

    def run(self, **kwargs: Any) -> None:
        page = declared_language(self.env.metadata.get(self.env.docname)) or self.config.language or "en"
        self._mark(self.document, page)

    def _mark(self, element: nodes.Element, lang: str) -> None:
        for child in list(element.children):
            if isinstance(child, nodes.Text):
                text = child.astext()
                if not lang.startswith("zh") and _HAN_CHAR.search(text):
                    element.replace(child, self._pieces(text, CHINESE_RUN, "zh-Hans"))
                elif lang.startswith("zh") and ENGLISH_RUN.search(text):
                    element.replace(child, self._pieces(text, ENGLISH_RUN, "en"))
            elif isinstance(child, (nodes.FixedTextElement, nodes.raw, nodes.comment)):
                continue
            elif isinstance(child, lang_inline) and "-Latn" in child["lang"]:
                continue  # pinyin: Chinese in Latin letters, neither Han to mark nor English
            elif isinstance(child, nodes.Element):
                inner = _element_language(child, lang)
                text = child.astext()
                if (
                    isinstance(child, nodes.Inline)
                    and not inner.startswith("zh")
                    and _HAN_CHAR.search(text)
                    and not _LATIN_LETTER.search(text)
                ):
                    # Wrapped whole: some inline nodes render their text, not their children.
                    wrapper = lang_inline("", "", lang="zh-Hans")
                    element.replace(child, wrapper)
                    wrapper += child
                else:
                    self._mark(child, inner)

    @staticmethod
    def _pieces(text: str, run: re.Pattern[str], tag: str) -> list[nodes.Node]:
        return [
            lang_inline(piece, piece, lang=tag) if other else nodes.Text(piece)
            for piece, other in chinese_runs(text, run)
        ]


def _element_language(node: nodes.Element, inherited: str) -> str:
    if isinstance(node, (lang_block, lang_inline)):
        return str(node["lang"])
    if isinstance(node, nodes.footnote):
        return "en"  # the footnote visitors mark editorial notes as English
    return inherited


def setup_lang(app: Sphinx) -> None:
    app.add_node(
        lang_block,
        html=(visit_lang_block_html, depart_lang_block_html),
        latex=(visit_lang_block_latex, depart_lang_block_latex),
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
    app.add_role("lang-pinyin", LangRole("zh-Latn-pinyin"))
    app.add_role("lang-en", LangRole("en"))
    app.add_node(nodes.footnote, override=True, html=(visit_footnote_html, depart_footnote_html))
    app.connect("html-page-context", wrap_page_language)
    app.add_post_transform(MarkChineseInOtherLanguages)
