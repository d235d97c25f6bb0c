"""The EPUB as an e-book: contents that show the essays, EPUB 3 footnotes, a
stylesheet of its own, and a file that two builds make byte for byte alike.

Sphinx's EPUB builder is extended, not replaced: ``EditionEpub`` keeps its name
(``-b epub``, as Read the Docs runs it) and overrides only what the edition needs.
Everything here applies to the EPUB builder alone; the web site is untouched."""

from __future__ import annotations

import html
import os
import shutil
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder, NavPoint
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file
from sphinx.writers.html5 import HTML5Translator

from .anchors import numbered_anchor
from .glossary_domain import term_link
from .lang import chinese_marked_html

STYLESHEET = Path(__file__).parent / "static" / "edition-epub.css"

BYLINE_CLASS = "byline"  # the author's paragraph under an essay's title (render/article.py)


# --- The table of contents --------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One line of Sphinx's flat table of contents: its depth, link and (escaped) text."""

    level: int
    refuri: str
    text: str


def documents_only(entries: Iterable[Entry]) -> list[Entry]:
    """The entries that open a document, each at its depth among documents.

    An e-book's contents list the book's parts; the sections inside a page (the glossary's
    26 letters, the introduction's headings) are for the page itself.  A document listed
    under a section moves up to the nearest document above it."""
    kept: list[Entry] = []
    ancestors: list[tuple[int, int]] = []  # (original level, new level) of kept entries
    for entry in entries:
        while ancestors and ancestors[-1][0] >= entry.level:
            ancestors.pop()
        if "#" in entry.refuri:
            continue
        level = ancestors[-1][1] + 1 if ancestors else 1
        kept.append(Entry(level, entry.refuri, entry.text))
        ancestors.append((entry.level, level))
    return kept


def byline(doctree: nodes.document) -> str | None:
    """An essay's author as printed under its title, without its note marks."""
    for para in doctree.findall(nodes.paragraph):
        if BYLINE_CLASS in para["classes"]:
            words = [t.astext() for t in para.findall(nodes.Text) if not _in_note_mark(t)]
            return "".join(words).strip() or None
    return None


def _in_note_mark(text: nodes.Text) -> bool:
    return isinstance(text.parent, nodes.footnote_reference)


# --- The builder ------------------------------------------------------------------------


