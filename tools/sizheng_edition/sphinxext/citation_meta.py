"""The metadata reference managers read, in the head of every essay page: Highwire Press
``citation_*`` meta tags (what Zotero's Embedded Metadata translator and Google Scholar
read) and a schema.org ``ScholarlyArticle`` in JSON-LD, both taken from the page's
citation panel (``citation.cite_panel``), so the citation and the metadata cannot drift
apart.

Every page also gets a meta description (what search engines show under its title): an
essay's is the plan's description of it; a page that declares none (MyST ``html_meta``)
gets its first paragraph, shortened; the search and index pages, which have no text of
their own, a sentence saying what they are.  And the search page is left indexable:
furo marks it ``noindex``, which Lighthouse's SEO audit fails, and the page holds
nothing that would mislead a search engine.

A value the build does not know is left out rather than guessed: no date without
``edition_release_date`` (conf.py reads it from CITATION.cff), no URL without a base URL,
no PDF without a PDF link (sphinxext/downloads.py)."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from .citation import cite_panel, page_url

LANGUAGE = "zh-Hans"


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{escape(content, quote=True)}" />'


def article_metadata(panel: cite_panel, config: Any, docname: str) -> list[tuple[str, str]]:
    """The ``citation_*`` tags of an essay, in the order Highwire lists them."""
    tags = [("citation_title", panel["title"])]
    if panel["author"]:
        tags.append(("citation_author", panel["author"]))
    if config.edition_release_date:
        tags += [
            ("citation_publication_date", config.edition_release_date.replace("-", "/")),
            ("citation_online_date", config.edition_release_date.replace("-", "/")),
        ]
    tags += [
        ("citation_inbook_title", str(config.project)),
        ("citation_publisher", str(config.author)),
        ("citation_language", LANGUAGE),
    ]
    url = page_url(config.html_baseurl or "", docname)
    if url:
        tags += [("citation_public_url", url), ("citation_abstract_html_url", url)]
    if config.edition_pdf_url:
        tags.append(("citation_pdf_url", config.edition_pdf_url))
    return tags


def json_ld(panel: cite_panel, config: Any, docname: str) -> dict[str, object]:
    edition: dict[str, object] = {
        "@type": "Book",
        "name": str(config.project),
        "version": str(config.release),
        "editor": {"@type": "Organization", "name": str(config.author)},
    }
    base = (config.html_baseurl or "").rstrip("/")
    if base:
        edition["url"] = f"{base}/"
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": panel["title"],
        "name": panel["title"],
        "inLanguage": LANGUAGE,
        "isPartOf": edition,
        "publisher": {"@type": "Organization", "name": str(config.author)},
    }
    if panel["author"]:
        data["author"] = {"@type": "Person", "name": panel["author"]}
    if panel["description"]:
        data["description"] = panel["description"]
    if config.edition_release_date:
        data["datePublished"] = config.edition_release_date
    url = page_url(config.html_baseurl or "", docname)
    if url:
        data["url"] = url
    return data


def _script(data: dict[str, object]) -> str:
    # "</" inside a script element would end it early: JSON allows "<\/" for it.
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


DESCRIPTION_LENGTH = 160
_NOINDEX = re.compile(r'\s*<meta name="robots" content="noindex" ?/?>')


def shortened(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(",;: ") + "…"


def page_description(pagename: str, project: str, doctree: nodes.document | None) -> str:
    """A page's description when it declares none."""
    if doctree is not None:
        para = next(iter(doctree.findall(nodes.paragraph)), None)
        if para is not None and para.astext().strip():
            return shortened(para.astext())
    if pagename == "search":
        return f"Search the essays, notes, transcriptions and glossary of {project}."
    if pagename == "genindex":
        return f"The index of {project}."
    return project


def _describe(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if 'name="description"' in context.get("metatags", ""):
        return
    description = page_description(pagename, str(app.config.project), doctree)
    context["metatags"] = context.get("metatags", "") + _meta("description", description) + "\n"


def _search_indexable(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    page = Path(app.outdir) / "search.html"
    if page.exists():
        text = page.read_text(encoding="utf-8")
        page.write_text(_NOINDEX.sub("", text), encoding="utf-8")


def _add_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    if doctree is None:
        return
    panel = next((p for p in doctree.findall(cite_panel) if p["kind"] == "article"), None)
    if panel is None:
        return
    lines = [_meta(name, value) for name, value in article_metadata(panel, app.config, pagename)]
    if panel["description"]:
        lines.insert(0, _meta("description", panel["description"]))
    if app.builder.name != "epub":  # an EPUB page with a script must be declared scripted
        lines.append(_script(json_ld(panel, app.config, pagename)))
    context["metatags"] = context.get("metatags", "") + "\n".join(lines) + "\n"


def setup_citation_meta(app: Sphinx) -> None:
    app.connect("html-page-context", _add_metadata)
    app.connect("html-page-context", _describe, priority=900)  # after the essay's own
    app.connect("build-finished", _search_indexable)
