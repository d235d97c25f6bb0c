""" "How to cite" blocks: an article (``{cite-article}``) or the whole edition
(``{cite-edition}``) in Chicago and GB/T 7714 form, with the page's stable URL.

The URL is built at build time from ``html_baseurl``, which conf.py takes from Read the
Docs' ``READTHEDOCS_CANONICAL_URL``; a local build without one prints the page's path
and says so, rather than inventing a host."""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .lang import lang_block, lang_inline


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


class _Cite(SphinxDirective):
    def url(self) -> nodes.Node:
        page = f"{self.env.docname}.html"
        base = (self.config.html_baseurl or "").rstrip("/")
        if base:
            return nodes.reference(f"{base}/{page}", f"{base}/{page}", refuri=f"{base}/{page}")
        return nodes.Text(f"{page} (path on the edition's web site)")

    def block(self, heading: str, chicago: list[nodes.Node], gbt: list[nodes.Node]) -> list[nodes.Node]:
        box = lang_block(lang="en", classes=["cite-this"])
        box += nodes.rubric(heading, heading)
        for label, parts in (("Chicago", chicago), ("GB/T 7714", gbt)):
            para = nodes.paragraph()
            para += nodes.strong(label, label)
            para += nodes.Text(" ")
            para.extend(parts)
            box += para
        return [box]

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
    option_spec: ClassVar = {"author": directives.unchanged, "title": directives.unchanged_required}

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
        note = nodes.paragraph("", "To cite a paragraph, add ¶n to the citation and #pn to the URL.")
        return [*self.block("Cite this article", chicago, gbt), note]


class CiteEdition(_Cite):
    def run(self) -> list[nodes.Node]:
        chicago = [
            nodes.Text(f"{self.editors}, eds. "), nodes.emphasis(self.edition, self.edition),
            nodes.Text(f". Version {self.version}. "), self.url(), nodes.Text("."),
        ]  # fmt: skip
        gbt = [
            nodes.Text(f"{self.editors}. {self.edition}[EB/OL]. "), _zh(f"{self.version}版. [引用日期]. "),
            self.url(), nodes.Text("."),
        ]  # fmt: skip
        return self.block("Cite the edition", chicago, gbt)


def setup_citation(app: Sphinx) -> None:
    app.add_directive("cite-article", CiteArticle)
    app.add_directive("cite-edition", CiteEdition)