def build_time() -> time.struct_time:
    """The time the book claims to be made: ``SOURCE_DATE_EPOCH`` when set (as Sphinx does
    for the OPF's modified date), so that the zip entries agree with it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.gmtime(int(epoch)) if epoch is not None else time.gmtime()


class EditionEpub(Epub3Builder):
    """Sphinx's EPUB 3 builder with the edition's contents, stylesheet and a reproducible zip."""

    name = "epub"

    # Contents.  Sphinx's list holds every toctree entry; the essays sit in hidden
    # toctrees (the source pages list them with their authors), hence epub_tocscope =
    # "includehidden" in conf.py, and only documents are kept.

    def get_toc(self) -> None:
        super().get_toc()
        entries = documents_only(Entry(n["level"], n["refuri"], n["text"]) for n in self.refnodes)
        self.refnodes = [
            {"level": e.level, "refuri": e.refuri, "text": self._with_author(e)} for e in entries
        ]

    def _docname(self, refuri: str) -> str:
        return html.unescape(refuri).removesuffix(self.out_suffix)

    def _with_author(self, entry: Entry) -> str:
        docname = self._docname(entry.refuri)
        if docname not in self.env.all_docs or "article" not in self.env.metadata[docname]:
            return entry.text
        author = byline(self.env.get_doctree(docname))
        return f"{entry.text} · {html.escape(author)}" if author else entry.text

    def build_navlist(self, navnodes: list[dict[str, Any]]) -> list[NavPoint]:
        # The nav document is English; the Chinese in an entry (a title, an author) says
        # so.  (The NCX has no markup for it and keeps the plain text.)
        marked = [
            {**node, "text": str(chinese_marked_html(html.unescape(node["text"])))} for node in navnodes
        ]
        return super().build_navlist(marked)

    def build_navigation_doc(self) -> None:
        super().build_navigation_doc()
        # The ARIA role that matches epub:type="toc", for assistive technology.
        _amend(self.outdir / "nav.xhtml", '<nav epub:type="toc"', '<nav epub:type="toc" role="doc-toc"')

    def build_content(self) -> None:
        super().build_content()
        _amend(self.outdir / "content.opf", "  </metadata>", ACCESSIBILITY_METADATA + "  </metadata>")

    def navigation_doc_metadata(self, navlist: list[NavPoint]) -> dict[str, Any]:
        metadata = super().navigation_doc_metadata(navlist)
        metadata["lang"] = html.escape(self.config.language or "en")
        metadata["toc_locale"] = "Contents"
        return metadata

    # The stylesheet: the e-book's own, and nothing of the web themes' (furo's variables
    # do not exist in an e-reader; the basic theme's files are unused here).

    def init_css_files(self) -> None:
        self.add_css_file(STYLESHEET.name)

    def add_css_file(self, filename: str, **kwargs: Any) -> None:
        # Extensions' stylesheets (the web's edition.css) are added to every HTML builder.
        if filename == STYLESHEET.name:
            super().add_css_file(filename, **kwargs)

    def copy_static_files(self) -> None:
        static = self.outdir / "_static"
        # Whatever an earlier build left here would be packed into the book.
        shutil.rmtree(static, ignore_errors=True)
        static.mkdir(parents=True)
        copy_asset_file(STYLESHEET, static, force=True)

    # The general index is made from a template: its Chinese headwords are marked here.

    def handle_page(
        self,
        pagename: str,
        addctx: dict[str, Any],
        templatename: str = "page.html",
        *,
        outfilename: Path | None = None,
        event_arg: Any = None,
    ) -> None:
        if pagename.startswith("genindex") and "genindexentries" in addctx:
            addctx["genindexentries"] = [
                (key, [(chinese_marked_html(name), entry) for name, entry in entries])
                for key, entries in addctx["genindexentries"]
            ]
        super().handle_page(pagename, addctx, templatename, outfilename=outfilename, event_arg=event_arg)

    # The zip: entries in a fixed order with the build's time and fixed attributes, so
    # that two builds, in two checkouts at different paths, give the same bytes.

    def build_epub(self) -> None:
        stamp = build_time()[:6]
        names = ["META-INF/container.xml", "content.opf", "toc.ncx", *self.files]
        # The mimetype first and stored, as the EPUB container format requires.
        entries = [("mimetype", zipfile.ZIP_STORED), *((n, zipfile.ZIP_DEFLATED) for n in names)]
        with zipfile.ZipFile(self.outdir / f"{self.config.epub_basename}.epub", "w") as epub:
            for name, method in entries:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = method
                info.create_system = 3  # Unix, whatever the building machine
                info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
                epub.writestr(info, (self.outdir / name).read_bytes())


# The book's accessibility metadata (EPUB Accessibility 1.1, schema.org): what a reader
# needs to know before opening it.  Text only, no images or media; checked with DAISY Ace.
ACCESSIBILITY_METADATA = """\
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">readingOrder</meta>
    <meta property="schema:accessibilityFeature">index</meta>
    <meta property="schema:accessibilityFeature">displayTransformability</meta>
    <meta property="schema:accessibilityHazard">none</meta>
    <meta property="schema:accessibilitySummary">Text only, with no images or media. Every page and \
