""" "How to cite" panels: an article (``{cite-article}``) or the whole edition
(``{cite-edition}``) in Chicago and GB/T 7714 form, with the page's full URL.

The URL is built from ``html_baseurl``, which conf.py takes from Read the Docs'
``READTHEDOCS_CANONICAL_URL``.  A local build without one says that it does not know the
edition's address, rather than printing a path that would not lead anywhere once copied
into a bibliography.

An article's panel is a framed ``<aside>`` at the end of the essay, outside its last
section (moved there when the document is read), carrying the citations as data for
``static/edition-cite.js``: a copy button, and a "cite this paragraph" action on every
paragraph number.  Without JavaScript the panel is plain text and each number is still
a permalink.  The metadata reference managers read is ``citation_meta``'s job."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxTranslator

from .lang import lang_block, lang_inline

NO_URL = "(this copy of the edition was built without its web address)"


def _zh(text: str) -> lang_inline:
    return lang_inline(text, text, lang="zh-Hans")


# Chicago puts an article title in double quotation marks, so the title's own quotation
# marks alternate: double become single and single double (CMOS 14.94, 11.7).
_INNER = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”", '"': "‘"})


def chicago_title(title: str) -> str:
    """``title`` as it stands inside Chicago's double quotation marks."""
    inner = title.translate(_INNER)
    if '"' in title:  # straight marks: open and close alternate through the title
        marks = iter("‘’" * title.count('"'))
        inner = "".join(next(marks) if c == '"' else c.translate(_INNER) for c in title)
    return inner


class cite_panel(nodes.General, nodes.Element):  # noqa: N801 - docutils naming
    """The framed panel; its attributes are what the script and the metadata read:
    ``url`` (empty when unknown), ``chicago`` and ``gbt`` (the citations as plain text,
    without the URL), ``title``, ``author``, ``description``, ``kind`` (article, edition)."""


def page_url(base: str, docname: str) -> str:
    """The page's full address, or empty when the build has no base URL."""
    base = base.rstrip("/")
    return f"{base}/{docname}.html" if base else ""


class _Cite(SphinxDirective):
    kind: ClassVar[str]

    @property
    def full_url(self) -> str:
        return page_url(self.config.html_baseurl or "", self.env.docname)

    def url(self) -> nodes.Node:
        url = self.full_url
        return nodes.reference(url, url, refuri=url) if url else nodes.Text(NO_URL)

    def panel(
        self,
        heading: str,
        chicago: list[nodes.Node],
        gbt: list[nodes.Node],
        after: tuple[nodes.Node, ...] = (),
    ) -> cite_panel:
        box = lang_block(lang="en", classes=["cite-this"])
        box += nodes.rubric(heading, heading)
        texts = {}
        for key, label, parts in (("chicago", "Chicago", chicago), ("gbt", "GB/T 7714", gbt)):
            para = nodes.paragraph(classes=[f"cite-{key}"])
            para += nodes.strong(label, label)
            para += nodes.Text(" ")
            citation = nodes.inline(classes=["cite-text"])
            citation.extend(parts)
            para += citation
            box += para
            texts[key] = citation.astext()
        box.extend(after)
        panel = cite_panel(kind=self.kind, url=self.full_url, heading=heading, **texts)
        panel += box
        return panel

    @property
    def edition(self) -> str:
        return str(self.config.project)

    @property
    def editors(self) -> str:
        return str(self.config.author)

    @property
    def version(self) -> str:
        return str(self.config.release)


