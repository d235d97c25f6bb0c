"""Links to the PDF and the EPUB (``{edition-downloads}``), where they exist.

Read the Docs builds both formats (``.readthedocs.yaml``) and serves them at
``<domain>/_/downloads/<language>/<version>/pdf/`` and ``…/epub/``; conf.py derives
those addresses from the canonical URL.  A local ``make html`` has neither file (they
are made by ``make latexpdf`` and ``make epub``, outside the site), so it links nothing
and says how to make them, rather than linking a file the site does not hold."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from .lang import lang_block

# Read the Docs' canonical URL ends in /<language>/<version>/ (or /<version>/ for a
# single-language project, which cannot be told apart reliably: then no link).
_RTD_PATH = re.compile(r"^/(?P<language>[a-z]{2}(?:[-_][a-z]{2,4})?)/(?P<version>[^/]+)/$")


def rtd_downloads(canonical_url: str) -> tuple[str, str]:
    """The PDF and EPUB addresses Read the Docs serves beside ``canonical_url``; empty
    when the URL is not a Read the Docs page address."""
    parts = urlsplit(canonical_url)
    match = _RTD_PATH.match(parts.path)
    if not parts.scheme or not parts.netloc or not match:
        return "", ""
    base = f"{parts.scheme}://{parts.netloc}/_/downloads/{match['language']}/{match['version']}"
    return f"{base}/pdf/", f"{base}/epub/"


class Downloads(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        pdf, epub = self.config.edition_pdf_url, self.config.edition_epub_url
        box = lang_block(lang="en", classes=["edition-downloads"])
        para = nodes.paragraph()
        para += nodes.strong("Download", "Download")
        para += nodes.Text(" ")
        if pdf or epub:
            links = [(label, url) for label, url in (("PDF", pdf), ("EPUB", epub)) if url]
            for k, (label, url) in enumerate(links):
                if k:
                    para += nodes.Text(" · ")
                para += nodes.reference(label, f"the {label}", refuri=url)
            para += nodes.Text(" (the whole edition as a printed book and as an e-book).")
        else:
            para += nodes.Text(
                "This copy of the site was built without the PDF and the EPUB. Make them with "
            )
            para += nodes.literal("make latexpdf", "make latexpdf")
            para += nodes.Text(" and ")
            para += nodes.literal("make epub", "make epub")
            para += nodes.Text(" (docs/formats.md); the site published on Read the Docs links its own.")
        box += para
        return [box]


def setup_downloads(app: Sphinx) -> None:
    app.add_config_value("edition_pdf_url", "", "html", types=frozenset({str}))
    app.add_config_value("edition_epub_url", "", "html", types=frozenset({str}))
    app.add_config_value("edition_release_date", "", "html", types=frozenset({str}))
    app.add_directive("edition-downloads", Downloads)