every passage in another language declares its language (Chinese zh-Hans or zh-Hant, English \
en); notes are linked both ways; the contents list each essay with its author.</meta>
"""


def _amend(path: Path, anchor: str, replacement: str) -> None:
    """Replace the one occurrence of ``anchor`` in a file Sphinx's EPUB templates wrote
    (they offer no hook for it); fail loudly if a new Sphinx writes it differently."""
    text = path.read_text(encoding="utf-8")
    if text.count(anchor) != 1:
        raise RuntimeError(f"{path.name}: expected {anchor!r} once; Sphinx's EPUB template changed")
    path.write_text(text.replace(anchor, replacement), encoding="utf-8")


# --- Notes as EPUB 3 footnotes ----------------------------------------------------------
# The note mark is a link with epub:type="noteref" and the note an <aside
# epub:type="footnote">: readers that show notes in place (Apple Books, Kobo, Thorium)
# recognise exactly this pair.  The mark is a bare superscript number, not "[1]".


def _epub_type(kind: str) -> dict[str, Any]:
    """The attribute as keyword arguments for ``starttag`` (its name is no identifier)."""
    return {"epub:type": kind}


def visit_footnote_reference(self: HTML5Translator, node: nodes.footnote_reference) -> None:
    self.body.append('<sup class="noteref">')
    self.body.append(
        self.starttag(
            node,
            "a",
            suffix="",
            classes=["footnote-reference"],
            role="doc-noteref",
            href="#" + node["refid"],
            **_epub_type("noteref"),
        )
    )


def depart_footnote_reference(self: HTML5Translator, node: nodes.footnote_reference) -> None:
    self.body.append("</a></sup>")
    # Two marks side by side would read as one number ("34" for notes 3 and 4).
    if isinstance(node.next_node(descend=False, siblings=True), nodes.footnote_reference):
        self.body.append('<sup class="noteref-sep">,</sup>')


def visit_footnote(self: HTML5Translator, node: nodes.footnote) -> None:
    if not isinstance(node.previous_sibling(), nodes.footnote):
        self.body.append('<div class="footnotes" lang="en" xml:lang="en">\n')  # editorial notes are English
    self.body.append(
        self.starttag(node, "aside", classes=["footnote"], role="doc-footnote", **_epub_type("footnote"))
    )


def depart_footnote(self: HTML5Translator, node: nodes.footnote) -> None:
    self.body.append("</aside>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), nodes.footnote):
        self.body.append("</div>\n")


class FootnoteLabelsInline(SphinxPostTransform):
    """The note's number opens its first paragraph, as a link back to the mark: a pop-up
    then shows "1 Join (…)" on one line rather than a lone number above the text."""

    builders = ("epub",)
    default_priority = 940

    def run(self, **kwargs: Any) -> None:
        for note in self.document.findall(nodes.footnote):
            label = next(iter(note.findall(nodes.label)), None)
            first = next(iter(note.findall(nodes.paragraph)), None)
            if label is None or first is None:
                continue
            number = html.escape(label.astext())
            backrefs: list[str] = note.get("backrefs", [])
            if backrefs:
                back = html.escape(backrefs[0])
                link = f'<a class="footnote-label" role="doc-backlink" href="#{back}">{number}</a>'
            else:
                link = f'<span class="footnote-label">{number}</span>'

            first.insert(0, nodes.raw("", link + " ", format="html"))
            label.parent.remove(label)


# --- Term links and numbers, for a page without hover -----------------------------------


class TermLinksWithoutTooltips(SphinxPostTransform):
    """An e-reader has no pointer to hover with, and may show a hidden tooltip inline
    ("新时代xīn shídài the new era") when the reader turns publisher styles off: in the
    EPUB a term link is a plain link to its glossary entry.  (A link without a tooltip
    number renders without one: sphinxext/glossary.py.)"""

    builders = ("epub",)
    default_priority = 910  # after the tooltips are numbered

    def run(self, **kwargs: Any) -> None:
        for link in self.document.findall(term_link):
            link.attributes.pop("tip", None)


def visit_numbered_anchor(self: HTML5Translator, node: numbered_anchor) -> None:
    """A paragraph or line number as a quiet label with its anchor: in a book a link to
    the place one is already reading does nothing, and "link to this place" is web talk."""
    classes = " ".join(node["classes"])
    self.body.append(f'<span class="{classes}" id="{node["ids"][0]}">{self.encode(node.astext())}</span>')
    raise nodes.SkipNode


def _epub_markup(app: Sphinx) -> None:
    """Node markup for the EPUB, registered only when the EPUB builder runs (handlers
    registered for the builder's name would hide every other extension's HTML ones)."""
    if app.builder.name != "epub":
        return
    app.add_node(nodes.footnote, override=True, html=(visit_footnote, depart_footnote))
    app.add_node(
        nodes.footnote_reference, override=True, html=(visit_footnote_reference, depart_footnote_reference)
    )
    app.add_node(numbered_anchor, override=True, html=(visit_numbered_anchor, None))


def setup_epub(app: Sphinx) -> None:
    app.add_builder(EditionEpub, override=True)
    app.add_post_transform(FootnoteLabelsInline)
    app.add_post_transform(TermLinksWithoutTooltips)
    app.connect("builder-inited", _epub_markup)