class CiteArticle(_Cite):
    kind = "article"
    option_spec: ClassVar = {
        "author": directives.unchanged,
        "title": directives.unchanged_required,
        "description": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        author, title = self.options.get("author", ""), self.options["title"]
        who = [_zh(author), nodes.Text(". ")] if author else []
        chicago = [
            *who, nodes.Text("“"), _zh(chicago_title(title)), nodes.Text(".” In "),
            nodes.emphasis(self.edition, self.edition),
            nodes.Text(f", edited by {self.editors.lower()}. Version {self.version}. "),
            self.url(), nodes.Text("."),
        ]  # fmt: skip
        # GB/T 7714 does not quote a title, so it keeps its own marks as printed.
        gbt = [
            *who, _zh(title), nodes.Text(f"[EB/OL]//{self.editors}. {self.edition}. "),
            _zh(f"{self.version}版. [引用日期]. "), self.url(), nodes.Text("."),
        ]  # fmt: skip
        note = nodes.paragraph(
            "", "To cite a paragraph, add ¶n to the citation and #pn to the URL; the number "
            "of each paragraph is a link to it."
        )  # fmt: skip
        panel = self.panel("Cite this article", chicago, gbt, (note,))
        panel["title"] = title
        panel["author"] = author
        panel["description"] = self.options.get("description", "")
        return [panel]


class CiteEdition(_Cite):
    kind = "edition"

    def run(self) -> list[nodes.Node]:
        chicago = [
            nodes.Text(f"{self.editors}, eds. "), nodes.emphasis(self.edition, self.edition),
            nodes.Text(f". Version {self.version}. "), self.url(), nodes.Text("."),
        ]  # fmt: skip
        gbt = [
            nodes.Text(f"{self.editors}. {self.edition}[EB/OL]. "), _zh(f"{self.version}版. [引用日期]. "),
            self.url(), nodes.Text("."),
        ]  # fmt: skip
        return [self.panel("Cite the edition", chicago, gbt)]


def _outside_sections(app: Sphinx, doctree: nodes.document) -> None:
    """An article's panel closes the essay: it is moved out of the section it was written
    in (the essay's last) to the end of the top-level section, after every subsection."""
    for panel in list(doctree.findall(cite_panel)):
        if panel["kind"] != "article":
            continue
        top = next((s for s in doctree.children if isinstance(s, nodes.section)), None)
        if top is None or panel.parent is top:
            continue
        panel.parent.remove(panel)
        top.append(panel)


def visit_panel_html(self: SphinxTranslator, node: cite_panel) -> None:
    data = {
        "kind": node["kind"],
        "url": node["url"],
        "address": node["url"] or NO_URL,  # as the citations print it, for the script to find
        "chicago": node["chicago"],
        "gbt": node["gbt"],
    }
    attributes = " ".join(f'data-cite-{k}="{self.attval(v)}"' for k, v in data.items())  # type: ignore[attr-defined]
    heading = self.attval(node["heading"])  # type: ignore[attr-defined]
    self.body.append(f'<aside class="cite-panel" aria-label="{heading}" {attributes}>')  # type: ignore[attr-defined]


def depart_panel_html(self: SphinxTranslator, node: cite_panel) -> None:
    self.body.append("</aside>\n")  # type: ignore[attr-defined]


SCRIPTING = '<script>document.documentElement.classList.add("edition-js");</script>'


def _mark_scripting(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Mark the page as running scripts from the head, before the first paint, so that
    the stylesheet makes room for what the deferred edition-cite.js adds without moving
    the text (no layout shift).  furo puts the scripts Sphinx knows at the end of the
    body, too late; the head's meta tags come first.  Not in the EPUB, which runs no
    scripts (a scripted page must be declared, and e-readers differ in running it)."""
    if app.builder.name == "epub":
        return
    context["metatags"] = context.get("metatags", "") + SCRIPTING + "\n"


def _pass(self: SphinxTranslator, node: nodes.Element) -> None:
    pass


def setup_citation(app: Sphinx) -> None:
    app.add_node(
        cite_panel,
        html=(visit_panel_html, depart_panel_html),
        latex=(_pass, _pass),
        text=(_pass, _pass),
        # No epub= entry: handlers named for a builder hide every extension's html ones
        # from it (SphinxComponentRegistry.create_translator); the EPUB uses html's.
    )
    app.add_directive("cite-article", CiteArticle)
    app.add_directive("cite-edition", CiteEdition)
    app.connect("doctree-read", _outside_sections)
    app.connect("html-page-context", _mark_scripting)
